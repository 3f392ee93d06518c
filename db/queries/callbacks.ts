import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../client.ts';
import {
  adminUsers,
  callbackHistory,
  callbackRequests,
  campaigns,
  contacts,
  OPEN_CALLBACK_STATUSES,
  units,
  type CallbackHistoryRow,
  type CallbackRequestRow,
  type CallbackStatus,
} from '../schema/index.ts';
import { NATION_SCOPE } from './unit-scope.ts';

/** The active campaign's hotline, told to residents when a request closes ('' when no campaign is active). */
export async function activeHotline(db: Db): Promise<string> {
  const [c] = await db.select({ hotline: campaigns.hotline }).from(campaigns).where(eq(campaigns.active, true)).limit(1);
  return c?.hotline ?? '';
}

/** Who did something to a request: a console user (by id) or 'resident' / 'system'. */
export interface CallbackActor {
  userId: number | null;
  name: string;
}

export const SYSTEM_ACTOR: CallbackActor = { userId: null, name: 'system' };
export const RESIDENT_ACTOR: CallbackActor = { userId: null, name: 'resident' };

// No I or O: they read as 1 and 0 on a small screen.
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** References look like GL4821. */
export const REFERENCE_RE = /^[A-Z]{2}[0-9]{4}$/;

/** Two letters that open a staff command when digits follow: "BC 12" (a sign-up report), "DK 0912…" (linking). */
const COMMAND_PREFIXES: readonly string[] = ['BC', 'DK'];

/**
 * Whether a reference may be handed out: a resident sends it back bare ("bc9238"), so it must not read as a staff
 * command.
 */
export function issuableReference(ref: string): boolean {
  return REFERENCE_RE.test(ref) && !COMMAND_PREFIXES.includes(ref.slice(0, 2));
}

/** A reference no other request has. */
export async function newReference(db: Db): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const ref = `${LETTERS[randomInt(LETTERS.length)]}${LETTERS[randomInt(LETTERS.length)]}${String(randomInt(10_000)).padStart(4, '0')}`;
    if (!issuableReference(ref)) continue;
    const [taken] = await db.select({ id: callbackRequests.id }).from(callbackRequests).where(eq(callbackRequests.reference, ref)).limit(1);
    if (!taken) return ref;
  }
  throw new Error('could not find a free callback reference');
}

/** The request with this reference (any case), or undefined. */
export async function requestByReference(db: Db, reference: string): Promise<CallbackRequestRow | undefined> {
  const [r] = await db.select().from(callbackRequests).where(eq(callbackRequests.reference, reference.toUpperCase())).limit(1);
  return r;
}

/** The request with this id, or undefined. */
export async function requestById(db: Db, id: number): Promise<CallbackRequestRow | undefined> {
  const [r] = await db.select().from(callbackRequests).where(eq(callbackRequests.id, id)).limit(1);
  return r;
}

/** An open request for this phone made since `since` (a second request within 24 h updates it). */
export async function openRequestForPhone(db: Db, phone: string, since: Date): Promise<CallbackRequestRow | undefined> {
  const [r] = await db
    .select()
    .from(callbackRequests)
    .where(and(eq(callbackRequests.phone, phone), inArray(callbackRequests.status, OPEN_CALLBACK_STATUSES), gte(callbackRequests.createdAt, since)))
    .orderBy(desc(callbackRequests.createdAt))
    .limit(1);
  return r;
}

/** The open request of a contact, if any. */
export async function openRequestOfContact(db: Db, contactId: number): Promise<CallbackRequestRow | undefined> {
  const [r] = await db
    .select()
    .from(callbackRequests)
    .where(and(eq(callbackRequests.contactId, contactId), inArray(callbackRequests.status, OPEN_CALLBACK_STATUSES)))
    .orderBy(desc(callbackRequests.createdAt))
    .limit(1);
  return r;
}

/** Append one line to a request's history. */
export async function addHistory(
  db: Db,
  callbackId: number,
  now: Date,
  actor: CallbackActor,
  event: string,
  detail?: Record<string, string | number | null>,
): Promise<void> {
  await db.insert(callbackHistory).values({ callbackId, at: now, event, actor: actor.name, actorUserId: actor.userId, ...(detail && { detail }) });
}

