import { spawn } from 'node:child_process';
import { load, startChild } from './support.ts';

interface QueueRun {
  n: number;
  queued: number;
  bare: number;
  queueMs: number;
  bareMs: number;
  longestTurnMs: number;
  rssAfterSeedMiB: number;
  peakRssMiB: number;
}

/** One queueing run in its own process (so its peak RSS is its own). */
function queueRun(n: number): Promise<QueueRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers/broadcast-queue.ts', String(n)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as QueueRun) : reject(new Error(`broadcast-queue exited with ${code}`))));
  });
}

const TOKEN = 'bench-admin-token-0123456789';

/**
 * Broadcasts at national scale: queueing one broadcast to 100,000 and 1,000,000 subscribed residents (chunked
 * INSERT … SELECT, as the service does) against one bare INSERT … SELECT of the same rows on the same database,
 * peak RSS of the process, and the web chat's latency while the service queues a broadcast to a million people.
 */
export async function benchBroadcasts(): Promise<{ name: string; lines: string[] }> {
  const sizes = (process.env['BENCH_BROADCAST_SIZES'] ?? '100000,1000000').split(',').map(Number);
  const runs: QueueRun[] = [];
  for (const n of sizes) runs.push(await queueRun(n));

  const residents = Number(process.env['BENCH_BROADCAST_CHAT_RESIDENTS'] ?? 1_000_000);
  const svc = await startChild('bench/servers/broadcast-service.ts', { ADMIN_TOKEN: TOKEN, BENCH_RESIDENTS: String(residents) });
  const admin = (path: string, body?: unknown, method = 'POST') =>
    fetch(`${svc.url}${path}`, { method, headers: { Authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const chatBody = (i: number) => JSON.stringify({ session: `c${i % 500}`, text: i % 2 === 0 ? 'menu' : '1' });
  try {
    const quiet = await load(svc.url, { path: '/web/chat', seconds: 5, connections: 4, rate: 100, body: chatBody });
    const draft = (await (await admin('/admin/broadcasts', { text: 'Mời {ten} dự Lễ ra quân {ngay_ra_quan}.' })).json()) as { id: number };
    const started = Date.now();
    const during = load(svc.url, { path: '/web/chat', seconds: Number(process.env['BENCH_BROADCAST_CHAT_SECONDS'] ?? 20), connections: 4, rate: 100, body: chatBody });
    await admin(`/admin/broadcasts/${draft.id}/confirm`);
    const busy = await during;
    const after = (await (await admin(`/admin/broadcasts/${draft.id}`, undefined, 'GET')).json()) as { queuedCount: number };
    const elapsed = Math.round((Date.now() - started) / 1000);
    const row = (r: QueueRun) =>
      `| ${r.n.toLocaleString('en')} | ${r.queued.toLocaleString('en')} | ${r.queueMs} | ${r.bareMs} | **${(r.queueMs / r.bareMs).toFixed(2)} ×** | ${r.longestTurnMs} | ${r.rssAfterSeedMiB} | ${r.peakRssMiB} |`;
    const big = runs[runs.length - 1];
    const small = runs[0];
    return {
      name: 'Broadcasts: queueing to a million residents, and the web chat meanwhile',
      lines: [
        'Residents seeded inside SQLite (one address each: 1/2 Zalo, 1/3 SMS, 1/6 Telegram). "Chunked" is the service\'s path (chunks',
        'sized to ~30 ms each, the event loop free between them, cursor stored with each chunk); "bare" one INSERT … SELECT of',
        'the same rows (same SELECT, same indexes) on the same file. Each size runs in its own process.',
        '',
        '| residents | rows queued | chunked ms | bare ms | chunked / bare | longest event-loop turn ms | RSS after seeding MiB | peak RSS MiB |',
        '|---|---|---|---|---|---|---|---|',
        ...runs.map(row),
        '',
        big && small
          ? `Ratio at ${big.n.toLocaleString('en')}: **${(big.queueMs / big.bareMs).toFixed(2)} ×** the bare INSERT … SELECT (goal ≤ 1.5 ×); ${big.queueMs} ms (goal < 3,000 ms). Peak RSS ${small.peakRssMiB} → ${big.peakRssMiB} MiB from ${small.n.toLocaleString('en')} to ${big.n.toLocaleString('en')} (goal < 300 MiB and flat).`
          : '',
        '',
        `Web chat (POST /web/chat, 100 req/s, 4 connections) on the service holding ${residents.toLocaleString('en')} residents: quiet p99 **${quiet.p99} ms**; while a broadcast to all of them is confirmed and queued: p99 **${busy.p99} ms** (goal < 100 ms), p50 ${busy.p50} ms, ${busy.non2xx} non-2xx, ${busy.errors} errors. Rows queued by the end of the ${elapsed} s run: ${after.queuedCount.toLocaleString('en')}. Peak RSS of the service: ${svc.peakRssMiB()} MiB.`,
      ],
    };
  } finally {
    await svc.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchBroadcasts();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
}
