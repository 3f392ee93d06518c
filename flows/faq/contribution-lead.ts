import { healthCardOnly } from './ask-text.ts';
import { formatNumber, parseMoney } from '../calculator/money.ts';
import { incomeLimits, rulesOnDay } from '../calculator/rules.ts';
import { applyRate } from '../calculator/compute.ts';
import { figureValue, GROUPS } from './kb-figures.ts';
import { formatAge, type Situation } from './situation.ts';
import { monthIndex, monthYear, type AsOfDay } from './as-of.ts';
import { reaches } from './retirement-date.ts';
import { paidByRetirement, pensionRate, percentText, ratePct, spell, whenRetires, yearsAsked, yearsToRetirement } from './leads.ts';
import { has } from './regex-literals.ts';

/** The income a person says they chose, or would ("chọn mức thu nhập 3tr", "đóng mức 5tr/tháng", "thu nhập 2 triệu"). */
const INCOME_CHOSEN = /\b(?:muc|thu nhap|chon|dong theo|tien luong|luong)\b|\b\d+(?:[.,]\d+)? ?(?:tr|trieu)\d* thi\b/;
/** Asks how much to pay ("nộp bao nhiêu", "hết bn", "1 tháng mất bao nhiêu tiền"). */
// ("có phải bỏ tiền ra không": whether anything is left to pay, after the support and a province's top-up.)
const ASKS_AMOUNT = /\b(?:bao nhieu|het bao nhieu|mat bao nhieu|la bao nhieu)\b|\bphai (?:bo|mat|tra) tien(?: ra)?\b|\bphai tu (?:dong|nop|bo tien)\b|\b(?:con )?duoc mien\b/;
/** Asks whether an income may be chosen, or what it means ("mức 1tr đóng được không", "mức 2tr có phải là đóng 2tr không"). */
// (Not "có phải đóng bù tiền chênh không": whether more is owed.)
const ASKS_ALLOWED = /\b(?:muc|chon) (?:\w+ ){0,5}(?:duoc|dc) (?:khong|ko|k|hong)\b|\bco phai (?:la )?(?:dong|nop)\b(?! (?:bu|them|lai|tien chenh|phan chenh)\b)/;
/** A payment mode named: "3 tháng 1 lần", "theo quý", "6 tháng", "12 tháng", "cả năm" (not a contract's "hợp đồng lao động 3 tháng"). */
const MODE =
  /\b(3|6|12) thang (?:\w+ ){0,2}(?:mot lan|1 lan|dong|nop|het|bao nhieu)\b|(?<!\b(?:lao|hop) )\b(?:dong|nop) (?:\w+ ){0,2}(3|6|12) thang\b|\b(quy)\b|\b(ca nam|1 nam mot lan|nam mot lan|mot nam|(?:dong|nop) (?:\w+ ){0,2}(?:1|moi|ca|theo) nam|(?:1|moi) nam (?:\w+ ){0,2}(?:dong|nop|het|mat))\b/;
/** Paid already ("đã đóng", "đang đóng", "đóng … rồi"): a period running, not one planned. */
// ("Tôi đóng theo năm từ tháng 4/2026": the asker's own period, told in the present.)
const PAID_PERIOD = /\b(?:da|dang|vua|moi) (?:\w+ ){0,3}(?:dong|nop)\b|\b(?:dong|nop) (?:\w+ ){0,8}roi\b|\b(?:toi|em|minh|tui) (?:dong|nop) (?:[\w,]+ ){0,8}?tu (?:thang )?\d{1,2} (?:nam )?20\d\d\b/;
/** The month the period paid began, after the paying: "đóng 12 tháng một lần từ tháng 3/2026", "từ tháng 9". */
// ("đóng tự nguyện theo kỳ 6 tháng, kỳ này từ 9/2026 đến 2/2027": the month and year without "tháng".)
const PERIOD_FROM = /\b(?:dong|nop)\b((?: [\w,]+){0,8}?) tu (?:thang (\d{1,2})(?: (?:nam )?(20\d\d))?|(\d{1,2}) (20\d\d))\b/;
/** A period paid in a month told first ("Tháng 4/2026 tôi đã đóng trước 12 tháng", "tháng 1/2026 em nộp luôn 6 tháng", "Tháng 3/2026 tôi đăng ký đóng 12 tháng một lần"). */
// ("Từ tháng 3/2026 tôi đăng ký đóng BHXH tự nguyện 12 tháng một lần, …, đã nộp đủ tiền" too.)
const PAID_IN_MONTH = /\bthang (\d{1,2}) (?:nam )?(20\d\d) (?:toi |em |minh |tui )?(?:da |vua |moi )?(?:dang ky )?(?:dong|nop) (?:\w+ ){0,4}?(?:truoc |luon |mot lan )?(3|6|12) thang\b/;
/** A change between the paying and the month: "… nâng lên 5tr từ tháng 12" is when the change should start. */
const CHANGE_WORD = /\b(?:tang|giam|nang|ha|doi|chuyen|muon)\b/;

/** A period paid at once, with its first month ("tháng 6/2026 đã nộp một lần cho 12 tháng"). */
const PERIOD_PAID_IN = /\bthang (\d{1,2}) (?:nam )?(20\d\d) (?:\w+ ){0,2}(?:da|vua) (?:nop|dong) (?:\w+ ){0,4}?(?:mot lan|1 lan|truoc) (?:cho )?(3|6|12) thang\b/;
/** … or the mode first, its start and its payment after ("đăng ký đóng … 12 tháng một lần … từ tháng 3/2026, đã nộp đủ"). */
const PERIOD_PAID_MODE_FIRST = /\b(?:dong|nop)(?: \w+){0,4}? (3|6|12) thang (?:mot|1) lan\b(?: \w+){0,6}? tu (?:thang )?(\d{1,2}) (?:nam )?(20\d\d) (?:da|vua) (?:nop|dong)\b/;
/** … or the mode, then the last period's payment ("theo phương thức 12 tháng, mức thu nhập 5 triệu, kỳ gần nhất nộp tháng 3/2026"). */
const PERIOD_PAID_LAST = /\b(?:phuong thuc|dong|nop) (3|6|12) thang\b(?: \w+){0,10}? ky (?:gan nhat|nay|hien tai|vua roi|moi|cuoi) (?:\w+ ){0,2}?(?:nop|dong|bat dau)(?: tu| vao)? (?:thang )?(\d{1,2}) (?:nam )?(20\d\d)\b/;
/** The level or the mode to change within a period already paid ("kỳ gần nhất nộp tháng 3/2026 … muốn hạ xuống mức 2 triệu"). */
export const changeWithinPaid = (f: string): boolean => paidPeriod(f) !== undefined && !has(/\bchua (?:nop|dong)\b/, f) && has(/\b(?:ha|giam|nang|tang|doi|chuyen) (?:\w+ ){0,3}(?:muc|len|xuong|phuong thuc|sang)\b/, f);
/** A period already paid: its first month (from year 0) and its length in months. */
export function paidPeriod(f: string): { start: number; months: number } | undefined {
  const m = PERIOD_PAID_IN.exec(f);
  if (m) return { start: Number(m[2]) * 12 + Number(m[1]) - 1, months: Number(m[3]) };
  const n = PERIOD_PAID_MODE_FIRST.exec(f) ?? PERIOD_PAID_LAST.exec(f);
  return n ? { start: Number(n[3]) * 12 + Number(n[2]) - 1, months: Number(n[1]) } : undefined;
}

/**
 * A period of 3, 6 or 12 months (or years ahead) paid and still running on the message's day ("đã đóng 12 tháng một
 * lần từ tháng 3/2026"): its first and last months and the month a new level or mode can start. A month without a
 * year is the last such month on or before the day.
 */
export function periodRunning(f: string, day: string | undefined): { months: number; from: string; until: string; next: string; nextAt: number } | undefined {
  // ("đang đóng theo kỳ 6 tháng, … muốn chuyển sang đóng 12 tháng": the period paid is the one named a period.)
  // ("Tháng 4/2026 tôi đã đóng trước 12 tháng": the month first, then the period paid in it.)
  const paidIn = PAID_IN_MONTH.exec(f);
  const mode = /\b(?:theo )?ky (3|6|12) thang\b/.exec(f)?.[1] ?? paidIn?.[3] ?? modeMonths(f);
  const start = PERIOD_FROM.exec(f);
  // ("Em đóng BHXH tự nguyện hằng tháng từ tháng 1/2026 … muốn đổi sang đóng 12 tháng một lần": paying monthly, no period
  // running; the mode named is the one wished for.)
  const monthly = /\b(?:dong|nop) (?:bhxh |bao hiem (?:xa hoi )?)?(?:tu nguyen )?(?:hang thang|theo thang|tung thang)\b/.exec(f);
  if (monthly && !paidIn && !has(/\bky (?:3|6|12) thang\b/, f) && has(/\b(?:doi|chuyen) (?:sang|qua)\b/, f.slice(monthly.index))) return undefined;
  if (day === undefined || mode === undefined || (!paidIn && (!start || has(CHANGE_WORD, start[1]!) || !has(PAID_PERIOD, f)))) return undefined;
  const months = Number(mode);
  const month = Number(paidIn ? paidIn[1] : (start![2] ?? start![4]));
  const told = paidIn ? paidIn[2] : (start![3] ?? start![5]);
  if (months < 3 || month < 1 || month > 12) return undefined;
  const now = monthIndex(day);
  const year = told !== undefined ? Number(told) : month <= (now % 12) + 1 ? Math.floor(now / 12) : Math.floor(now / 12) - 1;
  const first = year * 12 + month - 1;
  const last = first + months - 1;
  if (now < first || now > last) return undefined;
  return { months, from: monthYear(first), until: monthYear(last), next: monthYear(last + 1), nextAt: last + 1 };
}

/** The highest income asked about ("mức cao nhất", "đóng tối đa"). */
// (Not a span: "được đóng trước tối đa bao nhiêu năm".)
// (Nor how much may be paid ahead: "nếu không thì đóng trước tối đa được bao nhiêu".)
const HIGHEST = /\b(?:muc|dong(?! truoc)|thu nhap) (?:\w+ ){0,2}(?:cao nhat|toi da)\b(?! (?:duoc )?(?:bao nhieu |may |la |\d{1,2} )?(?:nam|ky|lan)\b| (?:duoc )?(?:bao nhieu|may) thang\b)/;
/** The lowest income asked about ("mức thấp nhất", "tối thiểu"). */
// (Not refused: "không muốn đóng mức thấp nhất mà chọn thu nhập 2 triệu".)
const LOWEST = /(?<!\bkhong (?:muon |dinh |thich )?(?:dong |chon )?(?:muc )?)\b(?:thap nhat|toi thieu|it nhat)\b/;

