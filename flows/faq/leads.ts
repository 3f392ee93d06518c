import { formatAge, retirementAgeMonths, type Situation } from './situation.ts';
import { monthIndex, monthYear, today, yearOf } from './as-of.ts';
import { reaches } from './retirement-date.ts';
import { rateYears } from '../calculator/compute.ts';
import { has } from './regex-literals.ts';

/** The year the rules are read for (retirement ages): the situation's, else this year in Vietnam. */
export const ruleYear = (s: Situation): number => s.year ?? yearOf(today());

/** "14 năm 6 tháng", "6 tháng", "3 năm" from a number of years. */
export function spell(years: number): string {
  const total = Math.round(years * 12);
  const y = Math.floor(total / 12);
  const m = total % 12;
  return m === 0 ? `${y} năm` : y === 0 ? `${m} tháng` : `${y} năm ${m} tháng`;
}

/** A rate as it is written in Vietnamese ("41,5"). */
export const percentText = (rate: number): string => String(rate).replace('.', ',');
/** The pension rate after `years`, written ("46" for a woman with 15 years 3 months). */
export const ratePct = (sex: 'male' | 'female', years: number): string => percentText(pensionRate(sex, years));
/** How odd months count toward the rate, said when the years told have them. */
const oddMonthsNote = (years: number): string => (Math.round(years * 12) % 12 === 0 ? '' : ' (tháng lẻ: 1–6 tháng tính nửa năm, 7–11 tháng tính một năm)');

/** Pension rate after `years` of contributions (Law 41/2024 Art 66, 99), odd months counted (rateYears). */
export function pensionRate(sex: 'male' | 'female', years: number): number {
  const y = rateYears(years);
  if (sex === 'female') return Math.min(75, 45 + 2 * Math.max(0, y - 15));
  if (y < 20) return 40 + Math.max(0, y - 15);
  return Math.min(75, 45 + 2 * (y - 20));
}

function ageClause(sex: Situation['sex'], year: number): string {
  const m = formatAge(retirementAgeMonths('male', year));
  const w = formatAge(retirementAgeMonths('female', year));
  if (sex === 'male') return `tuổi nghỉ hưu (nam, năm ${year}: ${m})`;
  if (sex === 'female') return `tuổi nghỉ hưu (nữ, năm ${year}: ${w})`;
  return `tuổi nghỉ hưu (năm ${year}: nam ${m}, nữ ${w})`;
}

/**
 * This year's retirement age, and for someone of a known age and sex still short of it their own ("tuổi nghỉ hưu
 * (nam, năm 2026: 61 tuổi 6 tháng; với tuổi của anh/chị: khoảng năm 2033, lúc 62 tuổi)"): the age rises each
 * year, so this year's figure is not theirs.
 */
function ownAgeClause(s: Situation, year: number): string {
  const general = ageClause(s.sex, year);
  // The birth month told: their own month ("nam sinh tháng 7/1965: 61 tuổi 9 tháng, tháng 4/2027").
  if (s.sex && s.birthYear !== undefined && s.birthMonth !== undefined) {
    const r = reaches(s.sex, s.birthYear, s.birthMonth);
    return `${general.slice(0, -1)}; sinh tháng ${s.birthMonth}/${s.birthYear}: ${formatAge(r.age)}, vào tháng ${monthYear(r.at)})`;
  }
  if (s.age === undefined || !s.sex) return general;
  const at = retirementYear(s.sex, s.age, year);
  if (at <= year + 1) return general;
  return `${general.slice(0, -1)}; với tuổi của anh/chị: ${whenRetires(s.sex, s.age, year)})`;
}

/**
 * "khoảng năm 2038, lúc 60 tuổi", or for someone whose birth month decides it "năm 2033 hoặc 2034 (tùy tháng sinh),
 * lúc 59 tuổi 4 tháng đến 59 tuổi 8 tháng": the retirement of a person `age` in `year`, born early or late in the
 * year `year - age`.
 */
export function whenRetires(sex: 'male' | 'female', age: number, year: number): string {
  const early = reaches(sex, year - age, 1);
  const late = reaches(sex, year - age, 12);
  const [y1, y2] = [Math.floor(early.at / 12), Math.floor(late.at / 12)];
  const ages = early.age === late.age ? formatAge(early.age) : `${formatAge(early.age)} đến ${formatAge(late.age)}`;
  return y1 === y2 ? `khoảng năm ${y1}, lúc ${ages}` : `năm ${y1} hoặc ${y2} (tùy tháng sinh), lúc ${ages}`;
}

