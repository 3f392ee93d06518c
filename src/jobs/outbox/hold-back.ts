import type { BulkFacts, OutboxClaimRow } from '../../../db/queries/outbox.ts';
import type { OutboxReason } from '../../../db/schema/index.ts';
import { localMinutes, parseHhmm } from '../../core/clock.ts';
import type { Config } from '../../config.ts';

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
   * Decide for one row. `facts` were read for the pass's bulk recipients when it began (`bulkFacts`); `bulkThisPass`
   * counts bulk rows already let through in this pass per contact.
   */
  return function holdBack(row: OutboxClaimRow, now: Date, facts: ReadonlyMap<number, BulkFacts>, bulkThisPass: Map<number, number>): HoldBack {
    if (row.priority === 0) return { kind: 'send' };
    const known = row.contactId === null ? undefined : facts.get(row.contactId);
    if (known?.optedOut) return { kind: 'skip', reason: 'opted_out', error: 'opted out' };
    if (inQuietHours(now)) return { kind: 'hold', until: quietEndsAt(now), reason: 'quiet_hours', error: 'quiet hours' };
    if (row.contactId !== null) {
      const sentToday = known?.sentToday ?? 0;
      const thisPass = bulkThisPass.get(row.contactId) ?? 0;
      if (sentToday + thisPass >= config.bulkDailyCap) {
        return { kind: 'hold', until: new Date(now.getTime() + 3600_000), reason: 'daily_cap', error: 'daily cap reached' };
      }
      bulkThisPass.set(row.contactId, thisPass + 1);
    }
    return { kind: 'send' };
  };
}
