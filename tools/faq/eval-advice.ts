import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { stripDiacritics } from '../../src/text/vietnamese.ts';
import { answerQuestion } from '../../flows/faq/answer.ts';
import type { FaqIndex } from '../../flows/faq/search-index.ts';
import { TOPICS } from '../../flows/faq/kb.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'faq');
/**
 * Advice development set: verbatim questions from public Q&A columns (URL per question), the part of random
 * splits that may be tuned on. Each is labelled with what a correct answer must and must not say. Splits, in
 * file order: seed 20261202 (first 88 questions, 30 to blind), 202612022 (15, 5 to blind), 202612023 (4, 1 to
 * blind), 202612024 (fourth batch of 42: `random.Random(202612024).sample(range(42), 25)` in batch order went
 * to blind, the other 17 were appended here), each drawn before any question of its batch was answered. Six
 * more (fifth batch, collected after the blind split was frozen) went to this set only, and so did the sixth
 * batch of 50 (2026-12-02: questions and headlines of public Q&A columns, each checked against every split by
 * question and source so that none is in the blind split, labelled from the law before the service answered), and the seventh of 15 (2026-12-02, checked and labelled the same
 * way, committed before the service answered them; 3 were then answered wrongly), an eighth of 2 and a ninth of 4 (all then right), and a tenth of 5 (2026-12-02,
 * from the few stored pages not yet used; each checked against the dev, regression, holdout and topic sets by
 * source and 8-word runs, and against the blind split only by a yes/no per candidate (no blind text read), which
 * dropped 3 that were already blind; labelled before the service answered them, all then right). An eleventh batch
 * (2026-12-02) added none: 11 candidates were found with new queries on the stored pages (Q&A columns of nld,
 * laodong, thuvienphapluat, cafef, luatannam, nxbcongthuong, netnews, laodongthudo) and labelled from the law
 * first; 10 were already in the dev or topic sets (same source or an 8-word run, set phrases shared by 3 or more
 * readable questions not counting), and the other one was dropped by tools/faq/decontaminate.ts, which checks every
 * split and says only "clear" or "drop" per candidate (no blind text read). The stored pages are used up.
 * A twelfth batch of 5 (2026-12-03) came from a new source: questions residents sent to BHXH Việt Nam's own Q&A
 * portal (baohiemxahoi.gov.vn/hoidap), as kept in the GitHub repository Th1nhNg0/luanvantotnghiep (code/best.jsonl,
 * code/best.csv, document/data/cauhoi_random.csv; the repository holds only a few dozen of the portal's questions,
 * most of them record look-ups or compulsory matters, which were skipped). Kept verbatim but for personal data
 * (names, ID, BHXH and unit numbers, a school's name → "[...]") and the "Nội dung câu hỏi:" label; the source is the
 * portal's URL, or the repository file and row where the copy has none. 7 candidates (one laodong headline found
 * with the search tool among them) were checked with tools/faq/decontaminate.ts, which dropped 2; the other 5 were
 * labelled from the current law before the service answered them and, being fewer than 20, all went to this set.
 */
export const ADVICE_DEV_PATH = join(FIXTURES, 'advice-dev.jsonl');
/**
 * Blind advice split: the other part of those random splits (60 questions after the fourth batch), committed
 * before any of its questions was answered.
 * Its failures are never printed nor read to tune the matcher; to fix one, move the case to the dev set and
 * collect a new one.
 */
export const ADVICE_BLIND_PATH = join(FIXTURES, 'advice-blind.jsonl');
/**
 * Regression set: the misanswers reported in issue 9 (paraphrased) and older dev-set questions labelled for
 * advice. Tuned on; it guards against the reported faults coming back, it does not estimate unseen accuracy.
 */
export const ADVICE_REGRESS_PATH = join(FIXTURES, 'advice-regress.jsonl');

const adviceCaseSchema = z.object({
  q: z.string().min(1),
  topic: z.enum([...TOPICS]),
  /** Where the question was published (URL), or where it came from. */
  source: z.string().min(1),
  /** Patterns (on the answer lower-cased without diacritics) a correct answer must all match. */
  must: z.array(z.string().min(1)).min(1),
  /** Patterns a correct answer must not match (e.g. "^khong\b" where the law allows what is asked). */
  mustNot: z.array(z.string().min(1)).default([]),
});
/** One labelled advice case. */
export type AdviceCase = z.infer<typeof adviceCaseSchema>;

