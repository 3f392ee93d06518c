import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

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

/** A message to many people. Firing it only creates outbox rows (one per contact). */
export const broadcasts = sqliteTable(
  'broadcasts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    text: text('text').notNull(),
    /** Who receives it: JSON filter {roles?, unitCode?, channels?}. */
    audience: text('audience', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** When to create the outbox rows; reminders before the launch are broadcasts with a time. */
    sendAt: integer('send_at', { mode: 'timestamp_ms' }).notNull(),
    status: text('status', { enum: ['scheduled', 'queued', 'cancelled'] }).notNull().default('scheduled'),
    keepDiacritics: integer('keep_diacritics', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by'),
    queuedCount: integer('queued_count'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('broadcasts_due_idx').on(t.status, t.sendAt)],
);

/** Key/value settings that the service itself updates (e.g. Zalo tokens: the refresh token is single-use). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export type CampaignRow = typeof campaigns.$inferSelect;
export type BroadcastRow = typeof broadcasts.$inferSelect;
