import { createHash, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Application, NextFunction, Request, Response } from 'express';
import express from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { adminTokens, adminUsers, auditLog, callbackRequests, CALLBACK_STATUSES, contacts } from '../../db/schema/index.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../core/channel.ts';
import { localDay } from '../core/clock.ts';
import { HttpError } from './errors.ts';
import { mountBroadcastRoutes } from './admin/broadcasts.ts';
import { DASHBOARD_PAGE } from './dashboard-page.ts';
import { rollUp, descendants, NATION_CODE } from '../../db/queries/progress.ts';
import { issueLinkCode } from '../../db/queries/staff.ts';
import { buildProgressTable, exportProgress } from '../../flows/report/export-progress.ts';
import { toE164 } from '../text/phone.ts';

/** Who called the admin API: the bootstrap token (everything) or a stored token's user and unit scope. */
export interface AdminActor {
  name: string;
  role: 'admin' | 'supervisor' | 'viewer';
  unitScope: string | null;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a));
  const y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}

/** Bearer-token auth for /admin: ADMIN_TOKEN, or a token whose SHA-256 is in admin_tokens and not revoked. */
export function authenticate(db: Db, config: Pick<Config, 'adminToken'>, header: string | undefined): AdminActor | null {
  const m = /^Bearer\s+(\S{16,256})$/.exec(header ?? '');
  if (!m?.[1]) return null;
  const token = m[1];
  if (config.adminToken && sameSecret(token, config.adminToken)) return { name: 'admin-token', role: 'admin', unitScope: null };
  const row = db
    .select({ name: adminUsers.name, role: adminUsers.role, unitScope: adminUsers.unitScope })
    .from(adminTokens)
    .innerJoin(adminUsers, eq(adminUsers.id, adminTokens.userId))
    .where(and(eq(adminTokens.tokenHash, sha256(token)), isNull(adminTokens.revokedAt)))
    .get();
  return row ?? null;
}

const LinkCodeBody = z.object({ phone: z.string().min(8).max(20) });
const CallbackUpdate = z
  .object({
    status: z.enum(CALLBACK_STATUSES).optional(),
    assignee: z.string().max(100).nullable().optional(),
    notes: z.string().max(2000).nullable().optional(),
  })
  .strict();