/** A request's history, oldest first. */
export async function historyOf(db: Db, callbackId: number): Promise<CallbackHistoryRow[]> {
  return db.select().from(callbackHistory).where(eq(callbackHistory.callbackId, callbackId)).orderBy(asc(callbackHistory.at), asc(callbackHistory.id));
}

/** The unit and its ancestors, nearest first, ending with the nation's scope (unknown codes give an empty list). */
export async function unitChain(db: Db, code: string | null): Promise<string[]> {
  const chain: string[] = [];
  let current = code;
  while (current && chain.length < 10 && !chain.includes(current)) {
    const [row] = await db.select({ code: units.code, parent: units.parentCode }).from(units).where(eq(units.code, current)).limit(1);
    if (!row) break;
    chain.push(row.code);
    current = row.parent;
  }
  if (chain.length > 0) chain.push(NATION_SCOPE);
  return chain;
}

/** A console user who can be told about a request on their own chat channel. */
export interface Worker {
  id: number;
  name: string;
  contactId: number;
}

const activeLinked = (role: 'consultant' | 'supervisor', unitCode: string): SQL | undefined =>
  and(eq(adminUsers.role, role), eq(adminUsers.active, true), isNotNull(adminUsers.contactId), eq(adminUsers.unitScope, unitCode));

/**
 * The consultant of the unit whose last assignment is oldest (round-robin that survives restarts), looking at
 * the unit first and then its parents (up to the nation) until one has active consultants linked to a chat
 * contact. `avoid` skips a consultant when another is available (a request offered again goes to someone else).
 * One query: the unit chain, its consultants and each one's last assignment (an index seek per consultant).
 */
export async function nextConsultant(db: Db, unitCode: string | null, avoid?: number | null): Promise<Worker | undefined> {
  const found = await rows<{ id: number; name: string; contactId: number; depth: number }>(db, sql`
    WITH RECURSIVE up(code, parent, depth) AS (
      SELECT code, parent_code, 0 FROM units WHERE code = ${unitCode ?? ''}
      UNION ALL
      SELECT u.code, u.parent_code, up.depth + 1 FROM units u JOIN up ON u.code = up.parent WHERE up.depth < 10
    ), chain(code, depth) AS (SELECT code, depth FROM up UNION ALL SELECT ${NATION_SCOPE}, 99)
    SELECT a.id, a.name, a.contact_id AS "contactId", chain.depth AS depth
    FROM chain JOIN admin_users a ON a.unit_scope = chain.code
    WHERE a.role = 'consultant' AND a.active AND a.contact_id IS NOT NULL
    ORDER BY chain.depth,
      (SELECT MAX(c.assigned_at) FROM callback_requests c WHERE c.assignee_id = a.id) IS NOT NULL,
      (SELECT MAX(c.assigned_at) FROM callback_requests c WHERE c.assignee_id = a.id),
      a.id`);
  const nearest = found.filter((r) => r.depth === found[0]?.depth);
  const pick = nearest.find((r) => r.id !== avoid) ?? nearest[0];
  return pick ? { id: pick.id, name: pick.name, contactId: pick.contactId } : undefined;
}

/**
 * The contacts to escalate to: the supervisors (console users, or chat contacts with the supervisor role) of the
 * nearest unit, going up from the request's unit, that has any.
 */
export async function supervisorContacts(db: Db, unitCode: string | null): Promise<number[]> {
  for (const code of await unitChain(db, unitCode)) {
    const users = await db.select({ contactId: adminUsers.contactId }).from(adminUsers).where(activeLinked('supervisor', code));
    const chat = await db.select({ contactId: contacts.id }).from(contacts).where(and(eq(contacts.role, 'supervisor'), eq(contacts.unitCode, code)));
    const ids = [...new Set([...users, ...chat].map((r) => r.contactId).filter((id): id is number => id !== null))];
    if (ids.length > 0) return ids;
  }
  return [];
}

/** A console user as someone to tell on chat (undefined when not linked to a chat contact). */
export async function workerById(db: Db, userId: number): Promise<Worker | undefined> {
  const [row] = await db.select({ id: adminUsers.id, name: adminUsers.name, contactId: adminUsers.contactId }).from(adminUsers).where(eq(adminUsers.id, userId)).limit(1);
  return row?.contactId != null ? { id: row.id, name: row.name, contactId: row.contactId } : undefined;
}