/**
 * An island commune or special zone, by the words or by the 13 special zones' names since 1/7/2025 (../shared/data:
 * Vân Đồn, Cô Tô, Cát Hải, Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Trường Sa, Phú Quý, Côn Đảo, Phú Quốc, Thổ Châu, Kiên
 * Hải; Cô Tô and Cồn Cỏ only as "đảo Cô Tô", "ở Cồn Cỏ": "còn có" folds the same); "Trong đất liền, không phải xã đảo" is
 * not one.
 */
const ISLAND_NAMES = '(?:xa dao|dac khu|van don|cat hai|bach long vi|hoang sa|ly son|truong sa|phu quy|con dao|phu quoc|tho chau|kien hai|(?:dao|o) (?:co to|con co))';
export const ISLAND = new RegExp(`(?<!\\b(?:khong phai|khong o|chu khong phai|khong thuoc) )\\b${ISLAND_NAMES}\\b`);
/** An island or special zone lived in before ("trước ở đặc khu Phú Quốc", "khi còn ở Cô Tô"). */
const ISLAND_BEFORE = new RegExp(`\\b(?:truoc|truoc day|hoi truoc|tung|khi con)\\b(?: \\w+){0,3}? (?:o )?(?:\\w+ ){0,2}?${ISLAND_NAMES}\\b`);
/**
 * Moved away from a special zone or island commune ("trước ở đặc khu Phú Quốc … chuyển hẳn lên TP.HCM", "… khi còn ở Cô Tô …,
 * nay chuyển hẳn vào …"): its rate no longer.
 */
export const leftIsland = (f: string): boolean => has(/\bchuyen (?:han |nha |ve |len |sang |ra |vao |den )/, f) && has(ISLAND_BEFORE, f);

/** The person's subsidy group as the figures name it, and how the answer names them. */
function groupOf(s: Situation, f: string): { figure: string; who: string } | undefined {
  // (In two groups, "hộ nghèo, người dân tộc Thái": the higher subsidy, said so.)
  const both = (rate: number): string => (s.ethnicMinority ? ` (vừa thuộc hộ này vừa là người dân tộc thiểu số thì hưởng mức cao hơn, ${rate}%, không cộng hai mức)` : '');
  if (s.household === 'poor') return { figure: 'POOR', who: `hộ nghèo${both(50)}` };
  // ("Trong đất liền, không phải xã đảo": not an island.)
  if (has(ISLAND, f) && !leftIsland(f)) return { figure: 'ISLAND', who: 'người ở xã đảo, đặc khu (50%, như hộ nghèo)' };
  if (s.household === 'near_poor') return { figure: 'NEAR_POOR', who: `hộ cận nghèo${both(40)}` };
  if (s.ethnicMinority) return { figure: 'ETHNIC', who: 'người dân tộc thiểu số' };
  return undefined;
}

