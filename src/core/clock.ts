import type { Clock } from './channel.ts';
import { DateTime } from 'luxon';
import { TIMEZONE } from '../../db/time-zone.ts';

// Defined with the stored dates it describes; re-exported here, where the core reads its clock.
export { TIMEZONE };

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where tests put it. */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

// The day last asked for and the instants it spans: messages of the same day (nearly all of them) skip the time-zone
// arithmetic, which costs a few percent of a message's handling.
let lastDay: { from: number; to: number; day: string } | undefined;

/** The local calendar day (YYYY-MM-DD) in Asia/Ho_Chi_Minh. */
export function localDay(at: Date): string {
  const t = at.getTime();
  if (lastDay && t >= lastDay.from && t < lastDay.to) return lastDay.day;
  const dt = DateTime.fromJSDate(at, { zone: TIMEZONE });
  const day = dt.toISODate() ?? '';
  const start = dt.startOf('day');
  if (day) lastDay = { from: start.toMillis(), to: start.plus({ days: 1 }).toMillis(), day };
  return day;
}

/** Minutes since local midnight in Asia/Ho_Chi_Minh. */
export function localMinutes(at: Date): number {
  const dt = DateTime.fromJSDate(at, { zone: TIMEZONE });
  return dt.hour * 60 + dt.minute;
}

/** "HH:MM" → minutes since midnight. */
export function parseHhmm(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A moment as people read it in Vietnam: "08h00 ngày 23/05/2026". */
export function formatLocalDateTime(at: Date): string {
  return DateTime.fromJSDate(at, { zone: TIMEZONE }).toFormat("HH'h'mm 'ngày' dd/MM/yyyy");
}
