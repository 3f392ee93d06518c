// Light modules only: an answer worker loads this file (through kb-text.ts), and needs no database code.
import { applyRate } from '../calculator/compute.ts';
import { formatNumber } from '../calculator/money.ts';
import { incomeLimits, RULES_WARNING_TEXT, rulesOnDay, type RulesPeriod, type SubsidyGroup } from '../calculator/rules.ts';
import type { AsOfDay } from './as-of.ts';

/**
 * Contribution figures in knowledge-base text come from the calculator's dated rules, so the answer and the
 * calculator never disagree and a new floor (1/1/2027) changes both at once:
 * - {FLOOR}, {CEILING}, {REFERENCE}: the lowest and highest monthly income one may declare, the reference level;
 * - {PREMIUM}: 22 % of the floor; {PREMIUM:3000000}: of that income; {MAX_PREMIUM}: of the ceiling;
 * - {SUPPORT_POOR} (NEAR_POOR, ETHNIC, ISLAND, OTHER): the state's monthly subsidy for the group;
 * - {PAY_OTHER}: what the group pays a month at the floor; {PAY_OTHER:3000000}: at that income;
 * - {COST_15Y_OTHER}: what the group pays in all for 15 years at the floor (10 subsidised years, then 5 without);
 * - {FUNERAL}: the funeral allowance, 10 times the reference level;
 * - "*n" multiplies: {PAY_POOR*12} is a year's payment, {PAY_OTHER:2000000*6} six months' at 2,000,000.
 * Amounts are written the Vietnamese way ("330.000"), without "đồng": the text says the unit.
 */

/** The groups as figure names spell them ("{PAY_NEAR_POOR}"), and the calculator's. */
export const GROUPS: Readonly<Record<string, SubsidyGroup>> = {
  POOR: 'poor',
  NEAR_POOR: 'nearPoor',
  ETHNIC: 'ethnicMinority',
  ISLAND: 'island',
  OTHER: 'other',
};

/** The amount (đồng) a figure names in a period, or undefined for a name that is not a figure. */
type Figure = (p: RulesPeriod, income: number | undefined) => number;

const premiumAt = (p: RulesPeriod, income: number | undefined): number => applyRate(income ?? p.ruralPovertyLine, p.rate);
const supportOf = (p: RulesPeriod, group: SubsidyGroup): number => applyRate(applyRate(p.ruralPovertyLine, p.rate), p.subsidyRates[group]);

const FIGURES: Record<string, Figure> = {
  FLOOR: (p) => incomeLimits(p).floor,
  CEILING: (p) => incomeLimits(p).ceiling,
  REFERENCE: (p) => p.referenceLevel,
  // A relative's monthly survivor allowance: 50 % of the reference level, 70 % with no one caring for them (Art 87).
  SURVIVOR_MONTHLY: (p) => Math.round(p.referenceLevel * 0.5),
  SURVIVOR_MONTHLY_ALONE: (p) => Math.round(p.referenceLevel * 0.7),
  // The funeral allowance: 10 times the reference level (Art 109).
  FUNERAL: (p) => p.referenceLevel * 10,
  PREMIUM: premiumAt,
  MAX_PREMIUM: (p) => applyRate(incomeLimits(p).ceiling, p.rate),
  ...Object.fromEntries(
    Object.entries(GROUPS).flatMap(([name, group]) => [
      [`SUPPORT_${name}`, ((p) => supportOf(p, group)) satisfies Figure],
      [`PAY_${name}`, ((p, income) => premiumAt(p, income) - supportOf(p, group)) satisfies Figure],
      [`COST_15Y_${name}`, ((p) => 180 * premiumAt(p, undefined) - p.subsidyMaxMonths * supportOf(p, group)) satisfies Figure],
    ]),
  ),
};

/** Figures that take an income ("{PAY_OTHER:3000000}"); the others are the period's own. */
const TAKES_INCOME = new Set(['PREMIUM', ...Object.keys(GROUPS).map((g) => `PAY_${g}`)]);

/** Figures that follow the reference level only: the floor's being provisional does not touch them. */
const REFERENCE_ONLY = new Set(['CEILING', 'REFERENCE', 'MAX_PREMIUM', 'SURVIVOR_MONTHLY', 'SURVIVOR_MONTHLY_ALONE', 'FUNERAL']);

/** True for a figure name ({FLOOR}, {PAY_POOR} …). */
export function isRuleFigure(name: string): boolean {
  return name in FIGURES;
}


/** A figure for a day (times `times`), as written in an answer ("330.000"). */
export function ruleFigure(name: string, income: number | undefined, times: number, day: AsOfDay): string {
  return formatNumber(times * figureValue(name, income, day));
}

/** A figure's amount in đồng on a day ("PAY_NEAR_POOR": what the group pays a month at the floor, or at `income`). */
export function figureValue(name: string, income: number | undefined, day: AsOfDay): number {
  const f = FIGURES[name];
  if (f === undefined) throw new RangeError(`not a contribution figure: ${name}`);
  return f(rulesOnDay(day).period, income);
}

/** What is wrong with a figure placeholder on a day: an income on a figure without one, or outside the limits. */
export function figureProblem(name: string, income: number | undefined, day: AsOfDay): string | undefined {
  if (income === undefined) return undefined;
  if (!TAKES_INCOME.has(name)) return `{${name}} takes no income`;
  const { floor, ceiling } = incomeLimits(rulesOnDay(day).period);
  if (income < floor || income > ceiling) {
    return `{${name}:${income}} is outside the incomes one may declare on ${day} (${formatNumber(floor)}–${formatNumber(ceiling)})`;
  }
  return undefined;
}

/**
 * What an answer quoting `figures` adds on a day: that no rules are known for the day, or that the floor and what
 * follows from it are provisional (a period set from a newer figure the agency has not yet confirmed); nothing on
 * an ordinary day.
 */
export function figuresNote(figures: Iterable<string>, day: AsOfDay): string | undefined {
  const names = [...figures];
  if (names.length === 0) return undefined;
  const { period, warning } = rulesOnDay(day);
  if (warning === 'future') return `Lưu ý: ${RULES_WARNING_TEXT.future}.`;
  if (period.provisional && names.some((n) => !REFERENCE_ONLY.has(n))) return `Lưu ý: ${period.provisional.sms}.`;
  return undefined;
}
