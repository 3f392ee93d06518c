/**
 * SMS Gateway for Android (capcom6/android-sms-gateway): a phone with a local SIM that sends and receives SMS.
 * Inbound: `POST /webhooks/android-sms` (verify HMAC + timestamp window → decode JSON → normalised event).
 * Outbound: `POST <ANDROID_SMS_URL>/message` with basic auth.
 */
import { createHmac } from 'node:crypto';
import express, { type Application } from 'express';
import type { ChannelDeps } from '../../src/core/channel.ts';
import { SendError } from '../../src/core/channel.ts';
import { HttpError } from '../../src/http/errors.ts';
import type { VietnameseMobile } from '../../src/text/sms.ts';
import { normalisePhone } from '../../src/text/sms.ts';
import { normaliseInbound } from '../../src/text/vietnamese.ts';
import { PROVIDER_TIMEOUT_MS, WEBHOOK_BODY_LIMIT, basicAuth, joinUrl, parseRetryAfter, providerDetail, safeEqual } from './http.ts';
import {
  AndroidEnvelopeSchema,
  AndroidErrorBodySchema,
  AndroidReceivedSchema,
  AndroidSendResponseSchema,
  AndroidStatusSchema,
} from './schemas.ts';

export const ANDROID_WEBHOOK_PATH = '/webhooks/android-sms';

/** Signed webhooks older or newer than this are refused (the gateway docs recommend ±5 minutes). */
export const ANDROID_TIMESTAMP_WINDOW_S = 5 * 60;

export interface AndroidSettings {
  /** Local mode `http://<phone-ip>:8080`, or cloud `https://api.sms-gate.app/3rdparty/v1`: `/message` is appended. */
  url: string;
  user: string;
  password: string;
}

/** The gateway's delivery events and what they mean for the outbox row. */
const STATUS_EVENTS = new Map<string, 'sent' | 'delivered' | 'failed'>([
  ['sms:sent', 'sent'],
  ['sms:delivered', 'delivered'],
  ['sms:failed', 'failed'],
]);

/** hex HMAC-SHA256(signing key, rawBody + X-Timestamp), as the app's PayloadSigningPlugin computes it. */
export function androidSignature(signingKey: string, rawBody: Buffer | string, timestamp: string): string {
  return createHmac('sha256', signingKey).update(rawBody).update(timestamp).digest('hex');
}

