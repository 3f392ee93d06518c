import { describe, expect, it } from 'vitest';
import {
  applyRate,
  pensionEstimate,
  pensionRatePercent,
  premium,
  presentValue,
  retirementAge,
  type PaymentMode,
  type PremiumResult,
  type Sex,
} from '../../../flows/calculator/compute.ts';
import type { SubsidyGroup } from '../../../flows/calculator/rules.ts';

const D2020 = new Date('2020-05-23T01:00:00Z');
const D2023 = new Date('2023-02-01T01:00:00Z');
const D2024 = new Date('2024-10-01T01:00:00Z');
const NOW = new Date('2026-11-25T03:00:00Z');
const MONTHLY: PaymentMode = { kind: 'months', months: 1 };

function ok(r: PremiumResult): Extract<PremiumResult, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
}

describe('premium at the floor (worked examples of the domain notes, exact to the đồng)', () => {
  it.each<[string, Date, number, SubsidyGroup, number, number, number]>([
    ['2020', D2020, 700_000, 'other', 154_000, 15_400, 138_600],
    ['2020', D2020, 700_000, 'nearPoor', 154_000, 38_500, 115_500],
    ['2020', D2020, 700_000, 'poor', 154_000, 46_200, 107_800],
    ['2020', D2020, 700_000, 'ethnicMinority', 154_000, 15_400, 138_600],
    ['2020', D2020, 700_000, 'island', 154_000, 15_400, 138_600],
    ['2022-6/2025', D2023, 1_500_000, 'other', 330_000, 33_000, 297_000],
    ['2022-6/2025', D2024, 1_500_000, 'other', 330_000, 33_000, 297_000],
    ['2022-6/2025', D2024, 1_500_000, 'poor', 330_000, 99_000, 231_000],
    ['2022-6/2025', D2024, 1_500_000, 'nearPoor', 330_000, 82_500, 247_500],
    ['now', NOW, 1_500_000, 'other', 330_000, 66_000, 264_000],
    ['now', NOW, 1_500_000, 'poor', 330_000, 165_000, 165_000],
    ['now', NOW, 1_500_000, 'nearPoor', 330_000, 132_000, 198_000],
    ['now', NOW, 1_500_000, 'ethnicMinority', 330_000, 99_000, 231_000],
    ['now', NOW, 1_500_000, 'island', 330_000, 165_000, 165_000],
  ])('in %s, %i đồng for %s: premium %i, subsidy %i, pays %i', (_label, date, income, group, prem, sub, pay) => {
    const r = ok(premium(income, date, group, MONTHLY));
    expect(r.monthlyPremium).toBe(prem);
    expect(r.monthlySubsidy).toBe(sub);
    expect(r.monthlyPay).toBe(pay);
    expect(r.totalPay).toBe(pay);
    expect(r.months).toBe(1);
  });

  it('marks groups that had no rate of their own before 7/2025', () => {
    expect(ok(premium(700_000, D2020, 'ethnicMinority', MONTHLY)).groupNotInRules).toBe(true);
    expect(ok(premium(1_500_000, NOW, 'ethnicMinority', MONTHLY)).groupNotInRules).toBe(false);
  });

  it('computes the subsidy on the rural poverty line, not on the chosen income (VSS 2026 example: 6.3 M pays 1,320,000)', () => {
    const r = ok(premium(6_300_000, NOW, 'other', MONTHLY));
    expect(r.monthlyPremium).toBe(1_386_000);
    expect(r.monthlySubsidy).toBe(66_000);
    expect(r.monthlyPay).toBe(1_320_000);
  });

  it.each([
    [D2020, 29_800_000, 6_556_000],
    [new Date('2023-12-01T00:00:00Z'), 36_000_000, 7_920_000],
    [NOW, 50_600_000, 11_132_000],
  ])('accepts the ceiling on %s: %i gives the maximum premium %i', (date, ceiling, max) => {
    expect(ok(premium(ceiling, date, 'other', MONTHLY)).monthlyPremium).toBe(max);
  });
});

