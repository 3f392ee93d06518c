import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createZaloChannel, ZALO_WEBHOOK_PATH } from '../../../bots/zalo/index.ts';
import { parseJsonKeepingLongIds } from '../../../bots/zalo/json.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/core/log.ts';
import { signZaloEvent, startFakeZalo } from '../../support/fakes/zalo.ts';
import { PEOPLE } from '../../support/seed.ts';
import { DEFAULT_NOW, rowWhere, runInboundCases, startBotHarness, type BotHarness, type InboundCase, type WebhookRequest } from '../harness.ts';
import { APP_ID, APP_SECRET, KEYS, OA_SECRET, USER, USER_ID, fixture } from './setup.ts';

// ── captured payloads (raw text: the signature covers the exact bytes) ───────────────────────────────────────
const TEXT = fixture('user-send-text');
const TEXT_NUMERIC_IDS = fixture('user-send-text-numeric-ids');
const FOLLOW = fixture('follow');
const UNFOLLOW = fixture('unfollow');
const SUBMIT_INFO = fixture('user-submit-info');
const OA_ECHO = fixture('oa-send-text');
const IMAGE = fixture('user-send-image');

const bodyTimestamp = (raw: string): string => {
  const m = /"timestamp":"?(\d+)/.exec(raw);
  if (!m?.[1]) throw new Error('fixture without timestamp');
  return m[1];
};
/** Signed as Zalo does, with the timestamp of the body. */
const signed = (raw: string): WebhookRequest => ({ headers: signZaloEvent(KEYS, raw, bodyTimestamp(raw), 'body'), body: raw });
/** Signed with a timestamp sent in the X-ZEvent-Timestamp header instead. */
const signedWithHeader = (raw: string, timestamp: string): WebhookRequest => ({ headers: signZaloEvent(KEYS, raw, timestamp, 'header'), body: raw });
const unsigned = (raw: string): WebhookRequest => ({ headers: { 'content-type': 'application/json' }, body: raw });
const signedBy = (keys: typeof KEYS, raw: string): WebhookRequest => ({ headers: signZaloEvent(keys, raw, bodyTimestamp(raw), 'body'), body: raw });
/** The same event with no timestamp in its body: Zalo then sends (and signs) it in the X-ZEvent-Timestamp header. */
const withoutBodyTimestamp = (raw: string): string => raw.replace(/"timestamp":"\d+",/, '');
const HOUR = 3600_000;
/** Move the harness clock to `hours` after DEFAULT_NOW before the request at `index`. */
const at = (hoursByRequest: number[]) => (h: BotHarness, index: number) => h.clock.set(new Date(Date.parse(DEFAULT_NOW) + (hoursByRequest[index] ?? 0) * HOUR));

