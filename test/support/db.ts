import { openDb, type Db } from '../../db/client.ts';
import { seedDefaults } from '../../db/seed/seed.ts';

/** A fresh in-memory database from the real migrations, seeded with the default campaign and unit tree. */
export function freshDb(now = new Date('2026-05-20T03:00:00Z')): Db {
  const db = openDb(':memory:');
  seedDefaults(db, { now, launchAt: '2026-05-23T08:00' });
  return db;
}
