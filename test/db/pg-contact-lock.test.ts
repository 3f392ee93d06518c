/**
 * Per-contact serialisation across instances (db/pg/contact-lock.ts), two pools standing for two instances: no
 * conversation update is lost when one person's messages are handled at once on both; other people never wait.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { closePgDb, openPgDb, type PgDb } from '../../db/pg/client.ts';
import { contacts, conversations } from '../../db/pg/schema/index.ts';
import { withAddressLock, withContactLock, type PgTx } from '../../db/pg/contact-lock.ts';
import { syncIdentitySequences } from '../../db/pg/identity.ts';
import { hasPg, useTestDatabase } from '../support/pg.ts';

const T0 = new Date('2026-05-20T03:00:00Z');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A message step: read the conversation, think a little, write the next state (as the dispatcher does). */
async function step(tx: PgDb | PgTx, contactId: number): Promise<void> {
  const [conv] = await tx.select().from(conversations).where(eq(conversations.contactId, contactId));
  const n = (conv?.state as { n: number }).n;
  await pause(5);
  await tx.update(conversations).set({ state: { n: n + 1 }, updatedAt: T0 }).where(eq(conversations.contactId, contactId));
}

async function counter(db: PgDb, contactId: number): Promise<number> {
  const [conv] = await db.select().from(conversations).where(eq(conversations.contactId, contactId));
  return (conv?.state as { n: number }).n;
}

describe.skipIf(!hasPg)('per-contact advisory locks', () => {
  const database = useTestDatabase();
  let a: PgDb;
  let b: PgDb;
  beforeAll(async () => {
    a = await openPgDb(database.url());
    b = await openPgDb(database.url(), { max: 2 });
    await a.insert(contacts).values([1, 2].map((id) => ({ id, createdAt: T0 })));
    await syncIdentitySequences(a);
  });
  afterAll(async () => {
    await Promise.all([a && closePgDb(a), b && closePgDb(b)]);
  });
  beforeEach(async () => {
    await a.execute(sql`DELETE FROM conversations`);
    await a.insert(conversations).values([1, 2].map((contactId) => ({ contactId, flow: 'f', step: 's', state: { n: 0 }, version: 1, expiresAt: T0, updatedAt: T0 })));
  });

  it('without the lock, concurrent messages of one person lose updates (the race the lock exists for)', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).transaction((tx) => step(tx, 1))));
    expect(await counter(a, 1)).toBeLessThan(20);
  });

  it('with it, 20 messages of one person split over two instances are applied one after another', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => withContactLock(i % 2 ? a : b, 1, (tx) => step(tx, 1))));
    expect(await counter(a, 1)).toBe(20);
  });

  it('another person does not wait; the same person waits for the commit', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = withContactLock(a, 1, async () => {
      await held;
    });
    await pause(50);
    const started = Date.now();
    await withContactLock(b, 2, async () => {});
    expect(Date.now() - started).toBeLessThan(500);
    let second = false;
    const same = withContactLock(b, 1, async () => {
      second = true;
    });
    await pause(200);
    expect(second).toBe(false);
    release();
    await Promise.all([first, same]);
    expect(second).toBe(true);
  });

  it('a burst from one person holds one pooled connection, so others still get through', async () => {
    // Pool b has two connections; 30 queued messages of contact 1 must not take both.
    const burst = Promise.all(Array.from({ length: 30 }, () => withContactLock(b, 1, (tx) => step(tx, 1))));
    await pause(20);
    const started = Date.now();
    await withContactLock(b, 2, (tx) => step(tx, 2));
    expect(Date.now() - started).toBeLessThan(300);
    await burst;
    expect(await counter(a, 1)).toBe(30);
  });

  it('a failing message releases the lock; the next one runs', async () => {
    await expect(withContactLock(a, 1, async () => Promise.reject(new Error('step threw')))).rejects.toThrow('step threw');
    await withContactLock(b, 1, (tx) => step(tx, 1));
    expect(await counter(a, 1)).toBe(1);
  });

  it('first messages from one new address are serialised too', async () => {
    const created: number[] = [];
    const firstMessage = (db: PgDb) =>
      withAddressLock(db, 'zalo:999', async (tx) => {
        const found = await tx.execute<{ id: number }>(sql`SELECT id FROM contacts WHERE name = 'zalo:999'`);
        if (found.rows.length > 0) return;
        await pause(5);
        const [c] = await tx.insert(contacts).values({ name: 'zalo:999', createdAt: T0 }).returning({ id: contacts.id });
        if (c) created.push(c.id);
      });
    await Promise.all(Array.from({ length: 6 }, (_, i) => firstMessage(i % 2 ? a : b)));
    expect(created).toHaveLength(1);
  });
});
