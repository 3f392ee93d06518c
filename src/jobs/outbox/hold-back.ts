import type { OutboxClaimRow } from '../../../db/queries/outbox.ts';
import type { OutboxReason } from '../../../db/schema/index.ts';
import { localMinutes, parseHhmm } from '../../core/clock.ts';
import type { Config } from '../../config.ts';
import type { BulkCounts } from './bulk-ledger.ts';

/** What the hold-back rules decided for one row: send it, skip it for good, or hold it until a time. */
export type HoldBack = { kind: 'send' } | { kind: 'skip'; reason: OutboxReason; error: string } | { kind: 'hold'; until: Date; reason: OutboxReason; error: string };

/**
 * Rules for bulk rows (broadcasts, reminders); replies to a person's own message always go. Decree 91/2020's safe
 * version: never to the opted-out, not in quiet hours (default 21:00–07:00), at most `bulkDailyCap` per person per 24 h.
 */
export function createHoldBack(config: Pick<Config, 'quietHours' | 'bulkDailyCap'>) {
  const quietStart = parseHhmm(config.quietHours.start);
  const quietEnd = parseHhmm(config.quietHours.end);

  function inQuietHours(at: Date): boolean {
    const m = localMinutes(at);
    return quietStart <= quietEnd ? m >= quietStart && m < quietEnd : m >= quietStart || m < quietEnd;
  }

  /** The end of the current quiet period. */
  function quietEndsAt(at: Date): Date {
    let wait = quietEnd - localMinutes(at);
    if (wait <= 0) wait += 24 * 60;
    const d = new Date(at.getTime() + wait * 60_000);
    d.setUTCSeconds(0, 0);
    return d;
  }

  /**
   * Decide for one row. `counts` has what was read about its recipient and the bulk rows let through since (a row
   * let through is counted there).
   */
  return function holdBack(row: OutboxClaimRow, now: Date, counts: BulkCounts): HoldBack {
    if (row.priority === 0) return { kind: 'send' };
    const known = row.contactId === null ? undefined : counts.factsOf(row.contactId);
    if (known?.optedOut) return { kind: 'skip', reason: 'opted_out', error: 'opted out' };
    if (inQuietHours(now)) return { kind: 'hold', until: quietEndsAt(now), reason: 'quiet_hours', error: 'quiet hours' };
    if (row.contactId !== null) {
      if ((known?.sentToday ?? 0) + counts.pendingOf(row.contactId) >= config.bulkDailyCap) {
        return { kind: 'hold', until: new Date(now.getTime() + 3600_000), reason: 'daily_cap', error: 'daily cap reached' };
      }
      counts.letThrough(row.contactId);
    }
    return { kind: 'send' };
  };
}
