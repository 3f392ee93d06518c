/**
 * Broadcast queries: who an audience reaches, statistics and the rows of a broadcast. Queueing (INSERT … SELECT in
 * chunks, never the audience in the process) is in broadcast-queue.ts. Imports nothing from src/.
 */
import { and, asc, desc, inArray, sql, type SQL } from 'drizzle-orm';
import { engineOf, execute, row, rows, type Db, type Engine } from '../client.ts';
import { addresses, broadcasts, type BroadcastRow, type Role } from '../schema/index.ts';
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

const channelsOf = (a: AudienceFilter) => (a.channels && a.channels.length > 0 ? a.channels : null);

/**
 * A person's chosen address (most recently used, not stopped; never used last) as a correlated SELECT of `columns`.
 * The ORDER BY matches addresses_reach_idx, so the choice is one index seek per person.
 */
function chosenAddress(a: AudienceFilter, contactId: SQL, columns: SQL): SQL {
  const channels = channelsOf(a);
  const onChannels = channels ? sql` AND a2.channel IN (${list(channels)})` : sql``;
  return sql`SELECT ${columns} FROM addresses a2 WHERE a2.contact_id = ${contactId} AND a2.stopped_at IS NULL${onChannels}
        ORDER BY a2.last_inbound_at DESC NULLS LAST, a2.id DESC LIMIT 1`;
}

/** FROM and WHERE of the audience's members (contacts `c`). */
function members(a: AudienceFilter, extraWhere?: SQL): SQL {
  const channels = channelsOf(a);
  const inUnit = a.unitCode ? inSubtree(sql.raw('c.unit_code'), a.unitCode) : undefined;
  return sql`FROM contacts c
    WHERE c.role IN (${list(a.roles)}) AND NOT c.opted_out AND (c.role <> 'resident' OR c.subscribed)${inUnit ? sql` AND ${inUnit}` : sql``}${
      // With a channel filter, the audience is the people known on those channels (reachable or not).
      channels ? sql` AND EXISTS (SELECT 1 FROM addresses a3 WHERE a3.contact_id = c.id AND a3.channel IN (${list(channels)}))` : sql``
    }${extraWhere ?? sql``}`;
}

/**
 * The audience as a FROM clause: `s.cid` is each member's contact id, `ad` their chosen address (all NULL when
 * they have none). Engine-specific: SQLite picks the address id in a correlated subquery and joins it (one seek
 * each); PostgreSQL's planner would hash-join that id against the whole addresses table for every range, so there
 * the address comes from a LATERAL subquery (one index seek per person too).
 */
export function audienceFrom(engine: Engine, a: AudienceFilter, extraWhere?: SQL): SQL {
  if (engine === 'pg') {
    return sql`(SELECT c.id AS cid ${members(a, extraWhere)}) s
      LEFT JOIN LATERAL (${chosenAddress(a, sql.raw('s.cid'), sql.raw('a2.id, a2.address, a2.channel'))}) ad ON true`;
  }
  return sql`(SELECT c.id AS cid, (${chosenAddress(a, sql.raw('c.id'), sql.raw('a2.id'))}) AS aid ${members(a, extraWhere)}) s
      LEFT JOIN addresses ad ON ad.id = s.aid`;
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
export function countAudienceRange(db: Db, a: AudienceFilter, from: number, to: number): Promise<AudienceSlice[]> {
  return rows<AudienceSlice>(
    db,
    sql`SELECT coalesce(ad.channel, 'none') AS channel, count(*) AS n, min(s.cid) AS first
          FROM ${audienceFrom(engineOf(db), a, sql` AND c.id > ${from} AND c.id <= ${to}`)} GROUP BY 1`,
  );
}

/** The highest contact id now: queueing walks ids up to it, so people added later are not included. */
export async function maxContactId(db: Db): Promise<number> {
  return (await row<{ m: number }>(db, sql`SELECT coalesce(max(id), 0) AS m FROM contacts`))?.m ?? 0;
}

/** Counts of a broadcast's rows by status, by channel (and status), and by reason (held, skipped or failed). */
export interface BroadcastStats {
  byStatus: Record<string, number>;
  byChannel: Record<string, Record<string, number>>;
  byReason: Record<string, number>;
}

/** Statistics of one broadcast, from its counters (broadcast_counts: a few rows, whatever the audience's size). */
export async function broadcastStats(db: Db, id: number): Promise<BroadcastStats> {
  const counts = await rows<{ status: string; channel: string; reason: string | null; n: number }>(
    db,
    sql`SELECT status, channel, nullif(reason, '') AS reason, n FROM broadcast_counts WHERE broadcast_id = ${id} AND n > 0`,
  );
  const stats: BroadcastStats = { byStatus: { queued: 0, sending: 0, sent: 0, delivered: 0, failed: 0, skipped: 0 }, byChannel: {}, byReason: {} };
  for (const r of counts) {
    stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + r.n;
    const ch = (stats.byChannel[r.channel] ??= {});
    ch[r.status] = (ch[r.status] ?? 0) + r.n;
    if (r.reason) stats.byReason[r.reason] = (stats.byReason[r.reason] ?? 0) + r.n;
  }
  return stats;
}

/** True while some row of the broadcast is still waiting or being sent. */
export async function hasUnsentRows(db: Db, id: number): Promise<boolean> {
  return (await row(db, sql`SELECT 1 AS x FROM broadcast_counts WHERE broadcast_id = ${id} AND status IN ('queued', 'sending') AND n > 0 LIMIT 1`)) !== undefined;
}

/**
 * Drop the rows of a broadcast that were not sent yet (rows being sent right now finish), and their counts.
 * Returns how many. Its rows are read by id from its first one up (the outbox has no broadcast index); call it
 * inside a transaction so the counts and the rows move together.
 */
export async function dropUnsentRows(db: Db, id: number): Promise<number> {
  const first = (await row<{ f: number | null }>(db, sql`SELECT first_outbox_id AS f FROM broadcasts WHERE id = ${id}`))?.f;
  if (first === null || first === undefined) return 0;
  const dropped = await execute(db, sql`DELETE FROM outbox WHERE id >= ${first} AND broadcast_id = ${id} AND status = 'queued'`);
  await execute(db, sql`DELETE FROM broadcast_counts WHERE broadcast_id = ${id} AND status = 'queued'`);
  return dropped;
}

/** Broadcasts created within a scope that are still to come (draft, scheduled or sending), soonest first. */
export async function upcomingBroadcasts(db: Db, scope: string, limit = 20): Promise<BroadcastRow[]> {
  return db
    .select()
    .from(broadcasts)
    .where(and(inArray(broadcasts.status, ['draft', 'scheduled', 'sending']), inSubtree(broadcasts.scopeCode, scope)))
    .orderBy(sql`${broadcasts.sendAt} IS NULL`, asc(broadcasts.sendAt), asc(broadcasts.id))
    .limit(limit);
}

/** Broadcasts created within a scope, newest first (the console's list). */
export async function listBroadcasts(db: Db, scope: string, limit = 200): Promise<BroadcastRow[]> {
  return db.select().from(broadcasts).where(inSubtree(broadcasts.scopeCode, scope)).orderBy(desc(broadcasts.id)).limit(limit);
}
