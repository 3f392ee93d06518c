import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../db/client.ts';
import { seedDefaults } from '../db/seed/seed.ts';
import { contacts } from '../db/schema/index.ts';
import { queueMessages } from '../src/core/outbox.ts';
import { createOutboxWorker } from '../src/jobs/send-outbox.ts';
import { createLogger } from '../src/core/log.ts';
import { systemClock } from '../src/core/clock.ts';
import { DEFAULT_CAPABILITIES, type OutboundChannel } from '../src/core/channel.ts';

/** Outbox throughput against a fake channel with limits off, on a real SQLite file; peak RSS of this process. */
export async function benchOutbox(): Promise<{ name: string; lines: string[] }> {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'bhxh-bench-outbox-')), 'x.db'));
  seedDefaults(db, { now: new Date() });
  const n = Number(process.env['BENCH_OUTBOX_ROWS'] ?? 30000);
  const people = db
    .insert(contacts)
    .values(Array.from({ length: 1000 }, () => ({ role: 'resident' as const, createdAt: new Date() })))
    .returning({ id: contacts.id })
    .all();
  const items = Array.from({ length: n }, (_, i) => ({
    contactId: people[i % people.length]!.id,
    address: `web:b${i % 1000}` as const,
    text: `Tin nhắn số ${i}`,
    priority: 'reply' as const,
  }));
  const q0 = performance.now();
  queueMessages(db, new Date(), items);
  const queueMs = performance.now() - q0;
  let sent = 0;
  const fake: OutboundChannel = {
    name: 'web',
    capabilities: DEFAULT_CAPABILITIES.web,
    ratePerSecond: 0,
    send: (m) => {
      sent++;
      return Promise.resolve({ providerId: `f${m.id}` });
    },
  };
  const worker = createOutboxWorker({
    db,
    log: createLogger({ level: 'silent' }),
    clock: systemClock,
    config: { quietHours: { start: '00:00', end: '00:00' }, bulkDailyCap: 3, outbox: { tickMs: 10, maxAttempts: 3 } },
    channels: new Map([['web', fake]]),
  });
  let peak = process.memoryUsage().rss;
  const t0 = performance.now();
  while (sent < n) {
    await worker.runOnce();
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const ms = performance.now() - t0;
  db.$client.close();
  const rate = Math.round((n / ms) * 1000);
  return {
    name: 'Outbox: sends against a fake channel, limits off',
    lines: [
      `${n} rows queued in ${Math.round(queueMs)} ms; sent in ${Math.round(ms)} ms → **${rate} messages/s** (goal ≥ 3,000). Peak RSS ${Math.round(peak / 1048576)} MiB.`,
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchOutbox();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
}
