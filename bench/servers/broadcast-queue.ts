// Child process for the broadcast benchmark (one process per size, so the peak RSS is this run's): seeds N residents in a fresh SQLite file, then queues one broadcast
// to all of them the way the service does (chunks of INSERT … SELECT) and, for comparison, one bare INSERT …
// SELECT of the same rows. Prints one JSON line: times, rows and this process's peak RSS.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDb } from '../../db/client.ts';
import { startCheckpointer } from '../../db/checkpointer.ts';
import { seedDefaults } from '../../db/seed/seed.ts';
import { queueRowsSql } from '../../db/queries/broadcasts.ts';
import { confirmBroadcast, createDraft } from '../../flows/broadcast/lifecycle.ts';
import { drainQueue } from '../../flows/broadcast/queue.ts';
import { seedResidents } from './broadcast-seed.ts';

const n = Number(process.argv[2] ?? 100_000);
const rssMiB = () => Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024);
const path = join(mkdtempSync(join(tmpdir(), 'bhxh-bench-bc-')), 'x.db');
const db = openDb(path);
// As in the service: WAL checkpoints run in a worker thread, not on the queueing thread.
const checkpointer = startCheckpointer(path);
seedDefaults(db, { now: new Date() });
seedResidents(db, n);
const afterSeed = rssMiB();
const sender = { name: 'bench', unitScope: 'VN', contactId: null };
const now = new Date();

const { broadcast } = createDraft(db, { text: 'Mời {ten} ({don_vi}) dự Lễ ra quân {ngay_ra_quan}. Hỏi đáp {hotline}.', audience: { roles: ['resident'] }, keepDiacritics: false }, sender, now);
const confirmed = confirmBroadcast(db, broadcast, now);
let longestTurnMs = 0;
let last = performance.now();
const probe = setInterval(() => {
  const t = performance.now();
  longestTurnMs = Math.max(longestTurnMs, t - last - 1);
  last = t;
}, 1);
const t0 = performance.now();
const queued = await drainQueue(db, confirmed.id, { now: () => now });
const queueMs = performance.now() - t0;
clearInterval(probe);
const peakQueue = rssMiB();

// The bare statement: the same SELECT, one INSERT, no chunks, no cursor (into a second broadcast id).
const t1 = performance.now();
const bare = db.run(queueRowsSql({ roles: ['resident'] }, { from: 0, to: Number.MAX_SAFE_INTEGER, now, keepDiacritics: false, broadcastId: confirmed.id + 1000 })).changes;
const bareMs = performance.now() - t1;
await checkpointer.stop();
db.$client.close();
process.stdout.write(`${JSON.stringify({ n, queued, bare, queueMs: Math.round(queueMs), bareMs: Math.round(bareMs), longestTurnMs: Math.round(longestTurnMs), rssAfterSeedMiB: afterSeed, peakRssMiB: peakQueue })}\n`);
