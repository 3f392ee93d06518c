/**
 * Broadcasts (and launch reminders) whose time has come start queueing; nothing is sent here (the outbox applies
 * quiet hours, the daily cap and each channel's limits). Each tick also re-plans reminders relative to the launch
 * (the launch may have moved), skips and reports broadcasts whose time passed while the service was down (never
 * sent late), resumes queueing interrupted by a crash, and marks finished broadcasts done.
 */
import { and, asc, eq, gte, lt, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { hasUnsentRows } from '../../db/queries/broadcasts.ts';
import { broadcasts } from '../../db/schema/index.ts';
import { markSending } from '../../flows/broadcast/lifecycle.ts';
import { drainQueue, isQueueing } from '../../flows/broadcast/queue.ts';
import { replanFromLaunch } from '../../flows/broadcast/schedule.ts';
import type { Logger } from '../core/log.ts';

/** A broadcast found this long after its time is late, not due: the service was down. The scheduler ticks each minute. */
export const MISSED_AFTER_MS = 5 * 60_000;

export interface FireBroadcastsStats {
  replanned: number;
  /** Skipped because their time passed while the service was down (ids, reported in the log and on the broadcast). */
  missed: number[];
  /** Started sending now. */
  due: number;
  /** Broadcasts whose audience is being queued in the background (started now or resumed). */
  queueing: number;
  done: number;
}

/** One tick at `now`. */
export async function run(deps: { db: Db; log?: Logger }, now: Date): Promise<FireBroadcastsStats> {
  const { db, log } = deps;
  const stats: FireBroadcastsStats = { replanned: await replanFromLaunch(db), missed: [], due: 0, queueing: 0, done: 0 };
  const late = await db
    .select({ id: broadcasts.id, sendAt: broadcasts.sendAt })
    .from(broadcasts)
    .where(and(eq(broadcasts.status, 'scheduled'), lt(broadcasts.sendAt, new Date(now.getTime() - MISSED_AFTER_MS))));
  for (const b of late) {
    await db
      .update(broadcasts)
      .set({ status: 'missed', finishedAt: now, note: `not sent: its time (${b.sendAt?.toISOString()}) passed while the service was not running` })
      .where(eq(broadcasts.id, b.id));
    stats.missed.push(b.id);
    log?.warn({ broadcastId: b.id, sendAt: b.sendAt }, 'broadcast time passed while the service was down; skipped, not sent late');
  }
  const due = await db
    .select({ id: broadcasts.id })
    .from(broadcasts)
    .where(and(eq(broadcasts.status, 'scheduled'), lte(broadcasts.sendAt, now), gte(broadcasts.sendAt, new Date(now.getTime() - MISSED_AFTER_MS))))
    .orderBy(asc(broadcasts.sendAt));
  for (const b of due) {
    await markSending(db, b.id, now);
    stats.due++;
  }
  for (const b of await db.select().from(broadcasts).where(eq(broadcasts.status, 'sending'))) {
    if (b.queuedThrough < (b.queueUntilId ?? 0)) {
      stats.queueing++;
      if (!isQueueing(db, b.id)) void drainQueue(db, b.id, { now: () => now, log });
    } else if (!isQueueing(db, b.id) && !(await hasUnsentRows(db, b.id))) {
      await db.update(broadcasts).set({ status: 'done', finishedAt: now }).where(eq(broadcasts.id, b.id));
      stats.done++;
    }
  }
  return stats;
}
