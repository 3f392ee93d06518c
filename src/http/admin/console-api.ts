import type { Application } from 'express';
import type { Db } from '../../../db/client.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../core/channel.ts';
import { mountAssigneeRoute } from './assignees.ts';
import { mountCampaignRoutes } from './campaign.ts';
import { mountOpenApi } from './openapi.ts';
import { mountProgressViewRoutes } from './progress-view.ts';
import { mountSmsMeasureRoute } from './sms-measure.ts';
import { mountStaffRoutes } from './staff.ts';
import { mountUnitRoutes } from './units.ts';

/** The routes the console adds to the admin API (units and targets, progress view, campaign, staff, SMS measure, assignees, OpenAPI). */
export function mountConsoleApi(app: Application, deps: { db: Db; config: Config; clock: Clock }): void {
  const guardDeps = { db: deps.db, clock: deps.clock, config: deps.config };
  mountUnitRoutes(app, guardDeps);
  mountProgressViewRoutes(app, guardDeps);
  mountCampaignRoutes(app, guardDeps);
  mountStaffRoutes(app, guardDeps);
  mountSmsMeasureRoute(app, guardDeps);
  mountAssigneeRoute(app, guardDeps);
  mountOpenApi(app, guardDeps);
}
