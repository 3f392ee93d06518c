import { sql } from 'drizzle-orm';
import { execute, type Db } from '../../db/client.ts';

/** Seed `n` subscribed residents, each with one address: half Zalo, a third SMS, the rest Telegram. Inside SQLite. */
export async function seedResidents(db: Db, n: number): Promise<void> {
  const now = Date.now();
  await execute(
    db,
    sql`WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n})
        INSERT INTO contacts (name, role, subscribed, created_at) SELECT 'Người dân ' || i, 'resident', 1, ${now} FROM seq`,
  );
  await execute(
    db,
    sql`INSERT INTO addresses (address, channel, contact_id, created_at)
      SELECT CASE WHEN id % 6 < 3 THEN 'zalo:' || (8400000000000000000 + id)
                  WHEN id % 6 < 5 THEN 'tel:+8491' || printf('%07d', id % 10000000)
                  ELSE 'telegram:' || (100000 + id) END,
             CASE WHEN id % 6 < 3 THEN 'zalo' WHEN id % 6 < 5 THEN 'sms' ELSE 'telegram' END,
             id, ${now}
        FROM contacts WHERE role = 'resident'`,
  );
}
