import { Telegraf, Telegram } from 'telegraf';
import type { UserFromGetMe } from 'telegraf/types';
import type { Application, RequestHandler } from 'express';
import { DEFAULT_CAPABILITIES, type ChannelAdapter, type ChannelDeps, type OutboundChannel } from '../../src/core/channel.ts';
import type { Config } from '../../src/config.ts';
import { HttpError } from '../../src/http/errors.ts';
import { jsonBody, secretsEqual } from './http.ts';
import { parseTelegramUpdate } from './parse.ts';
import { UpdateSchema } from './schema.ts';
import { sendTelegramMessage } from './send.ts';

/** The route Telegram posts updates to (register it with `bhxh-outreach telegram-set-webhook`). */
export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';
/** Largest update body accepted; real updates are a few kB. */
export const TELEGRAM_BODY_LIMIT = '256kb';
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const DEFAULT_API_ROOT = 'https://api.telegram.org';

/**
 * The Telegram channel, or null (with one info line saying what turns it on) when TELEGRAM_BOT_TOKEN is unset.
 * telegraf is only the transport: its Telegram client for sends and its polling loop for local runs.
 */
export function createTelegramChannel(deps: ChannelDeps): ChannelAdapter | null {
  const env = deps.config.env;
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

  /** parse → dispatch; shared by the webhook and the polling loop. */
  const receive = async (body: unknown): Promise<'dispatched' | 'ignored' | 'invalid'> => {
    const parsed = UpdateSchema.safeParse(body);
    if (!parsed.success) return 'invalid';
    const event = parseTelegramUpdate(parsed.data, deps.clock.now());
    if (!event) {
      log.debug({ updateId: parsed.data.update_id }, 'Telegram update ignored');
      return 'ignored';
    }
    const result = await deps.submit(event);
    log.debug({ updateId: parsed.data.update_id, kind: event.kind, status: result.status }, 'Telegram update dispatched');
    return 'dispatched';
  };

  bot.use(async (ctx) => {
    if ((await receive(ctx.update)) === 'invalid') log.warn({ updateId: ctx.update.update_id }, 'Telegram update not understood');
  });

  const requireSecret: RequestHandler = (req, _res, next) => {
    const given = req.get(SECRET_HEADER);
    if (!secret || !secretsEqual(secret, given)) {
      next(new HttpError(403, 'missing or wrong X-Telegram-Bot-Api-Secret-Token'));
      return;
    }
    next();
  };

  const outbound: OutboundChannel = {
    name: 'telegram',
    capabilities: DEFAULT_CAPABILITIES.telegram,
    ratePerSecond: deps.config.rates.telegram,
    send: (message) => sendTelegramMessage(bot.telegram, message),
  };

  let running: Promise<void> | undefined;

  return {
    outbound,
    mount(app: Application) {
      // Verify first, then read the body: an unsigned request never gets as far as the JSON parser.
      app.post(TELEGRAM_WEBHOOK_PATH, requireSecret, jsonBody(TELEGRAM_BODY_LIMIT), async (req, res, next) => {
        if ((await receive(req.body)) === 'invalid') {
          next(new HttpError(400, 'not a Telegram update'));
          return;
        }
        res.status(200).json({ ok: true });
      });
    },
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
export async function setTelegramWebhook(config: Config): Promise<string> {
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
