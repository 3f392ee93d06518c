/**
 * Pure calculations for voluntary social insurance: the monthly premium, the state subsidy and what a person
 * pays for a payment mode, and an estimate of the pension rate. No I/O; time and the discount rate are inputs.
 */
import { incomeLimits, rulesAt, vietnamDay, type RulesPeriod, type RulesWarning, type SubsidyGroup } from './rules.ts';

/** How often one pays: every 1, 3, 6 or 12 months, or once for 1–5 years ahead (discounted). */
export type PaymentMode =
  | { kind: 'months'; months: 1 | 3 | 6 | 12 }
  /** `discountRatePerMonth` is the fund's average monthly investment rate of the previous year: configuration. */
  | { kind: 'yearsAhead'; years: number; discountRatePerMonth: number };

export const MAX_YEARS_AHEAD = 5;

/** A premium computed for an income, a group and a mode, or the reason it was refused. */
export type PremiumResult =
  | {
      ok: true;
      income: number;
      group: SubsidyGroup;
      mode: PaymentMode;
      /** 22 % of the declared income. */
      monthlyPremium: number;
      subsidyRate: number;
      /** subsidyRate × 22 % × the rural poverty line: the same for any income. */
      monthlySubsidy: number;
      monthlyPay: number;
      months: number;
      /** Sums over the mode's months; discounted when paying years ahead. totalPay = totalPremium − totalSubsidy. */
      totalPremium: number;
      totalSubsidy: number;
      totalPay: number;
      /** Set for years-ahead payments: the rate used and the sums before discounting. */
      discount: { ratePerMonth: number; undiscountedPremium: number; undiscountedPay: number } | null;
      /** The group has no rate of its own in this period and gets the "other" rate. */
      groupNotInRules: boolean;
      period: RulesPeriod;
      warning: RulesWarning | null;
    }
  | {
      ok: false;
      reason: 'belowFloor' | 'aboveCeiling';
      income: number;
      floor: number;
      ceiling: number;
      period: RulesPeriod;
      warning: RulesWarning | null;
    };

/** amount × rate rounded to the đồng, with the rate held as an integer number of millionths to avoid float drift. */
export function applyRate(amount: number, rate: number): number {
  return Math.round((amount * Math.round(rate * 1_000_000)) / 1_000_000);
}

/** Present value of `amount` paid each month for `months` months, first month undiscounted: Σ amount/(1+r)^i. */
export function presentValue(amount: number, months: number, ratePerMonth: number): number {
  let sum = 0;
  for (let i = 0; i < months; i += 1) sum += amount / (1 + ratePerMonth) ** i;
  return sum;
}

function monthsOf(mode: PaymentMode): number {
  if (mode.kind === 'months') return mode.months;
  if (!Number.isInteger(mode.years) || mode.years < 1 || mode.years > MAX_YEARS_AHEAD) {
    throw new RangeError(`years ahead must be 1..${MAX_YEARS_AHEAD}, got ${mode.years}`);
  }
  if (!Number.isFinite(mode.discountRatePerMonth) || mode.discountRatePerMonth < 0 || mode.discountRatePerMonth >= 1) {
    throw new RangeError(`discount rate per month must be in [0, 1), got ${mode.discountRatePerMonth}`);
  }
  return mode.years * 12;
}

/**
 * What a person pays for a declared monthly income on `date` (the rules in force that day), for a subsidy group
 * and a payment mode. Incomes below the floor or above the ceiling are refused with both limits.
 * The subsidy is counted for at most `subsidyMaxMonths` months of the mode (a person's earlier subsidised months
 * are not known here).
 */
