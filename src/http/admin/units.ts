import express, { type Application, type Request } from 'express';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { rollUp } from '../../../db/queries/progress.ts';
import { isWithin } from '../../../db/queries/unit-scope.ts';
import { childListings, importTargets, listing, setUnitTarget, unitPath } from '../../../db/queries/units.ts';
import { importUnits } from '../../../db/seed/units.ts';
import { NATION_SCOPE } from '../../core/access.ts';
import type { Clock } from '../../core/channel.ts';
import { localDay } from '../../core/clock.ts';
import { HttpError } from '../errors.ts';
import { documentedRoute } from './openapi.ts';
import { auditBy, principalOf, requireUnit, type GuardDeps } from './route.ts';

const UnitListingSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['nation', 'province', 'district', 'commune']),
  parentCode: z.string().nullable(),
  target: z.number().int().describe('the target in force: own, else the default for a lowest-level unit, else the sum of the children'),
  ownTarget: z.number().int().nullable().describe('the target set on this unit (null = derived)'),
  childCount: z.number().int(),
});
const Crumb = z.object({ code: z.string(), name: z.string(), level: z.string() });
const UnitsAnswer = z.object({ parent: UnitListingSchema, path: z.array(Crumb), units: z.array(UnitListingSchema) });
const UnitsQuery = z.object({ parent: z.string().max(20).optional().describe("a unit code (default: the caller's scope; VN = the nation)") });
const TargetBody = z.object({ target: z.number().int().min(0).max(1_000_000).nullable().describe('null clears the own target') }).strict();
const DryRunQuery = z.object({ dryRun: z.enum(['1', '0', 'true', 'false']).optional().describe('1: check and report, change nothing') });

/** `?dryRun=1|true`. */
export function isDryRun(req: Request): boolean {
  const v = req.query['dryRun'];
  return v === '1' || v === 'true';
}

/** A text/csv (or text/plain) body of at most 5 MB, as a string. */
export const csvBody = express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '5mb' });

/** Scripts may also send `{"csv": "…"}` as JSON. */
export const csvJsonBody = express.json({ limit: '5mb' });

/** The CSV text of a request (a text/csv body, or JSON `{"csv": "…"}`), or a 400. */
export function csvText(req: Request): string {
  const body: unknown = req.body;
  const text = typeof body === 'string' ? body : typeof body === 'object' && body !== null && 'csv' in body && typeof body.csv === 'string' ? body.csv : '';
  if (text.trim() === '') throw new HttpError(400, 'send the CSV file as the body with Content-Type: text/csv (or JSON {"csv": "…"})');
  return text;
}

/**
 * The unit tree and targets: children of a unit with names and targets (a contract: `GET /admin/units?parent=CODE`),
 * a unit's own target, targets from a CSV, and (admins of the nation) a new unit tree, each with a dry run.
 */
export function mountUnitRoutes(app: Application, deps: GuardDeps & { clock: Clock }): void {
  const { db, clock } = deps;
  const json = express.json({ limit: '4kb' });

  documentedRoute(app, deps, { method: 'get', path: '/admin/units', summary: "A unit's children with names and targets", query: UnitsQuery, response: UnitsAnswer }, 'units.read', async (req, res) => {
    const scope = principalOf(res).unitScope;
    const q = UnitsQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'parent must be a unit code');
    const parent = q.data.parent && q.data.parent !== '' ? q.data.parent : scope;
    await requireUnit(res, db, parent);
    const rollup = await rollUp(db, { today: localDay(clock.now()) });
    const self = parent === NATION_SCOPE ? rollup.root : rollup.units.get(parent);
    if (!self) throw new HttpError(404, 'no such unit in your scope');
    res.json({ parent: await listing(db, self), path: await pathWithin(db, parent, scope), units: await childListings(db, rollup, parent) });
  });

  documentedRoute(app, deps, { method: 'put', path: '/admin/units/:code/target', summary: "Set or clear a unit's own target", body: TargetBody, response: UnitListingSchema }, 'units.write', json, async (req, res) => {
    const code = String(req.params['code']);
    if (code === NATION_SCOPE) throw new HttpError(400, "the nation's target is the sum of the provinces'");
    await requireUnit(res, db, code);
    const body = TargetBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'body must be {"target": a whole number from 0 to 1000000, or null}');
    const { before } = await setUnitTarget(db, code, body.data.target);
    await auditBy(db, principalOf(res), 'unit.target', `unit:${code}`, clock.now(), { before, after: body.data.target });
    const after = (await rollUp(db, { today: localDay(clock.now()) })).units.get(code);
    if (!after) throw new HttpError(404, 'no such unit in your scope');
    res.json(await listing(db, after));
  });

  documentedRoute(
    app,
    deps,
    { method: 'post', path: '/admin/units/targets', summary: 'Import targets from a CSV (columns code, target); dryRun=1 reports the changes only', query: DryRunQuery, body: 'csv' },
    'units.write',
    csvBody,
    csvJsonBody,
    async (req, res) => {
      const p = principalOf(res);
      const result = await importTargets(db, csvText(req), { dryRun: isDryRun(req), allowed: (code) => isWithin(db, code, p.unitScope) });
      if (result.applied) await auditBy(db, p, 'unit.targets-import', null, clock.now(), { changes: result.changes.length });
      res.status(result.bad.length > 0 ? 422 : 200).json(result);
    },
  );

  documentedRoute(
    app,
    deps,
    { method: 'post', path: '/admin/units/import', summary: 'Import a unit tree (code,name,type,level,parent_code[,target]); admins of the nation only; dryRun=1 checks only', query: DryRunQuery, body: 'csv' },
    'units.write',
    csvBody,
    csvJsonBody,
    async (req, res) => {
      const p = principalOf(res);
      if (p.role !== 'admin' || p.unitScope !== NATION_SCOPE) throw new HttpError(403, 'only a national admin may change the unit tree');
      const dryRun = isDryRun(req);
      // db/seed stays synchronous for now (its owner converts it); awaiting a plain value is harmless.
      const result = await importUnits(db, csvText(req), { dryRun });
      if (!dryRun && result.bad.length === 0) await auditBy(db, p, 'unit.tree-import', null, clock.now(), { imported: result.imported, added: result.added });
      res.status(result.bad.length > 0 ? 422 : 200).json({ ...result, dryRun });
    },
  );
}

/** The breadcrumb from the caller's scope down to `code` (a province supervisor's starts at their province). */
export async function pathWithin(db: Db, code: string, scope: string): Promise<{ code: string; name: string; level: string }[]> {
  const path = await unitPath(db, code);
  const at = path.findIndex((c) => c.code === scope);
  return at > 0 ? path.slice(at) : path;
}

