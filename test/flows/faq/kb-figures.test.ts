import { describe, expect, it } from 'vitest';
import { premium } from '../../../flows/calculator/compute.ts';
import { formatNumber } from '../../../flows/calculator/money.ts';
import { RULES, SUBSIDY_GROUPS, type SubsidyGroup } from '../../../flows/calculator/rules.ts';
import { renderForDay } from '../../../flows/faq/kb-text.ts';

/** The placeholder suffix of each group. */
const SUFFIX: Record<SubsidyGroup, string> = { poor: 'POOR', nearPoor: 'NEAR_POOR', ethnicMinority: 'ETHNIC', island: 'ISLAND', other: 'OTHER' };

describe('contribution figures in knowledge-base text', () => {
  it("are the calculator's own for every period of its rules, for every group, at the floor and at an income", () => {
    for (const period of RULES) {
      const day = period.to;
      const at = new Date(`${day}T12:00:00+07:00`);
      for (const group of SUBSIDY_GROUPS) {
        const g = SUFFIX[group];
        const atFloor = premium(period.ruralPovertyLine, at, group, { kind: 'months', months: 12 });
        const at3m = premium(3_000_000, at, group, { kind: 'months', months: 1 });
        if (!atFloor.ok || !at3m.ok) throw new Error(`no premium on ${day}`);
        const text = `{FLOOR} {PREMIUM} {SUPPORT_${g}} {PAY_${g}} {PAY_${g}*12} {PAY_${g}:3000000}`;
        const filled = renderForDay(text, day).split(' ').slice(0, 6);
        expect(filled, `${day} ${group}`).toEqual(
          [period.ruralPovertyLine, atFloor.monthlyPremium, atFloor.monthlySubsidy, atFloor.monthlyPay, atFloor.totalPay, at3m.monthlyPay].map(formatNumber),
        );
      }
    }
  });

  it('say when the day has provisional figures or none known, and nothing on an ordinary day', () => {
    expect(renderForDay('Thấp nhất {PREMIUM} đồng.', '2026-12-31')).toBe('Thấp nhất 330.000 đồng.');
    expect(renderForDay('Thấp nhất {PREMIUM} đồng.', '2027-01-01')).toBe('Thấp nhất 484.000 đồng. Lưu ý: mức sàn 2.200.000 từ 2027 là tạm tính (NĐ 351/2025).');
    expect(renderForDay('Thấp nhất {PREMIUM} đồng.', '2031-01-01')).toMatch(/^Thấp nhất 484\.000 đồng\. Lưu ý: chưa có quy định mới, số liệu theo mức hiện hành\.$/);
    // A text without figures carries no note, whatever the day.
    expect(renderForDay('Năm {YEAR}.', '2027-01-01')).toBe('Năm 2027.');
  });

  it('give the ceiling and fifteen years of payments from the same rules', () => {
    expect(renderForDay('{CEILING} {MAX_PREMIUM} {REFERENCE}', '2026-06-01')).toBe('46.800.000 10.296.000 2.340.000');
    // 10 subsidised years at 264,000, then 5 years at 330,000.
    expect(renderForDay('{COST_15Y_OTHER}', '2026-06-01')).toBe(formatNumber(120 * 264_000 + 60 * 330_000));
  });
});
