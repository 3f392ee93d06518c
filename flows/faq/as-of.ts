import { localDay } from '../../src/core/clock.ts';
import type { KbEntry } from './kb.ts';
import { formatAge, retirementAgeMonths } from './situation.ts';

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

/** The calendar year of a day. */
export function yearOf(day: AsOfDay): number {
  return Number(day.slice(0, 4));
}

/**
 * Knowledge-base text may name this year's figures by placeholder, filled in for the day of the answer:
 * {YEAR} and {NEXT_YEAR}, the retirement ages of people reaching them this year ({MALE_AGE}, {FEMALE_AGE}) and
 * next year ({NEXT_MALE_AGE}, {NEXT_FEMALE_AGE}) — "Năm {YEAR} tuổi nghỉ hưu là nam {MALE_AGE}, nữ {FEMALE_AGE}".
 */
const PLACEHOLDERS: Record<string, (year: number) => string> = {
  YEAR: (y) => String(y),
  NEXT_YEAR: (y) => String(y + 1),
  MALE_AGE: (y) => formatAge(retirementAgeMonths('male', y)),
  FEMALE_AGE: (y) => formatAge(retirementAgeMonths('female', y)),
  NEXT_MALE_AGE: (y) => formatAge(retirementAgeMonths('male', y + 1)),
  NEXT_FEMALE_AGE: (y) => formatAge(retirementAgeMonths('female', y + 1)),
};
const PLACEHOLDER = /\{([A-Z_]+)\}/g;

/** Placeholders of a text that are not known (the knowledge base is checked for them at load). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(name in PLACEHOLDERS));
}

/** A knowledge-base text with its placeholders filled in for a day. */
export function renderForDay(text: string, day: AsOfDay): string {
  if (!text.includes('{')) return text;
  const year = yearOf(day);
  return text.replace(PLACEHOLDER, (whole, name: string) => PLACEHOLDERS[name]?.(year) ?? whole);
}

/** A knowledge-base text without its placeholders (what the search index reads: the words, not this year's figures). */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, ' ');
}

/** The last day an entry's figures apply ("2025-07-01..2026-12-31" → "2026-12-31"), if its `effective` has an end. */
export function effectiveEnd(entry: Pick<KbEntry, 'effective'>): AsOfDay | undefined {
  const m = /\.\.(\d{4}-\d{2}-\d{2})$/.exec(entry.effective.trim());
  return m?.[1];
}

/** Entries about a repealed law ("….old_…") say so themselves: they are never past their effective end. */
const aboutRepealedLaw = (e: Pick<KbEntry, 'id'>): boolean => e.id.includes('.old_');

/** Entries whose figures stopped applying before `day`: their answers say so, and start-up lists them for review. */
export function pastEffective(entries: Iterable<KbEntry>, day: AsOfDay): KbEntry[] {
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
export function pastEffectiveNote(entry: KbEntry, day: AsOfDay): string | undefined {
  const end = effectiveEnd(entry);
  if (end === undefined || end >= day || aboutRepealedLaw(entry)) return undefined;
  return `Lưu ý: thông tin này áp dụng đến ${display(end)}, có thể đã thay đổi; hỏi tổng đài 1900 9068.`;
}
