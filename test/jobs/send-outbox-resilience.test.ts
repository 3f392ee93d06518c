import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb } from '../support/db.ts';
import { SendError } from '../support/fake-channel.ts';
import { createOutboxWorker, OUTBOX_IN_FLIGHT } from '../../src/jobs/send-outbox.ts';
import { queueMessages, recordDeliveryStatus } from '../../src/core/outbox.ts';
import { fixedClock, systemClock } from '../../src/core/clock.ts';
import { createLogger } from '../../src/core/log.ts';
import { DEFAULT_CAPABILITIES, type OutboundChannel } from '../../src/core/channel.ts';
import { contacts, outbox } from '../../db/schema/index.ts';
import type { OutboundMessage } from '../../src/core/message.ts';

const log = createLogger({ level: 'silent' });
const NOON = '2026-05-20T03:00:00Z';

/** A Telegram-like provider: `failOnce` fails the next request, `failAll` every request until cleared. */
function provider() {
  const calls: OutboundMessage[] = [];
  let once: SendError | null = null;
  let all: (() => SendError) | null = null;
  const channel: OutboundChannel = {
    name: 'telegram',
    capabilities: DEFAULT_CAPABILITIES.telegram,
    ratePerSecond: 0,
    send(m) {
      calls.push(m);
      const e = once ?? all?.();
      once = null;
      return e ? Promise.reject(e) : Promise.resolve({ providerId: `tg-${m.id}` });
    },
  };
  return { channel, calls, failOnce: (e: SendError) => (once = e), failAll: (make: (() => SendError) | null) => (all = make) };
}

async function setup(p: ReturnType<typeof provider>, rows: number) {
  const db = await freshDb();
  const clock = fixedClock(NOON);
  const worker = createOutboxWorker({
    db,
    log,
    clock,
    config: { quietHours: { start: '21:00', end: '07:00' }, bulkDailyCap: 3, outbox: { tickMs: 50, maxAttempts: 3 } },
    channels: new Map([['telegram', p.channel]]),
  });
  const c = (await db.insert(contacts).values({ role: 'resident', createdAt: clock.now() }).returning())[0]!;
  const ids = await queueMessages(db, clock.now(), Array.from({ length: rows }, (_, i) => ({ contactId: c.id, address: `telegram:${i}` as const, text: `m${i}`, priority: 'reply' as const })));
  const statuses = async () => {
    const counts: Record<string, number> = {};
    for (const r of (await db.select().from(outbox))) counts[r.status] = (counts[r.status] ?? 0) + 1;
    return counts;
  };
  return { db, clock, worker, ids, statuses };
}

describe('outbox under provider trouble', () => {
  it('stops the rest of the channel pass at the first 429: only requests already in flight reach the provider', async () => {
    const p = provider();
    const { db, clock, worker, statuses } = await setup(p, 200);
    // Only the first request fails; the provider would take the others, but the pass must stop trying.
    p.failOnce(new SendError('retry', '429 Too Many Requests', { retryAfterMs: 5000 }));
    await worker.runOnce();
    expect(p.calls.length).toBeLessThanOrEqual(OUTBOX_IN_FLIGHT);
    const waiting = (await db.select().from(outbox).where(eq(outbox.status, 'queued')));
    expect(waiting.length).toBeGreaterThanOrEqual(200 - OUTBOX_IN_FLIGHT);
    expect(waiting.every((r) => r.attempts === 0 && r.nextAttemptAt.getTime() === clock.now().getTime() + 5000)).toBe(true);
    expect((await worker.runOnce()).claimed).toBe(0);
    clock.advance(5000);
    while ((await worker.runOnce()).claimed > 0);
    expect((await statuses())).toEqual({ sent: 200 });
  });

  it('loses nothing in an hour of server errors and no answers: attempts are not spent, the channel backs off', async () => {
    const p = provider();
    const { worker, clock, statuses } = await setup(p, 40);
    let n = 0;
    p.failAll(() => (++n % 2 === 0 ? new SendError('retry', 'Telegram server error', { providerCode: '502' }) : new SendError('retry', 'Telegram unreachable')));
    const outageEnds = clock.now().getTime() + 3600_000;
    let passes = 0;
    while (clock.now().getTime() < outageEnds) {
      await worker.runOnce();
      passes++;
      clock.advance(15_000);
    }
    expect((await statuses())).toEqual({ queued: 40 });
    // Backing off and probing with one request: about one a minute, not a batch per pass.
    expect(p.calls.length).toBeLessThan(passes / 2);
    p.failAll(null);
    clock.advance(60_000);
    while ((await worker.runOnce()).claimed > 0) clock.advance(1000);
    expect((await statuses())).toEqual({ sent: 40 });
  });
});

