import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { engineOf, type Db } from '../client.ts';
import {
  addresses,
  campaigns,
  contacts,
  conversations,
  inboundMessages,
  outbox as outboxTable,
  type AddressRow,
  type CampaignRow,
  type ContactRow,
} from '../schema/index.ts';

type ConversationRow = typeof conversations.$inferSelect;

/** An inbound event as the dispatcher records it (the dedupe key is channel + provider id). */
export interface InboundValues {
  /** The sender's contact when already known (else set later with setInboundResult). */
  contactId: number | null;
  channel: string;
  providerId: string;
  address: string;
  kind: string;
  text: string | null;
  receivedAt: number;
}

/** One outbox row as queueMessages writes it (all times in epoch ms). */
export interface OutboxValues {
  contactId: number | null;
  address: string;
  channel: string;
  text: string;
  quickReplies: string | null;
  requestPhone: boolean;
  priority: number;
  status: 'queued' | 'delivered';
  attempts: number;
  sentAt: number | null;
  nextAttemptAt: number;
  keepDiacritics: boolean;
  broadcastId: number | null;
  inboundId: number | null;
  createdAt: number;
}

export interface ConversationValues {
  contactId: number;
  flow: string;
  step: string;
  state: unknown;
  version: number;
  expiresAt: Date;
  updatedAt: Date;
}

/**
 * The queries every message runs (dispatch and queueing replies). One interface, two implementations: on SQLite
 * statements prepared once per connection (drizzle rebuilds a query's SQL on every call, which costs more than
 * running it there); on PostgreSQL drizzle's builder, whose round trip dwarfs the build.
 */
export interface MessagePath {
  /** Dedupe and record an inbound event: its id, or undefined when (channel, provider id) was seen before. */
  insertInbound(v: InboundValues): Promise<number | undefined>;
  /** One outbox row: its id, or undefined when a broadcast row for this contact already exists. */
  insertOutbox(v: OutboxValues): Promise<number | undefined>;
  setInboundResult(id: number, contactId: number, status: string): Promise<void>;
  /** The address row and the contact it belongs to (one query). */
  addressWithContact(address: string): Promise<{ address: AddressRow; contact: ContactRow } | undefined>;
  /** The person wrote from this address: note when, and it takes messages again. */
  touchAddress(id: number, at: Date): Promise<void>;
  insertContact(v: { name: string | null; phone: string | null; createdAt: Date }): Promise<ContactRow>;
  insertAddress(v: { address: string; channel: AddressRow['channel']; contactId: number; lastInboundAt: Date; createdAt: Date }): Promise<AddressRow>;
  contactByPhone(phone: string): Promise<ContactRow | undefined>;
  activeCampaign(): Promise<CampaignRow | undefined>;
  conversationOf(contactId: number): Promise<ConversationRow | undefined>;
  deleteConversation(contactId: number): Promise<void>;
  upsertConversation(v: ConversationValues): Promise<void>;
  /** Whether a web chat message is waiting for the page at this address (outbox_web_pickup_idx). */
  webMessageWaiting(address: string): Promise<boolean>;
}

// The column lists of the two hand-written inserts must follow db/schema (test/db/message-path-columns.test.ts).
export const INSERT_INBOUND_SQL = `INSERT INTO inbound_messages (contact_id, channel, provider_id, address, kind, text, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING RETURNING id`;
export const INSERT_OUTBOX_SQL = `INSERT INTO outbox (contact_id, address, channel, text, quick_replies, request_phone, priority, status, attempts, sent_at,
                           next_attempt_at, keep_diacritics, broadcast_id, inbound_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`;

const p = sql.placeholder;

/** Web chat rows stored for the page at an address and not yet collected (the outbox marks them `sent`). */
/** Whether anything waits for the page at an address: the same terms as webWaitingAt, as one plain statement. */
export const WEB_WAITING_SQL = `SELECT id FROM outbox WHERE address = ? AND status = 'sent' AND channel = 'web' LIMIT 1`;

// The status and channel are written as literals, as in the WHERE of the partial index outbox_web_pickup_idx. Bound
// as parameters, they would make SQLite plan the statement again on every run: a plan that rests on a parameter's
// value (the partial index) is re-prepared whenever the parameter is bound anew.
export const webWaitingAt = (address: string) =>
  and(eq(outboxTable.address, address), sql`${outboxTable.status} = 'sent'`, sql`${outboxTable.channel} = 'web'`);

