/**
 * Queueing a broadcast inside the database: one INSERT … SELECT per chunk of contact ids, with the chunk's counts and
 * the cursor in the same transaction, so the audience never passes through the process. The chunk insert is the
 * one engine-specific place of broadcasts (sqliteChunk, pgChunk below); the rest is written once.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { engineOf, execute, row, transaction, type Db, type Engine } from '../client.ts';
import { broadcasts, type BroadcastRow } from '../schema/index.ts';
import { ADDRESS_CHANNELS, audienceFrom, type AudienceFilter } from './broadcasts.ts';

/** What one queueing statement covers: contact ids in (from, to], the broadcast, and the row time. */
export interface QueueRange {
  from: number;
  to: number;
  now: Date;
  keepDiacritics: boolean;
  broadcastId: number;
}

/** A bound value as the engine takes it in a SELECT list (PostgreSQL types a bare parameter there as text). */
function bind(engine: Engine, value: number | boolean, type: 'bigint' | 'integer' | 'boolean'): SQL {
  if (engine === 'pg') return sql`${value}::${sql.raw(type)}`;
  return sql`${typeof value === 'boolean' ? Number(value) : value}`;
}

const OUTBOX_COLUMNS = sql.raw(`(contact_id, address, channel, text, priority, status, reason, error, attempts, next_attempt_at,
                        keep_diacritics, broadcast_id, created_at, request_phone)`);

/**
 * The rows of a range: one per audience member, text empty (rendered per person when sent), `skipped`/`no_address`
 * when nobody can be reached.
 */
function rangeRows(engine: Engine, a: AudienceFilter, r: QueueRange): SQL {
  const now = bind(engine, r.now.getTime(), 'bigint');
  return sql`SELECT s.cid, coalesce(ad.address, ''), coalesce(ad.channel, 'none'), '', 1,
           CASE WHEN ad.id IS NULL THEN 'skipped' ELSE 'queued' END,
           CASE WHEN ad.id IS NULL THEN 'no_address' END,
           CASE WHEN ad.id IS NULL THEN 'no reachable address' END,
           0, ${now}, ${bind(engine, r.keepDiacritics, 'boolean')}, ${bind(engine, r.broadcastId, 'integer')}, ${now}, ${bind(engine, false, 'boolean')}
      FROM ${audienceFrom(engine, a, sql` AND c.id > ${r.from} AND c.id <= ${r.to}`)}`;
}

/**
 * The SQLite statement that queues a range of a broadcast. It has no unique index to lean on (one more index entry
 * per row costs a million-row broadcast ~0.3 s): a range is queued once because queueNextChunk inserts it and
 * advances the cursor in one transaction.
 */
export function queueRowsSql(a: AudienceFilter, r: QueueRange): SQL {
  return sql`INSERT INTO outbox ${OUTBOX_COLUMNS} ${rangeRows('sqlite', a, r)}`;
}

/** What a chunk added: its rows, and the lowest outbox id among them (null when none). */
interface ChunkResult {
  added: number;
  first: number | null;
}

/**
 * SQLite: insert, then count the chunk's rows. The rows above the highest id before it are this chunk's (SQLite
 * has one writer, and this transaction is it).
 */
async function sqliteChunk(db: Db, a: AudienceFilter, r: QueueRange): Promise<ChunkResult> {
  const before = (await row<{ m: number }>(db, sql`SELECT coalesce(max(id), 0) AS m FROM outbox`))?.m ?? 0;
  const added = await execute(db, queueRowsSql(a, r));
  if (added > 0) await countChunk(db, r.broadcastId, before, r.now.getTime(), added);
  return { added, first: added > 0 ? before + 1 : null };
}

/**
 * Add one SQLite chunk's rows (ids above `after`) to the broadcast's counters: queued per channel, counted in the
 * due index alone (a chunk's rows all have priority 1 and next_attempt_at `at`; reading the rows themselves costs
 * ~0.4 s per million), the rest skipped (no reachable address).
 */
