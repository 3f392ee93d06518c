import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { contacts } from './contacts.ts';

export const CALLBACK_STATUSES = ['new', 'assigned', 'called', 'unreachable', 'done'] as const;

/** A resident asked a consultant to phone them back. */
export const callbackRequests = sqliteTable(
  'callback_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id),
    phone: text('phone').notNull(),
    name: text('name'),
    unitCode: text('unit_code'),
    preferredTime: text('preferred_time'),
    topic: text('topic'),
    status: text('status', { enum: CALLBACK_STATUSES }).notNull().default('new'),
    assignee: text('assignee'),
    notes: text('notes'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('callbacks_status_idx').on(t.status)],
);

export type CallbackRequestRow = typeof callbackRequests.$inferSelect;