/** When someone `age` in `year` reaches retirement age, as a year (the schedule rises each year until 2028/2035). */
function retirementYear(sex: 'male' | 'female', age: number, year: number): number {
  for (let y = year; y < year + 50; y++) {
    if ((age + (y - year)) * 12 >= retirementAgeMonths(sex, y)) return y;
  }
  return year + 50;
}

/**
 * Whether the person has reached the retirement age on the day: by the birth month when told, else when today's age
 * is at least this year's retirement age.
 */
export function atRetirementAge(s: Situation, year: number): boolean {
  if (!s.sex) return false;
  if (s.birthYear !== undefined && s.birthMonth !== undefined) {
    const now = s.day !== undefined ? monthIndex(s.day) : year * 12;
    return reaches(s.sex, s.birthYear, s.birthMonth).at <= now;
  }
  return s.age !== undefined && s.age * 12 >= retirementAgeMonths(s.sex, year);
}

/** "nam, năm 2026: 61 tuổi 6 tháng", or with the birth month "nam sinh tháng 2/1965: 61 tuổi 3 tháng, từ tháng 5/2026". */
function reachedClause(s: Situation, sex: 'male' | 'female', year: number): string {
  const who = sex === 'male' ? 'nam' : 'nữ';
  if (s.birthYear === undefined || s.birthMonth === undefined) return `${who}, năm ${year}: ${formatAge(retirementAgeMonths(sex, year))}`;
  const r = reaches(sex, s.birthYear, s.birthMonth);
  return `${who} sinh tháng ${s.birthMonth}/${s.birthYear}: ${formatAge(r.age)}, từ tháng ${monthYear(r.at)}`;
}

/** Years from now until the person's retirement age (0 when reached), when their age and sex are known. */
export function yearsToRetirement(s: Situation): number | undefined {
  if (s.age === undefined || !s.sex) return undefined;
  const year = ruleYear(s);
  return Math.max(0, retirementYear(s.sex, s.age, year) - year);
}

/**
 * Voluntary years begun before 1/1/2021, 15 or more but under 20: paying on to 20 brings the pension at 60 (men) or
 * 55 (women) under the transitional rule (QĐ 863/QĐ-BNV); when the start month is told, the month 20 years are reached.
 */
function towardTwenty(s: Situation, n: number): string {
  // (Not beside compulsory years: "10 năm (1988-1997) … tự nguyện thêm được 5 năm (2016-2020)" has 5 voluntary ones, and its start
  // is the job's.)
  if (s.yearsKind !== 'voluntary' || s.startYear === undefined || s.startYear >= 2021 || n >= 20 || (s.compulsoryYears ?? 0) > 0) return '';
  // (A voluntary start told after a job's years, "… đóng tự nguyện từ 1/2020": the 20 voluntary years count from it.)
  if (s.voluntarySince !== undefined && Math.floor(s.voluntarySince / 12) >= 2021) return '';
  const last = s.voluntarySince !== undefined ? s.voluntarySince + 239 : s.startMonth !== undefined ? s.startYear * 12 + (s.startMonth - 1) + 239 : undefined;
  const general = s.sex && s.birthYear !== undefined && s.birthMonth !== undefined ? reaches(s.sex, s.birthYear, s.birthMonth).at : undefined;
  // Only worth saying when 20 years come before the general retirement age does: by the month when both are told
  // (20 years in 12/2027 against the age in 5/2028), else by the year.
  if (last !== undefined && general !== undefined) {
    if (last + 1 >= general) return '';
  } else if (s.sex && s.age !== undefined && s.startYear + 20 >= retirementYear(s.sex, s.age, ruleYear(s))) return '';
  const left = spell(20 - n);
  const at = last !== undefined ? `, tức đến tháng ${monthYear(last)} nếu đóng liên tục` : '';
  // With both months: the pension's first month (after the 20 years and the age of 55/60) against the general one.
  const from =
    last !== undefined && general !== undefined && s.sex
      ? (() => {
          const early = Math.max(last, (s.birthYear! + (s.sex === 'female' ? 55 : 60)) * 12 + s.birthMonth! - 1) + 1;
          return ` Như vậy anh/chị hưởng lương hưu từ tháng ${monthYear(early)}, sớm hơn tuổi nghỉ hưu chung (tháng ${monthYear(general)}), với tỷ lệ ${ratePct(s.sex, 20)}% (20 năm).`;
        })()
      : '';
  return ` Anh/chị bắt đầu đóng tự nguyện trước 1/1/2021: đóng tiếp cho đủ 20 năm tự nguyện (còn ${left}${at}) thì theo quy định chuyển tiếp được hưởng lương hưu khi nam đủ 60 tuổi, nữ đủ 55 tuổi.${from}`;
}

