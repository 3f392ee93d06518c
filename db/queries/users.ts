import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { adminSessions, adminTokens, adminUsers, type AdminUserRow, type UserRole } from '../schema/index.ts';
import { inSubtree } from './unit-scope.ts';

/** Fields of a new console user (the password arrives already hashed: db/ never sees a password). */
export interface NewUser {
  name: string;
  role: UserRole;
  unitScope: string;
  email?: string | null;
  phone?: string | null;
  passwordHash?: string | null;
  contactId?: number | null;
}

/** Create a console user. */
export async function insertUser(db: Db, user: NewUser, now: Date): Promise<AdminUserRow> {
  const [row] = await db
    .insert(adminUsers)
    .values({ ...user, email: user.email ?? null, phone: user.phone ?? null, active: true, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('insertUser: no row inserted');
  return row;
}

/** A user by id. */
export async function userById(db: Db, id: number): Promise<AdminUserRow | undefined> {
  const [user] = await db.select().from(adminUsers).where(eq(adminUsers.id, id));
  return user;
}

/** A user by sign-in name: a lower-case e-mail or an E.164 phone (the caller normalises). */
export async function userByLogin(db: Db, login: { email?: string | null; phone?: string | null }): Promise<AdminUserRow | undefined> {
  const conds = [login.email ? eq(adminUsers.email, login.email) : undefined, login.phone ? eq(adminUsers.phone, login.phone) : undefined].filter(
    (c) => c !== undefined,
  );
  if (conds.length === 0) return undefined;
  const [user] = await db.select().from(adminUsers).where(or(...conds)).limit(1);
  return user;
}

/** Users whose scope lies inside `scopeCode` (everyone for the nation), by name. */
export async function listUsers(db: Db, scopeCode: string): Promise<AdminUserRow[]> {
  return db.select().from(adminUsers).where(inSubtree(adminUsers.unitScope, scopeCode)).orderBy(asc(adminUsers.name), asc(adminUsers.id));
}

/** Change a user's fields; disabling a user also ends their sessions (their tokens stop at the `active` check). */
export async function updateUser(
  db: Db,
  id: number,
  patch: Partial<Omit<AdminUserRow, 'id' | 'createdAt'>>,
  now: Date,
): Promise<AdminUserRow | undefined> {
  const [row] = await db
    .update(adminUsers)
    .set({ ...patch, updatedAt: now })
    .where(eq(adminUsers.id, id))
    .returning();
  if (row && patch.active === false) await revokeUserSessions(db, id, now);
  return row;
}

/** Record a failed sign-in; locks the account for `lockMs` after `maxFailures` in a row. Returns the lock end, if any. */
export async function recordFailedSignIn(db: Db, id: number, now: Date, opts: { maxFailures: number; lockMs: number }): Promise<Date | null> {
  const [row] = await db
    .update(adminUsers)
    .set({ failedSignIns: sql`${adminUsers.failedSignIns} + 1` })
    .where(eq(adminUsers.id, id))
    .returning({ failed: adminUsers.failedSignIns });
  if (!row || row.failed < opts.maxFailures) return null;
  const until = new Date(now.getTime() + opts.lockMs);
  await db.update(adminUsers).set({ lockedUntil: until, failedSignIns: 0 }).where(eq(adminUsers.id, id));
  return until;
}

/** Clear failures after a good sign-in. */
export async function recordSignIn(db: Db, id: number): Promise<void> {
  await db.update(adminUsers).set({ failedSignIns: 0, lockedUntil: null }).where(eq(adminUsers.id, id));
}

// --- API tokens -------------------------------------------------------------------------------------------

/** A stored token as listed (never the token itself). */
export type TokenRow = typeof adminTokens.$inferSelect;

/** Store a new token's hash. */
export async function insertToken(
  db: Db,
  token: { id: string; tokenHash: string; userId: number; label: string | null; expiresAt: Date | null },
  now: Date,
): Promise<TokenRow> {
  const [row] = await db
    .insert(adminTokens)
    .values({ ...token, createdAt: now })
    .returning();
  if (!row) throw new Error('insertToken: no row inserted');
  return row;
}

/** Tokens of one user, or of everyone (null), newest first. */
export async function listTokens(db: Db, userId: number | null): Promise<(TokenRow & { userName: string })[]> {
  const found = await db
    .select({ token: adminTokens, userName: adminUsers.name })
    .from(adminTokens)
    .innerJoin(adminUsers, eq(adminUsers.id, adminTokens.userId))
    .where(userId === null ? undefined : eq(adminTokens.userId, userId))
    .orderBy(sql`${adminTokens.createdAt} DESC`);
  return found.map((r) => ({ ...r.token, userName: r.userName }));
}

/** A token by its public id. */
export async function tokenById(db: Db, id: string): Promise<TokenRow | undefined> {
  const [token] = await db.select().from(adminTokens).where(eq(adminTokens.id, id));
  return token;
}

/** Revoke a token (idempotent). */
export async function revokeToken(db: Db, id: string, now: Date): Promise<void> {
  await db.update(adminTokens).set({ revokedAt: now }).where(and(eq(adminTokens.id, id), isNull(adminTokens.revokedAt)));
}

/** The active user behind a live token (not revoked, not expired), touching its last use at most once a minute. */
export async function userForToken(db: Db, tokenHash: string, now: Date): Promise<AdminUserRow | undefined> {
  const [row] = await db
    .select({ user: adminUsers, token: adminTokens })
    .from(adminTokens)
    .innerJoin(adminUsers, eq(adminUsers.id, adminTokens.userId))
    .where(
      and(
        eq(adminTokens.tokenHash, tokenHash),
        isNull(adminTokens.revokedAt),
        or(isNull(adminTokens.expiresAt), gt(adminTokens.expiresAt, now)),
        eq(adminUsers.active, true),
      ),
    )
    .limit(1);
  if (!row) return undefined;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
    await db.update(adminTokens).set({ lastUsedAt: now }).where(eq(adminTokens.tokenHash, tokenHash));
  }
  return row.user;
}

// --- Sessions -----------------------------------------------------------------------------------------------

/** Store a new session (only the hash of its cookie value). */
export async function insertSession(db: Db, s: { idHash: string; userId: number; csrfToken: string; expiresAt: Date }, now: Date): Promise<void> {
  await db.insert(adminSessions).values({ ...s, createdAt: now, lastSeenAt: now });
}

/** The live session and its active user, or undefined when revoked, expired (absolute or idle) or the user is disabled. */
export async function sessionUser(db: Db, idHash: string, now: Date, idleMs: number): Promise<{ user: AdminUserRow; csrfToken: string } | undefined> {
  const [row] = await db
    .select({ user: adminUsers, session: adminSessions })
    .from(adminSessions)
    .innerJoin(adminUsers, eq(adminUsers.id, adminSessions.userId))
    .where(and(eq(adminSessions.idHash, idHash), isNull(adminSessions.revokedAt), gt(adminSessions.expiresAt, now), eq(adminUsers.active, true)))
    .limit(1);
  if (!row || now.getTime() - row.session.lastSeenAt.getTime() > idleMs) return undefined;
  if (now.getTime() - row.session.lastSeenAt.getTime() > 30_000) {
    await db.update(adminSessions).set({ lastSeenAt: now }).where(eq(adminSessions.idHash, idHash));
  }
  return { user: row.user, csrfToken: row.session.csrfToken };
}

/** End one session. */
export async function revokeSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.update(adminSessions).set({ revokedAt: now }).where(and(eq(adminSessions.idHash, idHash), isNull(adminSessions.revokedAt)));
}

/** End every session of a user (disabled, password reset). */
export async function revokeUserSessions(db: Db, userId: number, now: Date): Promise<void> {
  await db.update(adminSessions).set({ revokedAt: now }).where(and(eq(adminSessions.userId, userId), isNull(adminSessions.revokedAt)));
}