/** Conversations are replaced whole: the new step, state and expiry win. */
const conversationUpdate = {
  flow: sql`excluded.flow`,
  step: sql`excluded.step`,
  state: sql`excluded.state`,
  version: sql`excluded.version`,
  expiresAt: sql`excluded.expires_at`,
  updatedAt: sql`excluded.updated_at`,
};

/** A table's columns in the schema's order: the select list of a plain statement, and the codec of each value. */
function columnsOf(table: SQLiteTable, alias: string): { list: string; decode: (values: readonly unknown[], from: number) => Record<string, unknown>; count: number } {
  const cols = Object.entries(getTableColumns(table));
  return {
    list: cols.map(([, c]) => `${alias}."${c.name}"`).join(', '),
    count: cols.length,
    // As drizzle maps a row: null stays null, everything else through the column's own codec (dates, booleans, JSON).
    decode(values, from) {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < cols.length; i++) {
        const v = values[from + i];
        row[cols[i]![0]] = v === null || v === undefined ? null : cols[i]![1].mapFromDriverValue(v);
      }
      return row;
    },
  };
}

/** The conversation upsert of every message that leaves a flow waiting (its columns follow db/schema: tested). */
export const UPSERT_CONVERSATION_SQL = `INSERT INTO conversations (contact_id, flow, step, state, version, expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (contact_id) DO UPDATE SET flow = excluded.flow, step = excluded.step, state = excluded.state,
         version = excluded.version, expires_at = excluded.expires_at, updated_at = excluded.updated_at`;

function sqlitePath(db: Db): MessagePath {
  // The statements every message runs are plain better-sqlite3 statements over select lists built from the schema:
  // drizzle's per-call parameter filling and row mapping cost more than running them.
  const raw = db.$client;
  const insertInbound = raw.prepare<[number | null, string, string, string, string, string | null, number], { id: number }>(INSERT_INBOUND_SQL);
  const insertOutbox = raw.prepare<
    [number | null, string, string, string, string | null, number, number, string, number, number | null, number, number, number | null, number | null, number],
    { id: number }
  >(INSERT_OUTBOX_SQL);
  const setInboundResult = raw.prepare<[number, string, number]>(`UPDATE inbound_messages SET contact_id = ?, status = ? WHERE id = ?`);
  const a = columnsOf(addresses, 'a');
  const c = columnsOf(contacts, 'c');
  const v = columnsOf(conversations, 'v');
  const addressWithContact = raw
    .prepare<[string], unknown[]>(`SELECT ${a.list}, ${c.list} FROM addresses a JOIN contacts c ON c.id = a.contact_id WHERE a.address = ?`)
    .raw(true);
  const conversationOf = raw.prepare<[number], unknown[]>(`SELECT ${v.list} FROM conversations v WHERE v.contact_id = ?`).raw(true);
  const deleteConversation = raw.prepare<[number]>(`DELETE FROM conversations WHERE contact_id = ?`);
  // The state is stored as JSON text (the column's json mode), times as epoch milliseconds.
  const upsertConversation = raw.prepare<[number, string, string, string, number, number, number]>(UPSERT_CONVERSATION_SQL);
  const touchAddress = db.update(addresses).set({ lastInboundAt: sql`${p('at')}`, stoppedAt: null }).where(eq(addresses.id, p('id'))).prepare();
  const insertContact = db
    .insert(contacts)
    .values({ name: p('name'), phone: p('phone'), role: 'resident', createdAt: p('createdAt') })
    .returning()
    .prepare();
  const insertAddress = db
    .insert(addresses)
    .values({ address: p('address'), channel: p('channel'), contactId: p('contactId'), lastInboundAt: p('lastInboundAt'), createdAt: p('createdAt') })
    .returning()
    .prepare();
  const contactByPhone = db.select().from(contacts).where(eq(contacts.phone, p('phone'))).prepare();
  const activeCampaign = db.select().from(campaigns).where(eq(campaigns.active, true)).limit(1).prepare();
  // Asked on every web chat request, answered from the partial index alone: a plain statement (no row mapping).
  const webWaiting = raw.prepare<[string], { id: number }>(WEB_WAITING_SQL);
  return {
    insertInbound: async (v) => insertInbound.get(v.contactId, v.channel, v.providerId, v.address, v.kind, v.text, v.receivedAt)?.id,
    insertOutbox: async (v) =>
      insertOutbox.get(
        v.contactId,
        v.address,
        v.channel,
        v.text,
        v.quickReplies,
        v.requestPhone ? 1 : 0,
        v.priority,
        v.status,
        v.attempts,
        v.sentAt,
        v.nextAttemptAt,
        v.keepDiacritics ? 1 : 0,
        v.broadcastId,
        v.inboundId,
        v.createdAt,
      )?.id,
    setInboundResult: async (id, contactId, status) => void setInboundResult.run(contactId, status, id),
    async addressWithContact(address) {
      const values = addressWithContact.get(address);
      return values && { address: a.decode(values, 0) as AddressRow, contact: c.decode(values, a.count) as ContactRow };
    },
    touchAddress: async (id, at) => void touchAddress.run({ id, at: at.getTime() }),
    insertContact: async (v) => insertContact.get(v)!,
    insertAddress: async (v) => insertAddress.get(v)!,
    contactByPhone: async (phone) => contactByPhone.get({ phone }),
    activeCampaign: async () => activeCampaign.get(),
    async conversationOf(contactId) {
      const values = conversationOf.get(contactId);
      return values && (v.decode(values, 0) as ConversationRow);
    },
    deleteConversation: async (contactId) => void deleteConversation.run(contactId),
    upsertConversation: async (row) =>
      void upsertConversation.run(row.contactId, row.flow, row.step, JSON.stringify(row.state), row.version, row.expiresAt.getTime(), row.updatedAt.getTime()),
    webMessageWaiting: async (address) => webWaiting.get(address) !== undefined,
  };
}

