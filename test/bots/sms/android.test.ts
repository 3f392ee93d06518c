import { describe, expect } from 'vitest';
import type { OutboundMessage } from '../../../src/core/message.ts';
import { PEOPLE } from '../../support/seed.ts';
import { runInboundCases, runOutboundCases, type InboundCase, type OutboundCase } from '../harness.ts';
import { SIGNING_KEY, androidRequest, fixture, startSmsInbound, startSmsOutbound, type SmsFakes } from './setup.ts';

// ── captured payloads ────────────────────────────────────────────────────────────────────────────────────────
const RECEIVED = fixture('android-sms-received.json');
const SENT_ID = 'PyDmBQZZXYmyxMwED8Fzy';
const LAN = `tel:${PEOPLE.lan.phone}` as const;

// ── inbound: delivery in → status, normalised events out ─────────────────────────────────────────────────────
const inbound: InboundCase[] = [
  {
    name: 'a signed sms:received becomes one text event keyed by payload.messageId',
    requests: [androidRequest(RECEIVED)],
    statuses: [200],
    events: [{ kind: 'text', channel: 'sms', providerId: '1f2e3d4c', from: LAN, text: 'BC 12 nguoi' }],
    results: ['handled'],
    stored: 1,
  },
  {
    name: 'newer app versions (sender/recipient, national-format number, accented text) are read the same way',
    requests: [androidRequest(fixture('android-sms-received-v2.json'))],
    statuses: [200],
    events: [{ kind: 'text', providerId: 'a9b8c7d6', from: LAN, text: 'Đã ghi nhận 12 người' }],
  },
  {
    name: 'a missing signature is refused with 403 and nothing is dispatched',
    requests: [androidRequest(RECEIVED, 'missing')],
    statuses: [403],
    events: [],
    stored: 0,
  },
  {
    name: 'a signature made with another key is refused with 403',
    requests: [androidRequest(RECEIVED, 'wrong')],
    statuses: [403],
    events: [],
  },
  {
    name: 'a correctly signed request stamped 6 minutes ago is a replay: 403',
    requests: [androidRequest(RECEIVED, 'stale')],
    statuses: [403],
    body: /window/,
    events: [],
  },
  {
    name: 'a timestamp 6 minutes in the future is refused too (phone clock wrong)',
    requests: [androidRequest(RECEIVED, 'future')],
    statuses: [403],
    events: [],
  },
  {
    name: 'the signature covers the raw bytes: the same JSON re-serialised with other spacing is refused',
    requests: [{ ...androidRequest(RECEIVED), body: JSON.stringify(JSON.parse(RECEIVED), null, 1) }],
    statuses: [403],
    events: [],
  },
  {
    name: 'the same messageId delivered twice (the app retries for days) is processed once',
    requests: [androidRequest(RECEIVED), androidRequest(RECEIVED)],
    statuses: [200, 200],
    events: [{ providerId: '1f2e3d4c' }, { providerId: '1f2e3d4c' }],
    results: ['handled', 'duplicate'],
    stored: 1,
  },
  {
    name: 'sms:sent becomes a sent status for the message id the send returned',
    requests: [androidRequest(fixture('android-sms-sent.json'))],
    statuses: [200],
    events: [{ kind: 'status', channel: 'sms', messageId: SENT_ID, providerId: `${SENT_ID}:sent`, status: 'sent' }],
  },
  {
    name: 'sms:delivered becomes a delivered status',
    requests: [androidRequest(fixture('android-sms-delivered.json'))],
    statuses: [200],
    events: [{ kind: 'status', messageId: SENT_ID, providerId: `${SENT_ID}:delivered`, status: 'delivered' }],
  },
  {
    name: 'sms:failed becomes a failed status carrying the reason',
    requests: [androidRequest(fixture('android-sms-failed.json'))],
    statuses: [200],
    events: [{ kind: 'status', messageId: SENT_ID, status: 'failed', error: 'RESULT_ERROR_GENERIC_FAILURE' }],
  },
  {
    name: 'system:ping is acknowledged with 200 and ignored',
    requests: [androidRequest(fixture('android-system-ping.json'))],
    statuses: [200],
    body: /"ok":true/,
    events: [],
  },
  {
    name: 'an event named like an object property (constructor) is ignored, not mistaken for a status',
    requests: [androidRequest(fixture('android-sms-sent.json').replace('"sms:sent"', '"constructor"'))],
    statuses: [200],
    events: [],
  },
  {
    name: 'a signed body that is not JSON is malformed (400)',
    requests: [androidRequest('{"event":"sms:received",')],
    statuses: [400],
    events: [],
  },
  {
    name: 'a signed sms:received without messageId is malformed (400)',
    requests: [androidRequest(RECEIVED.replace('"messageId":"1f2e3d4c",', ''))],
    statuses: [400],
    body: /messageId/,
    events: [],
  },
  {
    name: 'an oversize body is refused with 413',
    requests: [{ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ event: 'sms:received', pad: 'x'.repeat(70_000) }) }],
    statuses: [413],
    events: [],
  },
  {
    name: 'a sender that is not a Vietnamese mobile number (a carrier short code) is acknowledged and ignored',
    requests: [androidRequest(RECEIVED.replace(PEOPLE.lan.phone, '9029'))],
    statuses: [200],
    events: [],
    stored: 0,
  },
  {
    name: 'without ANDROID_SMS_SIGNING_KEY the webhook is not mounted (an unsigned webhook is never trusted)',
    env: { ANDROID_SMS_SIGNING_KEY: '' },
    requests: [androidRequest(RECEIVED)],
    statuses: [404],
    events: [],
    check: (h) => expect(h.logs()).toMatch(/ANDROID_SMS_SIGNING_KEY/),
  },
];

