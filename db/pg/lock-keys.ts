/**
 * PostgreSQL advisory locks are keyed by two 32-bit integers (space, id). Every advisory lock this service takes
 * uses a space from here, so a contact id can never collide with the leader's key or another kind of lock.
 * The numbers are arbitrary but must never change while instances of two versions share a database.
 */
export const LOCK_SPACE = {
  /** Applying migrations at start-up (id 0). */
  migrations: 0x62680001,
  /** The leader that runs jobs (id = the election's name hashed, see leader.ts). */
  leader: 0x62680002,
  /** One contact's messages (id = contacts.id). */
  contact: 0x62680003,
  /** An address with no contact yet (id = hashtext(address)). */
  address: 0x62680004,
} as const;
