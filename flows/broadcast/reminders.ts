import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { transaction, type Db } from '../../db/client.ts';
import { broadcasts, type BroadcastRow, type CampaignRow } from '../../db/schema/index.ts';
import { AudienceSchema, scopedAudience } from './audience.ts';
import type { Sender } from './lifecycle.ts';
import { launchFireTime, reminderText } from './schedule.ts';

/** `POST /admin/reminders` body: days before the launch (0 = launch day) and the local time of day. */
export const PlanRemindersSchema = z
  .object({
    daysBefore: z.array(z.number().int().min(0).max(60)).min(1).max(10).default([7, 3, 1]),
    at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'at must be HH:MM (24-hour)').default('09:00'),
    audience: AudienceSchema.default({ roles: ['resident'] }),
  })
  .strict();
export type PlanReminders = z.infer<typeof PlanRemindersSchema>;

/** The key of a planned reminder: one per campaign, sender's scope and day before the launch. */
function planKey(campaignId: number, scope: string, daysBefore: number): string {
  return `launch:${campaignId}:${scope}:${daysBefore}`;
}

/**
 * Plan the launch reminders (scheduled at once). Planning again updates the pending ones instead of adding more,
 * also when two plans arrive at the same moment; reminders already sent, being sent or cancelled are left alone;
 * days whose time has passed are reported, not planned.
 */
export async function planLaunchReminders(
  db: Db,
  campaign: CampaignRow,
  plan: PlanReminders,
  sender: Sender,
  now: Date,
): Promise<{ reminders: BroadcastRow[]; skippedDaysBefore: number[] }> {
  const audience = await scopedAudience(db, plan.audience, sender.unitScope);
  const days = [...new Set(plan.daysBefore)].sort((a, b) => b - a);
  return transaction(db, async () => {
    const reminders: BroadcastRow[] = [];
    const skippedDaysBefore: number[] = [];
    for (const [i, daysBefore] of days.entries()) {
      const sendAt = launchFireTime(campaign.launchAt, daysBefore, plan.at);
      const key = planKey(campaign.id, sender.unitScope, daysBefore);
      const [existing] = await db.select().from(broadcasts).where(eq(broadcasts.planKey, key));
      if (existing && !['draft', 'scheduled'].includes(existing.status)) {
        reminders.push(existing);
        continue;
      }
      if (sendAt.getTime() <= now.getTime()) {
        skippedDaysBefore.push(daysBefore);
        continue;
      }
      const values = {
        campaignId: campaign.id,
        kind: 'reminder' as const,
        text: reminderText(campaign.name, daysBefore, campaign.messages[i % Math.max(1, campaign.messages.length)] ?? ''),
        audience: { roles: audience.roles, unitCode: audience.unitCode, ...(audience.channels && { channels: audience.channels }) },
        sendAt,
        launchOffsetDays: daysBefore,
        launchTime: plan.at,
        status: 'scheduled' as const,
        scopeCode: sender.unitScope,
        createdBy: sender.name,
        createdByContactId: sender.contactId,
      };
      // Two plans at once (two supervisors, or a double click on two instances) meet on the unique plan key: the
      // second waits for the first's row, then updates it as a plan made just after would.
      const [inserted] = existing
        ? []
        : await db.insert(broadcasts).values({ ...values, planKey: key, createdAt: now }).onConflictDoNothing({ target: broadcasts.planKey }).returning();
      const [row] = inserted
        ? [inserted]
        : await db
            .update(broadcasts)
            .set(values)
            .where(and(eq(broadcasts.planKey, key), inArray(broadcasts.status, ['draft', 'scheduled'])))
            .returning();
      const planned = row ?? (await db.select().from(broadcasts).where(eq(broadcasts.planKey, key)))[0];
      if (planned) reminders.push(planned);
    }
    return { reminders, skippedDaysBefore };
  });
}
