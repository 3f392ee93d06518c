import { eq } from 'drizzle-orm';
import express, { type Application } from 'express';
import { z } from 'zod';
import { campaigns, type CampaignRow } from '../../../db/schema/index.ts';
import { parseLaunchAt, startsOn } from '../../../db/seed/seed.ts';
import type { Clock } from '../../core/channel.ts';
import { HttpError } from '../errors.ts';
import { documentedRoute } from './openapi.ts';
import { auditBy, principalOf, type GuardDeps } from './route.ts';

const CampaignAnswer = z.object({
  id: z.number(),
  name: z.string(),
  theme: z.string(),
  hotline: z.string(),
  launchAt: z.string().describe('ISO date-time (UTC)'),
  startsOn: z.string().describe('first day reports are accepted (YYYY-MM-DD, Asia/Ho_Chi_Minh)'),
  defaultTarget: z.number().describe('target of each lowest-level unit without its own'),
  messages: z.array(z.string()),
});

const CampaignPatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    theme: z.string().trim().min(1).max(500),
    hotline: z.string().trim().min(3).max(30),
    launchAt: z.string().max(40).describe('ISO date-time; without an offset it is Asia/Ho_Chi_Minh local time'),
    defaultTarget: z.number().int().min(0).max(1_000_000),
    messages: z.array(z.string().trim().min(1).max(2000)).min(1).max(50),
  })
  .partial()
  .strict();

function view(c: CampaignRow): z.infer<typeof CampaignAnswer> {
  return {
    id: c.id,
    name: c.name,
    theme: c.theme,
    hotline: c.hotline,
    launchAt: c.launchAt.toISOString(),
    startsOn: c.startsOn,
    defaultTarget: c.districtTarget,
    messages: c.messages,
  };
}

/** The active campaign's settings: launch date and time, messages, default target per unit, theme, hotline. */
export function mountCampaignRoutes(app: Application, deps: GuardDeps & { clock: Clock }): void {
  const { db, clock } = deps;
  const active = async (): Promise<CampaignRow> => {
    const [c] = await db.select().from(campaigns).where(eq(campaigns.active, true)).orderBy(campaigns.id).limit(1);
    if (!c) throw new HttpError(404, 'no active campaign (run `bhxh-outreach seed`)');
    return c;
  };

  documentedRoute(app, deps, { method: 'get', path: '/admin/campaign', summary: 'The active campaign', response: CampaignAnswer }, 'campaign.read', async (_req, res) => {
    res.json(view(await active()));
  });

  documentedRoute(
    app,
    deps,
    { method: 'patch', path: '/admin/campaign', summary: 'Change the active campaign (launch, messages, default target, theme, hotline)', body: CampaignPatch, response: CampaignAnswer },
    'campaign.write',
    express.json({ limit: '64kb' }),
    async (req, res) => {
      const body = CampaignPatch.safeParse(req.body);
      if (!body.success) throw new HttpError(400, body.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
      const before = await active();
      const { launchAt: launchText, defaultTarget, ...rest } = body.data;
      let launchAt: Date | undefined;
      if (launchText !== undefined) {
        try {
          launchAt = parseLaunchAt(launchText);
        } catch {
          throw new HttpError(400, 'launchAt: not a date-time (e.g. 2027-05-23T08:00)');
        }
      }
      const [updated] = await db
        .update(campaigns)
        .set({
          ...rest,
          ...(defaultTarget !== undefined && { districtTarget: defaultTarget }),
          ...(launchAt && { launchAt, startsOn: startsOn(launchAt) }),
        })
        .where(eq(campaigns.id, before.id))
        .returning();
      if (!updated) throw new HttpError(404, 'no active campaign');
      const changed = Object.keys(body.data);
      await auditBy(db, principalOf(res), 'campaign.update', `campaign:${before.id}`, clock.now(), {
        changed,
        ...(launchAt && { launchBefore: before.launchAt.toISOString(), launchAfter: launchAt.toISOString() }),
        ...(defaultTarget !== undefined && { defaultTargetBefore: before.districtTarget, defaultTargetAfter: defaultTarget }),
      });
      res.json(view(updated));
    },
  );
}
