import { z } from 'zod';

// Bot API payloads we read (https://core.telegram.org/bots/api#update). Unknown fields pass through untouched;
// only what the parse step needs is checked. Telegram ids fit in 52 bits, so numbers are safe here; they
// become strings as soon as they leave this folder.

const User = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});

const Chat = z.object({
  id: z.number().int(),
  type: z.string(),
});

const Contact = z.object({
  phone_number: z.string(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  user_id: z.number().int().optional(),
});

const Message = z.object({
  message_id: z.number().int(),
  from: User.optional(),
  chat: Chat,
  date: z.number().int(),
  text: z.string().optional(),
  contact: Contact.optional(),
});

/** The part of a Bot API Update we act on; other update types (edited_message, callback_query …) are ignored. */
export const UpdateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: Message.optional(),
});

export type TelegramUpdate = z.infer<typeof UpdateSchema>;
export type TelegramMessage = z.infer<typeof Message>;
export type TelegramUser = z.infer<typeof User>;
