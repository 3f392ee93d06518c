import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/core/message.ts';
import { fakeMessageSid } from '../../support/fakes/twilio.ts';
import { PEOPLE } from '../../support/seed.ts';
import { expectNeverLogged, rowWhere, runInboundCases, runOutboundCases, type BotHarness, type InboundCase, type OutboundCase } from '../harness.ts';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  MESSAGING_SERVICE_SID,
  PUBLIC_BASE_URL,
  startSms,
  startSmsInbound,
  startSmsOutbound,
  twilioFixture,
  twilioRequest,
  type SmsFakes,
} from './setup.ts';

// ── captured payloads ────────────────────────────────────────────────────────────────────────────────────────
const INBOUND = twilioFixture('twilio-inbound.json');
const SID = INBOUND['MessageSid'];
const STATUS_CALLBACK = `${PUBLIC_BASE_URL}/webhooks/twilio/status`;
const EMPTY_TWIML = /^<\?xml version="1.0" encoding="UTF-8"\?><Response\/>$/;
const LAN = `tel:${PEOPLE.lan.phone}` as const;
const inbound = (fields: Record<string, string>, sign?: 'valid' | 'missing' | 'wrong') => twilioRequest('/webhooks/twilio', fields, sign);
const status = (fields: Record<string, string>) => twilioRequest('/webhooks/twilio/status', fields);

// ── inbound: delivery in → status, normalised events out ─────────────────────────────────────────────────────
const inboundCases: InboundCase[] = [
  {
    name: 'a signed inbound SMS becomes one text event from tel:+84… and is acknowledged with empty TwiML',
    requests: [inbound(INBOUND)],
    statuses: [200],
    body: EMPTY_TWIML,
    contentType: /^text\/xml/,
    events: [{ kind: 'text', channel: 'sms', providerId: SID, from: LAN, text: 'Cho tôi hỏi về BHXH tự nguyện' }],
    results: ['handled'],
    stored: 1,
    neverLogged: ['Cho tôi hỏi'],
  },
  {
    name: 'a national-format sender (0912…) is normalised to tel:+84…',
    requests: [inbound(twilioFixture('twilio-inbound.json', { From: '0912345678' }))],
    statuses: [200],
    events: [{ kind: 'text', from: LAN }],
  },
  {
    name: 'a missing signature is refused with 403 and nothing is dispatched',
    requests: [inbound(INBOUND, 'missing')],
    statuses: [403],
    events: [],
    stored: 0,
  },
  {
    name: 'a signature made with another auth token is refused with 403',
    requests: [inbound(INBOUND, 'wrong')],
    statuses: [403],
    events: [],
    stored: 0,
  },
  {
    name: 'a signature for the inbound URL does not open the status URL (each route checks its own URL)',
    requests: [{ ...inbound(twilioFixture('twilio-status-delivered.json')), path: '/webhooks/twilio/status' }],
    statuses: [403],
    events: [],
  },
  {
    name: 'the same MessageSid delivered twice is processed once',
    requests: [inbound(INBOUND), inbound(INBOUND)],
    statuses: [200, 200],
    events: [{ providerId: SID }, { providerId: SID }],
    results: ['handled', 'duplicate'],
    stored: 1,
  },
  {
    name: 'a signed body without MessageSid is malformed (400)',
    requests: [inbound(twilioFixture('twilio-inbound.json', { MessageSid: undefined }))],
    statuses: [400],
    body: /MessageSid/,
    events: [],
  },
  {
    name: 'an oversize body is refused with 413 before anything else',
    requests: [
      {
        path: '/webhooks/twilio',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'irrelevant' },
        body: new URLSearchParams({ ...INBOUND, Body: 'x'.repeat(70_000) }).toString(),
      },
    ],
    statuses: [413],
    events: [],
  },
  {
    name: 'a sender that is not a Vietnamese mobile number is acknowledged and ignored',
    requests: [inbound(twilioFixture('twilio-inbound.json', { From: '+842438253456' }))],
    statuses: [200],
    body: EMPTY_TWIML,
    events: [],
    stored: 0,
  },
  {
    name: 'a delivered status callback becomes a status event keyed by MessageSid:MessageStatus',
    requests: [status(twilioFixture('twilio-status-delivered.json'))],
    statuses: [200],
    body: EMPTY_TWIML,
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
    requests: [status(twilioFixture('twilio-status-undelivered-21610.json'))],
    statuses: [200],
    events: [{ kind: 'status', messageId: 'SMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', status: 'failed', stopped: true, error: 'Twilio error 21610' }],
  },
  {
    name: 'a queued status callback is acknowledged and ignored',
    requests: [status(twilioFixture('twilio-status-queued.json'))],
    statuses: [200],
    events: [],
  },
  {
    name: 'is not mounted without PUBLIC_BASE_URL (the signed URL cannot be known), and says so in the log',
    env: { PUBLIC_BASE_URL: '', ANDROID_SMS_SIGNING_KEY: '' },
    requests: [inbound(INBOUND)],
    statuses: [404],
    events: [],
    check: (h) => expect(h.logs()).toMatch(/set PUBLIC_BASE_URL/),
  },
];

