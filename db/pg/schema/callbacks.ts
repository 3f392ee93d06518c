import { sql } from 'drizzle-orm';
import { pgTable, text, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { CALLBACK_STATUSES, CALLBACK_WINDOWS } from '../../schema/callbacks.ts';
import { contacts } from './contacts.ts';
import { adminUsers } from './admin.ts';
import { epochMs, jsonText } from './types.ts';

/** PostgreSQL mirror of db/schema/callbacks.ts (comments on the meaning of each column live there). */
export const callbackRequests = pgTable(
  'callback_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    reference: text('reference').notNull(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id),
    address: text('address'),
    phone: text('phone').notNull(),
    name: text('name'),
    unitCode: text('unit_code'),
    preferredTime: text('preferred_time', { enum: CALLBACK_WINDOWS }),
    topic: text('topic'),
    consentAt: epochMs('consent_at'),
    consentText: text('consent_text'),
    status: text('status', { enum: CALLBACK_STATUSES }).notNull().default('new'),
    assigneeId: integer('assignee_id').references(() => adminUsers.id),
    assignedAt: epochMs('assigned_at'),
    attempts: integer('attempts').notNull().default(0),
    deadlineAt: epochMs('deadline_at'),
    escalations: integer('escalations').notNull().default(0),
    notes: text('notes'),
    closedAt: epochMs('closed_at'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('callbacks_reference_uq').on(t.reference),
    index('callbacks_status_idx').on(t.status, t.unitCode),
    index('callbacks_phone_idx').on(t.phone, t.createdAt),
    index('callbacks_assignee_idx').on(t.assigneeId, t.assignedAt),
    index('callbacks_deadline_idx').on(t.deadlineAt).where(sql`status IN ('new', 'assigned')`),
  ],
);

export const callbackHistory = pgTable(
  'callback_history',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    callbackId: integer('callback_id')
      .notNull()
      .references(() => callbackRequests.id),
    at: epochMs('at').notNull(),
    event: text('event').notNull(),
    actorUserId: integer('actor_user_id').references(() => adminUsers.id),
    actor: text('actor').notNull(),
    detail: jsonText('detail').$type<Record<string, string | number | null>>(),
  },
  (t) => [index('callback_history_callback_idx').on(t.callbackId, t.at)],
);

export type CallbackRequestRow = typeof callbackRequests.$inferSelect;
export type CallbackHistoryRow = typeof callbackHistory.$inferSelect;
