import { formatNumber, parseMoney } from '../calculator/money.ts';
import { incomeLimits, rulesAt } from '../calculator/rules.ts';
import type { Situation } from './situation.ts';

/** The income a person says they chose, or would ("chọn mức thu nhập 3tr", "đóng mức 5tr/tháng", "thu nhập 2 triệu"). */
const INCOME_CHOSEN = /\b(?:muc|thu nhap|chon|dong theo|tien luong|luong)\b/;
/** Asks how much to pay ("nộp bao nhiêu", "hết bn", "1 tháng mất bao nhiêu tiền"). */
const ASKS_AMOUNT = /\b(?:bao nhieu|het bao nhieu|mat bao nhieu|la bao nhieu)\b/;
/** A payment mode named: "3 tháng 1 lần", "theo quý", "6 tháng", "12 tháng", "cả năm". */
const MODE =
  /\b(3|6|12) thang (?:\w+ ){0,2}(?:mot lan|1 lan|dong|nop|het)\b|\b(?:dong|nop) (?:\w+ ){0,2}(3|6|12) thang\b|\b(quy)\b|\b(ca nam|1 nam mot lan|nam mot lan|mot nam|(?:dong|nop) (?:\w+ ){0,2}(?:1|moi|ca|theo) nam|(?:1|moi) nam (?:\w+ ){0,2}(?:dong|nop|het|mat))\b/;
/** The lowest income asked about ("mức thấp nhất", "tối thiểu"). */
const LOWEST = /\b(?:thap nhat|toi thieu|it nhat)\b/;

/** The person's subsidy group as the figures name it, and how the answer names them. */
function groupOf(s: Situation, f: string): { figure: string; who: string } | undefined {
  if (s.household === 'poor') return { figure: 'POOR', who: 'hộ nghèo' };
  if (/\b(?:xa dao|dac khu)\b/.test(f)) return { figure: 'ISLAND', who: 'người ở xã đảo, đặc khu' };
  if (s.household === 'near_poor') return { figure: 'NEAR_POOR', who: 'hộ cận nghèo' };
  if (s.ethnicMinority) return { figure: 'ETHNIC', who: 'người dân tộc thiểu số' };
  return undefined;
}

/**
 * What a person pays for the income they name, when they ask how much: 22 % of it, the state's subsidy for their
 * group and what is left to pay a month, and for the mode they name ("3 tháng 1 lần"). The figures are
 * placeholders filled in from the calculator's rules on the answer's day (kb-figures.ts), so they are the
 * calculator's own. An income under the year's floor or over its ceiling is said to be so. Undefined when no
 * single income is named or the question does not ask an amount.
 */
export function contributionLead(text: string, f: string, s: Situation): string | undefined {
  if (!ASKS_AMOUNT.test(f) || s.day === undefined) return undefined;
  // "Đóng mức 1tr5 đủ 15 năm thì lương hưu được bao nhiêu": the pension is asked, not the contribution.
  if (ASKS_PENSION_AMOUNT.test(f) && !ASKS_CONTRIBUTION.test(f)) return undefined;
  // "Năm 2020 tôi đóng mức thấp nhất bao nhiêu": an earlier year's figures, not the day's.
  const past = /\bnam ((?:19|20)\d\d)\b/.exec(f)?.[1];
  if (past !== undefined && s.year !== undefined && Number(past) < s.year && !/\b(?:tu|bat dau|tham gia|dang ky) (?:\w+ ){0,2}nam (?:19|20)\d\d\b/.test(f)) return undefined;
  const group = groupOf(s, f);
  const g = group?.figure ?? 'OTHER';
  const months = modeMonths(f);
  const income = INCOME_CHOSEN.test(f) ? parseMoney(text, { bare: 'none' }) : null;
  if (income === null) {
    // No income named: at the lowest income, for the group or the mode they name ("hộ nghèo đóng 3 tháng 1 lần bao nhiêu").
    if (!group && !months && !LOWEST.test(f)) return undefined;
    const perMode = months ? `; ${months} tháng một lần nộp {PAY_${g}*${months}} đồng` : '';
    const support = group ? ` được Nhà nước hỗ trợ {SUPPORT_${g}} đồng/tháng,` : '';
    return `Ở mức thu nhập thấp nhất ({FLOOR} đồng/tháng), ${group ? group.who : 'người không thuộc nhóm ưu tiên'}${support} nộp {PAY_${g}} đồng/tháng${perMode}.`;
  }
  if (income < 500_000 || income > 200_000_000) return undefined;
  const { floor, ceiling } = incomeLimits(rulesAt(new Date(`${s.day}T12:00:00+07:00`)).period);
  if (income < floor) {
    return `Thu nhập ${formatNumber(income)} đồng thấp hơn mức thấp nhất được chọn ({FLOOR} đồng/tháng). Ở mức thấp nhất, ${group ? group.who : 'người không thuộc nhóm ưu tiên'} nộp {PAY_${g}} đồng/tháng.`;
  }
  if (income > ceiling) return `Thu nhập ${formatNumber(income)} đồng cao hơn mức cao nhất được chọn ({CEILING} đồng/tháng, 20 lần mức tham chiếu).`;
  const at = `${income}`;
  const perMode = months ? `; ${months} tháng một lần nộp {PAY_${g}:${at}*${months}} đồng` : '';
  const who = group
    ? `${group.who} được Nhà nước hỗ trợ {SUPPORT_${g}} đồng, nên nộp {PAY_${g}:${at}} đồng/tháng${perMode}`
    : `người không thuộc nhóm ưu tiên được Nhà nước hỗ trợ {SUPPORT_OTHER} đồng, nên nộp {PAY_OTHER:${at}} đồng/tháng${perMode} (hộ nghèo nộp {PAY_POOR:${at}}, hộ cận nghèo {PAY_NEAR_POOR:${at}}, người dân tộc thiểu số {PAY_ETHNIC:${at}})`;
  return `Với thu nhập ${formatNumber(income)} đồng/tháng: mức đóng 22% là {PREMIUM:${at}} đồng; ${who}.`;
}

