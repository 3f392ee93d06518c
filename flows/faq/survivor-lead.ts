import { amountOf, FOLDED_AMOUNT } from './contribution-lead.ts';
import { DIED_IN_MONTH, type Situation } from './situation.ts';
import { rulesOnDay } from '../calculator/rules.ts';
import { formatNumber, parseMoney } from '../calculator/money.ts';
import { applyRate } from '../calculator/compute.ts';
import { incomeTold, monthsOfAverage } from './lump-sum-estimate.ts';
import { spell } from './leads.ts';
import { has } from './regex-literals.ts';

/**
 * Funeral allowance: 10 × the reference level, for a member with 60 months or more (QĐ 863/QĐ-BNV); the answer
 * fills in the day's figure.
 */
const FUNERAL = '{REFERENCE*10} đồng (10 lần mức tham chiếu)';

/** The death and its month, the month after the word ("… đến khi mất vào tháng 10/2026"). */
const DIED_THEN_MONTH = /\b(?:mat|qua doi|tu tran|tu vong|chet)(?: \w+){0,6}? (?:vao |hoi |luc )?(?:ngay \d{1,2} )?thang (\d{1,2}) (?:nam )?(20\d\d)\b/;

/**
 * The month of the death told: after the word when it is there; else before it, but not a period's start up to the death
 * ("đóng từ tháng 1/2018 liên tục đến khi mất …" is no death in 1/2018).
 */
function deathMonth(f: string): { month: number; year: number } | undefined {
  const after = DIED_THEN_MONTH.exec(f);
  if (after) return { month: Number(after[1]), year: Number(after[2]) };
  const m = DIED_IN_MONTH.exec(f);
  if (!m || has(/\b(?:toi|den) (?:luc|khi)\b/, m[0]) || has(/\btu $/, f.slice(Math.max(0, m.index - 3), m.index))) return undefined;
  return { month: Number(m[1] ?? m[3]), year: Number(m[2] ?? m[4]) };
}

/**
 * The funeral allowance for a death in a month told ("vợ tôi mất tháng 3/2024"): 10 × the base salary of that month
 * (called the reference level from 1/7/2025), from 2018 on; the day's figure otherwise.
 */
function funeralFor(f: string, day: string | undefined): string {
  const m = deathMonth(f);
  const month = m?.month ?? NaN;
  const year = m?.year ?? NaN;
  if (!m || day === undefined || month < 1 || month > 12 || year < 2018) return FUNERAL;
  const died = `${year}-${String(month).padStart(2, '0')}-15`;
  if (died >= day.slice(0, 8) + '01' || rulesOnDay(died).period.referenceLevel === rulesOnDay(day).period.referenceLevel) return FUNERAL;
  const level = rulesOnDay(died).period.referenceLevel;
  return `${formatNumber(level * 10)} đồng (10 lần mức ${year * 12 + month >= 2025 * 12 + 7 ? 'tham chiếu' : 'lương cơ sở'} ${formatNumber(level)} đồng của tháng ${month}/${year}, lúc người đó mất)`;
}

/**
 * The funeral allowance of a death in a month whose reference level is not today's ("… đang lãnh lương hưu thì mất tháng
 * 2/2026": 23.400.000, not today's 25.300.000), for the funeral rule's own answer; undefined when the day's figure is the one.
 */
export function funeralOfMonthLead(f: string, day: string): string | undefined {
  const amount = funeralFor(f, day);
  return amount === FUNERAL ? undefined : `Người mất vào tháng đó: trợ cấp mai táng là ${amount}, nếu người mất đang hưởng lương hưu hoặc đã đóng BHXH từ đủ 60 tháng.`;
}

/** Ill and weighing the lump sum: one taken settles the years, and the family's allowances with them. */
export const ILL_SETTLED = ' Lưu ý: nếu đã nhận BHXH một lần thì thời gian đóng đó đã được thanh toán; khi mất, thân nhân không còn trợ cấp mai táng và trợ cấp tuất tính trên các năm ấy.';
/** A death supposed ("nếu tôi mất", "lỡ chồng tôi chết"): what the family would get is asked for the years told. */
export const DEATH_SUPPOSED = /\b(?:neu|lo|gia su|phong khi|chang may)\b(?: \w+){0,6}? (?:chet|mat|qua doi|tu vong)\b/;

/**
 * The family of a member who died, with the years the member paid: whether the funeral allowance is due (60
 * months) and what the one-time survivor allowance makes: under 60 months what was paid, else about 2 months of
 * average income a year from 2014, 1.5 a year before (Law 41/2024 Art 109, 110), in đồng when `f` (the folded
 * question) names the income. Undefined without the years, or for a pensioner (another rule).
 */
