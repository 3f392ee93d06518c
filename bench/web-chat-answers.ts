import { stripDiacritics } from '../src/text/vietnamese.ts';
import { loadDevSet } from '../tools/faq/eval.ts';
import { loadConfig } from '../src/config.ts';
import { againstBareExpress, loadRow } from './support.ts';

/**
 * Residents' free-text questions through POST /web/chat (answer search, situation reading, composition, durable
 * writes), beside a bare Express handler in the same run, in alternating rounds; the ratio reported is the
 * median of the rounds. Every request is a different question (the 814 dev-set questions, as written and
 * without diacritics, in a shuffled order) from one of 2,000 sessions, so nothing is served from a cache.
 */
export async function benchWebChatAnswers(): Promise<{ name: string; lines: string[] }> {
  const dev = loadDevSet();
  const questions = [...dev.map((c) => c.q), ...dev.map((c) => stripDiacritics(c.q))];
  // A fixed shuffle (same order every run) so that consecutive requests ask about different topics.
  let seed = 7;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = questions.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [questions[i], questions[j]] = [questions[j]!, questions[i]!];
  }
  const sessions = 2000;
  const body = (i: number) => JSON.stringify({ session: `q${i % sessions}`, text: questions[i % questions.length] });
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);

  // The service as configured by default on this machine (answer workers: FAQ_WORKERS), then answering on its
  // event loop (FAQ_WORKERS=0), each against bare Express in its own alternating rounds.
  const workers = loadConfig({}).faq.workers;
  const configs: { label: string; env: Record<string, string> }[] = [
    { label: `service, ${workers} answer worker${workers === 1 ? '' : 's'} (default here)`, env: {} },
    { label: 'service, answers on the event loop (FAQ_WORKERS=0)', env: { FAQ_WORKERS: '0' } },
  ];
  const lines = [`${questions.length} different questions (dev set, as written and unaccented), 2,000 sessions, 10 connections.`];
  for (const c of configs) {
    const r = await againstBareExpress(body, { seconds, rounds, serviceEnv: c.env }, async () => undefined);
    lines.push(
      '',
      `**${c.label}**`,
      '',
      `| run | req/s | p50 ms | p99 ms | errors | non-2xx |`,
      `|---|---|---|---|---|---|`,
      ...r.pairs.flatMap((p, i) => [loadRow(`round ${i + 1}: bare Express handler`, p.bare), loadRow(`round ${i + 1}: ${c.label}`, p.svc)]),
      '',
      `Service / bare Express per round: ${r.ratios.map((x) => `${Math.round(x * 100)} %`).join(', ')}; median **${Math.round(r.median * 100)} %** (goal ≥ 60 %). Peak RSS of the service: ${r.peakRssMiB} MiB.`,
    );
  }
  return { name: 'Web chat answering varied free-text questions vs bare Express', lines };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchWebChatAnswers();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
}