/**
 * Someone old enough for the social pension (75, or 70 in a poor or near-poor household) who draws no pension: it
 * needs no contributions (Law 41/2024 Art 21; Decree 176/2025: 500,000 a month, claimed at the commune).
 */
/** The social pension's age for the person (Law 41/2024 Art 21): 70 in a poor or near-poor household, else 75. */
export const socialPensionAge = (s: Situation): number => (s.household !== undefined ? 70 : 75);

function socialPensionNote(s: Situation): string {
  if (s.age === undefined || s.drawingPension === true) return '';
  if (s.age >= socialPensionAge(s)) {
    return ` Ở tuổi này, nếu không có lương hưu hay trợ cấp BHXH hằng tháng, anh/chị được trợ cấp hưu trí xã hội 500.000 đồng/tháng (từ 75 tuổi; từ 70 tuổi nếu thuộc hộ nghèo, cận nghèo) mà không cần đóng: làm đơn gửi UBND xã.`;
  }
  return '';
}

/** Beyond 30 (women) or 35 (men) years the rate stays 75 %; each extra year adds 0.5 month paid once (Art 68/99). */
function overMaxClause(sex: 'male' | 'female', years: number): string {
  const extra = Math.floor(years) - (sex === 'female' ? 30 : 35);
  return extra > 0 ? ` (${extra} năm vượt mốc: thêm trợ cấp một lần ${String(extra * 0.5).replace('.', ',')} tháng thu nhập bình quân khi nghỉ hưu)` : '';
}

/** " Với 20 năm, tỷ lệ lương hưu là …": for the person's sex, or for both when they did not say it. */
function rateClause(sex: Situation['sex'], years: number): string {
  const y = `${spell(years)}${oddMonthsNote(years)}`;
  if (sex) return ` Với ${y}, tỷ lệ lương hưu là ${ratePct(sex, years)}% bình quân thu nhập đã đóng${overMaxClause(sex, years)}.`;
  return ` Với ${y}, tỷ lệ lương hưu là ${ratePct('female', years)}% nếu là nữ${overMaxClause('female', years)}, ${ratePct('male', years)}% nếu là nam${overMaxClause('male', years)}, tính trên bình quân thu nhập đã đóng.`;
}

/** Transitional rule (QĐ 863/QĐ-BNV): 20+ years of voluntary insurance begun before 1/1/2021 → pension at 60/55. */
export function transitionalEarly(s: Situation): boolean {
  // (Beside compulsory years told, "… 21 năm tự nguyện; trước đó 3 năm làm công ty": the voluntary ones, begun before 2021 by
  // their start told, or reckoned back from the answer's year.)
  if ((s.compulsoryYears ?? 0) > 0) {
    const voluntary = (s.yearsPaid ?? 0) - s.compulsoryYears!;
    const began = s.voluntarySince !== undefined ? Math.floor(s.voluntarySince / 12) : ruleYear(s) - Math.ceil(voluntary);
    return voluntary >= 20 && began < 2021;
  }
  return s.yearsKind === 'voluntary' && (s.yearsPaid ?? 0) >= 20 && s.startYear !== undefined && s.startYear < 2021;
}

