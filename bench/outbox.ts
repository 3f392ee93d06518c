import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../db/client.ts';
import { seedDefaults } from '../db/seed/seed.ts';
import { contacts } from '../db/schema/index.ts';
import { queueMessages } from '../src/core/outbox.ts';
import { createOutboxWorker, OUTBOX_IN_FLIGHT } from '../src/jobs/send-outbox.ts';
import { createLogger } from '../src/core/log.ts';
import { systemClock } from '../src/core/clock.ts';
import { DEFAULT_CAPABILITIES, SendError, type OutboundChannel } from '../src/core/channel.ts';
import type { ChannelName } from '../src/core/message.ts';
import { confirmBroadcast, createDraft } from '../flows/broadcast/lifecycle.ts';
import { drainQueue } from '../flows/broadcast/queue.ts';
import { createBroadcastRenderer } from '../flows/broadcast/render.ts';
import { seedResidents } from './servers/broadcast-seed.ts';

/** Outbox throughput against a fake channel with limits off, on a real SQLite file; peak RSS of this process. */
export async function benchOutbox(): Promise<{ name: string; lines: string[] }> {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'bhxh-bench-outbox-')), 'x.db'));
  await seedDefaults(db, { now: new Date() });
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
  await queueMessages(db, new Date(), items);
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
  const bc = await benchBroadcastDispatch(n);
  const limited = await benchLimited();
  return {
    name: 'Outbox: sends against a fake channel, limits off',
    lines: [
      `Replies: ${n} rows queued in ${Math.round(queueMs)} ms; sent in ${Math.round(ms)} ms → **${rate} messages/s** (goal ≥ 3,000). Peak RSS ${Math.round(peak / 1048576)} MiB.`,
      `Broadcast rows (text rendered per recipient at send time, hold-back rules on, Zalo/SMS/Telegram fakes, ${OUTBOX_IN_FLIGHT} in flight per channel): ${bc.rows} rows sent in ${bc.ms} ms → **${bc.rate} messages/s** (goal ≥ 3,000).`,
      `With a limit: a fake allowing ${limited.limit}/s (it answers 429 above that in any 1-s window), the real loop on the real clock for ${limited.seconds} s: steady **${limited.steady.toFixed(1)}/s** (${limited.vsLimit >= 0 ? '+' : ''}${limited.vsLimit.toFixed(1)} % vs the limit; goal within 5 %), **${limited.throttled} 429s**.`,
    ],
  };
}

function fakeOf(name: ChannelName, onSend: () => void = () => {}): OutboundChannel {
  return {
    name,
    capabilities: DEFAULT_CAPABILITIES[name],
    ratePerSecond: 0,
    send: (m) => {
      onSend();
      return Promise.resolve({ providerId: `f${m.id}` });
    },
  };
}

/** A broadcast's rows (rendered per person when sent) through the loop, unthrottled fakes. */
async function benchBroadcastDispatch(n: number): Promise<{ rows: number; ms: number; rate: number }> {
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'bhxh-bench-outbox-bc-')), 'x.db'));
  const now = new Date();
  await seedDefaults(db, { now });
  await seedResidents(db, n);
  const { broadcast } = await createDraft(db, { text: 'Mời {ten} dự Lễ ra quân {ngay_ra_quan}. Hỏi {hotline}.', audience: { roles: ['resident'] }, keepDiacritics: false }, { name: 'bench', unitScope: 'VN', contactId: null }, now);
  await confirmBroadcast(db, broadcast, now);
  const rows = await drainQueue(db, broadcast.id, { now: () => now });
  let sent = 0;
  const count = () => void sent++;
  const worker = createOutboxWorker({
    db,
    log: createLogger({ level: 'silent' }),
    clock: systemClock,
    config: { quietHours: { start: '00:00', end: '00:00' }, bulkDailyCap: 3, outbox: { tickMs: 10, maxAttempts: 3 } },
    channels: new Map<ChannelName, OutboundChannel>([
      ['zalo', fakeOf('zalo', count)],
      ['sms', fakeOf('sms', count)],
      ['telegram', fakeOf('telegram', count)],
    ]),
    renderBroadcastRow: createBroadcastRenderer(db),
  });
  const t0 = performance.now();
  while (sent < rows) await worker.runOnce();
  const ms = Math.round(performance.now() - t0);
  db.$client.close();
  return { rows, ms, rate: Math.round((rows / ms) * 1000) };
}

/** The real loop against a fake that enforces its limit (429 above it in any one-second window). */
async function benchLimited(): Promise<{ limit: number; seconds: number; steady: number; vsLimit: number; throttled: number }> {
  const limit = Number(process.env['BENCH_OUTBOX_LIMIT'] ?? 50);
  const seconds = 6;
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'bhxh-bench-outbox-lim-')), 'x.db'));
  await seedDefaults(db, { now: new Date() });
  const accepted: number[] = [];
  let throttled = 0;
  const channel: OutboundChannel = {
    name: 'telegram',
    capabilities: DEFAULT_CAPABILITIES.telegram,
    ratePerSecond: limit,
    send: (m) => {
      const t = performance.now();
      const inWindow = accepted.filter((a) => a > t - 1000).length;
      if (inWindow >= limit) {
        throttled++;
        return Promise.reject(new SendError('retry', '429 Too Many Requests', { retryAfterMs: 1000, providerCode: '429' }));
      }
      accepted.push(t);
      return Promise.resolve({ providerId: `t${m.id}` });
    },
  };
  await queueMessages(db, new Date(), Array.from({ length: limit * (seconds + 2) }, (_, i) => ({ contactId: null, address: `telegram:${i}` as const, text: `m${i}`, priority: 'reply' as const })));
  const worker = createOutboxWorker({
    db,
    log: createLogger({ level: 'silent' }),
    clock: systemClock,
    config: { quietHours: { start: '00:00', end: '00:00' }, bulkDailyCap: 3, outbox: { tickMs: 250, maxAttempts: 3 } },
    channels: new Map<ChannelName, OutboundChannel>([['telegram', channel]]),
  });
  const t0 = performance.now();
  await worker.start();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  await worker.stop();
  db.$client.close();
  // Steady rate: sends after the first second (the bucket starts with a tenth of a second's worth), per second.
  const steadyCount = accepted.filter((t) => t >= t0 + 1000 && t < t0 + seconds * 1000).length;
  const steady = steadyCount / (seconds - 1);
  return { limit, seconds, steady, vsLimit: ((steady - limit) / limit) * 100, throttled };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchOutbox();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
}
