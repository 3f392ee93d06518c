import { load, startChild } from './support.ts';

/**
 * Messages/s and latency through POST /web/chat with durable writes (dedupe row, contact, conversation, outbox
 * row, send, status update: all in SQLite WAL), beside a bare Express handler in the same run.
 */
export async function benchWebChat(): Promise<{ name: string; lines: string[] }> {
  // Each of 2,000 sessions alternates "menu" and a menu choice: the conversation path (state saved, then resumed)
  // without the answer search, which bench/faq.ts measures on its own.
  const sessions = 2000;
  const body = (i: number) =>
    JSON.stringify({ session: `s${i % sessions}`, text: Math.floor(i / sessions) % 2 === 0 ? 'menu' : '1' });
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);

  const bare = await startChild('bench/servers/bare.ts');
  await load(bare.url, { path: '/web/chat', seconds: 2, connections: 10, body });
  const bareMax = await load(bare.url, { path: '/web/chat', seconds, connections: 10, body });
  await bare.stop();

  const svc = await startChild('bench/servers/service.ts');
  await load(svc.url, { path: '/web/chat', seconds: 2, connections: 10, body });
  const svcMax = await load(svc.url, { path: '/web/chat', seconds, connections: 10, body });
  const svc500 = await load(svc.url, { path: '/web/chat', seconds, connections: 10, rate: 500, body });
  const rss = svc.peakRssMiB();
  await svc.stop();

  const ratio = svcMax.requestsPerSec / bareMax.requestsPerSec;
  return {
    name: 'Web chat: POST /web/chat with durable writes vs bare Express',
    lines: [
      `| run | req/s | p50 ms | p99 ms | errors | non-2xx |`,
      `|---|---|---|---|---|---|`,
      `| bare Express handler, 10 connections | ${bareMax.requestsPerSec} | ${bareMax.p50} | ${bareMax.p99} | ${bareMax.errors} | ${bareMax.non2xx} |`,
      `| service, 10 connections (max) | ${svcMax.requestsPerSec} | ${svcMax.p50} | ${svcMax.p99} | ${svcMax.errors} | ${svcMax.non2xx} |`,
      `| service at 500 req/s | ${svc500.requestsPerSec} | ${svc500.p50} | ${svc500.p99} | ${svc500.errors} | ${svc500.non2xx} |`,
      '',
      `Service / bare Express: **${Math.round(ratio * 100)} %** (goal ≥ 60 %). p99 at 500 req/s: **${svc500.p99} ms** (goal < 25 ms). Peak RSS of the service: ${rss} MiB.`,
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchWebChat();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
}