/** The sentence about years paid: what 15 years means for this person. */
export function yearsLead(s: Situation): string | undefined {
  const year = ruleYear(s);
  const n = s.yearsPaid;
  // (Not a pensioner's age: "Bố tôi 68 tuổi, đang hưởng lương hưu, mẹ tôi … chưa đóng ngày nào" is two people.)
  if (n === undefined && s.neverPaid && s.drawingPension !== true) return startLead(s);
  // (A member who died: their family's rights are the answer, not the years the member still lacks.)
  if (n === undefined || s.drawingPension === true || s.memberDied) return undefined;
  const early = transitionalEarly(s);
  const shown = spell(n);
  if (n >= 15) {
    const rate = rateClause(s.sex, n);
    if (early) {
      // (With the birth month, the month that age is reached: "sinh 9/1972" is 55 in 9/2027, not now.)
      const at55or60 = s.sex && s.birthYear !== undefined && s.birthMonth !== undefined ? (s.birthYear + (s.sex === 'female' ? 55 : 60)) * 12 + s.birthMonth - 1 : undefined;
      const reached = at55or60 !== undefined && s.day !== undefined ? at55or60 <= monthIndex(s.day) : s.age !== undefined && ((s.sex === 'female' && s.age >= 55) || s.age >= 60);
      const now = reached
        ? ' Anh/chị đã đủ tuổi này nên đủ điều kiện hưởng lương hưu ngay: nộp hồ sơ tại cơ quan BHXH nơi cư trú.'
        : at55or60 !== undefined
          ? ` Anh/chị đủ ${s.sex === 'female' ? 55 : 60} tuổi vào tháng ${monthYear(at55or60)}; từ tháng sau đó được hưởng lương hưu (nộp hồ sơ trước đó tại cơ quan BHXH nơi cư trú).`
          : '';
      const own = (s.compulsoryYears ?? 0) > 0 ? `${spell(n - s.compulsoryYears!)} (cùng ${spell(s.compulsoryYears!)} bắt buộc là ${shown})` : shown;
      return `Anh/chị đã đóng tự nguyện ${own}, bắt đầu trước 1/1/2021: theo quy định chuyển tiếp, anh/chị được hưởng lương hưu khi nam đủ 60 tuổi, nữ đủ 55 tuổi (không phải chờ tuổi nghỉ hưu chung).${now}${rate}`;
    }
    // The rate stops rising at 75 % (30 years for women, 35 for men).
    const belowCap = Math.floor(n) < (s.sex === 'male' ? 35 : 30);
    // At the age already (today's age at least this year's retirement age): the pension is theirs to claim now.
    if (s.sex && atRetirementAge(s, year)) {
      return `Anh/chị đã đóng ${shown}: từ 1/7/2025 chỉ cần đủ 15 năm (trước đây 20 năm), và anh/chị đã đủ tuổi nghỉ hưu (${reachedClause(s, s.sex, year)}), nên đủ điều kiện hưởng lương hưu ngay. Cơ quan BHXH không tự gọi: anh/chị nộp hồ sơ (sổ BHXH hoặc mã số BHXH, CCCD, đơn đề nghị) tại cơ quan BHXH nơi cư trú để được hưởng từ tháng sau.${rate}`;
    }
    // (The sex not told, the birth month told, the age reached either way: "sinh tháng 11/1964 … 17 năm" claims now.)
    if (!s.sex && s.birthYear !== undefined && s.birthMonth !== undefined && s.day !== undefined) {
      const [man, woman] = [reaches('male', s.birthYear, s.birthMonth), reaches('female', s.birthYear, s.birthMonth)];
      if (man.at <= monthIndex(s.day)) {
        return `Anh/chị đã đóng ${shown}: từ 1/7/2025 chỉ cần đủ 15 năm (trước đây 20 năm), và anh/chị đã đủ tuổi nghỉ hưu (sinh tháng ${s.birthMonth}/${s.birthYear}: nam ${formatAge(man.age)} từ tháng ${monthYear(man.at)}, nữ ${formatAge(woman.age)} từ tháng ${monthYear(woman.at)}), nên đủ điều kiện hưởng lương hưu ngay: nộp hồ sơ tại cơ quan BHXH nơi cư trú để được hưởng từ tháng sau.${rate}`;
      }
    }
    return `Anh/chị đã đóng ${shown}: từ 1/7/2025 chỉ cần đủ 15 năm (trước đây 20 năm), nên anh/chị đã đủ số năm đóng; khi đủ ${ownAgeClause(s, year)} anh/chị được lương hưu hằng tháng; không bắt buộc đóng thêm${belowCap ? ' (đóng thêm thì tỷ lệ hưởng cao hơn)' : ''}.${rate}${towardTwenty(s, n)}`;
  }
  const missing = Math.ceil(15 - n);
  const gap = spell(15 - n);
  const head = `Anh/chị đã đóng ${shown}, còn thiếu ${gap} để đủ 15 năm (mức mới từ 1/7/2025) hưởng lương hưu`;
  // The age told but not the sex, the two retirement ages on either side of it ("Tôi năm nay 58 tuổi, đóng … 13 năm … đóng
  // một lần 2 năm còn thiếu … được không"): a woman's plan and a man's, each said.
  if (!s.sex && s.age !== undefined && !s.reachedAge) {
    const [female, male] = [yearsLead({ ...s, sex: 'female' }), yearsLead({ ...s, sex: 'male' })];
    const femaleReached = retirementYear('female', s.age, year) <= year;
    if (femaleReached !== retirementYear('male', s.age, year) <= year && female?.startsWith(head) && male?.startsWith(head)) {
      // (The branch short of the age: not yet the lump payment, and what paying on gives by then.)
      const rest = (x: string, reached: boolean): string => {
        const tail = x.slice(head.length).replace(/^[.]?\s*/, '').replace(/^khi đủ [^.]*\.\s*/, '');
        return `${reached ? '' : 'chưa đến tuổi nghỉ hưu nên chưa được đóng một lần; '}${tail.replace(/^Anh\/chị/, 'anh/chị')}`;
      };
      return `${head}. Nếu anh/chị là nữ: ${rest(female, femaleReached)} Nếu là nam: ${rest(male, !femaleReached)}`;
    }
  }
  const yearsToGo = s.age !== undefined && s.sex ? retirementYear(s.sex, s.age, year) - year : undefined;
  // Already at the age: the lump payment for the missing years now, or first the years beyond 5.
  // (An age told that is short of it decides: "đã đến tuổi" read from a supposition is not the person's.)
  if ((s.reachedAge && !(yearsToGo !== undefined && yearsToGo > 0)) || (yearsToGo !== undefined && yearsToGo <= 0) || (s.age !== undefined && s.age >= 62) || atRetirementAge(s, year)) {
    return missing <= 5
      ? `${head}. Anh/chị đã đến tuổi nghỉ hưu và chỉ thiếu không quá 5 năm, nên được đóng một lần cho ${gap} còn thiếu rồi hưởng lương hưu hằng tháng từ tháng sau khi đóng đủ${s.sex ? `, tỷ lệ ${ratePct(s.sex, 15)}% bình quân thu nhập đã đóng (15 năm)` : ' (15 năm: nữ 45%, nam 40% bình quân thu nhập đã đóng)'}.`
      : `${head}. Anh/chị đã đến tuổi nghỉ hưu nhưng thiếu hơn 5 năm (chỉ được đóng một lần khi thiếu không quá 5 năm): đóng tiếp ${spell(10 - n)} (theo tháng, 3, 6 hoặc 12 tháng một lần), đến khi chỉ còn thiếu 5 năm thì đóng một lần phần còn lại để hưởng lương hưu${s.sex ? `, tỷ lệ ${ratePct(s.sex, 15)}% bình quân thu nhập đã đóng (15 năm)` : ' (15 năm: nữ 45%, nam 40% bình quân thu nhập đã đóng)'}. Nếu không đóng tiếp, anh/chị có thể nhận BHXH một lần hoặc trợ cấp hằng tháng.${socialPensionNote(s)}`;
  }
  const when = yearsToGo !== undefined && s.sex && s.age !== undefined ? untilRetirement(s, s.sex, s.age, n, year, yearsToGo) : '';
  // Paying on until the age gets them to 15: the lump payment of the rest does not concern them.
  const reachesFifteen = yearsToGo !== undefined && (paidByRetirement(s, n)?.total ?? Math.floor(n) + yearsToGo) >= 15;
  const oneGo = reachesFifteen
    ? ''
    : missing <= 5
      ? ` Khi đến tuổi nghỉ hưu mà còn thiếu không quá 5 năm, anh/chị được đóng một lần cho số năm còn thiếu rồi hưởng lương hưu.`
      : ` Anh/chị đóng tiếp theo tháng, 3, 6, 12 tháng; khi đến tuổi nghỉ hưu mà chỉ còn thiếu không quá 5 năm thì được đóng một lần phần còn thiếu.`;
  return `${head} khi đủ ${when ? ageClause(s.sex, year) : ownAgeClause(s, year)}.${when}${oneGo}`;
}

