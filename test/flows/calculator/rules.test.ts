import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { RULES, incomeLimits, rulesAt } from '../../../flows/calculator/rules.ts';

describe('rules as dated data', () => {
  it('covers 1/1/2018 to 31/12/2030 without gaps or overlaps', () => {
    expect(RULES[0]?.from).toBe('2018-01-01');
    expect(RULES[RULES.length - 1]?.to).toBe('2030-12-31');
    for (let i = 1; i < RULES.length; i += 1) {
      const prev = RULES[i - 1];
      const cur = RULES[i];
      if (!prev || !cur) throw new Error('missing period');
      expect(DateTime.fromISO(prev.to).plus({ days: 1 }).toISODate()).toBe(cur.from);
      expect(cur.from <= cur.to).toBe(true);
    }
  });

  it('uses 22 %, 20 times the reference level and at most 120 subsidised months in every period, each with a source', () => {
    for (const p of RULES) {
      expect(p.rate).toBe(0.22);
      expect(p.maxMultiplier).toBe(20);
      expect(p.subsidyMaxMonths).toBe(120);
      expect(p.source.length).toBeGreaterThan(10);
    }
  });

  it.each([
    ['2018-03-01T05:00:00Z', 700_000, 1_300_000, 0.3, 0.25, 0.1],
    ['2020-05-23T01:00:00Z', 700_000, 1_490_000, 0.3, 0.25, 0.1],
    ['2021-06-15T05:00:00Z', 700_000, 1_490_000, 0.3, 0.25, 0.1],
    ['2022-03-01T05:00:00Z', 1_500_000, 1_490_000, 0.3, 0.25, 0.1],
    ['2023-08-01T05:00:00Z', 1_500_000, 1_800_000, 0.3, 0.25, 0.1],
    ['2024-08-01T05:00:00Z', 1_500_000, 2_340_000, 0.3, 0.25, 0.1],
    ['2025-08-01T05:00:00Z', 1_500_000, 2_340_000, 0.5, 0.4, 0.2],
    ['2026-11-25T05:00:00Z', 1_500_000, 2_530_000, 0.5, 0.4, 0.2],
    ['2027-05-23T01:00:00Z', 2_200_000, 2_530_000, 0.5, 0.4, 0.2],
  ])('on %s the floor is %i, the reference level %i and poor/near-poor/other get %d/%d/%d', (iso, floor, ref, poor, near, other) => {
    const { period, warning } = rulesAt(new Date(iso));
    expect(warning).toBeNull();
    expect(period.ruralPovertyLine).toBe(floor);
    expect(period.referenceLevel).toBe(ref);
    expect(period.subsidyRates.poor).toBe(poor);
    expect(period.subsidyRates.nearPoor).toBe(near);
    expect(period.subsidyRates.other).toBe(other);
  });

  it('has ethnic-minority (30 %) and island-commune (50 %) groups only from 1/7/2025, with the current law as source', () => {
    const now = rulesAt(new Date('2026-01-10T00:00:00Z')).period;
    expect(now.subsidyRates.ethnicMinority).toBe(0.3);
    expect(now.subsidyRates.island).toBe(0.5);
    expect(now.groupsNotInRules).toEqual([]);
    expect(now.source).toContain('41/2024/QH15 Điều 36');
    expect(now.source).toContain('159/2025/NĐ-CP');
    const old = rulesAt(new Date('2020-05-23T00:00:00Z')).period;
    expect(old.subsidyRates.ethnicMinority).toBe(0.1);
    expect(old.groupsNotInRules).toContain('ethnicMinority');
    expect(old.source).toContain('134/2015/NĐ-CP');
  });

  it('changes rules at midnight Vietnam time, not UTC', () => {
    // 30/6/2025 23:30 in Hà Nội is still the old period; 1/7/2025 00:30 is the new law.
    expect(rulesAt(new Date('2025-06-30T16:30:00Z')).period.subsidyRates.other).toBe(0.1);
    expect(rulesAt(new Date('2025-06-30T17:30:00Z')).period.subsidyRates.other).toBe(0.2);
  });

  it('falls back to the latest rules with a warning after the known periods', () => {
    const r = rulesAt(new Date('2031-03-01T05:00:00Z'));
    expect(r.warning).toBe('future');
    expect(r.period).toBe(RULES[RULES.length - 1]);
  });

  it('marks only the periods whose floor rests on a projection as provisional, and changes the floor at midnight on 1/1/2027', () => {
    expect(RULES.filter((p) => p.provisional).map((p) => p.from)).toEqual(['2027-01-01']);
    expect(rulesAt(new Date('2026-12-31T16:30:00Z')).period.ruralPovertyLine).toBe(1_500_000);
    expect(rulesAt(new Date('2026-12-31T17:30:00Z')).period.ruralPovertyLine).toBe(2_200_000);
  });

  it('warns before 2018, when there was no state subsidy', () => {
    expect(rulesAt(new Date('2017-06-01T05:00:00Z')).warning).toBe('beforeKnown');
  });

  it('gives 700,000 to 29,800,000 in 2020, 1,500,000 to 46,800,000 until 30/6/2026 and to 50,600,000 from 1/7/2026 as income limits', () => {
    expect(incomeLimits(rulesAt(new Date('2020-05-23T01:00:00Z')).period)).toEqual({ floor: 700_000, ceiling: 29_800_000 });
    expect(incomeLimits(rulesAt(new Date('2026-06-30T16:59:00Z')).period)).toEqual({ floor: 1_500_000, ceiling: 46_800_000 });
    expect(incomeLimits(rulesAt(new Date('2026-06-30T17:00:00Z')).period)).toEqual({ floor: 1_500_000, ceiling: 50_600_000 });
    expect(incomeLimits(rulesAt(new Date('2026-11-25T01:00:00Z')).period)).toEqual({ floor: 1_500_000, ceiling: 50_600_000 });
  });
});
