/**
 * Both engines for tests written once: SQLite always, PostgreSQL when TEST_DATABASE_URL is set (else skipped, with
 * the one line test/support/pg.ts prints). `describe.each(ENGINES)` runs a block per engine; `engineDb(engine)`
 * gives each test a fresh, migrated and seeded database of that engine, dropped when the file ends.
 */
import { afterAll } from 'vitest';
import { closeDb, pgHandle, type Db, type Engine } from '../../db/client.ts';
import { openPgDb } from '../../db/pg/client.ts';
import { seedDefaults } from '../../db/seed/seed.ts';
import type { UnitTree } from '../../db/seed/units.ts';
import { freshDb } from './db.ts';
import { createTestDatabase, hasPg } from './pg.ts';

export const ENGINES: readonly Engine[] = hasPg ? ['sqlite', 'pg'] : ['sqlite'];

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const clean of cleanups.splice(0)) await clean();
});

/** The engine the service tests run on: SQLite, or PostgreSQL when the PostgreSQL pass sets TEST_ENGINE=pg. */
export const SERVICE_ENGINE: Engine = process.env['TEST_ENGINE'] === 'pg' && hasPg ? 'pg' : 'sqlite';

const templates = new Map<string, Promise<string>>();

/**
 * A fresh PostgreSQL database for one test service: a copy of a template that this test file migrated and seeded
 * once per unit tree (CREATE DATABASE … TEMPLATE copies it in a few milliseconds), dropped when the file ends.
 */
export async function pgServiceDatabase(tree: UnitTree): Promise<string> {
  let template = templates.get(tree);
  if (!template) {
    template = (async () => {
      const database = await createTestDatabase();
      const db = pgHandle(await openPgDb(database.url, { max: 2 }));
      await seedDefaults(db, { now: new Date('2026-05-20T03:00:00Z'), launchAt: '2026-05-23T08:00', unitTree: tree });
      await closeDb(db);
      cleanups.push(() => database.drop());
      return database.name;
    })();
    templates.set(tree, template);
  }
  const copy = await createTestDatabase(await template);
  cleanups.unshift(() => copy.drop());
  return copy.url;
}

/** A fresh database of this engine, seeded like freshDb (default campaign, the 2020-era tree unless told). */
export async function engineDb(engine: Engine, now = new Date('2026-05-20T03:00:00Z'), tree: UnitTree = '2025-03'): Promise<Db> {
  if (engine === 'sqlite') return freshDb(now, tree);
  const database = await createTestDatabase();
  const db = pgHandle(await openPgDb(database.url, { max: 4 }));
  cleanups.push(async () => {
    await closeDb(db);
    await database.drop();
  });
  await seedDefaults(db, { now, launchAt: '2026-05-23T08:00', unitTree: tree });
  return db;
}
