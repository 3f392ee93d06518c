import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { stripDiacritics } from '../../src/text/vietnamese.ts';
import { answerQuestion } from '../../flows/faq/answer.ts';
import { buildFaqIndex, type FaqIndex } from '../../flows/faq/search-index.ts';
import { DEFAULT_KB_DIR, hasKb, loadKb, TOPICS } from '../../flows/faq/kb.ts';
import { ADVICE_BLIND_PATH, ADVICE_DEV_PATH, ADVICE_REGRESS_PATH, EVAL_DAY, evaluateAdviceBothForms, formatAdvice, loadAdviceSet, readJsonl } from './eval-advice.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The development set: one {"q","topic","entry"?} per line. */
export const DEV_SET_PATH = join(ROOT, 'test', 'fixtures', 'faq', 'dev-set.jsonl');
/**
 * Questions the matcher was never tuned on: their accuracy is the honest estimate for unseen questions. To fix
 * a miss found here, move the holdout into the dev set first and write a fresh holdout.
 */
export const HOLDOUT_PATH = join(ROOT, 'test', 'fixtures', 'faq', 'holdout.jsonl');
/** A small stand-in knowledge base, used only while flows/faq/kb/ is still empty. */
export const FIXTURE_KB_DIR = join(ROOT, 'test', 'fixtures', 'faq', 'kb');

const devCaseSchema = z.object({
  q: z.string().min(1),
  topic: z.enum([...TOPICS]),
  entry: z.string().optional(),
});
export type DevCase = z.infer<typeof devCaseSchema>;

/** Read and validate the dev set. */
export function loadDevSet(path = DEV_SET_PATH): DevCase[] {
  return readJsonl(path, devCaseSchema);
}

/** The knowledge-base directory to evaluate: the real one when it has files, else the test fixture. */
export function evalKbDir(): string {
  return process.env.FAQ_KB_DIR ?? (hasKb(DEFAULT_KB_DIR) ? DEFAULT_KB_DIR : FIXTURE_KB_DIR);
}

export interface Miss {
  q: string;
  expected: string;
  got: string;
  entryId: string | null;
  confidence: number;
}

export interface EvalReport {
  total: number;
  correct: number;
  accuracy: number;
  byTopic: Record<string, { total: number; correct: number }>;
  misses: Miss[];
}

/** Topic accuracy of the answers on the cases; `transform` rewrites each question first (e.g. strip marks). */
export function evaluate(index: FaqIndex, cases: readonly DevCase[], transform: (q: string) => string = (q) => q): EvalReport {
  const byTopic: Record<string, { total: number; correct: number }> = {};
  const misses: Miss[] = [];
  let correct = 0;
  for (const c of cases) {
    const q = transform(c.q);
    const a = answerQuestion(index, q, undefined, {}, EVAL_DAY);
    const slot = (byTopic[c.topic] ??= { total: 0, correct: 0 });
    slot.total++;
    const ok = a.topic === c.topic && (c.entry === undefined || a.entryId === c.entry);
    if (ok) {
      slot.correct++;
      correct++;
    } else {
      misses.push({ q, expected: c.entry ? `${c.topic}/${c.entry}` : c.topic, got: a.topic, entryId: a.entryId, confidence: a.confidence });
    }
  }
  return { total: cases.length, correct, accuracy: cases.length ? correct / cases.length : 0, byTopic, misses };
}

/** Both forms the held-out judgement uses: as written, and typed without diacritics. */
export function evaluateBothForms(index: FaqIndex, cases: readonly DevCase[]): { accented: EvalReport; unaccented: EvalReport } {
  return { accented: evaluate(index, cases), unaccented: evaluate(index, cases, stripDiacritics) };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Print the report lines (accuracy by topic, overall, misses). */
export function formatReports(reports: { accented: EvalReport; unaccented: EvalReport }, kbDir: string): string[] {
  const { accented: a, unaccented: u } = reports;
  const lines = [`knowledge base: ${kbDir}`, `dev set: ${a.total} questions`, '', 'topic                      n   as written   unaccented'];
  for (const t of TOPICS) {
    const x = a.byTopic[t];
    const y = u.byTopic[t];
    if (!x || !y) continue;
    lines.push(`${t.padEnd(26)} ${String(x.total).padStart(3)}   ${pct(x.correct / x.total).padStart(10)}   ${pct(y.correct / y.total).padStart(10)}`);
  }
  lines.push(`${'OVERALL'.padEnd(26)} ${String(a.total).padStart(3)}   ${pct(a.accuracy).padStart(10)}   ${pct(u.accuracy).padStart(10)}`);
  for (const [name, r] of [['as written', a], ['unaccented', u]] as const) {
    lines.push('', `misses (${name}): ${r.misses.length}`);
    for (const m of r.misses) lines.push(`  [${m.expected} → ${m.got}${m.entryId ? `/${m.entryId}` : ''} @${m.confidence}] ${m.q}`);
  }
  return lines;
}

/**
 * `npm run eval`; `npm run eval -- --no-blind` leaves the blind split out entirely (not even its aggregate), for
 * runs made while tuning.
 */
export function runEval(withBlind = true): { accented: EvalReport; unaccented: EvalReport } {
  const dir = evalKbDir();
  const entries = loadKb(dir);
  const index = buildFaqIndex(entries);
  const reports = evaluateBothForms(index, loadDevSet());
  for (const line of formatReports(reports, dir)) console.log(line);
  // For the people who review the knowledge base: what is still to be checked against a source.
  const unverified = entries.filter((e) => !e.verified).map((e) => e.id);
  console.log('', `knowledge base: ${entries.length} entries, ${unverified.length} not yet verified against a source${unverified.length > 0 ? `: ${unverified.join(', ')}` : ''}`);
  if (existsSync(HOLDOUT_PATH)) {
    const h = evaluateBothForms(index, loadDevSet(HOLDOUT_PATH));
    console.log('', `holdout (${h.accented.total} questions, never tuned on): ${pct(h.accented.accuracy)} as written, ${pct(h.unaccented.accuracy)} unaccented`);
    for (const m of h.accented.misses) console.log(`  [${m.expected} → ${m.got}${m.entryId ? `/${m.entryId}` : ''} @${m.confidence}] ${m.q}`);
  }
  // Advice: is the answer right for the person who asked (what it must and must not say)?
  if (dir === DEFAULT_KB_DIR) {
    console.log('');
    for (const line of formatAdvice('regression (issue 9 reports, reading rounds)', evaluateAdviceBothForms(index, loadAdviceSet(ADVICE_REGRESS_PATH)), true)) console.log(line);
    console.log('');
    for (const line of formatAdvice('dev (verbatim public questions)', evaluateAdviceBothForms(index, loadAdviceSet(ADVICE_DEV_PATH)), true)) console.log(line);
    if (!withBlind) return reports;
    console.log('');
    // The blind split's failures are not printed: it is never tuned on.
    for (const line of formatAdvice('BLIND', evaluateAdviceBothForms(index, loadAdviceSet(ADVICE_BLIND_PATH)), false)) console.log(line);
  }
  return reports;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runEval(!process.argv.includes('--no-blind'));
