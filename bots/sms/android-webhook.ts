/**
 * SMS Gateway for Android (capcom6/android-sms-gateway), inbound: `POST /webhooks/android-sms`, verified by an
 * HMAC over the raw body and a timestamp window, decoded into a received SMS or a delivery report.
 */
import { createHmac } from 'node:crypto';
import type { Clock } from '../../src/core/channel.ts';
import { WebhookRefusal } from '../../src/core/channel.ts';
import type { Logger } from '../../src/core/log.ts';
import { ACK_OK, readJson } from '../shared/body.ts';
import { parsePayload } from '../shared/issues.ts';
import { safeEqual } from '../../src/core/secrets.ts';
import { WEBHOOK_BODY_LIMIT, providerDetail } from './http.ts';
import { deliveryReport, inboundSms } from './inbound.ts';
import { AndroidEnvelopeSchema, AndroidReceivedSchema, AndroidStatusSchema } from './schemas.ts';
import type { SmsWebhook } from './webhook.ts';

export const ANDROID_WEBHOOK_PATH = '/webhooks/android-sms';

/** Signed webhooks older or newer than this are refused (the gateway docs recommend ±5 minutes). */
export const ANDROID_TIMESTAMP_WINDOW_S = 5 * 60;

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

/** The gateway's webhook: verify the signature, then the timestamp window (a correctly signed old request is a replay). */
export function androidWebhook(signingKey: string, deps: { clock: Clock; log: Logger }): SmsWebhook {
  const log = deps.log.child({ provider: 'android' });
  return {
    routes: [{ method: 'POST', path: ANDROID_WEBHOOK_PATH, maxBodyBytes: WEBHOOK_BODY_LIMIT }],
    verify(request) {
      const signature = request.headers['x-signature'];
      const timestamp = request.headers['x-timestamp'];
      if (!signature || !timestamp) throw new WebhookRefusal('unauthorized', 'missing X-Signature or X-Timestamp');
      if (!safeEqual(androidSignature(signingKey, request.rawBody, timestamp), signature.toLowerCase())) {
        throw new WebhookRefusal('unauthorized', 'invalid X-Signature');
      }
      const nowS = deps.clock.now().getTime() / 1000;
      if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowS - Number(timestamp)) > ANDROID_TIMESTAMP_WINDOW_S) {
        throw new WebhookRefusal('unauthorized', 'X-Timestamp outside the accepted window (±5 min): check the phone clock');
      }
    },
    parse(request) {
      const { event, payload } = parsePayload(AndroidEnvelopeSchema, readJson(request.rawBody), 'gateway webhook');
      const now = deps.clock.now();
      if (event === 'sms:received') {
        const p = parsePayload(AndroidReceivedSchema, payload, 'sms:received payload');
        return inboundSms({ messageId: p.messageId, from: p.sender ?? p.phoneNumber ?? '', text: p.message }, now, log);
      }
      const status = STATUS_EVENTS.get(event);
      if (status !== undefined) {
        const p = parsePayload(AndroidStatusSchema, payload, `${event} payload`);
        const error = status === 'failed' ? providerDetail(p.reason) || 'failed on the phone' : undefined;
        return [deliveryReport({ messageId: p.messageId, providerStatus: status, status, ...(error && { error }) }, now)];
      }
      // system:ping, mms:*, sms:data-received, app:started …: acknowledged so the phone stops retrying.
      log.debug({ event }, 'gateway event ignored');
      return [];
    },
    ack: ACK_OK,
  };
}
