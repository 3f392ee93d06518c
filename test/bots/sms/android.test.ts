import { describe, expect, it } from 'vitest';
import { signAndroidWebhook } from '../../support/fakes/android-sms.ts';
import { SIGNING_KEY, fixture, runInboundCases, runOutboundCases, startSmsHarness, type InboundCase, type OutboundCase } from './harness.ts';

const RECEIVED = fixture('android-sms-received.json');
const SENT_ID = 'PyDmBQZZXYmyxMwED8Fzy';

const inboundCases: InboundCase[] = [
  {
    name: 'a signed sms:received becomes one text event keyed by payload.messageId',
    request: { android: RECEIVED },
    status: 200,
    events: [{ kind: 'text', channel: 'sms', providerId: '1f2e3d4c', from: 'tel:+84912345678', text: 'BC 12 nguoi' }],
    results: ['handled'],
  },
  {
    name: 'newer app versions (sender/recipient, national-format number, accented text) are read the same way',
    request: { android: fixture('android-sms-received-v2.json') },
    status: 200,
    events: [{ kind: 'text', providerId: 'a9b8c7d6', from: 'tel:+84912345678', text: 'Đã ghi nhận 12 người' }],
  },
  {
    name: 'a missing signature is refused with 403 and nothing is dispatched',
    request: { android: RECEIVED, sign: 'missing' },
    status: 403,
    events: [],
  },
  {
    name: 'a signature made with another key is refused with 403',
    request: { android: RECEIVED, sign: 'wrong' },
    status: 403,
    events: [],
  },
  {
    name: 'a correctly signed request stamped 6 minutes ago is a replay: 403',
    request: { android: RECEIVED, sign: 'stale' },
    status: 403,
    body: /window/,
    events: [],
  },
  {
    name: 'a timestamp 6 minutes in the future is refused too (phone clock wrong)',
    request: { android: RECEIVED, sign: 'future' },
    status: 403,
    events: [],
  },
  {
    name: 'the same messageId delivered twice (the app retries for days) is processed once',
    request: { android: RECEIVED },
    repeat: 2,
    status: 200,
    events: [{ providerId: '1f2e3d4c' }, { providerId: '1f2e3d4c' }],
    results: ['handled', 'duplicate'],
  },
  {
    name: 'sms:sent becomes a sent status for the message id the send returned',
    request: { android: fixture('android-sms-sent.json') },
    status: 200,
    events: [{ kind: 'status', channel: 'sms', messageId: SENT_ID, providerId: `${SENT_ID}:sent`, status: 'sent' }],
  },
  {
    name: 'sms:delivered becomes a delivered status',
    request: { android: fixture('android-sms-delivered.json') },
    status: 200,
    events: [{ kind: 'status', messageId: SENT_ID, providerId: `${SENT_ID}:delivered`, status: 'delivered' }],
  },
  {
    name: 'sms:failed becomes a failed status carrying the reason',
    request: { android: fixture('android-sms-failed.json') },
    status: 200,
    events: [{ kind: 'status', messageId: SENT_ID, status: 'failed', error: 'RESULT_ERROR_GENERIC_FAILURE' }],
  },
  {
    name: 'system:ping is acknowledged with 200 and ignored',
    request: { android: fixture('android-system-ping.json') },
    status: 200,
    events: [],
  },
  {
    name: 'an event named like an object property (constructor) is ignored, not mistaken for a status',
    request: { android: fixture('android-sms-sent.json').replace('"sms:sent"', '"constructor"') },
    status: 200,
    events: [],
  },
  {
    name: 'a signed body that is not JSON is malformed (400)',
    request: { android: '{"event":"sms:received",' },
    status: 400,
    events: [],
  },
  {
    name: 'a signed sms:received without messageId is malformed (400)',
    request: { android: RECEIVED.replace('"messageId":"1f2e3d4c",', '') },
    status: 400,
    body: /messageId/,
    events: [],
  },
  {
    name: 'an oversize body is refused with 413',
    request: { raw: '/webhooks/android-sms', body: JSON.stringify({ event: 'sms:received', pad: 'x'.repeat(70_000) }), headers: { 'content-type': 'application/json' } },
    status: 413,
    events: [],
  },
  {
    name: 'a sender that is not a Vietnamese mobile number (a carrier short code) is acknowledged and ignored',
    request: { android: RECEIVED.replace('+84912345678', '9029') },
    status: 200,
    events: [],
  },
];

const TO = 'tel:+84912345678' as const;
// The outbox row id (1 in the harness) is the gateway message `id`: an idempotency key across retries and crashes.
const body = (text: string) => ({ id: 'outbox-1', textMessage: { text }, phoneNumbers: ['+84912345678'] });