export function survivorLead(told: Situation, f = ''): string | undefined {
  // (The member's own years when the letter tells a survivor's too.)
  const s = told.deceased ? { ...told, ...told.deceased, day: told.day } : told;
  const n = s.yearsPaid;
  if (n === undefined || s.drawingPension === true || n <= 0 || n > 45) return undefined;
  const lead = memberLead(s, n, f);
  if (lead === undefined) return undefined;
  // (A death supposed, "nếu tôi chẳng may mất …", by one who is alive: what it would bring.)
  if (told.memberDied !== true && told.deceased === undefined && has(DEATH_SUPPOSED, f)) return lead.replace(/^Người mất đã đóng/u, 'Nếu chẳng may mất khi đã đóng');
  return `${lead}${lateClaim(s, f)}`;
}

/**
 * A claim asked months after the death ("Chồng tôi mất tháng 5/2026 … Giờ đã tháng 12 rồi còn làm hồ sơ được không?"): past the 90
 * days the papers are still taken, with a written reason for the delay.
 */
function lateClaim(s: Pick<Situation, 'day'>, f: string): string {
  const m = DIED_IN_MONTH.exec(f);
  if (!m || s.day === undefined || !has(/\b(?:con|van) (?:\w+ )?(?:lam|nop) (?:\w+ ){0,2}(?:duoc|kip)\b|\bqua (?:han|90 ngay)\b/, f)) return '';
  const died = Number(m[2] ?? m[4]) * 12 + Number(m[1] ?? m[3]) - 1;
  const now = Number(s.day.slice(0, 4)) * 12 + Number(s.day.slice(5, 7)) - 1;
  return now - died >= 3 ? ' Đã quá 90 ngày kể từ khi mất thì hồ sơ vẫn nộp được, kèm văn bản giải trình lý do nộp muộn; quyền hưởng không mất.' : '';
}

/** The member's own years and what they bring (survivorLead without the claim's timing). */
function memberLead(s: Situation, n: number, f: string): string | undefined {
  // (Under a year in months: "10 tháng", not "khoảng 0,8 năm".)
  const shown = Number.isInteger(n) ? `${n} năm` : n < 1 ? spell(n) : `khoảng ${n.toFixed(1).replace('.', ',')} năm`;
  // (12 months of compulsory insurance are enough for the funeral allowance.)
  const compulsoryYear = (s.compulsoryYears ?? (s.yearsKind === 'compulsory' ? n : 0)) >= 1;
  const amount0 = funeralFor(f, s.day);
  const funeral =
    n >= 5
      ? `đã đóng từ đủ 60 tháng nên người lo mai táng được trợ cấp mai táng ${amount0}`
      : compulsoryYear
        ? `đã đóng BHXH bắt buộc từ đủ 12 tháng nên người lo mai táng được trợ cấp mai táng ${amount0}`
        : 'chưa đủ 60 tháng đóng nên không có trợ cấp mai táng';
  // Compulsory years under 60 months: the one-time allowance by the years, at least 3 months of the average salary.
  // (With voluntary years too, the same reckoning on the average of both, at least 3 months.)
  if (n < 5 && (s.yearsKind === 'compulsory' || (s.compulsoryYears ?? 0) > 0)) {
    const { total, split } = monthsOfAverage(n, s);
    const kind = s.yearsKind === 'compulsory' ? ' bắt buộc' : '';
    return `Người mất đã đóng ${shown}${kind}: ${funeral}; thân nhân được trợ cấp tuất một lần khoảng ${total} tháng ${kind ? 'tiền lương' : 'tiền lương, thu nhập'} bình quân${split}, thấp nhất 3 tháng.`;
  }
  // Under 60 months the one-time allowance is what was paid (Law 41/2024 Art 110(2)(c)).
  // (With the income told, "đóng tự nguyện mức thu nhập 3 triệu/tháng", 54 months: about 54 × 660.000 đồng.)
  if (n < 5) {
    const income = s.yearsKind === 'compulsory' || s.day === undefined ? undefined : incomeTold(f);
    const months = Math.round(n * 12);
    const rate = s.day !== undefined ? rulesOnDay(s.day).period.rate : undefined;
    const paid = income !== undefined && rate !== undefined ? ` (khoảng ${formatNumber(months * applyRate(income, rate))} đồng: ${months} tháng × ${String(Math.round(rate * 1000) / 10).replace('.', ',')}% × ${formatNumber(income)} đồng; phần Nhà nước đã hỗ trợ có thể không được tính)` : '';
    // ("Con em sau này có được trợ cấp gì hằng tháng không": none, by the member's own years.)
    const monthly = has(/\b(?:tro cap|tuat|nhan|huong|lanh)\b(?: \w+){0,4} hang thang\b/, f) ? ' Không có trợ cấp tuất hằng tháng cho vợ/chồng, con (chỉ có khi người mất có từ đủ 15 năm đóng BHXH bắt buộc hoặc chết do tai nạn lao động).' : '';
    return `Người mất đã đóng ${shown}: ${funeral}; thân nhân được trợ cấp tuất một lần bằng số tiền đã đóng${paid} (đóng chưa đủ 60 tháng).${monthly}`;
  }
  const { months, total, split } = monthsOfAverage(n, s);
  // With the income told ("mức 3tr", "bình quân khoảng 4 triệu"): the amount too.
  const income = incomeTold(f);
  const amount = income !== undefined ? `, với bình quân ${formatNumber(income)} đồng là khoảng ${formatNumber(months * income)} đồng (thu nhập các năm được điều chỉnh trượt giá)` : '';
  const oneTime = `trợ cấp tuất một lần khoảng ${total} tháng thu nhập bình quân${split}${amount}`;
  // 15 years or more of compulsory insurance: relatives who qualify may get the monthly allowance instead; voluntary
  // years alone give the one-time allowance.
  // Up to 6 months short of 15 compulsory years: the family may pay them at once for the monthly allowance (Art 33(7)).
  if (n >= 14.5 && n < 15 && s.yearsKind === 'compulsory')
    return `Người mất đã đóng ${shown} bắt buộc: ${funeral}; thiếu không quá 6 tháng để đủ 15 năm nên thân nhân được đóng nốt một lần số tháng còn thiếu để hưởng trợ cấp tuất hằng tháng (nếu có thân nhân đủ điều kiện); nếu không thì nhận ${oneTime}.`;
  if (n >= 15 && s.yearsKind !== 'voluntary') return `Người mất đã đóng ${shown}: ${funeral}; thân nhân đủ điều kiện có thể được trợ cấp tuất hằng tháng (khi có từ đủ 15 năm đóng bắt buộc), nếu không thì nhận ${oneTime}.`;
  return `Người mất đã đóng ${shown}: ${funeral}; thân nhân được ${oneTime}; không có trợ cấp tuất hằng tháng (chỉ có khi người mất có từ đủ 15 năm đóng BHXH bắt buộc).`;
}

