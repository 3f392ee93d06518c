import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A campaign: the plan's theme, messages, hotline, launch time and default target per district. */
export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  theme: text('theme').notNull(),
  hotline: text('hotline').notNull(),
  launchAt: integer('launch_at', { mode: 'timestamp_ms' }).notNull(),
  /** First day reports may be filed for (YYYY-MM-DD, Asia/Ho_Chi_Minh). */
  startsOn: text('starts_on').notNull(),
  districtTarget: integer('district_target').notNull(),
  messages: text('messages', { mode: 'json' }).$type<string[]>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const BROADCAST_STATUSES = ['draft', 'scheduled', 'sending', 'done', 'cancelled', 'missed'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/**
 * A message to many people: draft → (confirm) → scheduled → sending → done, or cancelled / missed. Firing it only
 * creates outbox rows (one per contact, text rendered per recipient when sent); the text is stored once, here.
 */
export const broadcasts = sqliteTable(
  'broadcasts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    /** 'reminder' rows are planned relative to the campaign's launch; 'broadcast' rows by a person. */
    kind: text('kind', { enum: ['broadcast', 'reminder'] }).notNull().default('broadcast'),
    /** The template, placeholders such as {ten} kept: rendered per recipient at send time. */
    text: text('text').notNull(),
    /** Who receives it: JSON filter {roles?, unitCode?, channels?}. */
    audience: text('audience', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** When to create the outbox rows; null = at once when confirmed. */
    sendAt: integer('send_at', { mode: 'timestamp_ms' }),
    /** Relative to the campaign's launch: days after it (negative = before; 0 = launch day) at launchTime (HH:MM). */
    launchOffsetDays: integer('launch_offset_days'),
    launchTime: text('launch_time'),
    /** Planned reminders carry a key, so planning them again updates instead of duplicating. */
    planKey: text('plan_key'),
    status: text('status', { enum: BROADCAST_STATUSES }).notNull().default('draft'),
    /** Unit subtree of the person who created it ('VN' = the nation); only people over it may see or change it. */
    scopeCode: text('scope_code').notNull().default('VN'),
    keepDiacritics: integer('keep_diacritics', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by'),
    /** Set when created from a chat command (the supervisor's contact). */
    createdByContactId: integer('created_by_contact_id'),
    /** Queueing walks contact ids in chunks up to queueUntilId; queuedThrough is the last id done (resumable). */
    queueUntilId: integer('queue_until_id'),
    queuedThrough: integer('queued_through').notNull().default(0),
    queuedCount: integer('queued_count').notNull().default(0),
    /** The outbox id of its first queued row: its rows are found by id from here up (the outbox has no broadcast index). */
    firstOutboxId: integer('first_outbox_id'),
    firedAt: integer('fired_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    /** Why it ended as it did (e.g. missed: the service was down at its time). */
    note: text('note'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('broadcasts_due_idx').on(t.status, t.sendAt), uniqueIndex('broadcasts_plan_key_uq').on(t.planKey)],
);

/**
 * A broadcast's outbox rows counted by (status, channel, reason), so statistics and "is anything left to send" read
 * a few rows instead of a million. Queueing adds each chunk's counts in the chunk's transaction; the trigger
 * `outbox_broadcast_counts_upd` (migration 0006) moves a count when a row's status, channel or reason changes;
 * cancelling subtracts the rows it drops. reason '' = none.
 */
export const broadcastCounts = sqliteTable(
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

/** Key/value settings that the service itself updates (e.g. Zalo tokens: the refresh token is single-use). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export type CampaignRow = typeof campaigns.$inferSelect;
export type BroadcastRow = typeof broadcasts.$inferSelect;
