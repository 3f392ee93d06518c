import type { Application } from 'express';
import { z } from 'zod';
import { dailyCounts, notReportedToday, rollUp, type UnitProgress } from '../../../db/queries/progress.ts';
import { exportProgress } from '../../../flows/report/export-progress.ts';
import { NATION_SCOPE } from '../../core/access.ts';
import type { Clock } from '../../core/channel.ts';
import { localDay } from '../../core/clock.ts';
import { HttpError } from '../errors.ts';
import { documentedRoute } from './openapi.ts';
import { pathWithin } from './units.ts';
import { principalOf, requireUnit, type GuardDeps } from './route.ts';

/** Most "not reported today" units listed by name (the count is always complete). */
const MISSING_LISTED = 300;

const UnitQuery = z.object({ unit: z.string().max(20).optional().describe("a unit code (default: the caller's scope)") });
const ExportQuery = UnitQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
const Standing = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  target: z.number(),
  total: z.number(),
  todayCount: z.number(),
  reportedToday: z.boolean(),
  childCount: z.number(),
});
const SummaryAnswer = z.object({
  today: z.string(),
  path: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  unit: Standing,
  children: z.array(Standing),
  daily: z.array(z.object({ day: z.string(), count: z.number() })),
  missing: z.object({ count: z.number(), units: z.array(z.object({ code: z.string(), name: z.string(), parentName: z.string() })) }),
});

function standing(u: UnitProgress): z.infer<typeof Standing> {
  return { code: u.code, name: u.name, level: u.level, target: u.target, total: u.total, todayCount: u.todayCount, reportedToday: u.reportedToday, childCount: u.children.length };
}

/**
 * What the console's progress page shows for one unit, in one answer: the unit and its children against target,
 * the breadcrumb with names, the daily line, and the units below that have not reported today; and the export of
 * that subtree.
 */
export function mountProgressViewRoutes(app: Application, deps: GuardDeps & { clock: Clock }): void {
  const { db, clock } = deps;
  const unitOf = async (res: Parameters<typeof principalOf>[0], requested: string | undefined): Promise<string> => {
    const code = requested && requested !== '' ? requested : principalOf(res).unitScope;
    await requireUnit(res, db, code);
    return code;
  };

  documentedRoute(
    app,
    deps,
    { method: 'get', path: '/admin/progress/summary', summary: "A unit's progress for the console: children, breadcrumb, daily line, not reported today", query: UnitQuery, response: SummaryAnswer },
    'progress.read',
    async (req, res) => {
      const q = UnitQuery.safeParse(req.query);
      if (!q.success) throw new HttpError(400, 'unit must be a unit code');
      const code = await unitOf(res, q.data.unit);
      const rollup = await rollUp(db, { today: localDay(clock.now()) });
      const unit = code === NATION_SCOPE ? rollup.root : rollup.units.get(code);
      if (!unit) throw new HttpError(404, 'no such unit in your scope');
      const children = unit.children.flatMap((c) => {
        const u = rollup.units.get(c);
        return u ? [standing(u)] : [];
      });
      const missing = notReportedToday(rollup, unit.code);
      res.json({
        today: rollup.today,
        path: await pathWithin(db, code, principalOf(res).unitScope),
        unit: standing(unit),
        children,
        daily: await dailyCounts(db, code),
        missing: {
          count: missing.length,
          units: missing.slice(0, MISSING_LISTED).map((m) => ({
            code: m.code,
            name: m.name,
            parentName: m.parentCode !== null && m.parentCode !== unit.code ? (rollup.units.get(m.parentCode)?.name ?? '') : '',
          })),
        },
      });
    },
  );

  documentedRoute(
    app,
    deps,
    { method: 'get', path: '/admin/progress/export', summary: "Progress of a unit's subtree as CSV (UTF-8 with BOM) or XLSX", query: ExportQuery },
    'progress.read',
    async (req, res) => {
      const q = ExportQuery.safeParse(req.query);
      if (!q.success) throw new HttpError(400, 'format must be csv or xlsx');
      const code = await unitOf(res, q.data.unit);
      const format = q.data.format;
      const data = await exportProgress(db, { format, now: clock.now(), scope: code });
      res
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`tien-do-${code}-${localDay(clock.now())}.${format}`)
        .send(data);
    },
  );
}
