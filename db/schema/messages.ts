import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { contacts } from './contacts.ts';

/** Every inbound event we accepted, once: (channel, provider id) is unique, so a retried webhook is processed once. */
export const inboundMessages = sqliteTable(
  'inbound_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel').notNull(),
    providerId: text('provider_id').notNull(),
    contactId: integer('contact_id').references(() => contacts.id),
    address: text('address').notNull(),
    kind: text('kind').notNull(),
    text: text('text'),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
    /** handled | failed (the step threw; the person got a "try again") */
    status: text('status').notNull().default('handled'),
  },
  (t) => [uniqueIndex('inbound_channel_provider_uq').on(t.channel, t.providerId), index('inbound_contact_idx').on(t.contactId)],
);

/** The one active conversation of a contact: which flow, which step, the flow's state and the code version that wrote it. */
export const conversations = sqliteTable('conversations', {
  contactId: integer('contact_id')
    .primaryKey()
    .references(() => contacts.id),
  flow: text('flow').notNull(),
  step: text('step').notNull(),
  state: text('state', { mode: 'json' }).notNull(),
  /** The flow's version when the state was written: state from older code is detected and restarted politely. */
  version: integer('version').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'skipped'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
/** Reasons a row is held back, skipped or failed (statistics per broadcast count them). */
export const OUTBOX_REASONS = ['opted_out', 'quiet_hours', 'daily_cap', 'no_address', 'unreachable', 'provider_error', 'channel_off'] as const;
export type OutboxReason = (typeof OUTBOX_REASONS)[number];

/** Messages waiting to go out, and what happened to them. Flows, broadcasts and reminders only write rows here. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id').references(() => contacts.id),
    address: text('address').notNull(),
    channel: text('channel').notNull(),
    text: text('text').notNull(),
    quickReplies: text('quick_replies', { mode: 'json' }).$type<string[]>(),
    requestPhone: integer('request_phone', { mode: 'boolean' }).notNull().default(false),
    /** 0 = reply to the person's own message, 1 = bulk (broadcast, reminder). Replies go first. */
    priority: integer('priority').notNull().default(0),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    providerId: text('provider_id'),
    error: text('error'),
    /** Why a row was held, skipped or failed, as a code for statistics (see OUTBOX_REASONS); null when sent. */
    reason: text('reason', { enum: OUTBOX_REASONS }),
    /** SMS: encoding (GSM-7 / UCS-2) and segment count, recorded when the row is sent. */
    encoding: text('encoding'),
    segments: integer('segments'),
    keepDiacritics: integer('keep_diacritics', { mode: 'boolean' }).notNull().default(false),
    /** Set for broadcast rows: one row per broadcast × contact (queued once per contact-id range, see queueNextChunk). */
    broadcastId: integer('broadcast_id'),
    /** The address actually used when the channel fell back (e.g. SMS instead of Zalo). */
    sentVia: text('sent_via'),
    inboundId: integer('inbound_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    /**
     * Lease of a claimed (`sending`) row: until then the instance that claimed it owns it. On PostgreSQL (several
     * instances) a `sending` row whose lease has expired is taken for abandoned (its instance died mid-send) and
     * claimed again. SQLite has one instance: it leaves this empty (and outbox_lease_idx with it) and requeues its own
     * `sending` rows at start-up.
     */
    claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
  },
  // Partial indexes: most rows are replies that are sent at once, and they need none of these entries. Keeping
  // them out makes each insert touch one B-tree instead of four.
  (t) => [
    // No index on broadcast_id: each index costs every row of a million-row broadcast an insert. A broadcast's rows
    // are found from broadcasts.first_outbox_id up (ids grow), and its statistics are kept in broadcast_counts.
    index('outbox_due_idx').on(t.channel, t.priority, t.nextAttemptAt).where(sql`status = 'queued'`),
    index('outbox_provider_idx').on(t.channel, t.providerId).where(sql`provider_id IS NOT NULL`),
    // The daily cap counts bulk rows sent to a person today; rows still waiting need no entry (they get one when sent).
    index('outbox_contact_sent_idx').on(t.contactId, t.sentAt).where(sql`priority = 1 AND sent_at IS NOT NULL`),
    // Web chat messages waiting for the page to collect them (durable: they survive a restart).
    index('outbox_web_pickup_idx').on(t.address).where(sql`status = 'sent' AND channel = 'web'`),
    // Rows whose lease may have expired (PostgreSQL's claim): only leased rows in flight, a handful per instance.
    // SQLite leaves the lease empty, so its sends never touch this index.
    index('outbox_lease_idx').on(t.channel, t.claimedUntil).where(sql`status = 'sending' AND claimed_until IS NOT NULL`),
  ],
);

export type InboundRow = typeof inboundMessages.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
