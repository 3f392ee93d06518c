import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { adminUsers, contacts, type AdminUserRow, type UserRole } from '../../db/schema/index.ts';
import { isWithin, NATION_SCOPE } from '../../db/queries/unit-scope.ts';

export { USER_ROLES, type UserRole } from '../../db/schema/admin.ts';

/** Everything the admin side can do; every admin route declares one of these (or 'signed-in' / 'public'). */
export const ACTIONS = [
  'progress.read',
  'callbacks.read',
  'callbacks.write',
  'broadcasts.read',
  'broadcasts.write',
  'staff.read',
  'staff.write',
  'units.read',
  'units.write',
  'campaign.read',
  'campaign.write',
  'users.read',
  'users.write',
  'audit.read',
  'tokens.own',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who is acting: a console user (session or token), the bootstrap ADMIN_TOKEN, or a chat contact with rights. */
export interface Principal {
  userId: number | null;
  name: string;
  role: UserRole;
  /** Unit code whose subtree the principal acts on; NATION_SCOPE = everything. */
  unitScope: string;
  contactId: number | null;
  via: 'session' | 'token' | 'bootstrap' | 'chat';
}

export { NATION_SCOPE };

const READS: Action[] = ['progress.read', 'callbacks.read', 'broadcasts.read', 'staff.read', 'units.read', 'campaign.read'];

/**
 * The policy table: which role may do which action (on units inside its scope). Units are checked separately by
 * `can` in db/queries/unit-scope.ts; this table alone decides the kind of action.
 */
export const POLICY: Readonly<Record<UserRole, ReadonlySet<Action>>> = {
  admin: new Set(ACTIONS),
  supervisor: new Set<Action>([...READS, 'callbacks.write', 'broadcasts.write', 'staff.write', 'units.write', 'tokens.own']),
  consultant: new Set<Action>(['callbacks.read', 'callbacks.write', 'units.read', 'tokens.own']),
  viewer: new Set<Action>([...READS, 'tokens.own']),
  staff: new Set<Action>(),
};

/** Whether the role may perform this kind of action at all. */
export function roleAllows(role: UserRole, action: Action): boolean {
  return POLICY[role].has(action);
}

/** Roles a user of this role may create or manage (only admins manage console users). */
export function manageableRoles(role: UserRole): readonly UserRole[] {
  return role === 'admin' ? ['admin', 'supervisor', 'consultant', 'viewer', 'staff'] : [];
}

/**
 * The one decision: may this principal do this action on this unit? `unitCode` undefined = an action with no unit
 * (the caller then filters lists by scope); null = a resource with no unit, which only national scopes reach.
 */
export async function can(db: Db, principal: Principal, action: Action, unitCode?: string | null): Promise<boolean> {
  if (!roleAllows(principal.role, action)) return false;
  if (unitCode === undefined) return true;
  if (unitCode === null) return principal.unitScope === NATION_SCOPE;
  return isWithin(db, unitCode, principal.unitScope);
}

/** The principal of a console user. */
export function principalOfUser(user: AdminUserRow, via: Principal['via']): Principal {
  return { userId: user.id, name: user.name, role: user.role, unitScope: user.unitScope ?? NATION_SCOPE, contactId: user.contactId, via };
}

/**
 * The rights a chat contact carries for chat commands: the active console user linked to the contact, else a
 * contact whose role is supervisor (scope: their unit). Residents and plain staff get null.
 */
export async function principalForContact(db: Db, contactId: number): Promise<Principal | null> {
  const [user] = await db
    .select()
    .from(adminUsers)
    .where(and(eq(adminUsers.contactId, contactId), eq(adminUsers.active, true)))
    .limit(1);
  if (user && user.role !== 'staff') return principalOfUser(user, 'chat');
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, contactId));
  // A supervisor contact acts on their own unit only; one without a unit gets no rights (never the nation's).
  if (contact?.role === 'supervisor' && contact.unitCode) {
    return { userId: null, name: contact.name ?? `contact:${contact.id}`, role: 'supervisor', unitScope: contact.unitCode, contactId, via: 'chat' };
  }
  return null;
}
