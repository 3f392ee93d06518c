import { localDay } from '../../src/core/clock.ts';
import { has } from './regex-literals.ts';

/**
 * Answers are read on a day: this year's retirement age, an age from a birth year, a figure that applied only
 * until 31/12/2026. The day is the Vietnamese calendar day (YYYY-MM-DD) of the message's clock, so a service
 * running across New Year answers for the new year, and tests and the evaluation pin a day.
 */
export type AsOfDay = string;

/** Today in Vietnam, from the system clock (for callers without a clock of their own: tools). */
export function today(): AsOfDay {
  return localDay(new Date());
}

/** What an entry's dates are read from (a knowledge-base entry). */
interface Dated {
  id: string;
  /** "2025-07-01" (from then on) or "2025-07-01..2026-12-31" (that span). */
  effective: string;
}

/** The calendar year of a day. */
export function yearOf(day: AsOfDay): number {
  return Number(day.slice(0, 4));
}

/** A day's month as a count of months since year 0 (0-based): months between two days are a subtraction. */
export function monthIndex(day: AsOfDay): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/** A month count (see monthIndex) as people write it: "8/2026". */
export function monthYear(at: number): string {
  return `${(at % 12) + 1}/${Math.floor(at / 12)}`;
}

/** The last day an entry's figures apply ("2025-07-01..2026-12-31" → "2026-12-31"), if its `effective` has an end. */
export function effectiveEnd(entry: Pick<Dated, 'effective'>): AsOfDay | undefined {
  const m = /\.\.(\d{4}-\d{2}-\d{2})$/.exec(entry.effective.trim());
  return m?.[1];
}

/** Entries about a repealed law ("….old_…") say so themselves: they are never past their effective end. */
const aboutRepealedLaw = (e: Pick<Dated, 'id'>): boolean => e.id.includes('.old_');

/** Entries whose figures stopped applying before `day`: their answers say so, and start-up lists them for review. */
export function pastEffective<E extends Dated>(entries: Iterable<E>, day: AsOfDay): E[] {
  return [...entries].filter((e) => {
    const end = effectiveEnd(e);
    return end !== undefined && end < day && !aboutRepealedLaw(e);
  });
}

/** "31/12/2026" from "2026-12-31". */
function display(day: AsOfDay): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** The note an answer from an entry past its effective end carries (short: it must fit beside the answer on SMS). */
export function pastEffectiveNote(entry: Dated, day: AsOfDay): string | undefined {
  const end = effectiveEnd(entry);
  if (end === undefined || end >= day || aboutRepealedLaw(entry)) return undefined;
  return `Lưu ý: thông tin này áp dụng đến ${display(end)}, có thể đã thay đổi; hỏi tổng đài 1900 9068.`;
}

/**
 * In a message about a birth or a death, months told without their year, given the year the way people say it ("tháng 3 năm
 * nay", "tháng 11 vừa sinh bé", "tháng 5 năm sau"; with marks or without): the year written in, as "tháng 3/2026", on the
 * message's day, so that the months before the birth and the month of the death are reckoned. A month told "vừa …" (just
 * past) later than this month is last year's. Other messages are left as written (their readings know these phrasings).
 */
export function withYearsTold(text: string, day: AsOfDay): string {
  if (!has(/th[aá]ng \d/iu, text) || !has(/(?<![\p{L}])(?:sinh (?:b[eé]|con|đ[oô]i)|đẻ|de (?:be|con)|d[uự] sinh|thai s[aả]n|mang thai|c[oó] b[aầ]u|m[aấ]t|qua đời|qua doi|t[uử] vong|ch[eế]t|l[uư]u thai|thai (?:\d{1,2} tu[aầ]n|l[uư]u|nhi))(?![\p{L}])/iu, text)) return text;
  const year = yearOf(day);
  const now = Number(day.slice(5, 7));
  const month = (m: string): number => Number(m);
  return text
    .replace(/(?<![\p{L}\p{N}])(th[aá]ng) (\d{1,2}) (?:n[aă]m nay|n[aà]y)(?![\p{L}\p{N}])/giu, (all, t: string, m: string) => (month(m) >= 1 && month(m) <= 12 ? `${t} ${m}/${year}` : all))
    .replace(/(?<![\p{L}\p{N}])(th[aá]ng) (\d{1,2}) (?:n[aă]m (?:ngo[aá]i|tr[uư][oớ]c|r[oồ]i))(?![\p{L}\p{N}])/giu, (all, t: string, m: string) => (month(m) >= 1 && month(m) <= 12 ? `${t} ${m}/${year - 1}` : all))
    .replace(/(?<![\p{L}\p{N}])(th[aá]ng) (\d{1,2}) (?:n[aă]m (?:sau|t[oớ]i)|sang n[aă]m)(?![\p{L}\p{N}])/giu, (all, t: string, m: string) => (month(m) >= 1 && month(m) <= 12 ? `${t} ${m}/${year + 1}` : all))
    .replace(/(?<![\p{L}\p{N}])(th[aá]ng) (\d{1,2})(?= (?:v[uừ]a|m[oớ]i) (?:r[oồ]i|qua|sinh|đ[eẻ]|de)(?![\p{L}\p{N}]))/giu, (all, t: string, m: string) =>
      month(m) >= 1 && month(m) <= 12 ? `${t} ${m}/${month(m) <= now ? year : year - 1}` : all,
    );
}
