/**
 * Broadcast queries: who an audience reaches, queueing in chunks inside the database (INSERT … SELECT, never the
 * audience in the process), statistics and the state changes of a broadcast. Imports nothing from src/.
 */
import type { Db } from '../client.ts';
import { inTransaction } from '../client.ts';
import { eq } from 'drizzle-orm';
import { addresses, broadcasts, type BroadcastRow, type Role } from '../schema/index.ts';
import { cached } from './progress.ts';

/** Channels an address can be on (the schema's enum). */
export const ADDRESS_CHANNELS = addresses.channel.enumValues;
export type AddressChannel = (typeof ADDRESS_CHANNELS)[number];
/** The nation: a scope or audience over every unit. */
export const NATION = 'VN';

/** SQL listing the codes of a unit and every unit below it (one parameter: the unit's code). */
const SUBTREE_SQL = 'WITH RECURSIVE sub(code) AS (SELECT ? UNION ALL SELECT u.code FROM units u JOIN sub ON u.parent_code = sub.code) SELECT code FROM sub';

/** Who a broadcast goes to: residents only if subscribed; never the opted-out. */
export interface AudienceFilter {
  roles: Role[];
  /** People of this unit and the units below it (residents have one once they named their commune or province). */
  unitCode?: string | undefined;
  /** Only people with an address on one of these channels. */
  channels?: AddressChannel[] | undefined;
}

/** SQL (and its parameters, in order) selecting `cid` and the chosen address `aid` of every audience member. */
function audienceSelect(a: AudienceFilter, extraWhere = ''): { sql: string; params: unknown[] } {
  const channels = a.channels && a.channels.length > 0 ? a.channels : null;
  const chanList = channels ? channels.map(() => '?').join(',') : '';
  const params: unknown[] = [];
  let sql = `SELECT c.id AS cid, (SELECT a2.id FROM addresses a2 WHERE a2.contact_id = c.id AND a2.stopped_at IS NULL`;
  if (channels) {
    sql += ` AND a2.channel IN (${chanList})`;
    params.push(...channels);
  }
  sql += ` ORDER BY a2.last_inbound_at IS NULL, a2.last_inbound_at DESC, a2.id DESC LIMIT 1) AS aid
    FROM contacts c
    WHERE c.role IN (${a.roles.map(() => '?').join(',')}) AND c.opted_out = 0 AND (c.role <> 'resident' OR c.subscribed = 1)`;
  params.push(...a.roles);
  if (a.unitCode && a.unitCode !== NATION) {
    sql += ` AND c.unit_code IN (${SUBTREE_SQL})`;
    params.push(a.unitCode);
  }
  if (channels) {
    // With a channel filter, the audience is the people known on those channels (reachable or not).
    sql += ` AND EXISTS (SELECT 1 FROM addresses a3 WHERE a3.contact_id = c.id AND a3.channel IN (${chanList}))`;
    params.push(...channels);
  }
  return { sql: sql + extraWhere, params };
}

/** How many people an audience reaches, per channel of their chosen address ('none': no reachable address). */
export function countAudience(db: Db, a: AudienceFilter): { total: number; byChannel: Record<string, number> } {
  const s = audienceSelect(a);
  const rows = db.$client
    .prepare(`SELECT coalesce(ad.channel, 'none') AS channel, count(*) AS n FROM (${s.sql}) s LEFT JOIN addresses ad ON ad.id = s.aid GROUP BY 1`)
    .all(...s.params) as { channel: string; n: number }[];
  const byChannel: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    byChannel[r.channel] = r.n;
    total += r.n;
  }
  return { total, byChannel };
}

/** One member of the audience per channel (the first by id), to render a sample of the message. */
export function sampleRecipients(db: Db, a: AudienceFilter): { contactId: number; channel: AddressChannel }[] {
  const s = audienceSelect(a);
  return db.$client
    .prepare(`SELECT ad.channel AS channel, min(s.cid) AS contactId FROM (${s.sql}) s JOIN addresses ad ON ad.id = s.aid GROUP BY ad.channel`)
    .all(...s.params) as { contactId: number; channel: AddressChannel }[];
}

/** The highest contact id now: queueing walks ids up to it, so people added later are not included. */
export function maxContactId(db: Db): number {
  return (cached(db, 'SELECT coalesce(max(id), 0) AS m FROM contacts').get() as { m: number }).m;
}

/**
 * The statement that queues one chunk of a broadcast: one outbox row per audience member with ids in (from, to],
 * text empty (rendered per person when sent), `skipped`/`no_address` when nobody can be reached. A row that exists
 * already (unique broadcast × contact) is left alone, so a chunk run twice (after a crash) adds nothing.
 */
