import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** People who use the admin API and dashboard; a unit scope limits what they see. */
export const adminUsers = sqliteTable('admin_users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  role: text('role', { enum: ['admin', 'supervisor', 'viewer'] }).notNull(),
  /** Unit code the user may see (null = everything). */
  unitScope: text('unit_scope'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** API tokens; only a SHA-256 of the token is stored. */
export const adminTokens = sqliteTable('admin_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => adminUsers.id),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
});

/** Who did what through the admin side. */
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
