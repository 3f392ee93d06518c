import { yearOf, type AsOfDay } from './as-of.ts';
import { formatAge, retirementAgeMonths } from './situation.ts';

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
