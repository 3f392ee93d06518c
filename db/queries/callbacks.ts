import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  adminUsers,
  callbackHistory,
  callbackRequests,
  contacts,
  OPEN_CALLBACK_STATUSES,
  units,
  type CallbackHistoryRow,
  type CallbackRequestRow,
  type CallbackStatus,
} from '../schema/index.ts';
import { NATION_SCOPE } from './unit-scope.ts';

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

/** A reference no other request has. */
export function newReference(db: Db): string {
  for (let i = 0; i < 50; i++) {
    const ref = `${LETTERS[randomInt(LETTERS.length)]}${LETTERS[randomInt(LETTERS.length)]}${String(randomInt(10_000)).padStart(4, '0')}`;
    if (!db.select({ id: callbackRequests.id }).from(callbackRequests).where(eq(callbackRequests.reference, ref)).get()) return ref;
  }
  throw new Error('could not find a free callback reference');
}

/** The request with this reference (any case), or undefined. */
export function requestByReference(db: Db, reference: string): CallbackRequestRow | undefined {
  return db.select().from(callbackRequests).where(eq(callbackRequests.reference, reference.toUpperCase())).get();
}

/** The request with this id, or undefined. */
export function requestById(db: Db, id: number): CallbackRequestRow | undefined {
  return db.select().from(callbackRequests).where(eq(callbackRequests.id, id)).get();
}

/** An open request for this phone made since `since` (a second request within 24 h updates it). */
export function openRequestForPhone(db: Db, phone: string, since: Date): CallbackRequestRow | undefined {
  return db
    .select()
    .from(callbackRequests)
    .where(and(eq(callbackRequests.phone, phone), inArray(callbackRequests.status, OPEN_CALLBACK_STATUSES), gte(callbackRequests.createdAt, since)))
    .orderBy(desc(callbackRequests.createdAt))
    .get();
}

/** The open request of a contact, if any. */
export function openRequestOfContact(db: Db, contactId: number): CallbackRequestRow | undefined {
  return db
    .select()
    .from(callbackRequests)
    .where(and(eq(callbackRequests.contactId, contactId), inArray(callbackRequests.status, OPEN_CALLBACK_STATUSES)))
    .orderBy(desc(callbackRequests.createdAt))
    .get();
}

/** Append one line to a request's history. */
export function addHistory(
  db: Db,
  callbackId: number,
  now: Date,
  actor: CallbackActor,
  event: string,
  detail?: Record<string, string | number | null>,
): void {
  db.insert(callbackHistory)
    .values({ callbackId, at: now, event, actor: actor.name, actorUserId: actor.userId, ...(detail && { detail }) })
    .run();
}

/** A request's history, oldest first. */
export function historyOf(db: Db, callbackId: number): CallbackHistoryRow[] {
  return db.select().from(callbackHistory).where(eq(callbackHistory.callbackId, callbackId)).orderBy(asc(callbackHistory.at), asc(callbackHistory.id)).all();
}

