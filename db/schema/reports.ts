import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { contacts } from './contacts.ts';
import { units } from './units.ts';
import { inboundMessages } from './messages.ts';

/**
 * A field report of new voluntary members signed up in a unit on a day. Every report is kept; the latest per
 * unit × day × reporter counts (`superseded_by` marks the older ones).
 */
export const signupReports = sqliteTable(
  'signup_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    reporterId: integer('reporter_id')
      .notNull()
      .references(() => contacts.id),
    /** YYYY-MM-DD in Asia/Ho_Chi_Minh. */
    day: text('day').notNull(),
    count: integer('count').notNull(),
    inboundId: integer('inbound_id').references(() => inboundMessages.id),
    supersededBy: integer('superseded_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('reports_unit_day_idx').on(t.unitCode, t.day),
    index('reports_current_idx').on(t.supersededBy, t.unitCode, t.day, t.count),
    // One inbound message makes at most one report, whatever retries happen.
    uniqueIndex('reports_inbound_uq').on(t.inboundId),
  ],
);

/** Which units a staff member may report for (besides their own contacts.unit_code). */
export const staffUnits = sqliteTable(
  'staff_units',
  {
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
  },
  (t) => [index('staff_units_contact_idx').on(t.contactId)],
);

/** One-time codes (`DK 482913`) that link a Telegram/Zalo address to a staff contact. */
export const linkCodes = sqliteTable('link_codes', {
  code: text('code').primaryKey(),
  contactId: integer('contact_id')
    .notNull()
    .references(() => contacts.id),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
});

export type SignupReportRow = typeof signupReports.$inferSelect;