describe('SMS via Twilio: inbound webhooks', () => {
  runInboundCases({ path: '/webhooks/twilio', cases: inboundCases, start: startSmsInbound, secrets: () => [AUTH_TOKEN] });
});

// ── outbound: Twilio answers in → what the outbox is told, exact requests out ───────────────────────────────
const message: OutboundMessage = { id: 1, to: LAN, text: 'Nhac lich', priority: 'reply' };

const outbound: OutboundCase<SmsFakes>[] = [
  {
    name: 'a reply goes out unaccented through the Messaging Service, with a StatusCallback',
    message: { text: 'Đã ghi nhận 12 người “tham gia” – cảm ơn anh/chị…' },
    attempts: [{ ok: { providerId: expect.stringMatching(/^SM[0-9a-f]{32}$/) as unknown as string, encoding: 'GSM-7', segments: 1 } }],
    requests: [
      {
        To: PEOPLE.lan.phone,
        Body: 'Da ghi nhan 12 nguoi "tham gia" - cam on anh/chi...',
        MessagingServiceSid: MESSAGING_SERVICE_SID,
        StatusCallback: STATUS_CALLBACK,
      },
    ],
  },
  {
    name: 'with keepDiacritics the text stays accented and is counted as UCS-2',
    message: { text: 'Đã ghi nhận', keepDiacritics: true },
    attempts: [{ ok: { encoding: 'UCS-2', segments: 1 } }],
    requests: [{ To: PEOPLE.lan.phone, Body: 'Đã ghi nhận', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'SMS_KEEP_DIACRITICS keeps accents for every message',
    env: { SMS_KEEP_DIACRITICS: 'true' },
    message: { text: 'Đã ghi nhận' },
    attempts: [{ ok: { encoding: 'UCS-2' } }],
    requests: [{ To: PEOPLE.lan.phone, Body: 'Đã ghi nhận', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'without a Messaging Service it sends From, and without PUBLIC_BASE_URL no StatusCallback',
    env: { TWILIO_MESSAGING_SERVICE_SID: '', TWILIO_FROM: '+15005550006', PUBLIC_BASE_URL: '' },
    message: { text: 'Xin chao' },
    attempts: [{ ok: { encoding: 'GSM-7', segments: 1 } }],
    requests: [{ To: PEOPLE.lan.phone, Body: 'Xin chao', From: '+15005550006' }],
  },
  {
    name: 'a 429 is a retry that honours Retry-After, then the message goes out (not lost)',
    message: { text: 'Nhac lich' },
    arrange: (fakes) => {
      for (const f of [{ status: 429, code: 20429, retryAfter: 7 }]) fakes.twilio.failNext(f);
    },
    attempts: [{ error: { kind: 'retry', retryAfterMs: 7000, message: /throttling/ } }, { ok: { segments: 1 } }],
    requests: [
      { To: PEOPLE.lan.phone, Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK },
      { To: PEOPLE.lan.phone, Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK },
    ],
  },
  {
    name: 'a 500 then a 503 are retries, then the message goes out',
    message: { text: 'Nhac lich' },
    arrange: (fakes) => {
      for (const f of [{ status: 500 }, { status: 503, retryAfter: 2 }]) fakes.twilio.failNext(f);
    },
    attempts: [{ error: { kind: 'retry' } }, { error: { kind: 'retry', retryAfterMs: 2000 } }, { ok: { segments: 1 } }],
    requests: Array.from({ length: 3 }, () => ({
      To: PEOPLE.lan.phone,
      Body: 'Nhac lich',
      MessagingServiceSid: MESSAGING_SERVICE_SID,
      StatusCallback: STATUS_CALLBACK,
    })),
  },
  {
    name: 'error 21610 (the person replied STOP) is stopped',
    message: { text: 'Nhac lich' },
    arrange: (fakes) => {
      for (const f of [{ status: 400, code: 21610 }]) fakes.twilio.failNext(f);
    },
    attempts: [{ error: { kind: 'stopped', providerCode: '21610', message: /STOP/ } }],
    requests: [{ To: PEOPLE.lan.phone, Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'error 21211 (invalid To) is stopped for that address, with the number masked in the error',
    message: { text: 'Nhac lich' },
    arrange: (fakes) => {
      for (const f of [{ status: 400, code: 21211, message: "The 'To' number +84912345678 is not a valid phone number." }]) fakes.twilio.failNext(f);
    },
    attempts: [{ error: { kind: 'stopped', providerCode: '21211', message: /^(?!.*912345678).*fix the contact's phone number/ } }],
    requests: [{ To: PEOPLE.lan.phone, Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'bad credentials (20003) are fatal and say which variables to check',
    message: { text: 'Nhac lich' },
    arrange: (fakes) => {
      for (const f of [{ status: 401, code: 20003 }]) fakes.twilio.failNext(f);
    },
    attempts: [{ error: { kind: 'fatal', message: /TWILIO_AUTH_TOKEN/ } }],
    requests: [{ To: PEOPLE.lan.phone, Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'another 4xx is fatal (not retried)',
    message: { text: 'Nhac lich' },
    arrange: (fakes) => {
      for (const f of [{ status: 400, code: 21620, message: 'Invalid media URL(s)' }]) fakes.twilio.failNext(f);
    },
    attempts: [{ error: { kind: 'fatal', providerCode: '21620' } }],
    requests: [{ To: PEOPLE.lan.phone, Body: 'Nhac lich', MessagingServiceSid: MESSAGING_SERVICE_SID, StatusCallback: STATUS_CALLBACK }],
  },
  {
    name: 'an address that is not a Vietnamese mobile number is stopped without calling Twilio',
    message: { to: 'tel:+842438253456', text: 'Nhac lich' },
    attempts: [{ error: { kind: 'stopped', message: /not a Vietnamese mobile number/ } }],
    requests: [],
  },
  {
    name: 'a long SMS is one request with its segment count recorded (4 GSM-7 parts of 153)',
    message: { text: 'Nội dung dài '.repeat(40).trim() },
    attempts: [{ ok: { encoding: 'GSM-7', segments: 4 } }],
    requests: [
      {
        To: PEOPLE.lan.phone,
        Body: 'Noi dung dai '.repeat(40).trim(),
        MessagingServiceSid: MESSAGING_SERVICE_SID,
        StatusCallback: STATUS_CALLBACK,
      },
    ],
  },
  {
    name: 'a text over 10 segments is split on word boundaries into several messages; segments are summed',
    message: { text: 'bao hiem xa hoi tu nguyen '.repeat(80).trim() },
    attempts: [{ ok: { encoding: 'GSM-7', segments: 14, providerId: expect.stringMatching(/^SM/) as unknown as string } }],
    // 2,079 characters: a first message of 10 full segments (1,530 characters, ending on a whole word), then the rest.
    requests: [
      expect.objectContaining({ To: PEOPLE.lan.phone, Body: expect.stringMatching(/^bao hiem (\S+ )+tu$/) }),
      expect.objectContaining({ To: PEOPLE.lan.phone, Body: expect.stringMatching(/^nguyen (\S+ )+nguyen$/) }),
    ],
  },
];


describe('SMS via Twilio: outbound', () => {
  runOutboundCases({
    cases: outbound,
    message,
    requestMatch: 'exact',
    start: startSmsOutbound('twilio'),
  });
});

// ── delivery reports, end to end: the outbox sends, Twilio calls back, the row follows ───────────────────────
/** Queue a reply through an inbound SMS, send it through the outbox to the fake, and return its row id and SID. */
async function sendOneReply(h: BotHarness): Promise<{ id: number; sid: string }> {
  await h.post('/webhooks/twilio', inbound({ ...INBOUND, MessageSid: fakeMessageSid(), Body: 'hello' }));
  const id = h.dispatched[0]?.result.outboxIds[0];
  if (id === undefined) throw new Error('the inbound SMS queued no reply');
  await h.t.service.outbox.runOnce();
  const row = await rowWhere(h.db, 'outbox', 'id', id);
  expect(row).toMatchObject({ status: 'sent', encoding: 'GSM-7', provider_id: expect.stringMatching(/^SM/) as unknown });
  return { id, sid: String(row?.['provider_id']) };
}

const callback = (sid: string, messageStatus: string) => status({ MessageSid: sid, MessageStatus: messageStatus, AccountSid: ACCOUNT_SID });

/** Run `fn` against a fresh service sending through Twilio; the fakes and the service are closed after. */
async function withTwilio(fn: (h: BotHarness, secrets: string[]) => Promise<void>): Promise<void> {
  const { h, fakes, secrets } = await startSms({ SMS_PROVIDER: 'twilio' });
  try {
    await fn(h, secrets());
  } finally {
    await h.close();
    await fakes.close();
  }
}

describe('SMS via Twilio: delivery reports', () => {
  it('a status callback updates the outbox row of the message it reports on', () =>
    withTwilio(async (h, secrets) => {
      const { id, sid } = await sendOneReply(h);
      expect((await h.post('', callback(sid, 'delivered'))).status).toBe(200);
      expect(h.dispatched.at(-1)?.result.status).toBe('handled');
      expect((await rowWhere(h.db, 'outbox', 'id', id))?.['status']).toBe('delivered');
      expectNeverLogged(h.logs(), secrets);
    }));

  it('a late "sent" never moves a delivered row back', () =>
    withTwilio(async (h) => {
      const { id, sid } = await sendOneReply(h);
      await h.post('', callback(sid, 'delivered'));
      await h.post('', callback(sid, 'sent'));
      expect((await rowWhere(h.db, 'outbox', 'id', id))?.['status']).toBe('delivered');
    }));

  // Known defect until src/core/outbox.ts applies deliveryReportApplies (src/core/delivery-status.ts): a final
  // status is overwritten by a callback arriving after it. When the rule is wired in, this test starts to fail:
  // turn `it.fails` into `it`.
  it.each([
    ['delivered', 'undelivered', 'delivered'],
    ['undelivered', 'delivered', 'failed'],
  ])('a final status is never overwritten: %s then %s leaves the row %s', (first, second, expected) =>
    withTwilio(async (h) => {
      const { id, sid } = await sendOneReply(h);
      await h.post('', callback(sid, first));
      await h.post('', callback(sid, second));
      expect((await rowWhere(h.db, 'outbox', 'id', id))?.['status']).toBe(expected);
    }),
  );
});
