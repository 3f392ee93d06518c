import { pgTable, text, integer, bigint, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.ts';
import { units } from './units.ts';
import { inboundMessages } from './messages.ts';
import { epochMs } from './types.ts';

/** PostgreSQL mirror of db/schema/reports.ts (comments on the meaning of each column live there). */
export const signupReports = pgTable(
  'signup_reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    unitCode: text('unit_code')
      .notNull()
      .references(() => units.code),
    reporterId: integer('reporter_id')
      .notNull()
      .references(() => contacts.id),
    day: text('day').notNull(),
    count: integer('count').notNull(),
    inboundId: bigint('inbound_id', { mode: 'number' }).references(() => inboundMessages.id),
    supersededBy: integer('superseded_by'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    index('reports_unit_day_idx').on(t.unitCode, t.day),
    index('reports_current_idx').on(t.supersededBy, t.unitCode, t.day, t.count),
    uniqueIndex('reports_inbound_uq').on(t.inboundId),
  ],
);

export const staffUnits = pgTable(
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

export const linkCodes = pgTable('link_codes', {
  code: text('code').primaryKey(),
  contactId: integer('contact_id')
    .notNull()
    .references(() => contacts.id),
  expiresAt: epochMs('expires_at').notNull(),
  usedAt: epochMs('used_at'),
});

export type SignupReportRow = typeof signupReports.$inferSelect;
