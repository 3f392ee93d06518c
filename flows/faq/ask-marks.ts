import { fold } from './fold-memo.ts';

/**
 * Words that close a question in Vietnamese ("… được không", "… bao nhiêu", "… thế nào"), folded, with the
 * particles that may follow them ("… không ạ", "… thế nào vậy").
 */
const ASK_END = /\b(?:khong|ko|kg|chua|gi|nao|sao|bao nhieu|the nao|ntn|ra sao|bao lau|dau|khi nao|bao gio)(?: (?:a|ak|ah|vay|nhi|nhe|ha|ad|the|nua))*\b/g;
/** After a closing word: an optional sentence mark, then a new sentence (a capitalised word) or the end. */
const NEXT = /^[ ]*[.;!]?[ ]*(?=\p{Lu}\p{Ll}|$)/u;

/**
 * The question with each ask closed by a question mark, when the writer left it out ("… được không. Nếu được
 * thì đóng bao nhiêu" → "… được không? Nếu được thì đóng bao nhiêu?"): the rules that find a second ask read
 * asks by their marks. A closing word counts only at the end of the text or before a new sentence, so
 * "không" inside a sentence is left alone. Returns the text unchanged when nothing is missing.
 */
export function markAsks(text: string): string {
  const f = fold(text);
  // Folding keeps the length of NFC Vietnamese text; when it does not, positions would not match: leave it.
  if (f.length !== text.length) return text;
  let out = '';
  let from = 0;
  for (const m of f.matchAll(ASK_END)) {
    const end = m.index + m[0].length;
    const next = NEXT.exec(text.slice(end));
    if (!next) continue;
    out += `${text.slice(from, end)}?${next[0].length > 0 ? ' ' : ''}`;
    from = end + next[0].length;
  }
  return from === 0 ? text : out + text.slice(from);
}