/**
 * Someone short of 15 years and of the retirement age: the year and age they reach it, the years they have by
 * then if they pay on, and what that gives (15 reached and the rate, or the lump payment of the rest). With the
 * birth month told, in months: the month the age is reached, and the months paid until then.
 */
function untilRetirement(s: Situation, sex: 'male' | 'female', age: number, paid: number, year: number, toGo: number): string {
  const by = paidByRetirement(s, paid);
  const total = by?.total ?? Math.floor(paid) + toGo;
  const short = 15 - total;
  // (The birth month not told and about 15 years by then: a few months may be short, and those are paid in one go.)
  const then =
    !by && short <= 0 && short > -1
      ? `, vừa đủ hoặc gần đủ 15 năm tùy tháng sinh; nếu đến tuổi mà còn thiếu vài tháng thì đóng một lần phần thiếu rồi hưởng lương hưu, tỷ lệ ${ratePct(sex, 15)}% bình quân thu nhập đã đóng (15 năm)`
      : short <= 0
      ? `, đủ 15 năm; tỷ lệ lương hưu khi đó khoảng ${ratePct(sex, total)}% bình quân thu nhập đã đóng`
      : `, còn thiếu ${spell(short)}: ${Math.ceil(short * 12) <= 60 ? `đóng một lần phần thiếu, rồi hưởng lương hưu với tỷ lệ ${ratePct(sex, 15)}% (15 năm)` : `đóng tiếp đến khi đủ 10 năm (khoảng năm ${year + Math.ceil(10 - paid)} nếu đóng đều từ nay), rồi đóng một lần 5 năm còn thiếu và hưởng lương hưu, tỷ lệ ${ratePct(sex, 15)}% (15 năm)`}`;
  // (A last month planned before the age, "định đóng tiếp đến hết tháng 6/2029 thì nghỉ": the years by then.)
  const stops = by && s.stopAt !== undefined && s.stopAt + 1 < by.atIndex;
  const when = by ? `vào tháng ${by.at} (${formatAge(by.age)})${stops ? '' : `, còn ${spell(by.left)}`}` : `${whenRetires(sex, age, year)} (còn khoảng ${toGo} năm)`;
  const upTo = stops ? `đóng đều đến hết tháng ${monthYear(s.stopAt!)} như dự định` : 'đóng đều đến lúc đó';
  return ` Anh/chị đến tuổi nghỉ hưu ${when}; ${upTo} là được khoảng ${by ? spell(total) : `${total} năm`}${then}.`;
}

