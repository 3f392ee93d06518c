import { fileURLToPath } from 'node:url';
import { foldWords } from '../../src/text/vietnamese.ts';
import { z } from 'zod';
import { ADVICE_BLIND_PATH, ADVICE_DEV_PATH, ADVICE_REGRESS_PATH, readJsonl } from './eval-advice.ts';
import { DEV_SET_PATH, HOLDOUT_PATH } from './eval.ts';

/**
 * Test-set decontamination for new advice questions: a candidate is dropped when it shares a run of 8 words
 * (folded, so marks and case do not matter; runs that three or more readable questions share are set phrases and do
 * not count) or its source with a question already in a set. For the blind split
 * it says only "clear" or "drop" per candidate, never which question matched nor any of its text.
 *
 * `node --import tsx tools/faq/decontaminate.ts candidates.jsonl` (one {"q","source"?} per line) prints
 * "<index> clear|drop" per candidate, index from 0 in file order.
 */

/** Words in a run that counts as the same text. */
export const RUN = 8;
/** A run shared by this many questions of the readable sets is a set phrase. */
export const COMMON = 3;

interface Text {
  q: string;
  source?: string;
}

/** The scheme's names written out count as one word, or every question naming it would share a run. */
const NAMES: readonly [RegExp, string][] = [
  [/\bbao hiem xa hoi\b/g, 'bhxh'],
  [/\bbao hiem y te\b/g, 'bhyt'],
  [/\bbao hiem that nghiep\b/g, 'bhtn'],
];

/** Folded words with the scheme names shortened. */
function words(q: string): string {
  let w = foldWords(q);
  for (const [re, to] of NAMES) w = w.replace(re, to);
  return w;
}

/** The runs of RUN folded words of a question (the whole question when it is shorter). */
export function wordRuns(q: string): string[] {
  const words_ = words(q).split(' ').filter(Boolean);
  if (words_.length <= RUN) return [words_.join(' ')];
  const runs: string[] = [];
  for (let i = 0; i + RUN <= words_.length; i++) runs.push(words_.slice(i, i + RUN).join(' '));
  return runs;
}

/** A source address reduced to what names the page (no scheme, "www.", "m.", query or trailing slash). */
export function sourceKey(source: string): string {
  return source
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^(?:www|m|news)\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** What a set of questions is made of, for quick look-ups: its word runs, whole folded texts and sources. */
export interface SetIndex {
  runs: Set<string>;
  texts: string[];
  sources: Set<string>;
}

/** Index questions for overlap checks. */
export function indexTexts(texts: readonly Text[]): SetIndex {
  const runs = new Set<string>();
  const sources = new Set<string>();
  for (const t of texts) {
    for (const r of wordRuns(t.q)) runs.add(r);
    if (t.source && /^https?:\/\//.test(t.source)) sources.add(sourceKey(t.source));
  }
  return { runs, texts: texts.map((t) => ` ${words(t.q)} `), sources };
}

/**
 * Runs that at least `min` different questions of the given sets share: set phrases ("có được tham gia BHXH tự
 * nguyện không"), not copies of one question. Counted on the sets that may be read, never on the blind split.
 */
export function commonRuns(texts: readonly Text[], min = COMMON): Set<string> {
  const seen = new Map<string, number>();
  for (const t of texts) for (const r of new Set(wordRuns(t.q))) seen.set(r, (seen.get(r) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n >= min).map(([r]) => r));
}

/** Whether a candidate overlaps the indexed set: same source, a shared 8-word run, or a short text inside another. */
export function overlaps(candidate: Text, set: SetIndex, common: ReadonlySet<string> = new Set()): boolean {
  if (candidate.source && set.sources.has(sourceKey(candidate.source))) return true;
  const runs = wordRuns(candidate.q);
  if (runs.some((r) => set.runs.has(r) && !common.has(r))) return true;
  const whole = ` ${words(candidate.q)} `;
  // A short candidate inside a longer question, or a short question (5 to 8 words) inside the candidate.
  return set.texts.some((t) => {
    const n = t.split(' ').length - 2;
    return t.includes(whole) || (n >= 5 && n <= RUN && !common.has(t.trim()) && whole.includes(t));
  });
}

const TextLine = z.object({ q: z.string(), source: z.string().optional() });
const readTexts = (path: string): Text[] => readJsonl(path, TextLine).map((o) => ({ q: o.q, source: o.source }));

/** The sets that may be read (everything but the blind split). */
const READABLE = [ADVICE_DEV_PATH, ADVICE_REGRESS_PATH, DEV_SET_PATH, HOLDOUT_PATH];

/** "clear" or "drop" per candidate, against every split (the blind one included) and the topic sets. */
export function decontaminate(candidates: readonly Text[], paths: readonly string[] = [ADVICE_BLIND_PATH, ...READABLE]): ('clear' | 'drop')[] {
  const common = commonRuns(READABLE.flatMap(readTexts));
  const sets = paths.map((p) => indexTexts(readTexts(p)));
  return candidates.map((c) => (sets.some((s) => overlaps(c, s, common)) ? 'drop' : 'clear'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: decontaminate.ts candidates.jsonl');
    process.exit(2);
  }
  decontaminate(readTexts(path)).forEach((v, i) => console.log(`${i} ${v}`));
}
