/**
 * db/pg/client.ts on a real PostgreSQL: the committed migrations build exactly the schema in the code, instances
 * starting together migrate once, and values come back as the SQLite path returns them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { pushSchema } from 'drizzle-kit/api';
import { PgDialect } from 'drizzle-orm/pg-core';
import { openDb } from '../../db/client.ts';
import * as sqliteSchema from '../../db/schema/index.ts';
import * as pgSchema from '../../db/pg/schema/index.ts';
import { closePgDb, openPgDb, PG_MIGRATIONS_DIR, type PgDb } from '../../db/pg/client.ts';
import { syncIdentitySequences } from '../../db/pg/identity.ts';
import { hasPg, useTestDatabase } from '../support/pg.ts';

/** drizzle-kit's push draws a spinner on stdout; the test output does not need it. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    process.stdout.write = write;
  }
}

/** How many migrations the PostgreSQL folder holds (its journal's entries). */
const MIGRATIONS = (JSON.parse(readFileSync(join(PG_MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

/**
 * The handle pushSchema introspects through. drizzle-kit's pushSchema runs every introspection query as
 * `execute(sql.raw(text))` and drops its parameters; the one query that has some asks for a table's composite primary
 * key name (`connamespace = $1::regnamespace AND relname = $2`), and fails without them. Answered here from the
 * schema 'public', which is exact while one table has a composite primary key (broadcast_counts); with more, it
 * throws rather than guess.
 */
function forPush(db: PgDb): PgDb {
  const dialect = new PgDialect();
  const compositePk = /connamespace = \$1::regnamespace\s+AND\s+pg_class\.relname = \$2;/;
  const execute = async (query: SQL) => {
    const text = dialect.sqlToQuery(query).sql;
    if (!compositePk.test(text)) return db.execute(query);
    const all = await db.execute(sql`SELECT conname AS primary_key FROM pg_constraint JOIN pg_class ON pg_class.oid = conrelid
      WHERE contype = 'p' AND connamespace = 'public'::regnamespace AND array_length(conkey, 1) > 1`);
    if (all.rows.length !== 1) throw new Error(`forPush: ${all.rows.length} composite primary keys; pushSchema cannot tell them apart`);
    return all;
  };
  return { execute } as unknown as PgDb;
}

describe.skipIf(!hasPg)('the PostgreSQL client', () => {
  const database = useTestDatabase();

  it('applies the committed migrations, and two instances starting together apply them once', async () => {
    const [a, b] = await Promise.all([openPgDb(database.url()), openPgDb(database.url())]);
    try {
      const applied = await a.execute<{ n: number }>(sql`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`);
      expect(applied.rows[0]?.n).toBe(MIGRATIONS);
      const tables = await b.execute<{ table_name: string }>(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(tables.rows.map((r) => r.table_name).sort()).toContain('outbox');
      // Opening again applies nothing twice.
      await closePgDb(await openPgDb(database.url()));
    } finally {
      await Promise.all([closePgDb(a), closePgDb(b)]);
    }
  });

  it('the migrated database is exactly the schema in db/pg/schema (drizzle-kit push finds nothing to do)', async () => {
    const db = await openPgDb(database.url());
    try {
      const push = await quietly(() => pushSchema(pgSchema, forPush(db) as never));
      expect(push.statementsToExecute).toEqual([]);
    } finally {
      await closePgDb(db);
    }
  });

  it('reads back what it wrote exactly as the SQLite path does (times as Date, booleans, JSON, ids)', async () => {
    const pg = await openPgDb(database.url());
    const lite = openDb(':memory:');
    try {
      const at = new Date('2026-05-20T03:00:00.123Z');
      const contact = { name: 'Nguyễn Thị Hoa', phone: '+84901234567', optedOut: true, optedOutAt: at, createdAt: at };
      const row = {
        contactId: 1,
        address: 'zalo:123',
        channel: 'zalo',
        text: 'Xin chào',
        quickReplies: ['Có', 'Không'],
        requestPhone: true,
        priority: 1,
        nextAttemptAt: at,
        createdAt: at,
      };
      // Key order and spacing of a JSON document survive (jsonb would sort the keys).
      const audit = { actor: 'admin', action: 'x', detail: { zeta: 1, alpha: [1, 2], 'tên': 'Hoà' }, at };
      lite.insert(sqliteSchema.contacts).values(contact).run();
      lite.insert(sqliteSchema.outbox).values(row).run();
      lite.insert(sqliteSchema.auditLog).values(audit).run();
      await pg.insert(pgSchema.contacts).values(contact);
      await pg.insert(pgSchema.outbox).values(row);
      await pg.insert(pgSchema.auditLog).values(audit);

      expect(await pg.select().from(pgSchema.contacts)).toEqual(lite.select().from(sqliteSchema.contacts).all());
      const [pgOutbox] = await pg.select().from(pgSchema.outbox);
      expect(pgOutbox).toEqual(lite.select().from(sqliteSchema.outbox).all()[0]);
      expect(pgOutbox).toHaveProperty('claimedUntil', null);
      const [pgAudit] = await pg.select().from(pgSchema.auditLog);
      expect(pgAudit).toEqual(lite.select().from(sqliteSchema.auditLog).all()[0]);
      expect(Object.keys(pgAudit?.detail as object)).toEqual(['zeta', 'alpha', 'tên']);
    } finally {
      lite.$client.close();
      await closePgDb(pg);
    }
  });

  it('raw SQL returns millisecond times and counts as numbers, as SQLite does', async () => {
    const db: PgDb = await openPgDb(database.url());
    try {
      const r = await db.execute<{ n: number; t: number; total: number }>(
        sql`SELECT count(*) AS n, max(next_attempt_at) AS t, sum(next_attempt_at) AS total FROM outbox`,
      );
      expect(r.rows[0]).toEqual({ n: 1, t: Date.parse('2026-05-20T03:00:00.123Z'), total: Date.parse('2026-05-20T03:00:00.123Z') });
    } finally {
      await closePgDb(db);
    }
  });

  it('ids inserted explicitly (seeds, tests) need the sequences moved past them, as SQLite does by itself', async () => {
    const db = await openPgDb(database.url());
    try {
      const at = new Date('2026-05-20T03:00:00Z');
      await db.insert(pgSchema.campaigns).values({ id: 7, slug: 'a', name: 'a', theme: 't', hotline: 'h', launchAt: at, startsOn: '2026-05-23', districtTarget: 1, messages: [], createdAt: at });
      const next = { slug: 'b', name: 'b', theme: 't', hotline: 'h', launchAt: at, startsOn: '2026-05-23', districtTarget: 1, messages: [], createdAt: at };
      // The identity hands out 1, 2, … regardless of the explicit 7; only a collision would show it, so force one.
      await db.execute(sql`SELECT setval(pg_get_serial_sequence('campaigns', 'id'), 7, false)`);
      await expect(db.insert(pgSchema.campaigns).values(next)).rejects.toThrow();
      await syncIdentitySequences(db);
      const [row] = await db.insert(pgSchema.campaigns).values(next).returning({ id: pgSchema.campaigns.id });
      expect(row?.id).toBe(8);
    } finally {
      await closePgDb(db);
    }
  });
});
