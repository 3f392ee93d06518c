import { pgTable, text, integer, bigint, boolean, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { BROADCAST_STATUSES } from '../../schema/campaigns.ts';
import { epochMs, jsonText } from './types.ts';

/** PostgreSQL mirror of db/schema/campaigns.ts (comments on the meaning of each column live there). */
export const campaigns = pgTable('campaigns', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  theme: text('theme').notNull(),
  hotline: text('hotline').notNull(),
  launchAt: epochMs('launch_at').notNull(),
  startsOn: text('starts_on').notNull(),
  districtTarget: integer('district_target').notNull(),
  messages: jsonText('messages').$type<string[]>().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: epochMs('created_at').notNull(),
});

export const broadcasts = pgTable(
  'broadcasts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    kind: text('kind', { enum: ['broadcast', 'reminder'] }).notNull().default('broadcast'),
    text: text('text').notNull(),
    audience: jsonText('audience').$type<Record<string, unknown>>().notNull(),
    sendAt: epochMs('send_at'),
    launchOffsetDays: integer('launch_offset_days'),
    launchTime: text('launch_time'),
    planKey: text('plan_key'),
    status: text('status', { enum: BROADCAST_STATUSES }).notNull().default('draft'),
    scopeCode: text('scope_code').notNull().default('VN'),
    keepDiacritics: boolean('keep_diacritics').notNull().default(false),
    createdBy: text('created_by'),
    createdByContactId: integer('created_by_contact_id'),
    queueUntilId: integer('queue_until_id'),
    queuedThrough: integer('queued_through').notNull().default(0),
    queuedCount: integer('queued_count').notNull().default(0),
    // An outbox id: 64 bits, like outbox.id.
    firstOutboxId: bigint('first_outbox_id', { mode: 'number' }),
    firedAt: epochMs('fired_at'),
    finishedAt: epochMs('finished_at'),
    note: text('note'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('broadcasts_due_idx').on(t.status, t.sendAt), uniqueIndex('broadcasts_plan_key_uq').on(t.planKey)],
);

/**
 * A broadcast's outbox rows counted by (status, channel, reason); reason '' = none. Queueing adds each chunk's
 * counts in its transaction; the trigger outbox_broadcast_counts_upd (hand-written in migration 0001) moves a count
 * when a row's status, channel or reason changes; cancelling deletes the queued counts with the rows it drops.
 */
export const broadcastCounts = pgTable(
  'broadcast_counts',
  {
    broadcastId: integer('broadcast_id').notNull(),
    status: text('status').notNull(),
    channel: text('channel').notNull(),
    reason: text('reason').notNull().default(''),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.broadcastId, t.status, t.channel, t.reason] })],
);

/** Key/value settings the service updates itself; the Zalo refresh token row is locked by db/pg/refresh-once.ts. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: epochMs('updated_at').notNull(),
});

export type CampaignRow = typeof campaigns.$inferSelect;
export type BroadcastRow = typeof broadcasts.$inferSelect;
