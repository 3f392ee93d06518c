import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createTelegramChannel, setTelegramWebhook, TELEGRAM_WEBHOOK_PATH } from '../../../bots/telegram/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { SendError } from '../../../src/core/channel.ts';
import { createLogger } from '../../../src/core/log.ts';
import type { OutboundMessage } from '../../../src/core/message.ts';
import { startFakeTelegram, type FakeTelegram } from '../../support/fakes/telegram.ts';
import { PEOPLE } from '../../support/seed.ts';
import { rowWhere, runInboundCases, runOutboundCases, startBotHarness, type InboundCase, type OutboundCase, type WebhookRequest } from '../harness.ts';

// ── captured payloads ────────────────────────────────────────────────────────────────────────────────────────
const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/telegram/${name}.json`, import.meta.url), 'utf8');
const TEXT = fixture('text-message');
const START = fixture('start');
const OWN_CONTACT = fixture('contact-own');
const OTHER_CONTACT = fixture('contact-other');
const EDITED = fixture('edited-message');
const STICKER = fixture('sticker');
const GROUP = fixture('group-message');
const CALLBACK = fixture('callback-query');

const TOKEN = '7000000001:AAFtest_bot_token_abcdefghijklmnopqrstu';
const SECRET = 'tg-webhook-secret_0123456789';
const USER = `telegram:${PEOPLE.lan.telegramId}` as const;

const signed = (body: string): WebhookRequest => ({
  headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
  body,
});
const withSecret = (secret: string | null, body: string): WebhookRequest => ({
  headers: { 'content-type': 'application/json', ...(secret !== null && { 'x-telegram-bot-api-secret-token': secret }) },
  body,
});

// ── inbound: delivery in → status, normalised events out ─────────────────────────────────────────────────────
const inbound: InboundCase[] = [
  {
    name: 'a private text message becomes a text event keyed by update_id',
    requests: [signed(TEXT)],
    statuses: [200],
    events: [{ kind: 'text', channel: 'telegram', providerId: '731290001', from: USER, text: 'bhxh tu nguyen dong bao nhieu', name: 'Lan Nguyễn' }],
    results: ['handled'],
    stored: 1,
    neverLogged: ['bhxh tu nguyen dong bao nhieu'],
  },
  {
    name: '/start becomes a subscribe event and the core greets',
    requests: [signed(START)],
    statuses: [200],
    events: [{ kind: 'subscribe', channel: 'telegram', providerId: '731290002', from: USER }],
    results: ['handled'],
    stored: 1,
  },
  {
    name: "sharing one's own contact card becomes a phone event",
    requests: [signed(OWN_CONTACT)],
    statuses: [200],
    events: [{ kind: 'phone', channel: 'telegram', providerId: '731290003', from: USER, phone: PEOPLE.lan.phone.slice(1), name: 'Lan' }],
    stored: 1,
    neverLogged: [PEOPLE.lan.phone.slice(1)],
    check: async (h) => expect(await rowWhere(h.db, 'contacts', 'phone', PEOPLE.lan.phone)).toBeDefined(),
  },
  {
    name: "somebody else's contact card proves nothing and is ignored with 200",
    requests: [signed(OTHER_CONTACT)],
    statuses: [200],
    events: [],
    stored: 0,
    neverLogged: ['84987654321'],
  },
  {
    name: 'a request without the secret token header is refused with 403 and nothing is stored',
    requests: [withSecret(null, TEXT)],
    statuses: [403],
    events: [],
    stored: 0,
  },
  {
    name: 'a request with a wrong secret token is refused with 403 and nothing is stored',
    requests: [withSecret('not-the-secret', TEXT), withSecret(`${SECRET}x`, TEXT), withSecret('', TEXT)],
    statuses: [403, 403, 403],
    events: [],
    stored: 0,
  },
  {
    name: 'the same update delivered twice is handed over twice with one key and handled once',
    requests: [signed(TEXT), signed(TEXT)],
    statuses: [200, 200],
    events: [{ providerId: '731290001' }, { providerId: '731290001' }],
    results: ['handled', 'duplicate'],
    stored: 1,
  },
  {
    name: 'edited messages, stickers, group messages and button callbacks are ignored with 200',
    requests: [signed(EDITED), signed(STICKER), signed(GROUP), signed(CALLBACK)],
    statuses: [200, 200, 200, 200],
    events: [],
    stored: 0,
  },
  {
    name: 'a malformed JSON body is refused with 400',
    requests: [signed('{"update_id": 1, "message": '), signed('not json at all')],
    statuses: [400, 400],
    events: [],
    stored: 0,
  },
  {
    name: 'JSON that is not an update is refused with 400',
    requests: [signed('{"hello":"world"}'), signed('[1,2,3]'), signed('{"update_id":"x"}')],
    statuses: [400, 400, 400],
    events: [],
  },
  {
    name: 'an oversize body is refused with 413, and without the secret with 403 before it is read',
    requests: [signed(`{"update_id":1,"pad":"${'x'.repeat(300_000)}"}`), withSecret(null, `{"pad":"${'x'.repeat(300_000)}"}`)],
    statuses: [413, 403],
    events: [],
    stored: 0,
  },
];

describe('Telegram webhook', () => {
  runInboundCases({
    path: TELEGRAM_WEBHOOK_PATH,
    cases: inbound,
    secrets: () => [TOKEN, SECRET],
    start: (env) =>
      startBotHarness({
        env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', ...env },
        create: createTelegramChannel,
      }),
  });
});

// ── outbound: provider behaviour in → what the outbox is told, exact requests out ────────────────────────────
const message: OutboundMessage = { id: 1, to: USER, text: 'Xin chào, bạn cần hỏi gì?', priority: 'reply' };
const sent = { method: 'sendMessage', body: { chat_id: PEOPLE.lan.telegramId, text: message.text } };

const outbound: OutboundCase<FakeTelegram>[] = [
  {
    name: 'a text goes out with sendMessage to the chat and reports the message_id',
    attempts: [{ ok: { providerId: '1' } }],
    requests: [sent],
    check: (fake) => expect(fake.calls[0]?.body).not.toHaveProperty('reply_markup'),
  },
  {
    name: 'quick replies become a one-time, resized reply keyboard with one button per row',
    message: { quickReplies: ['Mức đóng', 'Hỗ trợ', 'Gọi lại cho tôi'] },
    attempts: [{ ok: { providerId: '1' } }],
    requests: [
      {
        method: 'sendMessage',
        body: {
          chat_id: PEOPLE.lan.telegramId,
          reply_markup: {
            keyboard: [[{ text: 'Mức đóng' }], [{ text: 'Hỗ trợ' }], [{ text: 'Gọi lại cho tôi' }]],
            one_time_keyboard: true,
            resize_keyboard: true,
          },
        },
      },
    ],
  },
  {
    name: 'asking for the phone adds a request_contact button',
    message: { requestPhone: true },
    attempts: [{ ok: {} }],
    requests: [{ method: 'sendMessage', body: { reply_markup: { keyboard: [[{ text: '📱 Gửi số điện thoại', request_contact: true }]], one_time_keyboard: true } } }],
  },
  {
    name: 'a 429 says retry after retry_after seconds, and the retry goes out',
    arrange: (fake) => fake.failNext('sendMessage', { error_code: 429, retry_after: 7, description: 'Too Many Requests: retry after 7' }),
    attempts: [{ error: { kind: 'retry', retryAfterMs: 7000, providerCode: '429' } }, { ok: { providerId: '1' } }],
    requests: [sent, sent],
  },
  {
    name: 'a 502 from Telegram says retry, and the retry goes out',
    arrange: (fake) => fake.failNext('sendMessage', { error_code: 502 }),
    attempts: [{ error: { kind: 'retry', providerCode: '502' } }, { ok: { providerId: '1' } }],
    requests: [sent, sent],
  },
  {
    name: 'a person who blocked the bot is stopped',
    arrange: (fake) => fake.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' }),
    attempts: [{ error: { kind: 'stopped', providerCode: '403' } }],
    requests: [sent],
  },
  {
    name: 'a deactivated account is stopped',
    arrange: (fake) => fake.failNext('sendMessage', { error_code: 403, description: 'Forbidden: user is deactivated' }),
    attempts: [{ error: { kind: 'stopped' } }],
  },
  {
    name: 'a chat that does not exist is stopped',
    arrange: (fake) => fake.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' }),
    attempts: [{ error: { kind: 'stopped', providerCode: '400' } }],
  },
  {
    name: 'any other 400 is fatal: retrying would not help',
    arrange: (fake) => fake.failNext('sendMessage', { error_code: 400, description: "Bad Request: can't parse entities" }),
    attempts: [{ error: { kind: 'fatal', providerCode: '400', message: /do not retry/ } }],
  },
  {
    name: 'Telegram unreachable says retry',
    arrange: (fake) => fake.close(),
    attempts: [{ error: { kind: 'retry', message: /unreachable/ } }],
  },
];

describe('Telegram sends', () => {
  runOutboundCases({
    cases: outbound,
    message,
    start: async (env) => {
      const fake = await startFakeTelegram({ token: TOKEN });
      const h = await startBotHarness({
        env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url, ...env },
        create: createTelegramChannel,
      });
      return { h, fake, requests: () => fake.calls, secrets: () => [TOKEN, SECRET] };
    },
  });
});

// ── the rest: switching on, registering the webhook, polling, logs ───────────────────────────────────────────
function captureLogger() {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { log: createLogger({ level: 'debug', destination }), text: () => chunks.join('') };
}

describe('Telegram channel', () => {
  it('is off without TELEGRAM_BOT_TOKEN and says in one line which variables turn it on', () => {
    const { log, text } = captureLogger();
    const deps = { db: undefined as never, log, clock: { now: () => new Date() }, publicBaseUrl: undefined, submit: () => Promise.resolve({ status: 'ignored' as const, outboxIds: [] }) };
    const adapter = createTelegramChannel(deps, loadConfig({}).env);
    expect(adapter).toBeNull();
    const lines = text().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/TELEGRAM_BOT_TOKEN/);
  });

  it('without TELEGRAM_WEBHOOK_SECRET refuses every webhook with 403', async () => {
    const h = await startBotHarness({ env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }, create: createTelegramChannel });
    try {
      expect((await h.post(TELEGRAM_WEBHOOK_PATH, withSecret(null, TEXT))).status).toBe(403);
      expect((await h.post(TELEGRAM_WEBHOOK_PATH, withSecret('anything', TEXT))).status).toBe(403);
      expect(h.dispatched).toHaveLength(0);
      expect(h.logs()).toMatch(/TELEGRAM_WEBHOOK_SECRET is unset/);
    } finally {
      await h.close();
    }
  });

  it('registers PUBLIC_BASE_URL/webhooks/telegram with the secret token', async () => {
    const fake = await startFakeTelegram({ token: TOKEN });
    try {
      const config = loadConfig({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_API_ROOT: fake.url,
        PUBLIC_BASE_URL: 'https://bhxh.example.vn/',
      });
      await expect(setTelegramWebhook(config)).resolves.toBe('https://bhxh.example.vn/webhooks/telegram');
      expect(fake.calls).toMatchObject([
        { method: 'setWebhook', body: { url: 'https://bhxh.example.vn/webhooks/telegram', secret_token: SECRET, allowed_updates: ['message'] } },
      ]);
    } finally {
      await fake.close();
    }
  });

  it('refuses to register the webhook without the variables it needs, naming them', async () => {
    await expect(setTelegramWebhook(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN }))).rejects.toThrow(/TELEGRAM_WEBHOOK_SECRET, PUBLIC_BASE_URL/);
  });

  it('in polling mode feeds updates through the same parse and dispatch, and stops cleanly', async () => {
    const fake = await startFakeTelegram({ token: TOKEN });
    const h = await startBotHarness({
      env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_POLLING: 'true', TELEGRAM_API_ROOT: fake.url },
      create: createTelegramChannel,
    });
    try {
      await h.channel.start?.();
      fake.pushUpdate(JSON.parse(TEXT) as Record<string, unknown>);
      fake.pushUpdate(JSON.parse(START) as Record<string, unknown>);
      await vi.waitFor(() => expect(h.dispatched).toHaveLength(2), { timeout: 5000, interval: 20 });
      expect(h.dispatched.map((d) => d.event)).toMatchObject([
        { kind: 'text', providerId: '731290001', from: USER },
        { kind: 'subscribe', providerId: '731290002', from: USER },
      ]);
      expect(fake.calls.map((c) => c.method)).toContain('deleteWebhook');
      await h.channel.stop?.();
      expect(h.logs()).not.toContain(TOKEN);
    } finally {
      await h.close();
      await fake.close();
    }
  });

  it('a send failure logged by the outbox shows neither the bot token nor the chat text', async () => {
    const fake = await startFakeTelegram({ token: TOKEN });
    const h = await startBotHarness({ env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.url }, create: createTelegramChannel });
    try {
      await fake.close();
      const err = await h.channel.send(message).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SendError);
      h.log.warn({ err, cause: (err as SendError).cause }, 'send failed');
      expect(h.logs()).toContain('send failed');
      expect(h.logs()).not.toContain(TOKEN);
      expect(h.logs()).not.toContain(TOKEN.slice(TOKEN.indexOf(':') + 1));
    } finally {
      await h.close();
    }
  });
});
