import { sql } from 'drizzle-orm';
import { pgTable, text, integer, bigint, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { OUTBOX_REASONS, OUTBOX_STATUSES } from '../../schema/messages.ts';
import { contacts } from './contacts.ts';
import { epochMs, jsonText } from './types.ts';

/** PostgreSQL mirror of db/schema/messages.ts (comments on the meaning of each column live there). */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    // 64-bit like SQLite's rowid: inbound and outbox rows grow with every message and never get reused.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    channel: text('channel').notNull(),
    providerId: text('provider_id').notNull(),
    contactId: integer('contact_id').references(() => contacts.id),
    address: text('address').notNull(),
    kind: text('kind').notNull(),
    text: text('text'),
    receivedAt: epochMs('received_at').notNull(),
    status: text('status').notNull().default('handled'),
  },
  (t) => [uniqueIndex('inbound_channel_provider_uq').on(t.channel, t.providerId), index('inbound_contact_idx').on(t.contactId)],
);

export const conversations = pgTable('conversations', {
  contactId: integer('contact_id')
    .primaryKey()
    .references(() => contacts.id),
  flow: text('flow').notNull(),
  step: text('step').notNull(),
  state: jsonText('state').notNull(),
  version: integer('version').notNull(),
  expiresAt: epochMs('expires_at').notNull(),
  updatedAt: epochMs('updated_at').notNull(),
});

export const outbox = pgTable(
  'outbox',
  {
    // A national broadcast adds millions of rows: 32 bits would run out after a few hundred of them.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    contactId: integer('contact_id').references(() => contacts.id),
    address: text('address').notNull(),
    channel: text('channel').notNull(),
    text: text('text').notNull(),
    quickReplies: jsonText('quick_replies').$type<string[]>(),
    requestPhone: boolean('request_phone').notNull().default(false),
    priority: integer('priority').notNull().default(0),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: epochMs('next_attempt_at').notNull(),
    providerId: text('provider_id'),
    error: text('error'),
    reason: text('reason', { enum: OUTBOX_REASONS }),
    encoding: text('encoding'),
    segments: integer('segments'),
    keepDiacritics: boolean('keep_diacritics').notNull().default(false),
    broadcastId: integer('broadcast_id'),
    sentVia: text('sent_via'),
    inboundId: bigint('inbound_id', { mode: 'number' }),
    createdAt: epochMs('created_at').notNull(),
    sentAt: epochMs('sent_at'),
    claimedUntil: epochMs('claimed_until'),
  },
  (t) => [
    index('outbox_due_idx').on(t.channel, t.priority, t.nextAttemptAt).where(sql`status = 'queued'`),
    index('outbox_provider_idx').on(t.channel, t.providerId).where(sql`provider_id IS NOT NULL`),
    // No index on broadcast_id (see db/schema/messages.ts): a broadcast's rows are found from broadcasts.first_outbox_id up.
    index('outbox_contact_sent_idx').on(t.contactId, t.sentAt).where(sql`priority = 1 AND sent_at IS NOT NULL`),
    index('outbox_web_pickup_idx').on(t.address).where(sql`status = 'sent' AND channel = 'web'`),
    // Rows whose lease may have expired: only rows in flight, a handful per instance.
    index('outbox_lease_idx').on(t.channel, t.claimedUntil).where(sql`status = 'sending' AND claimed_until IS NOT NULL`),
  ],
);

export type InboundRow = typeof inboundMessages.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
