// Child process for the broadcast benchmark (one process per size, so the peak RSS is this run's): seeds N residents
// in a fresh SQLite file, then, the way the service does them: counts the audience for the preview (short ranges,
// the event loop free between them), queues one broadcast to all of them (chunks of INSERT … SELECT) and reads its
// statistics. For comparison: one bare INSERT … SELECT of the same rows (same SELECT, same indexes, into another
// broadcast id), once before and once after the chunked run, and one single-statement count of the audience.
// Prints one JSON line: times, rows and this process's peak RSS.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDb, execute, openDb } from '../../db/client.ts';
import { startCheckpointer } from '../../db/checkpointer.ts';
import { seedDefaults } from '../../db/seed/seed.ts';
import { broadcastStats, countAudienceRange } from '../../db/queries/broadcasts.ts';
import { queueRowsSql } from '../../db/queries/broadcast-queue.ts';
import { confirmBroadcast, createDraft, previewOf } from '../../flows/broadcast/lifecycle.ts';
import { drainQueue } from '../../flows/broadcast/queue.ts';
import { seedResidents } from './broadcast-seed.ts';

const n = Number(process.argv[2] ?? 100_000);
const rssMiB = () => Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024);
const path = join(mkdtempSync(join(tmpdir(), 'bhxh-bench-bc-')), 'x.db');
const db = openDb(path);
// As in the service: WAL checkpoints run in a worker thread, not on the queueing thread.
const checkpointer = startCheckpointer(path);
await seedDefaults(db, { now: new Date() });
await seedResidents(db, n);
const afterSeed = rssMiB();
const sender = { name: 'bench', unitScope: 'VN', contactId: null };
const now = new Date();
const audience = { roles: ['resident' as const] };

/** Longest gap between 1 ms timer ticks while `fn` runs: the longest the event loop was held. */
async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; longestTurnMs: number }> {
  let longest = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const t = performance.now();
    longest = Math.max(longest, t - last - 1);
    last = t;
  }, 1);
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  clearInterval(probe);
  return { result, ms: Math.round(ms), longestTurnMs: Math.round(Math.max(longest, performance.now() - last - 1)) };
}

/** One bare INSERT … SELECT of the whole audience into broadcast `id` (no chunks, no cursor, no counters). */
async function bare(id: number): Promise<{ rows: number; ms: number }> {
  const t = performance.now();
  const rows = await execute(db, queueRowsSql(audience, { from: 0, to: Number.MAX_SAFE_INTEGER, now, keepDiacritics: false, broadcastId: id }));
  return { rows, ms: Math.round(performance.now() - t) };
}

const { broadcast } = await createDraft(db, { text: 'Mời {ten} ({don_vi}) dự Lễ ra quân {ngay_ra_quan}. Hỏi đáp {hotline}.', audience, keepDiacritics: false }, sender, now);
const preview = await timed(() => previewOf(db, broadcast));
const t0 = performance.now();
await countAudienceRange(db, audience, 0, Number.MAX_SAFE_INTEGER);
const countOneStatementMs = Math.round(performance.now() - t0);

const bareBefore = await bare(broadcast.id + 1000);
const confirmed = await confirmBroadcast(db, broadcast, now);
const queue = await timed(() => drainQueue(db, confirmed.id, { now: () => now }));
const peakQueue = rssMiB();
const bareAfter = await bare(broadcast.id + 2000);
const t1 = performance.now();
const stats = await broadcastStats(db, confirmed.id);
const statsMs = Math.round((performance.now() - t1) * 100) / 100;

await checkpointer.stop();
await closeDb(db);
process.stdout.write(
  `${JSON.stringify({
    n,
    queued: queue.result,
    statsQueued: stats.byStatus['queued'],
    bare: bareAfter.rows,
    queueMs: queue.ms,
    bareBeforeMs: bareBefore.ms,
    bareAfterMs: bareAfter.ms,
    longestTurnMs: queue.longestTurnMs,
    previewMs: preview.ms,
    previewLongestTurnMs: preview.longestTurnMs,
    previewRecipients: preview.result.recipients,
    countOneStatementMs,
    statsMs,
    rssAfterSeedMiB: afterSeed,
    peakRssMiB: peakQueue,
  })}\n`,
);
