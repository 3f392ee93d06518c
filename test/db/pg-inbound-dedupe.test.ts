/**
 * Webhook dedupe on PostgreSQL stays the unique key (channel, provider_id), as on SQLite: the same event arriving at
 * two instances at once is inserted by one; the other's insert waits for that transaction and then finds the row
 * (or, if the first one rolled back, inserts it and processes it itself). Both can acknowledge.
 */
import { describe, expect, it } from 'vitest';
import type { PgDb } from '../../db/pg/client.ts';
import { inboundMessages } from '../../db/pg/schema/index.ts';
import { hasPg, useTestDatabase, useTwoInstances } from '../support/pg.ts';

const AT = new Date('2026-05-20T03:00:00Z');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the dispatcher does first with an event: claim it by inserting it; false = already processed. */
async function accept(db: PgDb, providerId: string, work: () => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(inboundMessages)
      .values({ channel: 'zalo', providerId, address: 'zalo:1', kind: 'text', text: 'xin chào', receivedAt: AT })
      .onConflictDoNothing()
      .returning({ id: inboundMessages.id });
    if (inserted.length === 0) return false;
    await work();
    return true;
  });
}

describe.skipIf(!hasPg)('webhook dedupe across instances', () => {
  const instances = useTwoInstances(useTestDatabase());

  it('the same event at two instances at once is processed once', async () => {
    let processed = 0;
    const work = async () => {
      processed++;
      await pause(100);
    };
    const results = await Promise.all([accept(instances.a, 'ev-1', work), accept(instances.b, 'ev-1', work)]);
    expect(results.sort()).toEqual([false, true]);
    expect(processed).toBe(1);
  });

  it('if the first instance fails half-way, the other one processes the event', async () => {
    const failing = accept(instances.a, 'ev-2', async () => {
      await pause(100);
      throw new Error('instance a failed');
    });
    await pause(20);
    let processed = 0;
    const second = accept(instances.b, 'ev-2', async () => {
      processed++;
    });
    await expect(failing).rejects.toThrow('instance a failed');
    expect(await second).toBe(true);
    expect(processed).toBe(1);
  });
});
