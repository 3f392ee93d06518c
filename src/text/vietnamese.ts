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
  // Unaccented text (most chat) only needs lower-casing: ASCII has no marks and is its own normal form.
  if (ASCII.test(text)) return text.toLowerCase();
  return foldByTable(text) ?? foldByNormalising(text);
}

const ASCII = /^[\x00-\x7f]*$/;

function foldByNormalising(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * Folding one character at a time, for text made only of ASCII, Latin letters (Vietnamese included) and common
 * punctuation: the same result as foldByNormalising without its two Unicode normalisations (the costliest step on
 * the FAQ's answer path). Each character of the table folds, on its own, to one character that neither combines
 * with its neighbours nor depends on them (ASCII, or itself unchanged), so folding the characters one by one is
 * folding the text. 0 marks a character outside the table.
 */
const FOLD_TABLE = (() => {
  const table = new Uint16Array(0x20c0);
  const ranges: ReadonlyArray<readonly [number, number]> = [
    [0x0000, 0x024f], // ASCII, Latin-1, Latin Extended-A and -B
    [0x1e00, 0x1eff], // Latin Extended Additional (ạ, ế, ở, …)
    [0x2000, 0x206f], // General Punctuation (–, “, …)
    [0x20a0, 0x20bf], // currency signs (₫)
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const folded = foldByNormalising(String.fromCharCode(code));
      if (folded.length !== 1) continue;
      const out = folded.charCodeAt(0);
      if (out < 0x80 || out === code) table[code] = out;
    }
  }
  // NUL folds to itself but 0 means "not in the table": text with NUL takes the general path.
  table[0] = 0;
  return table;
})();

function foldByTable(text: string): string | null {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const out = code < FOLD_TABLE.length ? FOLD_TABLE[code]! : 0;
    if (out === 0) return null;
    codes[i] = out;
  }
  // In slices: a call takes a bounded number of arguments.
  let folded = '';
  for (let i = 0; i < codes.length; i += 4096) folded += String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[]);
  return folded;
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
