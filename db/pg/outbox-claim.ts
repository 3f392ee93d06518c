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
import { sql, type SQL } from 'drizzle-orm';
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

/** The rows a claim may take: in flight under an expired lease, or queued and due. */
export type ClaimKind = 'expired' | 'due';

/**
 * One claim statement. The two kinds are claimed by separate statements because each then walks its own partial
 * index in order and stops after `limit` rows (outbox_lease_idx, outbox_due_idx); one statement with an OR of
 * both made PostgreSQL read and sort the whole backlog on every pass (240 ms for 300,000 queued rows, against
 * 0.1 ms).
 */
export function claimStatement(kind: ClaimKind, opts: { channel: string; now: number; limit: number; leaseUntil: number }): SQL {
  const which =
    kind === 'expired'
      ? sql`status = 'sending' AND claimed_until <= ${opts.now}`
      : sql`status = 'queued' AND next_attempt_at <= ${opts.now}`;
  return sql`
    WITH picked AS (
      SELECT id FROM outbox
       WHERE channel = ${opts.channel} AND ${which}
       ORDER BY priority, next_attempt_at, id
       LIMIT ${opts.limit}
       FOR UPDATE SKIP LOCKED)
    UPDATE outbox o SET status = 'sending', attempts = o.attempts + 1, claimed_until = ${opts.leaseUntil}
      FROM picked WHERE o.id = picked.id
    RETURNING o.id, o.contact_id AS "contactId", o.address, o.channel, o.text, o.quick_replies AS "quickReplies",
              o.request_phone::int AS "requestPhone", o.priority, o.attempts, o.next_attempt_at AS "nextAttemptAt",
              o.keep_diacritics::int AS "keepDiacritics", o.broadcast_id AS "broadcastId"`;
}

/**
 * Claim up to `limit` rows of one channel: first rows abandoned under an expired lease (they waited longest),
 * then queued rows that are due. Each: status → sending, attempts + 1, lease until now + leaseMs. Rows come back
 * in the shape and order of the SQLite claim (replies first, then by due time and id; booleans as 0/1, quick
 * replies as their JSON text).
 */
export async function claimOutboxRows(db: PgDb, opts: ClaimOptions): Promise<OutboxClaimRow[]> {
  const leaseUntil = opts.now + (opts.leaseMs ?? DEFAULT_OUTBOX_LEASE_MS);
  const run = async (kind: ClaimKind, limit: number) =>
    (await db.execute<OutboxClaimRow & Record<string, unknown>>(claimStatement(kind, { channel: opts.channel, now: opts.now, limit, leaseUntil }))).rows;
  const rows = await run('expired', opts.limit);
  if (rows.length < opts.limit) rows.push(...(await run('due', opts.limit - rows.length)));
  // RETURNING does not keep the subquery's order.
  return rows.sort((a, b) => a.priority - b.priority || a.nextAttemptAt - b.nextAttemptAt || a.id - b.id);
}