/**
 * The years paid by the retirement month for someone whose birth month is told and who pays every month from the
 * next one: with the month and the age then. Undefined without the birth month, the sex or the day.
 */
export function paidByRetirement(s: Situation, paid: number): { total: number; left: number; at: string; atIndex: number; age: number } | undefined {
  if (s.birthYear === undefined || s.birthMonth === undefined || !s.sex || s.day === undefined) return undefined;
  const r = reaches(s.sex, s.birthYear, s.birthMonth);
  // (Paying on from after the years told, when they run to this month or one to come; none after a stop planned.)
  const from = Math.max(monthIndex(s.day), (s.paidThrough ?? -1) + 1);
  // (Up to a planned last month before the age, "định đóng tiếp đến hết tháng 6/2029 thì nghỉ".)
  // (Years told "đến nay" run to this month, which the months to come do not count again.)
  const end = s.stopAt !== undefined ? Math.min(r.at, s.stopAt + (s.paidToNow ? 0 : 1)) : r.at;
  const left = s.stopPlanned && s.paidThrough !== undefined ? 0 : Math.max(0, end - from) / 12;
  return { total: Math.round((paid + left) * 100) / 100, left, at: monthYear(r.at), atIndex: r.at, age: r.age };
}

/** Someone who has not paid yet, of a known age and sex: when 15 years can be reached, with the lump payment of the last 5. */
export function startLead(s: Situation, note = true): string | undefined {
  if (s.age === undefined) return undefined;
  // Sex not told: both, since the retirement age differs (the social pension said once).
  // (Past the age for both, the plan is the same: said once, without the sex, "Anh/chị 72 tuổi, đến tuổi nghỉ hưu rồi: …".)
  if (!s.sex) {
    const [female, male] = [startLead({ ...s, sex: 'female' }, false), startLead({ ...s, sex: 'male' }, false)];
    const same = female !== undefined && female.replace(' (nữ)', '') === male?.replace(' (nam)', '');
    return `${same ? female.replace(' (nữ)', '') : [female, male].join(' ').replace(/\((nữ|nam)\)/g, '(nếu là $1)')}${note ? socialPensionNote(s) : ''}`;
  }
  const year = ruleYear(s);
  const at = retirementYear(s.sex, s.age, year);
  const toGo = Math.max(0, at - year);
  // With the birth month, in months ("sinh 7/1976": 9 năm 7 tháng by 7/2036, 5 năm 5 tháng short, not 5), and the age
  // then exactly (not "năm 2028 hoặc 2029 (tùy tháng sinh)").
  const by = paidByRetirement(s, 0);
  const when = by && by.left > 0 ? `lúc ${formatAge(by.age)}` : toGo > 0 ? whenRetires(s.sex, s.age, year) : 'rồi';
  const who = `Anh/chị ${s.age} tuổi (${s.sex === 'male' ? 'nam' : 'nữ'}), đến tuổi nghỉ hưu ${when}`;
  const until = by ? by.total : toGo;
  if (until >= 15) return `${who}: đóng đều từ nay đến lúc đó là đủ 15 năm để hưởng lương hưu.`;
  if (by && until > 0 && 15 - until > 5) {
    return `${who}, vào tháng ${by.at}: đóng từ nay đến lúc đó được khoảng ${spell(until)}, còn thiếu ${spell(15 - until)} (hơn 5 năm) nên khi đủ tuổi phải đóng tiếp thêm ${spell(10 - until)} rồi mới đóng một lần 5 năm còn thiếu để hưởng lương hưu.`;
  }
  if (until >= 10) {
    return `${who}: đóng từ nay đến lúc đó được khoảng ${by ? spell(until) : `${toGo} năm`}, còn thiếu ${by ? spell(15 - until) : `${15 - toGo} năm`} (không quá 5 năm) thì đóng một lần phần thiếu và hưởng lương hưu ngay khi đủ tuổi.`;
  }
  return `${who}: anh/chị đóng theo tháng, 3, 6 hoặc 12 tháng đủ 10 năm (đến khoảng năm ${year + 10}), rồi đóng một lần 5 năm còn thiếu để đủ 15 năm và hưởng lương hưu. Không có cách đóng một lần cả 15 năm.${note ? socialPensionNote(s) : ''}`;
}