/** What the person's group pays at the lowest income, the State's share said ("Ở mức thu nhập thấp nhất (…), hộ nghèo được Nhà nước hỗ trợ … nộp …"). */
export function floorPaymentLead(s: Situation, f: string): string {
  const group = groupOf(s, f);
  const g = group?.figure ?? 'OTHER';
  // (The State's rate said too: "hỗ trợ 40% (132.000 đồng/tháng)".)
  const rate = s.day ? Math.round(rulesOnDay(s.day).period.subsidyRates[GROUPS[g]!] * 100) : undefined;
  return `Ở mức thu nhập thấp nhất ({FLOOR} đồng/tháng), ${group ? group.who : 'người không thuộc nhóm ưu tiên'} được Nhà nước hỗ trợ ${rate !== undefined ? `${rate}% (` : ''}{SUPPORT_${g}} đồng/tháng${rate !== undefined ? ')' : ''}, tự nộp {PAY_${g}} đồng/tháng.${s.day ? localTopUp(f, g, null, s.day) : ''}`;
}

/**
 * The income level chosen when the message names other amounts too ("thu nhập khoảng 6 triệu … chọn mức 4 triệu thì
 * nộp bao nhiêu", "đóng mức 3tr, nay muốn tăng lên 6tr", "đóng tn mức thu nhập 6 triệu"): the one after "chọn mức", "đóng
 * mức", "tăng lên".
 */
function levelChosen(f: string): number | null {
  // ("ở mức thu nhập 10 triệu", "với mức 3 triệu" too.)
  // ("theo đúng mức 15 triệu" too.)
  const m = CHANGED_TO.exec(f) ?? /\b(?:chon|dong|nop|theo|o|voi)(?: (?:bhxh|tu nguyen|theo|dung|tron))* muc (?:thu nhap )?(\d{1,2}(?: \d)?) ?(?:trieu|tr)\b/.exec(f);
  return m?.[1] ? Number(m[1].replace(' ', '.')) * 1_000_000 : null;
}

/** The income named on folded words alone ("theo mức thu nhập 2 triệu/tháng"), or null. */
export const levelNamed = (f: string): number | null => (has(INCOME_CHOSEN, f) ? levelChosen(f) : null);

/** An income level changed to ("tăng mức thu nhập lên 10 triệu", "hạ xuống 3tr", "giờ muốn lên 5tr"). */
// (Not the poverty line's rise, "mức chuẩn tăng lên 2,2 triệu": no income chosen.)
const CHANGED_TO = /(?<!\bchuan (?:ngheo )?(?:nong thon )?)\b(?:tang|nang|doi|chuyen|ha|giam|muon|dinh) (?:muc (?:thu nhap )?)?(?:len|xuong|sang) (?:muc )?(?:thu nhap )?(\d{1,2}(?: \d)?) ?(?:trieu|tr)\b/;

/** The income the person names for their contribution ("mức 3 triệu", "chọn mức 4 triệu" beside another amount). */
function incomeNamed(text: string, f: string): number | null {
  // (A change named, "tăng mức thu nhập lên 10 triệu", is the income asked about, beside the one paid now.)
  if (!has(INCOME_CHOSEN, f)) return null;
  return (has(CHANGED_TO, f) ? levelChosen(f) : null) ?? moneyNotOwed(text) ?? levelChosen(f);
}

/** An amount told that is no debt, no pension drawn and no birth allowance: an income, if any. */
const moneyNotOwed = (text: string): number | null => parseMoney(text.replace(DEBT, ' ').replace(PENSION_DRAWN, ' ').replace(BIRTH_ALLOWANCE_NAMED, ' '), { bare: 'none' });

/** A pension's amount ("lương hưu hiện khoảng 4,5 triệu"): no income to pay on. */
const PENSION_DRAWN = /(?<!\p{L})(?:lương\s+hưu|luong\s+huu)(?:\s+\S+){0,3}?\s+(?:hơn\s+|khoảng\s+|gần\s+|hon\s+|khoang\s+|gan\s+)?\d[\d.,]*\s*(?:triệu|trieu|tr|củ|cu|nghìn|nghin|k)(?!\p{L})/giu;

/** The birth allowance named ("e sinh thì có được 2tr không", "nhận 2 triệu thai sản"): no income. */
const BIRTH_ALLOWANCE_NAMED = /(?<!\p{L})(?:được|nhận|lãnh|hưởng|duoc|nhan|lanh|huong|dc)\s+(?:\S+\s+){0,2}?2\s*(?:triệu|trieu|tr)(?!\p{L})|(?<!\p{L})2\s*(?:triệu|trieu|tr)\s+(?:tiền\s+|tien\s+)?(?:thai\s+sản|thai\s+san|sinh)(?!\p{L})/giu;

/** A debt or a loan's amount ("đang nợ ngân hàng hơn 80 triệu"): no income. */
const DEBT = /(?<!\p{L})(?:nợ|vay|no)(?:\s+\S+){0,3}?\s+(?:hơn\s+|khoảng\s+|gần\s+|hon\s+|khoang\s+|gan\s+)?\d[\d.,]*\s*(?:triệu|trieu|tr|củ|cu|nghìn|nghin|k)(?!\p{L})/giu;

/**
 * What a person pays for the income they name, when they ask how much: 22 % of it, the state's subsidy for their
 * group and what is left to pay a month, and for the mode they name ("3 tháng 1 lần"). The figures are
 * placeholders filled in from the calculator's rules on the answer's day (kb-figures.ts), so they are the
 * calculator's own. An income under the year's floor or over its ceiling is said to be so. Undefined when no
 * single income is named or the question does not ask an amount.
 */
export function contributionLead(text: string, f: string, s: Situation): string | undefined {
  // (Moved away from a special zone and asking whether its rate stays: no, said first.)
  const lead = ownContributionLead(text, f, s);
  if (!lead || !leftIsland(f)) return lead;
  // (Or whether the support of a period paid before the move is owed back: no.)
  if (has(/\b(?:nop bu|dong bu|nop them|truy thu|tra lai)\b/, f)) return `Không phải nộp bù phần hỗ trợ của kỳ đã đóng trước khi chuyển; từ kỳ đóng sau, ở nơi mới, hưởng mức của nhóm mình (không thuộc nhóm ưu tiên thì 20%). ${lead}`;
  return has(/\b(?:giu|con duoc|van duoc|van huong|50 ?%)\b/, f) ? `Không: hỗ trợ 50% chỉ dành cho người đang cư trú ở xã đảo, đặc khu; đã chuyển hẳn nơi ở thì từ khi chuyển hưởng mức của nhóm mình ở nơi mới. ${lead}` : lead;
}

/** The contribution sentence for the person's group and income (contributionLead, before a move away from an island is said). */
function ownContributionLead(text: string, f: string, s: Situation): string | undefined {
  const asksAmount = has(ASKS_AMOUNT, f);
  const short = budgetShortLead(f, s.day, groupOf(s, f));
  if (short) return short;
  const budget = budgetLead(text, f, s.day, groupOf(s, f)?.figure ?? 'OTHER');
  if (budget) return budget;
  if ((!asksAmount && !has(ASKS_ALLOWED, f)) || s.day === undefined) return undefined;
  // "Hộ cận nghèo mua BHYT mỗi người đóng bao nhiêu": a health card's price, nothing of social insurance.
  if (healthCardOnly(f)) return undefined;
  // "Muốn lương hưu 5 triệu thì đóng bao nhiêu": that amount is the pension wanted, not the income (targetPensionLead).
  if (has(TARGET_PENSION, f)) return undefined;
  // "Đóng mức 1tr5 đủ 15 năm thì lương hưu được bao nhiêu": the pension is asked, not the contribution.
  if (has(ASKS_PENSION_AMOUNT, f) && !has(ASKS_CONTRIBUTION, f)) return undefined;
  // "Năm 2020 tôi đóng mức thấp nhất bao nhiêu": an earlier year's figures, not the day's.
  // ("6 năm (2009–2015)" is a span of years paid, not a year asked about.)
  // (A birth year, "em năm 1995 ở Đắk Lắk", is no year asked about: the year is next to the paying.)
  const past = /(?<!\b\d{1,2} )\bnam ((?:19|20)\d\d) (?:\w+ ){0,3}?(?:dong|nop|muc|thi)\b/.exec(f)?.[1];
  // ("Năm 2025 tôi đóng … Sang năm 2026 này còn được miễn không": this year asked after last year's.)
  if (past !== undefined && s.year !== undefined && Number(past) < s.year && !has(/\b(?:tu|bat dau|tham gia|dang ky) (?:\w+ ){0,2}nam (?:19|20)\d\d\b/, f) && !new RegExp(`\\bnam ${s.year}\\b`).test(f)) return undefined;
  const group = groupOf(s, f);
  const g = group?.figure ?? 'OTHER';
  const months = modeMonths(f);
  // ("Thu nhập tháng được 4 triệu … muốn đóng mức thấp nhất": their earnings, and the lowest level asked.)
  // ("Thu nhập khoảng 15 triệu, muốn đóng mức cao nhất": the ceiling.)
  const highest = has(HIGHEST, f) && levelChosen(f) === null;
  // ("… đăng ký mức 3 triệu … giờ muốn chuyển sang đóng hằng tháng với mức thấp nhất": the lowest they move to.)
  const toLowest = has(/\b(?:chuyen|ha|giam|doi|xuong)\b(?: \w+){0,6} (?:muc )?(?:thap nhat|toi thieu)\b/, f);
  // ("Chồng tôi … mức thu nhập 3 triệu … Tôi muốn tự tham gia thì mỗi tháng đóng thấp nhất là bao nhiêu": the lowest asked
  // outright, whatever level someone else paid.)
  const lowestAsked = has(/\b(?:dong|nop|muc|tien) (?:\w+ ){0,2}(?:thap nhat|toi thieu|it nhat) (?:\w+ ){0,2}?(?:la )?bao nhieu\b/, f);
  const income = has(LOWEST, f) && (levelChosen(f) === null || toLowest || lowestAsked) ? null : highest ? incomeLimits(rulesOnDay(s.day).period).ceiling : incomeNamed(text, f);
  if (income === null) {
    if (!asksAmount) return undefined;
    // No income named: at the lowest income, for the group or the mode they name ("hộ nghèo đóng 3 tháng 1 lần bao nhiêu").
    if (!group && !months && !has(LOWEST, f)) return undefined;
    // (Years ahead are discounted at the fund's interest rate: a little less than the months added up.)
    const perMode = months ? modesPaid(f, months, `PAY_${g}`) : '';
    const support = group ? ` được Nhà nước hỗ trợ {SUPPORT_${g}} đồng/tháng,` : '';
    // (A couple of two groups, "Tôi … người Kinh … Vợ tôi … là người Ê Đê … hai vợ chồng cùng đóng mức thấp nhất": each at their own.)
    const couple = g === 'OTHER' && s.spouseEthnic === true && s.day !== undefined ? coupleOfTwoGroups(f, months, s.day) : undefined;
    return `Ở mức thu nhập thấp nhất ({FLOOR} đồng/tháng), ${group ? group.who : 'người không thuộc nhóm ưu tiên'}${support} nộp {PAY_${g}} đồng/tháng${perMode}${couple ?? forAll(f, `PAY_${g}`, months)}.${localTopUp(f, g, null, s.day, months)}${nextYearPeriod(f, g, months, s.day)}`;
  }
  if (income < 500_000 || income > 200_000_000) return undefined;
  const { floor, ceiling } = incomeLimits(rulesOnDay(s.day).period);
  if (income < floor) {
    return `Thu nhập ${formatNumber(income)} đồng thấp hơn mức thấp nhất được chọn ({FLOOR} đồng/tháng). Ở mức thấp nhất, ${group ? group.who : 'người không thuộc nhóm ưu tiên'} nộp {PAY_${g}} đồng/tháng.`;
  }
  if (income > ceiling) return `Thu nhập ${formatNumber(income)} đồng cao hơn mức cao nhất được chọn ({CEILING} đồng/tháng, 20 lần mức tham chiếu).`;
  const at = `${income}`;
  // (No sum for all where one of them pays at another level: "vợ tôi chỉ đóng mức thấp nhất".)
  const perMode = `${months ? modesPaid(f, months, `PAY_${g}:${at}`) : ''}${has(/\b(?:vo|chong) (?:toi|em|minh|tui)\b(?: [\w,]+){0,14}? (?:muc )?(?:thap nhat|toi thieu)\b/, f) ? '' : forAll(f, `PAY_${g}:${at}`, months)}`;
  const who = group
    ? `${group.who} được Nhà nước hỗ trợ {SUPPORT_${g}} đồng, nên nộp {PAY_${g}:${at}} đồng/tháng${perMode}`
    : `người không thuộc nhóm ưu tiên được Nhà nước hỗ trợ {SUPPORT_OTHER} đồng, nên nộp {PAY_OTHER:${at}} đồng/tháng${perMode} (hộ nghèo nộp {PAY_POOR:${at}}, hộ cận nghèo {PAY_NEAR_POOR:${at}}, người dân tộc thiểu số {PAY_ETHNIC:${at}})`;
  // (Not "Được" while the period paid runs: the change route says from when.)
  // (The highest income asked beside the one told, "mức thu nhập cao nhất được chọn là bao nhiêu? Nếu tôi chọn mức 20
  // triệu …": the ceiling first.)
  const ceilingToo = has(HIGHEST, f) && !highest ? 'Thu nhập cao nhất được chọn là {CEILING} đồng/tháng (20 lần mức tham chiếu {REFERENCE} đồng). ' : '';
  const allowed = asksAmount || periodRunning(f, s.day) || changeWithinPaid(f) ? ceilingToo : `Được: thu nhập làm căn cứ đóng là mức anh/chị tự chọn, từ {FLOOR} đến {CEILING} đồng/tháng, không phải số tiền nộp. `;
  const other = otherLevel(f, income, floor, ceiling);
  const second = other === undefined ? '' : ` Với thu nhập ${formatNumber(other)} đồng/tháng: mức đóng 22% là {PREMIUM:${other}} đồng, ${group ? group.who : 'người không thuộc nhóm ưu tiên'} nộp {PAY_${g}:${other}} đồng/tháng${months ? `; ${months} tháng một lần nộp {PAY_${g}:${other}*${months}} đồng` : ''}.`;
  // (The lowest asked too, in an ask of its own: "mức thấp nhất thì mỗi tháng bao nhiêu? Nếu chọn mức thu nhập 3 triệu thì bao nhiêu?";
  // or a spouse's, "Tôi … mức thu nhập 4 triệu; vợ tôi 42 tuổi chỉ đóng mức thấp nhất".)
  const spouseLowest = /\b(vo|chong) (?:toi|em|minh|tui)\b(?: [\w,]+){0,14}? (?:muc )?(?:thap nhat|toi thieu)\b/.exec(f);
  const lowestToo = income > floor && (spouseLowest || (has(/\b(?:thap nhat|toi thieu)\b(?: \w+){0,7}? bao nhieu\b/, f) && !has(/\b(?:thap nhat|toi thieu) (?:duoc )?(?:la )?bao nhieu\b(?= (?:\w+ ){0,3}(?:thu nhap|muc))/, f)))
    ? `${spouseLowest ? `${spouseLowest[1] === 'vo' ? 'Vợ' : 'Chồng'} anh/chị đóng ở` : 'Ở'} mức thu nhập thấp nhất ({FLOOR} đồng/tháng), ${group ? `${group.who} được Nhà nước hỗ trợ {SUPPORT_${g}} đồng/tháng,` : 'người không thuộc nhóm ưu tiên'} nộp {PAY_${g}} đồng/tháng.${localTopUp(f, g, null, s.day)} `
    : '';
  return `${allowed}${lowestToo}Với thu nhập ${formatNumber(income)} đồng/tháng: mức đóng 22% là {PREMIUM:${at}} đồng; ${who}.${second}${localTopUp(f, g, income, s.day, months)}${belowNextFloor(income, s.day)}${nextYearIncome(f, g, income, months, s.day)}`;
}

/** A period told from a month to a month ("kỳ hiện tại từ tháng 10/2026 đến tháng 3/2027"). */
const PERIOD_SPAN = /\bky (?:\w+ ){0,2}tu (?:thang )?\d{1,2} (?:nam )?20\d\d (?:den|toi) (?:het )?(?:thang )?\d{1,2} (?:nam )?20\d\d\b/;
/**
 * A period at a chosen income that starts next year ("đóng 3 tháng một lần theo mức thu nhập 8 triệu, bắt đầu từ tháng 1/2027"):
 * the State's share then is of next year's floor premium, so the payment differs.
 */
function nextYearIncome(f: string, g: string, income: number, months: string | undefined, day: string | undefined): string {
  if (day === undefined) return '';
  const year = Number(day.slice(0, 4));
  // (A start said as such, "từ tháng 1/2027", "bắt đầu từ tháng 1/2027": not a birth's month or a deadline's.)
  const start = new RegExp(`\\b(?:tu|bat dau(?: tu)?) thang (\\d{1,2}) (?:nam )?${year + 1}\\b`).exec(f);
  // (A period paid that runs into next year, and a change asked, "Tháng 3/2026 tôi đăng ký đóng 12 tháng một lần … nâng lên mức 6
  // triệu": the new level from the month after it, 3/2027; one that ends this year, none. Nor one told from a month to a month: the change
  // route says from when.)
  const running = periodRunning(f, day);
  const changed = running !== undefined && has(/\b(?:tang|nang|giam|ha|doi|chuyen) (?:len|xuong|sang|qua|muc|thanh)\b/, f);
  const from = running ? (changed && Math.floor(running.nextAt / 12) === year + 1 ? (running.nextAt % 12) + 1 : undefined) : start ? Number(start[1]) : undefined;
  if (from === undefined || from < 1 || from > 12 || topUpWhere(f, g) || has(PERIOD_SPAN, f)) return '';
  const then = `${year + 1}-${String(from).padStart(2, '0')}-15`;
  const next = rulesOnDay(then).period;
  if (next === rulesOnDay(day).period || income < incomeLimits(next).floor) return '';
  const pay = figureValue(`PAY_${g}`, income, then);
  const provisional = next.provisional ? ', dự kiến, chờ hướng dẫn của BHXH Việt Nam' : '';
  const per = months ? `, ${months} tháng một lần khoảng ${formatNumber(pay * Number(months))} đồng` : '';
  return ` Kỳ bắt đầu từ tháng ${from}/${year + 1}: phần Nhà nước hỗ trợ tính trên mức thấp nhất của năm ${year + 1} (${formatNumber(incomeLimits(next).floor)} đồng${provisional}), nên nộp khoảng ${formatNumber(pay)} đồng/tháng${per}.`;
}

/** A second level set against the first ("mức 2 triệu thì đóng bao nhiêu, còn nếu mức 5 triệu thì …", "2 triệu hay 4 triệu"). */
const SECOND_LEVEL = /\b(?:con neu|con (?:muc|dong|chon)|hay|hoac|so voi|hoac la|hay la)\b(?: \w+){0,4}? $/;

/** The other income named after the one answered, when the two are weighed against each other (within the limits). */
function otherLevel(f: string, income: number, floor: number, ceiling: number): number | undefined {
  for (const m of f.matchAll(FOLDED_AMOUNT)) {
    const value = amountOf(m);
    if (value === income || value < floor || value > ceiling) continue;
    if (has(SECOND_LEVEL, f.slice(Math.max(0, m.index - 40), m.index))) return value;
  }
  return undefined;
}

/**
 * What the person can spend a month ("có thể bỏ ra 1,5 triệu", "đóng được tầm 1tr/tháng", "dư ra được khoảng 500 nghìn để đóng";
 * not "đóng được 25 năm", "có thể đóng trước một lần nhiều năm").
 */
const BUDGET =
  /\b(?:bo ra|danh ra|chi ra|du ra|de danh|co the (?:dong|nop|chi|bo)\b(?= (?:\w+ ){0,3}?\d+(?:[.,]\d+)? ?(?:trieu|tr|k|nghin|dong)\b)|kha nang (?:dong|nop)|(?:dong|nop) (?:toi da|tam))\b|\b(?:dong|nop) (?:duoc|noi) (?:toi da |tam |khoang |chung )?\d(?![\d.,]* ?(?:nam|thang|tuoi)\b)|\b(?:so )?tien dong\b(?: \w+){0,3} (?:chu )?khong phai (?:la )?(?:muc )?thu nhap\b|\brieng tien dong\b|\b(?:dong|nop) (?:\w+ ){0,3}?\d+(?: \d)? ?(?:trieu|tr|k|nghin) (?:dong )?tien (?:bhxh|bao hiem)\b/;
/** Asks which income to choose ("nên chọn mức thu nhập bao nhiêu", "chọn mức nào"; not "theo mức thu nhập 6 triệu/tháng thì
 * mỗi tháng bao nhiêu", an income told). */
const ASKS_LEVEL = /\b(?:chon|dang ky) (?:\w+ ){0,3}?(?:muc )?(?:thu nhap )?(?:bao nhieu|nao)\b|\bmuc (?:thu nhap )?nao\b|\bmuc thu nhap (?!\d)(?:\w+ ){0,6}?(?:la )?bao nhieu\b/;

/**
 * The income to choose for what the person can spend a month: the premium is 22 % of the income, less the State's
 * support for their group (for 10 years), so income = (budget + support) / 22 %, within the floor and the ceiling.
 */
function budgetLead(text: string, f: string, day: string | undefined, g: string): string | undefined {
  if (!has(ASKS_LEVEL, f)) return undefined;
  const b = budgetIncome(text, f, day, g);
  // (Figures as placeholders, the calculator's own on the day, as the other contribution sentences.)
  return b && `Để mỗi tháng nộp khoảng ${formatNumber(b.budget)} đồng: chọn thu nhập khoảng ${formatNumber(b.income)} đồng/tháng; mức đóng 22% là {PREMIUM:${b.income}} đồng, Nhà nước hỗ trợ {SUPPORT_${g}} đồng nên anh/chị nộp {PAY_${g}:${b.income}} đồng (hết 10 năm hỗ trợ thì nộp đủ {PREMIUM:${b.income}} đồng).`;
}

/** Whether an amount is enough ("150 nghìn có đủ không", "mỗi tháng chỉ đủ được khoảng 150 nghìn"). */
const ENOUGH_ASKED = /\b(\d{2,3}) ?(?:k|nghin|ngan)\b(?: \w+){0,3}? (?:co )?du (?:khong|ko|k|chua)\b|\bchi du (?:duoc |dc )?(?:khoang |tam )?(\d{2,3}) ?(?:k|nghin|ngan)\b/;

/**
 * A monthly budget below what the person's group pays at the lowest income ("150 nghìn có đủ không", near-poor: 198.000):
 * not enough, and what can be done (pay a longer period at once when there is money, pause: the months paid are kept).
 */
function budgetShortLead(f: string, day: string | undefined, group: { figure: string; who: string } | undefined): string | undefined {
  const m = day === undefined ? null : ENOUGH_ASKED.exec(f);
  if (!m || day === undefined) return undefined;
  const budget = Number(m[1] ?? m[2]) * 1000;
  const g = group?.figure ?? 'OTHER';
  if (budget >= figureValue(`PAY_${g}`, undefined, day)) return undefined;
  return `${formatNumber(budget)} đồng/tháng chưa đủ: ở mức thu nhập thấp nhất ({FLOOR} đồng), ${group ? group.who : 'người không thuộc nhóm ưu tiên'} nộp {PAY_${g}} đồng/tháng. Có thể để dành rồi đóng 3, 6 hoặc 12 tháng một lần; tháng nào không đóng thì coi như tạm dừng, thời gian đã đóng vẫn được giữ (bảo lưu) và cộng dồn khi đóng tiếp.`;
}

/** An amount as folded ("1 5 trieu", "500k", "2 tr", "800 nghin"). */
export const FOLDED_AMOUNT = /\b(\d{1,3})(?: (\d))? ?(trieu|tr)\b|\b(\d{2,3}) ?(k|nghin|ngan)\b/g;
export const amountOf = (m: RegExpMatchArray): number =>
  m[3] ? Math.round((Number(m[1]) + (m[2] ? Number(m[2]) / 10 : 0)) * 1_000_000) : Number(m[4]) * 1000;

/** The money told as what the person pays a month, and the income it pays for (undefined when no budget is told). */
function budgetIncome(text: string, f: string, day: string | undefined, g: string): { budget: number; income: number } | undefined {
  const at = day === undefined ? null : BUDGET.exec(f);
  if (!at || day === undefined) return undefined;
  // The amount told with the paying (the last before the words, or else the first after): not the earnings beside it.
  const amounts = [...f.matchAll(FOLDED_AMOUNT)].map((m) => ({ at: m.index, value: amountOf(m) }));
  const budget = [...amounts].reverse().find((a) => a.at < at.index + at[0].length)?.value ?? amounts[0]?.value ?? parseMoney(text, { bare: 'none' });
  if (budget === null || budget < 100_000 || budget > 20_000_000) return undefined;
  const { period } = rulesOnDay(day);
  const { floor, ceiling } = incomeLimits(period);
  const support = applyRate(applyRate(period.ruralPovertyLine, period.rate), period.subsidyRates[GROUPS[g]!]);
  return { budget, income: Math.min(ceiling, Math.max(floor, Math.floor((budget + support) / period.rate / 1000) * 1000)) };
}

/**
 * Provinces' own top-ups on the same base (../shared/domain §3): Hà Nội (2025 resolution), Ninh Bình (NQ 21/2025,
 * 2026–2030); a group a province does not name gets nothing more there.
 */
const TOP_UPS: Readonly<Record<string, { name: string; rates: Readonly<Record<string, number>> }>> = {
  'ha noi': { name: 'Hà Nội', rates: { POOR: 50, NEAR_POOR: 60, OTHER: 10 } },
  'ninh binh': { name: 'Ninh Bình', rates: { POOR: 30, NEAR_POOR: 20, ETHNIC: 20 } },
};
/** The provinces merged into one with a top-up on 1/7/2025 (Resolution 202/2025/QH15): Hà Nam and Nam Định are Ninh Bình now. */
const MERGED_INTO: Readonly<Record<string, { into: string; name: string }>> = { 'nam dinh': { into: 'ninh binh', name: 'Nam Định' }, 'ha nam': { into: 'ninh binh', name: 'Hà Nam' } };
const PROVINCE = /\b(ha noi|ninh binh|nam dinh|ha nam)\b/;

/** "chuyển về quê", "giờ về Thái Bình sống" after the province: the person left it (not "chuyển sang đóng 3 tháng một lần"). */
const MOVED_AFTER = /\b(?:chuyen|don) (?:han |nha |ho khau |cu tru )?(?:ve|ra|vao|den|sang(?! (?:dong|nop|phuong thuc|hinh thuc|muc|bhxh|bao hiem|tu nguyen|bat buoc|ky|\d))|toi|di)\b|\bve (?:lai )?que\b|\b(?:gio|nay|bay gio|hien) (?:(?:toi|em|minh|tui) )?(?:ve|da ve) (?:\w+ ){1,3}(?:song|o)\b/;
/** "từ Hà Nội", "trước ở Hà Nội", "hồi ở Hà Nội" before it: where the person was, not where they are. */
const WAS_THERE = /\b(?:tu|truoc (?:day |kia )?(?:(?:toi|em|minh|tui) )?(?:o|song o|lam o|dong o)|hoi (?:con )?o|da tung o) $/;

/** Whether the province named is one the person has moved away from ("đóng ở Hà Nội …, nay chuyển về quê"). */
function movedAway(f: string, at: number, length: number, oldName: boolean): boolean {
  // (A merged province's old name is where one was by its nature: "trước ở Nam Định, giờ sáp nhập thành Ninh Bình".)
  if (!oldName && has(WAS_THERE, f.slice(Math.max(0, at - 24), at))) return true;
  const after = f.slice(at + length);
  const move = MOVED_AFTER.exec(after);
  // Moving within the province, or to it ("chuyển ra Hà Nội"), keeps it.
  return move !== null && !has(PROVINCE, after.slice(move.index, move.index + move[0].length + 16));
}

/** The province's own top-up where the person lives and pays, if it has one for their group. */
function topUpWhere(f: string, g: string): { province: { name: string }; extra: number; named: RegExpExecArray | null; merged?: { into: string; name: string } } | undefined {
  // (A province named only to compare, "ở thành phố có hỗ trợ thêm như Hà Nội không": not where they live.)
  // (The province by its name of today first: "trước ở Nam Định, giờ sáp nhập thành Ninh Bình" is in Ninh Bình.)
  const where = f.replace(/\b(?:nhu|giong|bang|nhu o|giong o) (?:ha noi|ninh binh)\b/g, ' ');
  const named = /\b(ha noi|ninh binh)\b/.exec(where) ?? PROVINCE.exec(where);
  // (Where the one who pays works, for parents elsewhere: "Em đi làm ở Hà Nội, muốn đóng cho bố mẹ ở quê (Phú Thọ)".)
  // ("Cháu làm văn phòng ở Hà Nội, muốn đóng BHXH tự nguyện cho mẹ ở Hưng Yên": the mother's province.)
  if (named && has(/\b(?:di lam|lam viec|lam an|lam(?: \w+){0,2}|hoc|song|o tro|thue nha) (?:o |tai )$/, f.slice(Math.max(0, named.index - 24), named.index)) && (has(/\bo que\b/, f) || has(/\bcho (?:me|bo|ba|ong|cha|vo|chong|con)\b(?: \w+){0,3} o (?!(?:ha noi|ninh binh)\b)\w+/, f.slice(named.index)))) return undefined;
  const merged = MERGED_INTO[named?.[1] ?? ''];
  const province = TOP_UPS[merged?.into ?? named?.[1] ?? ''];
  const extra = province?.rates[g];
  return province && extra ? { province, extra, named, merged } : undefined;
}

/**
 * Moving away from a province with its own top-up, whether the amount changes asked ("đang đóng ở Hà Nội … chuyển về quê ở
 * Bắc Ninh … mức đóng thấp nhất có thay đổi không"): the province's share stays behind; the State's is what is left.
 */
export function movedFromTopUpLead(f: string, s: Situation): string | undefined {
  const group = groupOf(s, f);
  const g = group?.figure ?? 'OTHER';
  const here = topUpWhere(f, g);
  if (!here?.named || !movedAway(f, here.named.index, here.named[0].length, here.merged !== undefined)) return undefined;
  return `Có thay đổi: phần hỗ trợ thêm ${here.extra}% của ${here.province.name} chỉ dành cho người cư trú và đóng ở ${here.province.name}; chuyển đi nơi khác thì chỉ còn mức Nhà nước hỗ trợ. Ở mức thu nhập thấp nhất ({FLOOR} đồng/tháng), ${group ? `${group.who} được Nhà nước hỗ trợ {SUPPORT_${g}} đồng/tháng,` : 'người không thuộc nhóm ưu tiên'} nộp {PAY_${g}} đồng/tháng; tỉnh mới có hỗ trợ thêm hay không, anh/chị hỏi UBND xã nơi ở mới.`;
}

/** " Ở Ninh Bình, hộ nghèo được hỗ trợ thêm 30% (99.000 đồng), nên nộp 66.000 đồng/tháng.": when the province is named. */
export function localTopUp(f: string, g: string, income: number | null, day: string | undefined, months?: string): string {
  const here = topUpWhere(f, g);
  if (!here || day === undefined) return '';
  const { province, extra, named, merged } = here;
  if (named && movedAway(f, named.index, named[0].length, merged !== undefined)) return ` Phần hỗ trợ thêm của ${province.name} là chính sách riêng của tỉnh/thành phố nơi anh/chị cư trú và đóng: đã chuyển đi nơi khác thì không còn được hưởng phần đó, chỉ còn mức Nhà nước hỗ trợ ở trên; tỉnh mới có hỗ trợ thêm hay không, anh/chị hỏi UBND xã nơi ở mới.`;
  // On the calculator's rules of the day: the premium at the floor is the base of both the State's share and the province's.
  const { period } = rulesOnDay(day);
  const base = applyRate(period.ruralPovertyLine, period.rate);
  const more = applyRate(base, extra / 100);
  const pays = Math.max(0, applyRate(income ?? period.ruralPovertyLine, period.rate) - applyRate(base, period.subsidyRates[GROUPS[g]!]) - more);
  // ("Xã Hải Hậu, trước là huyện Hải Hậu tỉnh Nam Định": Ninh Bình's top-up, said as such.)
  const place = merged ? `${province.name} (gồm ${merged.name} cũ)` : province.name;
  return ` Ở ${place} được hỗ trợ thêm ${extra}% (${formatNumber(more)} đồng/tháng) theo nghị quyết của HĐND, nên nộp ${formatNumber(pays)} đồng/tháng${pays === 0 ? ' (được hỗ trợ toàn bộ)' : ''}${months && pays > 0 && Number(months) <= 12 ? ` (${months} tháng một lần ${formatNumber(pays * Number(months))} đồng)` : ''}; hỏi UBND xã để chắc chắn chính sách còn áp dụng.`;
}

/** Several people paying ("cả 2 vợ chồng", "đóng cho cả hai", "cả ba người"): how many. */
const SEVERAL_PEOPLE = /\b(?:ca (2|3|4|hai|ba|bon)(?: vo chong| nguoi)?|(2|hai) vo chong|(2|3|4|hai|ba|bon) nguoi)\b/;
const COUNT_WORDS: Readonly<Record<string, number>> = { hai: 2, ba: 3, bon: 4 };
/** Paying social insurance for them, not a health card ("cả ba người đều muốn đóng BHXH tự nguyện", "đóng … cho cả 4 người"). */
const PAYERS = /^(?!.*\b(?:bhyt|y te)\b).*\b(?:dong|tham gia|nop)\b/;
/** Someone of the family drawing a pension or insured through an employer, who may not join. */
// (Now, not once: "trước có đóng bắt buộc 10 năm" is years kept, no bar.)
const NOT_ALL_MAY_JOIN = /\b(?:dang (?:huong|lanh|linh|nhan) luong huu|da nghi huu|da ve huu|(?:dang|cong ty (?:co |dang )?|duoc cong ty) dong (?:bhxh |bao hiem (?:xa hoi )?)?bat buoc|co dong (?:bhxh |bao hiem (?:xa hoi )?)?bat buoc(?! (?:duoc )?\d)|cong ty (?:co |dang )?dong (?:bhxh|bao hiem)(?! (?:duoc )?\d))\b/;
/**
 * A couple paying at the floor, the asker of no group and the spouse of an ethnic minority: the spouse's own payment and the
 * two together ("; vợ/chồng là người dân tộc thiểu số nộp 231.000 đồng/tháng …; cả 2 người: …"). Undefined unless the two are
 * asked about together.
 */
function coupleOfTwoGroups(f: string, months: string | undefined, day: AsOfDay): string | undefined {
  if (forAll(f, 'PAY_OTHER', months) === '' || !has(/\b(?:hai|2|ca hai|ca 2) (?:vo chong|vc)\b|\b(?:vo chong|vc) (?:\w+ ){0,2}(?:cung|deu)\b/, f)) return undefined;
  const k = months ? Number(months) : 1;
  const [own, theirs] = [figureValue('PAY_OTHER', undefined, day) * k, figureValue('PAY_ETHNIC', undefined, day) * k];
  const per = months ? ` mỗi ${months} tháng` : '/tháng';
  return `; vợ/chồng là người dân tộc thiểu số được hỗ trợ nhiều hơn, nộp ${formatNumber(theirs)} đồng${per}; cả 2 người: ${formatNumber(own + theirs)} đồng${per}`;
}

/** The sum for all of them, a month or for the mode named. */
// (The last one told, nearest the ask: "Nhà tôi 3 người … vợ chồng tôi cùng đóng … cả hai nộp bao nhiêu" is two. Three
// or more only as the ones who pay: "mua BHYT hộ gia đình cho cả 4 người" is a health card.)
function forAll(f: string, figure: string, months: string | undefined): string {
  const m = [...f.matchAll(new RegExp(SEVERAL_PEOPLE.source, 'g'))].at(-1);
  const word = m?.[1] ?? m?.[2] ?? m?.[3];
  if (!m || !word) return '';
  const n = COUNT_WORDS[word] ?? Number(word);
  if (n > 2 && !has(PAYERS, f.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40))) return '';
  // (Not a sum that counts someone who may not join: "tôi … đang lĩnh lương hưu …, con rể … có đóng BHXH bắt buộc … đóng
  // cho cả ba người".)
  if (has(NOT_ALL_MAY_JOIN, f)) return '';
  // (Nor people who pay at different levels or modes: "Chồng em … mức thu nhập 5 triệu … Em … mức thấp nhất theo phương thức 6
  // tháng một lần".)
  if (has(/\b(?:muc )?(?:thu nhap )?\d{1,2}(?: \d)? ?trieu\b/, f) && has(/\b(?:muc )?(?:thap nhat|toi thieu)\b/, f)) return '';
  return months ? `; cả ${n} người: {${figure}*${Number(months) * n}} đồng mỗi ${months} tháng` : `; cả ${n} người: {${figure}*${n}} đồng/tháng`;
}

