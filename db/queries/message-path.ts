import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { addresses, campaigns, contacts, conversations, inboundMessages } from '../schema/index.ts';

const p = sql.placeholder;

/**
 * Prepared queries for the message path (dispatch and send), built once per database. drizzle builds a query's
 * SQL on every call, which costs more than running it; these are built once and keep drizzle's row types.
 */
function build(db: Db) {
  // The two inserts of every message are plain statements: drizzle's per-column parameter mapping cost more than
  // the insert itself. Their column lists must follow db/schema (a test inserts through them on a migrated db).
  const raw = db.$client;
  return {
    /** Dedupe and record an inbound event; undefined when (channel, provider id) was seen before. */
    insertInbound: raw.prepare<[string, string, string, string, string | null, number], { id: number }>(
      `INSERT INTO inbound_messages (channel, provider_id, address, kind, text, received_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING RETURNING id`,
    ),
    /** One outbox row; undefined when a broadcast row for this contact already exists. */
    insertOutbox: raw.prepare<
      [number | null, string, string, string, string | null, number, number, string, number, number | null, number, number, number | null, number | null, number],
      { id: number }
    >(
      `INSERT INTO outbox (contact_id, address, channel, text, quick_replies, request_phone, priority, status, attempts, sent_at,
                           next_attempt_at, keep_diacritics, broadcast_id, inbound_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
    ),
    setInboundResult: db
      .update(inboundMessages)
      .set({ contactId: sql`${p('contactId')}`, status: sql`${p('status')}` })
      .where(eq(inboundMessages.id, p('id')))
      .prepare(),
    addressByValue: db.select().from(addresses).where(eq(addresses.address, p('address'))).prepare(),
    touchAddress: db
      .update(addresses)
      .set({ lastInboundAt: sql`${p('at')}`, stoppedAt: null })
      .where(eq(addresses.id, p('id')))
      .prepare(),
    insertContact: db
      .insert(contacts)
      .values({ name: p('name'), phone: p('phone'), role: 'resident', createdAt: p('createdAt') })
      .returning()
      .prepare(),
    insertAddress: db
      .insert(addresses)
      .values({ address: p('address'), channel: p('channel'), contactId: p('contactId'), lastInboundAt: p('lastInboundAt'), createdAt: p('createdAt') })
      .returning()
      .prepare(),
    contactById: db.select().from(contacts).where(eq(contacts.id, p('id'))).prepare(),
    contactByPhone: db.select().from(contacts).where(eq(contacts.phone, p('phone'))).prepare(),
    activeCampaign: db.select().from(campaigns).where(eq(campaigns.active, true)).limit(1).prepare(),
    conversationOf: db.select().from(conversations).where(eq(conversations.contactId, p('contactId'))).prepare(),
    deleteConversation: db.delete(conversations).where(eq(conversations.contactId, p('contactId'))).prepare(),
    upsertConversation: db
      .insert(conversations)
      .values({
        contactId: p('contactId'),
        flow: p('flow'),
        step: p('step'),
        state: p('state'),
        version: p('version'),
        expiresAt: p('expiresAt'),
        updatedAt: p('updatedAt'),
      })
      .onConflictDoUpdate({
        target: conversations.contactId,
        set: {
          flow: sql`excluded.flow`,
          step: sql`excluded.step`,
          state: sql`excluded.state`,
          version: sql`excluded.version`,
          expiresAt: sql`excluded.expires_at`,
          updatedAt: sql`excluded.updated_at`,
        },
      })
      .prepare(),
  };
}

export type HotQueries = ReturnType<typeof build>;
const cache = new WeakMap<Db, HotQueries>();

/** The prepared message-path queries of this database. */
export function messagePathQueries(db: Db): HotQueries {
  let q = cache.get(db);
  if (!q) {
    q = build(db);
    cache.set(db, q);
  }
  return q;
}
