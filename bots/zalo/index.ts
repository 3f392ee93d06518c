import type { Channel, ChannelCapabilities, ChannelDeps, ChannelRequest } from '../../src/core/channel.ts';
import { SendError, WebhookRefusal } from '../../src/core/channel.ts';
import { ACK_OK, readJson } from '../shared/body.ts';
import { DEFAULT_ZALO_API_BASE, DEFAULT_ZALO_OAUTH_BASE, ZALO_MAX_TEXT, createZaloClient } from './client.ts';
import type { ZaloEnv } from './config.ts';
import { parseJsonKeepingLongIds } from './json.ts';
import { parseZaloEvent } from './parse.ts';
import { BodyTimestamp, WebhookEnvelope } from './schema.ts';
import { sendZaloText } from './send.ts';
import { signedTimestamp } from './signature.ts';
import { createZaloTokenStore } from './tokens.ts';

/** The route Zalo posts OA events to (set it in the Zalo developer console, "Webhook"). */
export const ZALO_WEBHOOK_PATH = '/webhooks/zalo';
/** Largest event body accepted; real events are well under 10 kB. */
export const ZALO_BODY_LIMIT = 256 * 1024;

/** What Zalo renders: no buttons on a CS text (quick replies become numbered options), 2,000 characters. */
export const ZALO_CAPABILITIES: ChannelCapabilities = { quickReplies: false, maxLength: ZALO_MAX_TEXT, sms: false };

/** A verified event: its JSON (ids kept as strings) or why it is not JSON, and the timestamp its signature covers. */
interface SignedEvent {
  body: unknown;
  unreadable: WebhookRefusal | undefined;
  timestamp: string;
}

/**
 * The Zalo OA channel, or null (with one info line saying what turns it on) when ZALO_APP_ID or
 * ZALO_OA_SECRET_KEY is unset. Inbound: verify mac and age → parse (ids as strings) → 200, with no network
 * call before the ack. Outbound: CS text through a small fetch client, tokens in the `settings` table.
 */
export function createZaloChannel(deps: ChannelDeps, env: ZaloEnv): Channel | null {
  const log = deps.log.child({ channel: 'zalo' });
  const appId = env.ZALO_APP_ID;
  const oaSecretKey = env.ZALO_OA_SECRET_KEY;
  if (!appId || !oaSecretKey) {
    log.info('Zalo channel off: set ZALO_APP_ID and ZALO_OA_SECRET_KEY (webhooks), plus ZALO_APP_SECRET and ZALO_REFRESH_TOKEN (sending)');
    return null;
  }
  if (!env.ZALO_APP_SECRET) log.warn('ZALO_APP_SECRET is unset: Zalo webhooks work, but sends fail until it is set');
  const maxAgeMs = env.ZALO_EVENT_MAX_AGE_HOURS * 3600_000;

  const client = createZaloClient({
    apiBase: env.ZALO_API_BASE ?? DEFAULT_ZALO_API_BASE,
    oauthBase: env.ZALO_OAUTH_BASE ?? DEFAULT_ZALO_OAUTH_BASE,
    appId,
    appSecret: env.ZALO_APP_SECRET ?? '',
  });
  const tokens = createZaloTokenStore({ db: deps.db, clock: deps.clock, client, seedRefreshToken: env.ZALO_REFRESH_TOKEN });

  // verify reads the JSON (the signed timestamp may sit in the body); parse reuses it rather than reading twice.
  const verified = new WeakMap<ChannelRequest, SignedEvent>();

  /** The signed event, or a refusal: nothing in the body is acted on until the mac checks out. */
  const verifyEvent = (request: ChannelRequest): SignedEvent => {
    const raw = request.rawBody.toString('utf8');
    let body: unknown;
    let unreadable: WebhookRefusal | undefined;
    try {
      body = readJson(request.rawBody, parseJsonKeepingLongIds);
    } catch (err) {
      // Refused as malformed only once the signature checks out: an unsigned request learns nothing.
      if (!(err instanceof WebhookRefusal)) throw err;
      unreadable = err;
    }
    const timestamp = signedTimestamp({
      appId,
      oaSecretKey,
      rawBody: raw,
      header: request.headers['x-zevent-signature'],
      timestamps: [request.headers['x-zevent-timestamp'], BodyTimestamp.safeParse(body).data?.timestamp],
    });
    if (timestamp === undefined) throw new WebhookRefusal('unauthorized', 'missing or wrong X-ZEvent-Signature');
    const age = deps.clock.now().getTime() - Number(timestamp);
    if (!Number.isFinite(age) || Math.abs(age) > maxAgeMs) {
      throw new WebhookRefusal('unauthorized', `event signed outside the accepted window (${env.ZALO_EVENT_MAX_AGE_HOURS} h, ZALO_EVENT_MAX_AGE_HOURS)`);
    }
    return { body, unreadable, timestamp };
  };

  return {
    name: 'zalo',
    capabilities: ZALO_CAPABILITIES,
    ratePerSecond: env.RATE_ZALO,
    routes: [{ method: 'POST', path: ZALO_WEBHOOK_PATH, maxBodyBytes: ZALO_BODY_LIMIT }],
    verify(request) {
      verified.set(request, verifyEvent(request));
    },
    parse(request) {
      const { body, unreadable, timestamp } = verified.get(request) ?? verifyEvent(request);
      if (unreadable) throw unreadable;
      const envelope = WebhookEnvelope.safeParse(body);
      if (!envelope.success) throw new WebhookRefusal('malformed', 'not a Zalo OA event (no event_name)');
      const eventName = envelope.data.event_name;
      const parsed = parseZaloEvent(eventName, body, timestamp, deps.clock.now());
      if (!parsed.ok) throw new WebhookRefusal('malformed', parsed.reason);
      if (parsed.event === null) log.debug({ eventName }, 'Zalo event ignored');
      // Nothing here waits for the network (replies go through the outbox), so the ack goes out well within Zalo's 2 s.
      return { events: parsed.event ? [parsed.event] : [] };
    },
    ack: () => ACK_OK,
    send: async (message) => {
      if (!env.ZALO_APP_SECRET) throw new SendError('fatal', 'ZALO_APP_SECRET is unset: set it (Zalo developer console, app settings) to send on Zalo');
      return sendZaloText({ db: deps.db, clock: deps.clock, log, client, tokens }, message);
    },
  };
}
