/**
 * JSON.parse that keeps long integers exact: every integer literal with more than 15 digits (Zalo's 19-digit
 * user, OA and message ids) is turned into a string before parsing, so it never becomes a rounded number.
 * Node 20 has no reviver `context.source`, hence the scan. Throws SyntaxError on malformed JSON, like JSON.parse.
 */
export function parseJsonKeepingLongIds(text: string): unknown {
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip a string literal, honouring escapes.
      i++;
      while (i < n && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      i++;
      continue;
    }
    if (c === 0x2d /* - */ || isDigit(c)) {
      const start = i;
      if (c === 0x2d) i++;
      const digitsStart = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const digits = i - digitsStart;
      const next = i < n ? text.charCodeAt(i) : -1;
      const isInteger = next !== 0x2e /* . */ && next !== 0x65 /* e */ && next !== 0x45; /* E */
      if (isInteger && digits > 15) {
        out += `${text.slice(copiedUpTo, start)}"${text.slice(start, i)}"`;
        copiedUpTo = i;
      }
      // Skip a fraction or exponent, if any; JSON.parse judges whether the number is well formed.
      while (i < n && /[0-9eE.+-]/.test(text[i] ?? '')) i++;
      continue;
    }
    i++;
  }
  return JSON.parse(copiedUpTo === 0 ? text : out + text.slice(copiedUpTo));
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