/**
 * Someone of a known age and sex who pays from now until the retirement age ("45t, nam, đóng từ giờ tới lúc về
 * hưu thì được mấy %"): how many years that makes, added to those already paid, and the pension rate they give.
 */
export function rateAtRetirementLead(s: Situation): string | undefined {
  if (s.age === undefined || !s.sex || s.drawingPension === true) return undefined;
  const year = ruleYear(s);
  const at = retirementYear(s.sex, s.age, year);
  const toGo = at - year;
  if (toGo <= 0) return undefined;
  const paid = s.yearsPaid ?? 0;
  // With the birth month, in months as the estimate beside it counts them (26 years 1 month, not "about 27").
  const by = paidByRetirement(s, paid);
  const total = by ? by.total : Math.floor(paid) + toGo;
  const had = paid > 0 ? `, cộng ${spell(paid)} đã đóng là tổng khoảng ${by ? spell(total) : `${total} năm`}` : '';
  const after = s.paidThrough !== undefined && s.day !== undefined && s.paidThrough >= monthIndex(s.day) ? `tiếp sau tháng ${monthYear(s.paidThrough)}` : 'từ nay';
  const upTo = by
    ? by.left === 0 && paid > 0
      ? `Với ${spell(paid)} đã đóng, đến tuổi nghỉ hưu (tháng ${by.at})`
      : s.stopAt !== undefined && by.left > 0 && s.stopAt + 1 < by.atIndex
        ? `Đóng đều ${after} đến hết tháng ${monthYear(s.stopAt)} như dự định là khoảng ${spell(by.left)}${had}; đến tuổi nghỉ hưu (tháng ${by.at})`
        : `Đóng đều ${after} đến tuổi nghỉ hưu (tháng ${by.at}) là khoảng ${spell(by.left)}${had}`
    : `Đóng đều từ nay đến tuổi nghỉ hưu (khoảng năm ${at}) là khoảng ${toGo} năm${had}`;
  if (total < 15) return `${upTo}, chưa đủ 15 năm; khi đến tuổi nghỉ hưu mà thiếu không quá 5 năm thì đóng một lần phần thiếu để hưởng lương hưu ${ratePct(s.sex, 15)}%.`;
  return `${upTo}, tỷ lệ lương hưu khoảng ${ratePct(s.sex, total)}% bình quân thu nhập đã đóng (${s.sex === 'male' ? 'nam' : 'nữ'}).`;
}

