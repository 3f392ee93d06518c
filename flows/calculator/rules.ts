/**
 * Voluntary social insurance (BHXH tự nguyện) contribution rules as dated data.
 *
 * Each period holds what the calculator needs and nothing else: the income floor (the rural poverty line), the
 * reference level whose 20× is the ceiling, the 22 % rate and the state subsidy rates by group. The same code
 * reproduces 2020 and today by picking the period in force on a date (Asia/Ho_Chi_Minh calendar day).
 *
 * Figures come from ../shared/domain/voluntary-social-insurance.md (§0, §2, §3, §12). Where a figure is recalled
 * rather than seen in a public source, the period says so in `unverified`.
 */
import { DateTime } from 'luxon';

/** Who the state subsidy rate depends on. A person in several groups gets the highest rate. */
export const SUBSIDY_GROUPS = ['poor', 'nearPoor', 'ethnicMinority', 'island', 'other'] as const;
export type SubsidyGroup = (typeof SUBSIDY_GROUPS)[number];

/** Vietnamese names of the groups, as shown to people (quick-reply labels use the same words). */
export const GROUP_LABELS: Record<SubsidyGroup, string> = {
  poor: 'Hộ nghèo',
  nearPoor: 'Hộ cận nghèo',
  ethnicMinority: 'Dân tộc thiểu số',
  island: 'Xã đảo, đặc khu',
  other: 'Khác',
};

/** The rules in force for a span of calendar days (both ends inclusive, YYYY-MM-DD, Vietnam time). */
export interface RulesPeriod {
  from: string;
  to: string;
  /** Rural poverty line = the lowest monthly income one may declare (đồng). */
  ruralPovertyLine: number;
  /** Base salary (lương cơ sở) before 1/7/2025, reference level (mức tham chiếu) after; ceiling = maxMultiplier × it. */
  referenceLevel: number;
  /** What the reference level is called in this period, for replies. */
  referenceName: 'lương cơ sở' | 'mức tham chiếu';
  /** Contribution rate on the declared income. */
  rate: number;
  maxMultiplier: number;
  /** Share of (rate × rural poverty line) the state pays each month, by group. */
  subsidyRates: Record<SubsidyGroup, number>;
  /** Groups the rules of the period do not name: they get the "other" rate unless poor or near-poor. */
  groupsNotInRules: readonly SubsidyGroup[];
  /** The subsidy is paid for at most this many months per person (10 years). */
  subsidyMaxMonths: number;
  /** Short legal citation shown in replies (fits an SMS). */
  source: string;
  /** Figures in this period that were recalled, not seen in a source: say so when asked. */
  unverified?: string;
  /**
   * The floor (and so every subsidy and the lowest payment) of this period follows from a rule applied to a newer
   * figure, with no guidance of the agency yet: every result of the period says so (`sms`: the same in a few words,
   * for a reply in three segments).
   */
  provisional?: { text: string; sms: string };
}

const RATE = 0.22;
const MAX_MULTIPLIER = 20;
const SUBSIDY_MAX_MONTHS = 120;

/** Decree 134/2015 Art 14: poor 30 %, near-poor 25 %, everyone else 10 % (no ethnic-minority or island group). */
const SUBSIDY_2018: Record<SubsidyGroup, number> = {
  poor: 0.3,
  nearPoor: 0.25,
  ethnicMinority: 0.1,
  island: 0.1,
  other: 0.1,
};
/** Decree 159/2025: poor and island communes/special zones 50 %, near-poor 40 %, ethnic minorities 30 %, others 20 %. */
const SUBSIDY_2025: Record<SubsidyGroup, number> = {
  poor: 0.5,
  nearPoor: 0.4,
  ethnicMinority: 0.3,
  island: 0.5,
  other: 0.2,
};


const LAW_2014 = 'Luật BHXH 58/2014/QH13 Điều 87; NĐ 134/2015/NĐ-CP Điều 14';
const OLD_GROUPS: readonly SubsidyGroup[] = ['ethnicMinority', 'island'];

