import { eq } from 'drizzle-orm';
import type { Application, Request } from 'express';
import express from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { contacts } from '../../db/schema/index.ts';
import { isWithin } from '../../db/queries/unit-scope.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../core/channel.ts';
import { NATION_SCOPE } from '../core/access.ts';
import { localDay } from '../core/clock.ts';
import { HttpError } from './errors.ts';
import { mountBroadcastRoutes } from './admin/broadcasts.ts';
import { DASHBOARD_PAGE } from './dashboard-page.ts';
import { rollUp } from '../../db/queries/progress.ts';
import { issueLinkCode, staffUnitCodes } from '../../db/queries/staff.ts';
import { buildProgressTable, exportProgress } from '../../flows/report/export-progress.ts';
import { toE164 } from '../text/phone.ts';
import { adminRoute, auditBy, principalOf, requireUnit } from './admin/route.ts';
import { mountSessionRoutes } from './admin/session.ts';
import { mountAccountRoutes } from './admin/accounts.ts';
import { mountCallbackRoutes } from './admin/callbacks.ts';

const LinkCodeBody = z.object({ phone: z.string().min(8).max(20) });

/**
 * The admin API. Every route is mounted with `adminRoute`, which declares its action: the guard answers 401/403,
 * handlers check units with `requireUnit` and filter lists to the caller's subtree. Every change is audited.
 */
export function mountAdminApi(app: Application, deps: { db: Db; config: Config; clock: Clock }): void {
  const { db, clock } = deps;
  const guardDeps = { db, clock, config: deps.config };
  mountSessionRoutes(app, { ...guardDeps, secureCookies: deps.config.publicBaseUrl?.startsWith('https:') ?? false });
  mountAccountRoutes(app, guardDeps);
  mountBroadcastRoutes(app, guardDeps);
  // The page itself holds no data: everything it shows comes from the guarded API.
  adminRoute(app, guardDeps, 'get', '/dashboard', 'public', (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(DASHBOARD_PAGE);
  });

  adminRoute(app, guardDeps, 'get', '/admin/progress', 'progress.read', async (req, res) => {
    const scope = principalOf(res).unitScope;
    const requested = typeof req.query['unit'] === 'string' && req.query['unit'] !== '' ? req.query['unit'] : scope;
    const rollup = await rollUp(db, { today: localDay(clock.now()) });
    const code = requested === NATION_SCOPE ? rollup.root.code : requested;
    if (code !== rollup.root.code) await requireUnit(res, db, code);
    const unit = rollup.units.get(code) ?? (code === rollup.root.code ? rollup.root : undefined);
    if (!unit) throw new HttpError(404, 'no such unit in your scope');
    const children = unit.children.map((c) => rollup.units.get(c)).filter((u) => u !== undefined);
    res.json({ today: rollup.today, unit: { ...unit, children: undefined }, children: children.map((u) => ({ ...u, children: undefined })) });
  });

  adminRoute(app, guardDeps, 'get', '/admin/progress.json', 'progress.read', async (req, res) => {
    res.json(await buildProgressTable(db, { now: clock.now(), scope: principalOf(res).unitScope, ...dayRange(req) }));
  });

  adminRoute(app, guardDeps, 'get', '/admin/progress.:format', 'progress.read', async (req, res) => {
    const format = req.params['format'];
    if (format !== 'csv' && format !== 'xlsx') throw new HttpError(404, 'format must be csv or xlsx');
    const data = await exportProgress(db, { format, now: clock.now(), scope: principalOf(res).unitScope, ...dayRange(req) });
    res
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .attachment(`tien-do-${localDay(clock.now())}.${format}`)
      .send(data);
  });

  adminRoute(app, guardDeps, 'post', '/admin/link-codes', 'staff.write', express.json({ limit: '8kb' }), async (req, res) => {
    const body = LinkCodeBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'body must be {"phone":"09…"}');
    const phone = toE164(body.data.phone);
    if (!phone) throw new HttpError(400, 'not a valid phone number');
    const [staff] = await db.select().from(contacts).where(eq(contacts.phone, phone)).limit(1);
    const notFound = 'no staff member with that phone in your scope (import staff first)';
    if (!staff || staff.role === 'resident') throw new HttpError(404, notFound);
    // Every unit the person reports for must lie inside the caller's scope: a code links their whole identity.
    const units = await staffUnitCodes(db, staff);
    const scope = principalOf(res).unitScope;
    if (units.length === 0 ? scope !== NATION_SCOPE : !(await allWithin(db, units, scope))) throw new HttpError(404, notFound);
    const now = clock.now();
    const code = await issueLinkCode(db, staff.id, now);
    await auditBy(db, principalOf(res), 'link-code.issue', `contact:${staff.id}`, now);
    res.status(201).json({ code, contactId: staff.id, message: `Gửi "DK ${code}" từ Telegram hoặc Zalo để liên kết tài khoản (7 ngày).` });
  });

  mountCallbackRoutes(app, guardDeps);
}

/** Whether every unit lies inside the scope (checked one after another: the first outside one settles it). */
async function allWithin(db: Db, codes: string[], scope: string): Promise<boolean> {
  for (const code of codes) if (!(await isWithin(db, code, scope))) return false;
  return true;
}

function dayRange(req: Request): { from?: string; to?: string } {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  const from = typeof req.query['from'] === 'string' && day.test(req.query['from']) ? req.query['from'] : undefined;
  const to = typeof req.query['to'] === 'string' && day.test(req.query['to']) ? req.query['to'] : undefined;
  return { ...(from && { from }), ...(to && { to }) };
}
