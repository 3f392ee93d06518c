import { pgTable, text, integer, boolean, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { USER_ROLES } from '../../schema/admin.ts';
import { contacts } from './contacts.ts';
import { epochMs, jsonText } from './types.ts';

/** PostgreSQL mirror of db/schema/admin.ts (comments on the meaning of each column live there). */
export const adminUsers = pgTable(
  'admin_users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    unitScope: text('unit_scope'),
    email: text('email'),
    phone: text('phone'),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    contactId: integer('contact_id').references(() => contacts.id),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: epochMs('locked_until'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at'),
  },
  (t) => [uniqueIndex('admin_users_email_uq').on(t.email), uniqueIndex('admin_users_phone_uq').on(t.phone), index('admin_users_contact_idx').on(t.contactId)],
);

export const adminTokens = pgTable(
  'admin_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    id: text('id'),
    label: text('label'),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at'),
    lastUsedAt: epochMs('last_used_at'),
    revokedAt: epochMs('revoked_at'),
  },
  (t) => [uniqueIndex('admin_tokens_id_uq').on(t.id), index('admin_tokens_user_idx').on(t.userId)],
);

export const adminSessions = pgTable(
  'admin_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: epochMs('created_at').notNull(),
    lastSeenAt: epochMs('last_seen_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
    revokedAt: epochMs('revoked_at'),
  },
  (t) => [index('admin_sessions_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    detail: jsonText('detail'),
    at: epochMs('at').notNull(),
  },
  (t) => [index('audit_at_idx').on(t.at)],
);

export type AdminUserRow = typeof adminUsers.$inferSelect;
