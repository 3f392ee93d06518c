import { spawn } from 'node:child_process';
import { load, startChild } from './support.ts';

interface QueueRun {
  n: number;
  queued: number;
  statsQueued: number;
  bare: number;
  queueMs: number;
  bareBeforeMs: number;
  bareAfterMs: number;
  longestTurnMs: number;
  previewMs: number;
  previewLongestTurnMs: number;
  previewRecipients: number;
  countOneStatementMs: number;
  statsMs: number;
  rssAfterSeedMiB: number;
  peakRssMiB: number;
}

/** The baseline: the mean of the bare INSERT … SELECT run before and after the chunked one (same database). */
const bareMs = (r: QueueRun) => (r.bareBeforeMs + r.bareAfterMs) / 2;

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
 * Broadcasts at national scale: counting the audience for the preview and queueing one broadcast to 100,000 and
 * 1,000,000 subscribed residents (as the service does: short ranges, the event loop free between them) against a
 * bare INSERT … SELECT of the same rows on the same database; statistics; peak RSS; and the web chat's latency
 * while the service previews, confirms and queues a broadcast to a million people.
 */
export async function benchBroadcasts(): Promise<{ name: string; lines: string[] }> {
  const sizes = (process.env['BENCH_BROADCAST_SIZES'] ?? '100000,1000000').split(',').map(Number);
  const runs: QueueRun[] = [];
  for (const n of sizes) runs.push(await queueRun(n));

  const residents = Number(process.env['BENCH_BROADCAST_CHAT_RESIDENTS'] ?? 1_000_000);
  // The web chat's per-address limit off: the load comes from one address (as bench/support.ts does).
  const svc = await startChild('bench/servers/broadcast-service.ts', { ADMIN_TOKEN: TOKEN, BENCH_RESIDENTS: String(residents), WEB_CHAT_RATE_PER_MINUTE: '0' });
  const admin = (path: string, body?: unknown, method = 'POST') =>
    fetch(`${svc.url}${path}`, { method, headers: { Authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const chatBody = (i: number) => JSON.stringify({ session: `c${i % 500}`, text: i % 2 === 0 ? 'menu' : '1' });
  try {
    const quiet = await load(svc.url, { path: '/web/chat', seconds: 5, connections: 4, rate: 100, body: chatBody });
    const started = Date.now();
    const during = load(svc.url, { path: '/web/chat', seconds: Number(process.env['BENCH_BROADCAST_CHAT_SECONDS'] ?? 20), connections: 4, rate: 100, body: chatBody });
    // While the chat is under load: the draft and its preview (the audience counted), the confirmation, the queueing.
    const t0 = Date.now();
    const draft = (await (await admin('/admin/broadcasts', { text: 'Mời {ten} dự Lễ ra quân {ngay_ra_quan}.' })).json()) as { id: number; preview: { recipients: number } };
    const createMs = Date.now() - t0;
    await admin(`/admin/broadcasts/${draft.id}/confirm`);
    const busy = await during;
    const t1 = Date.now();
    const after = (await (await admin(`/admin/broadcasts/${draft.id}`, undefined, 'GET')).json()) as { queuedCount: number; stats: { byStatus: Record<string, number> } };
    const statsMs = Date.now() - t1;
    const elapsed = Math.round((Date.now() - started) / 1000);
    const en = (x: number) => x.toLocaleString('en');
    const row = (r: QueueRun) =>
      `| ${en(r.n)} | ${en(r.queued)} | ${r.queueMs} | ${r.bareBeforeMs} / ${r.bareAfterMs} | **${(r.queueMs / bareMs(r)).toFixed(2)} ×** | ${r.longestTurnMs} | ${r.previewMs} (${r.previewLongestTurnMs}) | ${r.countOneStatementMs} | ${r.statsMs} | ${r.rssAfterSeedMiB} | ${r.peakRssMiB} |`;
    const big = runs[runs.length - 1];
    const small = runs[0];
    return {
      name: 'Broadcasts: queueing to a million residents, and the web chat meanwhile',
      lines: [
        'Residents seeded inside SQLite (one address each: 1/2 Zalo, 1/3 SMS, 1/6 Telegram). "Chunked" is the service\'s path: ranges of',
        'contact ids sized to ~5 ms each (flows/broadcast/chunks.ts), one INSERT … SELECT and the range\'s counters per transaction,',
        'cursor stored with each, the event loop free between them. "Bare" is one INSERT … SELECT of the same rows (same SELECT,',
        'same indexes, no chunks, no counters) into another broadcast id on the same file, run once before and once after the',
        'chunked run; the ratio is against their mean. "Preview" counts the audience by channel the service\'s way (ranges, event',
        'loop free; in brackets the longest event-loop turn); "one statement" is the same count as a single query, for comparison.',
        '"Stats" reads the broadcast\'s counters (table broadcast_counts). Each size runs in its own process.',
        '',
        '| residents | rows queued | chunked ms | bare ms (before / after) | chunked / bare | longest event-loop turn ms | preview ms (longest turn) | count, one statement ms | stats ms | RSS after seeding MiB | peak RSS MiB |',
        '|---|---|---|---|---|---|---|---|---|---|---|',
        ...runs.map(row),
        '',
        big && small
          ? `At ${en(big.n)}: queueing **${big.queueMs} ms** (goal < 3,000 ms), **${(big.queueMs / bareMs(big)).toFixed(2)} ×** the bare INSERT … SELECT (goal ≤ 1.5 ×). Peak RSS ${small.peakRssMiB} → ${big.peakRssMiB} MiB from ${en(small.n)} to ${en(big.n)} (goal < 300 MiB and flat). Stats counted ${en(big.statsQueued)} queued rows in ${big.statsMs} ms.`
          : '',
        '',
        'Where a million rows\' time goes (measured apart while tuning): choosing each person\'s address ~0.45 s (one seek each in',
        'addresses_reach_idx), writing the rows with their due-index entries ~1.5 s, commits and the writer\'s own WAL checkpoints',
        '~0.3–0.7 s (wal_autocheckpoint 4000 pages = 16 MiB at 4 KiB pages; its longest stall is the longest event-loop turn above).',
        'To fit in 3 s the outbox rows carry no per-broadcast index (a cancel finds them from broadcasts.first_outbox_id up),',
        'waiting rows no daily-cap index entry (added when sent), and each chunk adds its counts from the due index, not the rows.',
        'A narrower recipients table would queue in ~1.1 s but move the rest of the work to sending; not done.',
        '',
        `Web chat (POST /web/chat, 100 req/s, 4 connections) on the service holding ${en(residents)} residents: quiet p99 **${quiet.p99} ms** (${quiet.non2xx} non-2xx); while a broadcast to all of them is created (preview: ${en(draft.preview.recipients)} people counted, the POST answered in ${createMs} ms), confirmed and queued: p99 **${busy.p99} ms** (goal < 100 ms), p50 ${busy.p50} ms, ${busy.non2xx} non-2xx, ${busy.errors} errors. Rows queued by the end of the ${elapsed} s run: ${en(after.queuedCount)}; GET /admin/broadcasts/:id (with stats) then answered in ${statsMs} ms. Peak RSS of the service: ${svc.peakRssMiB()} MiB.`,
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