describe('SMS via the Android gateway: inbound webhook', () => {
  runInboundCases({
    path: '/webhooks/android-sms',
    cases: inbound,
    start: startSmsInbound,
    secrets: () => [SIGNING_KEY],
  });
});

// ── outbound: gateway answers in → what the outbox is told, exact requests out ───────────────────────────────
const message: OutboundMessage = { id: 1, to: LAN, text: 'Nhac lich', priority: 'reply' };
const body = (text: string) => ({ textMessage: { text }, phoneNumbers: [PEOPLE.lan.phone] });
const paths = (expected: string[]) => (fakes: SmsFakes) => expect(fakes.android.calls.map((c) => c.path)).toEqual(expected);

const outbound: OutboundCase<SmsFakes>[] = [
  {
    name: 'a reply goes to POST /message unaccented, and the gateway id is the providerId',
    message: { text: 'Đã ghi nhận báo cáo: 12 người.' },
    attempts: [{ ok: { providerId: expect.stringMatching(/^[\w-]{21}$/) as unknown as string, encoding: 'GSM-7', segments: 1 } }],
    requests: [body('Da ghi nhan bao cao: 12 nguoi.')],
    check: paths(['/message']),
  },
  {
    name: 'with keepDiacritics the text stays accented (UCS-2)',
    message: { text: 'Đã ghi nhận', keepDiacritics: true },
    attempts: [{ ok: { encoding: 'UCS-2', segments: 1 } }],
    requests: [body('Đã ghi nhận')],
  },
  {
    name: 'a cloud-style base URL (…/3rdparty/v1) gets /message appended the same way',
    env: { ANDROID_SMS_URL: '$FAKE_ANDROID/3rdparty/v1' },
    message: { text: 'Xin chao' },
    attempts: [{ ok: { segments: 1 } }],
    requests: [body('Xin chao')],
    check: paths(['/3rdparty/v1/message']),
  },
  {
    name: '429 with Retry-After is a retry, then the message goes out',
    arrange: (fakes) => fakes.android.failNext({ status: 429, retryAfter: 30 }),
    attempts: [{ error: { kind: 'retry', retryAfterMs: 30_000 } }, { ok: { segments: 1 } }],
    requests: [body('Nhac lich'), body('Nhac lich')],
  },
  {
    name: 'a 500 is a retry, then the message goes out',
    arrange: (fakes) => fakes.android.failNext({ status: 500, message: 'Internal Server Error' }),
    attempts: [{ error: { kind: 'retry' } }, { ok: { segments: 1 } }],
    requests: [body('Nhac lich'), body('Nhac lich')],
  },
  {
    name: '401 is fatal and names the variables to check',
    arrange: (fakes) => fakes.android.failNext({ status: 401, message: 'Unauthorized' }),
    attempts: [{ error: { kind: 'fatal', message: /ANDROID_SMS_PASSWORD/ } }],
    requests: [body('Nhac lich')],
  },
  {
    name: 'a 400 is fatal (not retried)',
    arrange: (fakes) => fakes.android.failNext({ status: 400, message: 'Invalid phone number' }),
    attempts: [{ error: { kind: 'fatal', message: /Invalid phone number/ } }],
    requests: [body('Nhac lich')],
  },
  {
    name: 'a long SMS is one request (the phone sends it as a multipart SMS); segments are recorded',
    message: { text: 'Thông báo '.repeat(40).trim() },
    attempts: [{ ok: { encoding: 'GSM-7', segments: 3 } }],
    requests: [body('Thong bao '.repeat(40).trim())],
  },
  {
    name: 'a phone that does not answer is a retry that says what to check',
    env: { ANDROID_SMS_URL: 'http://127.0.0.1:9' },
    attempts: [{ error: { kind: 'retry', message: /ANDROID_SMS_URL/ } }],
    requests: [],
  },
];

describe('SMS via the Android gateway: outbound', () => {
  runOutboundCases({
    cases: outbound,
    message,
    requestMatch: 'exact',
    start: startSmsOutbound('android'),
  });
});
