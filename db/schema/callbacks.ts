import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { contacts } from './contacts.ts';
import { adminUsers } from './admin.ts';

/**
 * new: nobody assigned yet · assigned: offered to a consultant · taken: the consultant said NHAN ·
 * called / unreachable / done / cancelled: closed.
 */
export const CALLBACK_STATUSES = ['new', 'assigned', 'taken', 'called', 'unreachable', 'done', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
/** Statuses of a request still waiting for a call. */
export const OPEN_CALLBACK_STATUSES = ['new', 'assigned', 'taken'] as const satisfies readonly CallbackStatus[];

/** When the resident would like to be called. */
export const CALLBACK_WINDOWS = ['morning', 'afternoon', 'evening', 'any'] as const;
export type CallbackWindow = (typeof CALLBACK_WINDOWS)[number];

/** A resident asked a consultant to phone them back. Name, phone and question are personal data: never logged. */
export const callbackRequests = sqliteTable(
  'callback_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Short public reference such as GL4821 (`[A-Z]{2}[0-9]{4}`). */
    reference: text('reference').notNull(),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id),
    /** The address the request came from (the resident is told there when it is closed). */
    address: text('address'),
    /** E.164 Vietnamese mobile number. */
    phone: text('phone').notNull(),
    name: text('name'),
    unitCode: text('unit_code'),
    preferredTime: text('preferred_time', { enum: CALLBACK_WINDOWS }),
    /** The resident's short question. */
    topic: text('topic'),
    /** When the resident agreed that these details are stored, and the wording shown. */
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }),
    consentText: text('consent_text'),
    status: text('status', { enum: CALLBACK_STATUSES }).notNull().default('new'),
    assigneeId: integer('assignee_id').references(() => adminUsers.id),
    assignedAt: integer('assigned_at', { mode: 'timestamp_ms' }),
    /** Calls that did not reach the resident (KLL); the third closes the request as unreachable. */
    attempts: integer('attempts').notNull().default(0),
    /** When the request must have been taken (NHAN) before it is offered again and escalated. */
    deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }),
    escalations: integer('escalations').notNull().default(0),
    /** The latest note (every note is also in the history). */
    notes: text('notes'),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('callbacks_reference_uq').on(t.reference),
    index('callbacks_status_idx').on(t.status, t.unitCode),
    index('callbacks_phone_idx').on(t.phone, t.createdAt),
    index('callbacks_assignee_idx').on(t.assigneeId, t.assignedAt),
    index('callbacks_deadline_idx').on(t.deadlineAt).where(sql`status IN ('new', 'assigned')`),
  ],
);

/** Everything that happened to a request, in order: who did it (a console user, the resident, the system) and what. */
export const callbackHistory = sqliteTable(
  'callback_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    callbackId: integer('callback_id')
      .notNull()
      .references(() => callbackRequests.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** created | merged | assigned | taken | called | not_reached | unreachable | escalated | status | note | resident_told */
    event: text('event').notNull(),
    actorUserId: integer('actor_user_id').references(() => adminUsers.id),
    /** Display name of who acted ('resident', 'system', a user's name). */
    actor: text('actor').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, string | number | null>>(),
  },
  (t) => [index('callback_history_callback_idx').on(t.callbackId, t.at)],
);

export type CallbackRequestRow = typeof callbackRequests.$inferSelect;
export type CallbackHistoryRow = typeof callbackHistory.$inferSelect;
