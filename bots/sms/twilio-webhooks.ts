/**
 * Twilio (twilio@6), inbound: `POST /webhooks/twilio` (a received SMS) and `POST /webhooks/twilio/status`
 * (delivery reports), verified against X-Twilio-Signature for PUBLIC_BASE_URL + the route path, answered with
 * empty TwiML. Twilio cannot do two-way SMS in Vietnam: see README.md.
 */
import twilio from 'twilio';
import type { ChannelRequest, Clock } from '../../src/core/channel.ts';
import { WebhookRefusal } from '../../src/core/channel.ts';
import type { Logger } from '../../src/core/log.ts';
import { readForm } from '../shared/body.ts';
import { parsePayload } from '../shared/issues.ts';
import { WEBHOOK_BODY_LIMIT } from './http.ts';
import { deliveryReport, inboundSms } from './inbound.ts';
import { TwilioInboundSchema, TwilioStatusSchema } from './schemas.ts';
import type { SmsWebhook } from './webhook.ts';

export const TWILIO_INBOUND_PATH = '/webhooks/twilio';
export const TWILIO_STATUS_PATH = '/webhooks/twilio/status';

/** Twilio error 21610: the recipient replied STOP to this sender. */
export const TWILIO_OPTED_OUT = '21610';

/** Twilio MessageStatus → our delivery status; statuses before "sent" (queued, accepted, sending…) are ignored. */
const STATUS_MAP = new Map<string, 'sent' | 'delivered' | 'failed'>([
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'delivered'],
  ['undelivered', 'failed'],
  ['failed', 'failed'],
]);

/** Form fields beyond this many are refused (Twilio sends a few dozen). */
const MAX_FIELDS = 200;

/** Twilio's webhooks. `publicBaseUrl` is PUBLIC_BASE_URL without the trailing slash: Twilio signs it + the path. */
export function twilioWebhooks(settings: { authToken: string; publicBaseUrl: string }, deps: { clock: Clock; log: Logger }): SmsWebhook {
  const log = deps.log.child({ provider: 'twilio' });
  const fields = (request: ChannelRequest): Record<string, string> => {
    const form = readForm(request.rawBody);
    if (Object.keys(form).length > MAX_FIELDS) throw new WebhookRefusal('too-large', 'too many form fields');
    return form;
  };
  return {
    routes: [
      { method: 'POST', path: TWILIO_INBOUND_PATH, maxBodyBytes: WEBHOOK_BODY_LIMIT },
      { method: 'POST', path: TWILIO_STATUS_PATH, maxBodyBytes: WEBHOOK_BODY_LIMIT },
    ],
    verify(request) {
      const signature = request.headers['x-twilio-signature'];
      if (!signature) throw new WebhookRefusal('unauthorized', 'missing X-Twilio-Signature');
      // Each route checks its own URL: a signature for the inbound URL does not open the status URL.
      if (!twilio.validateRequest(settings.authToken, signature, settings.publicBaseUrl + request.path, fields(request))) {
        throw new WebhookRefusal('unauthorized', 'invalid X-Twilio-Signature');
      }
    },
    parse(request) {
      const now = deps.clock.now();
      if (request.path === TWILIO_INBOUND_PATH) {
        const sms = parsePayload(TwilioInboundSchema, fields(request), 'Twilio webhook');
        return inboundSms({ messageId: sms.MessageSid, from: sms.From, text: sms.Body }, now, log);
      }
      const { MessageSid, MessageStatus, ErrorCode } = parsePayload(TwilioStatusSchema, fields(request), 'Twilio status callback');
      const status = STATUS_MAP.get(MessageStatus);
      if (!status) {
        log.debug({ providerId: MessageSid, messageStatus: MessageStatus }, 'status callback ignored');
        return [];
      }
      const report = { messageId: MessageSid, providerStatus: MessageStatus, status, stopped: ErrorCode === TWILIO_OPTED_OUT };
      return [deliveryReport({ ...report, ...(ErrorCode && { error: `Twilio error ${ErrorCode}` }) }, now)];
    },
    // "Received, nothing to say": replies go through the outbox.
    ack: { status: 200, contentType: 'text/xml', body: '<?xml version="1.0" encoding="UTF-8"?><Response/>' },
  };
}