const outboundCases: OutboundCase[] = [
  {
    name: 'a reply goes to POST /message unaccented, with the outbox row as its id, which is the providerId',
    provider: 'android',
    message: { to: TO, text: 'Đã ghi nhận báo cáo: 12 người.' },
    attempts: [{ result: { providerId: 'outbox-1', encoding: 'GSM-7', segments: 1 } }],
    requests: [body('Da ghi nhan bao cao: 12 nguoi.')],
    paths: ['/message'],
  },
  {
    name: 'with keepDiacritics the text stays accented (UCS-2)',
    provider: 'android',
    message: { to: TO, text: 'Đã ghi nhận', keepDiacritics: true },
    attempts: [{ result: { encoding: 'UCS-2', segments: 1 } }],
    requests: [body('Đã ghi nhận')],
  },
  {
    name: 'a cloud-style base URL (…/3rdparty/v1) gets /message appended the same way',
    provider: 'android',
    env: { ANDROID_SMS_URL: '$FAKE_ANDROID/3rdparty/v1' },
    message: { to: TO, text: 'Xin chao' },
    attempts: [{ result: { segments: 1 } }],
    requests: [body('Xin chao')],
    paths: ['/3rdparty/v1/message'],
  },
  {
    name: '429 with Retry-After is a retry, then the message goes out',
    provider: 'android',
    message: { to: TO, text: 'Nhac lich' },
    failures: [{ status: 429, retryAfter: 30 }],
    attempts: [{ error: { kind: 'retry', retryAfterMs: 30_000 } }, { result: { segments: 1 } }],
    requests: [body('Nhac lich'), body('Nhac lich')],
  },
  {
    name: 'a 500 is a retry, then the message goes out',
    provider: 'android',
    message: { to: TO, text: 'Nhac lich' },
    failures: [{ status: 500, message: 'Internal Server Error' }],
    attempts: [{ error: { kind: 'retry' } }, { result: { segments: 1 } }],
    requests: [body('Nhac lich'), body('Nhac lich')],
  },
  {
    name: 'a 409 for an id the gateway already holds (a resend after a crash) is a success, not a second SMS',
    provider: 'android',
    message: { to: TO, text: 'Nhac lich' },
    failures: [{ status: 409, message: 'message with this id already exists' }],
    attempts: [{ result: { providerId: 'outbox-1', segments: 1 } }],
    requests: [body('Nhac lich')],
  },
  {
    name: '401 is fatal and names the variables to check',
    provider: 'android',
    message: { to: TO, text: 'Nhac lich' },
    failures: [{ status: 401, message: 'Unauthorized' }],
    attempts: [{ error: { kind: 'fatal', message: /ANDROID_SMS_PASSWORD/ } }],
    requests: [body('Nhac lich')],
  },
  {
    name: 'a 400 is fatal (not retried)',
    provider: 'android',
    message: { to: TO, text: 'Nhac lich' },
    failures: [{ status: 400, message: 'Invalid phone number' }],
    attempts: [{ error: { kind: 'fatal', message: /Invalid phone number/ } }],
    requests: [body('Nhac lich')],
  },
  {
    name: 'a long SMS is one request (the phone sends it as a multipart SMS); segments are recorded',
    provider: 'android',
    message: { to: TO, text: 'Thông báo '.repeat(40).trim() },
    attempts: [{ result: { encoding: 'GSM-7', segments: 3 } }],
    requests: [body('Thong bao '.repeat(40).trim())],
  },
];

describe('SMS via the Android gateway: inbound webhook', () => {
  runInboundCases(inboundCases);

  it('the signature covers the raw bytes: the same JSON re-serialised with other spacing is refused', async () => {
    const h = await startSmsHarness();
    try {
      const headers = signAndroidWebhook(SIGNING_KEY, RECEIVED, h.t.clock.now());
      const respaced = JSON.stringify(JSON.parse(RECEIVED), null, 1);
      const res = await h.post('/webhooks/android-sms', respaced, { 'content-type': 'application/json', ...headers });
      expect(res.status).toBe(403);
      expect(h.events).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('without ANDROID_SMS_SIGNING_KEY the webhook is not mounted (an unsigned webhook is never trusted)', async () => {
    const h = await startSmsHarness({ env: { ANDROID_SMS_SIGNING_KEY: '' } });
    try {
      const res = await h.postAndroid(RECEIVED);
      expect(res.status).toBe(404);
      expect(h.logs()).toMatch(/ANDROID_SMS_SIGNING_KEY/);
    } finally {
      await h.close();
    }
  });
});

describe('SMS via the Android gateway: outbound', () => {
  runOutboundCases(outboundCases);

  it('a phone that does not answer is a retry that says what to check', async () => {
    const h = await startSmsHarness({ provider: 'android', env: { ANDROID_SMS_URL: 'http://127.0.0.1:9' } });
    try {
      await expect(h.channel?.outbound.send({ id: 1, to: TO, text: 'x', priority: 'reply' })).rejects.toMatchObject({
        kind: 'retry',
        message: expect.stringMatching(/ANDROID_SMS_URL/),
      });
      h.assertNoSecrets();
    } finally {
      await h.close();
    }
  });
});
