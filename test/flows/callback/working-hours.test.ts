import { describe, expect, it } from 'vitest';
import { addWorkingHours, defaultCalendar, formatLocal, nextWorkingDayStart, vnHolidays } from '../../../flows/callback/working-hours.ts';

// Times are written in Asia/Ho_Chi_Minh (+07:00) to read like the office's own clock.
const at = (local: string) => new Date(`${local}+07:00`);
const cal = defaultCalendar();

describe('working hours (Mon–Sat 08:00–17:00 Asia/Ho_Chi_Minh, public holidays off)', () => {
  it('adds hours inside one working day', () => {
    expect(addWorkingHours(cal, at('2026-05-20T09:00'), 4)).toEqual(at('2026-05-20T13:00'));
  });

  it('carries the rest of the hours over to the next morning', () => {
    expect(addWorkingHours(cal, at('2026-05-20T15:30'), 4)).toEqual(at('2026-05-21T10:30'));
  });

  it('starts counting at 08:00 when the request arrives at night', () => {
    expect(addWorkingHours(cal, at('2026-05-20T22:00'), 4)).toEqual(at('2026-05-21T12:00'));
    expect(addWorkingHours(cal, at('2026-05-21T06:00'), 4)).toEqual(at('2026-05-21T12:00'));
  });

  it('works Saturdays and skips Sundays', () => {
    expect(addWorkingHours(cal, at('2026-05-23T15:00'), 4)).toEqual(at('2026-05-25T10:00'));
    expect(addWorkingHours(cal, at('2026-05-24T10:00'), 4)).toEqual(at('2026-05-25T12:00'));
  });

  it('skips public holidays read from db/seed/holidays-vn.json (30/4 and 1/5 2026)', () => {
    expect(vnHolidays().has('2026-04-30')).toBe(true);
    // Wednesday 29 April 16:00: one hour left that day, then Thursday 30/4 and Friday 1/5 are holidays.
    expect(addWorkingHours(cal, at('2026-04-29T16:00'), 4)).toEqual(at('2026-05-02T11:00'));
  });

  it('finds the next working day for a call that did not get through', () => {
    expect(nextWorkingDayStart(cal, at('2026-05-23T10:00'))).toEqual(at('2026-05-25T08:00'));
    expect(nextWorkingDayStart(cal, at('2026-04-29T10:00'))).toEqual(at('2026-05-02T08:00'));
  });

  it('formats a time the way residents read it', () => {
    expect(formatLocal(at('2026-05-21T10:30'))).toBe('10:30 thứ Năm 21/5');
  });
});
