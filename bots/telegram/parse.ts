import type { InboundEvent } from '../../src/core/message.ts';
import { toAddress } from '../../src/core/message.ts';
import type { TelegramUpdate, TelegramUser } from './schema.ts';

/** `/start` or `/start <payload>` (deep links), also `/start@MyBot` in case a group forwards it. */
const START = /^\/start(?:@\w+)?(?:\s|$)/;

/**
 * Turn one Bot API update into a normalised inbound event, or null when we do not act on it
 * (edited messages, stickers, groups, a contact card of somebody else …). The dedupe key is update_id.
 */
export function parseTelegramUpdate(update: TelegramUpdate, receivedAt: Date): InboundEvent | null {
  const message = update.message;
  // Only private chats: an address is a person, and a group's chat id is not one.
  if (!message || message.chat.type !== 'private' || !message.from || message.from.is_bot) return null;
  const from = toAddress('telegram', String(message.from.id));
  const providerId = String(update.update_id);
  const name = displayName(message.from);
  const handle = message.from.username ? { username: message.from.username } : {};
  if (message.contact) {
    // A contact card proves a phone only when it is the sender's own (the request_contact button sends that).
    if (message.contact.user_id !== message.from.id) return null;
    return { kind: 'phone', channel: 'telegram', providerId, from, phone: message.contact.phone_number, ...name, receivedAt };
  }
  if (message.text === undefined) return null;
  if (START.test(message.text)) return { kind: 'subscribe', channel: 'telegram', providerId, from, ...handle, receivedAt };
  return { kind: 'text', channel: 'telegram', providerId, from, text: message.text, ...name, ...handle, receivedAt };
}

function displayName(user: TelegramUser): { name?: string } {
  const name = [user.first_name, user.last_name].filter((p) => p && p.trim() !== '').join(' ').trim();
  return name === '' ? {} : { name };
}
