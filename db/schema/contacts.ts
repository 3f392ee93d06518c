import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { units } from './units.ts';

export const ROLES = ['resident', 'staff', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

/** A person. Their phone number and name are personal data: they stay here and never reach the logs. */
export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name'),
    /** E.164 phone number once known (+84…). */
    phone: text('phone'),
    role: text('role', { enum: ROLES }).notNull().default('resident'),
    unitCode: text('unit_code').references(() => units.code),
    /** Opted out of all bulk messages (broadcasts, reminders); replies to their own messages still go. */
    optedOut: integer('opted_out', { mode: 'boolean' }).notNull().default(false),
    optedOutAt: integer('opted_out_at', { mode: 'timestamp_ms' }),
    /** When the person agreed to receive campaign news, and on which channel, with the wording shown. */
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }),
    consentChannel: text('consent_channel'),
    consentText: text('consent_text'),
    /** Subscribed to campaign news (bulk messages need both this and not opted out). */
    subscribed: integer('subscribed', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('contacts_phone_uq').on(t.phone), index('contacts_unit_idx').on(t.unitCode)],
);

/** A way to reach a contact: `tel:+84…`, `telegram:…`, `zalo:…`, `web:…`. One contact may own several. */
export const addresses = sqliteTable(
  'addresses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    address: text('address').notNull(),
    channel: text('channel', { enum: ['web', 'telegram', 'zalo', 'sms'] }).notNull(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id),
    /** Last inbound message on this address (Zalo allows CS messages only within 7 days of it). */
    lastInboundAt: integer('last_inbound_at', { mode: 'timestamp_ms' }),
    /** The person blocked or unfollowed us on this address. */
    stoppedAt: integer('stopped_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('addresses_address_uq').on(t.address),
    index('addresses_contact_idx').on(t.contactId),
    // The address a broadcast uses (latest inbound first, never-used last, then newest): one seek per person, no
    // sort, and covering (channel), so an audience of a million is counted and queued without reading the table.
    index('addresses_reach_idx').on(t.contactId, t.lastInboundAt, t.id, t.channel).where(sql`stopped_at IS NULL`),
  ],
);

export type ContactRow = typeof contacts.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect;
