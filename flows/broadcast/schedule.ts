import { DateTime } from 'luxon';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { execute, rows, type Db } from '../../db/client.ts';
import { TIMEZONE } from '../../src/core/clock.ts';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Relative to the campaign's launch: `daysBefore` 0 is launch day (T-0), at a local time of day. */
export const LaunchOffsetSchema = z
  .object({
    daysBefore: z.number().int().min(0).max(60),
    at: z.string().regex(HHMM, 'at must be HH:MM (24-hour)').default('09:00'),
  })
  .strict();
export type LaunchOffset = z.infer<typeof LaunchOffsetSchema>;

/** The moment `daysBefore` days before the launch day, at `at` local time. */
export function launchFireTime(launchAt: Date, daysBefore: number, at: string): Date {
  const [hour, minute] = at.split(':').map(Number) as [number, number];
  return DateTime.fromJSDate(launchAt, { zone: TIMEZONE }).startOf('day').minus({ days: daysBefore }).set({ hour, minute }).toJSDate();
}

/** An ISO date-time; without an offset it is Hà Nội time. Null when it is not one. */
export function parseLocalTime(value: string): Date | null {
  const dt = DateTime.fromISO(value, { zone: TIMEZONE });
  return dt.isValid ? dt.toJSDate() : null;
}

/** "09:00 20/05/2026", as people read a time. */
export function formatLocalTime(at: Date): string {
  return DateTime.fromJSDate(at, { zone: TIMEZONE }).toFormat('HH:mm dd/MM/yyyy');
}

/** The default text of the launch reminder `daysBefore` days ahead; {ngay_ra_quan} follows the launch if it moves. */
export function reminderText(campaignName: string, daysBefore: number, message: string): string {
  const when = daysBefore === 0 ? `Hôm nay là Lễ ra quân "${campaignName}" ({ngay_ra_quan}).` : `Còn ${daysBefore} ngày đến Lễ ra quân "${campaignName}" ({ngay_ra_quan}).`;
  return `${when} ${message} Hỏi đáp: {hotline}.`.replace(/\s+/g, ' ').trim();
}

/**
 * Broadcasts planned relative to the launch follow it: scheduled ones get the time computed from the current launch
 * (so moving the launch re-plans every pending reminder). Returns how many moved.
 */
export async function replanFromLaunch(db: Db): Promise<number> {
  const pending = await rows<{ id: number; sendAt: number | null; days: number; at: string | null; launchAt: number }>(
    db,
    sql`SELECT b.id AS id, b.send_at AS "sendAt", b.launch_offset_days AS days, b.launch_time AS at, c.launch_at AS "launchAt"
          FROM broadcasts b JOIN campaigns c ON c.id = b.campaign_id
         WHERE b.status IN ('draft', 'scheduled') AND b.launch_offset_days IS NOT NULL`,
  );
  let moved = 0;
  for (const r of pending) {
    const next = launchFireTime(new Date(r.launchAt), r.days, r.at ?? '09:00').getTime();
    if (next !== r.sendAt) {
      await execute(db, sql`UPDATE broadcasts SET send_at = ${next} WHERE id = ${r.id}`);
      moved++;
    }
  }
  return moved;
}