/** The unit and its ancestors, nearest first, ending with the nation's scope (unknown codes give an empty list). */
export function unitChain(db: Db, code: string | null): string[] {
  const chain: string[] = [];
  let current = code;
  while (current && chain.length < 10 && !chain.includes(current)) {
    const row = db.select({ code: units.code, parent: units.parentCode }).from(units).where(eq(units.code, current)).get();
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
export function nextConsultant(db: Db, unitCode: string | null, avoid?: number | null): Worker | undefined {
  const rows = db.all<{ id: number; name: string; contactId: number; depth: number }>(sql`
    WITH RECURSIVE up(code, parent, depth) AS (
      SELECT code, parent_code, 0 FROM units WHERE code = ${unitCode ?? ''}
      UNION ALL
      SELECT u.code, u.parent_code, up.depth + 1 FROM units u JOIN up ON u.code = up.parent WHERE up.depth < 10
    ), chain(code, depth) AS (SELECT code, depth FROM up UNION ALL SELECT ${NATION_SCOPE}, 99)
    SELECT a.id, a.name, a.contact_id AS contactId, chain.depth AS depth
    FROM chain JOIN admin_users a ON a.unit_scope = chain.code
    WHERE a.role = 'consultant' AND a.active = 1 AND a.contact_id IS NOT NULL
    ORDER BY chain.depth,
      (SELECT MAX(c.assigned_at) FROM callback_requests c WHERE c.assignee_id = a.id) IS NOT NULL,
      (SELECT MAX(c.assigned_at) FROM callback_requests c WHERE c.assignee_id = a.id),
      a.id`);
  const nearest = rows.filter((r) => r.depth === rows[0]?.depth);
  const pick = nearest.find((r) => r.id !== avoid) ?? nearest[0];
  return pick ? { id: pick.id, name: pick.name, contactId: pick.contactId } : undefined;
}

/**
 * The contacts to escalate to: the supervisors (console users, or chat contacts with the supervisor role) of the
 * nearest unit, going up from the request's unit, that has any.
 */
export function supervisorContacts(db: Db, unitCode: string | null): number[] {
  for (const code of unitChain(db, unitCode)) {
    const users = db.select({ contactId: adminUsers.contactId }).from(adminUsers).where(activeLinked('supervisor', code)).all();
    const chat = db.select({ contactId: contacts.id }).from(contacts).where(and(eq(contacts.role, 'supervisor'), eq(contacts.unitCode, code))).all();
    const ids = [...new Set([...users, ...chat].map((r) => r.contactId).filter((id): id is number => id !== null))];
    if (ids.length > 0) return ids;
  }
  return [];
}

/** A console user as someone to tell on chat (undefined when not linked to a chat contact). */
export function workerById(db: Db, userId: number): Worker | undefined {
  const row = db.select({ id: adminUsers.id, name: adminUsers.name, contactId: adminUsers.contactId }).from(adminUsers).where(eq(adminUsers.id, userId)).get();
  return row?.contactId != null ? { id: row.id, name: row.name, contactId: row.contactId } : undefined;
}

/** Open requests of a consultant (for DS), oldest first. */
export function openRequestsOf(db: Db, userId: number, limit = 20): CallbackRequestRow[] {
  return db
    .select()
    .from(callbackRequests)
    .where(and(eq(callbackRequests.assigneeId, userId), inArray(callbackRequests.status, OPEN_CALLBACK_STATUSES)))
    .orderBy(asc(callbackRequests.createdAt))
    .limit(limit)
    .all();
}

/** Requests not taken whose deadline has passed. */
export function overdueRequests(db: Db, now: Date, limit = 500): CallbackRequestRow[] {
  return db
    .select()
    .from(callbackRequests)
    .where(and(inArray(callbackRequests.status, ['new', 'assigned']), lte(callbackRequests.deadlineAt, now)))
    .orderBy(asc(callbackRequests.deadlineAt))
    .limit(limit)
    .all();
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
export function listRequests(db: Db, f: CallbackFilter, page: { limit: number; offset: number }): { rows: CallbackListRow[]; total: number } {
  const rows = db
    .select({ request: callbackRequests, unitName: units.name, assigneeName: adminUsers.name })
    .from(callbackRequests)
    .leftJoin(units, eq(units.code, callbackRequests.unitCode))
    .leftJoin(adminUsers, eq(adminUsers.id, callbackRequests.assigneeId))
    .where(where(f))
    .orderBy(asc(callbackRequests.createdAt), asc(callbackRequests.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map((r) => ({ ...r.request, unitName: r.unitName, assigneeName: r.assigneeName }));
  const total = db.select({ n: sql<number>`count(*)` }).from(callbackRequests).where(where(f)).get()?.n ?? 0;
  return { rows, total };
}

/** The names shown beside a request: its unit's and its assignee's. */
export function namesOf(db: Db, r: Pick<CallbackRequestRow, 'unitCode' | 'assigneeId'>): { unitName: string | null; assigneeName: string | null } {
  const unit = r.unitCode ? db.select({ name: units.name }).from(units).where(eq(units.code, r.unitCode)).get() : undefined;
  const user = r.assigneeId ? db.select({ name: adminUsers.name }).from(adminUsers).where(eq(adminUsers.id, r.assigneeId)).get() : undefined;
  return { unitName: unit?.name ?? null, assigneeName: user?.name ?? null };
}

/** Is this console user someone a request can be assigned to (active consultant or supervisor)? */
export function assignableUser(db: Db, userId: number): { id: number; name: string; unitScope: string | null; contactId: number | null } | undefined {
  return db
    .select({ id: adminUsers.id, name: adminUsers.name, unitScope: adminUsers.unitScope, contactId: adminUsers.contactId })
    .from(adminUsers)
    .where(and(eq(adminUsers.id, userId), eq(adminUsers.active, true), inArray(adminUsers.role, ['consultant', 'supervisor'])))
    .get();
}

/** Update a request's fields and its updatedAt. */
export function updateRequest(db: Db, id: number, now: Date, patch: Partial<CallbackRequestRow>): CallbackRequestRow {
  const row = db.update(callbackRequests).set({ ...patch, updatedAt: now }).where(eq(callbackRequests.id, id)).returning().get();
  if (!row) throw new Error(`callback request ${id} vanished`);
  return row;
}
