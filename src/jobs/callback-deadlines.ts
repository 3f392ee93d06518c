/**
 * Callback requests not taken (NHAN) within their deadline — `CALLBACK_DEADLINE_HOURS` working hours, Monday to
 * Saturday 08:00–17:00 Asia/Ho_Chi_Minh, public holidays off — are offered to the next consultant and escalated to
 * the unit's supervisors. Each escalation moves the deadline on, so a pass repeated in the same minute does nothing.
 */
import { sql } from 'drizzle-orm';
import { row, transaction, type Db } from '../../db/client.ts';
import { activeHotline, overdueRequests } from '../../db/queries/callbacks.ts';
import { callbackPolicy, escalate } from '../../flows/callback/workflow.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../core/log.ts';

export interface CallbackDeadlineStats {
  escalated: number;
  queued: number;
}

/** One pass at `now`. */
export async function run(deps: { db: Db; config: Pick<Config, 'callbacks'>; log?: Logger }, now: Date): Promise<CallbackDeadlineStats> {
  const policy = callbackPolicy(deps.config.callbacks, await activeHotline(deps.db));
  return transaction(deps.db, async (tx) => {
    const before = await outboxCount(tx);
    const due = await overdueRequests(tx, now);
    for (const r of due) await escalate(tx, now, policy, r);
    const stats = { escalated: due.length, queued: (await outboxCount(tx)) - before };
    if (due.length > 0) deps.log?.info(stats, 'callback requests past their deadline offered again and escalated');
    return stats;
  });
}

/** The highest outbox id (rows queued since `before` are the difference; ids only grow). */
async function outboxCount(db: Db): Promise<number> {
  // Number(): the engines may hand the aggregate back as a number or a numeric string.
  return Number((await row<{ n: number | string }>(db, sql`SELECT COALESCE(MAX(id), 0) AS n FROM outbox`))?.n ?? 0);
}