/** What every period under the 2014 law shares (base salary, Decree 134 subsidy groups). */
const LAW_2014_TERMS = {
  referenceName: 'lương cơ sở',
  rate: RATE,
  maxMultiplier: MAX_MULTIPLIER,
  subsidyRates: SUBSIDY_2018,
  groupsNotInRules: OLD_GROUPS,
  subsidyMaxMonths: SUBSIDY_MAX_MONTHS,
} as const;

/** What every period under Law 41/2024 shares (reference level, Decree 159 subsidy groups). */
const LAW_2024_TERMS = {
  referenceName: 'mức tham chiếu',
  rate: RATE,
  maxMultiplier: MAX_MULTIPLIER,
  subsidyRates: SUBSIDY_2025,
  groupsNotInRules: [],
  subsidyMaxMonths: SUBSIDY_MAX_MONTHS,
} as const;

/** The known periods, oldest first, without gaps. The subsidy began on 1/1/2018, so the table starts there. */
export const RULES: readonly RulesPeriod[] = [
  {
    from: '2018-01-01',
    to: '2018-06-30',
    ruralPovertyLine: 700_000,
    referenceLevel: 1_300_000,
    ...LAW_2014_TERMS,
    source: `${LAW_2014}; QĐ 59/2015/QĐ-TTg; NĐ 47/2017/NĐ-CP`,
    unverified: 'lương cơ sở 1.300.000 (NĐ 47/2017) nhớ lại, chưa đối chiếu nguồn',
  },
  {
    from: '2018-07-01',
    to: '2019-06-30',
    ruralPovertyLine: 700_000,
    referenceLevel: 1_390_000,
    ...LAW_2014_TERMS,
    source: `${LAW_2014}; QĐ 59/2015/QĐ-TTg; NĐ 72/2018/NĐ-CP`,
    unverified: 'lương cơ sở 1.390.000 (NĐ 72/2018) nhớ lại, chưa đối chiếu nguồn',
  },
  {
    // 2020 is the campaign year: floor 700,000, ceiling 29,800,000 (nld.com.vn 2020-11-08).
    // Decree 07/2021 kept the 700,000 rural line for 2021; the 1.5 M line applies from 1/1/2022.
    from: '2019-07-01',
    to: '2021-12-31',
    ruralPovertyLine: 700_000,
    referenceLevel: 1_490_000,
    ...LAW_2014_TERMS,
    source: `${LAW_2014}; QĐ 59/2015/QĐ-TTg; NĐ 38/2019/NĐ-CP`,
  },
  {
    from: '2022-01-01',
    to: '2023-06-30',
    ruralPovertyLine: 1_500_000,
    referenceLevel: 1_490_000,
    ...LAW_2014_TERMS,
    source: `${LAW_2014}; NĐ 07/2021/NĐ-CP; NĐ 38/2019/NĐ-CP`,
  },
  {
    from: '2023-07-01',
    to: '2024-06-30',
    ruralPovertyLine: 1_500_000,
    referenceLevel: 1_800_000,
    ...LAW_2014_TERMS,
    source: `${LAW_2014}; NĐ 07/2021/NĐ-CP; NĐ 24/2023/NĐ-CP`,
  },
  {
    from: '2024-07-01',
    to: '2025-06-30',
    ruralPovertyLine: 1_500_000,
    referenceLevel: 2_340_000,
    ...LAW_2014_TERMS,
    source: `${LAW_2014}; NĐ 07/2021/NĐ-CP; NĐ 73/2024/NĐ-CP`,
  },
  {
    // Law 41/2024 from 1/7/2025; the reference level equals the base salary (2,340,000) until it is abolished.
    from: '2025-07-01',
    to: '2026-06-30',
    ruralPovertyLine: 1_500_000,
    referenceLevel: 2_340_000,
    ...LAW_2024_TERMS,
    source: 'Luật BHXH 41/2024/QH15 Điều 36; NĐ 159/2025/NĐ-CP; NĐ 07/2021/NĐ-CP',
  },
  {
    // Decree 161/2026/NĐ-CP (15/5/2026, Art 3(2)) raises the base salary to 2,530,000 from 1/7/2026, and the
    // reference level equals the base salary while it exists, so the ceiling becomes 50,600,000. Decree 351/2025
    // extends the 1.5 M rural line through 31/12/2026; from 2027 it becomes 2.2 M (next period).
    from: '2026-07-01',
    to: '2026-12-31',
    ruralPovertyLine: 1_500_000,
    referenceLevel: 2_530_000,
    ...LAW_2024_TERMS,
    source: 'Luật BHXH 41/2024/QH15 Điều 36; NĐ 159/2025/NĐ-CP; NĐ 351/2025/NĐ-CP; NĐ 161/2026/NĐ-CP',
  },
  {
    // Decree 351/2025 sets the rural poverty line at 2,200,000 for 2027-2030, and the law puts the voluntary floor
    // at the rural poverty line, so the floor should become 2.2 M on 1/1/2027 (premium 484,000). The agency had
    // published no guidance when this was written: every result of the period says it is provisional. The
    // campaign month of 2027 falls here.
    from: '2027-01-01',
    to: '2030-12-31',
    ruralPovertyLine: 2_200_000,
    referenceLevel: 2_530_000,
    ...LAW_2024_TERMS,
    source: 'Luật BHXH 41/2024/QH15 Điều 36; NĐ 159/2025/NĐ-CP; NĐ 351/2025/NĐ-CP (chuẩn nghèo 2027-2030); NĐ 161/2026/NĐ-CP',
    provisional: {
      text: 'từ 1/1/2027 thu nhập thấp nhất tính theo chuẩn nghèo nông thôn mới 2.200.000 đồng (NĐ 351/2025/NĐ-CP); BHXH Việt Nam chưa có hướng dẫn, số liệu là tạm tính',
      sms: 'mức sàn 2.200.000 từ 2027 là tạm tính (NĐ 351/2025)',
    },
  },
];

