import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { contacts } from './contacts.ts';

/** Roles of people who use the console and the admin API (field `staff` use chat commands only). */
export const USER_ROLES = ['admin', 'supervisor', 'consultant', 'viewer', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * People who use the admin API and the console. `unitScope` is the unit whose subtree they act on ('VN' = the
 * nation; null on rows written before scopes were required, read as the nation for admins only).
 */
export const adminUsers = sqliteTable(
  'admin_users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    unitScope: text('unit_scope'),
    /** Sign-in names: an e-mail address (lower case) and/or an E.164 phone number. */
    email: text('email'),
    phone: text('phone'),
    /** `scrypt$N$r$p$salt$hash` (base64url); null = no console sign-in (tokens only). */
    passwordHash: text('password_hash'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** The chat contact of the same person (field staff who also use the console are one contact). */
    contactId: integer('contact_id').references(() => contacts.id),
    /** Consecutive failed sign-ins and the lock they caused. */
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('admin_users_email_uq').on(t.email), uniqueIndex('admin_users_phone_uq').on(t.phone), index('admin_users_contact_idx').on(t.contactId)],
);

/** API tokens for scripts; only a SHA-256 of the token is stored. `id` is the public handle for list/revoke. */
export const adminTokens = sqliteTable(
  'admin_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    id: text('id'),
    label: text('label'),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('admin_tokens_id_uq').on(t.id), index('admin_tokens_user_idx').on(t.userId)],
);

/** Console sessions, stored server-side (only a SHA-256 of the cookie value) so they can be revoked. */
export const adminSessions = sqliteTable(
  'admin_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => adminUsers.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    /** Absolute expiry; the idle expiry is lastSeenAt + the configured idle time. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('admin_sessions_user_idx').on(t.userId)],
);

/** Who did what through the admin side (and chat commands that change data): before/after where it matters. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    detail: text('detail', { mode: 'json' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('audit_at_idx').on(t.at)],
);

export type AdminUserRow = typeof adminUsers.$inferSelect;
