/**
 * Claiming outbox rows on PostgreSQL (the claim of db/queries/outbox.ts), two pools standing for two instances: every row is
 * claimed by exactly one, a locked row is skipped without waiting, an expired lease is claimed again and a live
 * one never, and rows come back exactly as the SQLite claim returns them.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDb, pgHandle } from '../../db/client.ts';
import { claimStatement, outboxQueries, type ClaimKind, type OutboxClaimRow } from '../../db/queries/outbox.ts';
import * as sqliteSchema from '../../db/schema/index.ts';
import type { PgDb } from '../../db/pg/client.ts';
import { contacts, outbox } from '../../db/pg/schema/index.ts';
import { hasPg, useTestDatabase, useTwoInstances } from '../support/pg.ts';

const T0 = Date.parse('2026-05-20T03:00:00Z');
const LEASE = 60_000;

/** The send loop's claim on one pool (one instance), rows in delivery order as the send loop sorts them. */
async function claimOutboxRows(db: PgDb, opts: { channel: string; limit: number; now: number; leaseMs?: number }): Promise<OutboxClaimRow[]> {
  const rows = await outboxQueries(pgHandle(db)).claim(opts.channel, opts.now, opts.limit, opts.now + (opts.leaseMs ?? LEASE));
  return rows.sort((a, b) => a.priority - b.priority || a.nextAttemptAt - b.nextAttemptAt || a.id - b.id);
}

function row(i: number, over: Partial<typeof outbox.$inferInsert> = {}): typeof outbox.$inferInsert {
  return {
    contactId: 1,
    address: `tel:+8490${String(i).padStart(7, '0')}`,
    channel: 'sms',
    text: `tin ${i}`,
    priority: i % 2,
    nextAttemptAt: new Date(T0 - 1_000 + i),
    createdAt: new Date(T0 - 10_000),
    ...over,
  };
}