/** The months of the payment mode named ("6 tháng 1 lần" → 6, "theo quý" → 3, "cả năm" → 12, "đóng 1 lần 5 năm" → 60). */
/**
 * What a period of the mode named costs ("; 6 tháng một lần nộp …"), or each of two modes asked between, in the order
 * asked ("đóng 3 tháng hay 6 tháng một lần thì mỗi lần bao nhiêu").
 */
function modesPaid(f: string, months: string, pay: string): string {
  const line = (m: string): string => `; ${m} tháng một lần nộp {${pay}*${m}} đồng${Number(m) > 12 ? ' (thực nộp thấp hơn một chút vì được giảm theo lãi suất của quỹ)' : ''}`;
  const both = /\b(3|6|12) thang (?:\w+ ){0,2}?(?:hay|hoac|voi|va|hay la) (?:dong |nop )?(3|6|12) thang\b/.exec(f);
  return both && both[1] !== both[2] && (both[1] === months || both[2] === months) ? `${line(both[1]!)}${line(both[2]!)}` : line(months);
}

export function modeMonths(f: string): string | undefined {
  // (A mode moved to is the one asked about: "đang đóng theo quý, muốn chuyển qua đóng theo năm … đóng bn".)
  const moved = /\b(?:chuyen|doi) (?:qua|sang) /.exec(f);
  const m = (moved ? MODE.exec(f.slice(moved.index)) : null) ?? MODE.exec(f);
  // (Not the missing years paid at once: "Tôi thiếu 2 năm, có được đóng một lần 2 năm đó ngay bây giờ không".)
  const years = has(AHEAD, f) && !has(/\bthieu (?:\w+ ){0,2}[1-5] nam\b|\b[1-5] nam (?:con )?thieu\b/, f) ? YEARS_AHEAD.exec(f)?.[1] : undefined;
  return m?.[1] ?? m?.[2] ?? (m?.[3] ? '3' : years ? String(Number(years) * 12) : m?.[4] ? '12' : undefined);
}
/** Paying years ahead at once ("đóng 1 lần cho 5 năm tới", "đóng trước 3 năm"), at most 5 (Decree 159/2025). */
// (Not a lump sum taken: "ck e làm cty đóng bhxh 5 năm (2008-2013), năm 2014 đã rút 1 lần r".)
const AHEAD = /(?<!\b(?:rut|nhan|lanh|huong|tro cap)(?: \w+){0,3} )\b(?:mot lan|1 lan)\b|\b(?:dong truoc|nop truoc|luon)\b/;
const YEARS_AHEAD = /\b(?:dong|nop|cho) (?:\w+ ){0,3}?([2-5]) nam\b(?! (?:nay|roi|truoc day|tuoi))/;

