/**
 * What people type to the calculator, recognised on `foldWords` text (lower-case, no diacritics, single spaces):
 * the command that starts it, subsidy groups, payment modes, years ahead, sex and years paid.
 */
import { pickChoice } from '../../src/core/flow.ts';
import type { Sex } from './compute.ts';
import { parseMoney } from './money.ts';
import { GROUP_LABELS, SUBSIDY_GROUPS, type SubsidyGroup } from './rules.ts';

/** The options the calculator offers (quick replies; SMS shows them numbered). */
export const GROUP_OPTIONS: readonly string[] = SUBSIDY_GROUPS.map((g) => GROUP_LABELS[g]);
export const MODE_OPTIONS = ['1 tháng', '3 tháng', '6 tháng', '12 tháng', 'Nhiều năm'] as const;
export const AFTER_PREMIUM_OPTIONS = ['Tính lương hưu', 'Menu'] as const;
export const AFTER_PENSION_OPTIONS = ['Tính tiền đóng', 'Menu'] as const;
export const SEX_OPTIONS = ['Nữ', 'Nam'] as const;

const MODE_MONTHS = [1, 3, 6, 12] as const;



const COMMAND_WORDS =
  /^(?:may tinh|tinh|tinh toan|tinh thu|tinh giup|tinh tien|tinh tien dong|tinh muc dong|tinh phi|tinh bhxh(?: tn| tu nguyen)?|tinh bao hiem(?: tu nguyen)?|tinh luong huu|tinh huu|uoc tinh luong huu|calc|calculator)$/;
const COMMAND_WITH_AMOUNT = /^tinh (?:tien |muc dong |thu )?([0-9][0-9a-z ]*)$/;

/** Whether a folded message asks to start the calculator ("tinh", "/tinh", "may tinh", "tinh luong huu", "tinh 3 trieu"). */
export function calculatorCommand(folded: string): boolean {
  if (COMMAND_WORDS.test(folded)) return true;
  const m = COMMAND_WITH_AMOUNT.exec(folded);
  return m?.[1] !== undefined && parseMoney(m[1], { bare: 'income' }) !== null;
}

export function wantsPension(folded: string): boolean {
  return /\b(?:luong huu|huu tri|nghi huu|ve huu)\b/.test(folded);
}

/**
 * The subsidy groups a message names: a quick reply, its number, or words ("can ngheo", "dan toc", "khong
 * ngheo"). Several groups may be named ("dan toc, ho can ngheo"); `pickGroup` keeps the best-paid one.
 */
export function parseGroups(folded: string): SubsidyGroup[] {
  const picked = pickChoice({ folded }, GROUP_OPTIONS);
  if (picked !== null) {
    const g = SUBSIDY_GROUPS[picked];
    return g === undefined ? [] : [g];
  }
  if (/\b(?:khong|ko|k|kh|hong|chua) (?:phai )?(?:la )?(?:ho )?(?:ngheo|can ngheo)\b/.test(folded)) return ['other'];
  const found: SubsidyGroup[] = [];
  if (/\bcan ngheo\b|\bhcn\b/.test(folded)) found.push('nearPoor');
  if (/\bngheo\b/.test(folded.replace(/\bcan ngheo\b/g, '')) || /\bhn\b/.test(folded)) found.push('poor');
  if (/\bdan toc\b|\bthieu so\b|\bdtts\b/.test(folded)) found.push('ethnicMinority');
  if (/\bdao\b|\bdac khu\b/.test(folded)) found.push('island');
  if (found.length === 0 && /\b(?:khac|binh thuong|thuong|khong|ko|k|con lai|nguoi dan|khong thuoc)\b/.test(folded)) found.push('other');
  return found;
}

/** The group with the highest subsidy rate among those named (a person in several groups gets the highest). */
export function pickGroup(groups: readonly SubsidyGroup[], rates: Readonly<Record<SubsidyGroup, number>>): SubsidyGroup | null {
  let best: SubsidyGroup | null = null;
  for (const g of groups) if (best === null || rates[g] > rates[best]) best = g;
  return best;
}

type ModeChoice = { kind: 'months'; months: 1 | 3 | 6 | 12 } | { kind: 'askYears' } | { kind: 'years'; years: number };

/** The payment mode from a quick reply, its number, or words ("12 thang", "hang nam", "nua nam", "3 nam"). */
export function parseMode(folded: string): ModeChoice | null {
  const picked = pickChoice({ folded }, MODE_OPTIONS);
  if (picked !== null) {
    const months = MODE_MONTHS[picked];
    return months === undefined ? { kind: 'askYears' } : { kind: 'months', months };
  }
  const yearsAhead = /\b([2-9]|1[0-9]) nam\b/.exec(folded);
  if (yearsAhead?.[1] !== undefined) return { kind: 'years', years: Number(yearsAhead[1]) };
  if (/\bnhieu nam\b|\btruoc\b|\bvai nam\b/.test(folded)) return { kind: 'askYears' };
  if (/^(?:12|muoi hai)(?: thang)?\b|\b12 thang\b|\b(?:hang|moi|ca|1|mot) nam\b|\bnam 1 lan\b/.test(folded)) return { kind: 'months', months: 12 };
  if (/^6\b|\b(?:6|sau) thang\b|\bnua nam\b/.test(folded)) return { kind: 'months', months: 6 };
  if (/\b(?:3|ba) thang\b|\bquy\b/.test(folded)) return { kind: 'months', months: 3 };
  if (/\b(?:hang|moi|1|mot) thang\b|^thang$/.test(folded)) return { kind: 'months', months: 1 };
  return null;
}

const SMALL_NUMBER_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5 };

/** How many years ahead (any whole number; the caller checks 1–5): "2", "2 nam", "hai nam", "nam nam". */
export function parseYearsAhead(folded: string): number | null {
  const digits = /^(?:dong |truoc )*(\d{1,2})(?: nam)?(?: \D.*)?$/.exec(folded);
  if (digits?.[1] !== undefined) return Number(digits[1]);
  const words = folded.split(' ');
  const first = words[0];
  if (first !== undefined && first in SMALL_NUMBER_WORDS && (first !== 'nam' || words.length === 1 || words[1] === 'nam')) {
    return SMALL_NUMBER_WORDS[first] ?? null;
  }
  return null;
}

/** Sex from a quick reply, its number, or words ("nu", "phu nu", "dan ong"). */
export function parseSex(folded: string): Sex | null {
  const picked = pickChoice({ folded }, SEX_OPTIONS);
  if (picked !== null) return picked === 0 ? 'female' : 'male';
  if (/\b(?:nu|phu nu|gai|ba|chi|co|me)\b/.test(folded)) return 'female';
  if (/\b(?:nam|dan ong|trai|ong|anh|chu|bo)\b/.test(folded)) return 'male';
  return null;
}

/** Years of contributions from "20", "20 nam", "da dong 12 nam" (whole years, 0–60), or null. */
export function parsePensionYears(text: string): number | null {
  const m = /(\d+)(?:[.,]\d+)?/.exec(text);
  if (m?.[1] === undefined) return null;
  const years = Number(m[1]);
  return years <= 60 ? years : null;
}
