/**
 * The PostgreSQL handle for several instances (DATABASE_URL=postgres://…): a pg Pool, the committed migrations of
 * db/pg/migrations applied on open, and drizzle's node-postgres driver over the schema mirror in db/pg/schema.
 * Not wired into the service yet: src/service.ts still opens SQLite (db/client.ts) only.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';
import { LOCK_SPACE } from './lock-keys.ts';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export const PG_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * SQLite hands raw queries numbers; node-postgres hands int8 (our millisecond times, count(*), sum()) and numeric
 * as strings. Parse them as numbers so raw SQL returns the same values on both engines. A value beyond 2^53 would
 * lose digits, so it stays a string: none of our columns gets near it (times, counts, ids), but the catalog does
 * (a bigint sequence's maximum, read when drizzle-kit inspects the database).
 *
 * Set on pg's global parsers, not per pool: drizzle's node-postgres driver passes its own per-query `types`
 * that fall back to the global ones, so a pool's `types` option never takes effect for drizzle queries.
 */
function parseInt8(text: string): number | string {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}
pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

export interface OpenPgOptions {
  /** Connections in the pool (node-postgres defaults to 10). */
  max?: number;
  /** Name shown in pg_stat_activity, e.g. the instance's host name. */
  applicationName?: string;
  /** Told when an idle connection is lost (the pool replaces it); the service passes its logger here. */
  onIdleError?: (err: Error) => void;
}

/** The pool settings every connection of this service uses (also used for the leader's dedicated connection). */
export function pgConfig(url: string, opts: OpenPgOptions = {}): pg.PoolConfig {
  return {
    connectionString: url,
    // At least two: applying migrations holds one connection for the lock while drizzle migrates on another.
    max: Math.max(2, opts.max ?? 10),
    application_name: opts.applicationName ?? 'bhxh-outreach',
    // A dead server or network must not hang a request (or the leader's check) for the kernel's TCP timeout.
    keepAlive: true,
    connectionTimeoutMillis: 10_000,
  };
}

/**
 * Open a pool on `url`, apply the committed PostgreSQL migrations and return the drizzle handle. Instances that
 * start together take turns: the migrations run under a session advisory lock, so the second one finds them
 * applied instead of failing on a half-created table.
 */
export async function openPgDb(url: string, opts: OpenPgOptions = {}): Promise<PgDb> {
  const pool = new pg.Pool(pgConfig(url, opts));
  // An idle client that loses its connection (server restart, pg_terminate_backend) emits 'error' on the pool;
  // unhandled, it would end the process. The pool drops that client and opens a new one on the next query.
  pool.on('error', (err) => opts.onIdleError?.(err));
  const db = drizzle(pool, { schema }) as PgDb;
  try {
    await migrateLocked(db);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return db;
}

async function migrateLocked(db: PgDb): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_SPACE.migrations, 0]);
    try {
      await migrate(db, { migrationsFolder: PG_MIGRATIONS_DIR });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE.migrations, 0]);
    }
  } finally {
    client.release();
  }
}

/** Close the pool (waits for checked-out clients to be released). */
export async function closePgDb(db: PgDb): Promise<void> {
  await db.$client.end();
}

/** A cheap round trip, for health checks. */
export async function pingPg(db: PgDb): Promise<void> {
  await db.execute(sql`SELECT 1`);
}