/**
 * Took a lump sum and joins again, asking when a pension comes ("57 tuổi, năm 2019 đã rút, bao giờ mới có lương
 * hưu"): the plan from zero for their age. Undefined unless they withdrew, have no years since, and ask that.
 */
/** "8 năm cũ có được tính không", "có được tính lại 12 năm cũ không": the years paid out, asked about. */
const PAID_OUT_COUNTED = /\b(?:\d+|nhung|may|so) nam (?:cu|truoc|da dong|da rut|do)\b(?: \w+){0,3} (?:tinh|cong)\b|\b(?:tinh|cong) lai (?:\d+|nhung|may|so) nam\b/;
export function rejoinLead(s: Situation, f: string): string | undefined {
  // (Whether the years paid out count: no, first, with what starting afresh takes at their age.)
  if (s.withdrewBefore && has(PAID_OUT_COUNTED, f)) {
    const plan = s.neverPaid || s.yearsPaid === undefined ? startLead(s, false) : yearsLead(s);
    return `Không: những năm đã nhận BHXH một lần không được tính lại; chỉ tính các năm đóng từ khi tham gia lại.${plan ? ` ${plan}` : ''}`;
  }
  if (!s.withdrewBefore || !s.neverPaid || !has(/\b(?:du khong|bao gio|khi nao|bao lau|luong huu|du 15 nam)\b/, f)) return undefined;
  return yearsLead(s);
}

/**
 * "đóng đủ 30 năm", "nếu chỉ đóng 20 năm", "đóng được 25 năm", "trong 17 năm", "đều đặn 20 năm": the years a rate or an estimate is
 * asked for (not said paid), in the order named.
 */
// ("20 năm hay 30 năm": the second of two years compared.)
// ("đóng mức 2 triệu/tháng thì 15 năm sau lương hưu được khoảng bao nhiêu": the years to come.)
const YEARS_ASKED = /(?:\b(?:dong|du|duoc|trong|lien tuc|so voi|deu dan|deu|tong cong|tong) (?:du |duoc |het )?|\bthi (?=\d{1,2} nam sau\b)|(?<=\b\d{1,2} nam (?:hay|hoac|va|voi) ))(\d{1,2}) nam\b/g;
export const yearsAsked = (f: string): number[] => [...f.matchAll(YEARS_ASKED)].map((m) => Number(m[1]));

/**
 * The pension rate for each number of years the question names ("đóng đủ 30 năm thì bao nhiêu %, còn 20 năm?"):
 * for the sex told, or for both. Undefined when no years between 1 and 45 are named.
 */
export function ratesForYearsLead(f: string, sex: Situation['sex']): string | undefined {
  const years = [...new Set(yearsAsked(f).filter((n) => n >= 1 && n <= 45))];
  if (years.length === 0) return undefined;
  const one = (y: number): string => {
    if (y < 15) return `${y} năm: chưa đủ 15 năm nên chưa có lương hưu`;
    return sex
      ? `${y} năm: ${ratePct(sex, y)}%`
      : `${y} năm: nữ ${ratePct('female', y)}%, nam ${ratePct('male', y)}%`;
  };
  const who = sex === 'male' ? ' (nam)' : sex === 'female' ? ' (nữ)' : '';
  // Two figures compared ("22 năm so với 20 năm thì hơn nhau mấy %"): the difference, for the sex told.
  const [a, b] = years;
  const apart = sex && years.length === 2 && a! >= 15 && b! >= 15 ? ` Chênh nhau ${percentText(Math.abs(pensionRate(sex, a!) - pensionRate(sex, b!)))}%.` : '';
  return `Tỷ lệ lương hưu${who} trên bình quân thu nhập đã đóng, đóng ${years.map(one).join('; đóng ')}.${apart}`;
}
