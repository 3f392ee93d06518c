import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { TIMEZONE } from '../../src/core/clock.ts';

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

function isWorkingDay(cal: WorkingCalendar, day: DateTime<boolean>): boolean {
  return cal.weekdays.has(day.weekday) && !cal.holidays.has(day.toISODate() ?? '');
}

/** Start of the working window on the first working day at or after `day`'s date. */
function nextOpening(cal: WorkingCalendar, day: DateTime<boolean>): DateTime<boolean> {
  let d: DateTime<boolean> = day.startOf('day');
  for (let i = 0; i < 400 && !isWorkingDay(cal, d); i++) d = d.plus({ days: 1 });
  return d.plus({ minutes: cal.openMinute });
}

/** `at` plus `hours` of working time: counted only inside office hours on working days. */
export function addWorkingHours(cal: WorkingCalendar, at: Date, hours: number): Date {
  let cursor: DateTime<boolean> = DateTime.fromJSDate(at, { zone: TIMEZONE });
  let remaining = Math.round(hours * 60 * 60_000);
  for (let i = 0; i < 1000; i++) {
    const open = cursor.startOf('day').plus({ minutes: cal.openMinute });
    const close = cursor.startOf('day').plus({ minutes: cal.closeMinute });
    if (!isWorkingDay(cal, cursor) || cursor >= close) {
      cursor = nextOpening(cal, cursor.startOf('day').plus({ days: 1 }));
      continue;
    }
    if (cursor < open) cursor = open;
    const available = close.toMillis() - cursor.toMillis();
    if (remaining <= available) return cursor.plus({ milliseconds: remaining }).toJSDate();
    remaining -= available;
    cursor = nextOpening(cal, cursor.startOf('day').plus({ days: 1 }));
  }
  throw new Error('addWorkingHours: no working time found within 1000 days');
}

/** Opening time of the next working day after `at`'s day (a request not reached is offered again then). */
export function nextWorkingDayStart(cal: WorkingCalendar, at: Date): Date {
  const local = DateTime.fromJSDate(at, { zone: TIMEZONE });
  return nextOpening(cal, local.startOf('day').plus({ days: 1 })).toJSDate();
}

/** "15:00 thứ Năm 21/5" in Asia/Ho_Chi_Minh, for messages. */
export function formatLocal(at: Date): string {
  const d = DateTime.fromJSDate(at, { zone: TIMEZONE });
  const weekday = ['', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'][d.weekday];
  return `${d.toFormat('HH:mm')} ${weekday} ${d.day}/${d.month}`;
}
