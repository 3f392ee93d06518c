import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { broadcasts } from '../../db/schema/index.ts';
import { queueBroadcast } from '../../db/queries/broadcasts.ts';
import type { Logger } from '../core/log.ts';

export interface FireBroadcastsStats {
  due: number;
  queued: number;
  failed: number;
}

/**
 * Broadcasts (and reminders before the launch) whose time has come become outbox rows. Nothing is sent here:
 * the outbox applies quiet hours, the daily cap and each channel's limits. A bad broadcast is logged and skipped.
 */
export function run(deps: { db: Db; log?: Logger }, now: Date): FireBroadcastsStats {
  const stats: FireBroadcastsStats = { due: 0, queued: 0, failed: 0 };
  const due = deps.db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.status, 'scheduled'), lte(broadcasts.sendAt, now)))
    .orderBy(asc(broadcasts.sendAt))
    .all();
  for (const b of due) {
    stats.due++;
    try {
      stats.queued += queueBroadcast(deps.db, b, now);
    } catch (err) {
      stats.failed++;
      deps.log?.error({ err, broadcastId: b.id }, 'broadcast could not be queued; skipped');
    }
  }
  return stats;
}
