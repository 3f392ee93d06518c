import express, { type Application, type RequestHandler } from 'express';
import { DEFAULT_CAPABILITIES, SendError, type ChannelAdapter, type ChannelDeps, type OutboundChannel } from '../../src/core/channel.ts';
import { HttpError } from '../../src/http/errors.ts';
import { DEFAULT_ZALO_API_BASE, DEFAULT_ZALO_OAUTH_BASE, createZaloClient } from './client.ts';
import { parseJsonKeepingLongIds } from './json.ts';
import { parseZaloEvent } from './parse.ts';
import { BodyTimestamp, WebhookEnvelope } from './schema.ts';
import { sendZaloText } from './send.ts';
import { verifyZaloSignature } from './signature.ts';
import { createZaloTokenStore } from './tokens.ts';

/** The route Zalo posts OA events to (set it in the Zalo developer console, "Webhook"). */
export const ZALO_WEBHOOK_PATH = '/webhooks/zalo';
/** Largest event body accepted; real events are well under 10 kB. */
export const ZALO_BODY_LIMIT = '256kb';

/**
 * The Zalo OA channel, or null (with one info line saying what turns it on) when ZALO_APP_ID or
 * ZALO_OA_SECRET_KEY is unset. Inbound: verify mac → parse (ids as strings) → dispatch → 200, with no network
 * call before the ack. Outbound: CS text through a small fetch client, tokens in the `settings` table.
 */
export function createZaloChannel(deps: ChannelDeps): ChannelAdapter | null {
  const env = deps.config.env;
  const log = deps.log.child({ channel: 'zalo' });
  const appId = env.ZALO_APP_ID;
  const oaSecretKey = env.ZALO_OA_SECRET_KEY;
  if (!appId || !oaSecretKey) {
    log.info('Zalo channel off: set ZALO_APP_ID and ZALO_OA_SECRET_KEY (webhooks), plus ZALO_APP_SECRET and ZALO_REFRESH_TOKEN (sending)');
    return null;
  }
  if (!env.ZALO_APP_SECRET) log.warn('ZALO_APP_SECRET is unset: Zalo webhooks work, but sends fail until it is set');

  const client = createZaloClient({
    apiBase: env.ZALO_API_BASE ?? DEFAULT_ZALO_API_BASE,
    oauthBase: env.ZALO_OAUTH_BASE ?? DEFAULT_ZALO_OAUTH_BASE,
    appId,
    appSecret: env.ZALO_APP_SECRET ?? '',
  });
  const tokens = createZaloTokenStore({ db: deps.db, clock: deps.clock, client, seedRefreshToken: env.ZALO_REFRESH_TOKEN });

  const rawBody = rawBodyParser(ZALO_BODY_LIMIT);

  const receive: RequestHandler = async (req, res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    // The signed timestamp may sit in the body, so the JSON is read first; nothing is acted on until the mac checks out.
    let body: unknown;
    let malformed = false;
    try {
      body = parseJsonKeepingLongIds(raw);
    } catch {
      malformed = true;
    }
    const envelope = WebhookEnvelope.safeParse(body);
    const signed = verifyZaloSignature({
      appId,
      oaSecretKey,
      rawBody: raw,
      header: req.get('x-zevent-signature'),
      timestamps: [req.get('x-zevent-timestamp'), BodyTimestamp.safeParse(body).data?.timestamp],
    });
    if (!signed) {
      next(new HttpError(403, 'missing or wrong X-ZEvent-Signature'));
      return;
    }
    if (malformed) {
      next(new HttpError(400, 'malformed JSON body'));
      return;
    }
    if (!envelope.success) {
      next(new HttpError(400, 'not a Zalo OA event (no event_name)'));
      return;
    }
    const { event_name: eventName, timestamp } = envelope.data;
    const parsed = parseZaloEvent(eventName, body, timestamp, deps.clock.now());
    if (!parsed.ok) {
      next(new HttpError(400, parsed.reason));
      return;
    }
    if (parsed.event === null) {
      log.debug({ eventName }, 'Zalo event ignored');
    } else {
      // Nothing here waits for the network (replies go through the outbox), so the ack goes out well within
      // Zalo's 2 s; the wait is only for the group commit.
      const result = await deps.submit(parsed.event);
      log.debug({ eventName, kind: parsed.event.kind, status: result.status }, 'Zalo event dispatched');
    }
    res.status(200).json({ ok: true });
  };

  const outbound: OutboundChannel = {
    name: 'zalo',
    capabilities: DEFAULT_CAPABILITIES.zalo,
    ratePerSecond: deps.config.rates.zalo,
    send: async (message) => {
      if (!env.ZALO_APP_SECRET) throw new SendError('fatal', 'ZALO_APP_SECRET is unset: set it (Zalo developer console, app settings) to send on Zalo');
      return sendZaloText({ db: deps.db, clock: deps.clock, log, client, tokens }, message);
    },
  };

  return {
    outbound,
    mount(app: Application) {
      app.post(ZALO_WEBHOOK_PATH, rawBody, receive);
    },
  };
}

/** express.raw for any content type, with its failures as HttpErrors (413 too large). */
function rawBodyParser(limit: string): RequestHandler {
  const parse = express.raw({ limit, type: () => true });
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => {
      const type = (err as { type?: unknown } | undefined)?.type;
      if (type === 'entity.too.large') next(new HttpError(413, 'body too large'));
      else if (type === 'encoding.unsupported' || type === 'charset.unsupported') next(new HttpError(415, 'unsupported encoding'));
      else next(err);
    });
  };
}