function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'body'}: ${issue.message}` : 'invalid payload';
}

/** Mount `POST /webhooks/android-sms`. */
export function mountAndroidWebhook(app: Application, deps: ChannelDeps, signingKey: string): void {
  const log = deps.log.child({ channel: 'sms', provider: 'android' });
  // Raw bytes whatever the Content-Type: the signature covers the body exactly as sent.
  const raw = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT });

  app.post(ANDROID_WEBHOOK_PATH, raw, async (req, res) => {
    // 1. Verify: signature over the raw body, then the timestamp window (a correctly signed old request is a replay).
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = req.header('x-signature');
    const timestamp = req.header('x-timestamp');
    if (!signature || !timestamp) throw new HttpError(403, 'missing X-Signature or X-Timestamp');
    if (!safeEqual(androidSignature(signingKey, body, timestamp), signature.toLowerCase())) {
      throw new HttpError(403, 'invalid X-Signature');
    }
    const nowS = deps.clock.now().getTime() / 1000;
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowS - Number(timestamp)) > ANDROID_TIMESTAMP_WINDOW_S) {
      throw new HttpError(403, 'X-Timestamp outside the accepted window (±5 min): check the phone clock');
    }

    // 2. Decode.
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      throw new HttpError(400, 'malformed body: not JSON');
    }
    const envelope = AndroidEnvelopeSchema.safeParse(json);
    if (!envelope.success) throw new HttpError(400, `malformed gateway webhook: ${firstIssue(envelope.error)}`);
    const { event, payload } = envelope.data;

    // 3. Normalised event.
    const status = STATUS_EVENTS.get(event);
    if (event === 'sms:received') {
      const parsed = AndroidReceivedSchema.safeParse(payload);
      if (!parsed.success) throw new HttpError(400, `malformed sms:received payload: ${firstIssue(parsed.error)}`);
      const p = parsed.data;
      const from = normalisePhone(p.sender ?? p.phoneNumber ?? '');
      const text = normaliseInbound(p.message);
      if (!from || text === '') {
        log.debug({ reason: from ? 'empty text' : 'sender is not a Vietnamese mobile number' }, 'inbound SMS ignored');
      } else {
        const result = await deps.submit({
          kind: 'text',
          channel: 'sms',
          providerId: p.messageId,
          from: `tel:${from}`,
          text,
          receivedAt: deps.clock.now(),
        });
        log.debug({ providerId: p.messageId, status: result.status }, 'inbound SMS dispatched');
      }
    } else if (status !== undefined) {
      const parsed = AndroidStatusSchema.safeParse(payload);
      if (!parsed.success) throw new HttpError(400, `malformed ${event} payload: ${firstIssue(parsed.error)}`);
      const p = parsed.data;
      const result = await deps.submit({
        kind: 'status',
        channel: 'sms',
        providerId: `${p.messageId}:${status}`,
        messageId: p.messageId,
        status,
        ...(status === 'failed' && { error: providerDetail(p.reason) || 'failed on the phone' }),
        receivedAt: deps.clock.now(),
      });
      log.debug({ providerId: p.messageId, status, result: result.status }, 'delivery report dispatched');
    } else {
      // system:ping, mms:*, sms:data-received, app:started …: acknowledged so the phone stops retrying.
      log.debug({ event }, 'gateway event ignored');
    }
    res.status(200).json({ ok: true });
  });
}

/** One outbound SMS through the gateway. */
export interface AndroidSender {
  /** `key` becomes the gateway's message `id`: a resend after a crash is recognised by the phone, not sent twice. */
  sendOne(to: VietnameseMobile, text: string, key?: string): Promise<string>;
}

/** Build the gateway sender. The phone splits long texts into a multipart SMS itself. */
export function createAndroidSender(settings: AndroidSettings, deps: Pick<ChannelDeps, 'clock'>): AndroidSender {
  const endpoint = joinUrl(settings.url, 'message');
  const authorization = basicAuth(settings.user, settings.password);
  return {
    async sendOne(to, text, key) {
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ ...(key !== undefined && { id: key }), textMessage: { text }, phoneNumbers: [to] }),
          signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
        });
      } catch (err) {
        throw new SendError('retry', 'the Android SMS gateway did not answer: is the phone on, online and the app\'s server running at ANDROID_SMS_URL? Retry later', { cause: err });
      }
      const bodyText = await res.text().catch(() => '');
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'), deps.clock.now());
      const retryOpts = { providerCode: String(res.status), ...(retryAfter !== undefined && { retryAfterMs: retryAfter }) };
      if (res.ok) {
        let json: unknown;
        try {
          json = JSON.parse(bodyText);
        } catch {
          json = undefined;
        }
        const parsed = AndroidSendResponseSchema.safeParse(json);
        // The phone accepted the message; without an id we cannot match delivery reports, but must not resend it.
        if (!parsed.success) throw new SendError('fatal', `the Android SMS gateway accepted the message but answered without an id (HTTP ${res.status}); not retried to avoid a duplicate`);
        return parsed.data.id;
      }
      let detail = '';
      try {
        const e = AndroidErrorBodySchema.safeParse(JSON.parse(bodyText));
        detail = e.success ? providerDetail(e.data.message) : '';
      } catch {
        detail = providerDetail(bodyText);
      }
      // The gateway already holds a message with this id: it was accepted before (we are resending after a crash).
      if (res.status === 409 && key !== undefined) return key;
      if (res.status === 401 || res.status === 403) {
        throw new SendError('fatal', `the Android SMS gateway refused the credentials (HTTP ${res.status}): check ANDROID_SMS_USER and ANDROID_SMS_PASSWORD against the app's Home tab`, retryOpts);
      }
      if (res.status === 429 || res.status >= 500) {
        throw new SendError('retry', `the Android SMS gateway is busy or failing (HTTP ${res.status}${detail ? `: ${detail}` : ''}): retry later`, retryOpts);
      }
      throw new SendError('fatal', `the Android SMS gateway refused the message (HTTP ${res.status}${detail ? `: ${detail}` : ''}); not retried`, retryOpts);
    },
  };
}