async function countChunk(db: Db, id: number, after: number, at: number, added: number): Promise<void> {
  let queued = 0;
  for (const channel of ADDRESS_CHANNELS) {
    const n =
      (await row<{ n: number }>(
        db,
        sql`SELECT count(*) AS n FROM outbox WHERE status = 'queued' AND channel = ${channel} AND priority = 1 AND next_attempt_at = ${at} AND id > ${after}`,
      ))?.n ?? 0;
    if (n > 0) await addCount(db, id, 'queued', channel, '', n);
    queued += n;
  }
  if (added > queued) await addCount(db, id, 'skipped', 'none', 'no_address', added - queued);
}

function addCount(db: Db, id: number, status: string, channel: string, reason: string, n: number): Promise<number> {
  return execute(
    db,
    sql`INSERT INTO broadcast_counts (broadcast_id, status, channel, reason, n) VALUES (${id}, ${status}, ${channel}, ${reason}, ${n})
        ON CONFLICT (broadcast_id, status, channel, reason) DO UPDATE SET n = broadcast_counts.n + excluded.n`,
  );
}

/**
 * PostgreSQL: one statement inserts the rows, adds their counts from what it inserted and answers how many and the
 * lowest id. Other instances write the outbox meanwhile (and ids are handed out before commit), so the rows cannot
 * be told by their ids here as on SQLite.
 */
async function pgChunk(db: Db, a: AudienceFilter, r: QueueRange): Promise<ChunkResult> {
  const result = await row<{ added: number; first: number | null }>(
    db,
    sql`WITH ins AS (
          INSERT INTO outbox ${OUTBOX_COLUMNS} ${rangeRows('pg', a, r)}
          RETURNING id, status, channel, reason),
        counted AS (
          INSERT INTO broadcast_counts (broadcast_id, status, channel, reason, n)
          SELECT ${r.broadcastId}::integer, status, channel, coalesce(reason, ''), count(*) FROM ins GROUP BY status, channel, coalesce(reason, '')
          ON CONFLICT (broadcast_id, status, channel, reason) DO UPDATE SET n = broadcast_counts.n + excluded.n)
        SELECT count(*) AS added, min(id) AS first FROM ins`,
  );
  return { added: result?.added ?? 0, first: result?.first ?? null };
}

/**
 * A broadcast as committed, for the queue pump. The pump may start before the transaction that confirmed the
 * broadcast has committed (a chat command's lasts until the conversation's answer is stored): on PostgreSQL a
 * locking read first waits for any transaction writing the row; SQLite's one connection sees its writes already.
 */
export async function broadcastToQueue(db: Db, id: number): Promise<BroadcastRow | undefined> {
  if (engineOf(db) === 'pg') await execute(db, sql`SELECT 1 FROM broadcasts WHERE id = ${id} FOR UPDATE`);
  const [b] = await db.select().from(broadcasts).where(eq(broadcasts.id, id));
  return b;
}

/**
 * Queue the next chunk of a broadcast that is `sending` and advance its cursor, in one transaction. Returns the
 * rows added and whether the whole audience is now queued. On PostgreSQL the cursor row is locked first, so two
 * instances pumping the same broadcast take turns instead of queueing one range twice; a cancel waits likewise.
 */
export async function queueNextChunk(db: Db, b: BroadcastRow, a: AudienceFilter, now: Date, chunk: number): Promise<{ added: number; done: boolean }> {
  const until = b.queueUntilId ?? 0;
  const pg = engineOf(db) === 'pg';
  return transaction(db, async () => {
    const cur = await row<{ status: string; through: number }>(
      db,
      sql`SELECT status, queued_through AS through FROM broadcasts WHERE id = ${b.id}${pg ? sql` FOR UPDATE` : sql``}`,
    );
    if (!cur || cur.status !== 'sending' || cur.through >= until) return { added: 0, done: true };
    const to = Math.min(until, cur.through + chunk);
    const range = { from: cur.through, to, now, keepDiacritics: b.keepDiacritics, broadcastId: b.id };
    const { added, first } = pg ? await pgChunk(db, a, range) : await sqliteChunk(db, a, range);
    // Ids only grow: the broadcast's rows all lie at or above its first chunk's lowest id.
    if (first !== null) await execute(db, sql`UPDATE broadcasts SET first_outbox_id = coalesce(first_outbox_id, ${first}) WHERE id = ${b.id}`);
    await execute(db, sql`UPDATE broadcasts SET queued_through = ${to}, queued_count = queued_count + ${added} WHERE id = ${b.id}`);
    return { added, done: to >= until };
  });
}