describe('floor and ceiling', () => {
  it.each<[Date, number, 'belowFloor' | 'aboveCeiling', number, number]>([
    [NOW, 1_499_999, 'belowFloor', 1_500_000, 50_600_000],
    [NOW, 1_000_000, 'belowFloor', 1_500_000, 50_600_000],
    [NOW, 50_600_001, 'aboveCeiling', 1_500_000, 50_600_000],
    [NOW, 100_000_000, 'aboveCeiling', 1_500_000, 50_600_000],
    [D2020, 699_999, 'belowFloor', 700_000, 29_800_000],
    [D2020, 30_000_000, 'aboveCeiling', 700_000, 29_800_000],
  ])('on %s refuses %i as %s and names both limits', (date, income, reason, floor, ceiling) => {
    const r = premium(income, date, 'other', MONTHLY);
    expect(r).toMatchObject({ ok: false, reason, floor, ceiling, income });
  });

  it('refuses 1,000,000 now but accepted it in 2020', () => {
    expect(premium(1_000_000, NOW, 'other', MONTHLY).ok).toBe(false);
    expect(premium(1_000_000, D2020, 'other', MONTHLY).ok).toBe(true);
  });
});

describe('payment modes', () => {
  it.each<[Date, 1 | 3 | 6 | 12, number, number, number]>([
    [NOW, 3, 990_000, 198_000, 792_000],
    [NOW, 6, 1_980_000, 396_000, 1_584_000],
    [NOW, 12, 3_960_000, 792_000, 3_168_000],
    [D2020, 12, 1_848_000, 184_800, 1_663_200],
    [D2024, 12, 3_960_000, 396_000, 3_564_000],
  ])('on %s, paying every %i months at the floor: premium %i, subsidy %i, pays %i', (date, months, prem, sub, pay) => {
    const r = ok(premium(date === D2020 ? 700_000 : 1_500_000, date, 'other', { kind: 'months', months }));
    expect(r).toMatchObject({ months, totalPremium: prem, totalSubsidy: sub, totalPay: pay, discount: null });
  });

  it('discounts years-ahead payments at the configured monthly rate: Σ P/(1+r)^i for i = 0..n-1', () => {
    const r = ok(premium(1_500_000, NOW, 'other', { kind: 'yearsAhead', years: 5, discountRatePerMonth: 0.0035 }));
    expect(r.months).toBe(60);
    expect(r.totalPremium).toBe(17_893_582);
    expect(r.totalPay).toBe(14_314_866);
    expect(r.totalSubsidy).toBe(17_893_582 - 14_314_866);
    expect(r.discount).toEqual({ ratePerMonth: 0.0035, undiscountedPremium: 19_800_000, undiscountedPay: 15_840_000 });
  });

  it('gives one year ahead at 0.35 % a month as 3,884,912 instead of 3,960,000 before subsidy', () => {
    const r = ok(premium(1_500_000, NOW, 'other', { kind: 'yearsAhead', years: 1, discountRatePerMonth: 0.0035 }));
    expect(r.totalPremium).toBe(3_884_912);
  });

  it('uses whatever rate is configured, and a zero rate means no discount', () => {
    const zero = ok(premium(2_000_000, NOW, 'poor', { kind: 'yearsAhead', years: 2, discountRatePerMonth: 0 }));
    expect(zero.totalPremium).toBe(440_000 * 24);
    expect(zero.totalPay).toBe((440_000 - 165_000) * 24);
    const high = ok(premium(2_000_000, NOW, 'poor', { kind: 'yearsAhead', years: 2, discountRatePerMonth: 0.01 }));
    expect(high.totalPremium).toBe(Math.round(presentValue(440_000, 24, 0.01)));
    expect(high.totalPremium).toBeLessThan(zero.totalPremium);
  });

  it('rejects more than 5 years ahead or a nonsense rate', () => {
    expect(() => premium(2_000_000, NOW, 'other', { kind: 'yearsAhead', years: 6, discountRatePerMonth: 0.0035 })).toThrow(RangeError);
    expect(() => premium(2_000_000, NOW, 'other', { kind: 'yearsAhead', years: 0, discountRatePerMonth: 0.0035 })).toThrow(RangeError);
    expect(() => premium(2_000_000, NOW, 'other', { kind: 'yearsAhead', years: 2, discountRatePerMonth: -0.1 })).toThrow(RangeError);
  });

  it('rounds odd incomes to the đồng without float drift', () => {
    expect(applyRate(1_234_567, 0.22)).toBe(271_605);
    expect(applyRate(700_000, 0.22)).toBe(154_000);
    expect(applyRate(154_000, 0.1)).toBe(15_400);
  });
});

