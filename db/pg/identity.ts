/**
 * SQLite moves an AUTOINCREMENT counter past any id inserted explicitly; a PostgreSQL identity column does not,
 * so the next default id collides with the explicit one ("Key (id)=(1) already exists"). Code that inserts
 * explicit ids (seeds, imports, tests that pin ids) calls this afterwards on PostgreSQL. The service's own
 * writes never pin ids.
 */
import { sql } from 'drizzle-orm';
import type { PgDb } from './client.ts';

/** Move every identity sequence of the public schema past its column's largest id. */
export async function syncIdentitySequences(db: Pick<PgDb, 'execute'>): Promise<void> {
  const cols = await db.execute<{ table_name: string; column_name: string }>(
    sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'`,
  );
  for (const { table_name: t, column_name: c } of cols.rows) {
    await db.execute(
      sql`SELECT setval(pg_get_serial_sequence(${`"${t}"`}, ${c}), coalesce((SELECT max(${sql.identifier(c)}) FROM ${sql.identifier(t)}), 0) + 1, false)`,
    );
  }
}
