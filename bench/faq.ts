import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { stripDiacritics } from '../src/text/vietnamese.ts';
import { answerQuestion } from '../flows/faq/answer.ts';
import { evalKbDir, loadDevSet } from '../flows/faq/eval.ts';
import { buildFaqIndex } from '../flows/faq/index.ts';
import { loadKb } from '../flows/faq/kb.ts';

const quantile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const ms = (x: number): string => `${x.toFixed(3)} ms`;

/**
 * FAQ benchmark: knowledge-base load + index build time, and answer latency p50/p99 over the whole dev set
 * (as written and unaccented), after a warm-up pass. Goal: p50 < 2 ms, p99 < 10 ms.
 */
export async function benchFaq(): Promise<{ name: string; lines: string[] }> {
  const dir = evalKbDir();
  const t0 = performance.now();
  const entries = loadKb(dir);
  const t1 = performance.now();
  const index = buildFaqIndex(entries);
  const t2 = performance.now();
  const dev = loadDevSet();
  const questions = [...dev.map((c) => c.q), ...dev.map((c) => stripDiacritics(c.q))];
  for (const q of questions) answerQuestion(index, q); // warm-up (JIT, regex caches)
  const times: number[] = [];
  const rounds = 5;
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const s = performance.now();
      answerQuestion(index, q);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const p50 = quantile(times, 0.5);
  const p99 = quantile(times, 0.99);
  const lines = [
    `knowledge base: ${entries.length} entries from ${relative(process.cwd(), dir) || dir}`,
    `load + validate: ${ms(t1 - t0)}; index build: ${ms(t2 - t1)}`,
    `answer latency over ${times.length} answers (${questions.length} questions × ${rounds}): p50 ${ms(p50)}, p99 ${ms(p99)}, max ${ms(times[times.length - 1] ?? 0)}`,
    `goal p50 < 2 ms: ${p50 < 2 ? 'met' : 'MISSED'}; goal p99 < 10 ms: ${p99 < 10 ? 'met' : 'MISSED'}`,
  ];
  return { name: 'Answers: knowledge-base index build and answer latency', lines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { name, lines } = await benchFaq();
  console.log(`# ${name}`);
  for (const l of lines) console.log(l);
}
