import { describe, expect, it } from 'vitest';
import { fakeMessageSid } from '../../support/fakes/twilio.ts';
import {
  MESSAGING_SERVICE_SID,
  PUBLIC_BASE_URL,
  runInboundCases,
  runOutboundCases,
  startSmsHarness,
  twilioFixture,
  type InboundCase,
  type OutboundCase,
} from './harness.ts';

const INBOUND = twilioFixture('twilio-inbound.json');
const SID = INBOUND['MessageSid'];
const STATUS_CALLBACK = `${PUBLIC_BASE_URL}/webhooks/twilio/status`;
const EMPTY_TWIML = /^<\?xml version="1.0" encoding="UTF-8"\?><Response\/>$/;

const inboundCases: InboundCase[] = [
  {
    name: 'a signed inbound SMS becomes one text event from tel:+84… and is acknowledged with empty TwiML',
    request: { twilio: '/webhooks/twilio', fields: INBOUND },
    status: 200,
    body: EMPTY_TWIML,
    contentType: /^text\/xml/,
    events: [{ kind: 'text', channel: 'sms', providerId: SID, from: 'tel:+84912345678', text: 'Cho tôi hỏi về BHXH tự nguyện' }],
    results: ['handled'],
  },
  {
    name: 'a national-format sender (0912…) is normalised to tel:+84…',
    request: { twilio: '/webhooks/twilio', fields: twilioFixture('twilio-inbound.json', { From: '0912345678' }) },
    status: 200,
    events: [{ kind: 'text', from: 'tel:+84912345678' }],
  },
  {
    name: 'a missing signature is refused with 403 and nothing is dispatched',
    request: { twilio: '/webhooks/twilio', fields: INBOUND, sign: 'missing' },
    status: 403,
    events: [],
  },
  {
    name: 'a signature made with another auth token is refused with 403',
    request: { twilio: '/webhooks/twilio', fields: INBOUND, sign: 'wrong' },
    status: 403,
    events: [],
  },
  {
    name: 'a signature for the inbound URL does not open the status URL (each route checks its own URL)',
    request: {
      raw: '/webhooks/twilio/status',
      body: new URLSearchParams(twilioFixture('twilio-status-delivered.json')).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
    status: 403,
    events: [],
  },
  {
    name: 'the same MessageSid delivered twice is processed once',
    request: { twilio: '/webhooks/twilio', fields: INBOUND },
    repeat: 2,
    status: 200,
    events: [{ providerId: SID }, { providerId: SID }],
    results: ['handled', 'duplicate'],
  },
  {
    name: 'a signed body without MessageSid is malformed (400)',
    request: { twilio: '/webhooks/twilio', fields: twilioFixture('twilio-inbound.json', { MessageSid: undefined }) },
    status: 400,
    body: /MessageSid/,
    events: [],
  },
  {
    name: 'an oversize body is refused with 413 before anything else',
    request: {
      raw: '/webhooks/twilio',
      body: new URLSearchParams({ ...INBOUND, Body: 'x'.repeat(70_000) }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'irrelevant' },
    },
    status: 413,
    events: [],
  },
  {
    name: 'a sender that is not a Vietnamese mobile number is acknowledged and ignored',
    request: { twilio: '/webhooks/twilio', fields: twilioFixture('twilio-inbound.json', { From: '+842438253456' }) },
    status: 200,
    body: EMPTY_TWIML,
    events: [],
  },
  {
    name: 'a delivered status callback becomes a status event keyed by MessageSid:MessageStatus',
    request: { twilio: '/webhooks/twilio/status', fields: twilioFixture('twilio-status-delivered.json') },
    status: 200,
    events: [
      {
        kind: 'status',
        channel: 'sms',
        messageId: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        providerId: 'SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:delivered',
        status: 'delivered',
      },
    ],
  },
  {
    name: 'an undelivered callback with ErrorCode 21610 is a failed status that marks the person stopped',
    request: { twilio: '/webhooks/twilio/status', fields: twilioFixture('twilio-status-undelivered-21610.json') },
    status: 200,
    events: [{ kind: 'status', messageId: 'SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', status: 'failed', stopped: true, error: 'Twilio error 21610' }],
  },
  {
    name: 'a queued status callback is acknowledged and ignored',
    request: { twilio: '/webhooks/twilio/status', fields: twilioFixture('twilio-status-queued.json') },
    status: 200,
    events: [],
  },
];

const TO = 'tel:+84912345678' as const;

const outboundCases: OutboundCase[] = [
  {
    name: 'a reply goes out unaccented through the Messaging Service, with a StatusCallback',
    provider: 'twilio',
    message: { to: TO, text: 'Đã ghi nhận 12 người “tham gia” – cảm ơn anh/chị…' },
    attempts: [{ result: { providerId: expect.stringMatching(/^SM[0-9a-f]{32}$/), encoding: 'GSM-7', segments: 1 } }],
    requests: [
      {
        To: '+84912345678',
        Body: 'Da ghi nhan 12 nguoi "tham gia" - cam on anh/chi...',
        MessagingServiceSid: MESSAGING_SERVICE_SID,
        StatusCallback: STATUS_CALLBACK,
      },
    ],
  },
  {
    name: 'with keepDiacritics the text stays accented and is counted as UCS-2',
    provider: 'twilio',
    message: { to: TO, text: 'Đã ghi nhận', keepDiacritics: true },
    attempts: [{ result: { encoding: 'UCS-2', segments: 1 } }],
    requests: [{ To: '+84912345678', Body: 'Đã ghi nhận', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'SMS_KEEP_DIACRITICS keeps accents for every message',
    provider: 'twilio',
    env: { SMS_KEEP_DIACRITICS: 'true' },
    message: { to: TO, text: 'Đã ghi nhận' },
    attempts: [{ result: { encoding: 'UCS-2' } }],
    requests: [{ To: '+84912345678', Body: 'Đã ghi nhận', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'without a Messaging Service it sends From, and without PUBLIC_BASE_URL no StatusCallback',
    provider: 'twilio',
    env: { TWILIO_MESSAGING_SERVICE_SID: '', TWILIO_FROM: '+15005550006', PUBLIC_BASE_URL: '' },
    message: { to: TO, text: 'Xin chao' },
    attempts: [{ result: { encoding: 'GSM-7', segments: 1 } }],
    requests: [{ To: '+84912345678', Body: 'Xin chao', From: '+15005550006' }],
  },
  {
    name: 'a 429 is a retry that honours Retry-After, then the message goes out (not lost)',
    provider: 'twilio',
    message: { to: TO, text: 'Nhac lich' },
    failures: [{ status: 429, code: 20429, retryAfter: 7 }],
    attempts: [{ error: { kind: 'retry', retryAfterMs: 7000, message: /throttling/ } }, { result: { segments: 1 } }],
    requests: [
      { To: '+84912345678', Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK },
      { To: '+84912345678', Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK },
    ],
  },
  {
    name: 'a 500 then a 503 are retries, then the message goes out',
    provider: 'twilio',
    message: { to: TO, text: 'Nhac lich' },
    failures: [{ status: 500 }, { status: 503, retryAfter: 2 }],
    attempts: [{ error: { kind: 'retry' } }, { error: { kind: 'retry', retryAfterMs: 2000 } }, { result: { segments: 1 } }],
    requests: Array.from({ length: 3 }, () => ({
      To: '+84912345678',
      Body: 'Nhac lich',
      MessagingServiceSid: MESSAGING_SERVICE_SID,
      StatusCallback: STATUS_CALLBACK,
    })),
  },
  {
    name: 'error 21610 (the person replied STOP) is stopped',
    provider: 'twilio',
    message: { to: TO, text: 'Nhac lich' },
    failures: [{ status: 400, code: 21610 }],
    attempts: [{ error: { kind: 'stopped', providerCode: '21610', message: /STOP/ } }],
    requests: [{ To: '+84912345678', Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'error 21211 (invalid To) is stopped for that address, with the number masked in the error',
    provider: 'twilio',
    message: { to: TO, text: 'Nhac lich' },
    failures: [{ status: 400, code: 21211, message: "The 'To' number +84912345678 is not a valid phone number." }],
    attempts: [{ error: { kind: 'stopped', providerCode: '21211', message: /^(?!.*912345678).*fix the contact's phone number/ } }],
    requests: [{ To: '+84912345678', Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'bad credentials (20003) are fatal and say which variables to check',
    provider: 'twilio',
    message: { to: TO, text: 'Nhac lich' },
    failures: [{ status: 401, code: 20003 }],
    attempts: [{ error: { kind: 'fatal', message: /TWILIO_AUTH_TOKEN/ } }],
    requests: [{ To: '+84912345678', Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'another 4xx is fatal (not retried)',
    provider: 'twilio',
    message: { to: TO, text: 'Nhac lich' },
    failures: [{ status: 400, code: 21620, message: 'Invalid media URL(s)' }],
    attempts: [{ error: { kind: 'fatal', providerCode: '21620' } }],
    requests: [{ To: '+84912345678', Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'an address that is not a Vietnamese mobile number is stopped without calling Twilio',
    provider: 'twilio',
    message: { to: 'tel:+842438253456', text: 'Nhac lich' },
    attempts: [{ error: { kind: 'stopped', message: /not a Vietnamese mobile number/ } }],
    requests: [],
  },
  {
    name: 'a long SMS is one request with its segment count recorded (4 GSM-7 parts of 153)',
    provider: 'twilio',
    message: { to: TO, text: 'Nội dung dài '.repeat(40).trim() },
    attempts: [{ result: { encoding: 'GSM-7', segments: 4 } }],
    requests: [
      {
        To: '+84912345678',
        Body: 'Noi dung dai '.repeat(40).trim(),
        MessagingServiceSid: MESSAGING_SERVICE_SID,
        StatusCallback: STATUS_CALLBACK,
      },
    ],
  },
  {
    name: 'a text over 10 segments is split on word boundaries into several messages; segments are summed',
    provider: 'twilio',
    message: { to: TO, text: 'bao hiem xa hoi tu nguyen '.repeat(80).trim() },
    attempts: [{ result: { encoding: 'GSM-7', segments: 14, providerId: expect.stringMatching(/^SM/) } }],
    // 2,079 characters: a first message of 10 full segments (1,530 characters, ending on a whole word), then the rest.
    requests: [
      expect.objectContaining({ To: '+84912345678', Body: expect.stringMatching(/^bao hiem (\S+ )+tu$/) }),
      expect.objectContaining({ To: '+84912345678', Body: expect.stringMatching(/^nguyen (\S+ )+nguyen$/) }),
    ],
  },
];

describe('SMS via Twilio: inbound webhooks', () => {
  runInboundCases(inboundCases);

  it('is not mounted without PUBLIC_BASE_URL (the signed URL cannot be known), and says so in the log', async () => {
    const h = await startSmsHarness({ env: { PUBLIC_BASE_URL: '', ANDROID_SMS_SIGNING_KEY: '' } });
    try {
      const res = await h.postTwilio('/webhooks/twilio', twilioFixture('twilio-inbound.json'));
      expect(res.status).toBe(404);
      expect(h.logs()).toMatch(/set PUBLIC_BASE_URL/);
    } finally {
      await h.close();
    }
  });

  it('a status callback updates the outbox row of the message it reports on, end to end', async () => {
    const h = await startSmsHarness({ provider: 'twilio' });
    try {
      // An inbound SMS queues a reply; the outbox sends it through the channel to the fake.
      await h.postTwilio('/webhooks/twilio', { ...twilioFixture('twilio-inbound.json'), MessageSid: fakeMessageSid(), Body: 'hello' });
      const queued = h.results[0]?.outboxIds ?? [];
      expect(queued.length).toBeGreaterThan(0);
      await h.t.service.outbox.runOnce();
      const row = h.t.service.db.$client.prepare('SELECT provider_id, status, encoding, segments FROM outbox WHERE id = ?').get(queued[0]) as {
        provider_id: string;
        status: string;
        encoding: string;
        segments: number;
      };
      expect(row).toMatchObject({ status: 'sent', encoding: 'GSM-7' });
      expect(row.provider_id).toMatch(/^SM/);

      const res = await h.postTwilio('/webhooks/twilio/status', { MessageSid: row.provider_id, MessageStatus: 'delivered', AccountSid: h.twilio.accountSid });
      expect(res.status).toBe(200);
      expect(h.results.at(-1)?.status).toBe('handled');
      const after = h.t.service.db.$client.prepare('SELECT status FROM outbox WHERE id = ?').get(queued[0]) as { status: string };
      expect(after.status).toBe('delivered');
      h.assertNoSecrets();
    } finally {
      await h.close();
    }
  });
});

describe('SMS via Twilio: outbound', () => {
  runOutboundCases(outboundCases);
});
