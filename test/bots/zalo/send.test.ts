import { describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { addresses, settings } from '../../../db/schema/index.ts';
import { createZaloChannel } from '../../../bots/zalo/index.ts';
import { ZALO_SETTING_KEYS } from '../../../bots/zalo/tokens.ts';
import type { OutboundMessage } from '../../../src/core/message.ts';
import { startFakeZalo, type FakeZalo } from '../../support/fakes/zalo.ts';
import { DEFAULT_NOW, runOutboundCases, seedAddress, startBotHarness, type BotHarness, type OutboundCase } from '../harness.ts';
import { APP_ID, APP_SECRET, OA_SECRET, USER, USER_ID } from './setup.ts';

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

const setting = async (h: BotHarness, key: string): Promise<string | undefined> =>
  (await h.db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1))[0]?.value;
/** As if an earlier refresh had stored this access token, live for another day by our reckoning. */
const storeAccessToken = async (h: BotHarness, token: string): Promise<void> => {
  const now = h.clock.now();
  for (const [key, value] of [
    [ZALO_SETTING_KEYS.accessToken, token],
    [ZALO_SETTING_KEYS.accessTokenExpiresAt, String(now.getTime() + DAY)],
  ] as const) {
    await h.db.insert(settings).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
  }
};
const setLastInbound = async (h: BotHarness, at: Date | null): Promise<void> => {
  await h.db.update(addresses).set({ lastInboundAt: at }).where(eq(addresses.address, USER));
};
const fail = (code: number) => async (fake: FakeZalo, h: BotHarness) => {
  await storeAccessToken(h, fake.issueAccessToken());
  fake.failNext(code);
};

const outbound: OutboundCase<FakeZalo>[] = [
  {
    name: 'the first send spends ZALO_REFRESH_TOKEN, stores the new tokens, then sends the CS text with ids as strings',
    attempts: [{ ok: {} }],
    requests: [refresh(), cs()],
    check: async (fake, h) => {
      expect(fake.calls[0]?.body).toMatchObject({ refresh_token: fake.refreshToken });
      expect(fake.calls[1]?.raw).toContain(`"user_id":"${USER_ID}"`);
      expect(fake.calls[1]?.headers.access_token).toBe(await setting(h, ZALO_SETTING_KEYS.accessToken));
      expect(await setting(h, ZALO_SETTING_KEYS.refreshToken)).toBe(fake.validRefreshToken());
    },
  },
  {
    name: 'a stored live access token is used without refreshing, and the message id is reported',
    arrange: async (fake, h) => await storeAccessToken(h, fake.issueAccessToken()),
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
    arrange: async (fake, h) => {
      await storeAccessToken(h, fake.issueAccessToken());
      fake.failNextHttp(503);
    },
    attempts: [{ error: { kind: 'retry' } }, { ok: {} }],
    requests: [cs(), cs()],
  },
  {
    name: 'an expired access token (-216) is refreshed once, the new refresh token stored before the retry uses the new access token',
    arrange: async (fake, h) => {
      await storeAccessToken(h, fake.issueAccessToken());
      fake.expireAccessTokens();
      let sends = 0;
      fake.onRequest(async (call) => {
        if (call.path !== '/v3.0/oa/message/cs' || ++sends !== 2) return;
        // At the moment the new access token is first used, its refresh token must already be in the database.
        if (await setting(h, ZALO_SETTING_KEYS.refreshToken) !== fake.validRefreshToken()) throw new Error('new refresh token not stored before use');
        if (call.headers.access_token !== await setting(h, ZALO_SETTING_KEYS.accessToken)) throw new Error('retry did not use the new access token');
      });
    },
    attempts: [{ ok: {} }],
    requests: [cs(), refresh(), cs()],
    check: async (fake, h) => {
      expect(fake.refreshCount()).toBe(1);
      expect(await setting(h, ZALO_SETTING_KEYS.refreshToken)).toBe(fake.validRefreshToken());
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
    arrange: async (fake, h) => {
      await storeAccessToken(h, fake.issueAccessToken());
      fake.expireAccessTokens();
    },
    concurrent: 5,
    attempts: [{ ok: {} }],
    check: (fake) => {
      expect(fake.refreshCount()).toBe(1);
      expect(fake.calls.filter((c) => c.path === '/v4/oa/access_token')).toHaveLength(1);
      // Each send tries once with the expired token and once after the shared refresh; a send that starts after
      // the refresh has finished (a busy machine) needs only one try. Never a third.
      const sends = fake.calls.filter((c) => c.path === '/v3.0/oa/message/cs').length;
      expect(sends).toBeGreaterThanOrEqual(6);
      expect(sends).toBeLessThanOrEqual(10);
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
    arrange: async (_fake, h) => await setLastInbound(h, new Date(now.getTime() - 7 * DAY - 60_000)),
    attempts: [{ error: { kind: 'fallback', message: /no interaction in 7 days/ } }],
    requests: [],
  },
  {
    name: 'an address that never wrote falls back before calling Zalo',
    arrange: async (_fake, h) => await setLastInbound(h, null),
    attempts: [{ error: { kind: 'fallback', message: /no interaction in 7 days/ } }],
    requests: [],
  },
  {
    name: 'an inbound 6 days 23 hours ago still allows a CS message',
    arrange: async (_fake, h) => await setLastInbound(h, new Date(now.getTime() - 7 * DAY + 3600_000)),
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
    arrange: async (fake, h) => await storeAccessToken(h, fake.issueAccessToken()),
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
      await seedAddress(h.db, USER, new Date(now.getTime() - DAY), now);
      const tokens = async () => [
        ...fake.calls.flatMap((c) => [c.headers.access_token ?? '', (c.body as { refresh_token?: string } | undefined)?.refresh_token ?? '']),
        ...(await h.db.select({ value: settings.value }).from(settings).where(like(settings.key, 'zalo.%token'))).map((r) => r.value),
      ];
      return {
        h,
        fake,
        requests: () => fake.calls,
        secrets: async () => [APP_SECRET, OA_SECRET, fake.refreshToken, ...(await tokens())],
      };
    },
  });
});

describe('Zalo channel without ZALO_APP_SECRET', () => {
  it('without ZALO_APP_SECRET a send is fatal and names the variable, and no request is made', async () => {
    const fake = await startFakeZalo({ appId: APP_ID, appSecret: APP_SECRET, oaSecretKey: OA_SECRET });
    const h = await startBotHarness({
      env: { ZALO_APP_ID: APP_ID, ZALO_OA_SECRET_KEY: OA_SECRET, ZALO_REFRESH_TOKEN: fake.refreshToken, ZALO_API_BASE: fake.url, ZALO_OAUTH_BASE: fake.url },
      create: createZaloChannel,
    });
    try {
      await seedAddress(h.db, USER, now, now);
      await expect(h.channel.send(message)).rejects.toMatchObject({ kind: 'fatal', message: expect.stringMatching(/ZALO_APP_SECRET/) as unknown });
      expect(fake.calls).toHaveLength(0);
    } finally {
      await h.close();
      await fake.close();
    }
  });
});
