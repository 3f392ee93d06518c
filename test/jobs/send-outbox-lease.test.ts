/**
 * The outbox lease on PostgreSQL, through the send loop itself: two workers on two pools of one database stand for
 * two instances. A row claimed by a live instance is never claimed by another, nor requeued when another instance
 * starts; once its lease has expired (the instance died mid-send) another instance claims it again, the attempt
 * counted, and sends it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, execute, pgHandle, rows, type Db } from '../../db/client.ts';
import { openPgDb } from '../../db/pg/client.ts';
import { seedDefaults } from '../../db/seed/seed.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createLogger } from '../../src/core/log.ts';
import { queueMessages } from '../../src/core/outbox.ts';
import type { OutboundChannel, SendResult } from '../../src/core/channel.ts';
import type { ChannelName, OutboundMessage } from '../../src/core/message.ts';
import { createOutboxWorker, type OutboxWorker } from '../../src/jobs/send-outbox.ts';
import { fakeChannel, type FakeChannel } from '../support/fake-channel.ts';
import { createTestDatabase, hasPg } from '../support/pg.ts';
import { until as waitUntil } from '../support/until.ts';

const T0 = Date.parse('2026-05-20T03:00:00Z');
const LEASE = 30_000;
const log = createLogger({ level: 'silent' });

/** A Telegram channel whose sends hang until `open()` (never, for an instance that dies mid-send). */
function gatedChannel(): FakeChannel & { asked: OutboundMessage[]; open(): void } {
  const inner = fakeChannel('telegram');
  const asked: OutboundMessage[] = [];
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  return {
    ...inner,
    asked,
    open,
    async send(m): Promise<SendResult> {
      asked.push(m);
      await gate;
      return inner.send(m);
    },
  };
}

function instance(db: Db, channel: OutboundChannel, clock: ReturnType<typeof fixedClock>): OutboxWorker {
  return createOutboxWorker({
    db,
    log,
    clock,
    config: { quietHours: { start: '21:00', end: '07:00' }, bulkDailyCap: 3, outbox: { tickMs: 50, maxAttempts: 5, leaseMs: LEASE } },
    channels: new Map<ChannelName, OutboundChannel>([['telegram', channel]]),
  });
}

const until = (what: string, ok: () => boolean) => waitUntil(what, ok, 10_000, 5);

const states = (db: Db) =>
  rows<{ status: string; attempts: number; claimed_until: number | null }>(db, sql`SELECT status, attempts, claimed_until FROM outbox ORDER BY id`);

describe.skipIf(!hasPg)('the outbox lease, two instances on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    a = pgHandle(await openPgDb(database.url, { max: 4 }));
    b = pgHandle(await openPgDb(database.url, { max: 4 }));
    await seedDefaults(a, { now: new Date(T0), launchAt: '2026-05-23T08:00' });
  });
  afterAll(async () => {
    await Promise.all([a && closeDb(a), b && closeDb(b)]);
    await database?.drop();
  });
  beforeEach(async () => {
    await execute(a, sql`TRUNCATE outbox`);
    await queueMessages(
      a,
      new Date(T0),
      [1, 2, 3].map((i) => ({ contactId: null, address: `telegram:${i}` as const, text: `tin ${i}`, priority: 'reply' as const })),
    );
  });

  it('a row claimed by a live instance is neither claimed by another nor requeued when another starts', async () => {
    const slow = gatedChannel();
    const first = instance(a, slow, fixedClock(new Date(T0)));
    const pass = first.runOnce();
    await until('the first instance sending', () => slow.asked.length === 3);
    expect(await states(a)).toEqual(Array(3).fill({ status: 'sending', attempts: 1, claimed_until: T0 + LEASE }));

    const otherClock = fixedClock(new Date(T0 + 1_000));
    const other = fakeChannel('telegram');
    const second = instance(b, other, otherClock);
    // Starting (as a new leader does) leaves the live instance's rows alone.
    expect(await second.recover()).toBe(0);
    expect((await second.runOnce()).claimed).toBe(0);
    otherClock.set(new Date(T0 + LEASE - 1));
    expect((await second.runOnce()).claimed).toBe(0);
    expect(await states(a)).toEqual(Array(3).fill({ status: 'sending', attempts: 1, claimed_until: T0 + LEASE }));

    slow.open();
    expect((await pass).sent).toBe(3);
    // Sent once, by the instance that claimed them; a finished row's old lease is moot.
    otherClock.set(new Date(T0 + 10 * LEASE));
    expect((await second.runOnce()).claimed).toBe(0);
    expect(other.sent).toEqual([]);
    expect((await states(a)).map((r) => [r.status, r.attempts])).toEqual(Array(3).fill(['sent', 1]));
  });

  it("an instance that died mid-send has its rows sent by another once the lease expires, the attempt counted", async () => {
    const dead = gatedChannel();
    // Its sends never return: the instance is gone with its rows claimed.
    void instance(a, dead, fixedClock(new Date(T0))).runOnce();
    await until('the first instance sending', () => dead.asked.length === 3);

    const clock = fixedClock(new Date(T0 + LEASE - 1));
    const other = fakeChannel('telegram');
    const next = instance(b, other, clock);
    expect((await next.runOnce()).claimed).toBe(0);
    clock.set(new Date(T0 + LEASE));
    const stats = await next.runOnce();
    expect(stats).toMatchObject({ claimed: 3, sent: 3 });
    expect(other.sent.map((m) => m.to).sort()).toEqual(['telegram:1', 'telegram:2', 'telegram:3']);
    expect((await states(a)).map((r) => [r.status, r.attempts])).toEqual(Array(3).fill(['sent', 2]));
  });

  it('an instance that stops puts back the rows it claimed but had not started, for the next one at once', async () => {
    const slow = gatedChannel();
    const clock = fixedClock(new Date(T0));
    const first = instance(a, slow, clock);
    await queueMessages(
      a,
      new Date(T0),
      Array.from({ length: 30 }, (_, i) => ({ contactId: null, address: `telegram:${100 + i}` as const, text: `tin ${i}`, priority: 'reply' as const })),
    );
    void first.runOnce();
    // 33 claimed: 16 senders busy, 17 waiting for one.
    await until('the senders busy', () => slow.asked.length === 16);
    const stopping = first.stop();
    await new Promise((r) => setTimeout(r, 100));
    slow.open();
    await stopping;
    const after = await states(a);
    expect(after.filter((r) => r.status === 'sent')).toHaveLength(16);
    expect(after.filter((r) => r.status === 'queued').map((r) => r.attempts)).toEqual(Array(17).fill(0));
    // The next instance sends them at once, without waiting for a lease.
    const other = fakeChannel('telegram');
    expect((await instance(b, other, fixedClock(new Date(T0 + 1))).runOnce()).sent).toBe(17);
  });
});
