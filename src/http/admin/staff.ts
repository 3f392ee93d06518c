import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Application } from 'express';
import { z } from 'zod';
import { transaction } from '../../../db/client.ts';
import { addresses, contacts, linkCodes, staffUnits, units } from '../../../db/schema/index.ts';
import { importStaff } from '../../../flows/report/import-staff.ts';
import { inSubtree, isWithin } from '../../../db/queries/unit-scope.ts';
import type { Clock } from '../../core/channel.ts';
import { HttpError } from '../errors.ts';
import { parseId } from './accounts.ts';
import { documentedRoute } from './openapi.ts';
import { auditBy, principalOf, requireUnit, scopeCondition, type GuardDeps } from './route.ts';
import { csvBody, csvJsonBody, csvText, isDryRun } from './units.ts';

const StaffQuery = z.object({ unit: z.string().max(20).optional().describe('only this unit and below') });
const StaffMember = z.object({
  id: z.number(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.enum(['staff', 'supervisor']),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  channels: z.array(z.string()).describe('channels the person can be reached on (sms, telegram, zalo, web)'),
});
const ImportAnswer = z.object({ imported: z.number(), updated: z.number(), bad: z.array(z.object({ line: z.number(), reason: z.string() })), dryRun: z.boolean() });

/** Field staff and supervisors of the caller's subtree: list, import a CSV (dry run first), deactivate. */
export function mountStaffRoutes(app: Application, deps: GuardDeps & { clock: Clock }): void {
  const { db, clock } = deps;

  documentedRoute(app, deps, { method: 'get', path: '/admin/staff', summary: "Staff and supervisors of the caller's subtree", query: StaffQuery, response: z.object({ staff: z.array(StaffMember) }) }, 'staff.read', async (req, res) => {
    const q = StaffQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'unit must be a unit code');
    const p = principalOf(res);
    const unit = q.data.unit && q.data.unit !== '' ? q.data.unit : p.unitScope;
    await requireUnit(res, db, unit);
    const rows = await db
      .select({ id: contacts.id, name: contacts.name, phone: contacts.phone, role: contacts.role, unitCode: contacts.unitCode, unitName: units.name })
      .from(contacts)
      .leftJoin(units, eq(units.code, contacts.unitCode))
      .where(and(inArray(contacts.role, ['staff', 'supervisor']), scopeCondition(res, contacts.unitCode), unit !== p.unitScope ? inSubtree(contacts.unitCode, unit) : undefined))
      .orderBy(asc(contacts.unitCode), asc(contacts.name))
      .limit(5000);
    const ids = rows.map((r) => r.id);
    const channels = new Map<number, Set<string>>();
    for (let i = 0; i < ids.length; i += 500) {
      const found = await db
        .select({ contactId: addresses.contactId, channel: addresses.channel })
        .from(addresses)
        .where(and(inArray(addresses.contactId, ids.slice(i, i + 500)), isNull(addresses.stoppedAt)));
      for (const a of found) (channels.get(a.contactId) ?? channels.set(a.contactId, new Set()).get(a.contactId))?.add(a.channel);
    }
    res.json({ staff: rows.map((r) => ({ ...r, role: r.role === 'supervisor' ? 'supervisor' : 'staff', channels: [...(channels.get(r.id) ?? [])].sort() })) });
  });

  documentedRoute(
    app,
    deps,
    {
      method: 'post',
      path: '/admin/staff/import',
      summary: 'Import staff from a CSV (name, phone, unit_code, role[, telegram, zalo]); dryRun=1 reports without writing; a file with bad rows imports nothing',
      query: z.object({ dryRun: z.enum(['1', '0', 'true', 'false']).optional() }),
      body: 'csv',
      response: ImportAnswer,
    },
    'staff.write',
    csvBody,
    csvJsonBody,
    async (req, res) => {
      const p = principalOf(res);
      const dryRun = isDryRun(req);
      const now = clock.now();
      const result = await importStaff(db, csvText(req), { dryRun, now, unitAllowed: (code) => isWithin(db, code, p.unitScope) });
      if (!dryRun && result.bad.length === 0) await auditBy(db, p, 'staff.import', null, now, { imported: result.imported, updated: result.updated });
      res.status(result.bad.length > 0 ? 422 : 200).json({ ...result, dryRun });
    },
  );

  documentedRoute(
    app,
    deps,
    { method: 'post', path: '/admin/staff/:id/deactivate', summary: 'A staff member leaves: their reports stop being taken and their link codes stop working', status: 200 },
    'staff.write',
    async (req, res) => {
      const id = parseId(req.params['id']);
      const [person] = await db.select().from(contacts).where(eq(contacts.id, id));
      if (!person || person.role === 'resident') throw new HttpError(404, 'no such staff member in your scope');
      await requireUnit(res, db, person.unitCode, 'staff member');
      const now = clock.now();
      const extra = await db.select({ unitCode: staffUnits.unitCode }).from(staffUnits).where(eq(staffUnits.contactId, id));
      await transaction(db, async (tx) => {
        // They stay a contact (their history and subscriptions are theirs) but no longer act for a unit.
        await tx.update(contacts).set({ role: 'resident' }).where(eq(contacts.id, id));
        await tx.delete(staffUnits).where(eq(staffUnits.contactId, id));
        await tx.update(linkCodes).set({ expiresAt: now }).where(and(eq(linkCodes.contactId, id), isNull(linkCodes.usedAt)));
      });
      await auditBy(db, principalOf(res), 'staff.deactivate', `contact:${id}`, now, { role: person.role, unitCode: person.unitCode, extraUnits: extra.map((e) => e.unitCode) });
      res.json({ id, active: false });
    },
  );
}

