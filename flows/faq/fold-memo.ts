import { fold as foldText } from '../../src/text/vietnamese.ts';

/**
 * `fold` and `foldWords` of src/text/vietnamese.ts, remembered for the last few hundred strings: answering one
 * question folds the same text and sentences several times (split, cues, situation, wrappers), and folding
 * (two Unicode normalisations) is the costliest string step on the answer path.
 */
const MAX = 512;
const folded = new Map<string, string>();
const words = new Map<string, string>();

function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size >= MAX) cache.clear();
  cache.set(key, value);
  return value;
}

/** Lower-case, no diacritics (đ→d), punctuation kept. */
export function fold(text: string): string {
  return folded.get(text) ?? remember(folded, text, foldText(text));
}

/**
 * Folded, reduced to space-separated [a-z0-9] words; "%" is written out as "phan tram", as people also write it
 * ("được hưởng bao nhiêu %" asks for the rate, not for "bao nhiêu", an amount).
 */
export function foldWords(text: string): string {
  return words.get(text) ?? remember(words, text, fold(text).replace(/%/g, ' phan tram ').replace(/[^a-z0-9]+/g, ' ').trim());
}