/** Asks what to pay ("đóng bao nhiêu", "nộp hết bao nhiêu", "mức đóng"). */
const ASKS_CONTRIBUTION = /\b(?:dong|nop|het|mat) (?:\w+ ){0,3}bao nhieu\b|\bmuc dong\b|\b(?:moi|1|mot) thang (?:\w+ ){0,2}bao nhieu\b/;
/** Asks what the pension will be ("lương hưu được bao nhiêu", "mỗi tháng lĩnh bao nhiêu"). */
export const ASKS_PENSION_AMOUNT = /\bluong huu (?:\w+ ){0,5}(?:bao|khoang|duoc) nhieu\b(?! nam)|\b(?:linh|lanh|nhan|huong) (?:\w+ ){0,3}bao nhieu\b(?! (?:nam|phan tram))|\b(?:moi|1|mot) thang (?:se )?duoc (?:khoang )?bao nhieu\b|(?<!\b(?:dong|nop|phai|het|mat) (?:\w+ ){0,2})\b(?:moi|1|mot) thang (?:se )?(?:khoang|tam|chung) (?:duoc )?bao nhieu\b|\b(?:ve huu|nghi huu|luc gia|khi gia)\b (?:\w+ ){0,3}(?:duoc|nhan|lanh|huong) (?:khoang |tam )?bao nhieu\b(?! (?:nam|phan tram|tuoi))/;

