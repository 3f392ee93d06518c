/**
 * PostgreSQL for tests. With TEST_DATABASE_URL set (any database on the server, e.g. postgres://postgres@127.0.0.1/postgres)
 * each test file gets a database of its own, created before its tests and dropped after them. Without it the
 * PostgreSQL tests are skipped (`describe.skipIf(!hasPg)`, as test/browser does without chromium) and the run
 * prints one line saying so.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import pg from 'pg';
import { closePgDb, openPgDb, type PgDb } from '../../db/pg/client.ts';
import { afterAll, beforeAll } from 'vitest';

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] || undefined;
export const hasPg = TEST_DATABASE_URL !== undefined;

if (!hasPg) noteSkippedOnce();

/**
 * Test files run in workers of one vitest run (child processes with the default `forks` pool, threads with
 * `threads`); the first to get here writes a marker named after the run's main process, so the line appears once
 * per run, not once per file.
 */
function noteSkippedOnce(): void {
  const runPid = isMainThread ? process.ppid : process.pid;
  try {
    closeSync(openSync(join(tmpdir(), `bhxh-pg-skipped-${runPid}`), 'wx'));
  } catch {
    return;
  }
  process.stderr.write('PostgreSQL pass skipped: TEST_DATABASE_URL is not set (.ci/run sets it).\n');
}

/** The URL of another database on the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Run `fn` on a short-lived connection to the server's maintenance database (CREATE/DROP DATABASE). */
async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Create an empty database with a random name and return its URL and how to drop it. */
export async function createTestDatabase(template?: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `bhxh_test_${randomBytes(6).toString('hex')}`;
  await onServer((c) => c.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`));
  return {
    name,
    url: withDatabase(TEST_DATABASE_URL, name),
    // FORCE: a test that failed half-way may leave connections open; they must not keep the database alive.
    drop: () => onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * A database for this test file: created in beforeAll, dropped in afterAll. Call at the top of a
 * `describe.skipIf(!hasPg)` block; `url()` is valid inside tests and hooks.
 */
export function useTestDatabase(): { url(): string } {
  let db: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  return {
    url() {
      if (!db) throw new Error('the test database is created in beforeAll');
      return db.url;
    },
  };
}

/**
 * Two connection pools on one test database, as two instances of the service hold them: opened before the file's
 * tests, closed after. Call at the top of a `describe.skipIf(!hasPg)` block: `instances.a` and `instances.b` are
 * valid inside tests and hooks.
 */
export function useTwoInstances(database: { url(): string }): { a: PgDb; b: PgDb } {
  const instances = {} as { a: PgDb; b: PgDb };
  beforeAll(async () => {
    instances.a = await openPgDb(database.url());
    instances.b = await openPgDb(database.url());
  });
  afterAll(async () => {
    await Promise.all([instances.a && closePgDb(instances.a), instances.b && closePgDb(instances.b)]);
  });
  return instances;
}
