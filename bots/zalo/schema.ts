import { z } from 'zod';

// Zalo OA payloads (https://developers.zalo.me/docs/official-account/webhook/, .../api/gui-tin-nhan).
// Bodies are parsed with parseJsonKeepingLongIds, so a 19-digit id arrives here as a string; a short one may
// still be a number. Either way it leaves this folder as a string.

/** A provider id: always a string once validated. */
const Id = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

/** Where the signature's timestamp may sit in the body (read before anything else is checked). */
export const BodyTimestamp = z.object({ timestamp: Id });

/** The fields every webhook event carries; the event-specific part is checked per event in parse.ts. */
export const WebhookEnvelope = z.object({
  event_name: z.string().min(1),
  app_id: Id.optional(),
  timestamp: Id.optional(),
});

export const UserSendText = z.object({
  sender: z.object({ id: Id }),
  message: z.object({ text: z.string(), msg_id: Id }),
});

export const FollowEvent = z.object({
  follower: z.object({ id: Id }),
});

export const UserSubmitInfo = z.object({
  sender: z.object({ id: Id }),
  info: z.object({ phone: Id, name: z.string().optional() }),
});

/** Reply of the OA API: errors come back with HTTP 200 and a negative `error`. */
export const ApiReply = z.object({
  error: z.number().int(),
  message: z.string().optional(),
  data: z.object({ message_id: Id.optional(), user_id: Id.optional() }).partial().optional(),
});

/** Reply of the OAuth v4 token endpoint: tokens, or an `error` code with a description. */
export const OAuthReply = z.union([
  z.object({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1),
    expires_in: z.union([z.string(), z.number()]).transform(Number),
  }),
  z.object({
    error: z.number().int(),
    error_name: z.string().optional(),
    error_description: z.string().optional(),
  }),
]);
