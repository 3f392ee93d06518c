import { SendError, type SendResult } from '../../src/core/channel.ts';
import type { Logger } from '../../src/core/log.ts';
import { maskAddress } from '../../src/core/log.ts';
import { addressId, channelOf, type OutboundMessage } from '../../src/core/message.ts';
import { MAX_SEGMENTS_PER_MESSAGE, measureSms, normalisePhone, prepareSms, splitSms, type SmsEncoding, type VietnameseMobile } from '../../src/text/sms.ts';

/** One provider's outbound half: send one provider message, resolving with the provider's id for it. */
export interface SmsSender {
  sendOne(to: VietnameseMobile, text: string): Promise<string>;
  /** Longest body the provider takes in one message. */
  maxChars: number;
}

/** Send one outbound SMS: prepare (unaccented unless asked), split when over 10 segments, send each part. */
export async function sendSms(sender: SmsSender | null, message: OutboundMessage, opts: { keepDiacritics: boolean; log: Logger }): Promise<SendResult> {
  if (!sender) {
    throw new SendError('fatal', 'no SMS provider can send: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM, or ANDROID_SMS_URL, ANDROID_SMS_USER and ANDROID_SMS_PASSWORD');
  }
  if (channelOf(message.to) !== 'sms') throw new SendError('fatal', `address ${maskAddress(message.to)} is not an SMS address (bug: wrong channel)`);
  const to = normalisePhone(addressId(message.to));
  if (!to) {
    throw new SendError('stopped', `${maskAddress(message.to)} is not a Vietnamese mobile number, so no SMS can reach it: fix the contact's phone number`);
  }
  const prepared = prepareSms(message.text, { keepDiacritics: message.keepDiacritics === true || opts.keepDiacritics });
  const parts = splitSms(prepared.text, MAX_SEGMENTS_PER_MESSAGE, sender.maxChars);
  if (parts.length === 0) throw new SendError('fatal', 'empty SMS text (bug in the caller): nothing sent');

  const ids: string[] = [];
  let segments = 0;
  let encoding: SmsEncoding = 'GSM-7';
  for (const [i, part] of parts.entries()) {
    const measure = measureSms(part);
    try {
      ids.push(await sender.sendOne(to, part));
    } catch (err) {
      const e = err instanceof SendError ? err : new SendError('retry', 'SMS send failed unexpectedly: retry later', { cause: err });
      opts.log.warn({ outboxId: message.id, part: i + 1, parts: parts.length, kind: e.kind, code: e.providerCode, reason: e.message }, 'SMS not sent');
      // Parts already sent cannot be recalled; say so, so an operator reading the row understands a duplicate.
      if (i > 0) {
        throw new SendError(e.kind, `${e.message} (part ${i + 1} of ${parts.length}; earlier parts were sent)`, {
          ...(e.retryAfterMs !== undefined && { retryAfterMs: e.retryAfterMs }),
          ...(e.providerCode && { providerCode: e.providerCode }),
          cause: e,
        });
      }
      throw e;
    }
    segments += measure.segments;
    if (measure.encoding === 'UCS-2') encoding = 'UCS-2';
  }
  opts.log.debug({ outboxId: message.id, encoding, segments, parts: parts.length }, 'SMS sent');
  // The first part's id matches delivery reports; later parts' reports find no row and are ignored.
  const providerId = ids[0];
  return { ...(providerId !== undefined && { providerId }), encoding, segments };
}
