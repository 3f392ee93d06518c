import { againstBareExpress, load, loadRow } from './support.ts';

/**
 * Messages/s and latency through POST /web/chat with durable writes (dedupe row, contact, conversation, outbox
 * row: SQLite WAL, group commit), beside a bare Express handler measured in the same run. Both servers stay up
 * and are measured in alternating rounds, so a burst of load from elsewhere on the machine hits both alike; the
 * ratio reported is the median of the rounds.
 */
export async function benchWebChat(): Promise<{ name: string; lines: string[] }> {
  // Each of 2,000 sessions alternates "menu" and a menu choice: the conversation path (state saved, then resumed)
  // without the answer search, which bench/faq.ts measures on its own.
  const sessions = 2000;
  const body = (i: number) =>
    JSON.stringify({ session: `s${i % sessions}`, text: Math.floor(i / sessions) % 2 === 0 ? 'menu' : '1' });
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);

  const r = await againstBareExpress(body, { seconds, rounds }, (svc) =>
    load(svc.url, { path: '/web/chat', seconds: seconds * 2, connections: 10, rate: 500, body }),
  );
  const svc500 = r.extra;
  return {
    name: 'Web chat: POST /web/chat with durable writes vs bare Express',
    lines: [
      `| run | req/s | p50 ms | p99 ms | errors | non-2xx |`,
      `|---|---|---|---|---|---|`,
      ...r.pairs.flatMap((p, i) => [loadRow(`round ${i + 1}: bare Express handler, 10 connections`, p.bare), loadRow(`round ${i + 1}: service, 10 connections (max)`, p.svc)]),
      loadRow(`service at 500 req/s for ${seconds * 2} s`, svc500),
      '',
      `Service / bare Express per round: ${r.ratios.map((x) => `${Math.round(x * 100)} %`).join(', ')}; median **${Math.round(r.median * 100)} %** (goal ≥ 60 %).`,
      `p99 at 500 req/s: **${svc500.p99} ms** (goal < 25 ms). Peak RSS of the service: ${r.peakRssMiB} MiB.`,
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchWebChat();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
}
