import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../client.ts';
import { campaigns, type CampaignRow } from '../schema/index.ts';
import { DEFAULT_CAMPAIGN, nextLaunch } from './campaign.ts';
import { seedDefaultUnits, type UnitTree } from './units.ts';
import { TIMEZONE } from '../time-zone.ts';

// The default campaign's next launch lives with the campaign (the FAQ reads it without the seeding code).
export { nextLaunch } from './campaign.ts';

/** Parse CAMPAIGN_LAUNCH_AT: an ISO date-time; without an offset it is read as Asia/Ho_Chi_Minh local time. */
export function parseLaunchAt(value: string): Date {
  const dt = DateTime.fromISO(value, { zone: TIMEZONE, setZone: false });
  if (!dt.isValid) throw new Error(`CAMPAIGN_LAUNCH_AT: not a date-time: ${value}`);
  return dt.toJSDate();
}

/** The campaign month starts on the 1st of the launch month: reports before it are refused. */
export function startsOn(launchAt: Date): string {
  return DateTime.fromJSDate(launchAt, { zone: TIMEZONE }).startOf('month').toISODate() ?? '';
}

/**
 * Seed what a fresh database needs (idempotent): the default campaign and a unit tree (UNIT_TREE: the current
 * 2025-07 tree unless told otherwise; a database that has units keeps them).
 * `launchAt` (from CAMPAIGN_LAUNCH_AT) moves the launch of the existing default campaign too.
 */
export async function seedDefaults(
  db: Db,
  opts: { now: Date; launchAt?: string; unitTree?: UnitTree },
): Promise<{ campaign: CampaignRow; unitsImported: number }> {
  const unitsImported = await seedDefaultUnits(db, opts.unitTree);
  const launchAt = opts.launchAt ? parseLaunchAt(opts.launchAt) : undefined;
  const [existing] = await db.select().from(campaigns).where(eq(campaigns.slug, DEFAULT_CAMPAIGN.slug)).limit(1);
  if (existing) {
    if (launchAt && launchAt.getTime() !== existing.launchAt.getTime()) {
      const [updated] = await db
        .update(campaigns)
        .set({ launchAt, startsOn: startsOn(launchAt) })
        .where(eq(campaigns.id, existing.id))
        .returning();
      return { campaign: updated ?? existing, unitsImported };
    }
    return { campaign: existing, unitsImported };
  }
  const at = launchAt ?? nextLaunch(opts.now);
  const [campaign] = await db
    .insert(campaigns)
    .values({
      slug: DEFAULT_CAMPAIGN.slug,
      name: DEFAULT_CAMPAIGN.name,
      theme: DEFAULT_CAMPAIGN.theme,
      hotline: DEFAULT_CAMPAIGN.hotline,
      launchAt: at,
      startsOn: startsOn(at),
      districtTarget: DEFAULT_CAMPAIGN.districtTarget,
      messages: [...DEFAULT_CAMPAIGN.messages],
      active: true,
      createdAt: opts.now,
    })
    // Instances starting together on PostgreSQL both get here: the second finds the first one's row.
    .onConflictDoNothing()
    .returning();
  if (campaign) return { campaign, unitsImported };
  const [stored] = await db.select().from(campaigns).where(eq(campaigns.slug, DEFAULT_CAMPAIGN.slug)).limit(1);
  if (!stored) throw new Error('the default campaign was not stored');
  return { campaign: stored, unitsImported };
}

/** The seed options a configuration asks for. */
export function seedOptions(config: { campaignLaunchAt: string | undefined; unitTree: UnitTree }, now: Date): { now: Date; launchAt?: string; unitTree: UnitTree } {
  return { now, unitTree: config.unitTree, ...(config.campaignLaunchAt && { launchAt: config.campaignLaunchAt }) };
}
