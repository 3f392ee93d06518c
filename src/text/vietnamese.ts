/**
 * Vietnamese text handling: inbound text is data. We NFC-normalise what we store and display,
 * and fold (lower-case, strip marks, đ→d) only for matching.
 */

// C0/C1 control characters except tab and newline, plus bidi overrides and zero-width marks that
// people paste from other apps; none of them carry meaning in a chat message.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/** NFC-normalise, strip control characters, turn CR/LF runs into single newlines and trim. */
export function normaliseInbound(text: string): string {
  return text
    .toWellFormed() // lone surrogates (broken emoji from some keyboards) become U+FFFD
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t\u00A0]+/g, ' ')
    .trim();
}

/** Fold for matching: lower-case, NFD, drop combining marks, map đ/Đ to d. Keeps spacing and punctuation. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/** Fold and reduce to space-separated alphanumeric tokens ("Đóng BHXH?" → "dong bhxh"). */
export function foldWords(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Remove diacritics but keep case, for unaccented SMS ("Đã ghi nhận" → "Da ghi nhan"). */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}
