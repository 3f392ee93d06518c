/**
 * SMS text: encoding, segment counts, unaccented preparation, splitting and Vietnamese phone numbers. Pure functions.
 *
 * Facts (3GPP TS 23.038): GSM-7 fits 160 characters in one SMS and 153 per part of a concatenated SMS
 * (characters of the extension table such as `{ } [ ] ~ € ^ \ |` count twice); any character outside GSM-7 switches
 * the whole message to UCS-2, 70 characters alone or 67 per part. Accented Vietnamese is always UCS-2 (no provider
 * substitutes Vietnamese letters), so unaccented text is what keeps an SMS cheap.
 */
import { SegmentedMessage } from 'sms-segments-calculator';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { stripDiacritics } from './vietnamese.ts';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** What an SMS costs: its encoding and the number of segments (billed parts) it takes. */
export interface SmsMeasure {
  encoding: SmsEncoding;
  segments: number;
}

/** A text ready to hand to an SMS provider, with what it will cost. */
export interface PreparedSms extends SmsMeasure {
  text: string;
}

/**
 * Most segments one message should take (providers recommend at most 10); 10 GSM-7 parts are 1,530 characters (the
 * `sms` channel's maxLength), 10 UCS-2 parts 670.
 */
export const MAX_SEGMENTS_PER_MESSAGE = 10;

/** The encoding a text needs. */
export function smsEncoding(text: string): SmsEncoding {
  return new SegmentedMessage(text).encodingName;
}

/** How many segments a text takes (0 for an empty text). */
export function smsSegments(text: string): number {
  if (text === '') return 0;
  return new SegmentedMessage(text).segmentsCount;
}

/** Encoding and segment count in one pass (the `sms-segments-calculator` package). */
export function measureSms(text: string): SmsMeasure {
  if (text === '') return { encoding: 'GSM-7', segments: 0 };
  const m = new SegmentedMessage(text);
  return { encoding: m.encodingName, segments: m.segmentsCount };
}

// Typographic characters people paste from Word or Zalo that are not in GSM-7, with a plain equivalent.
const GSM_LOOKALIKES: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u201B\u2032\u00B4\u02BC]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/\u2026/g, '...'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/[\u2022\u00B7\u2219]/g, '*'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/[\u200B-\u200D\u2060\uFEFF]/g, ''],
  [/\u20AB/g, 'd'], // ₫ (đồng sign) → "d", as Vietnamese write "50.000d" unaccented
  [/\u2122/g, '(TM)'],
  [/\u00A9/g, '(C)'],
  [/\u00AE/g, '(R)'],
  [/\r\n?/g, '\n'],
];

/** Replace typographic look-alikes (curly quotes, …, –, non-breaking spaces) with their GSM-7 equivalents. */
export function toGsmLookalikes(text: string): string {
  let out = text;
  for (const [re, plain] of GSM_LOOKALIKES) out = out.replace(re, plain);
  return out;
}

/**
 * Prepare an outbound SMS: unaccented by default ("Đã ghi nhận" → "Da ghi nhan"), typographic characters
 * replaced by plain ones. With `keepDiacritics` the accents stay (UCS-2: 70/67 characters per part). Characters
 * with no plain form (emoji, CJK) are kept: the message is then UCS-2, and the measure says so.
 */
export function prepareSms(text: string, opts: { keepDiacritics?: boolean } = {}): PreparedSms {
  const base = opts.keepDiacritics ? text.normalize('NFC') : stripDiacritics(text);
  const prepared = toGsmLookalikes(base);
  return { text: prepared, ...measureSms(prepared) };
}

/**
 * Split a long text on word boundaries into parts that each take at most `maxSegments` segments, so that each part
 * is one provider message, and (when given) at most `maxChars` characters, a provider's body limit. Providers send one
 * message as a concatenated SMS themselves, so splitting only matters beyond that size. A word longer than a whole
 * part is cut. Whitespace between parts is dropped; a text that fits is returned as is.
 */
export function splitSms(text: string, maxSegments: number = MAX_SEGMENTS_PER_MESSAGE, maxChars = Number.POSITIVE_INFINITY): string[] {
  if (!Number.isInteger(maxSegments) || maxSegments < 1) throw new RangeError('maxSegments must be a positive integer');
  // Fast path: 67 UTF-16 units per segment fit in any encoding (UCS-2 parts hold 67; GSM-7 escapes count 2 of 153).
  const fits = (s: string) => s.length <= Math.min(67 * maxSegments, maxChars) || (s.length <= maxChars && smsSegments(s) <= maxSegments);
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (fits(trimmed)) return [trimmed];

  const parts: string[] = [];
  // Tokens keep their leading whitespace so that newlines inside a part survive.
  const tokens = trimmed.match(/\s*\S+/g) ?? [];
  // Binary searches keep the calculator calls at O(log n) per part (it is slow on long texts).
  const largestFit = (count: number, take: (n: number) => string): number => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(take(mid))) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let first = 0;
  while (first < tokens.length) {
    const n = largestFit(tokens.length - first, (k) => tokens.slice(first, first + k).join('').trim());
    if (n > 0) {
      parts.push(tokens.slice(first, first + n).join('').trim());
      first += n;
      continue;
    }
    // A single word longer than a part (a URL, a pasted code): cut it by code points where it stops fitting.
    const chars = Array.from((tokens[first] ?? '').trim());
    const cut = Math.max(1, largestFit(chars.length, (k) => chars.slice(0, k).join('')));
    parts.push(chars.slice(0, cut).join(''));
    tokens[first] = chars.slice(cut).join('');
  }
  return parts;
}

/** A Vietnamese mobile number in E.164 form. */
export type VietnameseMobile = `+84${string}`;

/**
 * Normalise a Vietnamese mobile number (`0912 345 678`, `84912345678`, `+84912345678` → `+84912345678`).
 * Only numbers that are valid mobile numbers today are accepted (libphonenumber-js `max` metadata): landlines
 * cannot receive SMS, and the 11-digit 012x/016x/018x/019x numbers were renumbered to 10 digits in 2018.
 * Foreign numbers, short codes and alphanumeric senders give null.
 */
export function normalisePhone(raw: string): VietnameseMobile | null {
  const cleaned = raw.trim();
  if (cleaned === '' || cleaned.length > 32) return null;
  const withPlus = /^84\d{9}$/.test(cleaned.replace(/[\s.-]/g, '')) ? `+${cleaned.replace(/[\s.-]/g, '')}` : cleaned;
  const phone = parsePhoneNumberFromString(withPlus, 'VN');
  if (!phone || phone.country !== 'VN' || !phone.isValid()) return null;
  if (phone.getType() !== 'MOBILE') return null;
  return phone.number as VietnameseMobile;
}
