import { TelegramError, type Telegram } from 'telegraf';
import type { ReplyKeyboardMarkup } from 'telegraf/types';
import { SendError, type SendResult } from '../../src/core/channel.ts';
import { addressId, type OutboundMessage } from '../../src/core/message.ts';

/** Label of the button that shares the person's phone number (Telegram's request_contact). */
export const SHARE_PHONE_LABEL = '📱 Gửi số điện thoại';

/** Quick replies become a one-time reply keyboard, one button per row; requestPhone adds a contact button on top. */
export function buildReplyKeyboard(message: Pick<OutboundMessage, 'quickReplies' | 'requestPhone'>): ReplyKeyboardMarkup | undefined {
  const rows: ReplyKeyboardMarkup['keyboard'] = [];
  if (message.requestPhone) rows.push([{ text: SHARE_PHONE_LABEL, request_contact: true }]);
  for (const option of message.quickReplies ?? []) rows.push([{ text: option }]);
  if (rows.length === 0) return undefined;
  return { keyboard: rows, one_time_keyboard: true, resize_keyboard: true };
}

/** Send one outbound message with the Bot API; failures become a SendError that says what the outbox should do. */
export async function sendTelegramMessage(telegram: Telegram, message: OutboundMessage): Promise<SendResult> {
  const keyboard = buildReplyKeyboard(message);
  try {
    const sent = await telegram.sendMessage(addressId(message.to), message.text, keyboard ? { reply_markup: keyboard } : {});
    return { providerId: String(sent.message_id) };
  } catch (err) {
    throw toSendError(err);
  }
}

/**
 * Map a Bot API failure to what the outbox should do (https://core.telegram.org/bots/api#making-requests,
 * https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
 */
export function toSendError(err: unknown): SendError {
  if (!(err instanceof TelegramError)) {
    // node-fetch FetchError, DNS, connection reset …: the network failed, not the API.
    return new SendError('retry', 'Telegram unreachable; retry later', { cause: err });
  }
  const code = err.code;
  const description = err.description ?? '';
  const providerCode = String(code);
  if (code === 429) {
    const retryAfter = err.parameters?.retry_after ?? 1;
    return new SendError('retry', `Telegram rate limit; retry after ${retryAfter}s`, {
      retryAfterMs: retryAfter * 1000,
      providerCode,
      cause: err,
    });
  }
  if (code >= 500) return new SendError('retry', 'Telegram server error; retry later', { providerCode, cause: err });
  if (code === 403) {
    // "bot was blocked by the user", "user is deactivated", "bot can't initiate conversation with a user".
    return new SendError('stopped', `contact unreachable on Telegram (${description}); mark the address stopped`, {
      providerCode,
      cause: err,
    });
  }
  if (code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) {
    return new SendError('stopped', `contact unreachable on Telegram (${description}); mark the address stopped`, {
      providerCode,
      cause: err,
    });
  }
  if (code === 401 || code === 404) {
    return new SendError('fatal', 'Telegram refused the bot token; check TELEGRAM_BOT_TOKEN', { providerCode, cause: err });
  }
  return new SendError('fatal', `Telegram rejected the message (${code} ${description}); do not retry`, { providerCode, cause: err });
}