/** How long a pensioner drew the pension ("đang lãnh lương hưu 4tr/tháng được 10 tháng", "hưởng lương hưu được 2 năm"). */
// (Not the years paid after it: "… lúc nhận lương hưu; đóng 15 năm".)
// ("lĩnh lương hưu 3 triệu/tháng được đúng 18 tháng" too.)
const DRAWN = /\b(?:huong|nhan|lanh|linh|an|co) luong huu (?:(?!dong\b)\w+ ){0,4}?(?:duoc |hon |gan |khoang )?(?:dung |tron )?(\d{1,2}) (nam|thang)\b/;

/** "… tính đến lúc mất là hưởng đủ 36 tháng": the months drawn, the pension named earlier. */
const DRAWN_FOR = /\b(?:huong|lanh|linh|nhan) (?:duoc |du |hon |gan |khoang )(\d{1,2}) (nam|thang)\b/;

/** Months of pension between its start and the death, both dated ("hưởng lương hưu từ tháng 11/2023, đến tháng 11/2026 thì mất"). */
function drawnBetween(f: string, day?: string): number | undefined {
  // ("Vợ tôi nghỉ hưu theo diện BHXH tự nguyện từ tháng 1/2021" too.)
  const since = /\b(?:luong huu|(?:nghi|ve) huu)\b(?: \w+){0,6}? tu (?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d\d)\b/.exec(f);
  // ("bà mất đầu tháng 10 vừa rồi": the last such month before the answer's day.)
  const lately = day ? /\b(?:mat|qua doi|tu tran) (?:vao )?(?:dau |cuoi |giua )?thang (\d{1,2}) (?:vua roi|vua qua|nay|truoc)\b/.exec(f) : null;
  if (since && lately && day) {
    const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
    const at = Number(lately[1]) <= m ? y * 12 + Number(lately[1]) : (y - 1) * 12 + Number(lately[1]);
    const months = at - (Number(since[2]) * 12 + Number(since[1]));
    if (months >= 1 && months <= 600) return months;
  }
  // ("Không may tháng 8/2026 ông bị tai biến và mất": a few words between the month and the death; "mẹ mất ngày 10/10/2026".)
  const died = /\bthang (\d{1,2}) (?:nam )?((?:19|20)\d\d)\b(?: (?!thang\b|nam\b|\d)\w+){0,6}? (?:mat|qua doi|tu tran|tu vong)\b|\b(?:mat|qua doi|tu tran) (?:vao )?(?:(?:ngay|hom) \d{1,2} (?:thang )?|(?:dau |cuoi |giua )?thang )(\d{1,2}) (?:nam )?((?:19|20)\d\d)\b/.exec(f);
  if (!since || !died) return undefined;
  const months = Number(died[2] ?? died[4]) * 12 + Number(died[1] ?? died[3]) - (Number(since[2]) * 12 + Number(since[1]));
  return months >= 1 && months <= 600 ? months : undefined;
}