/**
 * What the pension would be a month for the income and the years a person names ("đóng mức 3 triệu trong 17 năm
 * thì lương hưu bao nhiêu", "bình quân khoảng 4 triệu, 16 năm"): the rate for their years and sex (or both) times
 * the income, said to be an estimate before the price indexation of past incomes. Undefined without an income (or
 * "mức thấp nhất"), years from 15 to 45, or an ask of the amount.
 */
export function pensionEstimateLead(text: string, f: string, s: Situation): string | undefined {
  if (!has(ASKS_PENSION_AMOUNT, f) || s.day === undefined || has(TARGET_PENSION, f)) return undefined;
  // (An income for the last years only, "lần đó chọn mức 10 triệu … vì nghe nói lương hưu tính theo mức đóng những năm cuối": no
  // pension on it as an average; the average is every month's.)
  if (has(/\b(?:nam cuoi|nhung nam cuoi)\b/, f) && has(PENSION_ON_LEVEL, f)) return undefined;
  // The age told, not the sex, paying until the retirement age: the years differ by sex (60 and 62), so each its own.
  if (!s.sex && s.age !== undefined) {
    const [woman, man] = (['female', 'male'] as const).map((sex) => pensionEstimateLead(text, f, { ...s, sex }));
    if (woman && man && woman.includes('đóng đều từ nay')) return `${woman} ${man}`;
  }
  // The years the estimate is for when none are said paid: "trong 17 năm", "đủ 15 năm", "đóng 20 năm".
  // Or paying until the retirement age ("30t, đóng liên tục đến tuổi nghỉ hưu"): the years until then, with any paid.
  // ("Đóng 5tr/tháng thì sau này lương hưu bao nhiêu", 50 tuổi: from now on too.)
  // ("Đóng từ 2012 đến nay", 14 years: still paying, so the pension comes with the years to the age.)
  const onwards =
    has(UNTIL_RETIREMENT, f) ||
    (s.yearsPaid === undefined && yearsAsked(f).length === 0 && has(/\b(?:sau nay|ve gia|luc gia|khi gia)\b/, f)) ||
    (s.yearsPaid !== undefined && s.yearsPaid < 15 && has(STILL_PAYING, f));
  const toGo = onwards ? yearsToRetirement(s) : undefined;
  const by = toGo !== undefined && toGo > 0 ? paidByRetirement(s, s.yearsPaid ?? 0) : undefined;
  // (Fewer than 15 paid and "nếu đóng đủ 15 năm thì lương hưu bao nhiêu": the years supposed.)
  const supposed = s.yearsPaid !== undefined && s.yearsPaid < 15 ? yearsAsked(f).find((n) => n >= 15 && n <= 45) : undefined;
  let years = by?.total ?? (toGo !== undefined && toGo > 0 ? Math.floor(s.yearsPaid ?? 0) + toGo : (supposed ?? s.yearsPaid ?? yearsAsked(f)[0] ?? NaN));
  // 10 to 15 years by the age: the missing years paid at once then make 15.
  const topUp = toGo !== undefined && toGo > 0 && years >= 10 && years < 15;
  if (topUp) years = 15;
  if (!(years >= 15 && years <= 45)) return undefined;
  // Two levels compared ("đóng mức 3 triệu và mức 5 triệu thì lương hưu chênh nhau bao nhiêu"): both, and the difference.
  const two = TWO_LEVELS.exec(f);
  if (two && has(COMPARED, f)) {
    const [low, high] = [millions(two[1]!, two[2]), millions(two[3]!, two[4])].sort((a, b) => a - b) as [number, number];
    if (low >= 500_000 && high <= 200_000_000 && high > low) {
      const at = (income: number, sex: 'male' | 'female'): number => Math.round((income * pensionRate(sex, years)) / 100 / 1000) * 1000;
      const each = (sex: 'male' | 'female'): string =>
        `${sex === 'male' ? 'nam' : 'nữ'} ${ratePct(sex, years)}%: khoảng ${formatNumber(at(low, sex))} và ${formatNumber(at(high, sex))} đồng/tháng, chênh khoảng ${formatNumber(at(high, sex) - at(low, sex))} đồng`;
      const who = s.sex ? each(s.sex) : `${each('female')}; ${each('male')}`;
      // (What each level costs a month, "mỗi tháng thực tế phải bỏ ra bao nhiêu", for the person's group.)
      const g = groupOf(s, f)?.figure ?? 'OTHER';
      return `Ước tính với ${spell(years)} đóng, thu nhập ${formatNumber(low)} và ${formatNumber(high)} đồng/tháng: ${who} (chưa tính trượt giá). Mỗi tháng nộp khoảng {PAY_${g}:${low}} và {PAY_${g}:${high}} đồng: mức cao đóng nhiều hơn 22% x ${formatNumber(high - low)} = ${formatNumber(Math.round((high - low) * 0.22))} đồng (phần Nhà nước hỗ trợ chỉ tính trên mức thấp nhất).`;
    }
  }
  // (What the person pays a month, "1,5 triệu tiền đóng, không phải mức thu nhập", pays for a larger income.)
  // (Earnings beside the level chosen, "thu nhập tầm 10 triệu … đóng mức thu nhập 6 triệu": the level.)
  const named = budgetIncome(text, f, s.day, groupOf(s, f)?.figure ?? 'OTHER')?.income ?? (has(/\b(?:muc|thu nhap|binh quan|luong|dong)\b/, f) ? moneyNotOwed(text) ?? levelChosen(f) : null);
  const income = named ?? (has(LOWEST, f) ? incomeLimits(rulesOnDay(s.day).period).floor : null);
  const retires = by ? `vào tháng ${by.at}` : s.sex && s.age !== undefined && s.year !== undefined ? whenRetires(s.sex, s.age, s.year) : undefined;
  const until =
    toGo !== undefined && toGo > 0 && retires !== undefined
      ? by && s.stopAt !== undefined && s.stopAt + 1 < by.atIndex
        ? ` (đóng đều đến hết tháng ${monthYear(s.stopAt)}; đủ tuổi nghỉ hưu, ${formatAge(by.age)}, ${retires})`
        : ` (đóng đều từ nay đến tuổi nghỉ hưu ${retires}${topUp ? ', rồi đóng một lần số năm còn thiếu cho đủ 15 năm' : ''})`
      : '';
  // (No income told, the rate asked for paying on to the age, "nếu đóng đều đến tuổi nghỉ hưu thì tỷ lệ … bao nhiêu": the rate.)
  // (Only from nothing paid, or paid out: with years paid, the years' sentence gives the rate at the age already.)
  if (income === null && until !== '' && (s.yearsPaid === undefined || s.withdrewBefore === true) && has(/\b(?:ty le|phan tram)\b|%/, f)) {
    const rates = s.sex ? `${s.sex === 'male' ? 'nam' : 'nữ'} ${ratePct(s.sex, years)}%` : `nữ ${ratePct('female', years)}%, nam ${ratePct('male', years)}%`;
    return `Ước tính với ${spell(years)} đóng${until}: ${rates} bình quân thu nhập đã đóng.`;
  }
  if (income === null || income < 500_000 || income > 200_000_000) return undefined;
  // (The rate counts odd months as the other sentences do: 18 years 4 months is 18.5 years, 52 % for a woman.)
  const one = (sex: 'male' | 'female'): string => `${sex === 'male' ? 'nam' : 'nữ'} ${ratePct(sex, years)}%, khoảng ${formatNumber(Math.round((income * pensionRate(sex, years)) / 100 / 1000) * 1000)} đồng/tháng`;
  const who = s.sex ? one(s.sex) : `${one('female')}; ${one('male')}`;
  // (An average told as adjusted already, "thu nhập bình quân sau khi điều chỉnh khoảng 5 triệu": no caveat.)
  const adjusted = has(/\b(?:sau (?:khi )?(?:dieu chinh|tinh truot gia|truot gia)|da (?:dieu chinh|tinh truot gia|tinh ca truot gia)|(?:da )?quy doi)\b/, f);
  return `Ước tính với ${spell(years)} đóng${until}, thu nhập bình quân ${formatNumber(income)} đồng/tháng: ${who}${adjusted ? '.' : ' (chưa tính trượt giá các năm trước, thực tế thường cao hơn).'}`;
}

/** A pension said to follow a level or the last years ("lương hưu tính theo mức đóng những năm cuối"): a belief, not an average. */
export const PENSION_ON_LEVEL = /\bluong huu\b(?: \w+){0,6} (?:tinh )?(?:theo|bang) (?:muc|thu nhap|(?:may|nhung|vai|\d{1,2}) nam cuoi)\b/;

/** Two levels of income named together ("mức 3 triệu và mức 5 triệu", "2tr hay 4tr5"). */
const TWO_LEVELS = /\b(\d+(?:[.,]\d+)?) ?(?:trieu|tr)(?: ?(\d{1,3}))?\b(?: \w+){0,3}? (?:va|voi|hay|hoac|so voi) (?:\w+ ){0,2}?(\d+(?:[.,]\d+)?) ?(?:trieu|tr)(?: ?(\d{1,3}))?\b/;
/** A comparison asked ("chênh nhau bao nhiêu", "khác nhau thế nào", "nên chọn mức nào"). */
// ("đang phân vân đóng mức 3tr hay 6tr … lương hưu mỗi mức được khoảng bao nhiêu" too.)
const COMPARED = /\b(?:chenh|khac nhau|hon nhau|hon (?:duoc )?bao nhieu|nen chon|loi hon|so voi|phan van|moi muc|tung muc)\b/;
/** "4", "4.5", "4" with "5" after it ("4tr5"): the amount as the calculator reads it (0 when it cannot). */
const millions = (whole: string, tail: string | undefined): number => parseMoney(`${whole}tr${tail && !has(/[.,]/, whole) ? tail : ''}`, { bare: 'none' }) ?? 0;