describe('a provider that is down, with the loop running', () => {
  it('is probed by one request at a time once it has failed, never by a burst of probes', async () => {
    const db = await freshDb();
    const starts: number[] = [];
    let open = 0;
    let most = 0;
    let firstFailure = Infinity;
    const channel: OutboundChannel = {
      name: 'telegram',
      capabilities: DEFAULT_CAPABILITIES.telegram,
      ratePerSecond: 0,
      async send() {
        starts.push(Date.now());
        open++;
        if (Date.now() > firstFailure) most = Math.max(most, open);
        await new Promise((r) => setTimeout(r, 600));
        open--;
        firstFailure = Math.min(firstFailure, Date.now());
        throw new SendError('retry', 'Telegram unreachable');
      },
    };
    // Every pass of the loop reads the clock: counted, to show the loop idles while a probe is out.
    let reads = 0;
    const clock = { now: () => (reads++, systemClock.now()) };
    const worker = createOutboxWorker({
      db,
      log,
      clock,
      config: { quietHours: { start: '00:00', end: '00:00' }, bulkDailyCap: 3, outbox: { tickMs: 50, maxAttempts: 3 } },
      channels: new Map([['telegram', channel]]),
    });
    await queueMessages(db, new Date(), Array.from({ length: 100 }, (_, i) => ({ contactId: null, address: `telegram:${i}` as const, text: `m${i}`, priority: 'reply' as const })));
    await worker.start();
    await new Promise((r) => setTimeout(r, 3500));
    await worker.stop();
    // The first pass may have up to the in-flight window out before anything failed (each request takes 0.6 s);
    // after that, probes only, each alone: one after the 1 s pause, the next after the 2 s pause.
    const later = starts.filter((t) => t > firstFailure);
    expect(later.length).toBeGreaterThanOrEqual(1);
    expect(later.length).toBeLessThanOrEqual(3);
    expect(most).toBe(1);
    // Waiting for a probe's answer, the loop looks again every tenth of a second, not at every turn of the event
    // loop (about 250 reads here; over 1,000 when it spun while a probe was out).
    expect(reads).toBeLessThan(600);
  }, 10_000);
});

describe('delivery statuses', () => {
  it('never move backwards: sent < delivered, and a final status is never overwritten', async () => {
    const db = await freshDb();
    const now = new Date(NOON);
    const [a, b] = await queueMessages(db, now, [
      { contactId: null, address: 'tel:+84912345678', text: 'a', priority: 'reply' },
      { contactId: null, address: 'tel:+84912345679', text: 'b', priority: 'reply' },
    ]);
    await db.update(outbox).set({ status: 'sent', providerId: 'SMa' }).where(eq(outbox.id, a!));
    await db.update(outbox).set({ status: 'sent', providerId: 'SMb' }).where(eq(outbox.id, b!));
    const status = async (id: number) => (await db.select().from(outbox).where(eq(outbox.id, id)).limit(1))[0]?.status;
    await recordDeliveryStatus(db, 'sms', 'SMa', 'delivered');
    await recordDeliveryStatus(db, 'sms', 'SMa', 'sent');
    await recordDeliveryStatus(db, 'sms', 'SMa', 'failed', 'late failure report');
    expect((await status(a!))).toBe('delivered');
    await recordDeliveryStatus(db, 'sms', 'SMb', 'failed', 'undelivered');
    await recordDeliveryStatus(db, 'sms', 'SMb', 'delivered');
    expect((await db.select().from(outbox).where(eq(outbox.id, b!)).limit(1))[0]).toMatchObject({ status: 'failed', error: 'undelivered', reason: 'provider_error' });
  });
});
