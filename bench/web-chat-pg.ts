/**
 * The web chat on PostgreSQL: the same load as bench/web-chat.ts ("menu" and a menu choice over 2,000 sessions)
 * against one instance, then two instances sharing one database (the load split between them as a load balancer
 * would), each beside a bare Express handler measured in the same run. Needs a PostgreSQL server
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres); says so in one line when there is none.
 */
import { createBenchDatabase, skippedLine, type BenchDatabase } from './pg-database.ts';
import { load, loadRow, startChild, type ChildServer, type LoadResult } from './support.ts';

/** Requests/s of several servers loaded at once (the connections split between them), summed. */
async function loadAll(urls: string[], body: (i: number) => string, seconds: number): Promise<LoadResult> {
  const each = await Promise.all(urls.map((url) => load(url, { path: '/web/chat', seconds, connections: Math.ceil(10 / urls.length), body })));
  return {
    requestsPerSec: each.reduce((n, r) => n + r.requestsPerSec, 0),
    p50: Math.max(...each.map((r) => r.p50)),
    p99: Math.max(...each.map((r) => r.p99)),
    errors: each.reduce((n, r) => n + r.errors, 0),
    non2xx: each.reduce((n, r) => n + r.non2xx, 0),
  };
}

export async function benchWebChatPg(): Promise<{ name: string; lines: string[] }> {
  const name = 'Web chat on PostgreSQL: one and two instances vs bare Express';
  let database: BenchDatabase;
  try {
    database = await createBenchDatabase();
  } catch (err) {
    return { name, lines: [skippedLine(err)] };
  }
  const url = database.url;
  const sessions = 2000;
  const body = (i: number) => JSON.stringify({ session: `s${i % sessions}`, text: Math.floor(i / sessions) % 2 === 0 ? 'menu' : '1' });
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  const env = { DATABASE_URL: url, WEB_CHAT_RATE_PER_MINUTE: '0' };
  const children: ChildServer[] = [];
  try {
    const bare = await startChild('bench/servers/bare.ts');
    children.push(bare);
    const first = await startChild('bench/servers/service.ts', env);
    children.push(first);
    const second = await startChild('bench/servers/service.ts', env);
    children.push(second);
    // Warm up every server, then measure bare / one / two in turn.
    for (const s of children) await load(s.url, { path: '/web/chat', seconds: 2, connections: 10, body });
    const b = await load(bare.url, { path: '/web/chat', seconds, connections: 10, body });
    const one = await load(first.url, { path: '/web/chat', seconds, connections: 10, body });
    const two = await loadAll([first.url, second.url], body, seconds);
    const pct = (x: LoadResult) => Math.round((x.requestsPerSec / b.requestsPerSec) * 100);
    return {
      name,
      lines: [
        `| run | req/s | p50 ms | p99 ms | errors | non-2xx |`,
        `|---|---|---|---|---|---|`,
        loadRow('bare Express handler, 10 connections', b),
        loadRow('one instance, 10 connections', one),
        loadRow('two instances, 5 connections each (summed)', two),
        '',
        `One instance: **${pct(one)} %** of bare Express; two instances: **${pct(two)} %** (the database, the two instances and the load generator share the machine's 2 cores).`,
      ],
    };
  } finally {
    for (const c of children) await c.stop();
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchWebChatPg();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
}
