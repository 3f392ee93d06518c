/**
 * Callback requests not taken (NHAN) within their deadline — `CALLBACK_DEADLINE_HOURS` working hours, Monday to
 * Saturday 08:00–17:00 Asia/Ho_Chi_Minh, public holidays off — are offered to the next consultant and escalated to
 * the unit's supervisors. Each escalation moves the deadline on, so a pass repeated in the same minute does nothing.
 */
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/client.ts';
import { overdueRequests } from '../../db/queries/callbacks.ts';
import { messagePathQueries } from '../../db/queries/message-path.ts';
import { callbackPolicy, escalate } from '../../flows/callback/workflow.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../core/log.ts';

export interface CallbackDeadlineStats {
  escalated: number;
  queued: number;
}

/** One pass at `now`. */
export function run(deps: { db: Db; config: Pick<Config, 'callbacks'>; log?: Logger }, now: Date): CallbackDeadlineStats {
  const hotline = messagePathQueries(deps.db).activeCampaign.get()?.hotline ?? '';
  const policy = callbackPolicy(deps.config.callbacks, hotline);
  return inTransaction(deps.db, () => {
    const before = outboxCount(deps.db);
    const due = overdueRequests(deps.db, now);
    for (const r of due) escalate(deps.db, now, policy, r);
    const stats = { escalated: due.length, queued: outboxCount(deps.db) - before };
    if (due.length > 0) deps.log?.info(stats, 'callback requests past their deadline offered again and escalated');
    return stats;
  });
}

function outboxCount(db: Db): number {
  return db.$client.prepare<[], { n: number }>('SELECT COALESCE(MAX(id), 0) AS n FROM outbox').get()?.n ?? 0;
}
