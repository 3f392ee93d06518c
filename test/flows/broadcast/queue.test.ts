/**
 * Queueing a broadcast on each engine: the chunk insert (the one engine-specific statement of broadcasts), its
 * counters, the counts trigger and a cancel, checked against the outbox rows themselves; and two pumps on one
 * broadcast at once (two instances on PostgreSQL, two turns of one process on SQLite) queue each person once.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rows, type Db } from '../../../db/client.ts';
import { broadcastToQueue, queueNextChunk } from '../../../db/queries/broadcast-queue.ts';
import { broadcastStats } from '../../../db/queries/broadcasts.ts';
import { addresses, broadcasts, contacts, outbox } from '../../../db/schema/index.ts';
import { cancelBroadcast, confirmBroadcast, createDraft } from '../../../flows/broadcast/lifecycle.ts';
import { storedAudience } from '../../../flows/broadcast/audience.ts';
import { ENGINES, engineDb } from '../../support/engines.ts';

const NOW = new Date('2026-05-20T03:00:00Z');
const SENDER = { name: 'test', unitScope: 'VN', contactId: null };

/** `n` subscribed residents: most on one channel, every fifth on SMS and web (the newer one chosen), every seventh with none. */
async function residents(db: Db, n: number): Promise<number[]> {
  const people = await db
    .insert(contacts)
    .values(Array.from({ length: n }, (_, i) => ({ name: `Dân ${i}`, role: 'resident' as const, subscribed: true, createdAt: NOW })))
    .returning({ id: contacts.id });
  const rowsToAdd = people.flatMap((p, i): (typeof addresses.$inferInsert)[] => {
    if (i % 7 === 6) return [];
    const main = { address: `zalo:${p.id}`, channel: 'zalo', contactId: p.id, createdAt: NOW } as const;
    if (i % 5 !== 0) return [main];
    return [
      { address: `tel:+849${p.id}`, channel: 'sms' as const, contactId: p.id, createdAt: NOW, lastInboundAt: new Date(NOW.getTime() - 60_000) },
      { address: `web:${p.id}`, channel: 'web' as const, contactId: p.id, createdAt: NOW, lastInboundAt: NOW },
    ];
  });
  await db.insert(addresses).values(rowsToAdd);
  return people.map((p) => p.id);
}

/** The broadcast's rows counted as broadcastStats counts them. */
async function truth(db: Db, id: number) {
  const stats = { byStatus: { queued: 0, sending: 0, sent: 0, delivered: 0, failed: 0, skipped: 0 } as Record<string, number>, byChannel: {} as Record<string, Record<string, number>>, byReason: {} as Record<string, number> };
  for (const r of await db.select().from(outbox).where(eq(outbox.broadcastId, id))) {
    stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + 1;
    const ch = (stats.byChannel[r.channel] ??= {});
    ch[r.status] = (ch[r.status] ?? 0) + 1;
    if (r.reason) stats.byReason[r.reason] = (stats.byReason[r.reason] ?? 0) + 1;
  }
  return stats;
}

async function confirmedBroadcast(db: Db) {
  const { broadcast } = await createDraft(db, { text: 'Mời {ten}', audience: { roles: ['resident'] }, keepDiacritics: false }, SENDER, NOW);
  return confirmBroadcast(db, broadcast, NOW);
}

/** Pump a confirmed broadcast in chunks of `chunk` ids until done; resolves with the rows it added. */
async function pump(db: Db, id: number, chunk: number): Promise<number> {
  const b = await broadcastToQueue(db, id);
  if (!b) throw new Error(`no broadcast ${id}`);
  let total = 0;
  for (;;) {
    const { added, done } = await queueNextChunk(db, b, storedAudience(b.audience), NOW, chunk);
    total += added;
    if (done) return total;
  }
}

describe.each(ENGINES)('queueing a broadcast on %s', (engine) => {
  it('queues each person once, on their newest address, with counters equal to the rows through sending, holding and a cancel', async () => {
    const db = await engineDb(engine);
    const ids = await residents(db, 120);
    const b = await confirmedBroadcast(db);
    expect(await pump(db, b.id, 17)).toBe(120);

    const queued = await db.select().from(outbox).where(eq(outbox.broadcastId, b.id));
    expect(queued.map((r) => r.contactId).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(ids);
    expect(queued.filter((r) => r.channel === 'web')).toHaveLength(ids.filter((_, i) => i % 5 === 0 && i % 7 !== 6).length);
    expect(queued.filter((r) => r.status === 'skipped' && r.reason === 'no_address')).toHaveLength(ids.filter((_, i) => i % 7 === 6).length);
    const [after] = await db.select().from(broadcasts).where(eq(broadcasts.id, b.id));
    expect(after?.firstOutboxId).toBe(Math.min(...queued.map((r) => r.id)));
    expect(after?.queuedCount).toBe(120);
    expect(await broadcastStats(db, b.id)).toEqual(await truth(db, b.id));

    // The sender's moves (claim, send, fail, hold with a reason, fall back to another channel): the trigger follows.
    const zalo = queued.filter((r) => r.channel === 'zalo').map((r) => r.id);
    await db.update(outbox).set({ status: 'sending' }).where(sql`${outbox.id} IN (${sql.join(zalo.slice(0, 30).map((i) => sql`${i}`), sql`, `)})`);
    await db.update(outbox).set({ status: 'sent' }).where(sql`${outbox.id} IN (${sql.join(zalo.slice(0, 20).map((i) => sql`${i}`), sql`, `)})`);
    await db.update(outbox).set({ status: 'failed', reason: 'provider_error' }).where(eq(outbox.id, zalo[20] ?? 0));
    await db.update(outbox).set({ status: 'queued', reason: 'quiet_hours' }).where(eq(outbox.id, zalo[21] ?? 0));
    await db.update(outbox).set({ channel: 'sms' }).where(eq(outbox.id, zalo[22] ?? 0));
    await db.update(outbox).set({ status: 'sending' }).where(eq(outbox.id, zalo[23] ?? 0)); // unchanged: no move
    expect(await broadcastStats(db, b.id)).toEqual(await truth(db, b.id));

    const { dropped } = await cancelBroadcast(db, b, NOW);
    expect(dropped).toBe(queued.filter((r) => r.status === 'queued').length - 30 + 1); // 30 claimed, one of them requeued
    expect(await broadcastStats(db, b.id)).toEqual(await truth(db, b.id));
    expect((await broadcastStats(db, b.id)).byStatus['queued']).toBe(0);
  });

  it('two pumps on one broadcast at once queue each person once (on PostgreSQL the cursor row makes them take turns)', async () => {
    const db = await engineDb(engine);
    await residents(db, 300);
    const b = await confirmedBroadcast(db);
    const added = await Promise.all([pump(db, b.id, 13), pump(db, b.id, 29), pump(db, b.id, 7)]);
    expect(added.reduce((x, y) => x + y, 0)).toBe(300);
    const dupes = await rows<{ n: number }>(db, sql`SELECT count(*) AS n FROM outbox WHERE broadcast_id = ${b.id} GROUP BY contact_id HAVING count(*) > 1`);
    expect(dupes).toEqual([]);
    expect(await broadcastStats(db, b.id)).toEqual(await truth(db, b.id));
  });
});
