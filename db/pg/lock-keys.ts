/**
 * PostgreSQL advisory locks are keyed by two 32-bit integers (space, id). Every advisory lock this service takes
 * uses a space from here, so a contact id can never collide with the leader's key or another kind of lock.
 * The numbers are arbitrary but must never change while instances of two versions share a database.
 */
export const LOCK_SPACE = {
  /** Applying migrations at start-up (id 0). */
  migrations: 0x62680001,
  /** The leader that runs jobs (id = lockIdOf(the election's name)). */
  leader: 0x62680002,
  /** One contact's messages (id = contacts.id). */
  contact: 0x62680003,
  /** An address with no contact yet (id = lockIdOf(address)). */
  address: 0x62680004,
} as const;

/** A 32-bit id for a text key (FNV-1a of its UTF-8 bytes): computed here, so it never depends on the server's version. */
export function lockIdOf(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) h = Math.imul(h ^ byte, 0x01000193);
  return h | 0;
}