export function queueRowsSql(a: AudienceFilter): { sql: string; params: unknown[] } {
  const s = audienceSelect(a, ' AND c.id > @from AND c.id <= @to');
  const sql = `INSERT INTO outbox (contact_id, address, channel, text, priority, status, reason, error, attempts, next_attempt_at,
                          keep_diacritics, broadcast_id, created_at, request_phone)
    SELECT s.cid, coalesce(ad.address, ''), coalesce(ad.channel, 'none'), '', 1,
           CASE WHEN ad.id IS NULL THEN 'skipped' ELSE 'queued' END,
           CASE WHEN ad.id IS NULL THEN 'no_address' END,
           CASE WHEN ad.id IS NULL THEN 'no reachable address' END,
           0, @now, @keep, @broadcastId, @now, 0
      FROM (${s.sql}) s LEFT JOIN addresses ad ON ad.id = s.aid
     WHERE true
    ON CONFLICT DO NOTHING`;
  return { sql, params: s.params };
}

/** Contact ids covered by one queueing chunk (one short transaction each: the event loop stays free between). */
export const QUEUE_CHUNK_IDS = 20_000;

/**
 * Queue the next chunk of a broadcast that is `sending` and advance its cursor, in one transaction. Returns the
 * rows added and whether the whole audience is now queued.
 */
export function queueNextChunk(db: Db, b: BroadcastRow, a: AudienceFilter, now: Date, chunk = QUEUE_CHUNK_IDS): { added: number; done: boolean } {
  const until = b.queueUntilId ?? 0;
  return inTransaction(db, () => {
    const cur = cached(db, 'SELECT status, queued_through AS through FROM broadcasts WHERE id = ?').get(b.id) as { status: string; through: number } | undefined;
    if (!cur || cur.status !== 'sending' || cur.through >= until) return { added: 0, done: true };
    const to = Math.min(until, cur.through + chunk);
    const q = queueRowsSql(a);
    const added = db.$client
      .prepare(q.sql)
      .run(...q.params, { from: cur.through, to, now: now.getTime(), keep: b.keepDiacritics ? 1 : 0, broadcastId: b.id }).changes;
    cached(db, 'UPDATE broadcasts SET queued_through = ?, queued_count = queued_count + ? WHERE id = ?').run(to, added, b.id);
    return { added, done: to >= until };
  });
}

/** Counts of a broadcast's rows by status, by channel (and status), and by reason (held, skipped or failed). */
export interface BroadcastStats {
  byStatus: Record<string, number>;
  byChannel: Record<string, Record<string, number>>;
  byReason: Record<string, number>;
}

/** Statistics of one broadcast, from its outbox rows. */
export function broadcastStats(db: Db, id: number): BroadcastStats {
  const rows = cached(db, 'SELECT status, channel, reason, count(*) AS n FROM outbox WHERE broadcast_id = ? GROUP BY status, channel, reason').all(id) as {
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
  return cached(db, "SELECT 1 AS x FROM outbox WHERE broadcast_id = ? AND status IN ('queued', 'sending') LIMIT 1").get(id) !== undefined;
}

/** Drop the rows of a broadcast that were not sent yet (rows being sent right now finish). Returns how many. */
export function dropUnsentRows(db: Db, id: number): number {
  return cached(db, "DELETE FROM outbox WHERE broadcast_id = ? AND status = 'queued'").run(id).changes;
}

/** Broadcasts created within a scope that are still to come (draft, scheduled or sending), soonest first. */
export function upcomingBroadcasts(db: Db, scope: string, limit = 20): BroadcastRow[] {
  const inScope = scope === NATION ? '' : `AND scope_code IN (${SUBTREE_SQL})`;
  const ids = db.$client
    .prepare(`SELECT id FROM broadcasts WHERE status IN ('draft', 'scheduled', 'sending') ${inScope} ORDER BY send_at IS NULL, send_at, id LIMIT ?`)
    .all(...(scope === NATION ? [] : [scope]), limit) as { id: number }[];
  return ids.map((r) => db.select().from(broadcasts).where(eq(broadcasts.id, r.id)).get()).filter((b): b is BroadcastRow => b !== undefined);
}

/** Broadcasts created within a scope, newest first (the console's list). */
export function listBroadcasts(db: Db, scope: string, limit = 200): BroadcastRow[] {
  const inScope = scope === NATION ? '' : `WHERE scope_code IN (${SUBTREE_SQL})`;
  const ids = db.$client
    .prepare(`SELECT id FROM broadcasts ${inScope} ORDER BY id DESC LIMIT ?`)
    .all(...(scope === NATION ? [] : [scope]), limit) as { id: number }[];
  return ids.map((r) => db.select().from(broadcasts).where(eq(broadcasts.id, r.id)).get()).filter((b): b is BroadcastRow => b !== undefined);
}