/** Open requests of a consultant (for DS), oldest first. */
export async function openRequestsOf(db: Db, userId: number, limit = 20): Promise<CallbackRequestRow[]> {
  return db
    .select()
    .from(callbackRequests)
    .where(and(eq(callbackRequests.assigneeId, userId), inArray(callbackRequests.status, OPEN_CALLBACK_STATUSES)))
    .orderBy(asc(callbackRequests.createdAt))
    .limit(limit);
}

/** Requests not taken whose deadline has passed. */
export async function overdueRequests(db: Db, now: Date, limit = 500): Promise<CallbackRequestRow[]> {
  return db
    .select()
    .from(callbackRequests)
    .where(and(inArray(callbackRequests.status, ['new', 'assigned']), lte(callbackRequests.deadlineAt, now)))
    .orderBy(asc(callbackRequests.deadlineAt))
    .limit(limit);
}

/** Filters of the admin list and exports. */
export interface CallbackFilter {
  /** Unit conditions on callback_requests.unit_code (the caller's scope, a requested subtree); undefined = none. */
  units: (SQL | undefined)[];
  status?: CallbackStatus;
  assigneeId?: number;
  /** Only requests created at or before this time (older than an age). */
  createdBefore?: Date;
}

function where(f: CallbackFilter): SQL | undefined {
  return and(
    ...f.units,
    f.status ? eq(callbackRequests.status, f.status) : undefined,
    f.assigneeId !== undefined ? eq(callbackRequests.assigneeId, f.assigneeId) : undefined,
    f.createdBefore ? lte(callbackRequests.createdAt, f.createdBefore) : undefined,
  );
}

/** One row of the admin list: the request with its unit's and assignee's names. */
export type CallbackListRow = CallbackRequestRow & { unitName: string | null; assigneeName: string | null };

/** Requests matching a filter, oldest first, with a total for paging. */
export async function listRequests(db: Db, f: CallbackFilter, page: { limit: number; offset: number }): Promise<{ rows: CallbackListRow[]; total: number }> {
  const found = await db
    .select({ request: callbackRequests, unitName: units.name, assigneeName: adminUsers.name })
    .from(callbackRequests)
    .leftJoin(units, eq(units.code, callbackRequests.unitCode))
    .leftJoin(adminUsers, eq(adminUsers.id, callbackRequests.assigneeId))
    .where(where(f))
    .orderBy(asc(callbackRequests.createdAt), asc(callbackRequests.id))
    .limit(page.limit)
    .offset(page.offset);
  const [counted] = await db.select({ n: sql<number>`count(*)` }).from(callbackRequests).where(where(f));
  return { rows: found.map((r) => ({ ...r.request, unitName: r.unitName, assigneeName: r.assigneeName })), total: Number(counted?.n ?? 0) };
}

/** The names shown beside a request: its unit's and its assignee's. */
export async function namesOf(
  db: Db,
  r: Pick<CallbackRequestRow, 'unitCode' | 'assigneeId'>,
): Promise<{ unitName: string | null; assigneeName: string | null }> {
  const [unit] = r.unitCode ? await db.select({ name: units.name }).from(units).where(eq(units.code, r.unitCode)).limit(1) : [];
  const [user] = r.assigneeId ? await db.select({ name: adminUsers.name }).from(adminUsers).where(eq(adminUsers.id, r.assigneeId)).limit(1) : [];
  return { unitName: unit?.name ?? null, assigneeName: user?.name ?? null };
}

/** Is this console user someone a request can be assigned to (active consultant or supervisor)? */
export async function assignableUser(db: Db, userId: number): Promise<{ id: number; name: string; unitScope: string | null; contactId: number | null } | undefined> {
  const [user] = await db
    .select({ id: adminUsers.id, name: adminUsers.name, unitScope: adminUsers.unitScope, contactId: adminUsers.contactId })
    .from(adminUsers)
    .where(and(eq(adminUsers.id, userId), eq(adminUsers.active, true), inArray(adminUsers.role, ['consultant', 'supervisor'])))
    .limit(1);
  return user;
}

/** Update a request's fields and its updatedAt. */
export async function updateRequest(db: Db, id: number, now: Date, patch: Partial<CallbackRequestRow>): Promise<CallbackRequestRow> {
  const [row] = await db.update(callbackRequests).set({ ...patch, updatedAt: now }).where(eq(callbackRequests.id, id)).returning();
  if (!row) throw new Error(`callback request ${id} vanished`);
  return row;
}