function builderPath(db: Db): MessagePath {
  const first = <T>(rows: T[]): T | undefined => rows[0];
  return {
    async insertInbound(v) {
      const ids = await db
        .insert(inboundMessages)
        .values({ contactId: v.contactId, channel: v.channel, providerId: v.providerId, address: v.address, kind: v.kind as never, text: v.text, receivedAt: new Date(v.receivedAt) })
        .onConflictDoNothing()
        .returning({ id: inboundMessages.id });
      return first(ids)?.id;
    },
    async insertOutbox(v) {
      const ids = await db
        .insert(outboxTable)
        .values({
          ...v,
          status: v.status,
          sentAt: v.sentAt === null ? null : new Date(v.sentAt),
          nextAttemptAt: new Date(v.nextAttemptAt),
          createdAt: new Date(v.createdAt),
          quickReplies: v.quickReplies === null ? null : (JSON.parse(v.quickReplies) as string[]),
        })
        .onConflictDoNothing()
        .returning({ id: outboxTable.id });
      return first(ids)?.id;
    },
    async setInboundResult(id, contactId, status) {
      await db.update(inboundMessages).set({ contactId, status: status as never }).where(eq(inboundMessages.id, id));
    },
    addressWithContact: async (address) =>
      first(
        await db
          .select({ address: addresses, contact: contacts })
          .from(addresses)
          .innerJoin(contacts, eq(contacts.id, addresses.contactId))
          .where(eq(addresses.address, address))
          .limit(1),
      ),
    async touchAddress(id, at) {
      await db.update(addresses).set({ lastInboundAt: at, stoppedAt: null }).where(eq(addresses.id, id));
    },
    insertContact: async (v) => (await db.insert(contacts).values({ ...v, role: 'resident' }).returning())[0]!,
    insertAddress: async (v) => (await db.insert(addresses).values(v).returning())[0]!,
    contactByPhone: async (phone) => first(await db.select().from(contacts).where(eq(contacts.phone, phone)).limit(1)),
    activeCampaign: async () => first(await db.select().from(campaigns).where(eq(campaigns.active, true)).limit(1)),
    conversationOf: async (contactId) => first(await db.select().from(conversations).where(eq(conversations.contactId, contactId)).limit(1)),
    async deleteConversation(contactId) {
      await db.delete(conversations).where(eq(conversations.contactId, contactId));
    },
    async upsertConversation(v) {
      await db.insert(conversations).values(v).onConflictDoUpdate({ target: conversations.contactId, set: conversationUpdate });
    },
    webMessageWaiting: async (address) => (await db.select({ id: outboxTable.id }).from(outboxTable).where(webWaitingAt(address)).limit(1)).length > 0,
  };
}

const cache = new WeakMap<object, MessagePath>();

/** The message-path queries of this database (built once per connection). */
export function messagePathQueries(db: Db): MessagePath {
  let q = cache.get(db);
  if (!q) {
    q = engineOf(db) === 'sqlite' ? sqlitePath(db) : builderPath(db);
    cache.set(db, q);
  }
  return q;
}