/** Why the period returned by `rulesAt` may not be the one in force. */
export type RulesWarning = 'future' | 'beforeKnown';

export const RULES_WARNING_TEXT: Record<RulesWarning, string> = {
  future: 'chưa có quy định mới, số liệu theo mức hiện hành',
  beforeKnown: 'bảng chỉ có số liệu từ 1/1/2018 (trước đó chưa có hỗ trợ của Nhà nước)',
};

/** The rules for a date, with a warning when the date lies outside the known periods. */
export interface RulesAt {
  period: RulesPeriod;
  warning: RulesWarning | null;
}

/** The calendar day of an instant in Vietnam (UTC+7), as YYYY-MM-DD. */
export function vietnamDay(date: Date): string {
  const day = DateTime.fromJSDate(date, { zone: 'Asia/Ho_Chi_Minh' }).toISODate();
  if (day === null) throw new RangeError(`invalid date: ${String(date)}`);
  return day;
}

/** Pick the period in force on `date`; unknown future dates fall back to the latest period with a warning. */
export function rulesAt(date: Date, rules: readonly RulesPeriod[] = RULES): RulesAt {
  return rulesOnDay(vietnamDay(date), rules);
}

/** The same, for a calendar day in Vietnam (YYYY-MM-DD), as the answers carry it: no time-zone arithmetic per lookup. */
export function rulesOnDay(day: string, rules: readonly RulesPeriod[] = RULES): RulesAt {
  const first = rules[0];
  const last = rules[rules.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('no rules periods');
  const found = rules.find((p) => p.from <= day && day <= p.to);
  if (found) return { period: found, warning: null };
  if (day > last.to) return { period: last, warning: 'future' };
  return { period: first, warning: 'beforeKnown' };
}

/** Lowest and highest monthly income one may declare in a period. */
export function incomeLimits(period: RulesPeriod): { floor: number; ceiling: number } {
  return { floor: period.ruralPovertyLine, ceiling: period.maxMultiplier * period.referenceLevel };
}
