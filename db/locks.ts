/**
 * Serialising the work of one person across instances. On PostgreSQL a transaction-level advisory lock, held
 * until the transaction ends (commit, rollback, or the connection dying): a second message of the same person,
 * arriving at another instance, waits until the first one's conversation state is committed. On SQLite one
 * process handles every message in turn already, so there is nothing to take.
 */
import { sql } from 'drizzle-orm';
import { engineOf, execute, type Db } from './client.ts';
import { LOCK_SPACE, lockIdOf } from './pg/lock-keys.ts';

/** Take the lock of an address (before its contact is known: two first messages must not create two contacts). */
export async function lockAddress(db: Db, address: string): Promise<void> {
  if (engineOf(db) === 'pg') await execute(db, sql`SELECT pg_advisory_xact_lock(${LOCK_SPACE.address}::int, ${lockIdOf(address)}::int)`);
}

/** Take the lock of a contact (its conversation state and consent), for the rest of the transaction. */
export async function lockContact(db: Db, contactId: number): Promise<void> {
  if (engineOf(db) === 'pg') await execute(db, sql`SELECT pg_advisory_xact_lock(${LOCK_SPACE.contact}::int, ${contactId}::int)`);
}
