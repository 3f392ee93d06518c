/**
 * Broadcast queries: who an audience reaches, queueing in chunks inside the database (INSERT … SELECT, never the
 * audience in the process), statistics and the state changes of a broadcast. Imports nothing from src/.
 */
import type { Db } from '../client.ts';
import { inTransaction } from '../client.ts';
import { and, asc, desc, inArray, sql, type SQL } from 'drizzle-orm';
import { addresses, broadcasts, type BroadcastRow, type Role } from '../schema/index.ts';
import { cached } from './progress.ts';
import { inSubtree } from './unit-scope.ts';

/** Channels an address can be on (the schema's enum). */
export const ADDRESS_CHANNELS = addresses.channel.enumValues;
export type AddressChannel = (typeof ADDRESS_CHANNELS)[number];

/** Who a broadcast goes to: residents only if subscribed; never the opted-out. */
export interface AudienceFilter {
  roles: Role[];
  /** People of this unit and the units below it (residents have one once they named their commune or province). */
  unitCode?: string | undefined;
  /** Only people with an address on one of these channels. */
  channels?: AddressChannel[] | undefined;
}

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * SELECT of every audience member's id `cid` and chosen address id `aid` (most recently used, not stopped; never
 * used last). The ORDER BY matches addresses_reach_idx, so the choice is one index seek per person.
 */
function audienceSelect(a: AudienceFilter, extraWhere?: SQL): SQL {
  const channels = a.channels && a.channels.length > 0 ? a.channels : null;
  const onChannels = channels ? sql` AND a2.channel IN (${list(channels)})` : sql``;
  const inUnit = a.unitCode ? inSubtree(sql.raw('c.unit_code'), a.unitCode) : undefined;
  return sql`SELECT c.id AS cid,
      (SELECT a2.id FROM addresses a2 WHERE a2.contact_id = c.id AND a2.stopped_at IS NULL${onChannels}
        ORDER BY a2.last_inbound_at DESC NULLS LAST, a2.id DESC LIMIT 1) AS aid
    FROM contacts c
    WHERE c.role IN (${list(a.roles)}) AND c.opted_out = 0 AND (c.role <> 'resident' OR c.subscribed = 1)${inUnit ? sql` AND ${inUnit}` : sql``}${
      // With a channel filter, the audience is the people known on those channels (reachable or not).
      channels ? sql` AND EXISTS (SELECT 1 FROM addresses a3 WHERE a3.contact_id = c.id AND a3.channel IN (${list(channels)}))` : sql``
    }${extraWhere ?? sql``}`;
}

/** One channel's share of an audience range: people, and the first of them (by id) for a sample. */
export interface AudienceSlice {
  /** The channel of the address they would get it on; 'none' = no reachable address. */
  channel: string;
  n: number;
  first: number;
}

/**
 * The audience among contact ids (from, to], per channel of each person's chosen address. Counting a million
 * people is ~0.5 s of SQLite; callers walk the ids in short ranges (flows/broadcast/count.ts) so the event loop
 * is never held that long.
 */
export function countAudienceRange(db: Db, a: AudienceFilter, from: number, to: number): AudienceSlice[] {
  return db.all<AudienceSlice>(
    sql`SELECT coalesce(ad.channel, 'none') AS channel, count(*) AS n, min(s.cid) AS first
          FROM (${audienceSelect(a, sql` AND c.id > ${from} AND c.id <= ${to}`)}) s LEFT JOIN addresses ad ON ad.id = s.aid GROUP BY 1`,
  );
}

/** The highest contact id now: queueing walks ids up to it, so people added later are not included. */
export function maxContactId(db: Db): number {
  return (cached(db, 'SELECT coalesce(max(id), 0) AS m FROM contacts').get() as { m: number }).m;
}

/** What one queueing statement covers: contact ids in (from, to], the broadcast, and the row time. */
export interface QueueRange {
  from: number;
  to: number;
  now: Date;
  keepDiacritics: boolean;
  broadcastId: number;
}

/**
 * The statement that queues a range of a broadcast: one outbox row per audience member, text empty (rendered per
 * person when sent), `skipped`/`no_address` when nobody can be reached. It has no unique index to lean on (one
 * more index entry per row costs a million-row broadcast ~0.3 s): a range is queued once because queueNextChunk
 * inserts it and advances the cursor in one transaction.
 */
export function queueRowsSql(a: AudienceFilter, r: QueueRange): SQL {
  const now = r.now.getTime();
  return sql`INSERT INTO outbox (contact_id, address, channel, text, priority, status, reason, error, attempts, next_attempt_at,
                          keep_diacritics, broadcast_id, created_at, request_phone)
    SELECT s.cid, coalesce(ad.address, ''), coalesce(ad.channel, 'none'), '', 1,
           CASE WHEN ad.id IS NULL THEN 'skipped' ELSE 'queued' END,
           CASE WHEN ad.id IS NULL THEN 'no_address' END,
           CASE WHEN ad.id IS NULL THEN 'no reachable address' END,
           0, ${now}, ${r.keepDiacritics ? 1 : 0}, ${r.broadcastId}, ${now}, 0
      FROM (${audienceSelect(a, sql` AND c.id > ${r.from} AND c.id <= ${r.to}`)}) s LEFT JOIN addresses ad ON ad.id = s.aid
`;
}

/**
 * Queue the next chunk of a broadcast that is `sending` and advance its cursor, in one transaction. Returns the
 * rows added and whether the whole audience is now queued.
 */