export function premium(income: number, date: Date, group: SubsidyGroup, mode: PaymentMode): PremiumResult {
  const { period, warning } = rulesAt(date);
  const { floor, ceiling } = incomeLimits(period);
  if (!(income >= floor)) return { ok: false, reason: 'belowFloor', income, floor, ceiling, period, warning };
  if (income > ceiling) return { ok: false, reason: 'aboveCeiling', income, floor, ceiling, period, warning };

  const months = monthsOf(mode);
  const monthlyPremium = applyRate(income, period.rate);
  const subsidyRate = period.subsidyRates[group];
  const monthlySubsidy = applyRate(applyRate(period.ruralPovertyLine, period.rate), subsidyRate);
  const monthlyPay = monthlyPremium - monthlySubsidy;
  const subsidisedMonths = Math.min(months, period.subsidyMaxMonths);
  const groupNotInRules = period.groupsNotInRules.includes(group);
  // What both kinds of mode report alike.
  const base = { ok: true as const, income, group, monthlyPremium, subsidyRate, monthlySubsidy, monthlyPay, months, groupNotInRules, period, warning };

  if (mode.kind === 'months') {
    const totalPremium = monthlyPremium * months;
    const totalSubsidy = monthlySubsidy * subsidisedMonths;
    return {
      ...base,
      mode,
      totalPremium,
      totalSubsidy,
      totalPay: totalPremium - totalSubsidy,
      discount: null,
    };
  }

  // Paying years ahead: each month's amount is discounted back to the payment date at the fund's average monthly
  // investment rate (Law 2014 Art 87(2), Decree 134 Art 9; kept by Law 2024 Art 36). The subsidised months are
  // discounted alike, so totalSubsidy is the discounted subsidy (how VSS discounts the subsidy is not verified).
  const r = mode.discountRatePerMonth;
  const totalPremium = Math.round(presentValue(monthlyPremium, months, r));
  const pay =
    presentValue(monthlyPay, subsidisedMonths, r) +
    (months > subsidisedMonths ? presentValue(monthlyPremium, months, r) - presentValue(monthlyPremium, subsidisedMonths, r) : 0);
  const totalPay = Math.round(pay);
  const undiscountedPremium = monthlyPremium * months;
  return {
    ...base,
    mode,
    totalPremium,
    totalSubsidy: totalPremium - totalPay,
    totalPay,
    discount: {
      ratePerMonth: r,
      undiscountedPremium,
      undiscountedPay: undiscountedPremium - monthlySubsidy * subsidisedMonths,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Pension estimate (Law 41/2024/QH15 Art 99(1), same formula as Art 66 for compulsory insurance)

export type Sex = 'female' | 'male';

export const PENSION_SOURCE = 'Luật BHXH 41/2024/QH15 Điều 98, 99';
export const PENSION_LAW_FROM = '2025-07-01';
export const MIN_PENSION_YEARS = 15;
/** At retirement age a person missing at most this many years to 15 may pay them at once (Decree 159 Art 7(1)). */
export const MAX_MISSING_YEARS_AT_ONCE = 5;

/**
 * The years a pension rate counts for a period paid: odd months of 1 to 6 count as half a year, 7 to 11 as a whole
 * one (26 years 7 months count 27; 15 years 3 months count 15.5).
 */
export function rateYears(yearsPaid: number): number {
  const months = Math.round(yearsPaid * 12);
  const odd = months % 12;
  return (months - odd) / 12 + (odd === 0 ? 0 : odd <= 6 ? 0.5 : 1);
}

/**
 * The pension rate in percent for the years paid under current law, or null under 15 complete years.
 * Women: 45 % for 15 years, +2 %/year. Men: 45 % for 20 years, +2 %/year; 40 % for 15 years, +1 %/year up to 19.
 * At most 75 % (women at 30 years, men at 35). Odd months count as rateYears says.
 */
export function pensionRatePercent(sex: Sex, yearsPaid: number): number | null {
  if (Math.floor(Math.round(yearsPaid * 12) / 12) < MIN_PENSION_YEARS) return null;
  const years = rateYears(yearsPaid);
  if (sex === 'female') return Math.min(75, 45 + 2 * (years - 15));
  if (years < 20) return 40 + (years - 15);
  return Math.min(75, 45 + 2 * (years - 20));
}

/** Years after which each further year earns the one-off allowance (the years that reach 75 %). */
export function fullRateYears(sex: Sex): number {
  return sex === 'female' ? 30 : 35;
}

/**
 * Retirement age for people reaching it in `year` (Labour Code 2019 Art 169, Decree 135/2020): men 60 y 3 m in
 * 2021 plus 3 months a year up to 62; women 55 y 4 m in 2021 plus 4 months a year up to 60.
 */
export function retirementAge(sex: Sex, year: number): { years: number; months: number } {
  const steps = Math.max(0, year - 2020);
  const total = sex === 'male' ? Math.min(62 * 12, 60 * 12 + 3 * steps) : Math.min(60 * 12, 55 * 12 + 4 * steps);
  return { years: Math.floor(total / 12), months: total % 12 };
}

export interface PensionInput {
  sex: Sex;
  /** Complete years of contributions (voluntary and compulsory added together). */
  yearsPaid: number;
  /** Average monthly income over the whole period, already adjusted (the CPI coefficient is not applied here). */
  averageIncome: number;
  date: Date;
}

/** An estimate, never a decision: the social insurance office computes the real amount. */
export type PensionEstimate =
  | {
      eligible: true;
      estimate: true;
      ratePercent: number;
      monthlyPension: number;
      /** Years beyond 30 (women) / 35 (men), each worth half a month of average income, paid once. */
      extraYears: number;
      oneOffAllowance: number;
      retirementAge: { years: number; months: number };
      /** False when `date` is before 1/7/2025: the formula is the current law's, not the one then in force. */
      lawInForce: boolean;
      source: string;
    }
  | {
      eligible: false;
      estimate: true;
      missingYears: number;
      /** At retirement age the missing years may be paid at once if they are at most 5. */
      canPayMissingAtOnce: boolean;
      retirementAge: { years: number; months: number };
      lawInForce: boolean;
      source: string;
    };

/** Estimate the monthly pension under current law. */
export function pensionEstimate(input: PensionInput): PensionEstimate {
  const day = vietnamDay(input.date);
  const lawInForce = day >= PENSION_LAW_FROM;
  const age = retirementAge(input.sex, Number(day.slice(0, 4)));
  const rate = pensionRatePercent(input.sex, input.yearsPaid);
  if (rate === null) {
    const missingYears = MIN_PENSION_YEARS - Math.floor(input.yearsPaid);
    return {
      eligible: false,
      estimate: true,
      missingYears,
      canPayMissingAtOnce: missingYears <= MAX_MISSING_YEARS_AT_ONCE,
      retirementAge: age,
      lawInForce,
      source: PENSION_SOURCE,
    };
  }
  const extraYears = Math.max(0, Math.floor(input.yearsPaid) - fullRateYears(input.sex));
  return {
    eligible: true,
    estimate: true,
    ratePercent: rate,
    monthlyPension: Math.round((input.averageIncome * rate) / 100),
    extraYears,
    oneOffAllowance: Math.round((input.averageIncome * extraYears) / 2),
    retirementAge: age,
    lawInForce,
    source: PENSION_SOURCE,
  };
}