/** Paying now ("đóng từ 2012 đến nay", "đang đóng tự nguyện"). */
const STILL_PAYING = /\b(?:dong|tham gia|nop)\b(?: \w+){0,6} (?:den|toi) (?:nay|gio|bay gio|hien nay|hien tai)\b|\b(?:dang|van) (?:dong|tham gia|nop)\b/;
/** Paying until the retirement age ("đóng đến tuổi nghỉ hưu", "tới lúc về hưu"). */
const UNTIL_RETIREMENT = /\b(?:den|toi|cho den|cho toi) (?:luc |khi |tuoi |khi du tuoi |luc du tuoi )?(?:nghi|ve) huu\b|\b(?:den|toi) (?:du )?tuoi (?:nghi |ve )?huu\b/;
/** A pension the person wants, with its amount: "muốn lương hưu 5 triệu", "để có lương hưu khoảng 4tr5/tháng". */
// ("… để có lương hưu, chọn mức 4 triệu": the income chosen, not the pension wanted.)
const TARGET_PENSION = /\b(?:muon|de|mong|du kien|dat|duoc|nhan|linh|lanh|huong) (?:\w+ ){0,3}luong huu (?:\w+ ){0,3}?(?<!\b(?:chon|theo|dong) muc |\bmuc thu nhap |\bthu nhap )(\d+(?:[.,]\d+)? ?(?:tr\d?|trieu))\b/;
/** Asks what to choose or pay for it ("phải đóng mức nào", "chọn thu nhập bao nhiêu", "đóng bao nhiêu 1 tháng"). */
const ASKS_INCOME_FOR = /\b(?:dong|nop|chon|chi) (?:\w+ ){0,4}(?:bao nhieu|muc nao|muc gi|the nao)\b|\b(?:muc|thu nhap) (?:\w+ ){0,2}(?:nao|bao nhieu)\b/;
/** Years assumed when neither the years nor the person's age and sex are told (said to be an example). */
const EXAMPLE_YEARS = 20;

/**
 * The income to choose for a pension the person wants ("nam 40 tuổi, muốn lương hưu 5 triệu thì đóng mức bao
 * nhiêu"): the rate their years give (paid so far plus those until their retirement age, or the years they name,
 * else 20 as an example), the average income that rate needs, and what that income costs a month for their group.
 * Undefined unless a wanted pension and an ask of what to pay are both in the question.
 */
export function targetPensionLead(f: string, s: Situation): string | undefined {
  const m = TARGET_PENSION.exec(f);
  if (!m || s.day === undefined || !has(ASKS_INCOME_FOR, f.slice(m.index + m[0].length)) ) return undefined;
  const target = parseMoney(m[1]!, { bare: 'none' });
  if (target === null || target < 500_000 || target > 100_000_000) return undefined;
  const toGo = yearsToRetirement(s);
  const told = yearsAsked(f).find((n) => n >= 15 && n <= 45);
  const years = toGo !== undefined ? Math.floor(s.yearsPaid ?? 0) + toGo : (told ?? EXAMPLE_YEARS);
  if (years < 15) return undefined;
  const { floor, ceiling } = incomeLimits(rulesOnDay(s.day).period);
  const group = groupOf(s, f);
  const g = group?.figure ?? 'OTHER';
  const basis =
    toGo !== undefined
      ? `với khoảng ${years} năm đóng (${s.yearsPaid ? `${Math.floor(s.yearsPaid)} năm đã đóng cộng ` : ''}${toGo} năm từ nay đến tuổi nghỉ hưu)`
      : told !== undefined
        ? `với ${years} năm đóng`
        : `ví dụ với ${years} năm đóng`;
  const one = (sex: 'male' | 'female'): string => {
    const rate = pensionRate(sex, years);
    // Incomes are chosen in whole thousands; round up so the pension is reached.
    const income = Math.ceil(target / (rate / 100) / 10_000) * 10_000;
    const who = `${sex === 'male' ? 'nam' : 'nữ'} được ${percentText(rate)}%`;
    if (income > ceiling) return `${who}, cần thu nhập bình quân ${formatNumber(income)} đồng/tháng, cao hơn mức cao nhất được chọn ({CEILING} đồng), nên không đạt được với số năm này`;
    const at = Math.max(income, floor);
    return `${who}, cần thu nhập bình quân khoảng ${formatNumber(at)} đồng/tháng: mức đóng 22% là {PREMIUM:${at}} đồng, ${group ? group.who : 'người không thuộc nhóm ưu tiên'} nộp {PAY_${g}:${at}} đồng/tháng`;
  };
  const who = s.sex ? one(s.sex) : `${one('female')}; ${one('male')}`;
  return `Để có lương hưu khoảng ${formatNumber(target)} đồng/tháng ${basis}: ${who}. Thực tế cần ít hơn một chút vì thu nhập các năm trước được tính trượt giá; nhắn TINH để tính theo mức anh/chị chọn.`;
}

/**
 * What paying the missing years at once costs at the income told (or the lowest), before the fund's interest: the
 * months missing times 22 % of it (Decree 159/2025 Art 7: the sum of the months' contributions plus interest at
 * the fund's rate). Undefined unless 5 years or less are missing and an income (or "mức thấp nhất") is named.
 */
export function missingYearsCostLead(text: string, f: string, s: Situation): string | undefined {
  if (s.yearsPaid === undefined || s.yearsPaid >= 15 || s.day === undefined) return undefined;
  // Before the retirement age, with the birth month told: what is still missing at that month if they pay on, as the
  // plan said beside it reckons ("đến tuổi nghỉ hưu vào tháng 12/2027 … còn thiếu 2 năm").
  const by = paidByRetirement(s, s.yearsPaid);
  const ahead = by && by.left > 0 ? by : undefined;
  if (ahead && ahead.total >= 15) return undefined;
  const months = Math.round((15 - (ahead?.total ?? s.yearsPaid)) * 12);
  if (months < 1 || months > 60) return undefined;
  // (Paid at the retirement age, years ahead: at the floor of that year, not today's; "sinh 8/1968 … đóng 1 lần": 8/2030.)
  const payDay = ahead ? `${Math.floor(ahead.atIndex / 12)}-${String((ahead.atIndex % 12) + 1).padStart(2, '0')}-15` : s.day;
  const { period } = rulesOnDay(payDay);
  const { floor, ceiling } = incomeLimits(period);
  const later = period !== rulesOnDay(s.day).period;
  // (The cost asked with no income named, "đóng thế nào và tốn khoảng bao nhiêu": at the lowest, said so.)
  const named = incomeNamed(text, f);
  // ("… thì có được không, số tiền khoảng bao nhiêu" too.)
  const income = named ?? (has(LOWEST, f) || has(/\b(?:ton|het|mat) (?:\w+ ){0,2}(?:bao nhieu|nhieu)\b|\bbao nhieu tien\b|\bso tien (?:\w+ ){0,3}bao nhieu\b/, f) ? floor : null);
  if (income === null || income < floor || income > ceiling) return undefined;
  const premium = applyRate(income, period.rate);
  // (The sex not told, neither age reached yet, "sinh tháng 7/1970 … có được đóng một lần 2 năm đó ngay bây giờ không": not
  // yet, whichever it is.)
  const both = !ahead && !s.sex && s.birthYear !== undefined && s.birthMonth !== undefined ? (['female', 'male'] as const).map((x) => reaches(x, s.birthYear!, s.birthMonth!).at) : undefined;
  const notYet = both && both.every((at) => at > monthIndex(s.day!))
    ? `Chưa đóng một lần được ngay: chỉ khi đã đến tuổi nghỉ hưu (nữ tháng ${monthYear(both[0]!)}, nam tháng ${monthYear(both[1]!)}) mà còn thiếu không quá 5 năm; từ nay đến đó có thể đóng theo tháng, 3, 6 hoặc 12 tháng, các tháng này cũng được tính. `
    : '';
  const when = ahead ? `Đóng đều đến tháng ${ahead.at} (đủ tuổi nghỉ hưu) thì còn thiếu ${months} tháng. ` : notYet;
  // (The floor of a year to come is what is known of it now: "từ 2027 dự kiến 2.200.000 đồng", the exact one published then.)
  const payYear = Math.floor((ahead?.atIndex ?? 0) / 12);
  const whose = later && named === null ? ` (mức thấp nhất từ năm ${period.from.slice(0, 4)}${period.provisional ? ', dự kiến' : ''}${payYear > Number(period.from.slice(0, 4)) ? `; mức của năm ${payYear} do Nhà nước công bố sau` : ''})` : '';
  // ("… hay để đến tuổi đóng 1 lần 5 năm còn thiếu, cách nào lợi hơn": the whole gap paid then, beside paying on.)
  const whole = Math.round((15 - s.yearsPaid) * 12);
  const waiting = ahead && whole > months && whole <= 60 && has(/\b(?:de|doi|cho|toi|den) (?:\w+ ){0,3}tuoi (?:\w+ ){0,4}(?:dong|nop) (?:\w+ ){0,2}(?:1|mot) lan\b|\b(?:dong|nop) (?:1|mot) lan (?:\w+ )?\d nam con thieu\b/, f)
    ? ` Còn nếu không đóng gì đến tháng ${ahead.at} thì khi đó thiếu ${whole} tháng: ${whole} x ${formatNumber(premium)} đồng = ${formatNumber(whole * premium)} đồng, cộng lãi, phải nộp cùng một lúc; đóng dần từ bây giờ nhẹ hơn mỗi lần và tháng đóng sớm được tính ngay (nếu chẳng may mất trước tuổi, thân nhân được tính trợ cấp theo các tháng đã đóng).`
    : '';
  // (The lowest asked beside an income named, "theo mức 2 triệu thì hết khoảng bao nhiêu, còn nếu chọn mức thấp nhất thì bao
  // nhiêu": both.)
  const lowestToo = named !== null && named > floor && has(LOWEST, f) ? ` Ở mức thấp nhất ${formatNumber(floor)} đồng: ${months} x ${formatNumber(applyRate(floor, period.rate))} đồng = ${formatNumber(months * applyRate(floor, period.rate))} đồng, cộng lãi.` : '';
  return `${when}Ở mức thu nhập ${named === null ? 'thấp nhất ' : ''}${formatNumber(income)} đồng${whose}: ${months} tháng còn thiếu x ${formatNumber(premium)} đồng (22%) = ${formatNumber(months * premium)} đồng, cộng tiền lãi theo lãi suất của quỹ; số chính xác do cơ quan BHXH tính khi nộp.${lowestToo}${waiting}`;
}