/**
 * A pensioner who died, with how long the pension was drawn: the one-time survivor allowance in months of the
 * pension (48 in the first 2 months, then 0.5 less for each further month, at least 3: Law 41/2024 Art 110, as Art
 * 87(3)), and its amount when the pension is named. Undefined without the time drawn. `day` (the answer's) dates a
 * death told by its month alone ("mất đầu tháng 10 vừa rồi").
 */
export function pensionerSurvivorLead(text: string, f: string, day?: string): string | undefined {
  const m = DRAWN.exec(f) ?? (has(/\bluong huu\b/, f) ? DRAWN_FOR.exec(f) : null);
  const drawn = m ? Number(m[1]) * (m[2] === 'nam' ? 12 : 1) : drawnBetween(f, day);
  if (drawn === undefined) return undefined;
  const months = drawn <= 2 ? 48 : Math.max(3, 48 - 0.5 * (drawn - 2));
  const shown = String(months).replace('.', ',');
  const how = drawn <= 2 ? 'mất trong 2 tháng đầu hưởng' : `48 - 0,5 x ${drawn - 2} tháng hưởng sau 2 tháng đầu${months === 3 ? ', thấp nhất 3' : ''}`;
  // (On folded words, as a route passes them, "3,2 triệu" reads "3 2 trieu": the decimal kept.)
  const millions = text === f ? [...f.matchAll(FOLDED_AMOUNT)].find((x) => x[3]) : undefined;
  const pension = text === f ? (millions ? amountOf(millions) : null) : parseMoney(text, { bare: 'none' });
  const amount = pension !== null && pension >= 500_000 && pension <= 100_000_000 ? `, khoảng ${formatNumber(months * pension)} đồng với lương hưu ${formatNumber(pension)} đồng/tháng` : '';
  return `Người mất đã hưởng lương hưu ${drawn} tháng: thân nhân được trợ cấp tuất một lần bằng ${shown} tháng lương hưu (${how})${amount}; người lo mai táng được trợ cấp mai táng {FUNERAL} đồng (10 lần mức tham chiếu).`;
}

/** Asks the amount of the monthly survivor allowance ("tuất hằng tháng bao nhiêu", "trợ cấp hằng tháng được mấy"). */
export const MONTHLY_SURVIVOR_AMOUNT = /\b(?:tuat|tro cap tuat) hang thang\b(?: \w+){0,6} (?:bao nhieu|bn|may|muc nao|la bao nhieu)\b|\b(?:muc|so tien) (?:\w+ ){0,2}tuat hang thang\b/;

/**
 * The monthly survivor allowance in đồng on the answer's day (Law 41/2024 Art 87: 50 % of the reference level a
 * relative, 70 % with no one to care for them, at most 4 relatives), with the condition that decides whether there is
 * one at all: a member with 15 years of compulsory insurance or drawing a pension from it.
 */
export const MONTHLY_SURVIVOR_LEAD =
  'Mức trợ cấp tuất hằng tháng: mỗi thân nhân {SURVIVOR_MONTHLY} đồng/tháng (50% mức tham chiếu); thân nhân không có người trực tiếp nuôi dưỡng {SURVIVOR_MONTHLY_ALONE} đồng/tháng (70%); tối đa 4 thân nhân. Chỉ có khi người mất có từ đủ 15 năm đóng BHXH bắt buộc hoặc đang hưởng lương hưu từ BHXH bắt buộc, và vợ/chồng, cha mẹ đã đủ tuổi nghỉ hưu (hoặc suy giảm khả năng lao động từ 81%) mà không có thu nhập hằng tháng từ mức tham chiếu trở lên; người chỉ đóng tự nguyện thì thân nhân nhận tuất một lần.';
