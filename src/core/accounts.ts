import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { transaction, type Db } from '../../db/client.ts';
import { contacts, USER_ROLES, type AdminUserRow, type UserRole } from '../../db/schema/index.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { unitExists, NATION_SCOPE } from '../../db/queries/unit-scope.ts';
import { insertToken, insertUser, listTokens, revokeUserSessions, tokenById, revokeToken, updateUser, userById, userByLogin, type TokenRow } from '../../db/queries/users.ts';
import { hashPassword, passwordProblem, randomSecret, sha256 } from './secrets.ts';
import { toE164 } from '../text/phone.ts';

/** A refusal of an account operation, worded for the person who asked (CLI or console). */
export class AccountError extends Error {
  readonly status: number;
  constructor(message: string, status = 400) {
    super(message);
    this.name = 'AccountError';
    this.status = status;
  }
}

/** Input of a new console user, as typed (validated here once for the CLI and the API). */
export const NewAccountSchema = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(120),
    role: z.enum(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(', ')}` }),
    unit: z.string().trim().min(1).max(20).optional(),
    email: z.string().trim().toLowerCase().pipe(z.email({ message: 'not a valid e-mail address' })).optional(),
    phone: z.string().trim().max(30).optional(),
    password: z.string().optional(),
  })
  .strict();
export type NewAccount = z.input<typeof NewAccountSchema>;

/** Normalise a sign-in name: an e-mail (lower case) or a phone number (E.164). */
export function parseLogin(login: string): { email?: string; phone?: string } {
  const trimmed = login.trim().normalize('NFC');
  if (trimmed.includes('@')) return { email: trimmed.toLowerCase() };
  const phone = toE164(trimmed);
  return phone ? { phone } : {};
}

/** The scope a role gets: central admins the nation; everyone else a unit that must exist. */
async function scopeFor(db: Db, role: UserRole, unit: string | undefined): Promise<string> {
  const code = unit && unit !== '' ? unit : role === 'admin' ? NATION_SCOPE : undefined;
  if (!code) throw new AccountError(`--unit is required for role ${role} (a unit code such as 01, or VN for the nation)`);
  if (!(await unitExists(db, code))) throw new AccountError(`unknown unit code ${code}`);
  return code;
}

/** Create a console user; a phone links the user to the chat contact with that phone (created when absent). */
export async function createAccount(db: Db, input: NewAccount, opts: { actor: string; now: Date }): Promise<AdminUserRow> {
  const parsed = NewAccountSchema.safeParse(input);
  if (!parsed.success) throw new AccountError(parsed.error.issues.map((i) => i.message).join('; '));
  const a = parsed.data;
  const unitScope = await scopeFor(db, a.role, a.unit);
  const phone = a.phone ? toE164(a.phone) : null;
  if (a.phone && !phone) throw new AccountError(`not a valid phone number: ${a.phone}`);
  if (a.password !== undefined) {
    const problem = passwordProblem(a.password);
    if (problem) throw new AccountError(problem);
  }
  const passwordHash = a.password !== undefined ? await hashPassword(a.password) : null;
  return transaction(db, async (tx) => {
    if (await userByLogin(tx, { email: a.email ?? null, phone })) throw new AccountError('a user with that e-mail or phone already exists', 409);
    let contactId: number | null = null;
    if (phone) {
      const [contact] = await tx.select().from(contacts).where(eq(contacts.phone, phone)).limit(1);
      contactId = contact ? contact.id : await insertContact(tx, { name: a.name, phone, role: a.role, unitScope, now: opts.now });
    }
    const user = await insertUser(tx, { name: a.name, role: a.role, unitScope, email: a.email ?? null, phone, passwordHash, contactId }, opts.now);
    await recordAudit(tx, { actor: opts.actor, action: 'user.create', subject: `user:${user.id}`, detail: { after: publicUser(user) }, at: opts.now });
    return user;
  });
}

/** The chat contact of a new user with a phone nobody has yet (staff and supervisors act for their unit). */
async function insertContact(db: Db, c: { name: string; phone: string; role: UserRole; unitScope: string; now: Date }): Promise<number> {
  const [row] = await db
    .insert(contacts)
    .values({
      name: c.name,
      phone: c.phone,
      role: c.role === 'staff' ? 'staff' : c.role === 'supervisor' ? 'supervisor' : 'resident',
      unitCode: c.unitScope === NATION_SCOPE ? null : c.unitScope,
      createdAt: c.now,
    })
    .returning({ id: contacts.id });
  if (!row) throw new Error('createAccount: no contact inserted');
  return row.id;
}

/** Change a user's role, scope, name or active flag (disabling ends their sessions at once). */
export async function changeAccount(
  db: Db,
  id: number,
  patch: { name?: string; role?: UserRole; unit?: string; active?: boolean },
  opts: { actor: string; now: Date },
): Promise<AdminUserRow> {
  return transaction(db, async (tx) => {
    const before = await userById(tx, id);
    if (!before) throw new AccountError(`no user ${id}`, 404);
    const role = patch.role ?? before.role;
    const unitScope =
      patch.unit !== undefined || patch.role !== undefined ? await scopeFor(tx, role, patch.unit ?? before.unitScope ?? undefined) : undefined;
    const after = await updateUser(
      tx,
      id,
      { ...(patch.name !== undefined && { name: patch.name }), ...(patch.role && { role }), ...(unitScope && { unitScope }), ...(patch.active !== undefined && { active: patch.active }) },
      opts.now,
    );
    if (!after) throw new AccountError(`no user ${id}`, 404);
    if (patch.role !== undefined || patch.unit !== undefined) await revokeUserSessions(tx, id, opts.now);
    await recordAudit(tx, { actor: opts.actor, action: patch.active === false ? 'user.disable' : 'user.update', subject: `user:${id}`, detail: { before: publicUser(before), after: publicUser(after) }, at: opts.now });
    return after;
  });
}

/** Set a new password; every session of the user ends. */
export async function resetPassword(db: Db, id: number, password: string, opts: { actor: string; now: Date }): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new AccountError(problem);
  const hash = await hashPassword(password);
  await transaction(db, async (tx) => {
    if (!(await updateUser(tx, id, { passwordHash: hash, failedSignIns: 0, lockedUntil: null }, opts.now))) throw new AccountError(`no user ${id}`, 404);
    await revokeUserSessions(tx, id, opts.now);
    await recordAudit(tx, { actor: opts.actor, action: 'user.reset-password', subject: `user:${id}`, at: opts.now });
  });
}

/** A new API token for a user: the token is returned once; only its SHA-256 is stored. */
export async function createApiToken(
  db: Db,
  userId: number,
  opts: { label?: string | null; days: number; actor: string; now: Date },
): Promise<{ token: string; row: TokenRow }> {
  const user = await userById(db, userId);
  if (!user) throw new AccountError(`no user ${userId}`, 404);
  if (!user.active) throw new AccountError(`user ${userId} is disabled`, 409);
  const token = `bhxh_${randomSecret(24)}`;
  const id = randomSecret(6).replace(/[-_]/g, 'x').slice(0, 8).toLowerCase();
  const expiresAt = new Date(opts.now.getTime() + opts.days * 86_400_000);
  const row = await transaction(db, async (tx) => {
    const r = await insertToken(tx, { id, tokenHash: sha256(token), userId, label: opts.label ?? null, expiresAt }, opts.now);
    await recordAudit(tx, { actor: opts.actor, action: 'token.create', subject: `token:${id}`, detail: { userId, expiresAt: expiresAt.toISOString() }, at: opts.now });
    return r;
  });
  return { token, row };
}

/** Revoke a token; `ownerId` (when given) must own it. */
export async function revokeApiToken(db: Db, id: string, opts: { ownerId: number | null; actor: string; now: Date }): Promise<void> {
  const row = await tokenById(db, id);
  if (!row || (opts.ownerId !== null && row.userId !== opts.ownerId)) throw new AccountError(`no token ${id}`, 404);
  await transaction(db, async (tx) => {
    await revokeToken(tx, id, opts.now);
    await recordAudit(tx, { actor: opts.actor, action: 'token.revoke', subject: `token:${id}`, at: opts.now });
  });
}

/** Tokens as shown in lists: never the token or its hash. */
export async function publicTokens(db: Db, userId: number | null) {
  return (await listTokens(db, userId)).map((t) => ({
    id: t.id,
    label: t.label,
    userId: t.userId,
    userName: t.userName,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  }));
}

/** A user as shown to others: no password hash, no lock counters. */
export function publicUser(u: AdminUserRow) {
  return { id: u.id, name: u.name, role: u.role, unitCode: u.unitScope ?? NATION_SCOPE, email: u.email, phone: u.phone, active: u.active, contactId: u.contactId, createdAt: u.createdAt };
}
