import { openDb, type Db } from '../../db/client.ts';
import { seedDefaults } from '../../db/seed/seed.ts';
import type { UnitTree } from '../../db/seed/units.ts';

/** A fresh in-memory database from the real migrations, seeded with the default campaign and unit tree. */
export async function freshDb(now = new Date('2026-05-20T03:00:00Z'), tree: UnitTree = '2025-03'): Promise<Db> {
  const db = openDb(':memory:');
  // Most tests were written on the 2020-era tree (districts); tests of the current tree pass 'tree'.
  await seedDefaults(db, { now, launchAt: '2026-05-23T08:00', unitTree: tree });
  return db;
}
