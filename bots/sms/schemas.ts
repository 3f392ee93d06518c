/**
 * Provider payloads of the SMS channel, validated at the boundary. Private to bots/sms/: provider words stay here.
 */
import { z } from 'zod';

/** Twilio inbound message webhook (form fields; Twilio sends many more, we read these). */
export const TwilioInboundSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'MessageSid must look like SM…'),
  From: z.string().min(1),
  To: z.string().optional(),
  Body: z.string().default(''),
});

/** Twilio status callback (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status). */
export const TwilioStatusSchema = z.object({
  MessageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'MessageSid must look like SM…'),
  MessageStatus: z.string().min(1),
  ErrorCode: z.string().optional(),
});

/** Twilio REST error body (`{code, message, more_info, status}`). */
export const TwilioErrorBodySchema = z.object({
  code: z.number().optional(),
  message: z.string().optional(),
  more_info: z.string().optional(),
  status: z.number().optional(),
});

/**
 * SMS Gateway for Android webhook envelope: `{deviceId, event, id, payload, webhookId}`
 * (capcom6/android-sms-gateway, modules/webhooks/domain/WebHookEventDTO.kt; docs features/webhooks.md).
 */
export const AndroidEnvelopeSchema = z.object({
  event: z.string().min(1),
  deviceId: z.string().optional(),
  id: z.string().optional(),
  webhookId: z.string().optional(),
  payload: z.unknown(),
});

/**
 * `sms:received` payload. `messageId` is a hash of (sender, date, text, SIM) computed on the phone, stable across
 * the app's webhook retries. Newer app versions add `sender`/`recipient` and deprecate `phoneNumber` (which still
 * carries the sender): accept either.
 */
export const AndroidReceivedSchema = z
  .object({
    messageId: z.string().min(1),
    message: z.string(),
    phoneNumber: z.string().min(1).optional(),
    sender: z.string().min(1).nullish(),
    simNumber: z.number().int().nullish(),
    receivedAt: z.string().optional(),
  })
  .refine((p) => (p.sender ?? p.phoneNumber) !== undefined, { message: 'payload needs phoneNumber or sender' });

/** `sms:sent` / `sms:delivered` / `sms:failed` payload (`reason` on failed; `partsCount` on sent in newer apps). */
export const AndroidStatusSchema = z.object({
  messageId: z.string().min(1),
  phoneNumber: z.string().optional(),
  simNumber: z.number().int().nullish(),
  reason: z.string().optional(),
  partsCount: z.number().int().optional(),
});

/** Answer of `POST /message` (local server) or `/3rdparty/v1/message` (cloud): 202 with the queued message's state. */
export const AndroidSendResponseSchema = z.object({
  id: z.string().min(1),
  state: z.string().optional(),
  recipients: z.array(z.object({ phoneNumber: z.string(), state: z.string() })).optional(),
});

/** Error body of the gateway's API (`{message}`). */
export const AndroidErrorBodySchema = z.object({ message: z.string().optional() });
