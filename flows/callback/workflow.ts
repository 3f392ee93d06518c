import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  addHistory,
  newReference,
  nextConsultant,
  openRequestForPhone,
  RESIDENT_ACTOR,
  SYSTEM_ACTOR,
  supervisorContacts,
  updateRequest,
  workerById,
  type CallbackActor,
  type Worker,
} from '../../db/queries/callbacks.ts';
import { callbackRequests, contacts, units, type CallbackRequestRow, type CallbackStatus, type CallbackWindow } from '../../db/schema/index.ts';
import { queueMessages } from '../../src/core/outbox.ts';
import type { Address } from '../../src/core/message.ts';
import { bestAddress } from '../../src/core/contacts.ts';
import { closedMessage, requestCard } from './texts.ts';
import { addWorkingHours, defaultCalendar, formatLocal, nextWorkingDayStart, type WorkingCalendar } from './working-hours.ts';

/** How long consultants have, in working time. */
export interface CallbackPolicy {
  calendar: WorkingCalendar;
  /** Working hours a request may wait to be taken before it is offered again and escalated. */
  deadlineHours: number;
  /** KLL this many times and the request is closed as unreachable. */
  maxAttempts: number;
  hotline: string;
}

/** What the resident gave, after consent. */
export interface CallbackInput {
  contactId: number;
  address: Address;
  name: string;
  phone: string;
  unitCode: string;
  preferredTime: CallbackWindow;
  topic: string | null;
  consentText: string;
}

const DAY_MS = 24 * 60 * 60_000;

async function placeName(db: Db, code: string | null): Promise<string | null> {
  if (!code) return null;
  const [row] = await db.select({ name: units.name, parent: units.parentCode }).from(units).where(eq(units.code, code)).limit(1);
  if (!row) return null;
  const [parent] = row.parent ? await db.select({ name: units.name }).from(units).where(eq(units.code, row.parent)).limit(1) : [];
  return parent ? `${row.name} (${parent.name})` : row.name;
}

/** Queue a message to a contact on the channel they last used; false when they have no reachable address. */
async function tell(db: Db, now: Date, contactId: number, text: string, opts: { preferred?: string | null; notBefore?: Date } = {}): Promise<boolean> {
  const address = await bestAddress(db, contactId, opts.preferred);
  if (!address) return false;
  await queueMessages(db, now, [{ contactId, address, text, priority: 'reply', ...(opts.notBefore && { notBefore: opts.notBefore }) }]);
  return true;
}

/** Tell the assignee about a request (new, offered again, or to call again another day). */
async function notifyAssignee(db: Db, now: Date, worker: Worker, r: CallbackRequestRow, heading: string, notBefore?: Date): Promise<void> {
  await tell(db, now, worker.contactId, requestCard(r, await placeName(db, r.unitCode), heading), notBefore ? { notBefore } : {});
}

/** Give the request to a consultant (or supervisor) and tell them on their chat channel. */
export async function assignTo(
  db: Db,
  now: Date,
  r: CallbackRequestRow,
  user: { id: number; name: string; contactId: number | null },
  actor: CallbackActor,
  heading = `Yêu cầu gọi lại ${r.reference} được giao cho anh/chị`,
): Promise<CallbackRequestRow> {
  const updated = await updateRequest(db, r.id, now, { status: 'assigned', assigneeId: user.id, assignedAt: now });
  await addHistory(db, r.id, now, actor, 'assigned', { to: user.name, toUserId: user.id });
  if (user.contactId !== null) await notifyAssignee(db, now, { id: user.id, name: user.name, contactId: user.contactId }, updated, heading);
  return updated;
}

/**
 * Offer a request to the next consultant of its unit (or the nearest parent unit with one) and tell them.
 * Without any consultant the request stays as it is and its deadline escalates it to a supervisor.
 */
export async function assignNext(db: Db, now: Date, r: CallbackRequestRow, actor: CallbackActor, heading: string): Promise<CallbackRequestRow> {
  const worker = await nextConsultant(db, r.unitCode, r.assigneeId);
  return worker ? assignTo(db, now, r, worker, actor, heading) : r;
}

/**
 * Store a resident's request (consent given): a second request from the same phone within 24 hours, from any
 * channel, updates the open one instead of making another. Then assign and notify.
 */