/** Read a JSON-lines file, validating each line with `schema`; errors name the file and line. */
export function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const r = schema.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`${path}:${i + 1}: ${r.error.message}`);
      return r.data;
    });
}

/** Read and validate an advice set (one JSON object per line); patterns are checked to compile. */
export function loadAdviceSet(path: string): AdviceCase[] {
  const cases = readJsonl(path, adviceCaseSchema);
  for (const c of cases) for (const p of [...c.must, ...c.mustNot]) new RegExp(p);
  return cases;
}

/** How one answer fared. */
export interface AdviceResult {
  q: string;
  ok: boolean;
  topicOk: boolean;
  missing: string[];
  violated: string[];
  answer: string;
}

/** Advice-correct and topic rates plus must-not violations for one form of the questions. */
export interface AdviceReport {
  total: number;
  adviceCorrect: number;
  topicCorrect: number;
  /** Answers that matched a must-not pattern (e.g. told the person "no" where the law allows it). */
  violations: number;
  results: AdviceResult[];
}

/**
 * The day the sets are answered on: the day their labels were written for (this year's retirement age is in some
 * of them), so that a figure of the next year does not fail a label of this one.
 */
export const EVAL_DAY = '2026-12-01';

const plain = (t: string): string => stripDiacritics(t).toLowerCase();

/** Judge the answers to the cases; `transform` rewrites each question first (e.g. strip diacritics). */
export function evaluateAdvice(index: FaqIndex, cases: readonly AdviceCase[], transform: (q: string) => string = (q) => q): AdviceReport {
  const results: AdviceResult[] = cases.map((c) => {
    const a = answerQuestion(index, transform(c.q), undefined, {}, EVAL_DAY);
    const text = plain(a.answer);
    const missing = c.must.filter((p) => !new RegExp(p, 'm').test(text));
    const violated = c.mustNot.filter((p) => new RegExp(p).test(text));
    const topicOk = a.topic === c.topic;
    return { q: c.q, ok: a.kind === 'entry' && missing.length === 0 && violated.length === 0, topicOk, missing, violated, answer: a.answer };
  });
  return {
    total: cases.length,
    adviceCorrect: results.filter((r) => r.ok).length,
    topicCorrect: results.filter((r) => r.topicOk).length,
    violations: results.filter((r) => r.violated.length > 0).length,
    results,
  };
}

/** Both forms: as written and typed without diacritics. */
export function evaluateAdviceBothForms(index: FaqIndex, cases: readonly AdviceCase[]): { accented: AdviceReport; unaccented: AdviceReport } {
  return { accented: evaluateAdvice(index, cases), unaccented: evaluateAdvice(index, cases, stripDiacritics) };
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((n / d) * 100).toFixed(1)}%`);

/** Report lines for one set; `showFailures` is false for the blind split (its failures are not read). */
export function formatAdvice(name: string, r: { accented: AdviceReport; unaccented: AdviceReport }, showFailures: boolean): string[] {
  const lines = [`advice ${name}: ${r.accented.total} questions         as written   unaccented`];
  for (const [label, f] of [
    ['advice correct', (x: AdviceReport) => pct(x.adviceCorrect, x.total)],
    ['topic correct', (x: AdviceReport) => pct(x.topicCorrect, x.total)],
    ['must-not violations', (x: AdviceReport) => String(x.violations)],
  ] as const) {
    lines.push(`  ${label.padEnd(32)} ${f(r.accented).padStart(10)}   ${f(r.unaccented).padStart(10)}`);
  }
  if (showFailures) {
    // (A question wrong only without its diacritics is listed too, marked so.)
    const wrongAccented = new Set(r.accented.results.filter((x) => !x.ok).map((x) => x.q));
    const unaccentedOnly = r.unaccented.results.filter((x, i) => !x.ok && !wrongAccented.has(r.accented.results[i]?.q ?? ''));
    for (const res of [...r.accented.results.filter((x) => !x.ok), ...unaccentedOnly.map((x) => ({ ...x, q: `(unaccented) ${x.q}` }))]) {
      lines.push(`  ✗ ${res.q.slice(0, 90)}`);
      if (res.missing.length) lines.push(`      missing: ${res.missing.join(' | ')}`);
      if (res.violated.length) lines.push(`      says: ${res.violated.join(' | ')}`);
      lines.push(`      answer: ${res.answer.slice(0, 160).replace(/\n/g, ' ')}`);
    }
  }
  return lines;
}
