/**
 * One contact's messages are handled one at a time across instances: the handler runs in a transaction that first
 * takes a transaction-level advisory lock on the contact (pg_advisory_xact_lock), so a second message of the same
 * person, arriving at another instance, waits until the first one's conversation state is committed. PostgreSQL
 * frees the lock at commit or rollback, and when the connection dies.
 *
 * Within one instance, callers for the same key also queue in memory before they take a connection: ten quick
 * messages of one person then hold one pooled connection, not ten waiting on the same lock.
 *
 * Not wired yet: the dispatcher still runs on SQLite, where one process is serial by itself.
 */
import { sql } from 'drizzle-orm';
import type { PgDb } from './client.ts';
import { createLanes } from '../lanes.ts';
import { LOCK_SPACE, lockIdOf } from './lock-keys.ts';

export type PgTx = Parameters<Parameters<PgDb['transaction']>[0]>[0];

const queues = new WeakMap<PgDb, ReturnType<typeof createLanes>>();

/** Run `fn` after every earlier call with the same key on this db has settled. */
function inLine<T>(db: PgDb, key: string, fn: () => Promise<T>): Promise<T> {
  let lanes = queues.get(db);
  if (!lanes) {
    lanes = createLanes();
    queues.set(db, lanes);
  }
  return lanes(key, fn);
}

async function locked<T>(db: PgDb, space: number, id: number, fn: (tx: PgTx) => Promise<T>): Promise<T> {
  return inLine(db, `${space}:${id}`, () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${space}::int, ${id}::int)`);
      return fn(tx);
    }),
  );
}

/** Run `fn` in a transaction holding contact `contactId`'s lock: no other instance handles that contact meanwhile. */
export function withContactLock<T>(db: PgDb, contactId: number, fn: (tx: PgTx) => Promise<T>): Promise<T> {
  return locked(db, LOCK_SPACE.contact, contactId, fn);
}

/**
 * The same for an address not linked to a contact yet (a person's first message creates the contact: two first
 * messages must not create two). A hash collision only makes two addresses wait for each other.
 */
export function withAddressLock<T>(db: PgDb, address: string, fn: (tx: PgTx) => Promise<T>): Promise<T> {
  return locked(db, LOCK_SPACE.address, lockIdOf(address), fn);
}
