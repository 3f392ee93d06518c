import type { Application, Request, Response } from 'express';
import express from 'express';
import { z } from 'zod';
import { inSubtree, isWithin } from '../../../db/queries/unit-scope.ts';
import {
  activeHotline,
  assignableUser,
  historyOf,
  namesOf,
  listRequests,
  requestById,
  requestByReference,
  REFERENCE_RE,
  type CallbackFilter,
  type CallbackListRow,
} from '../../../db/queries/callbacks.ts';
import { callbackRequests, CALLBACK_STATUSES, OPEN_CALLBACK_STATUSES, type CallbackRequestRow } from '../../../db/schema/index.ts';
import { exportCallbacks } from '../../../flows/callback/export.ts';
import { addNote, assignTo, callbackPolicy, closeRequest, takeRequest } from '../../../flows/callback/workflow.ts';
import { transaction, type Db } from '../../../db/client.ts';
import { localDay } from '../../core/clock.ts';
import type { Principal } from '../../core/access.ts';
import type { Config } from '../../config.ts';
import { HttpError } from '../errors.ts';
import { adminRoute, auditBy, principalOf, requireUnit, scopeCondition, type GuardDeps } from './route.ts';

const ListQuery = z.object({
  unit: z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/, 'unit must be a unit code').optional(),
  status: z.enum(CALLBACK_STATUSES).optional(),
  assignee: z.coerce.number().int().positive().optional(),
  /** Only requests at least this many hours old. */
  age: z.coerce.number().min(0).max(24 * 366).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
const AssignBody = z.object({ assigneeId: z.number().int().positive() }).strict();
const CLOSING = ['called', 'done', 'unreachable', 'cancelled'] as const;
const StatusBody = z
  .object({ status: z.enum([...CLOSING, 'taken']).optional(), note: z.string().trim().min(1).max(2000).optional() })
  .strict()
  .refine((b) => b.status !== undefined || b.note !== undefined, 'give a status, a note, or both');
const NoteBody = z.object({ text: z.string().trim().min(1).max(2000) }).strict();

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

/** The JSON view of a request (the field names `reference`, `status`, `unitCode`, `assignee`, `history` are a contract). */
function view(r: CallbackRequestRow | CallbackListRow, names: { unitName: string | null; assigneeName: string | null }) {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    unitCode: r.unitCode,
    unitName: names.unitName,
    name: r.name,
    phone: r.phone,
    preferredTime: r.preferredTime,
    topic: r.topic,
    assignee: r.assigneeId ? { id: r.assigneeId, name: names.assigneeName } : null,
    attempts: r.attempts,
    escalations: r.escalations,
    deadlineAt: r.deadlineAt?.toISOString() ?? null,
    notes: r.notes,
    consentAt: r.consentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

/** The admin API of the callback queue: list, one request with its history, assign, status, notes, exports. */
export function mountCallbackRoutes(app: Application, deps: GuardDeps & { config: Pick<Config, 'callbacks'> }): void {
  const { db, clock } = deps;
  const json = express.json({ limit: '16kb' });
  const policy = async (q: Db) => callbackPolicy(deps.config.callbacks, await activeHotline(q));

  async function filterFrom(req: Request, res: Response): Promise<{ filter: CallbackFilter; page: { limit: number; offset: number } }> {
    const q = ListQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, zodMessage(q.error));
    const { unit, status, assignee, age, limit, offset } = q.data;
    if (unit) await requireUnit(res, db, unit);
    const filter: CallbackFilter = {
      units: [scopeCondition(res, callbackRequests.unitCode), unit ? inSubtree(callbackRequests.unitCode, unit) : undefined],
      ...(status && { status }),
      ...(assignee !== undefined && { assigneeId: assignee }),
      ...(age !== undefined && { createdBefore: new Date(clock.now().getTime() - age * 3_600_000) }),
    };
    return { filter, page: { limit, offset } };
  }

  /** The request at :id (a number or a reference), if the caller's scope reaches it; 404 otherwise. */
  async function load(req: Request, res: Response): Promise<CallbackRequestRow> {
    const raw = String(req.params['id'] ?? '');
    const r = /^\d{1,12}$/.test(raw) ? await requestById(db, Number(raw)) : REFERENCE_RE.test(raw.toUpperCase()) ? await requestByReference(db, raw) : undefined;
    if (!r) throw new HttpError(404, 'no such callback request');
    await requireUnit(res, db, r.unitCode, 'callback request');
    return r;
  }

  /** Only the assignee or a supervisor/admin of the unit may change a request. */
  function mayAct(p: Principal, r: CallbackRequestRow): void {
    if (p.role === 'supervisor' || p.role === 'admin') return;
    if (p.userId !== null && r.assigneeId === p.userId) return;
    throw new HttpError(403, 'only the assignee or a supervisor of the unit may change this request');
  }

  async function detail(r: CallbackRequestRow) {
    const names = await namesOf(db, r);
    return {
      ...view(r, names),
      history: (await historyOf(db, r.id)).map((h) => ({ at: h.at.toISOString(), event: h.event, actor: h.actor, actorUserId: h.actorUserId, detail: h.detail })),
    };
  }

  adminRoute(app, deps, 'get', '/admin/callbacks', 'callbacks.read', async (req, res) => {
    const { filter, page } = await filterFrom(req, res);
    const { rows, total } = await listRequests(db, filter, page);
    res.json({ callbacks: rows.map((r) => view(r, r)), total, limit: page.limit, offset: page.offset });
  });

  adminRoute(app, deps, 'get', '/admin/callbacks.:format', 'callbacks.read', async (req, res, next) => {
    try {
      const format = req.params['format'];
      if (format !== 'csv' && format !== 'xlsx') throw new HttpError(404, 'format must be csv or xlsx');
      const { filter } = await filterFrom(req, res);
      const { rows } = await listRequests(db, filter, { limit: 50_000, offset: 0 });
      const now = clock.now();
      const data = await exportCallbacks(rows, format, now);
      res
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`goi-lai-${localDay(now)}.${format}`)
        .send(data);
    } catch (err) {
      next(err);
    }
  });

  adminRoute(app, deps, 'get', '/admin/callbacks/:id', 'callbacks.read', async (req, res) => {
    res.json(await detail(await load(req, res)));
  });

  /**
   * A write on one request: who may, the body's shape, and the change (run in one transaction, audited). The change
   * queries through `tx`, the transaction's handle (on PostgreSQL a transaction's own connection).
   */
  function writeRoute<T>(
    method: 'post' | 'patch',
    path: string,
    body: z.ZodType<T>,
    allowed: (p: Principal, r: CallbackRequestRow) => void,
    change: (w: { tx: Db; p: Principal; r: CallbackRequestRow; body: T; now: Date; actor: { userId: number | null; name: string } }) => Promise<CallbackRequestRow>,
    answer: 200 | 201 = 200,
  ): void {
    adminRoute(app, deps, method, path, 'callbacks.write', json, async (req, res) => {
      const p = principalOf(res);
      const r = await load(req, res);
      allowed(p, r);
      const parsed = body.safeParse(req.body);
      if (!parsed.success) throw new HttpError(400, zodMessage(parsed.error));
      const now = clock.now();
      const updated = await transaction(db, (tx) => change({ tx, p, r, body: parsed.data, now, actor: { userId: p.userId, name: p.name } }));
      res.status(answer).json(await detail(updated));
    });
  }

  const isOpen = (r: CallbackRequestRow) => (OPEN_CALLBACK_STATUSES as readonly string[]).includes(r.status);

  writeRoute(
    'post',
    '/admin/callbacks/:id/assign',
    AssignBody,
    (p) => {
      if (p.role !== 'supervisor' && p.role !== 'admin') throw new HttpError(403, 'only supervisors and admins assign requests');
    },
    async ({ tx, p, r, body, now, actor }) => {
      const user = await assignableUser(tx, body.assigneeId);
      if (!user || !user.unitScope || !(await isWithin(tx, r.unitCode ?? '', user.unitScope))) {
        throw new HttpError(400, 'assigneeId must be an active consultant or supervisor whose units include the request');
      }
      if (!isOpen(r)) throw new HttpError(409, `the request is closed (${r.status})`);
      const u = await assignTo(tx, now, r, user, actor);
      await auditBy(tx, p, 'callback.assign', `callback:${r.id}`, now, { from: r.assigneeId, to: user.id });
      return u;
    },
  );

  writeRoute('patch', '/admin/callbacks/:id', StatusBody, mayAct, async ({ tx, p, r, body, now, actor }) => {
    const { status, note } = body;
    if (status && !isOpen(r)) throw new HttpError(409, `the request is closed (${r.status}); it cannot change status`);
    let u = r;
    // A closing status carries its note itself; otherwise the note is added on its own.
    if (note && (!status || status === 'taken')) u = await addNote(tx, now, u, actor, note);
    if (status === 'taken') u = await takeRequest(tx, now, u, actor);
    else if (status) u = await closeRequest(tx, now, await policy(tx), u, status, actor, note ?? null);
    await auditBy(tx, p, 'callback.update', `callback:${r.id}`, now, { before: r.status, after: u.status, note: note ? 'yes' : 'no' });
    return u;
  });

  writeRoute('post', '/admin/callbacks/:id/notes', NoteBody, mayAct, async ({ tx, p, r, body, now, actor }) => {
    const u = await addNote(tx, now, r, actor, body.text);
    await auditBy(tx, p, 'callback.note', `callback:${r.id}`, now);
    return u;
  }, 201);
}