describe.skipIf(!hasPg)('claiming outbox rows with FOR UPDATE SKIP LOCKED and a lease', () => {
  const instances = useTwoInstances(useTestDatabase());
  beforeAll(async () => {
    await instances.a.insert(contacts).values({ id: 1, createdAt: new Date(T0) });
  });
  beforeEach(async () => {
    await instances.a.execute(sql`TRUNCATE outbox`);
  });

  it('two instances claiming at once take every due row exactly once, replies first', async () => {
    await instances.a.insert(outbox).values(Array.from({ length: 300 }, (_, i) => row(i)));
    // Not due yet, or another channel: never claimed here.
    await instances.a.insert(outbox).values([row(1000, { nextAttemptAt: new Date(T0 + 5_000) }), row(1001, { channel: 'zalo' })]);
    const seen = new Map<number, string>();
    const run = async (db: PgDb, name: string) => {
      for (;;) {
        const rows = await claimOutboxRows(db, { channel: 'sms', limit: 7, now: T0, leaseMs: LEASE });
        if (rows.length === 0) return;
        expect(rows.map((r) => r.priority)).toEqual([...rows.map((r) => r.priority)].sort());
        for (const r of rows) {
          expect(seen.get(r.id), `row ${r.id} claimed by ${seen.get(r.id)} and ${name}`).toBeUndefined();
          seen.set(r.id, name);
        }
      }
    };
    await Promise.all([run(instances.a, 'a'), run(instances.b, 'b'), run(instances.a, 'a2'), run(instances.b, 'b2')]);
    expect(seen.size).toBe(300);
    expect(new Set(seen.values()).size).toBeGreaterThan(1);
    const states = await instances.a.execute<{ status: string; attempts: number; claimed_until: number | null; n: number }>(
      sql`SELECT status, attempts, claimed_until, count(*) AS n FROM outbox GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    expect(states.rows).toEqual([
      { status: 'queued', attempts: 0, claimed_until: null, n: 2 },
      { status: 'sending', attempts: 1, claimed_until: T0 + LEASE, n: 300 },
    ]);
  });

  it('a row locked by another instance is skipped, not waited for', async () => {
    await instances.a.insert(outbox).values(Array.from({ length: 10 }, (_, i) => row(i)));
    const holder = await instances.a.$client.connect();
    try {
      await holder.query('BEGIN');
      const locked = await holder.query<{ id: number }>('SELECT id FROM outbox ORDER BY priority, next_attempt_at, id LIMIT 4 FOR UPDATE');
      const started = Date.now();
      const rows = await claimOutboxRows(instances.b, { channel: 'sms', limit: 10, now: T0, leaseMs: LEASE });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(rows).toHaveLength(6);
      const lockedIds = new Set(locked.rows.map((r) => r.id));
      expect(lockedIds.size).toBe(4);
      expect(rows.filter((r) => lockedIds.has(r.id))).toEqual([]);
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
  });

  it('a live lease is never claimed again; an expired one is, its attempt counted', async () => {
    await instances.a.insert(outbox).values([row(1)]);
    const [first] = await claimOutboxRows(instances.a, { channel: 'sms', limit: 5, now: T0, leaseMs: LEASE });
    expect(first?.attempts).toBe(1);
    // The instance that claimed it is alive until the lease ends: no one else takes it.
    expect(await claimOutboxRows(instances.b, { channel: 'sms', limit: 5, now: T0 + LEASE - 1, leaseMs: LEASE })).toEqual([]);
    // It died: the row is claimed again when the lease ends.
    const [again] = await claimOutboxRows(instances.b, { channel: 'sms', limit: 5, now: T0 + LEASE, leaseMs: LEASE });
    expect(again?.id).toBe(first?.id);
    expect(again?.attempts).toBe(2);
    const lease = await instances.a.execute<{ claimed_until: number }>(sql`SELECT claimed_until FROM outbox`);
    expect(lease.rows[0]?.claimed_until).toBe(T0 + 2 * LEASE);
    // A row the sender finished (sent, failed, queued again for instances.a retry) is not in flight: its old lease is moot.
    await instances.a.execute(sql`UPDATE outbox SET status = 'sent'`);
    expect(await claimOutboxRows(instances.b, { channel: 'sms', limit: 5, now: T0 + 10 * LEASE })).toEqual([]);
  });

  it('returns rows exactly as the SQLite claim does', async () => {
    const values = row(3, { quickReplies: ['Có', 'Không'], requestPhone: true, keepDiacritics: true, broadcastId: null, priority: 1 });
    await instances.a.insert(outbox).values(values);
    const lite = openDb(':memory:');
    try {
      lite.insert(sqliteSchema.contacts).values({ id: 1, createdAt: new Date(T0) }).run();
      lite.insert(sqliteSchema.outbox).values({ ...values, id: undefined }).run();
      const fromSqlite = await outboxQueries(lite).claim('sms', T0, 5, T0 + LEASE);
      const fromPg = await claimOutboxRows(instances.a, { channel: 'sms', limit: 5, now: T0 });
      expect(fromPg.map(({ id: _id, ...r }) => r)).toEqual(fromSqlite.map(({ id: _id, ...r }) => r));
      expect(fromPg[0]?.requestPhone).toBe(1);
    } finally {
      lite.$client.close();
    }
  });

  it('each claim walks its partial index and stops at the limit, however long the backlog', async () => {
    await instances.a.execute(sql`
      INSERT INTO outbox (contact_id, address, channel, text, status, priority, next_attempt_at, created_at, claimed_until)
      SELECT 1, 'tel:' || g, 'sms', 'x', CASE WHEN g % 100 = 0 THEN 'sending' WHEN g % 3 = 0 THEN 'queued' ELSE 'sent' END,
             g % 2, ${T0}::bigint - g, ${T0}::bigint, CASE WHEN g % 100 = 0 THEN ${T0}::bigint - 1 END
        FROM generate_series(1, 60000) g`);
    await instances.a.execute(sql`ANALYZE outbox`);
    const plan = async (kind: ClaimKind) => {
      const r = await instances.a.execute<{ 'QUERY PLAN': unknown }>(
        sql`EXPLAIN (FORMAT JSON) ${claimStatement(kind, { channel: 'sms', now: T0, limit: 50, leaseUntil: T0 + LEASE })}`,
      );
      return JSON.stringify(r.rows[0]?.['QUERY PLAN']);
    };
    const due = await plan('due');
    expect(due).toContain('outbox_due_idx');
    expect(due).not.toContain('Seq Scan');
    const expired = await plan('expired');
    expect(expired).toContain('outbox_lease_idx');
    expect(expired).not.toContain('Seq Scan');
    const rows = await claimOutboxRows(instances.b, { channel: 'sms', limit: 50, now: T0, leaseMs: LEASE });
    expect(rows).toHaveLength(50);
    // The 600 abandoned rows come first.
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const states = await instances.a.execute<{ n: number }>(sql`SELECT count(*) AS n FROM outbox WHERE status = 'sending' AND claimed_until = ${T0 + LEASE}`);
    expect(states.rows[0]?.n).toBe(50);
  });

  it('takes abandoned rows before due ones, and never more than the limit in all', async () => {
    await instances.a.insert(outbox).values([row(1), row(2), row(3)]);
    await claimOutboxRows(instances.a, { channel: 'sms', limit: 2, now: T0, leaseMs: LEASE });
    await instances.a.insert(outbox).values([row(4), row(5)]);
    const rows = await claimOutboxRows(instances.b, { channel: 'sms', limit: 3, now: T0 + LEASE, leaseMs: LEASE });
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.attempts === 2)).toHaveLength(2);
  });
});
