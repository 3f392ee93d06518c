import { foldWords } from './fold-memo.ts';

/** Chat spellings residents type for the words the ask rules look for (folded, whole words only), by word. */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  khong: ['ko', 'k', 'kg', 'kh', 'khg', 'hok'],
  duoc: ['dc'],
  gi: ['j'],
  'bao nhieu': ['bn', 'bnhieu'],
  'nhu the nao': ['ntn'],
  'cong ty': ['cty'],
  'bhxh tu nguyen': ['bhxhtn'],
};
const CHAT_WORDS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SPELLINGS).flatMap(([word, typed]) => typed.map((t) => [t, word] as const)),
);
const CHAT_WORD = new RegExp(`\\b(?:${Object.keys(CHAT_WORDS).join('|')})\\b`, 'g');

const MAX = 512;
const cache = new Map<string, string>();

/**
 * The question's words as the ask rules read them: folded words, the scheme's names in one spelling
 * ("bảo hiểm xã hội" and "bảo hiểm tự nguyện" → "bhxh", "bảo hiểm y tế" → "bhyt", as newspapers write either) and chat spellings
 * written out ("ko" → "khong", "dc" → "duoc"), so that a rule's word window does not depend on which the
 * writer chose. Padded with spaces.
 */
export function askWords(text: string): string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const out = ` ${foldWords(text)
    .replace(/\bbao hiem xa hoi\b/g, 'bhxh')
    .replace(/\bbao hiem y te\b/g, 'bhyt')
    // "bảo hiểm tự nguyện" is how many write the scheme's name.
    .replace(/\bbao hiem tu nguyen\b/g, 'bhxh tu nguyen')
    .replace(CHAT_WORD, (w) => CHAT_WORDS[w] ?? w)} `;
  if (cache.size >= MAX) cache.clear();
  cache.set(text, out);
  return out;
}
