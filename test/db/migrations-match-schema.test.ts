/**
 * For each engine, the committed migrations' latest snapshot describes the schema in the code: drizzle-kit's own
 * diff between the two finds nothing to generate. A schema change without `npm run db:generate` (SQLite) or
 * `npm run db:generate:pg` (PostgreSQL) fails here. The SQL files themselves are checked by applying them: the
 * SQLite ones in test/db/migrations.test.ts, the PostgreSQL ones against a real server in test/db/pg-client.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDrizzleJson, generateMigration, generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import * as sqliteSchema from '../../db/schema/index.ts';
import * as pgSchema from '../../db/pg/schema/index.ts';
import { MIGRATIONS_DIR } from '../../db/client.ts';
import { PG_MIGRATIONS_DIR } from '../../db/pg/client.ts';

/** The snapshot drizzle-kit wrote with the newest migration of a folder (the journal's last entry). */
function latestSnapshot(dir: string): Record<string, unknown> & { id: string } {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.at(-1);
  if (!last) throw new Error(`no migrations in ${dir}`);
  expect(last.tag.startsWith(String(last.idx).padStart(4, '0'))).toBe(true);
  return JSON.parse(readFileSync(join(dir, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8')) as Record<string, unknown> & { id: string };
}

describe('committed migrations match the schema', () => {
  it('SQLite: drizzle-kit finds nothing to generate from db/schema', async () => {
    const last = latestSnapshot(MIGRATIONS_DIR);
    const current = await generateSQLiteDrizzleJson(sqliteSchema, last.id);
    expect(await generateSQLiteMigration(last as never, current)).toEqual([]);
  });

  it('PostgreSQL: drizzle-kit finds nothing to generate from db/pg/schema', async () => {
    const last = latestSnapshot(PG_MIGRATIONS_DIR);
    const current = generateDrizzleJson(pgSchema, last.id);
    expect(await generateMigration(last as never, current)).toEqual([]);
  });

  it('the check sees a change: a schema one migration behind differs', async () => {
    // The SQLite migrations before the latest one lack its changes, so the same diff must report statements.
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number }[] };
    const prevIdx = (journal.entries.at(-2)?.idx ?? 0).toString().padStart(4, '0');
    const prev = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', `${prevIdx}_snapshot.json`), 'utf8')) as { id: string };
    const current = await generateSQLiteDrizzleJson(sqliteSchema, prev.id);
    expect((await generateSQLiteMigration(prev as never, current)).length).toBeGreaterThan(0);
  });
});