describe('pension rate under Law 41/2024', () => {
  const women: Record<number, number> = {
    15: 45, 16: 47, 17: 49, 18: 51, 19: 53, 20: 55, 21: 57, 22: 59, 23: 61, 24: 63, 25: 65, 26: 67, 27: 69,
    28: 71, 29: 73, 30: 75, 31: 75, 32: 75, 33: 75, 34: 75, 35: 75, 36: 75, 37: 75, 38: 75, 39: 75, 40: 75,
  };
  const men: Record<number, number> = {
    15: 40, 16: 41, 17: 42, 18: 43, 19: 44, 20: 45, 21: 47, 22: 49, 23: 51, 24: 53, 25: 55, 26: 57, 27: 59,
    28: 61, 29: 63, 30: 65, 31: 67, 32: 69, 33: 71, 34: 73, 35: 75, 36: 75, 37: 75, 38: 75, 39: 75, 40: 75,
  };
  const rows: [Sex, number, number][] = [
    ...Object.entries(women).map(([y, r]): [Sex, number, number] => ['female', Number(y), r]),
    ...Object.entries(men).map(([y, r]): [Sex, number, number] => ['male', Number(y), r]),
  ];

  it.each(rows)('%s with %i years gets %i %%', (sex, years, rate) => {
    expect(pensionRatePercent(sex, years)).toBe(rate);
  });

  // Odd months: 1 to 6 count as half a year, 7 to 11 as a whole one.
  it.each([
    ['female', 15 + 3 / 12, 46],
    ['female', 15 + 6 / 12, 46],
    ['female', 15 + 7 / 12, 47],
    ['male', 26 + 7 / 12, 59],
    ['male', 16 + 3 / 12, 41.5],
    ['male', 19 + 11 / 12, 45],
    ['female', 29 + 8 / 12, 75],
  ] as [Sex, number, number][])('%s with %f years gets %f %% (odd months counted)', (sex, years, rate) => {
    expect(pensionRatePercent(sex, years)).toBe(rate);
  });

  it('gives no pension with 14 years 11 months (15 complete years are needed)', () => {
    expect(pensionRatePercent('female', 14 + 11 / 12)).toBeNull();
  });

  it.each([0, 5, 10, 14])('gives no pension with %i years', (years) => {
    expect(pensionRatePercent('female', years)).toBeNull();
    expect(pensionRatePercent('male', years)).toBeNull();
  });

  it('matches the VSS 2026 example: 20 years is 55 % for a woman and 45 % for a man, about 5 M on 9.14 M', () => {
    const woman = pensionEstimate({ sex: 'female', yearsPaid: 20, averageIncome: 9_140_000, date: NOW });
    expect(woman).toMatchObject({ eligible: true, estimate: true, ratePercent: 55, monthlyPension: 5_027_000, extraYears: 0 });
    const man = pensionEstimate({ sex: 'male', yearsPaid: 20, averageIncome: 9_140_000, date: NOW });
    expect(man).toMatchObject({ eligible: true, ratePercent: 45, monthlyPension: 4_113_000 });
  });

  it('pays half a month of average income once for each year beyond 35 (men) or 30 (women)', () => {
    expect(pensionEstimate({ sex: 'male', yearsPaid: 40, averageIncome: 4_000_000, date: NOW })).toMatchObject({
      ratePercent: 75,
      extraYears: 5,
      oneOffAllowance: 10_000_000,
    });
    expect(pensionEstimate({ sex: 'female', yearsPaid: 32, averageIncome: 4_000_000, date: NOW })).toMatchObject({
      ratePercent: 75,
      extraYears: 2,
      oneOffAllowance: 4_000_000,
    });
    expect(pensionEstimate({ sex: 'male', yearsPaid: 32, averageIncome: 4_000_000, date: NOW })).toMatchObject({ extraYears: 0, oneOffAllowance: 0 });
  });

  it('says how many years are missing and whether they can be paid at once (at most 5)', () => {
    expect(pensionEstimate({ sex: 'female', yearsPaid: 10, averageIncome: 3_000_000, date: NOW })).toMatchObject({
      eligible: false,
      missingYears: 5,
      canPayMissingAtOnce: true,
    });
    expect(pensionEstimate({ sex: 'male', yearsPaid: 9, averageIncome: 3_000_000, date: NOW })).toMatchObject({
      eligible: false,
      missingYears: 6,
      canPayMissingAtOnce: false,
    });
  });

  it.each<[Sex, number, number, number]>([
    ['male', 2020, 60, 0],
    ['male', 2021, 60, 3],
    ['male', 2024, 61, 0],
    ['male', 2026, 61, 6],
    ['male', 2028, 62, 0],
    ['male', 2040, 62, 0],
    ['female', 2021, 55, 4],
    ['female', 2024, 56, 4],
    ['female', 2025, 56, 8],
    ['female', 2026, 57, 0],
    ['female', 2035, 60, 0],
    ['female', 2040, 60, 0],
  ])('puts the retirement age of a %s in %i at %i years %i months', (sex, year, years, months) => {
    expect(retirementAge(sex, year)).toEqual({ years, months });
  });
});