export function queueNextChunk(db: Db, b: BroadcastRow, a: AudienceFilter, now: Date, chunk: number): { added: number; done: boolean } {
  const until = b.queueUntilId ?? 0;
  return inTransaction(db, () => {
    const cur = cached(db, 'SELECT status, queued_through AS through FROM broadcasts WHERE id = ?').get(b.id) as { status: string; through: number } | undefined;
    if (!cur || cur.status !== 'sending' || cur.through >= until) return { added: 0, done: true };
    const to = Math.min(until, cur.through + chunk);
    const before = (cached(db, 'SELECT coalesce(max(id), 0) AS m FROM outbox').get() as { m: number }).m;
    const added = db.run(queueRowsSql(a, { from: cur.through, to, now, keepDiacritics: b.keepDiacritics, broadcastId: b.id })).changes;
    // The rows above `before` are this chunk's (nobody else writes inside this transaction): count them.
    if (added > 0) {
      countChunk(db, b.id, before, now.getTime(), added);
      cached(db, 'UPDATE broadcasts SET first_outbox_id = coalesce(first_outbox_id, ?) WHERE id = ?').run(before + 1, b.id);
    }
    cached(db, 'UPDATE broadcasts SET queued_through = ?, queued_count = queued_count + ? WHERE id = ?').run(to, added, b.id);
    return { added, done: to >= until };
  });
}

/**
 * Rows of one chunk (ids above :after) waiting on one channel, counted in the due index alone: a chunk's rows all
 * have priority 1 and next_attempt_at :at. Reading the rows themselves costs ~0.45 µs each, ~0.4 s per million.
 */
const COUNT_CHUNK_QUEUED = `SELECT count(*) AS n FROM outbox
  WHERE status = 'queued' AND channel = :channel AND priority = 1 AND next_attempt_at = :at AND id > :after`;
const ADD_COUNT = `INSERT INTO broadcast_counts (broadcast_id, status, channel, reason, n) VALUES (:id, :status, :channel, :reason, :n)
  ON CONFLICT DO UPDATE SET n = n + excluded.n`;

/** Add one chunk's rows to the broadcast's counters: queued per channel, the rest skipped (no reachable address). */
function countChunk(db: Db, id: number, after: number, at: number, added: number): void {
  let queued = 0;
  for (const channel of ADDRESS_CHANNELS) {
    const n = (cached(db, COUNT_CHUNK_QUEUED).get({ channel, at, after }) as { n: number }).n;
    if (n > 0) cached(db, ADD_COUNT).run({ id, status: 'queued', channel, reason: '', n });
    queued += n;
  }
  if (added > queued) cached(db, ADD_COUNT).run({ id, status: 'skipped', channel: 'none', reason: 'no_address', n: added - queued });
}

/** Counts of a broadcast's rows by status, by channel (and status), and by reason (held, skipped or failed). */
export interface BroadcastStats {
  byStatus: Record<string, number>;
  byChannel: Record<string, Record<string, number>>;
  byReason: Record<string, number>;
}

/** Statistics of one broadcast, from its counters (broadcast_counts: a few rows, whatever the audience's size). */
export function broadcastStats(db: Db, id: number): BroadcastStats {
  const rows = cached(db, "SELECT status, channel, nullif(reason, '') AS reason, n FROM broadcast_counts WHERE broadcast_id = ? AND n > 0").all(id) as {
    status: string;
    channel: string;
    reason: string | null;
    n: number;
  }[];
  const stats: BroadcastStats = { byStatus: { queued: 0, sending: 0, sent: 0, delivered: 0, failed: 0, skipped: 0 }, byChannel: {}, byReason: {} };
  for (const r of rows) {
    stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + r.n;
    const ch = (stats.byChannel[r.channel] ??= {});
    ch[r.status] = (ch[r.status] ?? 0) + r.n;
    if (r.reason) stats.byReason[r.reason] = (stats.byReason[r.reason] ?? 0) + r.n;
  }
  return stats;
}

/** True while some row of the broadcast is still waiting or being sent. */
export function hasUnsentRows(db: Db, id: number): boolean {
  return cached(db, "SELECT 1 AS x FROM broadcast_counts WHERE broadcast_id = ? AND status IN ('queued', 'sending') AND n > 0 LIMIT 1").get(id) !== undefined;
}

/**
 * Drop the rows of a broadcast that were not sent yet (rows being sent right now finish), and their counts.
 * Returns how many. Its rows are read by id from its first one up (the outbox has no broadcast index); call it
 * inside a transaction so the counts and the rows move together.
 */
export function dropUnsentRows(db: Db, id: number): number {
  const first = (cached(db, 'SELECT first_outbox_id AS f FROM broadcasts WHERE id = ?').get(id) as { f: number | null } | undefined)?.f;
  if (first === null || first === undefined) return 0;
  const dropped = cached(db, "DELETE FROM outbox WHERE id >= ? AND broadcast_id = ? AND status = 'queued'").run(first, id).changes;
  cached(db, "DELETE FROM broadcast_counts WHERE broadcast_id = ? AND status = 'queued'").run(id);
  return dropped;
}

/** Broadcasts created within a scope that are still to come (draft, scheduled or sending), soonest first. */
export function upcomingBroadcasts(db: Db, scope: string, limit = 20): BroadcastRow[] {
  return db
    .select()
    .from(broadcasts)
    .where(and(inArray(broadcasts.status, ['draft', 'scheduled', 'sending']), inSubtree(broadcasts.scopeCode, scope)))
    .orderBy(sql`${broadcasts.sendAt} IS NULL`, asc(broadcasts.sendAt), asc(broadcasts.id))
    .limit(limit)
    .all();
}

/** Broadcasts created within a scope, newest first (the console's list). */
export function listBroadcasts(db: Db, scope: string, limit = 200): BroadcastRow[] {
  return db.select().from(broadcasts).where(inSubtree(broadcasts.scopeCode, scope)).orderBy(desc(broadcasts.id)).limit(limit).all();
}
