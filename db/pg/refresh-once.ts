/**
 * A single-use refresh token (Zalo's: each refresh returns a successor and kills the old one) shared by several
 * instances. Spending it twice breaks the channel until an operator pastes a new token, so it is spent with its
 * `settings` row locked (SELECT … FOR UPDATE): an instance that needs a refresh while another is refreshing waits
 * for that one's commit, then sees the result already there and does not refresh again.
 *
 * Not wired yet: bots/zalo/tokens.ts refreshes in a single flight per process, on SQLite.
 */
import { sql } from 'drizzle-orm';
import type { PgDb } from './client.ts';
import type { PgTx } from './contact-lock.ts';

/** Thrown when the row that should hold the token does not exist (nothing to spend, nothing to lock). */
export class RefreshTokenMissingError extends Error {
  constructor(key: string) {
    super(`no ${key} row in settings: seed the refresh token first`);
    this.name = 'RefreshTokenMissingError';
  }
}

export interface RefreshOnceOptions<T> {
  /** The `settings` key of the row holding the refresh token. */
  key: string;
  /** The service's clock (settings.updated_at). */
  now: Date;
  /**
   * Called with the row locked, before spending: the result another instance produced while this one waited
   * (e.g. a live access token other than the one the provider just refused), or undefined to refresh now.
   */
  alreadyDone(tx: PgTx): Promise<T | undefined>;
  /**
   * Spend `token` at the provider, with the row still locked; return its successor and the result. Anything else to
   * store (the access token, its expiry) is written through `tx`, in the same transaction as the successor.
   */
  spend(token: string, tx: PgTx): Promise<{ next: string; result: T }>;
  /** Longest wait for another instance's refresh (default 30 s). */
  lockTimeoutMs?: number;
}

export async function refreshOnce<T>(db: PgDb, opts: RefreshOnceOptions<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('lock_timeout', ${String(opts.lockTimeoutMs ?? 30_000)}, true)`);
    const row = await tx.execute<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${opts.key} FOR UPDATE`);
    const token = row.rows[0]?.value;
    if (token === undefined) throw new RefreshTokenMissingError(opts.key);
    const done = await opts.alreadyDone(tx);
    if (done !== undefined) return done;
    const { next, result } = await opts.spend(token, tx);
    await tx.execute(sql`UPDATE settings SET value = ${next}, updated_at = ${opts.now.getTime()} WHERE key = ${opts.key}`);
    return result;
  });
}
