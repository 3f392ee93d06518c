import { and, eq, inArray } from 'drizzle-orm';
import type { Application } from 'express';
import { z } from 'zod';
import { adminUsers } from '../../../db/schema/index.ts';
import { isWithin } from '../../../db/queries/unit-scope.ts';
import { NATION_SCOPE } from '../../core/access.ts';
import { HttpError } from '../errors.ts';
import { documentedRoute } from './openapi.ts';
import { principalOf, requireUnit, type GuardDeps } from './route.ts';

const AssigneesQuery = z.object({ unit: z.string().max(20).optional().describe("a unit code (default: the caller's scope)") });
const Assignee = z.object({ id: z.number(), name: z.string(), role: z.enum(['consultant', 'supervisor', 'admin']), unitCode: z.string() });

/**
 * Who may take a callback request of a unit: active consultants and supervisors (and admins) whose scope holds
 * the unit, as the console's "assign to" list. Only people the caller's own scope reaches are listed.
 */
export function mountAssigneeRoute(app: Application, deps: GuardDeps): void {
  const { db } = deps;
  documentedRoute(
    app,
    deps,
    { method: 'get', path: '/admin/assignees', summary: 'Consultants and supervisors who may take callback requests of a unit', query: AssigneesQuery, response: z.object({ assignees: z.array(Assignee) }) },
    'callbacks.read',
    async (req, res) => {
      const q = AssigneesQuery.safeParse(req.query);
      if (!q.success) throw new HttpError(400, 'unit must be a unit code');
      const scope = principalOf(res).unitScope;
      const unit = q.data.unit && q.data.unit !== '' ? q.data.unit : scope;
      await requireUnit(res, db, unit);
      const users = await db
        .select({ id: adminUsers.id, name: adminUsers.name, role: adminUsers.role, unitScope: adminUsers.unitScope })
        .from(adminUsers)
        .where(and(eq(adminUsers.active, true), inArray(adminUsers.role, ['consultant', 'supervisor', 'admin'])))
        .orderBy(adminUsers.name);
      const assignees: z.infer<typeof Assignee>[] = [];
      for (const u of users) {
        const userScope = u.unitScope ?? NATION_SCOPE;
        // The unit is inside their scope, and they are inside the caller's (a province never sees central staff's peers elsewhere).
        const covers = userScope === NATION_SCOPE || (await isWithin(db, unit, userScope));
        const visible = scope === NATION_SCOPE || (userScope !== NATION_SCOPE && (await isWithin(db, userScope, scope)));
        if (covers && visible) assignees.push({ id: u.id, name: u.name, role: u.role as 'consultant' | 'supervisor' | 'admin', unitCode: userScope });
      }
      res.json({ assignees });
    },
  );
}
