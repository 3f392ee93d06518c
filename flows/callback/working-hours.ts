import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Office hours of the consultants: Monday–Saturday, 08:00–17:00 Asia/Ho_Chi_Minh, public holidays off. */
export interface WorkingCalendar {
  /** ISO weekdays worked (1 = Monday … 7 = Sunday). */
  weekdays: ReadonlySet<number>;
  openMinute: number;
  closeMinute: number;
  /** Days off (YYYY-MM-DD, local). */
  holidays: ReadonlySet<string>;
}

const HolidaysFile = z.object({ days: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string()) });
const HOLIDAYS_PATH = new URL('../../db/seed/holidays-vn.json', import.meta.url);

let loaded: ReadonlySet<string> | undefined;
/** The public holidays in db/seed/holidays-vn.json (read once). */
export function vnHolidays(): ReadonlySet<string> {
  loaded ??= new Set(Object.keys(HolidaysFile.parse(JSON.parse(readFileSync(HOLIDAYS_PATH, 'utf8'))).days));
  return loaded;
}

/** The default calendar: Monday–Saturday 08:00–17:00 with Vietnam's public holidays. */
export function defaultCalendar(): WorkingCalendar {
  return { weekdays: new Set([1, 2, 3, 4, 5, 6]), openMinute: 8 * 60, closeMinute: 17 * 60, holidays: vnHolidays() };
}

// Asia/Ho_Chi_Minh has kept UTC+07:00 without daylight saving since 1975, so local days are plain arithmetic
// (luxon's zone conversions cost about a millisecond per deadline, which mattered under load).
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Local midnight (as a UTC instant) of the local day containing `ms`. */
function localDayStart(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
}

function isWorkingDay(cal: WorkingCalendar, dayStart: number): boolean {
  const local = new Date(dayStart + OFFSET_MS);
  const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  return cal.weekdays.has(weekday) && !cal.holidays.has(local.toISOString().slice(0, 10));
}

/** Opening time on the first working day starting at the local day `dayStart`. */
function nextOpening(cal: WorkingCalendar, dayStart: number): number {
  let d = dayStart;
  for (let i = 0; i < 400 && !isWorkingDay(cal, d); i++) d += DAY_MS;
  return d + cal.openMinute * 60_000;
}

/** `at` plus `hours` of working time: counted only inside office hours on working days. */
export function addWorkingHours(cal: WorkingCalendar, at: Date, hours: number): Date {
  let cursor = at.getTime();
  let remaining = Math.round(hours * 3_600_000);
  for (let i = 0; i < 1000; i++) {
    const day = localDayStart(cursor);
    const open = day + cal.openMinute * 60_000;
    const close = day + cal.closeMinute * 60_000;
    if (!isWorkingDay(cal, day) || cursor >= close) {
      cursor = nextOpening(cal, day + DAY_MS);
      continue;
    }
    cursor = Math.max(cursor, open);
    if (remaining <= close - cursor) return new Date(cursor + remaining);
    remaining -= close - cursor;
    cursor = nextOpening(cal, day + DAY_MS);
  }
  throw new Error('addWorkingHours: no working time found within 1000 days');
}

/** Opening time of the next working day after `at`'s day (a request not reached is offered again then). */
export function nextWorkingDayStart(cal: WorkingCalendar, at: Date): Date {
  return new Date(nextOpening(cal, localDayStart(at.getTime()) + DAY_MS));
}

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "15:00 thứ Năm 21/5" in Asia/Ho_Chi_Minh, for messages. */
export function formatLocal(at: Date): string {
  const d = new Date(at.getTime() + OFFSET_MS);
  const hhmm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${hhmm} ${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()}/${d.getUTCMonth() + 1}`;
}
