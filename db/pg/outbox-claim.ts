/**
 * Claiming outbox rows when several instances send from one PostgreSQL database.
 *
 * SQLite's claim (db/queries/outbox.ts) flips due rows to `sending`, and a restarted instance requeues every
 * `sending` row it finds (recover()): right for one instance, wrong for several, where those rows may belong to
 * a live instance. Here each claim also sets a lease, `claimed_until`:
 * - `FOR UPDATE SKIP LOCKED`: two instances claiming at the same moment take different rows, and neither waits
 *   for the other's transaction;
 * - a `sending` row whose lease has expired is taken for abandoned (its instance died mid-send) and claimed again,
 *   its attempt counted; a row under a live lease is never claimed. So no start-up recover() on PostgreSQL.
 * A row sent just before its instance died is sent again after the lease: the duplicate bound is the in-flight
 * window, as on SQLite (see OUTBOX_IN_FLIGHT in src/jobs/send-outbox.ts).
 *
 * Not wired yet: the send loop still calls the SQLite claim.
 */
import { sql } from 'drizzle-orm';
import type { OutboxClaimRow } from '../queries/outbox.ts';
import type { PgDb } from './client.ts';

/**
 * How long a claimed row belongs to its instance. It must outlast the slowest send of a pass (rows wait behind
 * OUTBOX_IN_FLIGHT concurrent requests, each bounded by its provider's timeout), or a slow but live instance's
 * rows are claimed and sent a second time.
 */
export const DEFAULT_OUTBOX_LEASE_MS = 2 * 60_000;

export interface ClaimOptions {
  channel: string;
  /** Most rows to claim (the channel's free rate-limit slots). */
  limit: number;
  /** Milliseconds since the epoch (the service's clock). */
  now: number;
  leaseMs?: number;
}

/**
 * Claim up to `limit` due rows of one channel (queued and due, or in flight under an expired lease): status →
 * sending, attempts + 1, lease until now + leaseMs. Rows come back in the shape and order of the SQLite claim
 * (replies first, then by due time and id; booleans as 0/1, quick replies as their JSON text).
 */
export async function claimOutboxRows(db: PgDb, opts: ClaimOptions): Promise<OutboxClaimRow[]> {
  const leaseUntil = opts.now + (opts.leaseMs ?? DEFAULT_OUTBOX_LEASE_MS);
  const result = await db.execute<OutboxClaimRow & Record<string, unknown>>(sql`
    WITH due AS (
      SELECT id FROM outbox
       WHERE channel = ${opts.channel}
         AND ((status = 'queued' AND next_attempt_at <= ${opts.now}) OR (status = 'sending' AND claimed_until <= ${opts.now}))
       ORDER BY priority, next_attempt_at, id
       LIMIT ${opts.limit}
       FOR UPDATE SKIP LOCKED)
    UPDATE outbox o SET status = 'sending', attempts = o.attempts + 1, claimed_until = ${leaseUntil}
      FROM due WHERE o.id = due.id
    RETURNING o.id, o.contact_id AS "contactId", o.address, o.channel, o.text, o.quick_replies AS "quickReplies",
              o.request_phone::int AS "requestPhone", o.priority, o.attempts, o.next_attempt_at AS "nextAttemptAt",
              o.keep_diacritics::int AS "keepDiacritics", o.broadcast_id AS "broadcastId"`);
  // RETURNING does not keep the subquery's order.
  return result.rows.sort((a, b) => a.priority - b.priority || a.nextAttemptAt - b.nextAttemptAt || a.id - b.id);
}