/** The admin API (progress, exports, link codes). Every route needs a bearer token; every change is audited. */
export function mountAdminApi(app: Application, deps: { db: Db; config: Config; clock: Clock }): void {
  const { db, clock } = deps;
  const auth = (req: Request, res: Response, next: NextFunction) => {
    const actor = authenticate(db, deps.config, req.get('authorization'));
    if (!actor) {
      res.set('WWW-Authenticate', 'Bearer').status(401).json({ error: 'admin token required (Authorization: Bearer …)' });
      return;
    }
    res.locals['actor'] = actor;
    next();
  };
  const actorOf = (res: Response) => res.locals['actor'] as AdminActor;
  mountBroadcastRoutes(app, {
    db,
    clock,
    auth,
    senderOf: (res, write) => {
      const a = actorOf(res);
      return write && a.role === 'viewer' ? null : { name: a.name, unitScope: a.unitScope ?? 'VN', contactId: null };
    },
  });
  // The page itself holds no data: everything it shows comes from the token-protected API.
  app.get('/dashboard', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(DASHBOARD_PAGE);
  });
  const scopeOf = (res: Response, requested: unknown): string => {
    const scope = actorOf(res).unitScope;
    const unit = typeof requested === 'string' && requested !== '' ? requested : (scope ?? NATION_CODE);
    if (scope && unit !== scope) {
      const rollup = rollUp(db, { today: localDay(clock.now()) });
      if (!descendants(rollup, scope).some((u) => u.code === unit)) throw new HttpError(403, `unit ${unit} is outside your scope ${scope}`);
    }
    return unit;
  };

  app.get('/admin/progress', auth, (req, res) => {
    const rollup = rollUp(db, { today: localDay(clock.now()) });
    const code = scopeOf(res, req.query['unit']);
    const unit = rollup.units.get(code) ?? (code === NATION_CODE ? rollup.root : undefined);
    if (!unit) throw new HttpError(404, `unknown unit ${code}`);
    const children = unit.children.map((c) => rollup.units.get(c)).filter((u) => u !== undefined);
    res.json({ today: rollup.today, unit: { ...unit, children: undefined }, children: children.map((u) => ({ ...u, children: undefined })) });
  });

  app.get('/admin/progress.json', auth, (req, res) => {
    res.json(buildProgressTable(db, { now: clock.now(), ...dayRange(req) }));
  });

  app.get('/admin/progress.:format', auth, async (req, res, next) => {
    try {
      const format = req.params['format'];
      if (format !== 'csv' && format !== 'xlsx') throw new HttpError(404, 'format must be csv or xlsx');
      const data = await exportProgress(db, { format, now: clock.now(), ...dayRange(req) });
      res
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`tien-do-${localDay(clock.now())}.${format}`)
        .send(data);
    } catch (err) {
      next(err);
    }
  });

  app.post('/admin/link-codes', auth, express.json({ limit: '8kb' }), (req, res) => {
    const body = LinkCodeBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'body must be {"phone":"09…"}');
    const phone = toE164(body.data.phone);
    if (!phone) throw new HttpError(400, 'not a valid phone number');
    const staff = db.select().from(contacts).where(eq(contacts.phone, phone)).get();
    if (!staff || staff.role === 'resident') throw new HttpError(404, 'no staff member with that phone (import staff first)');
    const now = clock.now();
    const code = issueLinkCode(db, staff.id, now);
    db.insert(auditLog).values({ actor: actorOf(res).name, action: 'link-code.issue', subject: `contact:${staff.id}`, at: now }).run();
    res.status(201).json({ code, contactId: staff.id, message: `Gửi "DK ${code}" từ Telegram hoặc Zalo để liên kết tài khoản (7 ngày).` });
  });

  // The callback queue: residents who asked a consultant to phone them back.
  app.get('/admin/callbacks', auth, (req, res) => {
    const status = typeof req.query['status'] === 'string' ? req.query['status'] : 'new';
    const parsed = z.enum(CALLBACK_STATUSES).safeParse(status);
    if (!parsed.success) throw new HttpError(400, `status must be one of ${CALLBACK_STATUSES.join(', ')}`);
    const rows = db.select().from(callbackRequests).where(eq(callbackRequests.status, parsed.data)).orderBy(asc(callbackRequests.createdAt)).limit(500).all();
    res.json({ callbacks: rows });
  });

  app.patch('/admin/callbacks/:id', auth, express.json({ limit: '16kb' }), (req, res) => {
    const id = parseId(req.params['id']);
    const body = CallbackUpdate.safeParse(req.body);
    if (!body.success) throw new HttpError(400, body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const now = clock.now();
    const updated = db
      .update(callbackRequests)
      .set({ ...body.data, updatedAt: now })
      .where(eq(callbackRequests.id, id))
      .returning()
      .get();
    if (!updated) throw new HttpError(404, `no callback request ${id}`);
    db.insert(auditLog).values({ actor: actorOf(res).name, action: 'callback.update', subject: `callback:${id}`, detail: body.data, at: now }).run();
    res.json(updated);
  });
}

function parseId(raw: unknown): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new HttpError(400, 'id must be a positive whole number');
  return id;
}

function dayRange(req: Request): { from?: string; to?: string } {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const from = typeof req.query['from'] === 'string' && day.test(req.query['from']) ? req.query['from'] : undefined;
  const to = typeof req.query['to'] === 'string' && day.test(req.query['to']) ? req.query['to'] : undefined;
  return { ...(from && { from }), ...(to && { to }) };
}
