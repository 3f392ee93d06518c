import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createZaloChannel, ZALO_WEBHOOK_PATH } from '../../../bots/zalo/index.ts';
import { parseJsonKeepingLongIds } from '../../../bots/zalo/json.ts';
import { ZALO_SETTING_KEYS } from '../../../bots/zalo/tokens.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/core/log.ts';
import type { OutboundMessage } from '../../../src/core/message.ts';
import { signZaloEvent, startFakeZalo, type FakeZalo } from '../../support/fakes/zalo.ts';
import {
  DEFAULT_NOW,
  runInboundCases,
  rowWhere,
  runOutboundCases,
  seedAddress,
  startBotHarness,
  type BotHarness,
  type InboundCase,
  type OutboundCase,
  type WebhookRequest,
} from '../harness.ts';
import { PEOPLE } from '../../support/seed.ts';

// ── captured payloads (raw text: the signature covers the exact bytes) ───────────────────────────────────────
const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/zalo/${name}.json`, import.meta.url), 'utf8');
const TEXT = fixture('user-send-text');
const TEXT_NUMERIC_IDS = fixture('user-send-text-numeric-ids');
const FOLLOW = fixture('follow');
const UNFOLLOW = fixture('unfollow');
const SUBMIT_INFO = fixture('user-submit-info');
const OA_ECHO = fixture('oa-send-text');
const IMAGE = fixture('user-send-image');

const APP_ID = '1234567890123456789';
const APP_SECRET = 'app-secret-XYZ987abc';
const OA_SECRET = 'oa-secret-key-ABCdef123';
const USER_ID = PEOPLE.lan.zaloId;
const USER: `zalo:${string}` = `zalo:${USER_ID}`;
const KEYS = { appId: APP_ID, oaSecretKey: OA_SECRET };

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
    check: (h) => expect(rowWhere(h.db, 'addresses', 'address', USER)?.['stopped_at']).not.toBeNull(),
  },
  {
    name: 'submitted info becomes a phone event',
    requests: [signed(SUBMIT_INFO)],
    statuses: [200],
    events: [{ kind: 'phone', channel: 'zalo', providerId: `user_submit_info:${USER_ID}:1779246300000`, from: USER, phone: PEOPLE.lan.phone.slice(1), name: PEOPLE.lan.name }],
    stored: 1,
    neverLogged: [PEOPLE.lan.phone.slice(1), PEOPLE.lan.name],
    check: (h) => expect(rowWhere(h.db, 'addresses', 'address', `tel:${PEOPLE.lan.phone}`)).toBeDefined(),
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

// ── outbound: provider behaviour in → what the outbox is told, exact requests out ────────────────────────────
const DAY = 24 * 3600_000;
const now = new Date(DEFAULT_NOW);
const message: OutboundMessage = { id: 1, to: USER, text: 'Xin chào, bạn cần hỏi gì?', priority: 'reply' };

const refresh = (refreshToken?: string) => ({
  path: '/v4/oa/access_token',
  headers: { secret_key: APP_SECRET, 'content-type': 'application/x-www-form-urlencoded' },
  body: { app_id: APP_ID, grant_type: 'refresh_token', ...(refreshToken !== undefined && { refresh_token: refreshToken }) },
});
const cs = (text = message.text) => ({
  path: '/v3.0/oa/message/cs',
  headers: { 'content-type': 'application/json' },
  body: { recipient: { user_id: USER_ID }, message: { text } },
});

const setting = (h: BotHarness, key: string): string | undefined =>
  (h.db.$client.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
/** As if an earlier refresh had stored this access token, live for another day by our reckoning. */
const storeAccessToken = (h: BotHarness, token: string): void => {
  const t = h.clock.now().getTime();
  const put = h.db.$client.prepare('INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
  put.run(ZALO_SETTING_KEYS.accessToken, token, t);
  put.run(ZALO_SETTING_KEYS.accessTokenExpiresAt, String(t + DAY), t);
};
const setLastInbound = (h: BotHarness, at: Date | null): void => {
  h.db.$client.prepare('UPDATE addresses SET last_inbound_at = ? WHERE address = ?').run(at?.getTime() ?? null, USER);
};
const fail = (code: number) => (fake: FakeZalo, h: BotHarness) => {
  storeAccessToken(h, fake.issueAccessToken());
  fake.failNext(code);
};

const outbound: OutboundCase<FakeZalo>[] = [
  {
    name: 'the first send spends ZALO_REFRESH_TOKEN, stores the new tokens, then sends the CS text with ids as strings',
    attempts: [{ ok: {} }],
    requests: [refresh(), cs()],
    check: (fake, h) => {
      expect(fake.calls[0]?.body).toMatchObject({ refresh_token: fake.refreshToken });
      expect(fake.calls[1]?.raw).toContain(`"user_id":"${USER_ID}"`);
      expect(fake.calls[1]?.headers.access_token).toBe(setting(h, ZALO_SETTING_KEYS.accessToken));
      expect(setting(h, ZALO_SETTING_KEYS.refreshToken)).toBe(fake.validRefreshToken());
    },
  },
  {
    name: 'a stored live access token is used without refreshing, and the message id is reported',
    arrange: (fake, h) => storeAccessToken(h, fake.issueAccessToken()),
    attempts: [{ ok: { providerId: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown as string } }],
    requests: [cs()],
  },
  {
    name: 'rate limited (-32) says retry in a minute, and the retry goes out',
    arrange: fail(-32),
    attempts: [{ error: { kind: 'retry', retryAfterMs: 60_000, providerCode: '-32' } }, { ok: {} }],
    requests: [cs(), cs()],
  },
  {
    name: 'a 5xx from Zalo says retry, and the retry goes out',
    arrange: (fake, h) => {
      storeAccessToken(h, fake.issueAccessToken());
      fake.failNextHttp(503);
    },
    attempts: [{ error: { kind: 'retry' } }, { ok: {} }],
    requests: [cs(), cs()],
  },
  {
    name: 'an expired access token (-216) is refreshed once, the new refresh token stored before the retry uses the new access token',
    arrange: (fake, h) => {
      storeAccessToken(h, fake.issueAccessToken());
      fake.expireAccessTokens();
      let sends = 0;
      fake.onRequest((call) => {
        if (call.path !== '/v3.0/oa/message/cs' || ++sends !== 2) return;
        // At the moment the new access token is first used, its refresh token must already be in the database.
        if (setting(h, ZALO_SETTING_KEYS.refreshToken) !== fake.validRefreshToken()) throw new Error('new refresh token not stored before use');
        if (call.headers.access_token !== setting(h, ZALO_SETTING_KEYS.accessToken)) throw new Error('retry did not use the new access token');
      });
    },
    attempts: [{ ok: {} }],
    requests: [cs(), refresh(), cs()],
    check: (fake, h) => {
      expect(fake.refreshCount()).toBe(1);
      expect(setting(h, ZALO_SETTING_KEYS.refreshToken)).toBe(fake.validRefreshToken());
    },
  },
  {
    name: '-220 (token expired) is treated like -216: refresh once, retry once',
    arrange: fail(-220),
    attempts: [{ ok: {} }],
    requests: [cs(), refresh(), cs()],
  },
  {
    name: 'a token refused again right after a refresh says retry, without a second refresh',
    arrange: (fake, h) => {
      fail(-216)(fake, h);
      fake.failNext(-216);
    },
    attempts: [{ error: { kind: 'retry', providerCode: '-216' } }],
    requests: [cs(), refresh(), cs()],
  },
  {
    name: 'five concurrent sends with an expired token share one refresh',
    arrange: (fake, h) => {
      storeAccessToken(h, fake.issueAccessToken());
      fake.expireAccessTokens();
    },
    concurrent: 5,
    attempts: [{ ok: {} }],
    check: (fake) => {
      expect(fake.refreshCount()).toBe(1);
      expect(fake.calls.filter((c) => c.path === '/v4/oa/access_token')).toHaveLength(1);
      expect(fake.calls.filter((c) => c.path === '/v3.0/oa/message/cs')).toHaveLength(10);
    },
  },
  {
    name: 'five concurrent first sends (no token stored yet) share one refresh',
    concurrent: 5,
    attempts: [{ ok: {} }],
    check: (fake) => {
      expect(fake.refreshCount()).toBe(1);
      expect(fake.calls.filter((c) => c.path === '/v3.0/oa/message/cs')).toHaveLength(5);
    },
  },
  ...[-213, -227, -244].map(
    (code): OutboundCase<FakeZalo> => ({
      name: `a person unreachable on Zalo (${code}) is stopped`,
      arrange: fail(code),
      attempts: [{ error: { kind: 'stopped', providerCode: String(code) } }],
      requests: [cs()],
    }),
  ),
  ...[-230, -232].map(
    (code): OutboundCase<FakeZalo> => ({
      name: `Zalo's own 7-day refusal (${code}) says fall back to another channel`,
      arrange: fail(code),
      attempts: [{ error: { kind: 'fallback', providerCode: String(code) } }],
    }),
  ),
  {
    name: 'no inbound for more than 7 days falls back before calling Zalo',
    arrange: (_fake, h) => setLastInbound(h, new Date(now.getTime() - 7 * DAY - 60_000)),
    attempts: [{ error: { kind: 'fallback', message: /no interaction in 7 days/ } }],
    requests: [],
  },
  {
    name: 'an address that never wrote falls back before calling Zalo',
    arrange: (_fake, h) => setLastInbound(h, null),
    attempts: [{ error: { kind: 'fallback', message: /no interaction in 7 days/ } }],
    requests: [],
  },
  {
    name: 'an inbound 6 days 23 hours ago still allows a CS message',
    arrange: (_fake, h) => setLastInbound(h, new Date(now.getTime() - 7 * DAY + 3600_000)),
    attempts: [{ ok: {} }],
    requests: [refresh(), cs()],
  },
  {
    name: 'the night rule (-234) at 23:00 says retry at 06:00 Asia/Ho_Chi_Minh',
    arrange: (fake, h) => {
      h.clock.set('2026-05-20T16:00:00Z'); // 23:00 in Vietnam
      fail(-234)(fake, h);
    },
    attempts: [{ error: { kind: 'retry', retryAfterMs: 7 * 3600_000, providerCode: '-234' } }],
  },
  {
    name: 'an invalid request (-201) is fatal',
    arrange: fail(-201),
    attempts: [{ error: { kind: 'fatal', providerCode: '-201' } }],
  },
  ...[-211, -320, -321].map(
    (code): OutboundCase<FakeZalo> => ({
      name: `a quota or account problem (${code}) is fatal and alerts the operator`,
      arrange: fail(code),
      attempts: [{ error: { kind: 'fatal', providerCode: String(code), message: /alert operator/ } }],
      check: (_fake, h) => expect(h.logs()).toMatch(/"level":50.*alert operator/),
    }),
  ),
  {
    name: 'a refresh token already spent elsewhere is fatal and alerts the operator',
    arrange: async (fake) => {
      const form = new URLSearchParams({ app_id: APP_ID, grant_type: 'refresh_token', refresh_token: fake.refreshToken });
      await fetch(`${fake.url}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: APP_SECRET },
        body: form.toString(),
      });
    },
    attempts: [{ error: { kind: 'fatal', message: /ZALO_REFRESH_TOKEN/ } }],
    check: (_fake, h) => expect(h.logs()).toMatch(/alert operator/),
  },
  {
    name: 'a text longer than 2,000 characters goes out in parts split between words',
    message: { text: `${'một hai ba bốn '.repeat(200)}`.trim() },
    arrange: (fake, h) => storeAccessToken(h, fake.issueAccessToken()),
    attempts: [{ ok: {} }],
    check: (fake) => {
      const texts = fake.calls.map((c) => (c.body as { message: { text: string } }).message.text);
      expect(texts).toHaveLength(2);
      for (const t of texts) expect(t.length).toBeLessThanOrEqual(2000);
      expect(texts.join(' ')).toBe(`${'một hai ba bốn '.repeat(200)}`.trim());
    },
  },
];

describe('Zalo sends', () => {
  runOutboundCases({
    cases: outbound,
    message,
    start: async (env) => {
      const fake = await startFakeZalo({ appId: APP_ID, appSecret: APP_SECRET, oaSecretKey: OA_SECRET, refreshDelayMs: 20 });
      const h = await startBotHarness({
        env: {
          ...env,
          ZALO_APP_ID: APP_ID,
          ZALO_APP_SECRET: APP_SECRET,
          ZALO_OA_SECRET_KEY: OA_SECRET,
          ZALO_REFRESH_TOKEN: fake.refreshToken,
          ZALO_API_BASE: fake.url,
          ZALO_OAUTH_BASE: fake.url,
        },
        create: createZaloChannel,
      });
      // The person wrote yesterday: inside the 7-day window unless a case says otherwise.
      seedAddress(h.db, USER, new Date(now.getTime() - DAY), now);
      const tokens = () => [
        ...fake.calls.flatMap((c) => [c.headers.access_token ?? '', (c.body as { refresh_token?: string } | undefined)?.refresh_token ?? '']),
        ...(h.db.$client.prepare("SELECT value FROM settings WHERE key LIKE 'zalo.%token'").all() as { value: string }[]).map((r) => r.value),
      ];
      return {
        h,
        fake,
        requests: () => fake.calls,
        secrets: () => [APP_SECRET, OA_SECRET, fake.refreshToken, ...tokens()],
      };
    },
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
          dispatch: () => ({ status: 'ignored', outboxIds: [] }),
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

  it('without ZALO_APP_SECRET a send is fatal and names the variable, and no request is made', async () => {
    const fake = await startFakeZalo({ appId: APP_ID, appSecret: APP_SECRET, oaSecretKey: OA_SECRET });
    const h = await startBotHarness({
      env: { ZALO_APP_ID: APP_ID, ZALO_OA_SECRET_KEY: OA_SECRET, ZALO_REFRESH_TOKEN: fake.refreshToken, ZALO_API_BASE: fake.url, ZALO_OAUTH_BASE: fake.url },
      create: createZaloChannel,
    });
    try {
      seedAddress(h.db, USER, now, now);
      await expect(h.channel.send(message)).rejects.toMatchObject({ kind: 'fatal', message: expect.stringMatching(/ZALO_APP_SECRET/) as unknown });
      expect(fake.calls).toHaveLength(0);
    } finally {
      await h.close();
      await fake.close();
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