/** The months of the payment mode named ("6 tháng 1 lần" → 6, "theo quý" → 3, "cả năm" → 12). */
function modeMonths(f: string): string | undefined {
  const m = MODE.exec(f);
  return m?.[1] ?? m?.[2] ?? (m?.[3] ? '3' : m?.[4] ? '12' : undefined);
}

/** Asks what to pay ("đóng bao nhiêu", "nộp hết bao nhiêu", "mức đóng"). */
const ASKS_CONTRIBUTION = /\b(?:dong|nop|het|mat) (?:\w+ ){0,3}bao nhieu\b|\bmuc dong\b/;
/** Asks what the pension will be ("lương hưu được bao nhiêu", "mỗi tháng lĩnh bao nhiêu"). */
const ASKS_PENSION_AMOUNT = /\bluong huu (?:\w+ ){0,4}bao nhieu\b|\b(?:linh|lanh|nhan|huong) (?:\w+ ){0,3}bao nhieu\b(?! (?:nam|phan tram))/;
/** The years the estimate is for when none are said paid: "trong 17 năm", "đủ 15 năm", "đóng 20 năm". */
const YEARS_FOR = /\b(?:dong|du|duoc|trong) (?:du |duoc )?(\d{1,2}) nam\b/;

/**
 * What the pension would be a month for the income and the years a person names ("đóng mức 3 triệu trong 17 năm
 * thì lương hưu bao nhiêu", "bình quân khoảng 4 triệu, 16 năm"): the rate for their years and sex (or both) times
 * the income, said to be an estimate before the price indexation of past incomes. Undefined without an income (or
 * "mức thấp nhất"), years from 15 to 45, or an ask of the amount.
 */
export function pensionEstimateLead(text: string, f: string, s: Situation, rate: (sex: 'male' | 'female', years: number) => number): string | undefined {
  if (!ASKS_PENSION_AMOUNT.test(f) || s.day === undefined) return undefined;
  const years = s.yearsPaid ?? Number(YEARS_FOR.exec(f)?.[1] ?? NaN);
  if (!(years >= 15 && years <= 45)) return undefined;
  const named = /\b(?:muc|thu nhap|binh quan|luong|dong)\b/.test(f) ? parseMoney(text, { bare: 'none' }) : null;
  const income = named ?? (LOWEST.test(f) ? incomeLimits(rulesAt(new Date(`${s.day}T12:00:00+07:00`)).period).floor : null);
  if (income === null || income < 500_000 || income > 200_000_000) return undefined;
  const y = Math.floor(years);
  const one = (sex: 'male' | 'female'): string => `${sex === 'male' ? 'nam' : 'nữ'} ${rate(sex, y)}%, khoảng ${formatNumber(Math.round((income * rate(sex, y)) / 100 / 1000) * 1000)} đồng/tháng`;
  const who = s.sex ? one(s.sex) : `${one('female')}; ${one('male')}`;
  return `Ước tính với ${y} năm đóng, thu nhập bình quân ${formatNumber(income)} đồng/tháng: ${who} (chưa tính trượt giá các năm trước, thực tế thường cao hơn).`;
}
