/**
 * The command line reaches the configured database: with DATABASE_URL, `migrate` and `seed` work on PostgreSQL
 * (an administrator's `create-admin` on a several-instance deployment must not land in a stray SQLite file).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closeDb, pgHandle, row } from '../../db/client.ts';
import { openPgDb } from '../../db/pg/client.ts';
import { hasPg, useTestDatabase } from '../support/pg.ts';

const BIN = fileURLToPath(new URL('../../bin/bhxh-outreach.js', import.meta.url));
const run = promisify(execFile);

describe.skipIf(!hasPg)('the command line on PostgreSQL', () => {
  const database = useTestDatabase();

  it('migrates and seeds the database DATABASE_URL names, and leaves DATA_DIR alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-cli-pg-'));
    const env = { ...process.env, DATABASE_URL: database.url(), DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const migrated = await run(process.execPath, [BIN, 'migrate'], { env });
    expect(migrated.stdout).toMatch(/migrations applied to PostgreSQL 127\.0\.0\.1:5432\/bhxh_test_/);
    const seeded = await run(process.execPath, [BIN, 'seed'], { env });
    expect(seeded.stdout).toMatch(/3355 units imported/);
    const db = pgHandle(await openPgDb(database.url(), { max: 2 }));
    try {
      expect(Number((await row<{ n: number }>(db, sql`SELECT count(*) AS n FROM units`))?.n)).toBe(3355);
    } finally {
      await closeDb(db);
    }
    expect(existsSync(join(dataDir, 'bhxh-outreach.db'))).toBe(false);
  }, 60_000);
});