// ── inbound: delivery in → status, normalised events out ─────────────────────────────────────────────────────
const inbound: InboundCase[] = [
  {
    name: 'a text from a follower becomes a text event keyed by msg_id, with the 19-digit id as a string',
    requests: [signed(TEXT)],
    statuses: [200],
    events: [{ kind: 'text', channel: 'zalo', providerId: 'a1f3c8e2b7d94e0f9c6a5b4d3e2f1a0b', from: USER, text: 'Cho hỏi bhxh tự nguyện đóng bao nhiêu?' }],
    results: ['handled'],
    stored: 1,
    neverLogged: ['Cho hỏi bhxh'],
  },
  {
    name: 'the timestamp may come in the X-ZEvent-Timestamp header instead of the body',
    requests: [signedWithHeader(TEXT, '1779246009999')],
    statuses: [200],
    events: [{ kind: 'text', from: USER }],
  },
  {
    name: 'ids above 2^53 sent as bare JSON numbers keep every digit',
    requests: [signed(TEXT_NUMERIC_IDS)],
    statuses: [200],
    events: [{ kind: 'text', providerId: '9007199254740993123', from: USER, text: 'ids as bare numbers' }],
  },
  {
    name: 'follow becomes a subscribe event and unfollow an unsubscribe event',
    requests: [signed(FOLLOW), signed(UNFOLLOW)],
    statuses: [200, 200],
    events: [
      { kind: 'subscribe', channel: 'zalo', providerId: `follow:${USER_ID}:1779246100000`, from: USER },
      { kind: 'unsubscribe', channel: 'zalo', providerId: `unfollow:${USER_ID}:1779246200000`, from: USER },
    ],
    stored: 2,
    check: async (h) => expect((await rowWhere(h.db, 'addresses', 'address', USER))?.['stopped_at']).not.toBeNull(),
  },
  {
    name: 'submitted info becomes a phone event',
    requests: [signed(SUBMIT_INFO)],
    statuses: [200],
    events: [{ kind: 'phone', channel: 'zalo', providerId: `user_submit_info:${USER_ID}:1779246300000`, from: USER, phone: PEOPLE.lan.phone.slice(1), name: PEOPLE.lan.name }],
    stored: 1,
    neverLogged: [PEOPLE.lan.phone.slice(1), PEOPLE.lan.name],
    check: async (h) => expect(await rowWhere(h.db, 'addresses', 'address', `tel:${PEOPLE.lan.phone}`)).toBeDefined(),
  },
  {
    name: 'echoes of our own messages and other event types are ignored with 200',
    requests: [signed(OA_ECHO), signed(IMAGE)],
    statuses: [200, 200],
    events: [],
    stored: 0,
  },
  {
    name: 'a delivery without a signature is refused with 403 and nothing is stored',
    requests: [unsigned(TEXT)],
    statuses: [403],
    events: [],
    stored: 0,
  },
  {
    name: 'a wrong signature is refused with 403: other secret, other app, tampered body, bad header',
    requests: [
      signedBy({ appId: APP_ID, oaSecretKey: 'another-secret' }, TEXT),
      signedBy({ appId: '999', oaSecretKey: OA_SECRET }, TEXT),
      { headers: signed(TEXT).headers, body: TEXT.replace('đóng bao nhiêu', 'đóng bao nhieu') },
      { headers: { ...signed(TEXT).headers, 'x-zevent-signature': 'sha256=00' }, body: TEXT },
      // signed with one header timestamp, delivered with another
      { headers: { ...signedWithHeader(TEXT, '1779246009999').headers, 'x-zevent-timestamp': '1779246000001' }, body: TEXT },
    ],
    statuses: [403, 403, 403, 403, 403],
    events: [],
    stored: 0,
  },
  {
    name: 'the same delivery replayed is handed over twice with one key and handled once',
    requests: [signed(TEXT), signed(TEXT)],
    statuses: [200, 200],
    events: [{ providerId: 'a1f3c8e2b7d94e0f9c6a5b4d3e2f1a0b' }, { providerId: 'a1f3c8e2b7d94e0f9c6a5b4d3e2f1a0b' }],
    results: ['handled', 'duplicate'],
    stored: 1,
  },
  {
    name: 'follow, unfollow and submitted info signed with a header timestamp dedupe on a redelivery hours later',
    requests: [
      signedWithHeader(withoutBodyTimestamp(FOLLOW), '1779246100000'),
      signedWithHeader(withoutBodyTimestamp(FOLLOW), '1779246100000'),
      signedWithHeader(withoutBodyTimestamp(UNFOLLOW), '1779246200000'),
      signedWithHeader(withoutBodyTimestamp(UNFOLLOW), '1779246200000'),
      signedWithHeader(withoutBodyTimestamp(SUBMIT_INFO), '1779246300000'),
      signedWithHeader(withoutBodyTimestamp(SUBMIT_INFO), '1779246300000'),
    ],
    // Each redelivery arrives hours after the first: the key must not depend on the arrival time.
    between: at([0, 3, 0.5, 5, 1, 7]),
    statuses: [200, 200, 200, 200, 200, 200],
    events: [
      { kind: 'subscribe', providerId: `follow:${USER_ID}:1779246100000` },
      { kind: 'subscribe', providerId: `follow:${USER_ID}:1779246100000` },
      { kind: 'unsubscribe', providerId: `unfollow:${USER_ID}:1779246200000` },
      { kind: 'unsubscribe', providerId: `unfollow:${USER_ID}:1779246200000` },
      { kind: 'phone', providerId: `user_submit_info:${USER_ID}:1779246300000` },
      { kind: 'phone', providerId: `user_submit_info:${USER_ID}:1779246300000` },
    ],
    results: ['handled', 'duplicate', 'handled', 'duplicate', 'handled', 'duplicate'],
    stored: 3,
    neverLogged: ['Nguyễn Thị Lan'],
  },
  {
    name: 'a signed event is accepted up to 24 hours after its timestamp and refused with 403 after that',
    requests: [signed(TEXT), signed(TEXT.replace('a1f3c8e2', 'b1f3c8e2'))],
    between: at([23, 25]),
    statuses: [200, 403],
    body: /ZALO_EVENT_MAX_AGE_HOURS/,
    events: [{ kind: 'text', providerId: 'a1f3c8e2b7d94e0f9c6a5b4d3e2f1a0b' }],
    stored: 1,
  },
  {
    name: 'a header timestamp far in the future is refused with 403 too',
    requests: [signedWithHeader(withoutBodyTimestamp(FOLLOW), String(Date.parse(DEFAULT_NOW) + 25 * HOUR))],
    statuses: [403],
    events: [],
    stored: 0,
  },
  {
    name: 'ZALO_EVENT_MAX_AGE_HOURS sets the window',
    env: { ZALO_EVENT_MAX_AGE_HOURS: '1' },
    requests: [signed(TEXT)],
    between: at([2]),
    statuses: [403],
    events: [],
    stored: 0,
  },
  {
    name: 'a signed but malformed body is refused with 400',
    requests: [
      signedWithHeader('{"event_name":"user_send_text",', '1779246000000'),
      signedWithHeader('{"no_event":1}', '1779246000000'),
      signed('{"no_event":1,"timestamp":"1779246000000"}'),
    ],
    statuses: [400, 400, 400],
    events: [],
    stored: 0,
  },
  {
    name: 'a text event without msg_id is refused with 400',
    requests: [signed(TEXT.replace('"msg_id":"a1f3c8e2b7d94e0f9c6a5b4d3e2f1a0b",', ''))],
    statuses: [400],
    events: [],
  },
  {
    name: 'an oversize body is refused with 413',
    requests: [signedWithHeader(`{"event_name":"user_send_text","pad":"${'x'.repeat(300_000)}"}`, '1')],
    statuses: [413],
    events: [],
    stored: 0,
  },
];

