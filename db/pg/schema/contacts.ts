import { sql } from 'drizzle-orm';
import { pgTable, text, integer, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { ROLES } from '../../schema/contacts.ts';
import { units } from './units.ts';
import { epochMs } from './types.ts';

/** PostgreSQL mirror of db/schema/contacts.ts (comments on the meaning of each column live there). */
export const contacts = pgTable(
  'contacts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name'),
    phone: text('phone'),
    role: text('role', { enum: ROLES }).notNull().default('resident'),
    unitCode: text('unit_code').references(() => units.code),
    optedOut: boolean('opted_out').notNull().default(false),
    optedOutAt: epochMs('opted_out_at'),
    consentAt: epochMs('consent_at'),
    consentChannel: text('consent_channel'),
    consentText: text('consent_text'),
    subscribed: boolean('subscribed').notNull().default(false),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('contacts_phone_uq').on(t.phone), index('contacts_unit_idx').on(t.unitCode)],
);

export const addresses = pgTable(
  'addresses',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    address: text('address').notNull(),
    channel: text('channel', { enum: ['web', 'telegram', 'zalo', 'sms'] }).notNull(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id),
    lastInboundAt: epochMs('last_inbound_at'),
    stoppedAt: epochMs('stopped_at'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('addresses_address_uq').on(t.address),
    index('addresses_contact_idx').on(t.contactId),
    // The address a broadcast uses: latest inbound first, never-used last, then newest. SQLite walks its ascending
    // index backwards for that order; PostgreSQL needs it spelled out as the query's ORDER BY has it (drizzle's
    // desc() defaults to NULLS LAST; the query's plain `id DESC` means NULLS FIRST, and pathkeys must match).
    index('addresses_reach_idx').on(t.contactId, t.lastInboundAt.desc().nullsLast(), t.id.desc().nullsFirst(), t.channel).where(sql`stopped_at IS NULL`),
  ],
);

export type ContactRow = typeof contacts.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect;