export async function submitRequest(
  db: Db,
  now: Date,
  policy: CallbackPolicy,
  input: CallbackInput,
): Promise<{ request: CallbackRequestRow; merged: boolean }> {
  const fields = {
    name: input.name,
    unitCode: input.unitCode,
    preferredTime: input.preferredTime,
    topic: input.topic,
    consentAt: now,
    consentText: input.consentText,
  };
  const open = await openRequestForPhone(db, input.phone, new Date(now.getTime() - DAY_MS));
  if (open) {
    let updated = await updateRequest(db, open.id, now, fields);
    await addHistory(db, open.id, now, RESIDENT_ACTOR, 'merged', { contactId: input.contactId, address: input.address.slice(0, input.address.indexOf(':')) });
    if (open.unitCode !== input.unitCode || open.status === 'new') {
      updated = await assignNext(db, now, { ...updated, assigneeId: null }, SYSTEM_ACTOR, `Yêu cầu gọi lại ${updated.reference} (đã cập nhật)`);
    } else if (open.assigneeId) {
      const worker = await workerById(db, open.assigneeId);
      if (worker) await notifyAssignee(db, now, worker, updated, `Yêu cầu gọi lại ${updated.reference} đã được người dân cập nhật`);
    }
    return { request: updated, merged: true };
  }
  const [created] = await db
    .insert(callbackRequests)
    .values({
      ...fields,
      reference: await newReference(db),
      contactId: input.contactId,
      address: input.address,
      phone: input.phone,
      status: 'new',
      deadlineAt: addWorkingHours(policy.calendar, now, policy.deadlineHours),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!created) throw new Error('callback request insert returned no row');
  await addHistory(db, created.id, now, RESIDENT_ACTOR, 'created', { channel: input.address.slice(0, input.address.indexOf(':')) });
  return { request: await assignNext(db, now, created, SYSTEM_ACTOR, `Yêu cầu gọi lại mới ${created.reference}`), merged: false };
}

/** NHAN: the consultant (or a supervisor) takes the request; a console user who takes it becomes its assignee. */
export async function takeRequest(db: Db, now: Date, r: CallbackRequestRow, actor: CallbackActor): Promise<CallbackRequestRow> {
  const reassigned = actor.userId !== null && r.assigneeId !== actor.userId;
  const updated = await updateRequest(db, r.id, now, { status: 'taken', ...(reassigned && { assigneeId: actor.userId, assignedAt: now }) });
  await addHistory(db, r.id, now, actor, 'taken');
  return updated;
}

/** A note from a consultant or supervisor: kept on the request (latest) and in its history. */
export async function addNote(db: Db, now: Date, r: CallbackRequestRow, actor: CallbackActor, note: string): Promise<CallbackRequestRow> {
  const updated = await updateRequest(db, r.id, now, { notes: note });
  await addHistory(db, r.id, now, actor, 'note', { note });
  return updated;
}

/** Close a request (called, done, unreachable, cancelled) and tell the resident, unless they opted out of everything. */
export async function closeRequest(
  db: Db,
  now: Date,
  policy: Pick<CallbackPolicy, 'hotline'>,
  r: CallbackRequestRow,
  status: Extract<CallbackStatus, 'called' | 'done' | 'unreachable' | 'cancelled'>,
  actor: CallbackActor,
  note?: string | null,
): Promise<CallbackRequestRow> {
  const updated = await updateRequest(db, r.id, now, { status, closedAt: now, deadlineAt: null, ...(note && { notes: note }) });
  await addHistory(db, r.id, now, actor, status, note ? { note } : undefined);
  if (status === 'cancelled') return updated;
  const [resident] = await db.select({ optedOut: contacts.optedOut }).from(contacts).where(eq(contacts.id, r.contactId)).limit(1);
  if (resident && !resident.optedOut && (await tell(db, now, r.contactId, closedMessage(updated, policy.hotline), { preferred: r.address }))) {
    await addHistory(db, r.id, now, SYSTEM_ACTOR, 'resident_told');
  }
  return updated;
}

/** KLL: the call did not reach the resident. Offered again next working day; the last attempt closes it. */
export async function notReached(db: Db, now: Date, policy: CallbackPolicy, r: CallbackRequestRow, actor: CallbackActor): Promise<CallbackRequestRow> {
  const attempts = r.attempts + 1;
  await addHistory(db, r.id, now, actor, 'not_reached', { attempt: attempts });
  if (attempts >= policy.maxAttempts) {
    return closeRequest(db, now, policy, await updateRequest(db, r.id, now, { attempts }), 'unreachable', SYSTEM_ACTOR);
  }
  const again = nextWorkingDayStart(policy.calendar, now);
  const updated = await updateRequest(db, r.id, now, {
    attempts,
    status: 'assigned',
    deadlineAt: addWorkingHours(policy.calendar, again, policy.deadlineHours),
  });
  const worker = r.assigneeId ? await workerById(db, r.assigneeId) : undefined;
  if (worker) await notifyAssignee(db, now, worker, updated, `Gọi lại lần ${attempts + 1}: yêu cầu ${r.reference}`, again);
  return updated;
}

/**
 * A request not taken by its deadline: offered to the next consultant (someone else when there is one), and the
 * unit's supervisors (the nearest unit up that has any) are told. The next deadline starts now.
 */
export async function escalate(db: Db, now: Date, policy: CallbackPolicy, r: CallbackRequestRow): Promise<CallbackRequestRow> {
  const previous = r.assigneeId ? await workerById(db, r.assigneeId) : undefined;
  let updated = await updateRequest(db, r.id, now, {
    escalations: r.escalations + 1,
    deadlineAt: addWorkingHours(policy.calendar, now, policy.deadlineHours),
  });
  updated = await assignNext(db, now, updated, SYSTEM_ACTOR, `Yêu cầu gọi lại ${r.reference} chưa ai nhận, chuyển cho anh/chị`);
  const assignee = updated.assigneeId ? await workerById(db, updated.assigneeId) : undefined;
  const supervisors = await supervisorContacts(db, r.unitCode);
  const place = await placeName(db, r.unitCode);
  const text =
    `Nhắc giám sát: yêu cầu gọi lại ${r.reference} (${place ?? 'không rõ nơi'}) chưa được nhận đúng hạn` +
    `${previous ? ` (đã giao ${previous.name})` : ''}. ${assignee ? `Đã chuyển cho ${assignee.name}.` : 'Chưa có tư vấn viên nào của đơn vị.'} ` +
    `Hạn mới: ${updated.deadlineAt ? formatLocal(updated.deadlineAt) : '—'}. Soạn NHAN ${r.reference} để tự nhận.`;
  for (const contactId of supervisors) await tell(db, now, contactId, text);
  await addHistory(db, r.id, now, SYSTEM_ACTOR, 'escalated', { supervisors: supervisors.length, to: assignee?.name ?? null });
  return updated;
}

/** The policy from the configuration: Mon–Sat 08:00–17:00 with public holidays, 3 attempts. */
export function callbackPolicy(config: { deadlineHours: number }, hotline: string): CallbackPolicy {
  return { calendar: defaultCalendar(), deadlineHours: config.deadlineHours, maxAttempts: 3, hotline };
}
