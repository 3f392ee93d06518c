import { Telegraf, Telegram } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Channel, ChannelCapabilities, ChannelDeps } from '../../src/core/channel.ts';
import { WebhookRefusal } from '../../src/core/channel.ts';
import { ACK_OK, readJson } from '../shared/body.ts';
import { safeEqual } from '../../src/core/secrets.ts';
import type { TelegramEnv } from './config.ts';
import { parseTelegramUpdate } from './parse.ts';
import { UpdateSchema } from './schema.ts';
import { sendTelegramMessage } from './send.ts';

/** The route Telegram posts updates to (register it with `bhxh-outreach telegram-set-webhook`). */
export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';
/** Largest update body accepted; real updates are a few kB. */
export const TELEGRAM_BODY_LIMIT = 256 * 1024;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const DEFAULT_API_ROOT = 'https://api.telegram.org';

/** What Telegram renders: a reply keyboard for quick replies, 4,096 characters a message. */
export const TELEGRAM_CAPABILITIES: ChannelCapabilities = { quickReplies: true, maxLength: 4096, sms: false };

/**
 * The Telegram channel, or null (with one info line saying what turns it on) when TELEGRAM_BOT_TOKEN is unset.
 * telegraf is only the transport: its Telegram client for sends and its polling loop for local runs.
 */
export function createTelegramChannel(deps: ChannelDeps, env: TelegramEnv): Channel | null {
  const log = deps.log.child({ channel: 'telegram' });
  const token = env.TELEGRAM_BOT_TOKEN;
  if (!token) {
    log.info('Telegram channel off: set TELEGRAM_BOT_TOKEN plus TELEGRAM_WEBHOOK_SECRET (webhook) or TELEGRAM_POLLING=true (local runs)');
    return null;
  }
  const secret = env.TELEGRAM_WEBHOOK_SECRET;
  const polling = env.TELEGRAM_POLLING;
  if (!secret && !polling) log.warn('TELEGRAM_WEBHOOK_SECRET is unset: /webhooks/telegram refuses every request until it is set');

  const bot = new Telegraf(token, {
    telegram: { apiRoot: env.TELEGRAM_API_ROOT ?? DEFAULT_API_ROOT, webhookReply: false },
  });
  // Preset so telegraf never calls getMe behind our back (tests, start-up without network).
  bot.botInfo = presetBotInfo(token);
  bot.catch((err) => {
    log.error({ err }, 'Telegram update failed');
  });

  /** An update as the webhook and the polling loop both read it: one event, none (ignored), or not an update. */
  const read = (body: unknown) => {
    const parsed = UpdateSchema.safeParse(body);
    if (!parsed.success) return { valid: false as const };
    const event = parseTelegramUpdate(parsed.data, deps.clock.now());
    if (!event) log.debug({ updateId: parsed.data.update_id }, 'Telegram update ignored');
    return { valid: true as const, events: event ? [event] : [] };
  };

  // Polling (local runs): the same parse, then dispatch directly.
  bot.use(async (ctx) => {
    const update = read(ctx.update);
    if (!update.valid) log.warn({ updateId: ctx.update.update_id }, 'Telegram update not understood');
    for (const event of update.valid ? update.events : []) await deps.submit(event);
  });

  let running: Promise<void> | undefined;

  return {
    name: 'telegram',
    capabilities: TELEGRAM_CAPABILITIES,
    ratePerSecond: env.RATE_TELEGRAM,
    // The secret is a header: checked before the body is read, so an unsigned request never reaches the JSON parser.
    routes: [{ method: 'POST', path: TELEGRAM_WEBHOOK_PATH, maxBodyBytes: TELEGRAM_BODY_LIMIT, verifies: 'headers' }],
    verify(request) {
      if (!secret || !safeEqual(secret, request.headers[SECRET_HEADER])) {
        throw new WebhookRefusal('unauthorized', 'missing or wrong X-Telegram-Bot-Api-Secret-Token');
      }
    },
    parse(request) {
      const update = read(readJson(request.rawBody));
      if (!update.valid) throw new WebhookRefusal('malformed', 'not a Telegram update');
      return { events: update.events };
    },
    ack: () => ACK_OK,
    send: (message) => sendTelegramMessage(bot.telegram, message),
    async start() {
      if (!polling || running) return;
      await new Promise<void>((resolve, reject) => {
        // launch() resolves only when polling stops; onLaunch tells us it is connected.
        running = bot.launch({ allowedUpdates: ['message'] }, () => resolve());
        running.catch((err: unknown) => {
          log.error({ err }, 'Telegram polling stopped with an error');
          reject(err instanceof Error ? err : new Error('Telegram polling failed'));
        });
      });
      log.info('Telegram polling started');
    },
    async stop() {
      if (!running) return;
      try {
        bot.stop('shutdown');
      } catch {
        // Not polling yet (still deleting the webhook): nothing to stop.
      }
      await running.catch(() => undefined);
      running = undefined;
      log.info('Telegram polling stopped');
    },
  };
}

/**
 * Register `PUBLIC_BASE_URL/webhooks/telegram` with Telegram, with the secret token it must echo back.
 * Returns the URL registered. Used by the `telegram-set-webhook` CLI command.
 */
export async function setTelegramWebhook(config: { publicBaseUrl: string | undefined; env: TelegramEnv }): Promise<string> {
  const { TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: secret, TELEGRAM_API_ROOT: apiRoot } = config.env;
  const missing = [
    !token && 'TELEGRAM_BOT_TOKEN',
    !secret && 'TELEGRAM_WEBHOOK_SECRET',
    !config.publicBaseUrl && 'PUBLIC_BASE_URL',
  ].filter((v): v is string => typeof v === 'string');
  if (!token || !secret || !config.publicBaseUrl) {
    throw new Error(`cannot set the Telegram webhook: set ${missing.join(', ')}`);
  }
  if (!config.publicBaseUrl.startsWith('https://') && !apiRoot) {
    throw new Error('cannot set the Telegram webhook: PUBLIC_BASE_URL must be https:// (Telegram only posts to HTTPS)');
  }
  const url = `${config.publicBaseUrl}${TELEGRAM_WEBHOOK_PATH}`;
  const telegram = new Telegram(token, { apiRoot: apiRoot ?? DEFAULT_API_ROOT, webhookReply: false });
  await telegram.setWebhook(url, { secret_token: secret, allowed_updates: ['message'] });
  return url;
}

function presetBotInfo(token: string): UserFromGetMe {
  const id = Number(token.slice(0, token.indexOf(':')));
  return {
    id: Number.isSafeInteger(id) ? id : 0,
    is_bot: true,
    first_name: 'bhxh-outreach',
    username: 'bhxh_outreach_bot',
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
}