describe('Zalo webhook', () => {
  runInboundCases({
    path: ZALO_WEBHOOK_PATH,
    cases: inbound,
    secrets: () => [OA_SECRET, APP_SECRET],
    start: (env) =>
      startBotHarness({
        // No provider is reachable: the webhook must ack without any network call.
        env: { ZALO_APP_ID: APP_ID, ZALO_OA_SECRET_KEY: OA_SECRET, ZALO_APP_SECRET: APP_SECRET, ZALO_API_BASE: 'http://127.0.0.1:9', ZALO_OAUTH_BASE: 'http://127.0.0.1:9', ...env },
        create: createZaloChannel,
      }),
  });
});

// ── the rest ─────────────────────────────────────────────────────────────────────────────────────────────────
describe('Zalo channel', () => {
  it('is off without ZALO_APP_ID or ZALO_OA_SECRET_KEY and says in one line which variables turn it on', () => {
    for (const env of [{}, { ZALO_APP_ID: APP_ID }, { ZALO_OA_SECRET_KEY: OA_SECRET }]) {
      const chunks: string[] = [];
      const destination = new Writable({
        write(chunk, _enc, cb) {
          chunks.push(String(chunk));
          cb();
        },
      });
      const log = createLogger({ level: 'debug', destination });
      const adapter = createZaloChannel(
        {
          db: undefined as never,
          log,
          clock: { now: () => new Date() },
          publicBaseUrl: undefined,
          submit: () => Promise.resolve({ status: 'ignored' as const, outboxIds: [] }),
        },
        loadConfig(env).env,
      );
      expect(adapter).toBeNull();
      const lines = chunks.join('').trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/ZALO_APP_ID and ZALO_OA_SECRET_KEY/);
    }
  });

  it('acknowledges a webhook without calling Zalo, even when the provider is down', async () => {
    const fake = await startFakeZalo({ appId: APP_ID, appSecret: APP_SECRET, oaSecretKey: OA_SECRET });
    const h = await startBotHarness({
      env: { ZALO_APP_ID: APP_ID, ZALO_OA_SECRET_KEY: OA_SECRET, ZALO_APP_SECRET: APP_SECRET, ZALO_API_BASE: fake.url, ZALO_OAUTH_BASE: fake.url },
      create: createZaloChannel,
    });
    try {
      const started = performance.now();
      const res = await h.post(ZALO_WEBHOOK_PATH, signed(TEXT));
      expect(res.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(fake.calls).toHaveLength(0);
      expect(h.dispatched[0]?.result.outboxIds.length).toBeGreaterThan(0);
    } finally {
      await h.close();
      await fake.close();
    }
  });

  it('keeps integers longer than 15 digits as strings and leaves the rest of the JSON alone', () => {
    expect(parseJsonKeepingLongIds('{"a":9007199254740993123,"b":-12345678901234567,"c":1.5e3,"d":"12345678901234567890","e":[123,12345678901234567]}')).toEqual({
      a: '9007199254740993123',
      b: '-12345678901234567',
      c: 1500,
      d: '12345678901234567890',
      e: [123, '12345678901234567'],
    });
    expect(parseJsonKeepingLongIds('{"s":"he said \\"9007199254740993123\\" 9007199254740993123"}')).toEqual({
      s: 'he said "9007199254740993123" 9007199254740993123',
    });
    expect(() => parseJsonKeepingLongIds('{"a":')).toThrow(SyntaxError);
  });
});