/** An income level named for the contribution ("chọn mức thu nhập 1tr/tháng", "theo mức thu nhập 60 triệu"), in đồng. */
const LEVEL_NAMED = /\b(?:(?:chon|dong|theo|nop|dang ky)(?: bhxh| tu nguyen| theo)* muc(?: thu nhap)?|muc thu nhap(?: (?:la|de dong|dong))?) (\d{1,3}(?:[.,]\d)?) ?(?:trieu|tr)\b/;

/**
 * A level named outside what may be chosen, with what may ("thu nhập 60.000.000 đồng cao hơn mức cao nhất được chọn …"):
 * below the floor or above the ceiling of the day. Undefined when none is named or it is within them.
 */
export function levelOutOfRangeLead(f: string, s: Situation): { lead: string; high: boolean } | undefined {
  const m = LEVEL_NAMED.exec(f);
  if (!m?.[1] || s.day === undefined) return undefined;
  const income = Math.round(Number(m[1].replace(',', '.')) * 1_000_000);
  const { floor, ceiling } = incomeLimits(rulesOnDay(s.day).period);
  if (income < floor && income >= 100_000) {
    return { high: false, lead: `Chưa được: thu nhập ${formatNumber(income)} đồng thấp hơn mức thấp nhất được chọn ({FLOOR} đồng/tháng). Ở mức thấp nhất, mức đóng 22% là {PREMIUM} đồng/tháng (người không thuộc nhóm ưu tiên nộp {PAY_OTHER} đồng sau hỗ trợ).` };
  }
  if (income > ceiling && income <= 1_000_000_000) {
    return { high: true, lead: `Không được chọn mức đó: thu nhập ${formatNumber(income)} đồng cao hơn mức cao nhất được chọn ({CEILING} đồng/tháng, 20 lần mức tham chiếu); muốn lương hưu cao nhất thì chọn đúng mức trần, đóng {MAX_PREMIUM} đồng/tháng.` };
  }
  return undefined;
}

/** A period paid told by its months ("đã nộp xong kỳ từ tháng 10/2026 đến hết tháng 3/2027", "tháng 11/2026 em vừa đóng 12 tháng"). */
const PAID_SPAN = /\btu thang (\d{1,2}) (?:nam )?(20\d\d) (?:den|toi) (?:het )?(?:thang )?(\d{1,2}) (?:nam )?(20\d\d)\b/;
const PAID_FROM_MODE = /\bthang (\d{1,2}) (?:nam )?(20\d\d) (?:\w+ ){0,3}(?:dong|nop) (?:\w+ ){0,4}(3|6|12) thang\b/;
/** The household no longer on the poor or near-poor list ("sang năm 2027 nhà em không còn trong danh sách cận nghèo"). */
export const LEFT_GROUP = /\b(?:khong con (?:trong |nam trong |o trong |co ten trong )?(?:danh sach )?(?:la )?(?:ho )?(?:can ngheo|ngheo)|thoat (?:can )?ngheo|ra khoi (?:danh sach )?(?:ho )?(?:can ngheo|ngheo))\b/;

/**
 * A period paid ahead when the floor or the person's group changes (Decree 159: not recalculated, no top-up, no
 * refund): that sentence, the period's own months when told, and after leaving the poor or near-poor list, what the
 * next period costs an ordinary participant at the floor of its first month.
 */
export function paidPeriodLead(f: string, s: Situation): string {
  const span = PAID_SPAN.exec(f);
  const mode = span ? null : PAID_FROM_MODE.exec(f);
  const first = span ? Number(span[2]) * 12 + Number(span[1]) - 1 : mode ? Number(mode[2]) * 12 + Number(mode[1]) - 1 : undefined;
  const last = span ? Number(span[4]) * 12 + Number(span[3]) - 1 : mode && first !== undefined ? first + Number(mode[3]) - 1 : undefined;
  const period = first !== undefined && last !== undefined && last >= first && last - first < 60 ? ` Kỳ ${last - first + 1} tháng đóng trước (tháng ${monthYear(first)} đến hết tháng ${monthYear(last)}) giữ nguyên số tiền đã nộp; mức mới áp dụng từ kỳ đóng sau đó.` : '';
  const left = has(LEFT_GROUP, f);
  const head = left
    ? 'Không phải trả lại phần hỗ trợ hay đóng bù: kỳ đã đóng trước không bị tính lại khi nhóm được hỗ trợ, chuẩn nghèo hay mức tham chiếu thay đổi.'
    : 'Không phải đóng bù: phần đã đóng trước không bị tính lại khi chuẩn nghèo hay mức tham chiếu thay đổi.';
  // The next period after leaving the list: an ordinary participant's share at the floor of that month.
  let next = '';
  if (left && last !== undefined && s.day !== undefined) {
    const nextDay = `${Math.floor((last + 1) / 12)}-${String(((last + 1) % 12) + 1).padStart(2, '0')}-01`;
    const months = modeMonths(f);
    const pay = figureValue('PAY_OTHER', undefined, nextDay);
    const per = months ? `, ${months} tháng một lần ${formatNumber(pay * Number(months))} đồng` : '';
    const provisional = rulesOnDay(nextDay).period.provisional ? ' (theo mức sàn dự kiến của năm đó, chờ hướng dẫn của BHXH Việt Nam)' : '';
    next = ` Từ kỳ sau (tháng ${monthYear(last + 1)}), không còn trong danh sách thì hưởng mức hỗ trợ của người không thuộc nhóm ưu tiên (20%, hoặc 30% nếu là người dân tộc thiểu số): ở mức thấp nhất nộp ${formatNumber(pay)} đồng/tháng${per}${provisional}.`;
  }
  return `${head}${period}${next}`;
}

/**
 * An income allowed today that falls under next year's floor ("chọn mức 2 triệu" in 2026, the floor expected at
 * 2,200,000 from 1/1/2027): the periods of next year need at least that floor.
 */
export function belowNextFloor(income: number, day: string | undefined): string {
  if (day === undefined) return '';
  const year = Number(day.slice(0, 4));
  const next = rulesOnDay(`${year + 1}-01-15`).period;
  const floor = incomeLimits(next).floor;
  if (income >= floor || next === rulesOnDay(day).period) return '';
  const provisional = next.provisional ? ' (dự kiến, chờ hướng dẫn của BHXH Việt Nam)' : '';
  return ` Lưu ý: từ 1/1/${year + 1} mức thu nhập thấp nhất là ${formatNumber(floor)} đồng${provisional}, nên các kỳ đóng bắt đầu từ năm ${year + 1} phải chọn từ mức đó trở lên; kỳ đã đăng ký và nộp trước ngày đó thì giữ nguyên, không tính lại.`;
}

/**
 * A period asked that starts next year at the floor ("Tháng 1/2027 em xin tạm hoãn hợp đồng 6 tháng … đóng mức thấp
 * nhất thì bao nhiêu"): what it costs at that year's floor, when that floor differs from today's.
 */
/** A period paid ahead already ("đã đóng 12 tháng", "vừa nộp 6 tháng", "đóng trước"; not "mỗi tháng … đóng"). */
const PAID_AHEAD = /\b(?:da|vua) (?:\w+ ){0,3}(?:dong|nop) (?:\w+ ){0,3}(?:3|6|12|\d{2}) thang\b|\b(?:da|vua) dong truoc\b|\bdong truoc (?:\w+ ){0,3}roi\b/;

function nextYearPeriod(f: string, g: string, months: string | undefined, day: string | undefined): string {
  if (day === undefined) return '';
  const year = Number(day.slice(0, 4));
  // (A period's start, "từ tháng 3/2027", "Tháng 1/2027 em xin tạm hoãn …"; not a birth's month, "dự sinh tháng 4/2027".)
  const start = new RegExp(`(?<!\\b(?:sinh|de)(?: \\w+){0,3} )\\b(?:tu |bat dau (?:tu )?)?thang (\\d{1,2}) (?:nam )?${year + 1}\\b`).exec(f);
  const now = rulesOnDay(day).period;
  // The year's last month, no start told: the months from January on are at next year's floor, unless paid ahead now.
  const nextMonth = `${year + 1}-01-15`;
  // (Not where the poverty line is asked about, "chuẩn nghèo năm 2027 tăng thì sao": that answer says it.)
  const soon = !start && Number(day.slice(5, 7)) === 12 && !has(/\bchuan ngheo\b/, f) && rulesOnDay(nextMonth).period !== now && !has(PAID_AHEAD, f);
  if (!soon && (!start || Number(start[1]) < 1 || Number(start[1]) > 12)) return '';
  const then = soon ? nextMonth : `${year + 1}-${String(Number(start![1])).padStart(2, '0')}-15`;
  const next = rulesOnDay(then).period;
  if (next === now) return '';
  // (With the province's own top-up, on next year's base too.)
  const here = topUpWhere(f, g);
  const more = here && !(here.named && movedAway(f, here.named.index, here.named[0].length, here.merged !== undefined)) ? applyRate(applyRate(next.ruralPovertyLine, next.rate), here.extra / 100) : 0;
  const pay = Math.max(0, figureValue(`PAY_${g}`, undefined, then) - more);
  const provisional = next.provisional ? ' (dự kiến, chờ hướng dẫn của BHXH Việt Nam)' : '';
  const local = more > 0 ? `, kể cả phần ${here!.province.name} hỗ trợ thêm` : '';
  if (soon) {
    return ` Từ tháng 1/${year + 1} mức thấp nhất là ${formatNumber(incomeLimits(next).floor)} đồng${provisional}: đóng hằng tháng thì từ tháng 1/${year + 1} ${pay === 0 ? `vẫn không phải nộp (được hỗ trợ toàn bộ${local})` : `nộp khoảng ${formatNumber(pay)} đồng/tháng${local}`}; đóng trước 3, 6 hoặc 12 tháng ngay trong tháng ${Number(day.slice(5, 7))}/${year} thì cả kỳ giữ mức hiện nay, không phải nộp thêm.`;
  }
  const per = months ? `, ${months} tháng ${formatNumber(pay * Number(months))} đồng` : '';
  return ` Kỳ bắt đầu từ tháng ${Number(start![1])}/${year + 1} tính theo mức thấp nhất của năm ${year + 1} là ${formatNumber(incomeLimits(next).floor)} đồng${provisional}: nộp khoảng ${formatNumber(pay)} đồng/tháng${per}${local}.`;
}

