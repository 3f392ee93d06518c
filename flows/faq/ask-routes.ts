import { rateAtRetirementLead, ratePct, ratesForYearsLead, yearsAsked, rejoinLead, ruleYear, socialPensionAge, startLead, spell, transitionalEarly, whenRetires, yearsLead } from './leads.ts';
import { reaches, retirementDateLead } from './retirement-date.ts';
import { decimal, lumpSumEstimateLead } from './lump-sum-estimate.ts';
import { formatNumber } from '../calculator/money.ts';
import { incomeLimits, rulesOnDay } from '../calculator/rules.ts';
import { applyRate } from '../calculator/compute.ts';
import { ILL_SETTLED, MONTHLY_SURVIVOR_AMOUNT, MONTHLY_SURVIVOR_LEAD, pensionerSurvivorLead, survivorLead } from './survivor-lead.ts';
import { formatAge, retirementAgeMonths, TERM_ABROAD, type Situation } from './situation.ts';
import type { AskRoute } from './ask-route.ts';
import { lossLead, motherDiedAfterBirthLead, resumedBeforeBirthLead, STARTED_MONTH, startsInOrder } from './loss-lead.ts';
import { monthIndex, monthYear } from './as-of.ts';
import { CAN_JOIN, JOIN_ROUTES } from './join-routes.ts';
import { HOUSEHOLD_CARD, householdCardLead } from './household-card.ts';
import { belowNextFloor, changeWithinPaid, floorPaymentLead, LEFT_GROUP, levelNamed, levelOutOfRangeLead, localTopUp, modeMonths, movedFromTopUpLead, paidPeriod, paidPeriodLead, PENSION_ON_LEVEL, periodRunning } from './contribution-lead.ts';
import { has } from './regex-literals.ts';

/** Starting a job with compulsory insurance ("tháng sau vào làm cty có đóng bhxh", "sắp đi làm công ty", "khi vào công ty mới"). */
export const STARTS_JOB =
  /\b(?:thang sau|tuan sau|sap|se|moi|vua|chuan bi|sap toi) (?:\w+ ){0,2}(?:vao lam|di lam|xin vao|duoc nhan vao|ky hop dong|lam) (?:\w+ ){0,3}(?:cong ty|cty|doanh nghiep|xi nghiep|nha may|co quan)\b(?! (?:\w+ ){0,4}(?:khong|ko|k|chua) (?:dong|co))|\b(?:khi|luc|moi|sap|se) (?:\w+ ){0,2}(?:vao|sang|chuyen sang) (?:lam )?(?:o )?(?:cong ty|cty|cho lam|noi lam|co quan) moi\b/;
/** A job starting in a month to come ("Tháng 1/2027 tôi vào làm cho một công ty có ký hợp đồng"), on the day of the answer. */
const JOB_FROM_MONTH = /\bthang (\d{1,2}) (?:nam )?(20\d\d) (?:toi |em |e |minh |tui )?(?:se )?(?:vao lam|di lam|duoc nhan vao|ky hop dong) (?:\w+ ){0,3}(?:cong ty|cty|doanh nghiep|xi nghiep|nha may|co quan)\b/;
/** A job about to start: told as soon (STARTS_JOB) or in a month after the answer's day. */
function startsJob(f: string, day: string | undefined): boolean {
  if (has(STARTS_JOB, f)) return true;
  const m = JOB_FROM_MONTH.exec(f);
  return m !== null && day !== undefined && Number(m[2]) * 12 + Number(m[1]) - 1 > monthIndex(day);
}
/** A period registered and its start ("đăng ký đóng 12 tháng một lần từ tháng 3/2026"), not paid yet ("chưa nộp", "giờ tháng 12 mới đóng"). */
// ("đăng ký đóng bhxh tự nguyện 12 tháng/lần bắt đầu từ tháng 5/2026" too.)
// ("… theo phương thức 12 tháng/lần, kỳ bắt đầu từ tháng 3/2026 …" too.)
const PERIOD_UNPAID = /\b(?:dang ky |chon )?(?:dong|nop) (?:(?:bhxh|tu nguyen|bao hiem|xa hoi) )*(?:theo )?(?:phuong thuc |kieu |hinh thuc )?(12|6|3) thang (?:mot |1 )?lan (?:\w+ ){0,3}?tu (?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d\d)\b(?=.*\b(?:chua|quen|khong) (?:\w+ ){0,2}(?:nop|dong)\b|.*\b(?:gio|h|bay gio|nay|den) (?:(?:la )?thang \d{1,2} )?moi (?:nop|dong)\b)/;
/** The month first, then the period registered, not paid yet ("tháng 7/2026 chuyển sang đăng ký đóng 6 tháng một lần … chưa nộp"). */
const PERIOD_UNPAID_FROM = /\bthang (\d{1,2}) (?:nam )?((?:19|20)\d\d) (?:\w+ ){0,5}?(?:dang ky )?(?:dong|nop) (12|6|3) thang (?:mot|1) lan\b(?=.*\b(?:chua|quen|khong) (?:\w+ ){0,3}(?:nop|dong)\b|.*\b(?:gio|h|bay gio|nay|den) (?:(?:la )?thang \d{1,2} )?moi (?:nop|dong)\b)/;
/** Months into a period by which it must be paid (Decree 159, as Decree 134 Art 12): 3 → 3, 6 → 4, 12 → 7. */
const PAY_WITHIN: Readonly<Record<string, number>> = { '3': 3, '6': 4, '12': 7 };

/** The month a registered period had to be paid by, and whether that has passed on the day of the answer. */
export function periodDeadlineLead(f: string, s0: Situation): string | undefined {
  // (The month of writing told, "Giờ là tháng 8/2026 mà tôi vẫn chưa nộp": the deadline read on it.)
  // (Not "… từ 2019 đến nay. Tháng 7/2026 tôi đăng ký …": "đến nay" ends a period, the month opens the next sentence.)
  const told = /(?<!\b(?:den|toi|tu) )\b(?:gio|nay|bay gio|hien (?:nay|tai)?) (?:la |dang la |da la )?thang (\d{1,2}) (?:nam )?(20\d\d)\b/.exec(f);
  const s = told && Number(told[1]) >= 1 && Number(told[1]) <= 12 ? { ...s0, day: `${told[2]}-${told[1]!.padStart(2, '0')}-01` } : s0;
  const m = PERIOD_UNPAID.exec(f);
  if (m && s.day !== undefined && Number(m[2]) >= 1 && Number(m[2]) <= 12) return deadlineLead(m[1]!, Number(m[3]) * 12 + Number(m[2]) - 1, s.day);
  // ("Tháng 7/2026 chị chuyển sang đăng ký đóng 6 tháng một lần nhưng … vẫn chưa nộp": the month told first.)
  const first = PERIOD_UNPAID_FROM.exec(f);
  if (first && s.day !== undefined && Number(first[1]) >= 1 && Number(first[1]) <= 12) return deadlineLead(first[3]!, Number(first[2]) * 12 + Number(first[1]) - 1, s.day);
  // ("đóng 12 tháng một lần, năm nào cũng nộp đầu năm. Năm nay quên nộp": this year's period, from January.)
  const y = YEARLY_FORGOTTEN.exec(f);
  return y && s.day !== undefined && s.year !== undefined ? deadlineLead(y[1]!, s.year * 12, s.day) : undefined;
}
/** A period paid each year from its start, forgotten this year ("12 tháng một lần, năm nào cũng nộp đầu năm … năm nay quên nộp"). */
const YEARLY_FORGOTTEN = /\b(12|6|3) thang (?:mot|1) lan\b(?=.*\b(?:dau nam|thang 1)\b)(?=.*\bnam nay\b)(?=.*\b(?:quen|chua|khong) (?:\w+ ){0,2}(?:nop|dong)\b)/;

/** The month a period starting in month index `start` had to be paid by (`months` a period), passed or not on `day`. */
function deadlineLead(months: string, start: number, day: string): string {
  const last = start + PAY_WITHIN[months]! - 1;
  const head = `Kỳ ${months} tháng bắt đầu từ tháng ${monthYear(start)} phải nộp trong ${PAY_WITHIN[months]} tháng đầu, tức đến hết tháng ${monthYear(last)}`;
  return monthIndex(day) > last
    ? `${head}: đã quá hạn, nên kỳ đó coi như tạm dừng đóng (không bị phạt, thời gian đã đóng trước đó vẫn giữ nguyên); muốn đóng tiếp thì đến đại lý thu đăng ký lại cho kỳ mới.`
    : `${head}: vẫn còn hạn, anh/chị nộp tại đại lý thu hoặc trực tuyến trước hạn đó.`;
}
/** The mother telling her own pregnancy or birth ("em dự sinh tháng 1/2027"; not "vợ tôi sinh con"). */
// (Or a letter opening with the asker, who is due, before any husband is named: "Em 27 tuổi, làm tự do, đóng … dự sinh tháng
// 2/2027".)
const MOTHER_ASKS = /(?<!\b(?:vo|chong|con|me|chi|em) )\b(?:toi|em|minh|e|chau) (?:\w+ ){0,3}(?:du sinh|sap sinh|mang thai|mang bau|co bau|dang bau|sinh con|sinh be)\b|^ ?(?:em|toi|minh) (?:(?!vo|chong)\w+ ){1,24}(?:du sinh|sap sinh|mang thai|mang bau|co bau|dang bau)\b/;
/** Asks whether it is too late ("còn kịp không", "có muộn quá không"). */
const TOO_LATE = /\bco (?:bi )?qua tuoi\b|\bqua tuoi (?:roi )?(?:chua|khong|ko|k)\b|\b(?:con |co )?kip (?:khong|ko|k|nua khong)\b|\bco (?:con )?kip\b|\b(?:muon|tre) (?:qua|roi)\b|\bco (?:bi )?(?:muon|tre) (?:khong|ko|k)\b/;
/** Going abroad to work under a contract (planned), and a lump sum asked ("đi làm việc ở Nhật theo hợp đồng … có được rút … không"). */
const ABROAD_WORK_WITHDRAWAL =
  /\b(?:sap|se|chuan bi|dinh|du dinh|thang sau|nam sau|sap toi)(?: \w+){0,3} (?:xuat khau lao dong|xkld|di lam (?:viec )?(?:o |tai |ben )?(?:nuoc ngoai|nhat ban|nhat|han quoc|han|dai loan|duc)|sang (?:nhat|han|dai loan) (?:lam|lao dong))\b(?=.*\b(?:rut|(?:nhan|lanh|huong) (?:\w+ ){0,3}mot lan)\b)/;
/** Part-time posts of the commune, village or street group ("trưởng thôn", "tổ trưởng tổ dân phố", "bí thư chi bộ thôn"). */
// (Not an officer who only told the asker something: "Cán bộ thôn nói tham gia … thì Nhà nước trả hết tiền".)
export const VILLAGE_POST =
  /\b(?:(?:pho )?truong (?:thon|ap|khom|ban|xom|bon|buon|lang)(?! (?:cong ty|phong))|to (?:pho|truong) (?:to )?dan pho|bi thu chi bo|truong ban (?:cong tac )?mat tran|khong chuyen trach|can bo (?:thon|ap|khom|xom))\b(?! (?:noi|bao|van dong|huong dan|tu van|den|keu|khuyen|moi|giai thich|cho biet|thong bao)\b)/;
const HEALTH_CARD = /\b(?:bhyt|bao hiem y te|the bhyt)\b/;
/** A survivor named in an ask about a card ("thẻ BHYT của mẹ thì sao", "mẹ em có được thẻ không"). */
const SURVIVOR_NAMED = /\b(?:cua|cho) (?:me|vo|chong|ba|bo)\b|\b(?:me|vo|chong|ba|bo) (?:(?:em|toi|minh|e) )?(?:co duoc|duoc|thi)\b/;
/** Asks to join or to go on paying voluntary insurance (the ask of the question, whatever else it tells). */
const JOIN_ASK = /\b(?:tham gia|dong|mua|dang ky)\b(?: \w+){0,3} tu nguyen\b/;
const CLOSE_BOOK_ASK =
  /\b(?:chua|khong (?:duoc |the )?|cham|chiu) (?:\w+ ){0,2}chot so\b|\bchot so (?:\w+ ){0,4}(?:the nao|o dau|nhu the nao|ra sao|lam sao)\b|\b(?:lay|rut) (?:lai )?so (?:\w+ ){0,3}(?:o dau|the nao|nhu the nao|lam sao|ra sao)\b|\bthu tuc (?:\w+ ){0,8}chot so\b|\bchot so (?:\w+ ){0,12}thu tuc\b|\bso (?:\w+ ){0,2}chot (?:duoc )?(?:khong|ko|k)\b|\bchot so (?:\w+ ){0,2}(?:duoc )?(?:khong|ko|k)\b/;
/**
 * "Có được rút (một lần) không", "có thể nộp hồ sơ nhận một lần được chưa": whether a lump sum is allowed (now),
 * not only how much.
 */
const WHETHER_WITHDRAW = /\bco (?:\w+ ){0,2}(?:duoc|the) (?:(?:nop|lam) (?:ho so|thu tuc|don) (?:de )?)?(?:rut|nhan|huong|lanh|lay)\b(?: \w+){0,5} (?:khong|chua)\b/;
/**
 * Someone whose voluntary years are told and fall short of the transitional rule (20 voluntary years begun before
 * 1/1/2021 retire at 60 or 55): that they are not in it, and why. Undefined when their voluntary years are not known.
 */
export function notTransitionalLead(s: Situation): string | undefined {
  const voluntary = s.yearsKind === 'voluntary' ? s.yearsPaid : s.compulsoryYears !== undefined && s.yearsPaid !== undefined ? s.yearsPaid - s.compulsoryYears : undefined;
  // (Voluntary years begun before 2021 and still short of 20 may reach it by paying on: not excluded.)
  if (voluntary === undefined || ((s.startYear ?? 2021) < 2021 && s.yearsKind === 'voluntary')) return undefined;
  const age = s.sex === 'female' ? '55 tuổi' : s.sex === 'male' ? '60 tuổi' : '60 tuổi (nam), 55 tuổi (nữ)';
  const rule = `Anh/chị không thuộc diện nghỉ hưu ở ${age}: diện này cần đủ 20 năm đóng BHXH tự nguyện, bắt đầu trước 1/1/2021`;
  if (voluntary <= 0 && s.compulsoryYears) return `${rule}, còn ${spell(s.compulsoryYears)} của anh/chị là đóng bắt buộc, không tính vào điều kiện này.`;
  const compulsory = s.compulsoryYears ? ` (${spell(s.compulsoryYears)} kia đóng bắt buộc, không tính vào điều kiện này)` : '';
  return `${rule}, còn anh/chị có ${spell(voluntary)} đóng tự nguyện${compulsory}.`;
}
/** Paying or joining for a relative ("đóng … cho vợ", "mua BHXH tự nguyện cho mẹ"); not "cho em hỏi", "cho đủ". */
/** "đóng từ tháng 7/2011", "tham gia từ 3/2019": the month and year paying began. */
const START_MONTH = /\b(?:dong|tham gia|bat dau)(?: \w+){0,3} tu (?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d\d)\b/;

/**
 * The month 15 years of continuous payment from the start told are reached, and whether that month has passed on
 * the day of the answer; at or past the retirement age, the pension follows.
 */
function fifteenYearsLead(s: Situation, f: string): string | undefined {
  const m = START_MONTH.exec(f);
  if (!m) return undefined;
  const month = Number(m[1]);
  const year = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  // 180 months from the start month, counting it: 7/2011 → 6/2026.
  const last = year * 12 + (month - 1) + 179;
  const at = monthYear(last);
  const today = s.day ? monthIndex(s.day) : undefined;
  const passed = today !== undefined && today > last;
  const atAge = s.age !== undefined && s.sex !== undefined && s.year !== undefined && s.age * 12 >= retirementAgeMonths(s.sex, s.year);
  const then = passed && atAge ? ' Đã đủ tuổi nghỉ hưu nên có thể làm hồ sơ hưởng lương hưu ngay tại cơ quan BHXH.' : '';
  return `Đóng liên tục từ tháng ${month}/${year} thì ${passed ? 'đã' : 'sẽ'} đủ 15 năm vào tháng ${at} (tháng nào không đóng thì lùi lại bấy nhiêu tháng; xem số tháng đã đóng trên VssID).${then}`;
}

/**
 * The month the State's support ends for someone paying continuously since a month told: 120 months from the
 * start, counted from 1/2018 at the earliest (no support before), Decree 159/2025 and Decree 134/2015 Art 14.
 */
function subsidyEndLead(s: Situation, f = ''): string | undefined {
  // After a lump sum, the months supported before it: not settled whether they still count toward the 120.
  if (s.withdrewBefore) return 'Đã nhận BHXH một lần thì thời gian đóng trước đó không còn được tính; còn các tháng đã được Nhà nước hỗ trợ trước khi rút có bị trừ vào giới hạn 10 năm (120 tháng) hỗ trợ hay không thì chưa có hướng dẫn rõ: anh/chị hỏi đại lý thu hoặc 1900 9068 khi đăng ký lại. Hiện người không thuộc nhóm ưu tiên được hỗ trợ {SUPPORT_OTHER} đồng/tháng, nộp {PAY_OTHER} đồng/tháng ở mức thấp nhất.';
  if (s.startYear === undefined) return undefined;
  // (A first start in a compulsory job long before, "bắt buộc từ 1/1988 … tự nguyện từ 7/2018 đến 6/2021 … đến 1/2025 đóng lại":
  // the supported months are the voluntary ones only, not reckoned from that start.)
  if (s.compulsoryYears !== undefined && s.startYear < 2018) return undefined;
  const start = Math.max(s.startYear * 12 + ((s.startMonth ?? 1) - 1), 2018 * 12);
  // (Months not paid told, "có nghỉ 6 tháng đầu năm 2020 vì dịch": not supported, so the 120 end that much later; not
  // unaccented "dung 6 thang", which may be "đúng".)
  const gap = Number(/\b(?:(?:nghi|ngung|tam dung|bo|khong dong) (?:dong )?|dung dong )(\d{1,2}) thang\b/.exec(f)?.[1] ?? 0);
  const last = start + 119 + (gap >= 1 && gap <= 60 ? gap : 0);
  const today = s.day ? monthIndex(s.day) : undefined;
  // Paid for a while since 2018 and stopped ("đóng đều … tới hết tháng 12/2023, tổng cộng 3 năm … từ 1/2024 … bỏ đóng"):
  // the months used and those left, whenever paying starts again.
  const paidTo = s.yearsPaid !== undefined ? s.startYear * 12 + ((s.startMonth ?? 1) - 1) + Math.round(s.yearsPaid * 12) : undefined;
  if (s.startYear >= 2018 && s.yearsPaid !== undefined && s.yearsKind === 'voluntary' && paidTo !== undefined && today !== undefined && paidTo < today - 2) {
    const used = Math.round(s.yearsPaid * 12);
    const [g, who] = s.household === 'poor' ? ['POOR', 'hộ nghèo'] : s.household === 'near_poor' ? ['NEAR_POOR', 'hộ cận nghèo'] : s.ethnicMinority ? ['ETHNIC', 'người dân tộc thiểu số'] : ['OTHER', 'người không thuộc nhóm ưu tiên'];
    if (used >= 1 && used < 120) return `Anh/chị đã được hỗ trợ khoảng ${used} tháng (các tháng đã đóng từ 2018), còn khoảng ${120 - used} tháng được hỗ trợ (tối đa 120 tháng); hiện ${who} được hỗ trợ {SUPPORT_${g}} đồng/tháng, nộp {PAY_${g}} đồng/tháng ở mức thấp nhất.`;
  }
  const over = today !== undefined && today > last;
  const from = monthYear(start);
  // (Whether months supported before 7/2025 count toward the 120 is not settled in a text the team could read: said so.)
  const early = start < 2025 * 12 + 6 ? ' nếu các tháng đã được hỗ trợ trước 7/2025 cũng tính vào 10 năm (số tháng đã được hỗ trợ xem trên VssID; xác nhận qua 1900 9068)' : '';
  // (What is paid after it, at the floor of that year: "sau đó phải đóng bao nhiêu".)
  const after = rulesOnDay(`${Math.floor((last + 1) / 12)}-${String(((last + 1) % 12) + 1).padStart(2, '0')}-15`).period;
  const floorPremium = applyRate(incomeLimits(after).floor, after.rate);
  const paidAfter = over ? '' : `, ở mức thấp nhất khoảng ${formatNumber(floorPremium)} đồng/tháng${after.provisional ? ' (dự kiến)' : ''}`;
  return `Đóng ${gap >= 1 && gap <= 60 ? `từ tháng ${from}, trừ ${gap} tháng nghỉ,` : `liên tục từ tháng ${from}`}${s.startYear < 2018 ? ' (hỗ trợ tính từ 1/2018)' : ''} thì 120 tháng được hỗ trợ ${over ? 'đã hết' : 'hết'} vào tháng ${monthYear(last)}${early}; sau đó anh/chị tự đóng toàn bộ 22%${paidAfter} (tháng nào không đóng thì không tính vào 120 tháng).`;
}

/** A relative said to draw a pension, before the asker says they want to pay for them. */
const RELATIVE_DRAWS_PENSION = /\b(?:me|bo|cha|ong|ba|vo|chong) (?:toi |em |e |minh |chau )?(?:\w+ ){0,3}(?:dang |da )(?:huong|nhan|lanh|an|co) luong huu\b/;
const FOR_RELATIVE =
  /\b(?:mua|dong|tham gia|dang ky|nop tien)\b(?: \w+){0,5} (?:cho|giup) (?:vo|chong|con|con gai|con trai|bo|me|bo me|cha|cha me|ong|ba|nguoi than|nguoi nha|chau|anh trai|chi gai|em trai|em gai|ca nha|ca gia dinh|gia dinh|nguoi trong nha|vo con)\b(?! (?:hoi|xin|duoc hoi))/;
/** Whether two phrases name the same relative (the last relative word of the second is the first word of the first), or one is unnamed ("người thân"). */
function sameRelativeNamed(holder: string, paidFor: string): boolean {
  const who = holder.split(' ')[0];
  const target = /(?:cho|giup) ((?:\w+ )?\w+)$/.exec(paidFor)?.[1] ?? '';
  return !has(/^(?:bo|me|cha|ong|ba|vo|chong)\b/, target) || target.split(' ').includes(who ?? '') || (target === 'bo me' || target === 'cha me');
}
/** A death dated before 1/7/2025 ("tháng 3/2020 … qua đời", "mất năm 2019", "mất ngày 5/3/2024"). */
const DIED_ON = /\b(?:qua doi|mat|chet|tu vong|tu tran) (?:\w+ ){0,3}?(?:(?:vao |tu |hoi )?(?:ngay \d{1,2} )?(?:thang )?(\d{1,2}) (?:nam )?|(?:vao |tu |hoi )?nam )(20[0-2]\d)\b/;
/** … or told before the death word ("Tháng 3/2020 chồng tôi bị tai nạn qua đời"), not the end of a period ("đến 12/2024 thì mất"). */
const DATE_THEN_DIED =
  /(?<!\b(?:den|toi|het|sang|tu) (?:thang |nam )?)\b(?:thang (\d{1,2}) (?:nam )?|nam )(20[0-2]\d)\b(?: (?!(?:19|20)\d\d\b|\d{1,2} (?:19|20)\d\d\b)\w+){0,6} (?:qua doi|mat|chet|tu vong|tu tran)\b/;
/** Whether years already withdrawn still count ("12 năm đã rút có còn được tính không"). */
// (Or the earlier years asked about later, after a withdrawal told: "… 8 năm trước đây có được tính gộp vào không".)
// ("2 năm của vợ em còn tính không": whose years, named.)
/** The book's birth date against the ID's ("sổ … ghi ngày sinh tháng 3/1972 nhưng căn cước ghi tháng 3/1971"). */
const BOOK_VS_ID =
  /\bso\b(?: \w+){0,4} ghi (?:\w+ ){0,3}?(?:thang (\d{1,2}) (?:nam )?|nam )?(19[4-9]\d)\b(?: \w+){0,3}? (?:can cuoc|cccd|cmnd|chung minh|giay khai sinh|khai sinh)(?: \w+){0,3}? (?:ghi|la) (?:\w+ ){0,3}?(?:thang (\d{1,2}) (?:nam )?|nam )?(19[4-9]\d)\b/;
/** The ID's first ("sinh tháng 7/1965 theo CCCD, nhưng sổ BHXH lại ghi 7/1964"). */
const ID_VS_BOOK =
  /\bsinh (?:(?:thang )?(\d{1,2}) (?:nam )?|nam )?(19[4-9]\d)\b(?: \w+){0,2}? theo (?:can cuoc|cccd|cmnd|chung minh|giay khai sinh|khai sinh)\b(?: \w+){0,4}? so\b(?: \w+){0,4}? ghi (?:la )?(?:(?:thang )?(\d{1,2}) (?:nam )?|nam )?(19[4-9]\d)\b/;
/** The two dates, the book's then the ID's, as [book month, book year, ID month, ID year] (a month may be missing). */
function bookAndIdDates(f0: string): Array<string | undefined> | undefined {
  // (Full dates, "ghi ngày sinh 01/01/1971 trong khi CCCD ghi 15/09/1971": their months.)
  const f = f0.replace(/\b\d{1,2} (\d{1,2}) ((?:19|20)\d\d)\b/g, 'thang $1 $2');
  const m = BOOK_VS_ID.exec(f);
  if (m) return [m[1], m[2], m[3], m[4]];
  const r = ID_VS_BOOK.exec(f);
  return r ? [r[3], r[4], r[1], r[2]] : undefined;
}
/** Whose book it is, by the sex told or the relative named ("sổ BHXH của mẹ em"). */
const bookSex = (f: string, s: Situation): 'male' | 'female' | undefined =>
  s.sex ?? (has(/\bso (?:\w+ ){0,2}cua (?:me|vo|chi|ba|co|di)\b/, f) ? 'female' : has(/\bso (?:\w+ ){0,2}cua (?:bo|cha|chong|anh|ong|chu|bac)\b/, f) ? 'male' : undefined);
/** Voluntary insurance asked on top of a contract's compulsory one ("cty đóng bắt buộc rồi thì e đóng thêm bh tự nguyện"). */
const voluntaryOnTop = (f: string, s: Situation): boolean => s.employment === 'contract' && has(/\b(?:dong|mua|tham gia|dang ky) them\b(?: \w+){0,4} tu nguyen\b/, f);
/** Which of two subsidy groups counts ("theo diện dân tộc hay diện hộ nghèo", "hưởng cả hai mức không"). */
const WHICH_GROUP =
  /\b(?:dan toc|dtts|ho ngheo|can ngheo|ngheo)(?: \w+){0,2} hay (?:\w+ ){0,2}(?:dan toc|dtts|ho ngheo|can ngheo|ngheo)\b|\btheo (?:dien|muc|nhom) nao\b|\b(?:cong|huong|duoc) (?:ca )?(?:hai|2) (?:muc|dien)\b/;
// ("có được tính lại 12 năm cũ không": the verb first.)
export const EARLIER_YEARS_COUNTED = /\b(?:tinh lai|cong lai) (?:\d+|nhung|may|so) nam\b|\b(?:\d+|nhung|may|so) nam (?:truoc day|truoc|cu|da dong|do|bat buoc|cua (?:vo|chong|bo|me|toi|em|e|minh)(?: (?:toi|em|e|minh))?)\b(?: \w+){0,2} (?:co )?(?:con )?(?:duoc )?(?:tinh|cong)\b/;
export const WITHDRAWN_COUNTED = /\b(?:da|duoc) (?:rut|nhan|huong|lanh)\b(?: \w+){0,6} (?:co )?(?:con )?(?:duoc )?(?:tinh|cong|cong don|tinh vao|tinh tiep)\b/;
/** Someone named to receive or claim for the person ("ủy quyền cho vợ", "nhận thay bố", "rút hộ mẹ"). */
const PROXY_ASKED =
  /\buy quyen\b|\b(?:nhan|linh|lanh|lay|rut|lam (?:ho so|thu tuc)) (?:\w+ ){0,4}(?:thay|ho|dum|giup) (?:cho )?(?:bo|me|cha|ong|ba|chong|vo|con|anh|chi|em|nguoi nha|nguoi than)\b/;
/** Said out of poverty ("thoát nghèo", "không còn là hộ nghèo"), not out of the near-poor group. */
const LEFT_POVERTY_SAID = /\b(?:thoat ngheo|het (?:ho )?ngheo|ra khoi (?:ho )?ngheo|khong con (?:la )?ho ngheo)\b/;
/** The support of the next period asked ("kỳ đóng tới thì tôi được hỗ trợ bao nhiêu", "từ nay được hỗ trợ mấy %"). */
const NEXT_SUPPORT_ASKED = /\b(?:ky (?:dong )?(?:toi|sau|tiep|moi)|tu nay|sap toi|lan sau|nam sau)\b(?: \w+){0,6} ho tro (?:\w+ ){0,2}(?:bao nhieu|may|the nao)\b/;
/** The support after leaving poverty (Decree 159/2025): the group of everyone else, or the near-poor's if so listed. */
const OUT_OF_POVERTY_SUPPORT =
  'Kỳ đóng tiếp theo tính theo nhóm mới: đã thoát nghèo thì Nhà nước hỗ trợ như người khác, 20% mức đóng thấp nhất ({SUPPORT_OTHER} đồng/tháng, nộp {PAY_OTHER} đồng ở mức thấp nhất); nếu được công nhận hộ cận nghèo thì 40% ({SUPPORT_NEAR_POOR} đồng, nộp {PAY_NEAR_POOR} đồng).';
/** … for a member of an ethnic minority, whose own group's 30 % remains. */
const OUT_OF_POVERTY_SUPPORT_ETHNIC =
  'Kỳ đóng tiếp theo tính theo nhóm mới: đã thoát nghèo thì anh/chị vẫn là người dân tộc thiểu số nên được hỗ trợ 30% mức đóng thấp nhất ({SUPPORT_ETHNIC} đồng/tháng, nộp {PAY_ETHNIC} đồng ở mức thấp nhất), không phải 20% như người khác; nếu được công nhận hộ cận nghèo thì 40% ({SUPPORT_NEAR_POOR} đồng, nộp {PAY_NEAR_POOR} đồng).';
const outOfPovertySupport = (s: Situation): string => (s.ethnicMinority === true ? OUT_OF_POVERTY_SUPPORT_ETHNIC : OUT_OF_POVERTY_SUPPORT);
/** Years paid ahead named ("đóng luôn trước 8 năm", "đóng một lần cho 3 năm"). */
const YEARS_AHEAD_NAMED = /\b(?:dong|nop) (?:\w+ ){0,2}truoc (\d{1,2}) nam\b|\b(?:dong|nop) (?:\w+ ){0,2}(?:mot lan|1 lan) (?:cho )?(\d{1,2}) nam (?:ve sau|toi|sau)\b/;
/** A top-up asked for what was paid ("có phải đóng bù phần chênh lệch không", "… phần chênh không"; "lương cơ sở tăng thì phần tôi đã đóng có
 * phải đóng bù không", without the word). */
export const TOP_UP_ASKED =
  /\b(?:dong|nop) (?:bu|them) (?:\w+ ){0,2}(?:chenh lech|phan chenh|tien chenh)\b|\bchenh lech\b(?: \w+){0,6} (?:dong|nop) (?:bu|them)\b|\b(?:luong co so|chuan ngheo|muc tham chieu|muc dong toi thieu|muc dong thap nhat) (?:\w+ ){0,2}tang\b(?: \w+){0,10} (?:da dong|dong truoc)\b(?: \w+){0,4} (?:dong|nop) (?:bu|them)\b/;
/** A spouse (or a parent) told to be in a scheme ("vợ đóng tự nguyện", "chồng em làm công ty có đóng bảo hiểm", "cả hai vợ
 * chồng"), or the asker in compulsory insurance beside a spouse named ("tôi đóng bắt buộc ở công ty … vợ tôi mang thai"). */
const SPOUSE_SCHEME =
  /\b(?:chong|vo|bo|me|cha|ba xa|ong xa) (?:\w+ ){0,5}(?:dong|tham gia|co|lam) (?:\w+ ){0,4}(?:bhxh|bat buoc|tu nguyen|bao hiem|cong ty|cty|hop dong)\b|\b(?:bhxh|bat buoc|tu nguyen|bao hiem) (?:\w+ ){0,3}(?:cua |ca )?(?:chong|vo) (?:toi|em|minh|tui)\b|\b(?:hai|2) vo chong\b|\bca (?:hai )?vo chong\b/;
const ASKER_COMPULSORY = /\b(?:toi|em|minh|tui) (?:\w+ ){0,3}(?:dong|tham gia|co) (?:bhxh |bao hiem )?(?:bat buoc|o cong ty|tai cong ty)\b/;
/** A birth or pregnancy told or asked about ("vợ sắp sinh", "thai sản", "2 triệu"): what the parents' rules are for. */
// (The allowance's "2 triệu" asked for, not an income of 2 million: "mức thu nhập 2 triệu".)
export const BIRTH_TOLD =
  /\b(?:sinh con|sinh be|sinh mo|sinh thuong|sinh doi|vo sinh|sap sinh|de con|thai san|nghi may ngay|mang thai|co bau|song thai)\b|\b(?:duoc|nhan|lanh|huong|co) (?:\w+ )?(?:2 ?tr|2 trieu|hai trieu)\b|\b(?:e|em|toi|minh|khi|se) sinh\b(?! (?:nam|ngay|thang|vao|ra|song|vien|nhat|\d))/;
/** Asks whether both parents get the birth allowance ("cả hai suất", "hai vợ chồng đều được nhận"). */
const BOTH_PARENTS_ASKED = /\b(?:ca hai suat|hai suat|ca hai (?:vo chong )?(?:deu |co )?(?:cung )?(?:duoc|nhan)|(?:2|hai) vo chong (?:deu |co )?(?:cung )?(?:duoc|nhan)|moi nguoi (?:duoc|nhan) (?:1|mot) suat|moi nguoi (?:co )?(?:duoc )?(?:nhan|huong|lanh) (?:\w+ ){0,2}(?:rieng|suat))\b/;
/** One birth allowance a child when both parents qualify. */
const ONE_ALLOWANCE = 'Hai vợ chồng cùng đóng BHXH tự nguyện và cùng đủ điều kiện thì mỗi con chỉ một người nhận 2.000.000 đồng (một suất, không nhận cả hai).';
/** The spouse "also" paying voluntary insurance ("chồng em cũng đóng tự nguyện"): both parents in the same scheme. */
// (Not "vợ chồng cùng đóng", both of them asking together: the spouse of the one who writes.)
export const BOTH_VOLUNTARY = /\b(?:(?:chong|vo) (?:toi|em|minh|tui)|ong xa|ba xa) cung (?:\w+ ){0,2}(?:dong|tham gia) (?:bhxh |bao hiem )?tu nguyen\b/;
/**
 * A job left by a month told, or lost to a layoff ("nghỉ việc cuối tháng 6/2026 … bị cắt giảm tháng 9/2026, đang hưởng trợ cấp
 * thất nghiệp"): no one in compulsory insurance at a birth to come, so not parents in two schemes. (Not a quit planned.)
 */
export const JOB_LEFT = /(?<!\b(?:dinh|se|sap|tinh|muon) )\bnghi viec (?:tu |vao |tu cuoi |cuoi )?(?:thang \d|nam \d|\d{1,2} \d{4})|\bbi cat giam\b|\b(?:huong|lanh|nhan|an) (?:tro cap |tien )?that nghiep\b/;
export const spouseInAScheme = (f: string): boolean => has(SPOUSE_SCHEME, f) || (has(ASKER_COMPULSORY, f) && has(/\b(?:vo|chong)\b/, f));
/** Money or years paid asked whether lost ("tiền đã đóng có bị mất không", "có mất 5 năm trước không"). */
export const LOSES_PAID =
  /\b(?:tien|thoi gian|nhung nam|may nam|so nam|\d{1,2} nam (?:cu|truoc|da dong))\b(?: \w+){0,4} (?:co )?(?:bi )?mat (?:khong|het|luon|di|ko)\b|\b(?:co )?(?:bi )?mat (?:(?:\d+|may|cac|nhung) )?(?:nam|thoi gian|so nam|nhung nam|tien)(?: \w+){0,3} (?:khong|ko|k)\b|\b(?:lo|so|ngai) (?:bi )?mat (?:het |trang |luon )?(?:tien|so nam|thoi gian|nhung nam|cac nam|so tien)\b/;
/** The words of the folded text up to the end of `re`'s first match, the last `n` before it included; "" if none. */
function wordsBefore(f: string, re: RegExp, n: number): string {
  const m = re.exec(f);
  if (!m) return '';
  const before = f.slice(0, m.index).trim().split(' ');
  return `${before.slice(-n).join(' ')} ${m[0]}`;
}
function diedBeforeReform(f: string): boolean {
  const m = DIED_ON.exec(f) ?? DATE_THEN_DIED.exec(f);
  if (!m) return false;
  const year = Number(m[2]);
  const month = Number(m[1] ?? 0);
  return year < 2025 || (year === 2025 && month >= 1 && month < 7);
}
/** Papers lent to someone who used them ("cho một người cháu mượn chứng minh thư để làm sổ"); "mượn" alone folds as
 * "muốn" (to want), so only "cho … mượn" counts. */
const LENT_ID =
  /\bcho (?:\w+ ){0,4}muon (?:\w+ ){0,2}(?:chung minh thu|chung minh nhan dan|cmnd|cmt|cccd|can cuoc)\b|\b(?:mao danh|dung ten|su dung) (?:\w+ ){0,2}(?:chung minh thu|cmnd|cccd|can cuoc) (?:cua )?(?:toi|em|minh)\b/;
/** The month a baby is due ("dự sinh tháng 6/2027", "sinh vào tháng 3 năm 2027"). */
// ("dự sinh khoảng tháng 3/2027", "dự sinh giữa tháng 12/2026" too.)
// ("dự sinh ngày 3/8/2027": the day before the month.)
const DUE = /\b(?:du sinh|sinh|de|du kien sinh) (?:vao )?(?:khoang |cuoi |dau |giua )?(?:ngay \d{1,2} )?(?:thang )?(\d{1,2}) (?:nam )?(20\d\d)\b/;
/** The month of pregnancy told instead of the due month ("mang thai tháng thứ 5", "có bầu được 3 tháng"). */
const PREGNANT_MONTH = /\b(?:mang thai|co thai|co bau|mang bau|bau)(?: duoc)? (?:thang thu )?([1-9])(?: thang)?\b/;

/** The due month and year told, or reckoned from the month of pregnancy (nine months in all): "approx" then. */
function dueMonth(f: string, day: string): { at: number; approx: boolean } | undefined {
  const due = DUE.exec(f);
  if (due) return { at: Number(due[2]) * 12 + Number(due[1]) - 1, approx: false };
  // ("Tụi em tính cuối năm 2027 sinh em bé", "đầu năm 2028 sinh": about its last or first months.)
  const part = /\b(cuoi|dau|giua) nam (20\d\d) (?:\w+ ){0,3}(?:sinh|de|co em be|co con)\b|\b(?:sinh|de) (?:\w+ ){0,3}(?:vao )?(cuoi|dau|giua) nam (20\d\d)\b/.exec(f);
  if (part) {
    const [when, year] = [part[1] ?? part[3], Number(part[2] ?? part[4])];
    return { at: year * 12 + (when === 'cuoi' ? 10 : when === 'dau' ? 1 : 5), approx: true };
  }
  const month = PREGNANT_MONTH.exec(f);
  return month ? { at: monthIndex(day) + 9 - Number(month[1]), approx: true } : undefined;
}
/** Not yet paying: months already paid are another rule's ("chưa đóng" is not paying; "đóng bắt buộc" is another person's). */
// (Paying since an earlier month, "đều đóng tự nguyện từ tháng 1/2025", is paying; "đóng ngay từ tháng 12/2026" is a plan.)
function notPayingYet(f: string, day: string | undefined): boolean {
  // (A few months paid so far, "mới đóng được 2 tháng (tháng 10 với 11)": reckoned with them, as one just starting; "liên tục
  // được 10 tháng nay" is paying.)
  const soFar = PAID_SO_FAR.exec(f);
  if (soFar) return Number(soFar[1]) < 6;
  // ("đăng ký đóng" folds to "dang ky dong": a plan, not "đang đóng".)
  if (has(/\b(?:da|dang(?! ky)) (?:\w+ ){0,2}dong\b(?! bat buoc)/, f.replace(/\bchua (?:\w+ ){0,2}dong\b/g, ' '))) return false;
  // ("đóng BHXH tự nguyện đều đặn từ năm 2023": paying since a year.)
  // (Not another's compulsory insurance, "công ty có đóng bhxh bắt buộc cho anh ấy từ 2022".)
  const since = /\b(?:dong|nop|tham gia)\b(?: \w+){0,5} tu (?:thang (\d{1,2}) (?:nam )?|nam )?(20\d\d)\b/.exec(f.replace(/\b(?:dong|nop) (?:bhxh |bao hiem (?:xa hoi )?)?bat buoc\b(?: \w+){0,5}? tu (?:thang \d{1,2} (?:nam )?|nam )?20\d\d\b/g, ' '));
  return !(since && day !== undefined && Number(since[2]) * 12 + Number(since[1] ?? 1) - 1 < monthIndex(day));
}

/**
 * Someone below the retirement age asking what a number of years gives ("Nữ 55 tuổi, đóng đủ 15 năm …"): the years alone
 * open no pension, the age must be reached too; the birth year reckoned from the age.
 */
function waitForAgeNote(s: Situation): string | undefined {
  // (Near the age only, 50 and over: a younger person plans for later anyway.)
  if (s.age === undefined || s.age < 50 || s.sex === undefined || s.year === undefined || s.drawingPension === true) return undefined;
  if (s.age * 12 >= retirementAgeMonths(s.sex, s.year)) return undefined;
  const when = retirementDateLead('', { sex: s.sex, birthYear: s.birthYear ?? s.year - s.age, birthMonth: s.birthMonth });
  return `Anh/chị ${s.age} tuổi nên chưa hưởng được ngay: có đủ năm đóng vẫn phải chờ đủ tuổi nghỉ hưu.${when ? ` ${when}` : ''}`;
}

/** Whole years of a stop asked to be paid back ("muốn đóng bù 4 năm 2023-2026 cho liền mạch được không"): they cannot be. */
export function yearsBackpayLead(f: string): string | undefined {
  return has(/\b(?:dong bu|truy dong|bu lai)\b(?: \w+){0,3} (?:\d{1,2} nam|nhung nam|may nam|cac nam|(?:19|20)\d\d)\b/, f)
    ? 'Không đóng bù được những năm đã ngừng: BHXH tự nguyện chỉ tính các tháng thực đóng, những năm đã qua không đóng thì không truy đóng. Chỉ khi đến tuổi nghỉ hưu mà còn thiếu không quá 5 năm để đủ 15 năm mới được đóng một lần phần còn thiếu.'
    : undefined;
}

/** The pension's average is every month's, not the last years' (Law 41/2024 Art 104). */
export const AVERAGE_NOT_LAST_YEARS =
  'Không đúng: lương hưu tính trên bình quân thu nhập đã đóng của cả quá trình (có trượt giá), không theo mức của mấy năm cuối; nâng mức vài năm cuối chỉ nâng bình quân lên một phần.';
/** Driving or delivering through an app ("chạy grab", "xe ôm công nghệ", "shipper"). */
const APP_DRIVER = /\b(?:chay (?:xe )?(?:grab|be|gojek|xanh sm|xe om cong nghe|xe cong nghe|taxi cong nghe)|tai xe (?:grab|be|gojek|xanh sm|cong nghe)|xe om cong nghe|grab ?bike|grab ?car|shipper|giao hang (?:cho |qua )?(?:grab|shopee|be|app|ung dung))\b/;

/** "Không: …" when the 60/55 rule is asked and 20 voluntary years come only after the general retirement age. */
function earlyRuleOutOfReach(f: string, s: Situation): string | undefined {
  // ("12 năm bắt buộc và 8 năm tự nguyện, tổng đúng 20 năm … nghe nói đủ 20 năm thì nam 60 tuổi được về hưu": the rule counts
  // voluntary years only.)
  const voluntary = s.yearsPaid !== undefined && s.compulsoryYears !== undefined && s.compulsoryYears > 0 ? s.yearsPaid - s.compulsoryYears : undefined;
  if (voluntary !== undefined && voluntary > 0 && voluntary < 20 && s.sex && has(/\b(?:55|60) tuoi\b/, f) && has(/\b20 nam\b/, f)) {
    // (Voluntary since before 2021, still paying, and 20 voluntary years within reach before the general age: "… bắt buộc 3 năm
    // (2004–2006), sau đó đóng BHXH tự nguyện liên tục từ tháng 1/2008 đến hết tháng 12/2026 … tôi đã 55 tuổi rồi": 12 months more.)
    if (s.voluntarySince !== undefined && s.voluntarySince < 2021 * 12 && s.day !== undefined && s.birthYear !== undefined && s.birthMonth !== undefined && s.yearsPaid !== undefined) {
      const more = Math.round((20 - voluntary) * 12);
      const reach = monthIndex(s.day) + more;
      const age = (s.birthYear + (s.sex === 'female' ? 55 : 60)) * 12 + s.birthMonth - 1;
      const general = reaches(s.sex, s.birthYear, s.birthMonth).at;
      const from = Math.max(reach, age) + 1;
      if (from < general + 1) {
        return `Chưa: quy định nghỉ hưu ở ${s.sex === 'female' ? '55' : '60'} tuổi cần đủ 20 năm đóng tự nguyện (bắt đầu trước 1/1/2021); ${s.compulsoryYears} năm bắt buộc không được tính, anh/chị có ${spell(voluntary)} tự nguyện. Đóng tiếp thêm ${spell(more / 12)} (đến tháng ${monthYear(reach)}) là đủ 20 năm tự nguyện, rồi hưởng lương hưu từ tháng ${monthYear(from)}, sớm hơn tuổi nghỉ hưu chung (tháng ${monthYear(general)}); tỷ lệ theo tổng số năm đóng, ${spell(s.yearsPaid + more / 12)}: ${ratePct(s.sex, s.yearsPaid + more / 12)}%.`;
      }
    }
    return `Không: quy định nghỉ hưu ở ${s.sex === 'female' ? '55' : '60'} tuổi chỉ dành cho người bắt đầu đóng BHXH tự nguyện trước 1/1/2021 và có đủ 20 năm đóng tự nguyện; ${s.compulsoryYears} năm bắt buộc không được tính vào 20 năm đó, anh/chị có ${spell(voluntary)} tự nguyện, nên hưởng lương hưu theo tuổi nghỉ hưu chung.`;
  }
  // ("làm công nhân cơ khí ở Biên Hòa 20 năm, đóng BHXH đầy đủ … người lại bảo đủ 20 năm rồi thì 60 tuổi lãnh được": years of a
  // job only, none of them voluntary.)
  // (Compulsory years told as such are notTransitionalLead's.)
  const jobYearsOnly = s.compulsoryYears === undefined && (s.yearsKind === 'compulsory' || (s.yearsKind === undefined && s.employment === 'left_job' && has(/\b(?:cong ty|xi nghiep|nha may|cong nhan)\b/, f)));
  if (jobYearsOnly && (s.yearsPaid ?? 0) >= 20 && has(/\b(?:55|60) tuoi\b/, f) && has(/\b20 nam\b/, f)) {
    const at = (sex: 'male' | 'female'): string => {
      const r = reaches(sex, s.birthYear!, s.birthMonth!);
      return `${sex === 'male' ? 'nam' : 'nữ'} ${formatAge(r.age)}, tháng ${monthYear(r.at)}`;
    };
    const general = s.birthYear !== undefined && s.birthMonth !== undefined ? ` (sinh tháng ${s.birthMonth}/${s.birthYear}: ${s.sex ? at(s.sex) : `${at('male')}; ${at('female')}`})` : '';
    return `Không: quy định nghỉ hưu ở 60 tuổi (nam), 55 tuổi (nữ) chỉ dành cho người bắt đầu đóng BHXH tự nguyện trước 1/1/2021 và có đủ 20 năm đóng tự nguyện; năm đóng bắt buộc không được tính vào 20 năm đó. Anh/chị hưởng lương hưu khi đủ tuổi nghỉ hưu chung${general}.`;
  }
  // ("… bắt buộc từ 2008 đến hết 2020 (12 năm), rồi … đóng tự nguyện từ tháng 3/2021 đến nay … đóng đủ 20 năm là được về hưu năm
  // 55 tuổi, có đúng với chị không": voluntary begun after the date.)
  const voluntarySince = /\b(?:dong|tham gia) (?:bhxh |bao hiem )?tu nguyen (?:\w+ ){0,2}?tu (?:thang (\d{1,2}) )?(?:nam )?(20[2-9]\d)\b/.exec(f);
  if (voluntarySince && Number(voluntarySince[2]) >= 2021 && has(/\b(?:55|60) tuoi\b/, f) && has(/\b20 nam\b/, f)) {
    const early = s.sex === 'female' ? '55' : s.sex === 'male' ? '60' : '55 (nữ) hay 60 (nam)';
    const general = s.sex === 'female' ? 'nữ 60 tuổi với người sinh từ 5/1975' : s.sex === 'male' ? 'nam 62 tuổi với người sinh từ 4/1966' : 'nữ 60 tuổi với người sinh từ 5/1975, nam 62 tuổi với người sinh từ 4/1966';
    return `Không: quy định nghỉ hưu ở ${early} tuổi chỉ dành cho người bắt đầu đóng BHXH tự nguyện trước 1/1/2021 và có đủ 20 năm đóng tự nguyện; anh/chị đóng tự nguyện từ ${voluntarySince[1] ? `tháng ${voluntarySince[1]}/` : 'năm '}${voluntarySince[2]}, nên hưởng lương hưu theo tuổi nghỉ hưu chung (${general}).`;
  }
  if (s.startYear === undefined || s.startYear >= 2021 || (s.yearsPaid ?? 0) >= 20 || !s.sex || s.birthYear === undefined || s.birthMonth === undefined) return undefined;
  if (!has(/\b(?:55|60) tuoi\b/, f) || !has(/\btruoc (?:nam )?2021\b/, f)) return undefined;
  const twenty = s.startYear * 12 + (s.startMonth ?? 1) - 1 + 239;
  const general = reaches(s.sex, s.birthYear, s.birthMonth).at;
  if (twenty + 1 < general) return undefined;
  return `Không: quy định nghỉ hưu ở ${s.sex === 'female' ? '55' : '60'} tuổi dành cho người đóng tự nguyện từ trước 1/1/2021 cần đủ 20 năm đóng tự nguyện; đóng liên tục từ ${s.startMonth ? `tháng ${s.startMonth}/` : 'năm '}${s.startYear} thì đến tháng ${monthYear(twenty)} mới đủ 20 năm, khi đó đã qua tuổi nghỉ hưu chung (tháng ${monthYear(general)}). Anh/chị hưởng lương hưu theo tuổi nghỉ hưu chung, từ tháng ${monthYear(general + 1)} nếu đủ 15 năm đóng.`;
}

/** Months paid so far, a few ("mới đóng bhxh tự nguyện được 2 tháng", "đóng được 3 tháng rồi"). */
const PAID_SO_FAR = /\b(?:dong|tham gia) (?:\w+ ){0,6}?duoc (\d{1,2}) thang\b(?! (?:nua|toi|sau))/;

/**
 * Joining now in time for the birth allowance: the months from now to the due month (told, or reckoned from the month
 * of pregnancy) against the 6 needed in the 12 before the birth (Law 41/2024 Art 94-95).
 */
function birthInTimeLead(s: Situation, f: string): string | undefined {
  const due = s.day === undefined ? undefined : dueMonth(f, s.day);
  if (!due || s.day === undefined) return undefined;
  const now = monthIndex(s.day);
  // (Still insured by a job until a month planned, "đang làm cty …, đóng bhxh bắt buộc đc 6 năm liên tục tới giờ. E định nghỉ
  // việc cuối tháng 3/2027 … nếu sinh khoảng tháng 10/2027": no voluntary insurance beside it; its months before the birth count.)
  const quit = has(/\bdang (?:lam|di lam)\b(?: [\w,]+){0,12}? bat buoc\b/, f) ? /\b(?:dinh|se|sap|du dinh|tinh) nghi viec (?:\w+ ){0,2}?(?:thang )?(\d{1,2}) (?:nam )?(20\d\d)\b/.exec(f) : null;
  if (quit) {
    const last = Number(quit[2]) * 12 + Number(quit[1]) - 1;
    const counted = Math.max(0, Math.min(last, due.at - 1) - (due.at - 12) + 1);
    const when = due.approx ? `khoảng tháng ${monthYear(due.at)}` : `tháng ${monthYear(due.at)}`;
    return `Đang đóng BHXH bắt buộc ở công ty thì chưa đóng tự nguyện được (không tham gia hai loại cùng lúc): nghỉ việc rồi mới đăng ký tự nguyện, từ tháng ${monthYear(last + 1)}. Đóng bắt buộc đến tháng ${monthYear(last)} là ${counted} tháng trong 12 tháng trước tháng sinh (${when})${counted >= 6 ? ': đủ 6 tháng, nên thường được hưởng chế độ thai sản bên BHXH bắt buộc dù đã nghỉ việc trước khi sinh (cao hơn khoản 2.000.000 đồng của tự nguyện); hỏi 1900 9068 để xác nhận' : `; cộng các tháng đóng tự nguyện từ tháng ${monthYear(last + 1)} đến trước tháng sinh, đủ 6 tháng thì được trợ cấp 2.000.000 đồng mỗi con`}.`;
  }
  const when = due.approx ? `dự sinh khoảng tháng ${monthYear(due.at)}` : monthYear(due.at);
  // (A period paid from a past month, "Tháng 3/2026 em đã đóng … 12 tháng một lần": its months count, and the ones after it.)
  const from0 = s.paidFromMonth;
  if (from0 !== undefined && from0 < now && due.at - from0 >= 6 && due.at >= now) {
    // (Six months or more in the window paid already, before this month: the allowance is due even if paying stops now,
    // "định dừng đóng tự nguyện từ tháng 1/2027 … dự sinh tháng 3/2027".)
    const already = now - Math.max(from0, due.at - 12);
    if (already >= 6) return `Anh/chị đã đóng từ tháng ${monthYear(from0)}: trong 12 tháng trước tháng sinh (${when}) đã có ít nhất ${already} tháng đóng, đủ 6 tháng, nên được trợ cấp 2.000.000 đồng mỗi con, kể cả khi ngừng đóng trước khi sinh.`;
    return `Anh/chị đã đóng từ tháng ${monthYear(from0)}: đóng tiếp đều thì trong 12 tháng trước tháng sinh (${when}) có đủ 6 tháng đóng, nên được trợ cấp 2.000.000 đồng mỗi con.`;
  }
  // (A start planned in a month to come: the months from it to the birth.)
  const planned = s.plannedFromMonth;
  if (planned !== undefined && planned > now && due.at > planned) {
    const months = due.at - planned;
    return months >= 6
      ? `Nếu bắt đầu đóng từ tháng ${monthYear(planned)} thì đến trước tháng sinh (${when}) được ${months} tháng, đủ 6 tháng đóng trong 12 tháng trước khi sinh: được trợ cấp 2.000.000 đồng mỗi con.`
      : `Nếu bắt đầu đóng từ tháng ${monthYear(planned)} thì đến trước tháng sinh (${when}) chỉ được ${months} tháng, chưa đủ 6 tháng trong 12 tháng trước khi sinh nên lần sinh này không được trợ cấp 2.000.000 đồng; ${
          // (The last month in time already past: even starting this month is too late.)
          due.at - 6 >= now ? `muốn kịp thì phải bắt đầu đóng chậm nhất từ tháng ${monthYear(due.at - 6)}.` : `dù bắt đầu ngay tháng ${monthYear(now)} cũng chỉ được ${due.at - now} tháng, không kịp cho lần sinh này.`
        }`;
  }
  const paidSoFar = Number(PAID_SO_FAR.exec(f)?.[1] ?? 0);
  if (paidSoFar > 0 && paidSoFar < 12 && due.at >= now) {
    // (The months paid so far, then this month and the next ones up to the birth.)
    const total = Math.min(12, paidSoFar + due.at - now);
    return total >= 6
      ? `Anh/chị đã đóng ${paidSoFar} tháng; đóng tiếp đều đến trước tháng sinh (${when}) thì được ${total} tháng, đủ 6 tháng đóng trong 12 tháng trước khi sinh: được trợ cấp 2.000.000 đồng mỗi con.`
      : `Anh/chị đã đóng ${paidSoFar} tháng; dù đóng tiếp đều thì đến trước tháng sinh (${when}) cũng chỉ được ${total} tháng, chưa đủ 6 tháng trong 12 tháng trước khi sinh nên lần sinh này chưa được trợ cấp 2.000.000 đồng (đóng trước cho các tháng sau khi sinh không được tính). Những lần sinh sau vẫn được khi đủ điều kiện; nếu người cha đã đóng BHXH từ đủ 6 tháng trong 12 tháng trước khi sinh thì người cha được nhận.`;
  }
  const months = due.at - now;
  if (months < 0 || months > 24) return undefined;
  // (The mother's job insured until a month told, "Vợ e 27t làm cty giày từ 3/2020, nghỉ việc cuối tháng 6/2026": its months in
  // the 12 before the birth count beside the voluntary ones from now, Art 95.)
  const job = /\b(?:vo (?:toi|em|e|minh)|toi|em|e|minh)\b(?: [\w,]+){0,12}? (?:cty|cong ty|xuong|nha may|xi nghiep)\b(?: [\w,]+){0,8}? (?:nghi viec|thoi viec|nghi lam)(?: \w+){0,2}? thang (\d{1,2}) (?:nam )?(20\d\d)\b/.exec(f);
  const jobEnd = job ? Number(job[2]) * 12 + Number(job[1]) - 1 : undefined;
  const earlier = jobEnd !== undefined && jobEnd < now ? Math.max(0, Math.min(jobEnd, due.at - 1) - (due.at - 12) + 1) : 0;
  if (earlier > 0 && months <= 12) {
    const total = Math.min(12, earlier + months);
    return `Cộng các tháng đóng bắt buộc đến tháng ${job![1]}/${job![2]} (${earlier} tháng trong 12 tháng trước tháng sinh ${monthYear(due.at)}) và các tháng đóng tự nguyện từ tháng ${monthYear(now)} đến trước tháng sinh (${months} tháng) là ${total} tháng, ${total >= 6 ? 'đủ 6 tháng nên người mẹ được trợ cấp 2.000.000 đồng mỗi con (đóng tự nguyện ngay từ tháng này)' : 'chưa đủ 6 tháng nên lần sinh này chưa được trợ cấp 2.000.000 đồng'}.`;
  }
  const from = monthYear(now);
  // (The husband paying since a month or a year, "Chồng em thì đóng BHXH tự nguyện hằng tháng từ đầu năm 2024 tới giờ": he
  // receives it when the mother is too late.)
  const his = /\bchong (?:\w+ ){0,6}?(?:dong|tham gia) (?:\w+ ){0,6}?tu (?:dau nam |thang (\d{1,2}) (?:nam )?|nam )?(20\d\d) (?:\w+ ){0,2}(?:toi|den) (?:gio|nay)\b/.exec(f);
  const hisStart = his ? Number(his[2]) * 12 + Number(his[1] ?? 1) - 1 : undefined;
  if (months < 6 && hisStart !== undefined && due.at - hisStart >= 6) {
    return `Nếu chị bắt đầu đóng từ tháng ${from} thì đến trước tháng sinh (${when}) chỉ được ${months} tháng, chưa đủ 6 tháng nên chị chưa được trợ cấp. Nhưng chồng chị đóng từ ${his![1] ? `tháng ${his![1]}/` : 'năm '}${his![2]} đến nay: đóng đều đến khi sinh thì đủ 6 tháng trong 12 tháng trước khi sinh, nên chồng chị được nhận trợ cấp 2.000.000 đồng cho mỗi con (chỉ một người nhận).`;
  }
  return months >= 6
    ? `Nếu đăng ký và đóng ngay từ tháng ${from} thì đến trước tháng sinh (${when}) được ${months} tháng, đủ 6 tháng đóng trong 12 tháng trước khi sinh: được trợ cấp 2.000.000 đồng mỗi con.${months === 6 ? ' Cần đóng ngay trong tháng này: bắt đầu từ tháng sau thì chỉ còn 5 tháng.' : ''}`
    : `Nếu đóng từ tháng ${from} thì đến trước tháng sinh (${when}) chỉ được ${months} tháng, chưa đủ 6 tháng trong 12 tháng trước khi sinh nên lần sinh này không được trợ cấp 2.000.000 đồng (đóng trước cho các tháng sau khi sinh không được tính); muốn kịp cho lần sinh này thì lẽ ra phải bắt đầu đóng chậm nhất từ tháng ${monthYear(due.at - 6)}. Những lần sinh sau vẫn được khi đủ điều kiện.`;
}

/**
 * A husband paying voluntary insurance since a past month, the wife not insured, a birth due ("Chồng em đóng BHXH tự nguyện từ
 * tháng 3/2026, tháng nào cũng đóng đều. Em ở nhà nội trợ, không tham gia bảo hiểm gì, dự sinh tháng 5/2027"): his months
 * count for the father's allowance. `f` is the whole letter's folded words.
 */
export function fatherInTimeLead(s: Situation, f: string): string | undefined {
  const his = HUSBAND_PAYING_SINCE.exec(f);
  if (!his || s.day === undefined || !has(/\b(?:em|toi|minh|vo (?:toi|em|minh)) (?:\w+ ){0,6}(?:khong|chua) (?:\w+ ){0,2}(?:dong|tham gia)\b/, f) || has(/\b(?:dung|ngung|nghi|bo) (?:dong|nop)\b/, f)) return undefined;
  const due = dueMonth(f, s.day);
  const now = monthIndex(s.day);
  const from = Number(his[2]) * 12 + Number(his[1]) - 1;
  if (!due || from >= now || due.at < now) return undefined;
  const when = due.approx ? `dự sinh khoảng tháng ${monthYear(due.at)}` : monthYear(due.at);
  return due.at - from >= 6
    ? `Chồng anh/chị đóng từ tháng ${monthYear(from)}: đóng tiếp đều thì trong 12 tháng trước tháng sinh (${when}) có đủ 6 tháng đóng, nên người cha được nhận trợ cấp 2.000.000 đồng mỗi con, dù người mẹ không tham gia.`
    : `Chồng anh/chị đóng từ tháng ${monthYear(from)}: đến trước tháng sinh (${when}) chỉ được ${due.at - from} tháng, chưa đủ 6 tháng nên lần sinh này chưa được trợ cấp.`;
}
/** The last month of a quarter just paid ("vừa đóng xong quý 4/2026"), when it runs to this month or later. */
function quarterPaidEnd(f: string, day: string | undefined): number | undefined {
  const q = /\b(?:da|vua) (?:dong|nop) (?:xong |het )?(?:cho )?quy (\d) (?:nam )?(20\d\d)\b/.exec(f);
  if (!q || day === undefined || Number(q[1]) < 1 || Number(q[1]) > 4) return undefined;
  const end = Number(q[2]) * 12 + Number(q[1]) * 3 - 1;
  return end >= monthIndex(day) ? end : undefined;
}
/** A husband paying since a month told ("Chồng em đóng BHXH tự nguyện từ tháng 3/2026"). */
const HUSBAND_PAYING_SINCE = /\b(?:chong|ong xa) (?:toi|em|minh|tui|e) (?:\w+ ){0,3}?(?:dong|tham gia)\b(?: \w+){0,5}? tu (?:thang )?(\d{1,2}) (?:nam )?(20\d\d)\b/;
/** Paying since a month told ("đóng BHXH tự nguyện hằng tháng từ tháng 4/2026 đến nay"). */
const PAYING_SINCE_MONTH = /\b(?:dong|tham gia|bat dau)\b(?: \w+){0,5}? tu (?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d\d)\b(?= (?:\w+ ){0,3}(?:den nay|toi nay|den gio|hang thang|deu))/;

/** Drawing unemployment benefit now ("đang nhận trợ cấp thất nghiệp", "trong thời gian hưởng bảo hiểm thất nghiệp"). */
const ON_UNEMPLOYMENT_BENEFIT = /\b(?:dang|trong khi|trong thoi gian) (?:\w+ ){0,2}(?:huong|nhan|lanh) (?:tro cap that nghiep|bao hiem that nghiep|bhtn)\b/;

/** A dead member's pension asked to go on to someone ("lĩnh tiếp lương hưu của bố", "nhận lương hưu thay anh"). */
const PENSION_OF_THE_DEAD = /\b(?:linh|lanh|nhan|huong|an) (?:(?:tiep|thay|lai) (?:luong huu|tien huu) (?:cua )?|(?:luong huu|tien huu) (?:cua|thay|tiep|thay cho|tiep cua) )(?:bo|me|cha|chong|vo|ong|ba|anh|chi)\b/;

/** A job's compulsory insurance told by its end ("đóng bhxh bắt buộc tới hết tháng 4/2026 thì nghỉ việc"). */
const JOB_ENDED = /\bbat buoc\b(?: \w+){0,4}? (?:toi|den) (?:het )?thang \d{1,2} (?:nam )?20\d\d (?:thi |roi )?(?:nghi|thoi)\b/;
/**
 * Voluntary since a month told after a job ("tới hết tháng 4/2026 thì nghỉ việc, từ tháng 5/2026 chuyển qua đóng tự nguyện",
 * "… thì nghỉ việc, tháng 9/2026 e đăng ký đóng tự nguyện").
 */
const MOVED_TO_VOLUNTARY = /\btu (?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d\d) (?:\w+ ){0,3}?(?:chuyen (?:qua|sang) )?(?:dong|tham gia)(?: \w+){0,2}? tu nguyen\b|\bnghi (?:viec|lam)(?: ,)? (?:den |toi |sang )?thang \d{1,2} (?:nam )?(?:19|20)\d\d (?:\w+ ){0,3}?(?:dang ky|chuyen (?:qua|sang)|bat dau) (?:dong |tham gia )?(?:\w+ ){0,2}?tu nguyen\b/;

/**
 * The months a mother paying since a month told will have in the 12 before the due month, paying on until the birth:
 * enough for the 2,000,000 allowance or not (Law 41/2024 Art 94-95).
 */
function ownMonthsBeforeBirth(s: Situation, f: string): string | undefined {
  const since = PAYING_SINCE_MONTH.exec(f) ?? MOVED_TO_VOLUNTARY.exec(f);
  const due = s.day === undefined ? undefined : dueMonth(f, s.day);
  if (!since || !due || Number(since[1]) < 1 || Number(since[1]) > 12) return undefined;
  const start = Number(since[2]) * 12 + Number(since[1]) - 1;
  const months = due.at - Math.max(start, due.at - 12);
  if (months < 1 || months > 12) return undefined;
  return months >= 6
    ? `Anh/chị đóng từ tháng ${monthYear(start)}, đóng tiếp đến khi sinh thì có ${months} tháng trong 12 tháng trước tháng sinh (${monthYear(due.at)}), đủ 6 tháng: được trợ cấp 2.000.000 đồng mỗi con.`
    : `Anh/chị đóng từ tháng ${monthYear(start)}: đến trước tháng sinh (${monthYear(due.at)}) chỉ có ${months} tháng, chưa đủ 6 tháng nên lần sinh này chưa được trợ cấp 2.000.000 đồng.`;
}

/** The asker's own start ("em đóng bhxh tự nguyện hàng tháng từ tháng 5/2026 đến nay"). */
const OWN_START_AFTER = /\b(?:em|toi|minh|e|tui) (?:\w+ ){0,6}?tu thang (\d{1,2}) (?:nam )?(20\d\d)\b/;

/** A period paid, then stopped ("đóng … từ tháng 1 đến tháng 4/2026 (4 tháng) rồi nghỉ"). */
// (Its start told by the year alone, its end without "tháng": "đóng bhxh tn từ 2019 tới hết 12/2025 thì ngưng".)
const PAID_THEN_STOPPED = /\btu (?:thang (\d{1,2})(?: (?:nam )?(20\d\d))?|(?:nam )?(20\d\d)) (?:den|toi) (?:het )?(?:thang )?(\d{1,2}) (?:nam )?(20\d\d)\b(?: [\w()]+){0,6}? (?:roi|thi|va) (?:\w+ )?(?:nghi|dung|ngung|thoi)\b/;

/**
 * Months paid before a birth by someone who paid for a while and stopped: those within the 12 months before the birth
 * month, and the months left to pay if they start again now; 6 are needed for the 2,000,000 allowance.
 */
function paidBeforeBirthLead(s: Situation, f: string): string | undefined {
  const due = s.day === undefined ? undefined : dueMonth(f, s.day);
  const p = PAID_THEN_STOPPED.exec(f);
  if (!due || !p || s.day === undefined) return undefined;
  // (The months of a member who died are not the mother's: "Con trai tôi … đóng … đến hết tháng 6/2026 thì tạm dừng …
  // tháng 10/2026 cháu mất … Con dâu tôi chưa đóng BHXH, nếu bây giờ đăng ký … đóng trước luôn 12 tháng": hers from now.)
  if (s.memberDied && has(/\bchua (?:tung |bao gio )?(?:dong|tham gia)\b/, f)) {
    const left = due.at - monthIndex(s.day);
    const at = due.approx ? `khoảng tháng ${monthYear(due.at)}` : `tháng ${monthYear(due.at)}`;
    return left >= 6
      ? `Người mẹ bắt đầu đóng từ tháng ${monthYear(monthIndex(s.day))} và đóng đều đến khi sinh (${at}) thì có ${left} tháng, đủ 6 tháng để nhận trợ cấp 2.000.000 đồng mỗi con.`
      : `Chưa đủ: người mẹ bắt đầu đóng từ tháng ${monthYear(monthIndex(s.day))} thì đến trước tháng sinh (${at}) chỉ có ${Math.max(0, left)} tháng, chưa đủ 6 tháng trong 12 tháng trước khi sinh; đóng trước cho các tháng sau ngày sinh không được tính, và các tháng người chồng đã mất đóng không cộng cho vợ. Lần sinh này chưa được trợ cấp 2.000.000 đồng.`;
  }
  // (Or the mother's own start told after the member's period, "chồng em … đóng từ 1/2020 đến 12/2025 thì nghỉ … mất … em đóng
  // … hàng tháng từ tháng 5/2026 đến nay": her months, not his.)
  const own = s.memberDied ? OWN_START_AFTER.exec(f.slice(p.index + p[0].length)) : null;
  if (own) {
    const months = Math.min(12, due.at - (Number(own[2]) * 12 + Number(own[1]) - 1));
    const at = due.approx ? `khoảng tháng ${monthYear(due.at)}` : `tháng ${monthYear(due.at)}`;
    if (months > 0) {
      return months >= 6
        ? `Anh/chị đóng từ tháng ${own[1]}/${own[2]}: đóng đều đến trước tháng sinh (${at}) là ${months} tháng, đủ 6 tháng nên được trợ cấp 2.000.000 đồng mỗi con (các tháng người đã mất đóng không cộng cho người mẹ).`
        : `Anh/chị đóng từ tháng ${own[1]}/${own[2]}: đến trước tháng sinh (${at}) chỉ được ${months} tháng, chưa đủ 6 tháng nên lần sinh này chưa được trợ cấp 2.000.000 đồng.`;
    }
  }
  const endYear = Number(p[5]);
  const from = Number(p[2] ?? p[3] ?? endYear) * 12 + Number(p[1] ?? 1) - 1;
  const to = endYear * 12 + Number(p[4]) - 1;
  if (to < from || to - from > 120) return undefined;
  const paid = Math.max(0, Math.min(to, due.at - 1) - Math.max(from, due.at - 12) + 1);
  const now = monthIndex(s.day);
  // (A start again after the stop, "… đến hết tháng 4/2026 rồi nghỉ việc, tháng 9/2026 em đăng ký đóng tự nguyện … đóng đều":
  // its months up to the birth count too, Art 95.)
  const again = STARTED_MONTH.exec(startsInOrder(f.slice(p.index + p[0].length)));
  const since = again ? Number(again[2]) * 12 + Number(again[1]) - 1 : undefined;
  const resumed = since !== undefined && since > to ? resumedBeforeBirthLead(paid, since, due.at, due.approx ? `khoảng tháng ${monthYear(due.at)}` : `tháng ${monthYear(due.at)}`, has(/\bbat buoc\b/, f.slice(0, p.index + p[0].length))) : undefined;
  if (resumed) return resumed;
  const more = Math.max(0, due.at - Math.max(now, to + 1));
  const when = due.approx ? `khoảng tháng ${monthYear(due.at)}` : `tháng ${monthYear(due.at)}`;
  if (paid >= 6) return `Anh/chị đã có ${paid} tháng đóng trong 12 tháng trước ${when}: đủ 6 tháng, nên được trợ cấp 2.000.000 đồng mỗi con.`;
  if (paid + more >= 6) return `Trong 12 tháng trước ${when} anh/chị mới có ${paid} tháng đóng, chưa đủ 6: đóng lại ngay từ tháng ${monthYear(now)} thì đến trước tháng sinh được thêm ${more} tháng, đủ 6 tháng để nhận trợ cấp 2.000.000 đồng mỗi con.`;
  return `Chưa đủ điều kiện: trong 12 tháng trước ${when} anh/chị chỉ có ${paid} tháng đóng${more > 0 ? `, đóng lại ngay cũng chỉ thêm được ${more} tháng` : ''}, chưa đủ 6 tháng nên lần sinh này không được trợ cấp 2.000.000 đồng (không được đóng bù cho các tháng đã qua); những lần sinh sau vẫn được khi đủ điều kiện.`;
}

/** The deadline to pay asked ("hạn chót", "hạn nộp", "khi nào phải nộp", "nộp chậm nhất"). */
// ("trễ nhất tới tháng mấy phải nộp" too; "giờ nộp cả năm được nữa không" after months unpaid.)
const DEADLINE_ASKED = /\b(?:(?:cham|tre|muon) nhat (?:la |toi |den )?(?:thang may|thang nao|ngay nao|khi nao|bao gio)|han (?:chot|cuoi|nop|dong)|(?:khi nao|bao gio|luc nao) (?:\w+ ){0,2}(?:phai |can )?(?:nop|dong)(?: tien)?(?: (?:cham nhat|muon nhat))?|(?:nop|dong) (?:\w+ ){0,2}(?:cham nhat|muon nhat|toi da) (?:la )?(?:khi nao|bao gio|ngay nao|thang nao)|(?:van )?chua (?:nop|dong)(?: tien)? (?:thi sao|thi co sao|thi the nao|thi co bi|co sao|co bi)|(?:nop|dong) bu (?:\w+ ){0,3}(?:duoc|dc) (?:khong|ko|k)|(?:nop|dong) (?:\w+ ){0,2}(?:duoc|dc) nua (?:khong|ko|k))\b/;
/** A period's mode and its first month ("12 tháng một lần, bắt đầu từ tháng 3/2026"). */
const MODE_MONTHS = /\b(?:dong |theo |phuong thuc )?(12|6|3) thang (?:mot|1) (?:lan|ky)\b|\bky (12|6|3) thang\b(?! (?:cuoi|truoc|dau)\b)|\b(?:dong |theo )?(hang nam|nam mot lan|6 thang|nua nam|quy|hang quy)\b|\b(?:dong (?:theo )?|theo )(nam)\b(?! (?:\d|nay|sau|truoc|toi|nua))/;
const PERIOD_START = /\b(?:bat dau|tu|ky (?:\w+ )?tu) (?:tu )?thang (\d{1,2}) (?:nam )?((?:19|20)\d\d)\b/;

/** The last month to pay for the period told, with the rule it comes from (undefined when the mode or start is not told). */
function periodDeadline(f: string): string | undefined {
  const mode = MODE_MONTHS.exec(f);
  // (The period named as such first: "đóng … từ tháng 12/2019 …, theo kỳ 12 tháng, kỳ mới bắt đầu từ tháng 12/2026".)
  const start = /\bky (?:moi |nay |toi |tiep theo )?(?:bat dau )?(?:tu )?thang (\d{1,2}) (?:nam )?((?:19|20)\d\d)\b/.exec(f) ?? PERIOD_START.exec(f);
  if (!mode || !start) return undefined;
  const named = mode[3];
  const months = mode[1] || mode[2] ? Number(mode[1] ?? mode[2]) : named === 'quy' || named === 'hang quy' ? 3 : named === '6 thang' || named === 'nua nam' ? 6 : 12;
  const m = Number(start[1]);
  if (m < 1 || m > 12) return undefined;
  const first = Number(start[2]) * 12 + m - 1;
  // Within the first 7 months of a year, the first 4 of six months, the 3 months of a quarter.
  const within = months === 12 ? 7 : months === 6 ? 4 : 3;
  const rule = months === 12 ? 'kỳ 12 tháng nộp trong 7 tháng đầu' : months === 6 ? 'kỳ 6 tháng nộp trong 4 tháng đầu' : 'kỳ 3 tháng nộp trong 3 tháng đó';
  return `Kỳ ${months} tháng bắt đầu từ tháng ${monthYear(first)}: hạn nộp chậm nhất là hết tháng ${monthYear(first + within - 1)} (${rule})${has(/\bcuoi nam\b/, f) && (first + within) % 12 !== 0 ? ', không phải cuối năm' : ''}. Quá hạn mà chưa nộp thì coi như tạm dừng đóng; muốn đóng tiếp thì đăng ký lại với đại lý thu, thời gian đã đóng vẫn được giữ.`;
}

/** When a period of `months` (3, 6 or 12) must be paid: within its 3 months, the first 4 of six, the first 7 of twelve. */
export function paidWithin(months: number): string {
  return months === 12 ? 'trong 7 tháng đầu của kỳ' : months === 6 ? 'trong 4 tháng đầu của kỳ' : 'trong 3 tháng của kỳ';
}

/** An allowance asked for a relative ("mẹ tôi có được khoản trợ cấp hằng tháng nào không"). */
const RELATIVE_ALLOWANCE = /\b(?:me|bo|ba|ong|cha) (?:toi |em |minh )?(?:\w+ ){0,3}(?:co )?(?:duoc|nhan|huong) (?:\w+ ){0,2}(?:tro cap|khoan)\b/;

/**
 * The social pension's age for this person (Law 41/2024 Art 21: 75, or 70 for a poor or near-poor household), when
 * their age is told: reached, or the years to wait.
 */
function socialPensionAgeLead(s: Situation): string | undefined {
  // (A pension drawn by a member who died, "bố tôi hưởng lương hưu … thì mất. Mẹ tôi 72 tuổi …", is not the one asked about's.)
  if (s.age === undefined || s.age < 50 || (s.drawingPension === true && !s.memberDied)) return undefined;
  const from = socialPensionAge(s);
  const who = `${s.age} tuổi${s.household ? `, hộ ${s.household === 'poor' ? 'nghèo' : 'cận nghèo'}` : ''}`;
  return s.age >= from
    ? `Người ${who}, không có lương hưu hay trợ cấp BHXH hằng tháng, đã đủ tuổi hưởng trợ cấp hưu trí xã hội 500.000 đồng/tháng (từ đủ ${from} tuổi): làm văn bản đề nghị gửi UBND xã/phường.`
    : `Người ${who}: trợ cấp hưu trí xã hội 500.000 đồng/tháng có từ đủ ${from} tuổi (còn ${from - s.age} năm nữa), nếu khi đó không có lương hưu hay trợ cấp BHXH hằng tháng.`;
}

/** Paying wished or weighed for the person ("muốn đóng tự nguyện cho bà", "nếu bà đóng … bây giờ", "có nên đóng không"). */
const WANTS_TO_PAY = /\b(?:muon|dinh|nen|co nen|can|phai) (?:\w+ ){0,3}(?:dong|tham gia|mua)\b|\b(?:dong|tham gia) (?:\w+ ){0,3}(?:bay gio|tu nay|tiep)\b/;

/** The pension rate asked ("được mấy phần trăm", "tỷ lệ bao nhiêu", "tỷ lệ lương hưu khác nhau thế nào"). */
// ("Đóng 15 năm với 20 năm thì lương hưu chênh nhau thế nào?": the rates of the two.)
export const RATE_ASKED = /\b(?:(?:may|bao nhieu) phan tram|ty le (?:\w+ ){0,3}(?:bao nhieu|khac nhau|the nao|ra sao|chenh)|luong huu (?:\w+ ){0,2}(?:chenh|hon kem|khac) nhau)\b/;

/** Someone paying for the asker ("mẹ muốn đóng tự nguyện cho tôi", "bố mua bảo hiểm cho em"). */
const PAYS_FOR_ASKER = /\b(?:dong|mua|nop)\b(?: \w+){0,5} (?:cho|giup) (?:toi|em|minh|tui)\b(?! hoi)/;
/** A payment's deadline asked by when ("hạn chót là khi nào", "hạn cuối ngày nào"). */
const DEADLINE_WHEN = /\bhan (?:chot|cuoi)(?: (?:dong|nop))? (?:la )?(?:khi nao|ngay nao|bao gio|thang nao|luc nao)\b/;
/** Whether one may go on asked ("đóng tự nguyện tiếp được không"). */
const GO_ON_ASKED = /\b(?:tham gia (?:\w+ ){0,3}tu nguyen|dong tiep|nop tiep|tiep tuc (?:tham gia|dong|nop)|dong (?:bhxh )?tu nguyen)\b(?: \w+){0,3} (?:duoc )?(?:khong|chua|hay khong)\b/;
const JOIN_OR_GO_ON = /\b(?:tham gia (?:\w+ ){0,3}tu nguyen|dong tiep|nop tiep|tiep tuc (?:tham gia|dong|nop)|dong (?:bhxh )?tu nguyen|dang k[iy] (?:\w+ ){0,2}tu nguyen)\b/;

/** A poor or near-poor household, or an ethnic minority (the groups whose health card the State pays or supports). */
const poorHousehold = (f: string, s: Situation): boolean => s.household === 'poor' || s.household === 'near_poor' || has(/\bdan toc thieu so\b/, f);
/** A poor or near-poor household's health card asked, not an older person's (theirs comes with the social pension). */
const poorHouseholdCard = (f: string, s: Situation): boolean =>
  has(HEALTH_CARD, f) && poorHousehold(f, s) && !has(OLDER_PERSON, f) && !(s.age !== undefined && s.age >= 70);
/** An older person named (their card comes with the social pension). */
const OLDER_PERSON = /\b(?:nguoi (?:cao tuoi|gia)|tuoi gia|[7-9]\d tuoi|huu tri xa hoi)\b/;
/** The social pension named ("trợ cấp hưu trí xã hội"; the over-80s' allowance it replaced is spelt the same, ask-text.ts). */
const SOCIAL_PENSION_NAMED = /\bhuu tri xa hoi\b/;
/** Years of voluntary insurance only (no compulsory years told). */
const VOLUNTARY_ONLY = (f: string, s: Situation): boolean =>
  s.yearsKind === 'voluntary' || (has(/\btu nguyen\b/, f) && !has(/\b(?:bat buoc|cong ty|doanh nghiep|co quan)\b/, f));

/** A birth year told and when the retirement age comes asked ("sinh tháng 12/1964, đủ tuổi nghỉ hưu vào tháng nào"). */
export function asksRetirementDate(f: string): boolean {
  return (
    has(/\bsinh (?:(?:ngay \d{1,2} )?thang \d{1,2} (?:nam )?|nam |(?:ngay )?\d{1,2} \d{1,2} |\d{1,2} )?19[4-9]\d\b/, f) &&
    has(/\b(?:khi nao|bao gio|nam nao|thang nao|luc nao|may tuoi|bao nhieu tuoi|tuoi nghi huu|tuoi ve huu|du tuoi (?:\w+ ){0,2}chua)\b/, f.replace(/\bchua (?:\w+ ){0,3}bao gio\b/g, ' ')) &&
    // ("bao giờ đủ tuổi nghỉ": the pension's age, the word cut short.)
    has(/\b(?:nghi huu|ve huu|luong huu|huu|tuoi nghi)\b/, f) &&
    // (A birth year recorded wrong is a correction to make first: "ghi sai năm sinh 1967".)
    !has(/\bsai (?:\w+ ){0,1}(?:nam sinh|ngay sinh|thang sinh)\b/, f)
  );
}

/** More than 5 years asked to be paid ahead at once ("đóng trước 7 năm một lúc"), or undefined. */
/** "Không được đóng trước 8 năm một lần: …" for more than 5 years ahead asked at once; undefined otherwise. */
export function overFiveAheadLead(f: string): string | undefined {
  const n = yearsAhead(f);
  return n === undefined ? undefined : `Không được đóng trước ${n} năm một lần: mỗi lần đóng trước tối đa 5 năm (60 tháng); hết thời gian đã đóng trước thì đóng tiếp kỳ sau.`;
}

function yearsAhead(f: string): number | undefined {
  // ("đóng trước BHXH tự nguyện một lần cho 10 năm luôn": the years after "một lần cho".)
  // ("đóng BHXH tự nguyện 1 lần cho 10 năm luôn": the years to come, not missing ones.)
  const n = /\b(?:dong|nop) (?:truoc )?(?:\w+ ){0,3}?(\d{1,2}) nam (?:\w+ ){0,1}(?:mot luc|1 luc)\b|\b(?:dong|nop) truoc (?:\w+ ){0,3}?(\d{1,2}) nam\b|\b(?:dong|nop) truoc (?:\w+ ){0,4}?(?:mot lan|1 lan) cho (\d{1,2}) nam\b|\b(?:dong|nop) (?:\w+ ){0,4}?(?:mot lan|1 lan) cho (\d{1,2}) nam (?:luon|ve sau|sau nay|toi)\b/.exec(f);
  const years = Number(n?.[1] ?? n?.[2] ?? n?.[3] ?? n?.[4]);
  return years > 5 && years <= 30 ? years : undefined;
}

/**
 * A level named below the floor (`high` false) or above the ceiling, whether it may be chosen asked; an amount asked
 * ("… 60 triệu thì đóng bao nhiêu") gets the contribution's own sentence instead (contributionLead).
 */
function levelOutOfRange(name: string, high: boolean, entry: string): AskRoute {
  return {
    name,
    decisive: true,
    asks: (f, s) => !has(/\bbao nhieu\b/, f) && levelOutOfRangeLead(f, s)?.high === high,
    entry,
    lead: (s, f) => levelOutOfRangeLead(f, s)?.lead,
    leadsAlways: true,
  };
}

/** Monthly money for old people without a pension, told as heard of ("luật mới cho người già ko có lương hưu được nhận tiền hằng tháng"). */
const OLD_AGE_MONEY = /\bnguoi (?:gia|cao tuoi)(?: \w+){0,6}? (?:nhan|duoc|lanh|co) (?:\w+ )?tien hang thang\b/;
/**
 * The social pension said for this person: reached or not by their age and household (a lump sum taken before is no
 * bar); or, joining asked by someone short of its age, what joining would take at that age.
 */
const PARENT_NAME: Readonly<Record<string, string>> = { ba: 'Ba', bo: 'Bố', cha: 'Cha', me: 'Mẹ', ma: 'Má', ong: 'Ông', 'ba noi': 'Bà', 'ba ngoai': 'Bà' };

/** The social pension's age for each of two parents whose birth years are told (Situation.parentsBorn), when they differ on it. */
function parentsSocialPensionLead(s: Situation): string | undefined {
  const told = s.parentsBorn;
  if (!told || s.day === undefined || s.drawingPension === true) return undefined;
  const ages = told.map(([, born]) => Number(s.day!.slice(0, 4)) - born);
  const from = socialPensionAge(s);
  if (ages.every((a) => a >= from) || ages.every((a) => a < from - 5)) return undefined;
  return told
    .map(([name, born], k) => {
      const age = ages[k]!;
      const who = `${PARENT_NAME[name] ?? 'Người'} (sinh năm ${born}, năm nay khoảng ${age} tuổi)`;
      return age >= from ? `${who}: đã đủ tuổi hưởng trợ cấp hưu trí xã hội 500.000 đồng/tháng (từ đủ ${from} tuổi), làm văn bản đề nghị gửi UBND xã/phường.` : `${who}: từ năm ${born + from} (đủ ${from} tuổi) mới được, nếu khi đó vẫn không có lương hưu hay trợ cấp BHXH hằng tháng${from === 70 ? ' và còn thuộc hộ nghèo, cận nghèo' : ''}.`;
    })
    .join(' ');
}

function socialPensionLead(s: Situation, f: string): string | undefined {
  if (has(JOIN_ASK, f) && (!(s.age !== undefined && s.age >= socialPensionAge(s)) || has(WANTS_TO_PAY, f))) return yearsLead(s);
  const parents = parentsSocialPensionLead(s);
  if (parents) return parents;
  return [socialPensionAgeLead(s), s.withdrewBefore ? 'Đã nhận BHXH một lần trước đây không làm mất quyền này: điều kiện là không có lương hưu hay trợ cấp BHXH hằng tháng.' : undefined].filter(Boolean).join(' ') || undefined;
}

/** Back from work abroad and asking to join ("Anh đi XKLĐ Hàn Quốc … về nước tháng 10/2024 … đóng tự nguyện tiếp được không"). */
const backFromAbroad = (f: string): boolean =>
  // ("đi xkld Hàn Quốc về từ 2025": back since a date.)
  has(/\b(?:ve nuoc|da ve|moi ve|ve han|tro ve|ve que(?! (?:vai|may|mot vai|\d) lan))\b|\b(?:xkld|xuat khau lao dong|han quoc|nhat ban|nhat|dai loan|malaysia) (?:\w+ ){0,2}ve tu (?:nam |thang )?\d/, f) &&
  // (Still living abroad, home for visits: "Từ 2024 em sang Campuchia buôn bán …, mỗi năm về quê vài lần".)
  has(/\b(?:xkld|xuat khau lao dong|han quoc|nhat ban|dai loan|nuoc ngoai|malaysia|thuc tap sinh)\b/, f) &&
  has(/\b(?:dong|tham gia) (?:\w+ ){0,3}?(?:tu nguyen|tiep)\b/, f) &&
  // (A job before going is past: "Trước khi đi anh có làm công ty đóng BHXH được 3 năm".)
  !has(/\b(?:dang|hien) (?:\w+ ){0,2}(?:hop dong|lam cong ty|lam cty)\b/, f) &&
  !has(/\b(?:se|sap|dinh|chuan bi|sap sua) (?:\w+ ){0,2}(?:di|sang|qua)\b/, f) &&
  // (Still abroad, the return to come: "đang du học thạc sĩ ở Hàn Quốc 2 năm rồi về, … có được không hay phải chờ về nước?".)
  !has(/\bdang (?:\w+ ){0,2}(?:du hoc|hoc o|song o|lam viec o)\b|\b(?:cho|doi|phai cho|phai doi) (?:den khi |toi khi )?ve nuoc\b/, f) &&
  // (Not back yet: "dự kiến cuối 2027 mới về", "khi anh về".)
  !has(/\b(?:du kien|se|sap|khi (?:anh|chong|em|no)?) (?:\w+ ){0,3}(?:moi )?ve\b|\bchua ve\b/, f) &&
  // (Years paid abroad asked about, "đóng nenkin … 3 năm có được tính": another rule.)
  !(has(/\bnenkin\b|\b(?:dong|co) (?:\w+ ){0,3}(?:o|ben|tai) (?:nhat|han quoc|dai loan|nuoc ngoai)\b/, f) && !has(/\btruoc khi (?:di|sang|qua)\b/, f));

/** No paying on once the pension is drawn, and the way that exists. */
const PAY_ON_AFTER_PENSION = 'Không: khi đã hưởng lương hưu thì không tham gia BHXH tự nguyện nữa, nên không đóng thêm để tăng lương hưu được. Muốn tỷ lệ cao hơn thì đóng thêm trước khi làm hồ sơ hưởng lương hưu (mỗi năm thêm 2%, tối đa 75%).';

export const ASK_ROUTES: readonly AskRoute[] = [
  {
    // A spouse's pension told, the asker's own joining asked ("Chồng tôi … đang lãnh lương hưu. Tôi … chưa đóng bảo hiểm ngày
    // nào. Chồng có lương hưu thì tôi có được tham gia BHXH tự nguyện không?"): yes, the rule on pensioners is the husband's.
    name: 'spouse-pensioner-asker-joins',
    // (The whole message's reading may take the husband's pension for the asker's: the ask's own words decide.)
    asks: (f) =>
      !has(/\b(?:toi|em|minh|tui) (?:\w+ ){0,2}(?:dang |da )?(?:huong|lanh|linh|nhan|an) luong huu\b/, f) &&
      has(/\b(?:chong|vo|ong xa|ba xa)(?: (?:toi|em|minh|tui))? (?:\w+ ){0,4}?(?:co|huong|lanh|linh|nhan|an) (?:\w+ )?luong huu\b/, f) &&
      has(/\b(?:toi|em|minh|tui) (?:co )?(?:duoc )?(?:tham gia|dong)(?: (?:bhxh|bao hiem|xa hoi|tu nguyen|tn))* (?:duoc |dc )?(?:khong|ko|k)\b/, f) &&
      // (Not the pensioner's own joining asked: "chồng tôi có được đóng thêm không".)
      !has(/\b(?:chong|vo|ong xa|ba xa)(?: (?:toi|em|minh|tui))? (?:co )?(?:duoc )?(?:dong|tham gia) (?:them|tiep)\b/, f),
    entry: 'eligibility.who_can_join',
    lead: () => 'Được: chồng hoặc vợ đang hưởng lương hưu không ảnh hưởng gì đến anh/chị; chỉ người đang tự mình hưởng lương hưu hay trợ cấp BHXH hằng tháng mới không tham gia BHXH tự nguyện. Anh/chị chưa hưởng lương hưu nên đăng ký được (từ đủ 15 tuổi, không có tuổi tối đa).',
    leadsAlways: true,
    replaces: ['eligibility.pensioner', 'eligibility.pensioner_working'],
  },
  {
    // Whether a spouse's pension affects the asker ("Chồng tôi đã có lương hưu thì tôi có bị ảnh hưởng gì không?"): no.
    name: 'spouse-pension-affects-asker',
    asks: (f) =>
      has(/\b(?:chong|vo|ong xa|ba xa)(?: (?:toi|em|minh|tui))? (?:\w+ ){0,4}?(?:co|huong|lanh|linh|nhan|an) (?:\w+ )?luong huu\b/, f) &&
      has(/\b(?:toi|em|minh|tui) (?:\w+ ){0,2}(?:bi )?anh huong\b|\banh huong (?:gi )?(?:den|toi) (?:toi|em|minh|tui|quyen loi (?:cua )?(?:toi|em|minh|tui))\b/, f),
    entry: 'eligibility.who_can_join',
    // (No "anh/chị": said in the pensioner's turn of a letter, it would be turned into "anh ấy".)
    lead: () => 'Không ảnh hưởng: vợ hoặc chồng có lương hưu không làm mất hay giảm quyền của người kia; mỗi người tham gia và hưởng theo thời gian đóng của chính mình (chỉ người tự mình đang hưởng lương hưu hay trợ cấp BHXH hằng tháng mới không đóng BHXH tự nguyện).',
    leadsAlways: true,
  },
  {
    // Paying on after the pension begins asked ("Sau khi hưởng lương hưu, chúng tôi có được tiếp tục đóng tự nguyện để tăng
    // lương hưu không?"): no; extra years are paid before claiming, not after.
    name: 'pay-on-after-pension',
    asks: (f) => has(/\b(?:sau khi|khi da|da) (?:\w+ ){0,2}(?:huong|nhan|lanh|linh|co) luong huu\b(?: [\w,]+){0,6}? (?:tiep tuc |van )?(?:dong|tham gia|nop) (?:\w+ ){0,2}(?:tu nguyen|them|tiep)\b/, f),
    entry: 'eligibility.pensioner',
    lead: () => PAY_ON_AFTER_PENSION,
  },
  {
    // A relative drawing a pension who wants to pay more, an ask after the asker's own story ("Tôi … đóng 10 năm … Chồng tôi
    // muốn đóng thêm tự nguyện để tăng lương hưu có được không?"): the same no.
    name: 'relative-pays-on-after-pension',
    asks: (f) => has(/\b(?:chong|vo|bo|me|cha|ong|ba) (?:toi|em|minh|tui) (?:muon|dinh|co the) (?:dong|tham gia) (?:them )?(?:bhxh )?(?:tu nguyen )?(?:them )?de tang luong huu\b/, f),
    entry: 'eligibility.pensioner',
    lead: () => PAY_ON_AFTER_PENSION,
    laterAskOnly: true,
  },
  {
    // Drawing the monthly allowance of Art 23 (at the age with under 15 years) and asking to pay on ("Bố tôi 65 tuổi đang
    // nhận trợ cấp hằng tháng theo Điều 23 vì chỉ có 9 năm BHXH, giờ muốn đóng tự nguyện tiếp"): not while drawing it.
    name: 'monthly-allowance-joins',
    asks: (f) =>
      has(/\b(?:dang|hien) (?:\w+ )?(?:nhan|huong|lanh|linh) tro cap hang thang\b/, f) &&
      has(/\bdieu 23\b|\bchua du 15 nam\b|\bchi co \d{1,2} nam\b|\bvi (?:chi )?(?:co )?\d{1,2} nam\b/, f) &&
      has(/\b(?:dong|tham gia) (?:\w+ ){0,3}(?:tu nguyen|tiep|them)\b/, f),
    entry: 'eligibility.pensioner',
    lead: () => 'Không, trong khi đang hưởng trợ cấp hằng tháng: người đang hưởng lương hưu, trợ cấp BHXH hằng tháng hoặc trợ cấp hằng tháng (Điều 23) không thuộc diện tham gia BHXH tự nguyện. Việc dừng nhận trợ cấp để đóng tiếp có được không và tính thế nào thì cần hỏi cơ quan BHXH đang chi trả hoặc 1900 9068.',
    leadsAlways: true,
    decisive: true,
  },
  {
    // The book's birth year unlike the ID card's ("Sổ BHXH ghi năm sinh 1968 nhưng căn cước là 1969 … sửa thế nào, có ảnh
    // hưởng tuổi nghỉ hưu không"): the record corrected, which the retirement age is reckoned from.
    name: 'birth-year-mismatch',
    asks: (f) => has(/\bghi (?:nam sinh|ngay sinh|ngay thang nam sinh) (?:\w+ )?(?:19|20)\d\d\b(?: [\w,()]+){0,8}? (?:la|ghi) (?:\w+ )?(?:19|20)\d\d\b|\blech (?:nam sinh|ngay sinh|thong tin)\b/, f),
    entry: 'other.change_details',
    lead: () => 'Năm sinh trên sổ BHXH phải khớp căn cước: anh/chị nộp tờ khai điều chỉnh thông tin kèm CCCD cho cơ quan BHXH (hoặc nhờ đại lý thu chuyển) để sửa; tuổi nghỉ hưu tính theo ngày tháng năm sinh trên hồ sơ, nên cần sửa cho đúng trước khi làm hồ sơ hưởng.',
    leadsAlways: true,
    decisive: true,
  },
  {
    // "Trưởng thôn có được đóng tự nguyện không", "tổ trưởng tổ dân phố … có phải dừng đóng tự nguyện": part-time posts of
    // the commune, village and street group are in compulsory insurance since 1/7/2025.
    name: 'village-officials',
    decisive: true,
    asks: (f) => has(VILLAGE_POST, f),
    entry: 'eligibility.village_officials',
  },
  {
    // "Đang đóng tự nguyện, nếu bị đi tù thì có mất quyền lợi không", "anh tôi ở trại giam, có được lĩnh lương hưu nữa":
    // imprisonment stops neither a pension nor the years paid.
    name: 'imprisonment',
    decisive: true,
    asks: (f) =>
      has(/\b(?:(?:di|ngoi|bi|vao|ra|an) tu\b(?! (?:\d|thang|nam|nho|khi|luc|do|nay|gio|xa|que)\b)|(?:trai giam|phat tu|chap hanh an|tu giam|tam giam)\b)/, f) &&
      has(/\b(?:luong huu|quyen loi|mat|dung|cat|linh|lanh|nhan|thoi gian (?:da )?dong)\b/, f),
    entry: 'benefits_pension.imprisonment',
  },
  {
    // "Bà nội 80 tuổi đang nhận trợ cấp người khuyết tật, làm thêm trợ cấp hưu trí xã hội được không": one allowance, the
    // higher, not both.
    name: 'social-pension-beside-assistance',
    decisive: true,
    asks: (f) => has(/\btro cap huu tri xa hoi\b/, f) && has(/\b(?:tro cap (?:\w+ ){0,2}khuyet tat|tro cap xa hoi hang thang|bao tro xa hoi|tro cap bao tro)\b/, f),
    entry: 'other.social_pension',
    lead: () => 'Người đang nhận trợ cấp xã hội hằng tháng (như trợ cấp người khuyết tật) mà cũng đủ điều kiện trợ cấp hưu trí xã hội thì chỉ được hưởng một khoản, khoản có mức cao hơn, không nhận cả hai.',
    leadsAlways: true,
  },
  {
    // One parent in compulsory insurance, the other in voluntary, at a birth ("vợ đóng tự nguyện, tôi đóng bắt buộc ở công
    // ty, vợ sinh thì ai được gì", "… vợ sinh mổ thì em được nghỉ mấy ngày"): each parent's own scheme.
    name: 'parents-in-two-schemes',
    decisive: true,
    // (A spouse in a scheme of their own, not only named: "chồng em khuyên rút một lần".)
    asks: (f) =>
      spouseInAScheme(f) &&
      has(/\bbat buoc\b|\b(?:cong ty|cty) (?:\w+ ){0,3}(?:dong|co) (?:bhxh|bao hiem)\b/, f) &&
      has(/\btu nguyen\b/, f) &&
      has(BIRTH_TOLD, f) &&
      !has(BOTH_VOLUNTARY, f) &&
      // (One person's schemes one after the other, "đóng bắt buộc tới hết tháng 4/2026 thì nghỉ việc, từ tháng 5/2026 chuyển
      // qua đóng tự nguyện", are not two parents'.)
      !has(MOVED_TO_VOLUNTARY, f) &&
      // (A company's insurance long past, "trước khi đi ck e làm cty đóng bhxh 5 năm (2008-2013), năm 2014 đã rút": no scheme now.)
      !has(/\btruoc (?:khi |day |kia )?(?:\w+ ){0,4}(?:lam )?(?:cong ty|cty)\b|\b(?:da|roi) rut\b|\bda nghi viec\b/, f) &&
      // (Nor a job left by a month told, or lost to a layoff.)
      !has(JOB_LEFT, f),
    entry: 'maternity.mixed_parents',
    // ("Vợ mang thai tháng thứ 5, chưa đóng … tôi đóng bắt buộc": whether she is in time, before both parents' rules.)
    lead: (s, f) => (has(PREGNANT_MONTH, f) || has(DUE, f)) && notPayingYet(f, s.day) ? birthInTimeLead(s, f) : undefined,
  },
  {
    // A couple not paying yet, a birth planned ("chưa ai đóng bhxh bao giờ. Tụi em tính cuối năm 2027 sinh em bé. Giờ đăng ký
    // bhxh tự nguyện thì có kịp hưởng thai sản không … cả 2 vc cùng đóng thì có được nhận gấp đôi không"): in time from now or
    // not, at any income, and one allowance a child.
    name: 'birth-planned-not-paying',
    asks: (f, s) =>
      s.yearsPaid === undefined &&
      s.day !== undefined &&
      has(/\bchua (?:ai |\w+ )?(?:tung |bao gio )?(?:dong|tham gia)\b/, f) &&
      has(/\b(?:thai san|2 ?tr|2 trieu)\b/, f) &&
      has(/\b(?:kip|co duoc|duoc khong|duoc huong)\b/, f) &&
      // (The latest month to start asked, "cần đóng từ tháng nào để dc tiền thai sản": another route's answer.)
      !has(/\btu thang nao\b|\bkhi nao (?:\w+ ){0,2}(?:dong|bat dau)\b|\bcham nhat\b/, f) &&
      dueMonth(f, s.day) !== undefined,
    entry: 'maternity.conditions',
    lead: (s, f) => {
      const inTime = birthInTimeLead(s, f);
      const level = has(/\bmuc (?:bao nhieu|nao)\b/, f) ? ' Đóng ở mức thu nhập nào cũng được (thấp nhất 1.500.000 đồng, nộp {PAY_OTHER} đồng/tháng với người không thuộc nhóm ưu tiên): trợ cấp là 2.000.000 đồng mỗi con, không tùy mức đóng.' : '';
      const once = has(/\b(?:gap doi|(?:2|hai) lan|ca (?:2|hai))\b/, f) ? ` ${ONE_ALLOWANCE}` : '';
      return inTime ? `${inTime}${level}${once}` : undefined;
    },
    leadsAlways: true,
  },
  {
    // Compulsory insurance up to a job's end, then voluntary, and a birth to come ("đóng BHXH bắt buộc tới hết tháng 4/2026
    // thì nghỉ việc, từ tháng 5/2026 chuyển qua đóng tự nguyện … dự sinh cuối tháng 2/2027"): the months of both count for
    // the voluntary allowance; the compulsory benefit needs 6 compulsory months in the 12 before the birth.
    name: 'switched-then-birth',
    decisive: true,
    // (Moved over, "chuyển qua đóng tự nguyện": not a start years after the job ended, "nghỉ việc tháng 1/2023 … Từ tháng
    // 6/2025 em bắt đầu đóng".)
    asks: (f) => has(BIRTH_TOLD, f) && has(MOVED_TO_VOLUNTARY, f) && has(/\bbat buoc\b/, f) && has(/\bchuyen (?:qua|sang) (?:dong )?(?:bhxh )?tu nguyen\b/, f),
    entry: 'maternity.conditions',
    lead: (s, f) =>
      [
        ownMonthsBeforeBirth(s, f),
        'Chế độ thai sản của BHXH bắt buộc cần đủ 6 tháng đóng bắt buộc trong 12 tháng trước khi sinh; không đủ thì nhận trợ cấp 2.000.000 đồng mỗi con của BHXH tự nguyện (các tháng đóng bắt buộc và tự nguyện trong 12 tháng đó được cộng để tính đủ 6 tháng), không nhận cả hai.',
      ]
        .filter((x) => x !== undefined)
        .join(' '),
    leadsAlways: true,
  },
  {
    // "Công ty nợ BHXH 8 tháng", "trừ lương mà không đóng": the employer's debt, what the months are worth and what to do.
    name: 'employer-not-paying',
    decisive: true,
    // (The book not closed because of the debt, "không được chốt sổ do công ty nợ", "nợ tiền bảo hiểm nên không chốt sổ":
    // the book's rule.)
    asks: (f) =>
      !has(CLOSE_BOOK_ASK, f) &&
      !has(/\bchot so\b/, f) &&
      has(/\b(?:cong ty|cty|doanh nghiep|chu|xuong|co quan) (?:\w+ ){0,3}(?:no|chiem dung|tron dong|cham dong|quyt) (?:tien )?(?:bhxh|bao hiem)\b|\bno (?:tien )?(?:bhxh|bao hiem) (?:\w+ ){0,2}(?:cua|cho) (?:toi|em|minh|nhan vien|cong nhan)\b|\btru (?:tien )?(?:luong|bhxh|bao hiem) (?:\w+ ){0,5}(?:khong|chua) (?:dong|nop)\b/, f),
    entry: 'other.employer_not_paying',
  },
  {
    // "Đóng tự nguyện được 2 năm, tháng sau vào làm công ty có đóng BHXH: phần tự nguyện thì sao, có rút ra được không": it
    // stops and is kept; nothing is withdrawn for taking a job.
    name: 'voluntary-then-job',
    decisive: true,
    asks: (f, s) => startsJob(f, s.day) && has(/\btu nguyen\b/, f),
    entry: 'transfer_between_schemes.got_job',
    lead: (_s, f) =>
      has(/\b(?:rut|lay ra|lay lai|nhan lai)\b/, f)
        ? 'Không cần và không nên rút: đi làm có BHXH bắt buộc thì thời gian đóng tự nguyện được giữ nguyên và cộng dồn với thời gian bắt buộc để tính lương hưu; đang đóng bắt buộc thì không thuộc trường hợp được nhận BHXH một lần.'
        : undefined,
    leadsAlways: true,
  },
  {
    // A labour contract whose employer pays nothing ("có ký hợp đồng lao động 3 tháng nhưng công ty bảo không đóng bảo
    // hiểm … tự ra bưu điện đóng tự nguyện được không"): compulsory, the employer's duty, report it.
    name: 'contract-employer-not-paying',
    asks: (f) =>
      has(/\b(?:co |da )?ky hop dong (?:lao dong )?(?:\w+ ){0,2}(?:\d{1,2} (?:thang|nam)|mot nam|1 nam)\b|\bhop dong lao dong (?:\d{1,2} (?:thang|nam))\b/, f) &&
      has(/\b(?:cong ty|cty|chu|doanh nghiep)\b(?: \w+){0,3} (?:khong|ko|k|chang) (?:chiu )?(?:dong|mua) (?:bao hiem|bhxh)\b/, f),
    entry: 'eligibility.labour_contract',
  },
  {
    // Paying voluntary insurance, then a labour contract of a month or more ("chủ thầu ký hợp đồng lao động 2 tháng …
    // 2 tháng đó em có đóng tự nguyện nữa không, hết hợp đồng thì sao"): compulsory meanwhile, voluntary again after.
    name: 'contract-pauses-voluntary',
    asks: (f) =>
      has(/\bhop dong (?:lao dong )?(?:\w+ ){0,2}(?:[1-9]|1[0-2]) thang\b/, f) &&
      has(/\btu nguyen\b/, f) &&
      !has(/\b(?:tam hoan|khong (?:chiu )?(?:dong|mua) (?:bao hiem|bhxh))\b/, f),
    entry: 'transfer_between_schemes.got_job',
    lead: () =>
      'Hợp đồng lao động từ đủ 1 tháng thì trong thời gian hợp đồng anh/chị thuộc diện BHXH bắt buộc, do bên ký hợp đồng đóng: những tháng đó tạm dừng đóng tự nguyện; hết hợp đồng thì đăng ký đóng tự nguyện tiếp bằng mã số cũ, thời gian hai loại được cộng dồn.',
  },
  {
    // The income level or the mode to change within a period already paid ("tháng 6/2026 đã nộp một lần cho 12 tháng … muốn
    // hạ xuống mức 2 triệu ngay từ tháng sau có được không"): not within it; from the next period, named by its month.
    name: 'change-within-paid-period',
    asks: changeWithinPaid,
    entry: 'payment_mode.change_mode_income',
    lead: (_s, f) => {
      const { start, months } = paidPeriod(f)!;
      // (A level under the floor of the next period's year: "hạ xuống mức 2 triệu … Sang năm 2027 tôi chọn mức 2 triệu được không?")
      const next = start + months;
      const level = Number((/\b(?:xuong|len|chon|sang) (?:muc )?(\d(?:[.,]\d)?) ?(?:trieu|tr)\b/.exec(f)?.[1] ?? '0').replace(',', '.')) * 1_000_000;
      const rules = rulesOnDay(`${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}-15`).period;
      const floor = incomeLimits(rules).floor;
      const below = level > 0 && level < floor ? ` Từ tháng ${monthYear(next)} mức thu nhập thấp nhất là ${formatNumber(floor)} đồng${rules.provisional ? ' (dự kiến)' : ''}, nên không chọn được mức ${formatNumber(level)} đồng: chọn từ ${formatNumber(floor)} đồng trở lên.` : '';
      return `Kỳ ${months} tháng đã nộp từ tháng ${monthYear(start)} chạy đến hết tháng ${monthYear(start + months - 1)}: trong kỳ đó chưa đổi được mức thu nhập hay phương thức; từ kỳ sau, tức từ tháng ${monthYear(next)}, anh/chị đăng ký mức hoặc phương thức mới.${below}`;
    },
    leadsAlways: true,
    replaces: ['payment_mode.change_mode_income', 'contribution_amount.choose_income', 'payment_mode.modes', 'calculator.premium_for_income', 'contribution_amount.from_2027'],
  },
  {
    // Paid for a while and stopped, a birth due ("đóng từ tháng 1 đến tháng 4/2026 (4 tháng) rồi nghỉ … dự sinh tháng 1/2027,
    // có được 2 triệu không"): the months within the 12 before the birth decide, not the allowance in general.
    name: 'paid-then-stopped-before-birth',
    decisive: true,
    asks: (f, s) => has(BIRTH_TOLD, f) && has(PAID_THEN_STOPPED, f) && paidBeforeBirthLead(s, f) !== undefined,
    entry: 'maternity.conditions',
    lead: paidBeforeBirthLead,
    leadsAlways: true,
  },
  {
    // Selling or working on one's own without a business registration or a labour contract ("bán hàng online ở nhà, chưa
    // đăng ký hộ kinh doanh, không có hợp đồng … tham gia được không"): not in compulsory insurance, so voluntary.
    name: 'unregistered-trade-joins',
    decisive: true,
    asks: (f) =>
      has(/\b(?:chua|khong) (?:\w+ ){0,2}(?:dang ky (?:ho )?kinh doanh|dang ky ho|giay phep kinh doanh|giay dang ky kinh doanh)\b/, f) &&
      has(JOIN_ASK, f),
    entry: 'eligibility.informal_workers',
    lead: () => 'Chưa đăng ký hộ kinh doanh và không có hợp đồng lao động thì anh/chị không thuộc diện BHXH bắt buộc, nên được tham gia BHXH tự nguyện.',
    leadsAlways: true,
  },
  {
    // In two groups, which support asked ("dân tộc Tày, nhà lại là hộ cận nghèo … theo mức dân tộc thiểu số hay mức cận
    // nghèo, có được cộng cả hai không"): one rate, the highest, never the sum.
    name: 'two-groups-highest',
    // ("nhà nước tính hỗ trợ theo diện dân tộc hay diện hộ nghèo" too.)
    asks: (f, s) =>
      s.household !== undefined &&
      s.ethnicMinority === true &&
      (has(/\bcong (?:ca |don |lai )?(?:hai|2|ca hai)\b|\bca (?:hai|2) muc\b|\b(?:theo )?muc nao\b|\bhay (?:theo )?muc\b|\bmuc (?:\w+ ){1,4}hay (?:muc|ho|dan toc)\b/, f) || has(WHICH_GROUP, f)),
    entry: 'subsidy.rates_by_group',
    lead: (s, f) => {
      const [group, rate, support, pay] = s.household === 'poor' ? ['hộ nghèo', '50% mức đóng thấp nhất', 'SUPPORT_POOR', 'PAY_POOR'] : ['hộ cận nghèo', '40% của hộ cận nghèo', 'SUPPORT_NEAR_POOR', 'PAY_NEAR_POOR'];
      // (A couple, "mỗi người", "hai vợ chồng": both at the floor; an income named, "theo mức thu nhập 2 triệu/tháng": 22 % of
      // it, less the same support.)
      const two = has(/\b(?:moi nguoi|hai vo chong|2 vo chong|vo chong|ca (?:hai|2) (?:vo chong|nguoi|cung|deu))\b/, f) ? `; hai người {${pay}*2} đồng` : '';
      const income = levelNamed(f);
      // ("3 tháng đóng 1 lần thì mỗi lần nộp bao nhiêu": the period's sum too.)
      const months = modeMonths(f);
      const at = income !== null && income > 1_500_000 && income <= 60_000_000 ? ` Với thu nhập ${formatNumber(income)} đồng/tháng: mức đóng 22% là {PREMIUM:${income}} đồng, trừ hỗ trợ {${support}} đồng (hỗ trợ tính trên mức thấp nhất, không theo thu nhập chọn), nộp {${pay}:${income}} đồng/tháng${months && months !== '1' ? `; ${months} tháng một lần {${pay}:${income}*${months}} đồng` : ''}.` : '';
      // (A province's own top-up on the highest group's rate: "ở một xã miền núi của tỉnh Ninh Bình … hộ cận nghèo".)
      const province = localTopUp(f, s.household === 'poor' ? 'POOR' : 'NEAR_POOR', income !== null && income > 1_500_000 ? income : null, s.day);
      return `Anh/chị vừa là người dân tộc thiểu số vừa thuộc ${group}: chỉ được một mức hỗ trợ, mức cao nhất là ${rate} ({${support}} đồng/tháng, mỗi người nộp {${pay}} đồng ở mức thấp nhất${two}), không cộng với 30% của người dân tộc thiểu số.${at}${province}`;
    },
    leadsAlways: true,
    decisive: true,
  },
  {
    // Paid ahead, then the household's group changed, a refund of the difference asked ("đã đóng 12 tháng …, tháng 10
    // được công nhận hộ cận nghèo, có được hoàn lại tiền chênh lệch không"): nothing recalculated; the new group from
    // the next period. (Or a top-up asked, "Nếu sang năm nhà thoát cận nghèo thì có phải đóng thêm không": none either.)
    name: 'group-changed-refund',
    asks: (f) =>
      has(/\b(?:hoan|tra|bu) lai\b|\bhoan tien\b|\bchenh lech\b|\bphan chenh\b|\b(?:phai|bi) (?:dong|nop|thu|bu) them\b/, f) &&
      has(/\b(?:cong nhan|vao|thanh|len|xuong|thoat|ra khoi|duoc xep|bi xep) (?:\w+ ){0,2}(?:ho ngheo|ho can ngheo|can ngheo|ngheo)\b/, f) &&
      !has(/\b(?:rut|(?<!\bthang )mot lan|qua doi|chet|bat buoc)\b/, f),
    entry: 'contribution_amount.no_recalculation',
    after: () => 'subsidy.group_change',
    // (Before the refund cases of a prepayment, which "trả lại … những tháng đã đóng" would otherwise bring.)
    decisive: true,
  },
  {
    // Paying once a year asked ("muốn đóng mỗi năm một lần cho tiện, có được không"): the 12-month mode, not years ahead.
    name: 'yearly-mode-asked',
    asks: (f) =>
      has(/\b(?:moi|1|mot) nam (?:dong |nop )?(?:1|mot) lan\b|\b(?:dong|nop) (?:\w+ ){0,2}(?:theo nam|ca nam|hang nam)\b/, f) &&
      // (Whether it may be done, not what it costs; a change of mode is another rule's.)
      has(/\b(?:duoc|dc) (?:khong|ko|k|chu)\b|\bco (?:duoc|the)\b/, f) &&
      !has(/\b(?:nhieu nam|[2-9] nam|truoc|ve sau|con thieu|doi|chuyen|tang|giam|bao nhieu)\b/, f),
    entry: 'payment_mode.modes',
    lead: () => 'Được: đóng 12 tháng một lần (mỗi năm một lần), nộp trong 7 tháng đầu của kỳ; số tiền bằng 12 tháng cộng lại.',
    leadsAlways: true,
    replaces: ['payment_mode.years_ahead', 'payment_mode.modes', 'payment_mode.monthly_or_yearly'],
  },
  {
    // A student asks for support ("sinh viên có được hỗ trợ gì không"): no group of its own, the 20 % everyone gets.
    name: 'student-subsidy',
    asks: (f) => has(/\b(?:sinh vien|hoc sinh)\b/, f) && has(/\b(?:ho tro|uu dai|giam|mien)\b/, f) && !has(/\b(?:bhyt|bao hiem y te|the)\b/, f),
    entry: 'subsidy.others',
    lead: () => 'Học sinh, sinh viên không có mức hỗ trợ riêng: được Nhà nước hỗ trợ như mọi người tham gia (20% mức đóng thấp nhất, {SUPPORT_OTHER} đồng/tháng), nhiều hơn nếu thuộc hộ nghèo, cận nghèo hoặc là người dân tộc thiểu số.',
    leadsAlways: true,
  },
  {
    // When the campaign starts ("bao giờ phát động tháng vận động năm nay", "lễ ra quân mấy giờ"): the launch's day and
    // hour for the active campaign, not the month's history.
    name: 'campaign-launch-when',
    asks: (f) => has(/\b(?:phat dong|ra quan|khai mac|le ra quan)\b/, f) && has(/\b(?:bao gio|khi nao|may gio|ngay nao|luc nao|thang nao|hom nao)\b/, f),
    entry: 'campaign.launch_2020',
    replaces: ['campaign.month', 'campaign.theme', 'campaign.target'],
  },
  {
    // How to see the months paid ("Làm sao tôi biết mình đã đóng được bao nhiêu tháng?"): VssID, the receipts, the
    // office (not what a month costs).
    name: 'months-paid-lookup',
    asks: (f) =>
      has(/\b(?:biet|xem|tra cuu|kiem tra|tra)\b(?: \w+){0,5} (?:da )?(?:dong|nop) (?:duoc )?(?:\w+ )?(?:bao nhieu|may) (?:thang|nam)\b/, f) &&
      !has(/\b(?:con thieu|phai dong|can dong|dong them)\b/, f),
    entry: 'other.vssid_app',
    replaces: ['contribution_amount.how_much_month', 'contribution_amount.minimum', 'pension_conditions.years_15', 'calculator.premium_for_income'],
  },
  {
    // A later ask where to ask more ("Tôi cần hỏi thêm thì liên hệ ở đâu?"): the hotline and a callback.
    name: 'contact-asked',
    // (Not a daughter-in-law, "Em hỏi giúp chị dâu".)
    asks: (f) => has(/\b(?:lien he|lien lac|hoi(?: them)?|goi(?: dien)?) (?:\w+ ){0,2}(?:o dau|so nao|ai|cho ai|(?<!\b(?:chi|con|co|nang) )dau)\b/, f) && !has(/\b(?:dang ky|nop|dong tien|ho so|mua)\b/, f),
    entry: 'contact_hotline.callback',
    laterAskOnly: true,
  },
  {
    // A later ask when to pay by ("… đóng 12 tháng một lần … phải nộp trước khi nào?"): the deadlines of the modes.
    name: 'deadline-asked',
    // ("Chưa đóng bảo hiểm bao giờ" is never paid.)
    asks: (f) =>
      has(/\b(?:nop|dong) (?:\w+ ){0,2}(?:truoc|cham nhat|han chot)(?: \w+){0,2} (?:khi nao|bao gio|thang nao|ngay nao|luc nao)\b|\bhan (?:chot |cuoi )?(?:nop|dong)\b|\bhan chot (?:la )?(?:khi nao|bao gio|thang nao|ngay nao)\b|\b(?:nop|dong) (?:\w+ ){0,2}(?:trong|vao) thang nao\b/, f) &&
      !has(/\b(?:ho so|tuat|mai tang|mot lan|rut)\b/, f),
    entry: 'payment_mode.deadlines',
    laterAskOnly: true,
  },
  {
    // A later ask how each year paid counts ("Anh muốn rút BHXH một lần … mỗi năm đóng được tính mấy tháng?"): the
    // months of average income per year of a lump sum (or of the survivors' one-time allowance, the same reckoning).
    name: 'months-per-year-asked',
    asks: (f) => has(/\bmoi nam (?:dong )?(?:duoc )?(?:tinh|huong|nhan) (?:\w+ ){0,2}(?:may|bao nhieu) thang\b/, f),
    entry: 'lump_sum.amount',
    laterAskOnly: true,
  },
  {
    // A later ask what the family gets if the person dies ("Lỡ tôi gặp nạn trên biển thì vợ con tôi được hưởng gì?").
    name: 'family-if-i-die-asked',
    // (Or the money asked about: "lỡ sau này cháu mất sớm thì số tiền đã đóng có mất trắng không".)
    asks: (f, s) =>
      s.drawingPension !== true &&
      // ("Nếu tôi không rút mà chẳng may mất trước tuổi nghỉ hưu thì vợ con tôi được những gì?")
      has(/\b(?:neu|lo|chang may|ngo|nhu)\b(?: \w+){0,3} (?:toi|em|minh|tui|anh|chi|chau|con|no) (?:\w+ ){0,2}(?:gap nan|tai nan|chet|mat(?! (?:viec|tien|the|so|giay|suc)\b)|qua doi)\b|\bchang may (?:\w+ )?(?:chet|mat(?! (?:viec|tien|the|so|giay|suc)\b)|qua doi)\b/, f) &&
      has(/\b(?:vo con|vo|chong|con|gia dinh|nguoi nha|than nhan(?! tao)|bo me)\b(?: \w+){0,3} (?:duoc|huong|nhan|lanh)\b|\b(?:tien|so tien)\b(?: \w+){0,3} (?:mat trang|mat het|co mat)\b/, f),
    entry: 'survivor.member_dies_one_time',
    // (What the family would get for the person's own years; ill and weighing the lump sum, what taking it settles.)
    // ("Nếu chị rút rồi mà chẳng may mất thì chồng con còn được hưởng gì không?": nothing for the years withdrawn; what they would
    // bring if kept.)
    lead: (s, f) => {
      const lead = survivorLead(s, f);
      if (has(/\b(?:rut|nhan (?:bhxh )?(?:mot|1) lan)\b(?: \w+){0,3} (?:roi|xong)\b/, f)) {
        return `Không còn: đã nhận BHXH một lần thì thời gian đóng đó đã được thanh toán; nếu sau đó chẳng may mất, gia đình không còn trợ cấp mai táng hay trợ cấp tuất tính trên các năm ấy.${lead ? ` ${lead.replace(/^(?:Người mất|Nếu chẳng may mất khi) đã đóng ([^:]+):/u, 'Nếu không rút thì với $1 đã đóng:')}` : ''}`;
      }
      return lead && s.seriousIllness ? `${lead}${ILL_SETTLED}` : lead;
    },
    laterAskOnly: true,
  },
  {
    // A survivor's own health card asked after a death ("Bố em … lĩnh lương hưu … vừa mất. Mẹ em 68 tuổi … Thẻ BHYT của mẹ thì
    // sao ạ?"): a pensioner's card is the pensioner's own and ends with them; the widow buys the household card unless a
    // group of hers gives one.
    name: 'survivor-card-asked',
    asks: (f, s) => s.memberDied === true && has(HEALTH_CARD, f) && has(SURVIVOR_NAMED, f),
    entry: 'health_insurance.household_hi',
    lead: () => 'Thẻ BHYT của người hưởng lương hưu chỉ cấp cho chính người đó và dừng khi người đó mất; vợ hoặc chồng không được cấp thẻ theo. Người còn lại mua BHYT hộ gia đình, trừ khi thuộc nhóm được cấp thẻ (hộ nghèo, cận nghèo; từ 75 tuổi, hoặc từ 70 tuổi nếu thuộc hộ nghèo, cận nghèo, khi hưởng trợ cấp hưu trí xã hội).',
    laterAskOnly: true,
  },
  {
    // A pensioner's health card asked later in a message that tells the pension ("… bố tôi có được cấp thẻ BHYT miễn phí
    // không?"): the fund pays it.
    name: 'pensioner-card-asked',
    // (Not the asker's own card while paying voluntary insurance: "… em đang đóng BHXH tự nguyện thì có được thẻ không".)
    // ("… khi có lương hưu tôi có được cấp thẻ BHYT không?": the card of a pension to come.)
    asks: (f, s) =>
      // (Not a survivor's own card after a death: "Bố em … lĩnh lương hưu … vừa mất … Thẻ BHYT của mẹ thì sao?")
      !(s.memberDied === true && has(SURVIVOR_NAMED, f)) &&
      // ("Có lương hưu thì bố có được thẻ bảo hiểm y tế không?" too.)
      (s.drawingPension === true || has(/\b(?:khi|luc|sau khi) (?:\w+ ){0,2}(?:co|huong|nhan|lanh|ve) (?:luong huu|huu)\b|(?:^ ?|\b(?:neu|ma) )(?:co|duoc huong|huong|nhan) luong huu (?:roi )?thi\b/, f)) &&
      has(HEALTH_CARD, f) &&
      !has(/\b(?:75|tro cap huu tri xa hoi|ho gia dinh|dang dong|tu nguyen)\b/, f),
    entry: 'health_insurance.pensioner_card',
    laterAskOnly: true,
  },
  {
    // The other ways of paying asked later ("Ngoài đóng hằng tháng còn có những cách đóng nào?"): the payment modes.
    name: 'modes-asked',
    // (Not beside the amount asked: "Mức đóng và phương thức đóng như thế nào?" is the contribution's entry.)
    asks: (f) => has(/\b(?:nhung|cac) (?:cach|phuong thuc|hinh thuc) (?:dong|nop)\b|\b(?:cach|phuong thuc|hinh thuc) (?:dong|nop) (?:\w+ ){0,2}nao\b/, f) && !has(/\bmuc (?:dong|dong gop)\b|\bbao nhieu\b/, f),
    entry: 'payment_mode.modes',
    laterAskOnly: true,
  },
  {
    // How the lump sum is reckoned, asked later ("… rút BHXH một lần … Mức hưởng tính như thế nào?"): matched to the
    // amount's entry, but weakly on its few words.
    name: 'lump-sum-reckoning-asked',
    asks: (f) => has(/\b(?:muc huong|so tien|tien) (?:\w+ ){0,2}(?:tinh|duoc tinh) (?:the nao|nhu the nao|sao|ra sao)\b/, f),
    entry: 'lump_sum.amount',
    replaces: ['lump_sum.amount'],
    laterAskOnly: true,
  },
  {
    // Another way asked for an old person the pension is out of reach for ("Nếu không được thì gia đình tôi có cách nào
    // khác để lo cho mẹ" about a mother of 72 who never paid): the social pension at 75 (70 for poor households), with
    // its health card.
    name: 'elder-other-way-asked',
    asks: (f, s) => has(/\b(?:cach nao khac|cach khac|giai phap (?:nao )?khac|con cach nao|huong nao khac)\b/, f) && (s.age ?? 0) >= 60,
    entry: 'other.social_pension',
    laterAskOnly: true,
  },
  {
    // Years worked abroad asked whether they count ("2008–2013 tôi đi làm ở Hàn Quốc, lúc về đã nhận lại tiền lương hưu bên Hàn
    // … 5 năm làm ở Hàn có được cộng vào không?"): no, only months paid into Vietnam's insurance. (Japan's nenkin has its own
    // entry, which says so.)
    name: 'years-abroad-counted',
    // (Or paid for afterwards: "Có cách nào đóng bù cho mấy năm ở Hàn để sau này đủ năm sớm hơn không?".)
    asks: (f) => has(/\b(?:nam|thoi gian)\b(?: \w+){0,3} (?:o|tai|ben|sang|di) (?:han quoc|han|dai loan|nuoc ngoai|malaysia)\b(?: \w+){0,4}? (?:co )?(?:duoc )?(?:cong|tinh)\b|\b(?:dong bu|nop bu|dong lai|truy dong) (?:\w+ ){0,2}(?:may|nhung|cac|so) (?:nam|thang) (?:o|tai|ben|lam o|lam ben|di) (?:han quoc|han|nhat ban|nhat|dai loan|nuoc ngoai|malaysia)\b/, f),
    entry: 'transfer_between_schemes.work_abroad',
    lead: () => 'Không: những năm làm việc ở nước ngoài mà không đóng BHXH ở Việt Nam (nhất là khi đã nhận lại tiền hưu của nước đó, như khoản hoàn trả ở Hàn Quốc) không được cộng vào thời gian đóng BHXH Việt Nam; chỉ các tháng đã đóng BHXH ở Việt Nam được tính. Nếu khi ở nước ngoài anh/chị có đóng BHXH Việt Nam theo hợp đồng đi làm việc thì những tháng đó được tính: xem trên VssID hoặc hỏi 1900 9068.',
    leadsAlways: true,
    laterAskOnly: true,
  },
  {
    // Army service asked about ("mấy năm bộ đội có được tính vào thời gian đóng BHXH không", "đi bộ đội từ 1979 đến 1986 … có được
    // cộng vào để đủ 15 năm không"): the SI office decides on the discharge papers; the years paid, without them.
    name: 'army-years',
    // (Service long ago: a conscript now, "đang đi nghĩa vụ quân sự", is insured by the army.)
    asks: (f) => has(/\b(?:bo doi|quan ngu|quan doi)\b(?: \w+){0,8} (?:co )?(?:duoc )?(?:tinh|cong|cong don|gop)\b(?: \w+){0,6} (?:khong|ko|k|chua)\b/, f) && !has(/\bdang (?:di |phuc vu |o )?(?:bo doi|nghia vu|quan doi)\b/, f),
    entry: 'other.lookup_code',
    lead: (s) => {
      const years = yearsLead(s);
      return `Thời gian đi bộ đội có được tính vào thời gian đóng BHXH hay không do cơ quan BHXH xét theo hồ sơ (quyết định xuất ngũ, đã nhận trợ cấp xuất ngũ một lần hay chưa, phục vụ trước hay sau năm 1995), không tự động cộng: mang giấy tờ xuất ngũ, sổ BHXH (nếu có) đến cơ quan BHXH nơi cư trú hoặc gọi 1900 9068 để được xác nhận.${years ? ` Nếu không được tính: ${years}` : ''}`;
    },
    leadsAlways: true,
  },
  {
    // A later ask whether earlier years count ("Ngoài ra 5 năm đóng ở Bình Dương có được cộng vào không", "2 năm trước có
    // được tính nối không"): kept and added, compulsory or voluntary, unless paid out as a lump sum.
    name: 'earlier-years-counted-asked',
    asks: (f, s) =>
      s.withdrewBefore !== true &&
      has(/\b(?:\d{1,2} nam|nhung nam|may nam|so nam|thoi gian)\b(?: \w+){0,5} (?:co )?(?:con )?(?:duoc )?(?:tinh noi|tinh tiep|tinh gop|tinh vao|cong vao|cong don|cong noi|cong gop|cong them|noi vao|noi tiep)\b/, f),
    entry: 'transfer_between_schemes.combine_periods',
    laterAskOnly: true,
  },
  {
    // A later ask about a job some day ("… nếu sau này đi làm công ty thì số năm tự nguyện có bị mất k"): the years are
    // kept and added to the compulsory ones (not decisive for the whole message: a plan, not the person's case).
    name: 'job-later-asked',
    asks: (f) => has(/\b(?:sau nay|neu|lo|mai mot) (?:\w+ ){0,3}(?:vao lam|di lam|xin vao|ky hop dong) (?:\w+ ){0,3}(?:cong ty|cty|doanh nghiep|xi nghiep|nha may|co quan)\b/, f) && has(/\b(?:tu nguyen|so nam|thoi gian|mat|cong|tinh)\b/, f),
    entry: 'transfer_between_schemes.got_job',
    laterAskOnly: true,
  },
  {
    // "Rút thì có bị trừ tiền Nhà nước hỗ trợ không, … còn nếu để lại thì sau này có được gì": the deduction, then what
    // keeping the years means.
    name: 'lump-sum-subsidy-deduction',
    // (Or the other way round in a later ask of someone settling abroad: "tiền Nhà nước hỗ trợ trước đây có bị trừ lại không".)
    asks: (f, s) =>
      (has(/\b(?:rut|mot lan)\b/, f) && has(/\b(?:tru|khau tru|tru di|tru lai|tinh ca|hoan lai) (?:\w+ ){0,4}(?:ho tro|nha nuoc (?:da )?(?:ho tro|dong))\b/, f)) ||
      (s.settlingAbroad === true && !has(/\brut\b/, f) && has(/\b(?:ho tro|nha nuoc (?:da )?(?:ho tro|dong))\b(?: \w+){0,4} (?:co )?(?:bi )?(?:tru|khau tru|thu hoi|tru lai)\b/, f)),
    entry: 'lump_sum.subsidy_deduction',
    after: (f) => (has(/\b(?:de lai|bao luu|khong rut|giu lai|neu khong rut)\b/, f) ? 'lump_sum.what_is_lost' : undefined),
  },
  {
    // "Công ty cho tạm hoãn hợp đồng 6 tháng, không đóng BHXH cho em … tự đóng tự nguyện được không": yes, since 1/7/2025.
    name: 'suspended-contract-joins',
    decisive: true,
    // (Voluntary on top of the contract asked first, "đóng thêm bh tự nguyện dc ko? còn nếu … tạm hoãn": on-top-then-suspension.)
    asks: (f, s) => has(/\b(?:tam hoan|hoan) (?:thuc hien )?(?:hop dong|hd|hdld)\b/, f) && has(/\btu nguyen\b/, f) && !voluntaryOnTop(f, s),
    entry: 'eligibility.unpaid_leave',
    after: (f) => (has(/\b(?:cong (?:chung|don|noi|vao)|tinh (?:chung|noi|gop)|noi (?:tiep|voi))\b/, f) ? 'transfer_between_schemes.combine_periods' : undefined),
  },
  {
    // "Ở xã thì đóng BHXH tự nguyện ở chỗ nào": the agents in every commune, not the merger of communes.
    name: 'where-in-commune',
    // (Moving house, "chuyển từ Thanh Hóa vào Bình Dương … đóng ở đâu", is where one lives now: a later route.)
    asks: (f) => has(/\b(?:o|tai) (?:xa|phuong|thon|lang|que)\b/, f) && has(/\b(?:o cho nao|cho nao|noi nao|o dau)\b/, f) && has(/\b(?:dong|dang ky|nop|tham gia)\b/, f) && !has(/\bchuyen\b/, f),
    entry: 'where_to_pay.collection_agents',
    replaces: ['other.province_merger'],
  },
  {
    // "Đi làm tự do ở TP.HCM, hộ khẩu ở Nghệ An: đăng ký ở TP.HCM được không hay phải về quê": where one lives.
    name: 'register-where-living',
    asks: (f) => has(/\b(?:ho khau|thuong tru)\b/, f) && has(/\b(?:phai ve (?:que|noi|dia phuong)|co can ve|hay (?:la )?phai ve|ve que (?:de |moi )?(?:dang ky|dong))\b/, f),
    entry: 'where_to_pay.moved_residence',
    after: (f) => (has(/\b(?:han chot|han nop|thoi han|khi nao|luc nao)\b/, f) ? 'payment_mode.deadlines' : undefined),
  },
  {
    // "Năm 2020 đóng 138.600, giờ bưu điện thu 264.000, sao tăng nhiều vậy, có thu sai không": the amounts of each period,
    // so the person sees the collector is right (the floor rose in 2022, the support in 7/2025).
    name: 'why-the-amount-rose',
    asks: (f) => has(/\b(?:sao|tai sao|vi sao|li do) (?:\w+ ){0,3}(?:tang|len|cao)\b|\bthu (?:sai|nham|thua|du)\b/, f) && has(/\b(?:138 600|154 000|297 000|2020|2021)\b/, f),
    entry: 'contribution_amount.old_2020',
    leadsAlways: true,
    lead: (s, f) =>
      !has(/\b(?:thu (?:sai|nham|thua|du)|buu dien|dai ly|xa thu|can bo thu)\b/, f)
        ? undefined
        : has(/\b264 000\b/, f) && s.household === undefined && s.ethnicMinority !== true
        ? 'Thu 264.000 đồng/tháng là đúng với người không thuộc nhóm ưu tiên: mức đóng thay đổi theo chuẩn nghèo và mức hỗ trợ của Nhà nước, không do đại lý tự đặt.'
        : 'Mức đóng thay đổi theo chuẩn nghèo và mức hỗ trợ của Nhà nước, không do đại lý tự đặt; đối chiếu với mức của nhóm mình dưới đây.',
  },
  {
    // "Đăng ký đóng 12 tháng một lần từ tháng 3/2026 mà đến giờ chưa nộp": the deadline of that period, passed or not.
    name: 'period-deadline-passed',
    asks: (f, s) => periodDeadlineLead(f, s) !== undefined,
    entry: 'payment_mode.missed_payment',
    lead: (s, f) => periodDeadlineLead(f, s),
    leadsAlways: true,
  },
  // "Chọn mức thu nhập 1tr/tháng được không", "đóng theo mức thu nhập 60 triệu cho lương hưu cao": outside the range.
  levelOutOfRange('level-below-floor', false, 'contribution_amount.minimum'),
  levelOutOfRange('level-above-ceiling', true, 'contribution_amount.maximum'),
  {
    // "Đi làm việc ở Nhật theo hợp đồng qua công ty xuất khẩu lao động, có được rút BHXH một lần vì ra nước ngoài không":
    // working abroad is not settling abroad.
    name: 'abroad-work-no-withdrawal',
    decisive: true,
    asks: (f, s) =>
      !s.settlingAbroad &&
      has(ABROAD_WORK_WITHDRAWAL, f),
    entry: 'transfer_between_schemes.work_abroad',
    // (Years paid before 1/7/2025, and out of both schemes for 12 months by the last period's end told ("đóng bhxh từ 3/2015 đến 2/2018
    // … sau đó đi XKLĐ Đài Loan"): the transitional rule lets them withdraw, whatever the reason.)
    lead: (s, f) => {
      const base = 'Đi làm việc ở nước ngoài có thời hạn theo hợp đồng không phải là ra nước ngoài định cư, nên không được rút BHXH một lần vì lý do ra nước ngoài.';
      const end = [...f.matchAll(/\bden (?:het )?(?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d\d)\b/g)].pop();
      const out = end && s.day !== undefined ? monthIndex(s.day) - (Number(end[2]) * 12 + Number(end[1]) - 1) : 0;
      const transitional = s.yearsPaid !== undefined && s.yearsPaid < 20 && s.startYear !== undefined && s.startYear < 2025 && out > 12 && s.employment !== 'contract';
      return transitional
        ? `${base} Tuy vậy, anh/chị đã đóng BHXH trước 1/7/2025, chưa đủ 20 năm và đã qua 12 tháng không đóng (từ sau tháng ${end![1]}/${end![2]}), nên theo quy định chuyển tiếp được nhận BHXH một lần ngay (khoảng 2 tháng thu nhập bình quân cho mỗi năm đóng từ 2014); nhận rồi thì mất thời gian đóng đó để tính lương hưu.`
        : base;
    },
    leadsAlways: true,
  },
  {
    // "Ngoài lương hưu hằng tháng, tôi có được trợ cấp một lần không" (33 years): the allowance for years past the rate's cap.
    name: 'allowance-beyond-cap',
    // (Before the lump-sum rules: "trợ cấp một lần" beside a pension claimed is the allowance for years beyond the cap.)
    decisive: true,
    // ("… muốn làm thủ tục lãnh lương hưu … có được nhận thêm khoản trợ cấp một lần nào không" too.)
    asks: (f) => has(/\bngoai (?:\w+ ){0,3}luong huu\b(?: [\w,]+){0,8} (?:tro cap|mot lan)\b|\btro cap (?:mot lan )?khi (?:nghi|ve) huu\b|\bluong huu\b(?: \w+){0,20} them (?:\w+ ){0,2}tro cap (?:mot|1) lan\b/, f),
    entry: 'benefits_pension.over_max_bonus',
    lead: yearsLead,
    after: (f) => (has(/\bluong huu (?:\w+ ){0,4}(?:tinh|duoc tinh) (?:nhu the nao|the nao|ra sao|sao)\b/, f) ? 'benefits_pension.how_calculated' : undefined),
    replaces: ['lump_sum.amount', 'lump_sum.when_allowed', 'benefits_pension.pensioner_abroad', 'benefits_pension.what_benefits', 'benefits_pension.how_calculated', 'benefits_pension.over_max_bonus', 'pension_conditions.years_15'],
  },
  {
    // How the pension is reckoned, for the years told ("đã đóng 25 năm … đến khi đủ tuổi về hưu sẽ tính lương hưu ra
    // sao"): the formula, with the rate for their years.
    name: 'pension-how-reckoned',
    asks: (f, s) =>
      s.yearsPaid !== undefined &&
      has(/\b(?:tinh|cach tinh) luong huu (?:\w+ ){0,2}(?:ra sao|the nao|nhu the nao|sao)\b|\bluong huu (?:\w+ ){0,3}(?:tinh|duoc tinh) (?:ra sao|the nao|nhu the nao|sao)\b/, f),
    entry: 'benefits_pension.how_calculated',
    lead: yearsLead,
    leadsAlways: true,
    replaces: ['pension_conditions.pay_missing_once', 'pension_conditions.years_15', 'benefits_pension.how_calculated', 'transfer_between_schemes.mixed_pension', 'transfer_between_schemes.combine_periods', 'benefits_pension.example_amount'],
  },
  {
    // A level changed and the pension asked ("hạ xuống mức thấp nhất thì lương hưu sau này tính sao", "đóng 9 năm nữa ở mức
    // 8 triệu thì lương hưu tính trên mức nào"): on the average of every year's income, not the last level.
    name: 'pension-on-average',
    asks: (f) =>
      has(/\b(?:tang|nang|ha|giam|doi|chuyen)\b(?: \w+){0,4} muc\b|\bmuc (?:\d{1,2}(?: \d)? ?trieu|thap nhat|cao nhat)\b.*\bmuc (?:\d{1,2}(?: \d)? ?trieu|thap nhat|cao nhat)\b/, f) &&
      has(/\bluong huu\b(?: \w+){0,4} (?:tinh|theo|tren) (?:\w+ ){0,2}(?:sao|the nao|nhu the nao|muc nao|ra sao)\b|\btinh (?:theo|tren) (?:muc )?\d{1,2} ?trieu\b/, f),
    entry: 'benefits_pension.how_calculated',
    lead: (_s, f) => {
      const m = /\b(\d{1,2}) nam (?:o |theo |dong )?muc (\d{1,2}(?: \d)?) ?trieu\b.*?\b(\d{1,2}) nam (?:nua )?(?:o |theo |dong )?muc (\d{1,2}(?: \d)?) ?trieu\b/.exec(f);
      const [y1, a, y2, b] = m ? [Number(m[1]), Number(m[2]!.replace(' ', '.')), Number(m[3]), Number(m[4]!.replace(' ', '.'))] : [];
      const average =
        y1 && y2 && a && b && y1 + y2 <= 45
          ? ` Ví dụ ${y1} năm mức ${decimal(a)} triệu và ${y2} năm mức ${decimal(b)} triệu: bình quân khoảng ${decimal(Math.round(((y1 * a + y2 * b) / (y1 + y2)) * 100) / 100)} triệu/tháng (chưa tính trượt giá), không phải ${decimal(b)} triệu.`
          : '';
      return `Lương hưu tính trên bình quân thu nhập tháng đã đóng của toàn bộ thời gian (các năm trước có nhân hệ số trượt giá), không theo mức đóng cuối cùng: đổi mức thì bình quân thay đổi theo số năm ở mỗi mức.${average}`;
    },
    leadsAlways: true,
    // (Whether the level may be changed, asked too, first: "hạ xuống mức thấp nhất được không".)
    before: (f) => (has(/\b(?:duoc|dc) (?:khong|ko|k)\b/, f) ? 'payment_mode.change_mode_income' : undefined),
    replaces: ['payment_mode.change_mode_income', 'benefits_pension.how_calculated', 'contribution_amount.choose_income', 'benefits_pension.at_minimum', 'calculator.pension_estimate', 'calculator.premium_for_income', 'contribution_amount.how_much_month'],
  },
  {
    // Short of 15 years and stopping now ("12 năm, nếu dừng đóng từ bây giờ thì tới tuổi hưu có được lãnh lương hưu
    // không"): the years are kept; at the age, up to 5 missing years are paid at once for the pension.
    name: 'stops-now',
    asks: (f, s) =>
      s.yearsPaid !== undefined &&
      s.yearsPaid < 15 &&
      // ("… được không, đóng bao lâu nữa": an ask's "không", not one of stopping.)
      has(/\b(?:dung|ngung|nghi|thoi|(?<!\b(?:duoc|dc|phai|chua|hay|co) )khong) (?:dong|nop)(?: \w+){0,2} (?:tu (?:bay gio|gio|nay)|luon|nua|tu day)\b/, f) &&
      has(/\b(?:luong huu|nghi huu|ve huu|tuoi huu)\b/, f),
    entry: 'pension_conditions.pay_missing_once',
    lead: (s) => {
      const n = s.yearsPaid!;
      const gap = spell(15 - n);
      return 15 - n <= 5
        ? `Nếu dừng đóng từ nay, thời gian ${spell(n)} đã đóng được bảo lưu; đến tuổi nghỉ hưu anh/chị còn thiếu ${gap}: khi đó được đóng một lần cho ${gap} còn thiếu rồi hưởng lương hưu hằng tháng (không đóng thì nhận BHXH một lần hoặc tiếp tục bảo lưu).`
        : `Nếu dừng đóng từ nay, thời gian ${spell(n)} đã đóng được bảo lưu, nhưng đến tuổi nghỉ hưu còn thiếu ${gap}, hơn 5 năm nên chưa được đóng một lần: phải đóng tiếp đến khi chỉ còn thiếu 5 năm rồi mới đóng một lần phần còn lại.`;
    },
    leadsAlways: true,
    replaces: ['pension_conditions.by_birth_year', 'pension_conditions.years_15', 'pension_conditions.pay_missing_once', 'pension_conditions.retirement_age', 'pension_conditions.continue_after_age', 'payment_mode.pause_resume'],
  },
  {
    // Back from abroad after a lump sum taken at home ("Năm 2022 em đã rút bhxh một lần 5 năm … rồi đi thực tập sinh Nhật …
    // 5 năm cũ có được tính lại không"): they may join again, from zero; the years paid out are not bought back.
    name: 'back-from-abroad-withdrawn',
    asks: (f, s) => s.withdrewBefore === true && backFromAbroad(f),
    entry: 'eligibility.rejoin_after_withdrawal',
    lead: () => 'Anh/chị tham gia lại BHXH tự nguyện được, nhưng thời gian đã nhận BHXH một lần không được tính lại và không thể đóng bù để khôi phục: số năm đóng tính lương hưu bắt đầu lại từ đầu (cần đủ 15 năm mới). Thời gian ở nước ngoài cũng không được đóng bù.',
    leadsAlways: true,
    decisive: true,
  },
  {
    // Studying or living abroad for a while, asking to join now ("đang du học thạc sĩ ở Hàn Quốc 2 năm rồi về, cháu muốn đóng
    // BHXH tự nguyện luôn từ bây giờ, có được không hay phải chờ về nước?"): a citizen of 15 or more not under compulsory
    // insurance may, from abroad, without waiting.
    name: 'abroad-for-now-joins',
    asks: (f) =>
      has(/\b(?:dang (?:\w+ ){0,2}(?:du hoc|hoc o|song o)|du hoc sinh)\b/, f) &&
      has(/\b(?:dong|tham gia|dang ky)\b(?: \w+){0,4} (?:bhxh |bao hiem xa hoi )?tu nguyen\b/, f) &&
      has(/\b(?:duoc (?:khong|ko|k)|cho (?:\w+ ){0,3}ve nuoc|phai (?:cho|doi))\b/, f) &&
      !has(/\b(?:dinh cu|hop dong|xkld|xuat khau lao dong|lam viec)\b/, f),
    entry: 'eligibility.who_can_join',
    lead: () => 'Được ngay, không phải chờ về nước: công dân Việt Nam từ đủ 15 tuổi, không thuộc diện BHXH bắt buộc thì tham gia BHXH tự nguyện được, kể cả khi đang học tập hay sinh sống một thời gian ở nước ngoài. Đăng ký trực tuyến trên dichvucong.gov.vn (hoặc VssID), hoặc người nhà mang CCCD của người tham gia đến đại lý thu ở nơi cư trú để đăng ký và nộp tiền giúp.',
    leadsAlways: true,
  },
  {
    // Back from work abroad, asking to join ("Anh đi XKLĐ Hàn Quốc từ 2019 đến 2024, về nước tháng 10/2024, … tiền lương hưu
    // bên Hàn thì anh đã nhận lại lúc về. Anh đóng tự nguyện tiếp được không, 3 năm cũ còn được tính không"): the rule for
    // workers abroad is behind them; they may join, and their Vietnamese years still count.
    name: 'back-from-abroad',
    asks: backFromAbroad,
    entry: 'transfer_between_schemes.combine_periods',
    lead: (s, f) => {
      const own = s.yearsPaid !== undefined && !s.withdrewBefore && has(/\btruoc khi (?:di|sang|qua|xuat canh)\b/, f) ? ` ${spell(s.yearsPaid)} đóng ở Việt Nam trước khi đi vẫn được giữ và cộng dồn với thời gian đóng tự nguyện.` : '';
      return `Được: đã về nước và không có hợp đồng lao động thì anh/chị tham gia BHXH tự nguyện được, dùng lại mã số BHXH cũ.${own} Tiền hoàn trả lương hưu của nước ngoài (như Hàn Quốc, Nhật Bản) thuộc hệ thống của nước đó, không ảnh hưởng thời gian đóng BHXH ở Việt Nam (chỉ thời gian đã nhận BHXH một lần ở Việt Nam mới không còn được tính).`;
    },
    leadsAlways: true,
    decisive: true,
  },
  {
    // The floor's premium charged and the supported amount heard of ("Sao đại lý thu em 330 nghìn/tháng mà hàng xóm nói chỉ
    // có 264 nghìn? Ai đúng"): 330,000 is before the State's support; what is left to pay depends on the group.
    name: 'floor-before-support',
    asks: (f) => has(/\b330(?: nghin| k|k| 000)?\b/, f) && has(/\b(?:264|231|198|165)(?: nghin| k|k| 000)?\b/, f) && has(/\b(?:thu|dong|nop)\b/, f),
    entry: 'contribution_amount.minimum',
    lead: () => '330.000 đồng là mức đóng 22% ở thu nhập thấp nhất, chưa trừ phần Nhà nước hỗ trợ; người không thuộc nhóm ưu tiên được hỗ trợ {SUPPORT_OTHER} đồng nên chỉ nộp {PAY_OTHER} đồng/tháng (hộ nghèo {PAY_POOR}, cận nghèo {PAY_NEAR_POOR}, dân tộc thiểu số {PAY_ETHNIC}), trong tối đa 120 tháng được hỗ trợ. Nếu bị thu đủ 330.000 đồng khi vẫn còn tháng được hỗ trợ, anh/chị đề nghị đại lý kiểm tra lại tờ khai, xem số tháng đã được hỗ trợ trên VssID hoặc gọi 1900 9068.',
    leadsAlways: true,
    decisive: true,
  },
  {
    // A period paid, then the floor rising ("Tháng 11/2026 em vừa đóng 12 tháng mức 1,5 triệu, sang 2027 chuẩn nghèo tăng thì
    // em có phải đóng bù tiền chênh không"): what was paid is not recalculated; the new level from the next period.
    name: 'paid-period-not-recalculated',
    // (Not beside a change of level or mode asked, "nâng mức lên 8 triệu … có phải đóng bù không": that reply says both.)
    // (Or the household leaving the near-poor list: "đã nộp xong kỳ từ tháng 10/2026 đến hết tháng 3/2027 … không còn trong
    // danh sách cận nghèo. Em có phải đóng bù tiền hỗ trợ không".)
    asks: (f) =>
      // ("Mình đóng tn theo 6 tháng một lần, đợt từ 7/2026 tới 12/2026 mình đã nộp hồi tháng 8" too.)
      has(/\b(?:vua|da|moi) (?:\w+ ){0,2}(?:dong|nop) (?:\w+ ){0,3}(?:3|6|12|\d{2}) thang\b|\b(?:vua|da|moi) (?:\w+ ){0,2}(?:dong|nop) (?:xong |du )?ky\b|\bdong truoc\b|\b(?:dot|ky) (?:tu )?(?:thang )?\d{1,2} (?:nam )?20\d\d (?:toi|den) (?:het )?(?:thang )?\d{1,2} (?:nam )?20\d\d (?:\w+ ){0,2}(?:da|vua|moi) (?:nop|dong)\b/, f) &&
      // (Not a period only planned, whether it may be asked: "Tháng 12/2026 này tôi định đóng trước 5 năm một lần … Làm vậy có
      // được không": that reply says both.)
      !has(/\b(?:dinh|muon|tinh|du dinh|se) (?:\w+ ){0,2}dong truoc\b(?: [\w,.]+){0,24}? (?:co )?duoc (?:khong|ko|k)\b/, f) &&
      // (The rule's own rise is not a level changed: "lương cơ sở tăng lên".)
      !has(/(?<!\b(?:luong co so|chuan ngheo|tham chieu|toi thieu|thap nhat) )\b(?:nang|tang|chuyen|doi|giam) (?:\w+ ){0,3}(?:muc|len|sang|xuong)\b/, f) &&
      (has(/\b(?:chuan ngheo|muc tham chieu|luong co so|muc (?:dong )?(?:thap nhat|toi thieu)) (?:\w+ ){0,2}(?:tang|thay doi|len|doi)\b/, f) || has(LEFT_GROUP, f)) &&
      // ("… có bị truy thu tiền nhà nước đã hỗ trợ ko": the support clawed back, asked.)
      has(/\b(?:dong bu|nop bu|nop them|dong them|tien chenh|phan chenh|tinh lai|tra lai|hoan lai|truy thu|thu hoi|thu lai)\b/, f),
    entry: 'contribution_amount.no_recalculation',
    lead: (s, f) => paidPeriodLead(f, s),
    leadsAlways: true,
    decisive: true,
  },
  {
    // Paying voluntary insurance and no health card came ("Mẹ em đóng tự nguyện 8 năm rồi mà chưa thấy cấp thẻ BHYT, có phải
    // bên bảo hiểm làm sót không"): none comes with it, nothing was missed; a card comes with the pension.
    name: 'no-card-while-paying',
    asks: (f, s) => s.drawingPension !== true && has(/\b(?:dong|tham gia)\b(?: \w+){0,6} (?:chua|khong|ko|k) (?:thay |duoc |co )(?:cap |phat |gui )?(?:the )?(?:bhyt|bao hiem y te)\b/, f),
    entry: 'health_insurance.contributor_card',
    lead: (_s, f) => `${has(/\b(?:sot|quen|nham|lam sai|bo sot)\b/, f) ? 'Không phải bị sót' : 'Chưa có thẻ là đúng quy định'}: đóng BHXH tự nguyện không kèm thẻ BHYT, nên đang đóng thì không được cấp thẻ từ khoản này. Muốn có thẻ thì mua BHYT hộ gia đình (hoặc dùng thẻ của nhóm khác nếu thuộc diện); khi hưởng lương hưu thì được cấp thẻ BHYT do quỹ BHXH đóng.`,
    leadsAlways: true,
    decisive: true,
  },
  {
    // Paying voluntary on top of a contract asked, then a suspension ("cty đóng bh bắt buộc rồi thì e đóng thêm bh tự nguyện
    // dc ko? còn nếu e xin tạm hoãn hợp đồng 6 tháng … thì sao"): not both at once, first; then the suspension's rule.
    name: 'on-top-then-suspension',
    asks: (f, s) => voluntaryOnTop(f, s) && has(/\btam hoan\b/, f),
    entry: 'eligibility.labour_contract',
    after: () => 'eligibility.unpaid_leave',
    decisive: true,
  },
  {
    // When to start for a birth's allowance ("dự định sinh khoảng tháng 10/2027 … cần đóng từ tháng nào để được tiền thai
    // sản"): 6 of the 12 months before the birth month, so at the latest 6 months before it, paying on to the birth.
    name: 'start-by-for-birth',
    // (Only while there is time: too late already, another route tells when it would have had to start.)
    asks: (f, s) =>
      s.day !== undefined &&
      (dueMonth(f, s.day)?.at ?? -1) - 6 >= monthIndex(s.day) &&
      has(/\b(?:dong|tham gia|dang ky|bat dau) (?:tu )?(?:thang nao|luc nao|khi nao|bao gio)\b|\bcan dong (?:tu )?(?:thang nao|luc nao|khi nao|bao gio)\b/, f) &&
      has(/\b(?:thai san|2 trieu|sinh|de)\b/, f),
    entry: 'maternity.conditions',
    lead: (s, f) => {
      const due = dueMonth(f, s.day!)!;
      const latest = due.at - 6;
      const now = monthIndex(s.day!);
      const when = due.approx ? `khoảng tháng ${monthYear(due.at)}` : `tháng ${monthYear(due.at)}`;
      return `Sinh ${when} thì cần ít nhất 6 tháng đóng trong 12 tháng trước tháng sinh: bắt đầu chậm nhất từ tháng ${monthYear(latest)} (nay là tháng ${monthYear(now)}) và đóng liên tục đến khi sinh; nên bắt đầu sớm hơn vài tháng phòng khi sinh sớm. Cả hai vợ chồng cùng đủ điều kiện thì chỉ một người nhận 2.000.000 đồng mỗi con.`;
    },
    leadsAlways: true,
    laterAskMatched: true,
  },
  {
    // Someone who paid for the asker wanting the money back ("chồng cũ tôi đứng ra đóng bhxh tự nguyện cho tôi (sổ tên tôi) …
    // anh ấy nói sẽ lên rút số tiền đó về vì tiền của ảnh. Ảnh có rút được không?"): the insurance is the named member's.
    name: 'payer-wants-it-back',
    asks: (f) =>
      has(/\b(?:dong|nop) (?:\w+ ){0,6}?cho (?:toi|em|minh|tui)\b/, f) &&
      has(/\b(?:chong cu|vo cu|anh ay|chi ay|ong ay|ba ay|anh ta|chi ta|ong ta|ba ta|ay|ho|nguoi ta|anh|chi)\b(?: \w+){0,8}? (?:rut|lay lai|lay ve|doi lai|doi ve)\b/, f) &&
      has(/\b(?:ten toi|ten em|ten minh|dung ten|chu so|so ten)\b/, f),
    entry: 'how_to_join.for_relatives',
    lead: (s) =>
      `Không: BHXH tự nguyện là của người đứng tên tham gia (anh/chị), dù ai nộp tiền. Chỉ anh/chị (hoặc người được anh/chị ủy quyền) mới làm được hồ sơ hưởng, kể cả nhận một lần, bằng sổ BHXH và CCCD của anh/chị; người đã nộp tiền giúp không có quyền rút. Tiền bạc giữa hai người là chuyện dân sự riêng, không phải của cơ quan BHXH. Anh/chị đóng tiếp bình thường${s.yearsPaid !== undefined ? `: ${spell(s.yearsPaid)} đã đóng được giữ và cộng dồn` : '; thời gian đã đóng được giữ và cộng dồn'}.`,
    leadsAlways: true,
    decisive: true,
  },
  {
    // A rumour that the scheme is abolished and what was paid lost ("trên facebook share rần rần là từ 2026 bỏ bhxh tự
    // nguyện, ai đóng rồi thì mất trắng, phải rút ngay … Mẹ em đóng được 9 năm"): not so; the years are kept.
    name: 'abolished-rumour',
    asks: (f, s) =>
      s.memberDied !== true &&
      // ("Lỡ sau này cháu mất sớm thì số tiền đã đóng có mất trắng không?" is a death supposed: not this.)
      (has(/\b(?:bo|xoa|dep|bai bo|khong con|dung|cham dut) (?:che do |chinh sach )?(?:bhxh |bao hiem xa hoi |bh )?(?:tu nguyen|tn)\b/, f) ||
        (has(/\b(?:thi|la|se|coi nhu) mat trang\b/, f) && has(/\b(?:facebook|fb|tiktok|tren mang|nghe noi|nguoi ta (?:noi|bao|don)|share|tin don)\b/, f))),
    entry: 'other.money_safe',
    lead: (s) =>
      `Không đúng: BHXH tự nguyện không bị bỏ. Luật BHXH 2024 (từ 1/7/2025) vẫn giữ và thêm quyền lợi: lương hưu khi đủ 15 năm đóng (trước đây 20 năm), trợ cấp thai sản 2.000.000 đồng mỗi con, Nhà nước hỗ trợ 20–50% tiền đóng. Thời gian đã đóng được giữ và cộng dồn, không mất; không cần vội rút, vì rút một lần thì mất quyền lương hưu cho thời gian đó.${s.yearsPaid !== undefined && s.yearsPaid < 15 ? ` Với ${spell(s.yearsPaid)} đã đóng, còn thiếu ${spell(15 - s.yearsPaid)} để đủ 15 năm; đến tuổi nghỉ hưu mà thiếu không quá 5 năm thì được đóng một lần phần thiếu.` : ''}`,
    leadsAlways: true,
    decisive: true,
  },
  {
    // The book itself damaged or lost, and its re-issue or the years asked ("Sổ … bị ướt hỏng hết trong đợt lũ … Mẹ em có bị
    // mất mấy năm đã đóng không, giờ làm lại sổ ở đâu ạ?"): the record kept in the database and the book re-issued, whatever
    // merger the letter also tells.
    name: 'book-damaged',
    asks: (f) =>
      has(/\b(?:so (?:bhxh|bao hiem xa hoi|bao hiem)(?: \w+){0,6}? (?:bi )?(?:uot|hong|rach|chay|that lac|nat|mun|mat|troi)|(?:mat|danh roi|lam mat|chay|hong) (?:cuon )?so (?:bhxh|bao hiem))\b/, f) &&
      (has(/\b(?:lam lai|cap lai|xin cap lai|xin lai) so\b/, f) || has(LOSES_PAID, f)),
    entry: 'other.lost_book',
    decisive: true,
  },
  {
    // The district gone with the merger and the record feared lost ("Giờ sáp nhập không còn huyện nữa, tôi đóng tiếp ở đâu,
    // quá trình đóng cũ có bị mất không"): the record kept under the same number, paid on where one lives.
    name: 'merger-record-kept',
    // ("Bình Dương nhập vô TP.HCM … quá trình đóng của tôi có bị tách ra hay mất không" too.)
    asks: (f) => has(/\b(?:sap nhap|(?:tinh|xa|huyen|\w+) nhap (?:vo|vao|ve|chung voi)|khong con (?:cap )?huyen|bo (?:cap )?huyen|sap xep (?:lai )?(?:tinh|xa|huyen))\b/, f) && has(/\b(?:(?:bi )?mat|(?:bi )?tach|con (?:giu|nguyen|duoc tinh|gia tri|hieu luc|dung duoc|tinh)|lam lai|dang ky lai|(?:co )?phai doi|co bi anh huong)\b/, f) && !has(/\b(?:qua doi|chet|tu vong)\b/, f),
    entry: 'other.province_merger',
    leadsAlways: true,
    decisive: true,
  },
  {
    // The lowest and the highest asked together ("mức đóng … thấp nhất và cao nhất hiện nay mỗi tháng là bao nhiêu"): both.
    name: 'lowest-and-highest',
    asks: (f) => has(/\bthap nhat\b/, f) && has(/\bcao nhat\b/, f) && has(/\b(?:muc dong|dong|nop|thu nhap)\b/, f) && has(/\bbao nhieu\b/, f),
    entry: 'contribution_amount.minimum',
    lead: () => 'Cao nhất: thu nhập chọn tối đa {CEILING} đồng/tháng (20 lần mức tham chiếu {REFERENCE} đồng), đóng {MAX_PREMIUM} đồng/tháng (phần Nhà nước hỗ trợ vẫn chỉ tính trên mức thấp nhất).',
    leadsAlways: true,
    replaces: ['contribution_amount.minimum', 'contribution_amount.maximum', 'contribution_amount.how_much_month', 'contribution_amount.rate_22'],
  },
  {
    // Months before registering asked to be paid ("Tôi có đóng tự nguyện cho tháng 10 và 11/2026 được không, hay chỉ được
    // tính từ tháng 12?"): no, voluntary insurance counts from the month registered and paid.
    name: 'months-before-registering',
    asks: (f, s) => {
      const m = /\b(?:dong|nop) (?:\w+ ){0,3}cho (?:cac |nhung )?thang (\d{1,2})(?: (?:va|,) (?:thang )?\d{1,2})*(?: nam)? (20\d\d)\b(?: \w+){0,3}? (?:duoc|dc) (?:khong|ko|k)\b/.exec(f);
      // (Not months of a mode registered and missed: "đăng ký … 6 tháng … quên nộp".)
      return m !== null && s.day !== undefined && Number(m[2]) * 12 + Number(m[1]) - 1 < monthIndex(s.day) && s.memberDied !== true && !has(/\b(?:quen|qua han|tre han|cham dong|dang ky|dang dong)\b/, f);
    },
    entry: 'payment_mode.backpay_past',
    lead: () => 'Không: BHXH tự nguyện tính từ tháng đăng ký và nộp tiền; các tháng trước khi đăng ký không đóng bù được, chỉ là không được tính. Thời gian đã đóng trước đó (kể cả bắt buộc) vẫn giữ nguyên và được cộng dồn.',
    leadsAlways: true,
    decisive: true,
  },
  {
    // Two birth dates, the book's and the ID's ("Sổ BHXH của tôi ghi ngày sinh tháng 3/1972 nhưng căn cước ghi tháng
    // 3/1971 … tuổi nghỉ hưu tính theo năm sinh nào, chênh nhau bao lâu"): the retirement month by each, and the book put
    // right to match the ID.
    name: 'two-birth-dates',
    asks: (f, s) => bookSex(f, s) !== undefined && bookAndIdDates(f) !== undefined,
    entry: 'other.change_details',
    lead: (s, f) => {
      const m = [undefined, ...bookAndIdDates(f)!];
      const sex = bookSex(f, s)!;
      // (A year without its month, "ghi năm sinh 1970": the other date's month, said so.)
      const [ma, mb] = [m[1] ?? m[3], m[3] ?? m[1]];
      const [a, b] = [[Number(ma ?? 1), Number(m[2]), m[1] === undefined] as const, [Number(mb ?? 1), Number(m[4]), m[3] === undefined] as const];
      const when = ([mo, y, borrowed]: readonly [number, number, boolean]): { at: number; text: string } => {
        const r = reaches(sex, y, mo);
        const born = borrowed ? `sinh năm ${y}${ma ?? mb ? ` (tính cùng tháng ${mo})` : ''}` : `sinh tháng ${mo}/${y}`;
        return { at: r.at, text: `${born}: đủ tuổi nghỉ hưu (${formatAge(r.age)}) vào tháng ${monthYear(r.at)}` };
      };
      const [x, y] = [when(a), when(b)];
      const gap = Math.abs(x.at - y.at);
      return `Tuổi nghỉ hưu tính theo ngày sinh đúng, là ngày sinh trên căn cước (khớp Cơ sở dữ liệu quốc gia về dân cư); sổ ghi khác thì đề nghị cơ quan BHXH điều chỉnh cho khớp trước khi làm hồ sơ hưởng. Theo sổ, ${x.text}; theo căn cước, ${y.text}; chênh nhau ${gap >= 12 ? `${Math.floor(gap / 12)} năm${gap % 12 ? ` ${gap % 12} tháng` : ''}` : `${gap} tháng`}.`;
    },
    leadsAlways: true,
    decisive: true,
  },
  {
    // Months paid for someone who died, to reach a threshold ("anh còn thiếu 2 tháng … tôi đóng bù 2 tháng cho anh được
    // không"): not possible; what the family receives with the months paid.
    name: 'backpay-for-deceased',
    asks: (f, s) => s.memberDied === true && has(/\b(?:dong bu|dong them|dong not|dong tiep|nop bu|nop them)\b(?: \w+){0,4}? (?:\d+ thang|cho (?:anh|chong|bo|me|vo|ba|ong|con)\b)/, f),
    entry: 'survivor.member_dies_one_time',
    lead: (s, f) => {
      const own = survivorLead(s, f);
      return `Không đóng bù, đóng thêm cho người đã mất được: thời gian đóng tính đến tháng trước khi mất.${own ? ` ${own}` : ''}`;
    },
    leadsAlways: true,
    decisive: true,
  },
  {
    // Working abroad for a term and asking to withdraw ("sang Nhật làm việc theo hợp đồng 3 năm … muốn rút … có phải diện
    // ra nước ngoài định cư không"): not settlement, but the transitional rule may open the lump sum anyway.
    name: 'term-abroad-withdraws',
    asks: (f, s) => (s.workingAbroad === true || has(TERM_ABROAD, f)) && !s.settlingAbroad && has(/\b(?:rut|mot lan|dinh cu)\b/, f) && !has(/\b(?:visa|thuong tru|quoc tich)\b/, f),
    entry: 'lump_sum.emigration',
    lead: () =>
      'Đi làm việc có thời hạn ở nước ngoài không phải là định cư. Nhưng người đã đóng BHXH trước 1/7/2025, chưa đủ 20 năm và đã qua 12 tháng không đóng BHXH (bắt buộc lẫn tự nguyện) thì vẫn được rút một lần theo quy định chuyển tiếp, kể cả khi đang ở nước ngoài (làm hồ sơ trực tuyến hoặc ủy quyền cho người nhà). Rút thì mất thời gian đóng đó để tính lương hưu.',
    leadsAlways: true,
    laterAskMatched: true,
    replaces: ['lump_sum.emigration', 'lump_sum.transitional_12_months', 'lump_sum.when_allowed'],
  },
  {
    // A child under 6 ("con tôi 4 tuổi … có phải mua BHYT cho cháu không", "con em 4 tuổi thì có được cấp thẻ không"): the
    // State pays the child's card.
    name: 'child-under-6-card',
    asks: (f) => has(/\b(?:con|chau|be|em be)(?: (?:toi|em|minh|gai|trai))? (?:moi |duoc |nay |gio )?(?:[0-5]|mot|hai|ba|bon|nam) tuoi\b|\b(?:tre|con|chau|be) (?:\w+ ){0,2}duoi (?:6|sau) tuoi\b|\b(?:con|be|chau) (?:\w+ ){0,2}(?:moi sinh|so sinh|moi de)\b/, f) && has(/\b(?:bhyt|the bao hiem y te|the kham|(?:cap|lam|mua|co|duoc) the)\b/, f),
    entry: 'health_insurance.children_under_6',
    laterAskMatched: true,
    replaces: ['health_insurance.contributor_card', 'health_insurance.household_hi', 'health_insurance.where_buy', 'health_insurance.card_personal', 'health_insurance.poor_near_poor', 'health_insurance.household_who_counts'],
  },
  {
    // A member's own death supposed before the pension ("lo nếu lỡ tôi chết trước khi tới tuổi hưu thì tiền đóng … coi như mất
    // hết"): the family's allowances for a member, not a pensioner's.
    name: 'death-before-pension-supposed',
    asks: (f, s) => s.drawingPension !== true && has(/\b(?:neu|lo|lo nhu|so|chang may|lo nhu|lo ma|lo lo)\b(?: \w+){0,6}? (?:chet|mat|qua doi)\b(?: \w+){0,4}? truoc khi\b/, f),
    entry: 'survivor.member_dies_one_time',
    lead: () => 'Không mất: nếu người đang đóng (hoặc đã dừng, thời gian còn bảo lưu) chẳng may mất trước tuổi nghỉ hưu, thân nhân được trợ cấp tuất một lần tính theo số năm đã đóng (khoảng 2 tháng thu nhập bình quân cho mỗi năm từ 2014, 1,5 tháng cho mỗi năm trước 2014; đóng chưa đủ 60 tháng thì bằng số tiền đã đóng), và người lo mai táng được trợ cấp mai táng khi đã đóng từ đủ 60 tháng.',
    decisive: true,
  },
  {
    // "Phải chờ đến một năm sau khi mất mới nhận tiền tuất có đúng không": no; the 12 months are the lump sum's rule.
    name: 'survivor-no-wait',
    asks: (f, s) => (s.memberDied === true || has(/\btuat\b/, f)) && has(/\b(?:cho|doi) (?:den |du |het )?(?:mot|1|12) (?:nam|thang)\b/, f),
    entry: 'survivor.procedure',
    lead: () => 'Không phải chờ một năm: thân nhân nộp hồ sơ hưởng chế độ tử tuất ngay trong 90 ngày kể từ ngày người đó mất; điều kiện chờ 12 tháng không đóng là của BHXH một lần, không áp dụng cho tiền tuất.',
    leadsAlways: true,
    after: (f) => (has(/\bai (?:se )?(?:la nguoi )?(?:duoc )?(?:nhan|huong)\b/, f) ? 'survivor.who_are_relatives' : undefined),
    replaces: ['survivor.prepaid_refund', 'survivor.procedure', 'survivor.member_dies_one_time', 'survivor.no_relatives_inheritance', 'survivor.who_are_relatives', 'lump_sum.transitional_12_months', 'lump_sum.when_allowed'],
  },
  {
    // The household health card's reductions ("người thứ 6 mua BHYT được giảm trừ bao nhiêu", "các thành viên phải mua
    // cùng lúc mới được giảm trừ"): who counts (only members buying as a household), not paying two schemes at once.
    name: 'household-card-reduction',
    asks: (f) => has(/\bgiam tru\b|\bnguoi thu (?:hai|ba|tu|nam|sau|bay|[2-9])\b/, f) && has(/\b(?:bhyt|the bao hiem y te|ho gia dinh)\b/, f),
    entry: 'health_insurance.household_who_counts',
    replaces: ['health_insurance.household_who_counts', 'transfer_between_schemes.both_at_once', 'payment_mode.change_mode_income', 'health_insurance.household_hi', 'contribution_amount.how_much_month', 'health_insurance.card_gap'],
  },
  {
    // A death before the 2024 law took effect ("Tháng 3/2020 chồng tôi bị tai nạn qua đời"): the rules and the figures of
    // that time (Law 58/2014, funeral allowance 10 × the base salary then), not today's.
    name: 'died-before-reform',
    asks: (f, s) => s.memberDied === true && diedBeforeReform(f),
    entry: 'survivor.old_rule_2020',
    after: (f) => (has(/\b(?:thu tuc|ho so|giay to|o dau|nop)\b/, f) ? 'survivor.procedure' : undefined),
    replaces: ['survivor.member_dies_one_time', 'survivor.funeral_allowance', 'survivor.procedure', 'survivor.pensioner_dies', 'survivor.monthly_survivor', 'survivor.prepaid_refund'],
  },
  {
    // Survivors' papers past the 90 days ("quá hạn nộp hồ sơ hưởng chế độ tử tuất … có thể nộp được nữa không"): still
    // accepted, with a written reason for the delay.
    name: 'survivor-late-claim',
    // (Or not made yet long after, asked whether still possible: "mất năm 2024 … chưa làm hồ sơ tử tuất, giờ còn nhận được không".)
    asks: (f) =>
      (has(/\b(?:qua han|tre han|het han|qua thoi han|qua 90 ngay|nop cham|nop muon|quen (?:khong )?(?:di )?nop)\b/, f) ||
        (has(/\bchua (?:lam|nop|di lam) (?:\w+ ){0,3}(?:ho so|thu tuc)\b/, f) && has(/\bcon (?:\w+ ){0,2}(?:nhan|huong|lam|kip) (?:\w+ ){0,2}(?:duoc|kip)\b|\bcon (?:duoc|kip) (?:\w+ ){0,2}(?:khong|ko|k)\b/, f))) &&
      has(/\b(?:tuat|tu tuat|mai tang|qua doi|mat|chet)\b/, f),
    entry: 'survivor.late_claim',
    lead: (s, f) => survivorLead(s, f),
    leadsAlways: true,
    replaces: ['survivor.late_claim', 'survivor.procedure', 'survivor.member_dies_one_time', 'survivor.funeral_allowance', 'survivor.prepaid_refund', 'survivor.pensioner_dies'],
  },
  {
    // Pregnant, not yet paying, asking whether joining now is in time for the birth allowance ("đang mang thai tháng thứ
    // 3, dự sinh tháng 6/2027, bây giờ đóng thì có kịp hưởng 2 triệu"): the months from now to the birth against the 6
    // needed in the 12 before it (Law 41/2024 Art 94-95).
    name: 'birth-allowance-in-time',
    asks: (f, s) =>
      has(/\b(?:mang thai|co bau|mang bau|du sinh|sap sinh|song thai|hen sinh)\b/, f) &&
      has(/\b(?:2 trieu|thai san|tro cap (?:sinh|khi sinh)|tien sinh)\b/, f) &&
      // ("… thì có được 2 triệu tiền sinh con không": the words between.)
      has(/\b(?:kip|con kip|duoc (?:\w+ ){0,6}(?:khong|ko|k))\b/, f) &&
      (has(DUE, f) || has(PREGNANT_MONTH, f)) &&
      notPayingYet(f, s.day) &&
      // (Not after a job's insurance told by its end, "đóng bắt buộc tới hết tháng 4/2026 thì nghỉ việc": its months count too,
      // which the months before the birth reckon.)
      !has(JOB_ENDED, f),
    entry: 'maternity.conditions',
    lead: birthInTimeLead,
    leadsAlways: true,
    replaces: ['health_insurance.contributor_card', 'maternity.father', 'maternity.mixed_parents', 'maternity.conditions', 'maternity.amount', 'eligibility.who_can_join', 'contribution_amount.minimum', 'contribution_amount.how_much_month'],
  },
  {
    // A father asking whether the birth allowance is his too ("e là nam … vợ e ở nhà … vừa sinh bé … có được nhận tiền thai
    // sản ko hay chỉ phụ nữ mới được"): the father's rule.
    name: 'father-asks-allowance',
    asks: (f) => has(/\b(?:thai san|sinh|2 ?trieu)\b/, f) && has(/\bchi (?:co )?(?:phu nu|nguoi me|me|vo|lao dong nu|nu gioi|nu)(?: moi)? (?:duoc|co)\b|\b(?:dan ong|nguoi chong|nguoi cha|lao dong nam|nam gioi) (?:\w+ ){0,3}(?:co )?duoc (?:nhan|huong|lanh)\b/, f),
    entry: 'maternity.father',
    replaces: ['maternity.amount', 'maternity.conditions'],
  },
  {
    // "Chồng em cũng đóng tự nguyện thì có được cả hai suất không": one allowance per child, whichever parent claims it.
    name: 'both-parents-one-allowance',
    // (Not a whole message whose first ask is the mother's own: mother-birth-allowance answers both.)
    asks: (f) => has(BOTH_PARENTS_ASKED, f) && has(/\b(?:sinh|thai san|2 trieu|suat)\b/, f) && !has(MOTHER_ASKS, f),
    entry: 'maternity.father',
    // ("… sinh đôi. Mỗi người có được nhận trợ cấp riêng không, tổng cộng được bao nhiêu?": the allowance's sum, not the cost of
    // 15 years.)
    replaces: ['maternity.mixed_parents', 'maternity.amount', 'calculator.total_cost_15y'],
    // (Asked whether each parent gets one: no, said first, before the father's rule that opens "Có.".)
    lead: (_s, f) => (has(/\bmoi nguoi\b/, f) ? ONE_ALLOWANCE : undefined),
    leadsAlways: true,
  },
  {
    // Both parents paying voluntary insurance, a birth told ("… em đóng tự nguyện từ tháng 6/2025 … Chồng em cũng đóng tự
    // nguyện …, có được trợ cấp không, chồng em có được nhận thêm không"): the allowance, one per child, whichever parent.
    name: 'both-parents-voluntary',
    // (Asked outright by neither parent's own story, "cả hai vợ chồng … nhận 2 lần không": both-parents-one-allowance.)
    asks: (f) => has(BOTH_VOLUNTARY, f) && has(BIRTH_TOLD, f) && !(has(BOTH_PARENTS_ASKED, f) && !has(MOTHER_ASKS, f)),
    entry: 'maternity.conditions',
    after: () => 'maternity.father',
    lead: (s, f) => [ownMonthsBeforeBirth(s, f), ONE_ALLOWANCE].filter((x) => x !== undefined).join(' '),
    leadsAlways: true,
    replaces: ['maternity.amount', 'maternity.conditions', 'maternity.father', 'maternity.mixed_parents'],
  },
  {
    // The mother asks about her own birth allowance ("em dự sinh tháng 1/2027, có được tiền thai sản không", "đóng tự
    // nguyện có được tiền sinh con không") and the words matched the father's rule: hers first, his after when named.
    name: 'mother-birth-allowance',
    asks: (f) =>
      has(/\b(?:thai san|sinh con|sinh be|du sinh|sap sinh|tien sinh|2 trieu)\b/, f) &&
      (has(MOTHER_ASKS, f) || !has(/\b(?:vo|chong|nguoi cha|bo|cha|nam)\b/, f)),
    entry: 'maternity.conditions',
    after: (f) => (has(/\bchong\b/, f) ? 'maternity.father' : undefined),
    replaces: ['maternity.father'],
  },
  {
    // The husband pays voluntary insurance, the wife gives birth ("vợ tôi sinh con tháng trước, tôi đóng tự nguyện 1
    // năm, tôi có được 2 triệu không"): the father's rule, not parents in two schemes.
    name: 'father-voluntary-birth',
    asks: (f) =>
      has(/\bvo (?:toi|em|minh) (?:\w+ ){0,2}(?:sinh|de|sap sinh|du sinh|mang thai|co bau)\b/, f) &&
      has(/\b(?:toi|em|minh) (?:thi |co |dang |da |van )*(?:dong|tham gia) (?:\w+ ){0,2}tu nguyen\b/, f) &&
      !has(/\b(?:bat buoc|cong ty|co quan|hop dong)\b/, f),
    entry: 'maternity.father',
    replaces: ['maternity.mixed_parents', 'maternity.amount', 'maternity.conditions'],
  },
  {
    // A later ask by someone without a labour contract whether they may join ("… không có hợp đồng lao động. Em có tham
    // gia BHXH tự nguyện được không?"): yes (not the rule on the upper age).
    name: 'no-contract-joins-asked',
    asks: (f) => has(/\bkhong (?:co |ky )?hop dong\b/, f) && has(JOIN_ASK, f) && has(/\b(?:duoc|dc) (?:khong|ko|k|chu)\b|\bco (?:duoc|the) (?:\w+ ){0,2}(?:dong|tham gia)\b/, f),
    entry: 'eligibility.no_contract',
    laterAskOnly: true,
  },
  {
    // Drawing unemployment benefit and asking to join ("đang hưởng trợ cấp thất nghiệp, giờ đóng tự nguyện được không"):
    // yes, no job means no compulsory insurance (not the rule that voluntary insurance has no unemployment cover).
    name: 'unemployed-joins',
    asks: (f) =>
      has(/\b(?:huong|nhan|lanh|an|dang) (?:\w+ ){0,1}(?:tro cap that nghiep|bao hiem that nghiep|bhtn)\b/, f) &&
      has(/\b(?:dong|tham gia|mua)\b(?: \w+){0,4} (?:duoc|dc) (?:khong|ko|k|chu|kg)\b|\b(?:co (?:duoc|the)|duoc phep) (?:\w+ ){0,2}(?:dong|tham gia)\b/, f),
    entry: 'eligibility.no_contract',
    replaces: ['other.unemployment', 'eligibility.who_can_join', 'transfer_between_schemes.quit_job'],
  },
  {
    // Relatives of war invalids and other people with merit: health insurance paid by the State from 61 %.
    name: 'merit-relatives-card',
    asks: (f) => has(/\b(?:thuong binh|benh binh|chat doc hoa hoc|nguoi co cong)\b/, f) && has(HEALTH_CARD, f),
    entry: 'health_insurance.merit_relatives',
  },
  {
    // The husband paying when the wife does not ("nếu vợ tôi không đóng mà tôi đóng thì tôi có được nhận không"):
    // the father's allowance.
    name: 'father-maternity',
    asks: (f) =>
      has(/\b(?:thai san|sinh con|sinh|co bau|mang thai|de)\b|\b(?:duoc )?nhan (?:\w+ ){0,2}(?:khong|ko|k)\b/, f) &&
      has(/\bvo (?:toi |em |minh |tui )?(?:khong|chua|ko) (?:dong|tham gia)\b(?: \w+){0,3} (?:ma )?(?:toi|chong|anh)\b|\b(?:nguoi chong|nguoi cha|chi (?:co )?chong) (?:\w+ ){0,2}(?:dong|tham gia)\b|\bchong (?:toi |em |minh )?(?:co )?(?:duoc )?(?:nhan|huong|lanh) (?:\w+ ){0,3}(?:thai san|tro cap sinh)\b/, f),
    entry: 'maternity.father',
  },
  {
    // "Nghe nói tự nguyện giờ được hưởng cả thai sản và tai nạn lao động, có đúng không": what the scheme covers
    // (pension, survivors, the 2,000,000 birth allowance; no sickness or accident benefit), with the premium asked beside.
    name: 'which-benefits-heard',
    asks: (f) =>
      has(/\b(?:duoc huong|huong|co) (?:\w+ ){0,3}(?:ca )?(?:thai san|tai nan|om dau)\b/, f) &&
      has(/\b(?:tai nan|om dau)\b/, f) &&
      has(/\b(?:co dung khong|dung khong|phai khong|that khong|co that|nghe noi)\b/, f),
    entry: 'other.vs_compulsory',
    after: (f) => (has(/\b(?:thu nhap|muc)\b(?: \w+){0,6} (?:dong|nop) bao nhieu\b/, f) ? 'contribution_amount.how_much_month' : undefined),
  },
  {
    // An older person with nothing paid, asking whether they may start ("bà 80 tuổi, nếu đóng tự nguyện bây giờ thì có
    // được không"): yes, no upper age, and how 15 years can be reached from their age.
    // ("mẹ 58t, chưa đóng ngày nào, giờ bắt đầu đóng tự nguyện còn kịp không": whether it is too late, from 50.)
    name: 'older-starts',
    asks: (f, s) =>
      s.age !== undefined &&
      (s.age >= 60 || (s.age >= 50 && has(TOO_LATE, f))) &&
      s.yearsPaid === undefined &&
      s.drawingPension !== true &&
      !s.withdrewBefore &&
      has(JOIN_ASK, f) &&
      (has(/\b(?:duoc|dc) (?:khong|ko|k|nua khong|chua)\b/, f) || has(TOO_LATE, f)),
    entry: 'eligibility.no_upper_age',
    lead: (s) => startLead(s),
    covered: ['eligibility.no_upper_age', 'pension_conditions.late_starter'],
  },
  {
    // "Nếu đóng 10 năm thì đủ hưu chưa": fewer than 15 years supposed; 15 are needed.
    name: 'years-enough-asked',
    asks: (f) => {
      const n = /\b(?:dong|co|du) (\d{1,2}) nam (?:\w+ ){0,2}(?:du|duoc|co) (?:\w+ ){0,2}(?:huu|luong huu|dieu kien)\b/.exec(f)?.[1];
      return n !== undefined && Number(n) < 15;
    },
    entry: 'pension_conditions.years_15',
  },
  {
    // Paying more than 5 years ahead at once ("đóng trước 7 năm một lúc"): at most 5 years (60 months) a time.
    name: 'years-ahead-over-5',
    // (Years paid and a lump sum asked, "đóng 10 năm rút 1 lần được bao nhiêu", are no prepayment.)
    // ("tiền nhàn rỗi" is no "nhận".)
    asks: (f) => yearsAhead(f) !== undefined && !has(/\b(?:rut|lanh|nhan(?! roi)|huong)\b/, f),
    entry: 'payment_mode.years_ahead',
    lead: (_s, f) => overFiveAheadLead(f),
    leadsAlways: true,
  },
  {
    // "Vợ tôi có được dùng chung thẻ đó không": a card is its holder's alone.
    name: 'card-shared',
    // (Only "dùng chung": "mượn" folds as "muốn".)
    asks: (f) => has(/\bdung chung (?:\w+ ){0,3}the\b|\bthe (?:\w+ ){0,4}dung chung\b|\bdung the (?:bhyt )?(?:cua )?(?:nguoi khac|chong|vo|bo|me|con)\b/, f),
    entry: 'health_insurance.card_personal',
  },
  {
    // Out of poverty in the middle of a period paid ahead, the next period's support asked ("… tháng 9/2026 thì xã công nhận
    // nhà tôi thoát nghèo … kỳ đóng tới thì tôi được hỗ trợ bao nhiêu"): nothing owed for the period paid, the new group's
    // support from the next.
    name: 'out-of-poverty-next-support',
    asks: (f, s) => s.groupChanged === true && s.household === undefined && (s.prepaid === true || has(/\bgiua chung\b/, f)) && has(LEFT_POVERTY_SAID, f) && has(NEXT_SUPPORT_ASKED, f),
    entry: 'contribution_amount.no_recalculation',
    lead: (s) => outOfPovertySupport(s),
    leadsAlways: true,
  },
  {
    // Out of the poor or near-poor group, the support asked ("Nhà tôi vừa thoát nghèo năm nay thì … còn được hỗ trợ 50%
    // không"): the group at the time of paying decides, the new group's rate from the next period (not the 10-year cap).
    name: 'support-after-group-change',
    asks: (f, s) =>
      s.groupChanged === true &&
      s.household === undefined &&
      has(/\bcon (?:duoc )?(?:\w+ ){0,3}ho tro\b|\bho tro (?:\w+ ){0,4}(?:thay doi|con|giam|nhu cu|nhu truoc)\b/, f) &&
      !has(/\b(?:bao lau|toi da)\b/, f) &&
      !has(TOP_UP_ASKED, f),
    entry: 'subsidy.group_change',
  },
  {
    // Leaving poverty supposed in a later ask ("Nếu năm sau nhà thoát nghèo thì sao?"): the new group's support from the next
    // period, what was paid for the period kept.
    name: 'if-out-of-poverty',
    asks: (f) => has(LEFT_POVERTY_SAID, f) && has(/\b(?:thi sao|the nao|ra sao|con duoc|duoc (?:gi|bao nhieu)|co sao)\b/, f),
    entry: 'subsidy.group_change',
    lead: (s) => outOfPovertySupport(s),
    laterAskOnly: true,
  },
  {
    // A later ask to pay voluntary on top, in a letter about someone under a contract with compulsory insurance ("Chị e …
    // có hợp đồng và công ty đang đóng bhxh bắt buộc … Cho e hỏi chị e có đóng thêm dc ko?"): not at the same time.
    name: 'contract-pays-on-top',
    // (Not an ask about a parent, "bố tôi có đóng thêm được không", whose contract it is not.)
    asks: (f, s) => s.employment === 'contract' && has(/\b(?:dong|mua|tham gia|dang ky) them\b/, f) && !has(/\b(?:nam|thang) nua\b|\b(?:bo|me|cha|ong|ba|\d{2} tuoi)\b(?: \w+){0,5} (?:dong|mua|tham gia) them\b/, f),
    entry: 'eligibility.labour_contract',
    laterAskOnly: true,
  },
  {
    // First paid after the reform, asking the money back ("Em đăng ký đóng … lần đầu từ tháng 10/2025, đóng được 6 tháng thì
    // thất nghiệp … muốn rút lại số tiền đã đóng thì có được không"): no lump sum for 12 months out; the months are kept.
    name: 'joined-after-reform-money-back',
    asks: (f, s) =>
      s.startYear !== undefined &&
      (s.startYear >= 2026 || (s.startYear === 2025 && (s.startMonth ?? 0) >= 7)) &&
      s.prepaid !== true &&
      s.yearsPaid !== undefined &&
      s.withdrewBefore !== true &&
      !s.seriousIllness &&
      !s.settlingAbroad &&
      s.drawingPension !== true &&
      has(/\b(?:rut|lay) lai (?:\w+ ){0,2}tien\b|\b(?:rut|lay lai) (?:\w+ ){0,3}(?:mot lan|1 lan)\b/, f),
    entry: 'lump_sum.joined_after_2025',
    decisive: true,
  },
  {
    // A later ask whether the scheme pays for an accident or an injury ("bhxh tự nguyện có trả tiền tai nạn hay trợ cấp
    // thương tật gì không"): it has no such benefit; the voluntary occupational-accident insurance is a scheme of its own.
    name: 'accident-allowance-asked',
    asks: (f) => has(/\b(?:tra (?:tien )?|chi (?:tien )?|co (?:che do |tien )?|huong (?:che do )?|tro cap |boi thuong )(?:tai nan|thuong tat)\b/, f),
    entry: 'benefits_pension.accident_insurance',
    laterAskOnly: true,
  },
  {
    // Whether paying 3, 6 or 12 months at once costs less ("Đóng 3 tháng 1 lần có rẻ hơn đóng từng tháng không"): no, the
    // months times the monthly amount; only paying years ahead in one go is discounted.
    name: 'period-not-cheaper',
    // (Asked, not a belief told: "định đóng 12 tháng một lần vì nghe nói đóng theo năm sẽ rẻ hơn" asks the amount.)
    asks: (f) =>
      has(/\b(?:re hon|loi hon) (?:\w+ ){0,4}(?:khong|ko|k|hong)\b|\bco (?:duoc )?(?:giam|chiet khau|uu dai)\b/, f) &&
      has(/\b(?:3|6|12) thang (?:\w+ ){0,2}(?:mot lan|1 lan)\b|\btheo (?:quy|nam)\b/, f) &&
      // ("Ở đảo có được ưu đãi gì hơn trong đất liền không?": the island's support asked, not the mode's price.)
      !has(/\b(?:o dao|xa dao|dac khu|dat lien)\b/, f),
    entry: 'payment_mode.modes',
    lead: (s, f) => {
      const g = s.household === 'poor' ? ['POOR', 'hộ nghèo'] : s.household === 'near_poor' ? ['NEAR_POOR', 'hộ cận nghèo'] : s.ethnicMinority ? ['ETHNIC', 'người dân tộc thiểu số'] : ['OTHER', 'người không thuộc nhóm ưu tiên'];
      // (Years ahead named, "Nếu đóng luôn trước 8 năm thì có được giảm tiền không": at most 5 a time, those discounted.)
      const named = YEARS_AHEAD_NAMED.exec(f);
      const years = Number(named?.[1] ?? named?.[2] ?? 0);
      const ahead =
        years > 5
          ? `Không đóng trước một lần ${years} năm được: mỗi lần đóng trước tối đa 5 năm (60 tháng); đóng trước 5 năm thì số tiền được giảm theo lãi suất của quỹ, hết 5 năm đó thì đóng tiếp. `
          : years > 0
            ? `Đóng trước một lần ${years} năm thì được giảm theo lãi suất của quỹ (mỗi lần tối đa 5 năm). `
            : '';
      return `${ahead}Không rẻ hơn: đóng 3, 6 hay 12 tháng một lần thì số tiền bằng số tháng nhân với mức đóng tháng (ở mức thấp nhất, ${g[1]}: 3 tháng {PAY_${g[0]}*3} đồng, 12 tháng {PAY_${g[0]}*12} đồng); chỉ đóng một lần cho nhiều năm về sau mới được giảm theo lãi suất của quỹ. Đã đóng trước thì khi mức đóng thấp nhất tăng cũng không phải nộp thêm.`;
    },
    leadsAlways: true,
  },
  {
    // Maternity under both schemes asked ("khi sinh em được hưởng thai sản bên nào, có được nhận thêm 2 triệu của tự
    // nguyện không", hired by a company before the birth): the compulsory benefit only, not the 2,000,000 on top.
    name: 'maternity-both-schemes',
    asks: (f, s) =>
      has(/\bthai san\b/, f) &&
      has(/\b(?:ben nao|nhan them|ca hai ben|hai ben|huong ca hai|ca (?:hai|2) (?:che do|loai))\b/, f) &&
      (s.employment === 'contract' || has(/\b(?:bat buoc|cong ty|cty)\b/, f)),
    entry: 'maternity.compulsory_overlap',
  },
  {
    // Months paid ahead that the company now pays too ("tháng 1, 2/2027 em đã đóng tự nguyện rồi mà cty cũng đóng thì
    // sao"), a later ask: those months are refunded.
    name: 'prepaid-months-company-pays',
    asks: (f) => has(/\b(?:da dong|dong roi|dong truoc)\b/, f) && has(/\b(?:cty|cong ty) (?:\w+ ){0,2}(?:cung |lai |van )?dong\b/, f),
    entry: 'transfer_between_schemes.prepaid_then_employed',
    laterAskOnly: true,
  },
  {
    // Where to see whether old years were withdrawn ("hồi trước làm cty ko nhớ đã rút bhxh 1 lần chưa, giờ tra ở đâu"): the
    // record on VssID or at the insurance office; years not withdrawn still count.
    name: 'withdrawal-unsure-where-to-check',
    asks: (f, s) => s.withdrawalUnsure === true && has(/\b(?:tra|xem|kiem tra|tra cuu)\b(?: \w+){0,3} (?:o dau|cho nao|the nao|bang cach nao|nhu the nao)\b|\b(?:o dau|cho nao) (?:\w+ ){0,2}(?:tra|xem|kiem tra|tra cuu)\b/, f),
    entry: 'other.vssid_app',
    lead: () => 'Anh/chị xem quá trình đóng BHXH trên ứng dụng VssID, hoặc mang CCCD đến cơ quan BHXH nơi cư trú (hay gọi 1900 9068) để tra xem các năm làm công ty đã được giải quyết BHXH một lần chưa. Nếu chưa rút thì những năm đó vẫn được giữ và cộng với thời gian đóng sau này để đủ 15 năm hưởng lương hưu.',
    leadsAlways: true,
    decisive: true,
  },
  {
    // A member's death with their years told, the family's allowances asked, years withdrawn before beside them ("Em ấy từng
    // làm công ty 2 năm … năm 2022 đã rút một lần rồi. Từ tháng 3/2025 em ấy đóng bhxh tự nguyện … đến hết tháng 10/2026 …
    // có được nhận trợ cấp mai táng không? … Hai năm đóng bắt buộc trước đây có được tính thêm không"): what the years paid
    // since bring; the years withdrawn are not counted.
    name: 'death-after-a-withdrawal',
    // (The pension asked to go on, "Em có được nhận lương hưu thay anh …", answers it with the same years.)
    asks: (f, s) => s.memberDied === true && s.withdrewBefore === true && s.drawingPension !== true && s.yearsPaid !== undefined && has(/\b(?:mai tang|tuat)\b/, f) && !has(PENSION_OF_THE_DEAD, f),
    entry: 'survivor.member_dies_one_time',
    lead: (s, f) => {
      const own = survivorLead(s, f);
      return `${own ? `${own} ` : ''}Những năm đã nhận BHXH một lần trước đây không được tính thêm (kể cả để đủ 12 tháng đóng bắt buộc cho trợ cấp mai táng).`;
    },
    leadsAlways: true,
    decisive: true,
    wholeOnly: true,
  },
  {
    // A withdrawal asked by someone not yet paying, for a stay abroad to come ("Còn nếu em được học bổng đi du học 2 năm thì
    // em có rút một lần số tiền đã đóng được không ạ?"): joining from now, after 1/7/2025, no lump sum for studying or working
    // abroad for a time; only settling abroad, a listed illness or the retirement age.
    name: 'withdrawal-abroad-not-yet-paying',
    asks: (f, s) => s.yearsPaid === undefined && s.startYear === undefined && s.drawingPension !== true && has(/\b(?:rut|nhan|lanh) (?:\w+ ){0,5}(?:mot lan|1 lan)\b/, f) && has(/\b(?:du hoc|di hoc|ra nuoc ngoai|di nuoc ngoai|xuat canh|di xkld|xuat khau lao dong)\b/, f),
    entry: 'lump_sum.joined_after_2025',
    lead: () => 'Không: người bắt đầu đóng từ 1/7/2025 (như anh/chị nếu đóng từ bây giờ) không được rút BHXH một lần vì đi du học hay đi làm có thời hạn ở nước ngoài, vì đó không phải ra nước ngoài để định cư. Thời gian đã đóng được bảo lưu; về nước đóng tiếp, hoặc đóng tiếp ngay khi đang ở nước ngoài.',
    leadsAlways: true,
    laterAskOnly: true,
  },
  {
    // An accident asked about, a later ask ("Tai nạn lúc đang chở khách có được tính tai nạn lao động không?", "Đi biển gặp tai
    // nạn thì bhxh tự nguyện có chi trả không?"): voluntary insurance has no accident benefit; the voluntary accident
    // insurance is another scheme.
    name: 'accident-asked',
    asks: (f) => has(/\bco (?:duoc )?tinh (?:la )?tai nan lao dong\b|\btai nan\b(?: \w+){0,8}? (?:co )?(?:duoc )?(?:tinh|tra|chi tra|boi thuong|huong)\b(?: \w+){0,3} (?:khong|ko|k)\b/, f),
    entry: 'benefits_pension.accident_insurance',
    laterAskOnly: true,
  },
  {
    // Joining while drawing unemployment benefit, a later ask ("Tôi muốn hỏi: đang nhận trợ cấp thất nghiệp thì tôi có đóng tự
    // nguyện được không?"): yes, no compulsory insurance then; not that voluntary insurance has no unemployment benefit.
    name: 'joins-on-unemployment-benefit',
    asks: (f) => has(ON_UNEMPLOYMENT_BENEFIT, f) && has(/\b(?:dong|tham gia)\b(?: \w+){0,5}? (?:duoc|dc) (?:khong|ko|k)\b/, f),
    entry: 'eligibility.no_contract',
    replaces: ['other.unemployment', 'benefits_pension.no_sickness'],
    laterAskOnly: true,
  },
  {
    // Months paid ahead for after a job's compulsory insurance starts ("Tiền tự nguyện tôi đã đóng trước cho tháng 1-4/2027 thì
    // xử lý thế nào, có được giữ song song cả hai không?"), a later ask: refunded, the two not paid side by side.
    name: 'prepaid-months-then-hired',
    asks: (f, s) => s.employment === 'contract' && has(/\b(?:dong truoc|da dong (?:\w+ ){0,2}cho (?:cac )?thang)\b/, f) && has(/\b(?:xu ly|the nao|ra sao|hoan|tra lai|song song|ca hai)\b/, f),
    entry: 'transfer_between_schemes.prepaid_then_employed',
    laterAskOnly: true,
  },
  {
    // Paid ahead before the floor or the reference level rises ("đóng trước 5 năm …, chuẩn nghèo 2027 tăng, có phải đóng bù
    // phần chênh lệch không"): nothing is recalculated, no top-up.
    name: 'no-top-up-after-rise',
    asks: (f) => has(TOP_UP_ASKED, f),
    entry: 'contribution_amount.no_recalculation',
  },
  {
    // A member who leaves no relatives ("không có thân nhân … thì chế độ này sẽ được thanh toán cho ai"): the heirs.
    name: 'no-relatives-left',
    asks: (f) =>
      has(/\bkhong (?:co|con) (?:\w+ ){0,2}(?:than nhan|nguoi than|vo con|ai)\b/, f) &&
      has(/\b(?:tuat|qua doi|mat|chet|tu vong)\b/, f) &&
      has(/\b(?:cho ai|ai (?:se )?(?:duoc )?(?:nhan|huong|lanh)|thua ke)\b/, f),
    entry: 'survivor.no_relatives_inheritance',
  },
  {
    // Who among the family receives ("vợ sau và chúng tôi có được chia không", "chồng cũ mất thì vợ cũ có được tuất
    // không, con chung thì sao"): the relatives the law names, a divorced spouse not among them.
    name: 'survivor-relatives',
    asks: (f) =>
      has(/\b(?:tuat|tro cap tuat|tien tuat)\b/, f) &&
      has(/\b(?:ly hon|vo cu|chong cu|vo sau|chong sau|hai doi vo|hai doi chong|con rieng|con chung|vo hai|vo ba)\b/, f),
    entry: 'survivor.who_are_relatives',
  },
  {
    // A birth before the voluntary scheme's birth allowance began ("sinh bé hồi tháng 5/2025, có được 2 triệu không"):
    // not under the new rule (from 1/7/2025).
    name: 'birth-before-allowance',
    asks: (f) => {
      const m = /\b(?:sinh|de)\b(?: \w+){0,4}? (?:thang )?(\d{1,2}) (?:nam )?(20[12]\d)\b/.exec(f);
      return m !== null && Number(m[2]) * 12 + Number(m[1]) < 2025 * 12 + 7 && has(/\b(?:thai san|2 trieu|tro cap sinh)\b/, f);
    },
    entry: 'maternity.before_2025',
    // (Working with insurance at a school or company, "trường báo tăng": the 6 months paid in the 12 before the birth
    // decide that scheme's maternity benefit.)
    after: (f) => (has(/\b(?:bat buoc|bao tang|cong ty|truong|co quan)\b/, f) ? 'maternity.conditions' : undefined),
  },
  {
    // A birth with fewer than 6 months paid ("cả hai vợ chồng chưa ai đóng đủ 6 tháng"): not this time, and why.
    name: 'maternity-months-short',
    asks: (f) => has(/\b(?:sinh|thai san|mang thai|co bau)\b/, f) && has(/\b(?:chua|khong) (?:ai )?(?:\w+ ){0,2}du 6 thang\b/, f),
    entry: 'maternity.conditions',
    lead: () =>
      'Chưa đóng đủ 6 tháng trong 12 tháng trước khi sinh thì lần sinh này chưa được trợ cấp thai sản 2.000.000 đồng, kể cả khi cả vợ và chồng cùng tham gia; những lần sinh sau, khi đã đủ 6 tháng, thì được.',
  },
  {
    // A pensioner moving to another province asks how the pension follows them.
    name: 'pensioner-moves',
    asks: (f, s) =>
      // ("Chuyển lương hưu từ tỉnh này sang tỉnh khác" tells it is drawn.)
      ((s.drawingPension === true || has(/\b(?:dang|da) (?:huong|nhan|lanh) luong huu\b/, f)) &&
        has(/\bchuyen (?:\w+ ){0,2}(?:vao|ra|ve|den|sang|toi)\b|\bchuyen (?:noi|dia ban)\b/, f)) ||
      has(/\bchuyen (?:noi (?:nhan|huong|lanh|chi tra) )?luong huu (?:\w+ ){0,5}(?:sang|ve|den|toi|ra|vao) (?:tinh|noi|thanh pho|tp|dia phuong|\w+ khac)\b/, f),
    entry: 'other.move_pension',
  },
  {
    // The last years paid at a higher income ("5 năm cuối đóng mức 20tr thì lương hưu có tính theo mức 20tr không"): the
    // average of every year paid.
    name: 'last-years-income',
    // ("Mình nghe nói lương hưu tính theo mấy năm cuối nên định 5 năm cuối nâng lên 10 triệu …, có đúng không?" too.)
    asks: (f) => has(/\b(?:nam cuoi|nhung nam cuoi|truoc khi nghi|sap nghi)\b/, f) && has(PENSION_ON_LEVEL, f),
    entry: 'benefits_pension.how_calculated',
    lead: () => AVERAGE_NOT_LAST_YEARS,
    leadsAlways: true,
  },
  {
    // A ride-hailing or delivery driver asking whether the insurance is compulsory ("chay grab thi co phai dong bhxh bat buoc ko
    // hay tu dong tu nguyen dc"): no labour contract with the app, so no compulsory insurance; voluntary, yes. Not a registered
    // household business, which the same words "bắt buộc" pull toward.
    name: 'app-driver-not-compulsory',
    asks: (f) => has(APP_DRIVER, f) && has(/\b(?:phai|co phai|buoc phai|co bi|thuoc dien|thuoc) (?:\w+ ){0,3}bat buoc\b/, f) && !has(/\b(?:ho kinh doanh|dang ky kinh doanh|giay phep kinh doanh|nop thue|ma so thue)\b/, f),
    entry: 'eligibility.informal_workers',
    lead: () => 'Chạy xe, giao hàng qua ứng dụng mà không có hợp đồng lao động với hãng (thường chỉ là hợp đồng hợp tác) thì không thuộc diện BHXH bắt buộc; anh/chị tự tham gia BHXH tự nguyện được.',
    leadsAlways: true,
  },
  {
    // The 60/55 rule for voluntary members begun before 2021 asked by someone whose 20 voluntary years come only after the
    // general age ("chồng em sinh 9/1970 đóng tự nguyện từ 1/2015 … có được về hưu năm 60 tuổi theo diện tham gia trước 2021
    // không, hay phải đợi 62?"): no, the general age.
    name: 'early-rule-out-of-reach',
    asks: (f, s) => earlyRuleOutOfReach(f, s) !== undefined,
    entry: 'pension_conditions.by_birth_year',
    lead: (s, f) => `${earlyRuleOutOfReach(f, s)}${yearsLead(s) ? ` ${yearsLead(s)}` : ''}`,
    leadsAlways: true,
  },
  {
    // The same ask about a member who died before any pension, with the years told ("đóng tự nguyện từ tháng 3/2022 … tới tháng
    // 8/2026 thì anh mất … Em có được nhận lương hưu thay anh hoặc cộng số năm của anh vào cho em không?"): there is no pension
    // to draw, the years are not added to anyone's, and the family's allowances follow from his years.
    name: 'pension-of-the-dead-member',
    asks: (f, s) => s.memberDied === true && s.drawingPension !== true && s.yearsPaid !== undefined && s.yearsPaid < 15 && has(PENSION_OF_THE_DEAD, f),
    entry: 'survivor.member_dies_one_time',
    lead: (s, f) => {
      const added = has(/\bcong (?:\w+ ){0,3}(?:nam|thoi gian)\b|\b(?:nam|thoi gian) (?:dong )?cua (?:bo|me|cha|chong|vo|ong|ba|anh|chi)\b (?:\w+ ){0,4}(?:cho|vao)\b/, f)
        ? ' Số năm đóng của người mất cũng không được cộng sang sổ BHXH của vợ/chồng hay con; mỗi người có thời gian đóng riêng.'
        : '';
      const own = survivorLead(s, f);
      return `Không: người mất chưa hưởng lương hưu (đóng ${spell(s.yearsPaid!)}), nên không có lương hưu để nhận thay.${added}${own ? ` ${own}` : ''}`;
    },
    leadsAlways: true,
  },
  {
    // A dead pensioner's pension asked to go on to the widow or a child ("Mẹ có được lĩnh tiếp lương hưu của bố không?"): it
    // stops; the family gets the survivors' and funeral allowances instead.
    name: 'pension-of-the-dead',
    // ("… chưa hưởng lương hưu. Mẹ đóng …" is no such ask: "tiếp", "thay", "lại" or "của" must say whose pension goes on.)
    // ("… tôi có được lãnh lương hưu thay ông hằng tháng không?" too.)
    asks: (f, s) => s.memberDied === true && has(PENSION_OF_THE_DEAD, f),
    entry: 'survivor.pensioner_dies',
    lead: (s, f) => {
      const own = pensionerSurvivorLead(f, f, s.day);
      return `Không: lương hưu chỉ trả cho chính người hưởng và dừng sau tháng người đó mất; vợ/chồng, con không lĩnh tiếp được. Thay vào đó, người lo mai táng nhận trợ cấp mai táng và thân nhân nhận trợ cấp tuất.${own ? ` ${own}` : ''}`;
    },
    leadsAlways: true,
  },
  {
    // Someone else receives for the person ("tôi có nhận lương hưu thay bố được không", "ủy quyền cho vợ rút bhxh 1 lần"):
    // the authorisation, not the rules on working pensioners or on who may withdraw. ("Nhận một lần thay cho lương hưu"
    // is instead of the pension, no proxy.)
    name: 'received-by-proxy',
    // (Not for a pensioner who died: the pension stops, no one draws it for them.)
    asks: (f, s) => s.memberDied !== true && has(PROXY_ASKED, f) && has(/\bluong huu\b/, f) && !has(/\bmot lan\b/, f),
    entry: 'benefits_pension.by_proxy',
  },
  {
    name: 'withdrawn-by-proxy',
    // (Not a death's allowance, "tiền tuất một lần … có được lĩnh hằng tháng thay vợ không": no one to act for.)
    asks: (f, s) => s.memberDied !== true && has(PROXY_ASKED, f) && has(/\b(?:mot lan|1 lan)\b/, f),
    entry: 'lump_sum.by_proxy',
  },
  {
    // A pensioner who works again asks whether insurance must be paid: no (Law 41/2024 Art 2(4), (7)).
    name: 'pensioner-works',
    asks: (f, s) =>
      (s.drawingPension === true || has(/\bnguoi (?:da )?(?:nghi|ve) huu\b/, f)) &&
      has(/\b(?:di lam|lam viec|lam them|lam tiep|ky hop dong)\b/, f) &&
      has(/\b(?:phai|co phai|bat buoc) (?:\w+ ){0,2}(?:dong|tham gia)\b/, f),
    entry: 'eligibility.pensioner_working',
  },
  {
    // "Xã tôi không có bưu điện … đóng ở đâu": the commune's other collection agents, not the post office.
    name: 'no-post-office',
    asks: (f) => has(/\b(?:khong|ko|k|chua) co (?:\w+ ){0,2}buu (?:dien|cuc)\b|\bbuu (?:dien|cuc) (?:\w+ ){0,3}(?:xa|qua|rat) (?:xa|lam)\b/, f),
    entry: 'where_to_pay.collection_agents',
    replaces: ['where_to_pay.post_office', 'where_to_pay.moved_residence'],
  },
  {
    // "Đóng ở đâu?" with no move told, matched to the rule for people who moved: the collection agents in every
    // commune.
    name: 'where-to-pay',
    asks: (f) =>
      has(/\b(?:dong|nop|dang ky) (?:\w+ ){0,3}o dau\b|\bo dau (?:de )?(?:dong|nop|dang ky)\b/, f) &&
      !has(HEALTH_CARD, f) &&
      !has(/\b(?:chuyen|tam tru|thuong tru|ho khau|tinh khac|noi khac|ve que|lam an xa|nuoc ngoai|rut|mot lan|tuat|huu)\b/, f),
    entry: 'where_to_pay.collection_agents',
    replaces: ['where_to_pay.moved_residence'],
  },
  {
    // Years at one employer, then another ("cơ quan cũ 12 năm, chuyển đến cơ quan mới 16 năm, có được cộng dồn"): added up
    // under the same insurance number (Law 41/2024 Art 3(6)); what the total means for a pension.
    name: 'jobs-add-up',
    asks: (f) =>
      has(/\bcong (?:don|chung|gop|lai)\b|\bgop (?:thoi gian|so)\b|\btinh (?:lien|noi|chung)\b/, f) &&
      has(/\b(?:co quan|cong ty|cty|don vi|noi lam) (?:cu|moi|khac|truoc|sau)\b|\bchuyen (?:\w+ ){0,2}(?:co quan|cong ty|cty|don vi|viec|cho lam)\b|\b(?:hai|2|nhieu) (?:co quan|cong ty|cty|don vi|noi)\b/, f) &&
      !has(/\btu nguyen\b/, f),
    entry: 'transfer_between_schemes.combine_periods',
    lead: (s) => {
      const years = yearsLead(s);
      return `Có. Thời gian đóng BHXH ở các cơ quan, công ty (cùng một mã số BHXH) được cộng dồn, kể cả khi chuyển việc hay nghỉ việc.${years ? ` ${years}` : ''}`;
    },
    leadsAlways: true,
    replaces: ['where_to_pay.moved_residence', 'where_to_pay.collection_agents', 'transfer_between_schemes.merge_books', 'transfer_between_schemes.combine_periods', 'transfer_between_schemes.quit_job'],
  },
  {
    // A contributor moving house to another province asks where to pay: the same number, any agent there.
    name: 'contributor-moves',
    asks: (f, s) =>
      s.drawingPension !== true &&
      // ("… ở quê Nghệ An, giờ em vô Bình Dương chạy Grab" too; not "2 năm nay vo e ở nhà", the wife, unaccented.)
      has(/\bchuyen (?:tu \w+(?: \w+){0,2} )?(?:vao|ra|ve|den) (?!(?:dong|tham gia|bat buoc|tu nguyen|phuong thuc|muc)\b)\w+|\bchuyen (?:nha|cho o|noi o|ho khau)\b|\b(?:gio|nay|moi) (?:em |toi |minh |anh |chi )?(?:vo|vao|ra) (?!(?:e|em|toi|minh|tui|anh|chi)\b)(?:\w+ ){1,3}(?:lam|chay|song|o|buon ban)\b/, f) &&
      has(/\b(?:song|sinh song|o|tam tru|thuong tru|lam an|lam tu do|lam viec|chay (?:xe|grab|xe om))\b/, f) &&
      has(/\b(?:dong|nop|tham gia)\b/, f) &&
      !has(/\b(?:cong ty|ho tro)\b/, f),
    entry: 'where_to_pay.moved_residence',
  },
  {
    // A relative who draws a pension pays for the asker ("Mẹ tôi đang nhận lương hưu, mẹ muốn đóng tự nguyện cho tôi"):
    // the asker joins in their own name; who hands over the money does not matter (Law 41/2024 Art 2(4) excludes
    // only the pensioner joining).
    name: 'pensioner-pays-for-asker',
    asks: (f) => has(RELATIVE_DRAWS_PENSION, f) && has(PAYS_FOR_ASKER, f) && !has(HEALTH_CARD, f) && !has(/\b(?:qua doi|chet|tu vong)\b/, f),
    entry: 'how_to_join.for_relatives',
    lead: (s, f) =>
      `Được. Người đang hưởng lương hưu không tự tham gia BHXH tự nguyện, nhưng vẫn nộp tiền giúp người thân được: anh/chị đứng tên tham gia (khi chưa hưởng lương hưu và không thuộc diện đóng BHXH bắt buộc), ai nộp tiền cũng được.${has(/\b(?:15 nam|luong huu|bao gio|khi nao|may tuoi|kip)\b/, f.replace(RELATIVE_DRAWS_PENSION, ' ')) ? ` ${yearsLead(s) ?? ''}`.trimEnd() : ''}`,
    leadsAlways: true,
    replaces: ['eligibility.pensioner', 'eligibility.pensioner_working', 'how_to_join.for_relatives'],
  },
  {
    // Paying voluntary insurance for a relative who draws a pension ("mẹ em 62t đang lãnh lương hưu, em muốn đóng
    // cho mẹ"): a pensioner cannot join, whoever pays.
    name: 'relative-draws-pension',
    // (The relative paid for the one who draws it: "bố tôi đang hưởng lương hưu … muốn đóng cho mẹ" is for the mother.)
    asks: (f) => has(RELATIVE_DRAWS_PENSION, f) && has(FOR_RELATIVE, f) && sameRelativeNamed(RELATIVE_DRAWS_PENSION.exec(f)![0], FOR_RELATIVE.exec(f)![0]) && !has(HEALTH_CARD, f) && !has(/\b(?:qua doi|chet|tu vong|mat)\b/, f),
    entry: 'eligibility.pensioner',
    lead: () => 'Người thân đang hưởng lương hưu thì không tham gia BHXH tự nguyện được, dù ai nộp tiền; người đó đã có thẻ BHYT do quỹ BHXH đóng.',
    leadsAlways: true,
  },
  {
    // Paying voluntary insurance for a relative ("đóng cho vợ", "mua cho mẹ") read as the asker joining: the relative
    // joins in their own name and the asker may pay; a pensioner cannot join but may pay for a spouse or a child.
    name: 'join-for-relative',
    asks: (f) => has(FOR_RELATIVE, f) && !has(HEALTH_CARD, f) && !has(/\b(?:bat buoc|tra lai|hoan lai|hoan tra|qua doi|chet|tu vong)\b/, f),
    entry: 'how_to_join.for_relatives',
    lead: (s, f) =>
      // (The asker's own pension: "bố tôi đang hưởng lương hưu … muốn đóng cho mẹ" is not the asker's.)
      (s.drawingPension === true && !has(RELATIVE_DRAWS_PENSION, f)) || has(/(?<!\b(?:bo|me|cha|ong|ba|vo|chong|con|anh|chi|bac|chu|co|di|cau) )\b(?:toi|em|minh|tui) (?:\w+ ){0,2}(?:dang|da) (?:huong|nhan|lanh|co) luong huu\b|(?<!\b(?:bo|me|cha|ong|ba|vo|chong|con|anh|chi|bac|chu|co|di|cau) )\b(?:toi|em|minh|tui) (?:\w+ ){0,2}(?:ve|nghi) huu roi\b/, f)
        ? 'Anh/chị đang hưởng lương hưu thì bản thân không tham gia BHXH tự nguyện nữa, nhưng vẫn nộp tiền giúp người thân được: người thân đứng tên tham gia, với điều kiện họ chưa hưởng lương hưu và không thuộc diện đóng BHXH bắt buộc.'
        : // The relative's own plan when the years or the pension are asked ("bố 50t chưa đóng, lúc 62t chưa đủ 15 năm thì sao").
          has(/\b(?:15 nam|luong huu|bao gio|khi nao|may tuoi|kip)\b/, f)
          ? yearsLead(s)
          : undefined,
    leadsAlways: true,
    // Only the readings that would answer about the asker instead ("a pensioner cannot join"); a question on the
    // papers or the place for a relative keeps its answer.
    // ("Đóng cho cả nhà cùng lúc" is not paying compulsory and voluntary insurance at once.)
    replaces: [
      'eligibility.pensioner',
      'eligibility.pensioner_working',
      'pension_conditions.continue_after_age',
      'eligibility.no_upper_age',
      'transfer_between_schemes.both_at_once',
      'how_to_join.for_relatives',
      // ("Gia đình có thể mua BHXH tự nguyện cho cháu được không": social insurance named, not a health card.)
      'health_insurance.where_buy',
      'health_insurance.temporary_residence',
      'contact_hotline.hotline',
    ],
  },
  {
    // Registering on a relative's behalf ("chồng em không rảnh, em đi đăng ký thay được không, cần giấy tờ gì"): yes,
    // in the relative's name with their CCCD; then the papers, when asked.
    name: 'register-on-behalf',
    asks: (f) =>
      // ("đăng ký hộ kinh doanh" is a business registered, not a relative's registration.)
      has(/\b(?:dang ky|lam thu tuc|lam ho so|nop ho so|di lam|di dang ky) (?:\w+ ){0,1}(?:thay|ho(?! (?:kinh doanh|gia dinh|ngheo|can ngheo|khau)\b)|giup)\b/, f) &&
      has(/\b(?:vo|chong|bo|me|cha|con|ong|ba|anh|chi|em trai|em gai|nguoi than|nguoi nha)\b/, f) &&
      !has(/\b(?:qua doi|chet|tu vong|mat)\b/, f),
    entry: 'how_to_join.for_relatives',
    after: (f) => (has(/\b(?:giay to|ho so|thu tuc|can gi|mang gi|mang theo)\b/, f) ? 'how_to_join.papers' : undefined),
  },
  ...(['transfer_between_schemes.combine_periods', 'pension_conditions.years_15'] as const).map(
    (entry): AskRoute => ({
      // Enough years, asking whether paying on is needed for a pension ("đã đóng bắt buộc 22 năm, … mất việc, anh có cần
      // đóng tự nguyện tiếp để có lương hưu không"): no, the age is what is left; paying on only raises the rate. (With
      // the two schemes named, on the rule that adds them up.)
      name: `enough-years-pay-on-${entry === 'pension_conditions.years_15' ? 'years' : 'schemes'}`,
      asks: (f, s) =>
        s.yearsPaid !== undefined &&
        s.yearsPaid >= 15 &&
        s.drawingPension !== true &&
        (entry === 'pension_conditions.years_15' || (has(/\bbat buoc\b/, f) && has(/\btu nguyen\b/, f))) &&
        has(/\b(?:co )?(?:can|phai|bat buoc|nen) (?:\w+ ){0,2}(?:dong|tham gia) (?:\w+ ){0,3}(?:tiep|them|nua)\b(?: \w+){0,4} (?:khong|ko|k|chua|hay)\b/, f),
      entry,
      lead: (s) => {
        const lead = yearsLead(s);
        return lead ? `Không bắt buộc. ${lead}` : undefined;
      },
      leadsAlways: true,
      laterAskMatched: true,
    }),
  ),
  {
    // Enough years, asking to draw the pension now ("60t, đóng 20 năm, giờ nghỉ, có lãnh lương hưu luôn ko"): the
    // years are enough, the age decides — said plainly when the person is surely under it.
    name: 'pension-now',
    asks: (f, s) =>
      s.yearsPaid !== undefined &&
      s.yearsPaid >= 15 &&
      s.drawingPension !== true &&
      has(/\b(?:lanh|huong|nhan|co|an) (?:\w+ ){0,1}luong huu (?:luon|ngay|lien|duoc chua|chua)\b|\b(?:duoc|dc) (?:lanh|huong|nhan) luong huu (?:luon|ngay|lien)\b/, f),
    entry: 'pension_conditions.years_15',
    lead: (s) => {
      // (Twenty voluntary years begun before 2021: the age is 55/60, which the lead weighs.)
      const under = s.age !== undefined && s.sex !== undefined && s.year !== undefined && (s.age + 1) * 12 <= retirementAgeMonths(s.sex, s.year) && !transitionalEarly(s);
      const lead = yearsLead(s);
      return under ? `Chưa hưởng ngay được: anh/chị ${s.age} tuổi, chưa đến tuổi nghỉ hưu. ${lead ?? ''}`.trim() : lead;
    },
    leadsAlways: true,
  },
  ...(['male', 'female'] as const).map(
    (sex): AskRoute => ({
      // The rate for paying from now until the retirement age ("45t, nam, đóng từ giờ tới lúc về hưu thì được mấy
      // %"): the years that makes and their rate, for the sex told.
      name: `rate-until-retirement-${sex}`,
      asks: (f, s) =>
        s.sex === sex &&
        has(/\b(?:duoc|huong|lanh|nhan) (?:\w+ )?(?:may|bao nhieu) phan tram\b|\bty le (?:\w+ ){0,3}bao nhieu\b/, f) &&
        // ("… nếu tôi đóng tiếp đến khi nghỉ" too.)
        has(/\b(?:tu (?:gio|bay gio|nay)|den luc|toi luc|den khi|toi khi|cho den|lien tuc den) (?:\w+ ){0,3}(?:ve huu|nghi huu|tuoi huu|tuoi nghi huu)\b|\b(?:dong|tham gia) tiep (?:den|toi) (?:khi|luc) (?:nghi|ve)\b/, f),
      entry: sex === 'male' ? 'benefits_pension.rate_men' : 'benefits_pension.rate_women',
      lead: (s) => rateAtRetirementLead(s),
      leadsAlways: true,
    }),
  ),
  {
    // Where to register, asked beside the app ("ra đâu làm, đăng ký trên VssID được không"): the agents in person, then
    // what the app does.
    name: 'where-beside-app',
    // ("… ở đâu, làm online trên điện thoại được ko" too.)
    asks: (f) => has(/\b(?:vssid|ung dung|app|online|truc tuyen|dien thoai)\b/, f) && has(/\b(?:ra|o|den|toi) dau\b/, f),
    entry: 'how_to_join.via_vssid',
    lead: () => 'Đăng ký trực tiếp: đến đại lý thu BHXH ở xã/phường (UBND xã, Hội Phụ nữ, Hội Nông dân…) hoặc bưu điện, mang CCCD, được giúp điền tờ khai.',
    leadsAlways: true,
    replaces: ['how_to_join.via_vssid'],
  },
  {
    // Told that the State pays it all ("cán bộ thôn nói tham gia thì Nhà nước trả hết tiền, tôi không phải đóng đồng nào,
    // có đúng không"): not so; the State pays a share for 10 years at most, the person pays the rest (Decree 159/2025).
    name: 'state-pays-all-claim',
    asks: (f) =>
      has(/\bnha nuoc (?:\w+ ){0,2}(?:tra|dong|ho tro|chi|lo|bao) (?:het|toan bo|tat ca|100)\b|\b(?:khong|ko|chang) (?:phai|can|mat) (?:dong|nop|bo ra|tra) (?:\w+ ){0,2}(?:dong nao|xu nao|dong xu nao)\b/, f) &&
      has(/\b(?:bhxh|tu nguyen|bao hiem xa hoi)\b/, f) &&
      !has(HEALTH_CARD, f),
    entry: 'subsidy.rates_by_group',
    lead: (s, f) => `Không đúng: Nhà nước chỉ hỗ trợ một phần tiền đóng (cao nhất 50% mức đóng thấp nhất, trong tối đa 10 năm), người tham gia vẫn tự nộp phần còn lại. ${floorPaymentLead(s, f)}`,
    leadsAlways: true,
  },
  {
    // How many years may be paid ahead ("được đóng trước tối đa bao nhiêu năm", "đóng trước được mấy năm"): 5 at most, for
    // less than the months one by one (Decree 159/2025 Art 6), whatever the story around it matched.
    name: 'years-ahead-asked',
    asks: (f) => has(/\b(?:dong|nop) (?:\w+ ){0,2}?truoc (?:duoc |toi da |nhieu nhat |duoc toi da )?(?:bao nhieu|may) nam\b|\b(?:dong|nop) truoc (?:duoc )?(?:toi da|nhieu nhat)\b/, f),
    entry: 'payment_mode.years_ahead',
    replaces: ['contribution_amount.no_recalculation', 'payment_mode.backpay_past', 'transfer_between_schemes.prepaid_then_employed', 'contribution_amount.how_much_month', 'payment_mode.modes', 'payment_mode.monthly_or_yearly'],
  },
  {
    // A lump sum taken and the years it paid asked about ("đã rút BHXH một lần cho 8 năm … 8 năm trước đây có được tính
    // gộp vào không"): settled, not counted; the new period counts from the new start (15 years for a pension).
    name: 'withdrawn-years-asked',
    asks: (f, s) => s.withdrewBefore === true && (has(WITHDRAWN_COUNTED, f) || has(EARLIER_YEARS_COUNTED, f)),
    entry: 'transfer_between_schemes.withdrawn_not_counted',
    lead: (s, f) => rejoinLead(s, f),
    // (Not the rule on joining again after a lump sum, which says both.)
    replaces: ['benefits_pension.how_calculated', 'benefits_pension.rate_men', 'benefits_pension.rate_women', 'pension_conditions.years_15', 'pension_conditions.by_birth_year', 'pension_conditions.retirement_age', 'transfer_between_schemes.combine_periods', 'transfer_between_schemes.withdrawn_not_counted'],
  },
  {
    // The rate for years named ("đóng đủ 30 năm thì hưởng bao nhiêu %, còn nếu chỉ đóng 20 năm?"): each figure, for
    // the sex told or both; not for years already paid with a pension to come (the years lead says that).
    name: 'rate-for-years-named',
    // (Or, years paid told, other years supposed in an ask of its own: "còn nếu cố gắng đóng cho đủ 20 năm thì được bao nhiêu %".)
    asks: (f, s) =>
      (s.yearsPaid === undefined || (has(/^ ?(?:con |the |vay )?neu\b/, f) && yearsAsked(f).some((n) => n > s.yearsPaid! + 1))) &&
      has(RATE_ASKED, f) &&
      ratesForYearsLead(f, s.sex) !== undefined,
    entry: 'benefits_pension.how_calculated',
    // ("Nữ 55 tuổi, đóng đủ 15 năm thì lương hưu được bao nhiêu %": the rate, and that it starts only at the age.)
    lead: (s, f) => {
      const rates = ratesForYearsLead(f, s.sex);
      const wait = rates ? waitForAgeNote(s) : undefined;
      return wait ? `${rates} ${wait}` : rates;
    },
    leadsAlways: true,
  },
  {
    // A pensioner's health card asked ("bố vừa có quyết định hưởng lương hưu … thẻ BHYT hộ gia đình hết hạn thì có phải
    // mua tiếp không"): the pension comes with a card the fund pays for (Law 41/2024 Art 119).
    name: 'pensioner-health-card',
    // (Not a household's card for the others, "nhà 5 người, bố có lương hưu, mua BHYT hộ gia đình thì tính mấy người", nor
    // another relative's, "bố có lương hưu còn mẹ thì không".)
    asks: (f, s) =>
      s.drawingPension === true &&
      has(/\b(?:bhyt|the bao hiem y te|the y te)\b/, f) &&
      has(/\b(?:mua tiep|gia han|dong tiep|tiep tuc (?:mua|dong)|(?:co )?phai (?:mua|dong)(?: tiep| them| lai)?)\b/, f) &&
      !has(/\bcon (?:me|bo|vo|chong|ba|ong|cha)\b|\b(?:ca nha|may nguoi|\d nguoi|moi nguoi)\b/, f),
    entry: 'health_insurance.pensioner_card',
    decisive: true,
  },
  {
    // The deadline of a period that began in a month told ("đóng 12 tháng một lần, bắt đầu từ tháng 3/2026 … hạn chót
    // phải nộp là khi nào"): the last month to pay in (Law 41/2024 Art 36: the first 7 months of a year's period, the
    // first 4 of 6 months, within 3 months or the month itself), and what happens after it.
    name: 'period-deadline',
    asks: (f) => has(DEADLINE_ASKED, f) && periodDeadline(f) !== undefined,
    entry: 'payment_mode.deadlines',
    lead: (_s, f) => periodDeadline(f),
    leadsAlways: true,
  },
  {
    // The deadline of a mode asked with no start month ("đóng 6 tháng một lần cho hợp mùa vụ … trễ nhất tới tháng mấy phải
    // nộp"): the rule for that mode, with a period starting next month as the example.
    name: 'mode-deadline',
    // (Only the deadline asked of one mode: not "quá hạn … có bị tính lãi", a change asked, or every mode's.)
    asks: (f) =>
      has(/\b(?:cham|tre|muon) nhat\b|\bhan (?:chot|cuoi|nop|dong)\b|\b(?:khi nao|bao gio|luc nao|thang nao|thang may) (?:\w+ ){0,2}(?:phai |can )?(?:nop|dong)\b/, f) &&
      periodDeadline(f) === undefined &&
      has(MODE_MONTHS, f) &&
      !has(/\b(?:qua han|tre han|cham dong|nop cham|phat|tinh lai|nang|tang|giam|doi|chuyen|tung phuong thuc|cac phuong thuc|nhung phuong thuc)\b/, f),
    entry: 'payment_mode.deadlines',
    lead: (s, f) => {
      if (s.day === undefined) return undefined;
      const mode = MODE_MONTHS.exec(f)!;
      const named = mode[3];
      const months = mode[1] || mode[2] ? Number(mode[1] ?? mode[2]) : named === 'quy' || named === 'hang quy' ? 3 : named === '6 thang' || named === 'nua nam' ? 6 : 12;
      const first = monthIndex(s.day) + 1;
      const within = months === 12 ? 7 : months === 6 ? 4 : 3;
      const rule = paidWithin(months);
      return `Đóng ${months} tháng một lần thì nộp ${rule}: ví dụ kỳ từ tháng ${monthYear(first)} đến hết tháng ${monthYear(first + months - 1)} thì chậm nhất hết tháng ${monthYear(first + within - 1)}. Quá hạn mà chưa nộp thì coi như tạm dừng đóng.`;
    },
    leadsAlways: true,
  },
  {
    // Paid ahead, then the group or the floor changed ("đóng trước 12 tháng mà giữa chừng thoát nghèo thì có phải
    // đóng thêm không"): what was paid stands, nothing more to pay and nothing paid back.
    // ("Lên cận nghèo từ tháng 1 (trước là hộ nghèo)", "hết hộ nghèo giữa chừng thì có phải đóng bù": the same.)
    name: 'prepaid-then-rules-change',
    asks: (f, s) =>
      (s.prepaid === true || has(/\bgiua chung\b/, f)) &&
      // (Not paying ahead only weighed, "Bây giờ … tôi đóng trước 5 năm luôn … được không, sau này có bị truy thu thêm không".)
      !has(/\bdong truoc (?:\w+ ){0,3}?[1-5] nam\b(?: [\w,.]+){0,8}? (?:co )?duoc (?:khong|ko|k)\b/, f) &&
      (s.groupChanged === true || has(/\b(?:truoc (?:la|thuoc) ho (?:can )?ngheo|thay doi|tang|doi nhom|chuan ngheo|thoat (?:can )?ngheo|het (?:ho )?(?:can )?ngheo)\b/, f)) &&
      // ("Vậy tôi có phải nộp bù tiền hỗ trợ không?" too.)
      has(/\b(?:dong|nop|bu|truy thu|thu) them\b|\b(?:dong|nop) bu\b|\b(?:tra lai|hoan lai|hoan tra) (?:\w+ ){0,2}chenh\b|\btinh lai\b/, f),
    entry: 'contribution_amount.no_recalculation',
  },
  {
    // Paying up to 5 years ahead asked ("Tháng 12/2026 này tôi định đóng trước 5 năm một lần … làm vậy có được không, sau này
    // mức đóng tăng thì có phải nộp thêm không"): allowed, discounted; a rise later changes nothing paid.
    name: 'years-ahead-allowed',
    asks: (f) =>
      has(/\b(?:dong|nop) truoc (?:\w+ ){0,3}?([1-5]) nam\b|\b(?:dong|nop) (?:truoc )?(?:\w+ ){0,3}?(?:mot lan|1 lan) (?:cho )?([1-5]) nam (?:toi|ve sau|sau|luon)\b/, f) &&
      has(/\b(?:duoc|co duoc|nen) (?:\w+ ){0,3}(?:khong|ko|k)\b|\b(?:co duoc khong|lam vay (?:co )?duoc)\b/, f) &&
      !has(/\b(?:con thieu|cho du|du tuoi|rut)\b/, f) &&
      // (Paid ahead already and changing, "tôi đóng trước 5 năm rồi, giờ muốn đổi sang đóng hằng tháng": another rule.)
      !has(/\b(?:da|vua) (?:\w+ ){0,2}(?:dong|nop) truoc\b|\bdong truoc (?:\w+ ){0,3}roi\b|\b(?:doi|chuyen) (?:sang|qua)\b/, f),
    entry: 'payment_mode.years_ahead',
    after: (f) => (has(/\b(?:tang|nop them|dong them|dong bu|chenh lech)\b/, f) ? 'contribution_amount.no_recalculation' : undefined),
  },
  {
    // Next year's contribution asked before it starts ("mức đóng thấp nhất 2027", "hộ cận nghèo đóng năm 2027 bao
    // nhiêu"): the new floor from 1/1/2027 (provisional), not this year's figures. (Asked in 2027 itself, the
    // figures of the day already are 2027's.)
    name: 'contribution-next-year',
    asks: (f, s) =>
      s.year !== undefined &&
      s.year < 2027 &&
      has(/\b2027\b/, f) &&
      // (A date in 2027 inside a story, "tạm hoãn hợp đồng đến tháng 2/2027", asks nothing about 2027's figures.)
      !has(/\b(?:den|toi|tu) (?:thang )?\d{1,2} 2027\b/, f) &&
      // (Nor "Tháng 1/2027 tôi vào làm cho một công ty": a job.)
      !has(/\b2027 (?:\w+ ){0,2}(?:vao lam|di lam|ky hop dong|lam cho|xin tam hoan|nghi viec)\b/, f) &&
      has(/\b(?:muc dong|dong|nop|ho tro|thap nhat|toi thieu|bao nhieu|muc cu|muc moi)\b/, f) &&
      !has(/\b(?:tuoi (?:nghi |ve )?huu|luong huu|sinh|thai san)\b/, f) &&
      // (A change within a period already paid: change-within-paid-period says when, and the 2027 floor with it.)
      !changeWithinPaid(f),
    entry: 'contribution_amount.from_2027',
  },
  {
    // A pension at 60 (men) or 55 (women) asked for ("đóng bắt buộc 12 năm + tự nguyện 9 năm, có được hưởng lương
    // hưu ở tuổi 60 không"): only the transitional rule gives it (20 voluntary years begun before 2021); otherwise
    // the person's own retirement age.
    name: 'pension-at-60',
    // ("… đủ 20 năm thì được nghỉ hưu ở tuổi 55, vậy tôi có thuộc diện đó không" too.)
    asks: (f) => has(/\b(?:huong|lanh|nhan|co|ve|nghi) (?:luong )?huu (?:o|khi|luc|tu|nam) (?:tuoi |du )?(?:60|55)(?: tuoi)?\b|\b(?:60|55) tuoi (?:\w+ ){0,2}(?:duoc )?(?:huong|lanh|nhan|co) luong huu (?:chua|khong|duoc khong)\b/, f),
    entry: 'pension_conditions.transitional_20y',
    lead: (s) => [notTransitionalLead(s), yearsLead(s)].filter((x) => x !== undefined).join(' ') || undefined,
    leadsAlways: true,
    replaces: ['transfer_between_schemes.mixed_pension', 'transfer_between_schemes.combine_periods', 'pension_conditions.years_15', 'pension_conditions.retirement_age'],
  },
  {
    // The retirement age in a year named ("tuổi nghỉ hưu nữ 2027"): that year's ages, not this year's.
    name: 'retirement-age-in-year',
    // (Only when the age is what is asked: a short message, or "tuổi nghỉ hưu … là bao nhiêu".)
    asks: (f) =>
      has(/\btuoi (?:nghi |ve )?huu\b/, f) &&
      has(/\b(?:nam )?20(?:2[5-9]|3\d)\b/, f) &&
      !has(/\bsinh\b/, f) &&
      (f.trim().split(' ').length <= 8 || has(/\btuoi (?:nghi |ve )?huu (?:\w+ ){0,4}(?:la )?(?:bao nhieu|may tuoi|the nao|nhu nao)\b/, f)),
    entry: 'pension_conditions.retirement_age',
    lead: (_s, f) => {
      const year = Number(/\b20(?:2[5-9]|3\d)\b/.exec(f)?.[0]);
      return `Người đến tuổi nghỉ hưu trong năm ${year}: nam ${formatAge(retirementAgeMonths('male', year))}, nữ ${formatAge(retirementAgeMonths('female', year))}.`;
    },
    leadsAlways: true,
    replaces: ['pension_conditions.by_birth_year', 'pension_conditions.retirement_age', 'pension_conditions.years_15'],
  },
  {
    // When 15 years are reached, paying from a start told ("đóng từ tháng 7/2011, tới tháng mấy thì đủ 15 năm"):
    // the month, whether it has passed, and what follows at the person's age.
    name: 'when-fifteen-years',
    asks: (f) =>
      has(/\b(?:toi|den) (?:thang may|thang nao|khi nao|bao gio|nam nao|luc nao) (?:thi |moi )?du 15 nam\b|\b(?:khi nao|bao gio|thang may|nam nao) (?:thi |moi )?du 15 nam\b/, f) &&
      has(START_MONTH, f),
    entry: 'pension_conditions.years_15',
    lead: (s, f) => fifteenYearsLead(s, f),
    leadsAlways: true,
  },
  {
    // Both a pension and the social pension asked for ("tới 75 có được cả lương hưu lẫn trợ cấp hưu trí xã hội"):
    // not both, the social pension is for people without one; and what joining now takes for their age.
    name: 'pension-and-social-pension',
    asks: (f) => has(/\bca (?:\w+ ){0,2}luong huu (?:lan|va|voi) (?:\w+ ){0,2}tro cap huu tri\b|\bvua (?:co |huong |lanh )?luong huu vua (?:co |huong |lanh )?tro cap huu tri\b|\btro cap huu tri xa hoi (?:lan|va|voi) (?:\w+ ){0,2}luong huu\b/, f),
    entry: 'other.social_pension',
    lead: (s) =>
      [
        'Không hưởng cả hai: trợ cấp hưu trí xã hội chỉ dành cho người không hưởng lương hưu (Luật BHXH 2024, Điều 21); có lương hưu thì lương hưu thường cao hơn, kèm thẻ BHYT.',
        yearsLead(s),
      ]
        .filter(Boolean)
        .join(' '),
    leadsAlways: true,
  },
  {
    // A pensioner (or soon one) asks whether to keep buying health insurance: no, the fund pays the card once the
    // pension starts ("mẹ tôi sắp có lương hưu thì có cần mua bhyt hộ gia đình nữa không").
    name: 'pensioner-health-card',
    asks: (f) =>
      // ("Mẹ tôi bắt đầu lãnh lương hưu … từ tháng 9/2026 … hết hạn thẻ cũ có phải tiếp tục mua bhyt hộ gia đình không".)
      has(/\b(?:sap|se|khi|da|dang|moi|vua|bat dau) (?:\w+ ){0,2}(?:co|huong|nhan|lanh|an) luong huu\b/, f) &&
      has(/\b(?:can|phai|nen|co) (?:\w+ ){0,2}(?:mua|dong|tham gia) (?:\w+ ){0,2}bhyt\b|\bbhyt (?:\w+ ){0,4}(?:nua|tiep) (?:khong|ko|k)\b/, f),
    entry: 'health_insurance.pensioner_card',
    // (The old card's renewal matched, "thẻ còn hạn đến tháng 3/2027 … hết hạn thẻ cũ có phải tiếp tục mua": no renewal needed.)
    replaces: ['health_insurance.household_hi', 'health_insurance.contributor_card', 'health_insurance.where_buy', 'health_insurance.difference_cards', 'health_insurance.card_gap'],
  },
  {
    // Household health insurance for a household of a size told, or with a member who holds another card ("nhà 5
    // người, bố có lương hưu, mua BHYT hộ gia đình tính mấy người"): who counts, and the year's total for them.
    name: 'household-card-count',
    // (A poor or near-poor household's card is the State's, not the household price.)
    // (Not one person's own price, "tôi có phải mua riêng không, và giá bao nhiêu": that follows why the card is not given.)
    asks: (f, s) => has(HOUSEHOLD_CARD, f) && !(householdCardLead(s, f) ?? 'Một người mua').startsWith('Một người mua') && s.household !== 'poor' && s.household !== 'near_poor',
    entry: 'health_insurance.household_hi',
    lead: householdCardLead,
    leadsAlways: true,
    // (Only a question about health cards: a household card named in a story about a lump sum is not the ask.)
    replaces: ['health_insurance.household_hi', 'health_insurance.where_buy', 'health_insurance.difference_cards', 'health_insurance.contributor_card', 'health_insurance.older_people', 'health_insurance.household_who_counts'],
  },
  {
    // Already paying voluntary insurance, asks whether health insurance must still be bought: yes, it is not
    // included (the reverse question, whether a health card counts as insurance years, is another entry).
    name: 'health-card-still-needed',
    asks: (f) =>
      has(/\b(?:dong|tham gia|co) (?:bhxh )?tu nguyen\b(?: \w+){0,3} (?:co )?(?:can|phai|nen) (?:mua|dong|tham gia) (?:them )?bhyt\b/, f) ||
      // "đóng tự nguyện rồi, sao đi khám vẫn phải mua BHYT hộ gia đình, có phải đóng 2 lần không"
      (has(/\b(?:dong|tham gia) (?:bhxh )?tu nguyen\b/, f) && has(/\b(?:van|con|lai) (?:phai|can) (?:mua|dong) (?:them )?bhyt\b|\bdong (?:2|hai) lan\b/, f) && !has(/\b(?:luong huu|ve huu)\b/, f)),
    entry: 'health_insurance.contributor_card',
  },
  {
    // A change of level asked at once within a period being paid ("kỳ hiện tại từ tháng 7 đến tháng 12/2026 … muốn nâng
    // lên 8 triệu ngay có được không"): not before the period ends; from the next one, named by its month.
    name: 'change-within-current-period',
    asks: (f) =>
      has(/\bky (?:hien tai|nay|dang dong)\b/, f) &&
      has(/\b(?:nang|tang|ha|giam|doi|chuyen)\b(?: \w+){0,5} (?:ngay|luon|bay gio|lien)\b/, f) &&
      has(/\b(?:duoc|dc) (?:khong|ko|k)\b/, f),
    entry: 'payment_mode.change_mode_income',
    lead: (_s, f) => {
      const end = /\bky (?:hien tai|nay|dang dong) (?:\w+ ){0,6}?(?:den|toi) (?:het )?thang (\d{1,2}) (?:nam )?(20\d\d)\b/.exec(f);
      const next = end ? `tháng ${monthYear(Number(end[2]) * 12 + Number(end[1]))}` : 'kỳ tiếp theo';
      return `Chưa đổi ngay được: mức thu nhập và phương thức chỉ đổi khi hết kỳ đang đóng; anh/chị đăng ký mức mới để áp dụng từ ${next}.`;
    },
    leadsAlways: true,
  },
  {
    // When a payment is due ("hạn chót đóng tiền quý 4", "hết hạn đóng 6 tháng là khi nào"): the deadlines, not a
    // health card that expired.
    name: 'payment-deadline',
    asks: (f) =>
      (has(/\b(?:han (?:chot |cuoi )?(?:dong|nop)|het han (?:dong|nop)|thoi han (?:dong|nop)|(?:dong|nop) (?:tien )?(?:cham nhat|truoc ngay|han chot))\b|\b(?:dong|nop) (?:\w+ ){0,3}quy \d\b/, f) ||
        has(DEADLINE_WHEN, f) ||
        // "kỳ tháng 10-11-12, giờ mùng 1/12 chưa nộp thì còn kịp không"
        (has(/\b(?:con kip|kip khong|con han|con duoc nop|nop (?:\w+ ){0,2}con duoc)\b/, f) && has(/\b(?:chua (?:nop|dong)|ky|thang)\b/, f))) &&
      // (A deadline missed, "lỡ hạn", "quá hạn", is the rule on late payment; unless the deadline is asked too, "hạn chót là khi
      // nào, trễ hạn thì bị sao": both, the deadline first.)
      (!has(/\b(?:bhyt|the)\b|\b(?:lo|qua|tre|cham|quen|tron) han\b/, f) || (has(DEADLINE_WHEN, f) && !has(/\b(?:bhyt|the)\b/, f))) &&
      // ("Chưa đóng ngày nào, giờ đóng còn kịp lấy lương hưu không": in time for a pension, not a payment's deadline.)
      !has(/\bkip (?:\w+ ){0,3}(?:luong huu|ve huu|nghi huu|huu)\b/, f),
    entry: 'payment_mode.deadlines',
    after: (f) => (has(/\b(?:lo|qua|tre|cham|quen) han\b/, f) ? 'payment_mode.missed_payment' : undefined),
  },
  {
    // "Đóng BHXH tự nguyện có (bị) lỗ / thiệt không": whether joining is worth it, not what a lump sum loses.
    name: 'worth-it',
    asks: (f, s) =>
      has(/\b(?:co|bi|co bi) (?:lo|thiet|thiet thoi)\b(?: \w+){0,2} (?:khong|chu|ha)\b/, f) &&
      !has(/\b(?:rut|mot lan|lay lai|nhan lai)\b/, f) &&
      // (Under a contract whose company tells them to pay voluntary instead: the company's duty, not the scheme's worth.)
      s.employment !== 'contract',
    entry: 'benefits_pension.why_join',
  },
  {
    // At the retirement age without 15 years, asking what they get: the options (pay the rest, up to 5 years at
    // once; a lump sum; the monthly allowance), when no number of years is told (with one, advice.ts answers).
    name: 'short-of-15-at-age',
    asks: (f, s) =>
      s.yearsPaid === undefined &&
      has(/\b(?:chua|khong) (?:dong )?du (?:15|muoi lam) nam\b/, f) &&
      has(/\b(?:den|du|qua|het) tuoi\b/, f) &&
      has(/\b(?:duoc|nhan|huong|lanh) (?:\w+ ){0,2}(?:gi|che do)\b|\b(?:phai )?lam (?:the nao|sao)\b|\bthi sao\b/, f),
    entry: 'lump_sum.monthly_allowance_option',
  },
  {
    // "Có phải (bắt buộc) đóng hằng tháng không": no, the modes (monthly, every 3, 6, 12 months, years ahead), and
    // pausing is allowed.
    name: 'must-pay-monthly',
    // ("BHXH bắt buộc đóng hằng tháng bao nhiêu %" asks about compulsory insurance.)
    // ("Số tiền phải đóng hằng tháng" asks the amount: only "có phải/bắt buộc … không" asks whether one must.)
    asks: (f) =>
      has(/\bco (?:phai|bat buoc|buoc) (?:phai )?(?:dong|nop) (?:\w+ ){0,2}(?:hang thang|moi thang|tung thang|lien tuc|deu dan|deu)\b(?: \w+){0,3} (?:khong|ko|k|chua)\b/, f) &&
      !has(/\bbhyt\b/, f),
    entry: 'payment_mode.modes',
    after: (f) => (has(/\blien tuc\b/, f) ? 'payment_mode.pause_resume' : undefined),
    covered: ['payment_mode.modes', 'payment_mode.pause_resume', 'payment_mode.monthly_or_yearly'],
  },
  {
    // Stops paying and asks whether the money paid is lost ("không đóng nữa thì tiền đã đóng có mất không"): it is
    // kept ("mất" here is to lose, not to die).
    name: 'stop-money-kept',
    asks: (f, s) =>
      !s.memberDied &&
      // (Or a time stopped, "dừng 1 năm nay", "nghỉ đóng 2 năm", and the years asked about, "có mất 5 năm trước không".)
      has(/\b(?:khong|ngung|dung|nghi|thoi|bo) (?:dong|nop|tham gia)\b|\b(?:dung|ngung|nghi|bo) (?:dong |nop )?(?:\d+|mot|hai|ba) (?:nam|thang)\b/, f) &&
      // (Not the loss a withdrawal brings, "rút một lần thì có bị mất không"; one asked after it is a further ask: "… có
      // bị mất không, và tôi có rút một lần được không".)
      has(LOSES_PAID, f) &&
      !has(/\b(?:chet|qua doi|tu vong)\b/, f) &&
      !has(/\b(?:rut|lay lai|mot lan)\b/, wordsBefore(f, LOSES_PAID, 10)),
    entry: 'payment_mode.pause_resume',
    lead: () =>
      'Không mất: dừng đóng thì thời gian và số tiền đã đóng được bảo lưu, đóng tiếp lúc nào cũng được cộng dồn. Đến tuổi nghỉ hưu mà chưa đủ 15 năm thì đóng tiếp, đóng một lần phần còn thiếu (không quá 5 năm) hoặc nhận BHXH một lần.',
    leadsAlways: true,
    // ("Quá hạn không đóng có bị mất số năm không": the rule on a missed period says it, with the deadlines.)
    covered: ['payment_mode.missed_payment'],
  },
  {
    // Asks whether pausing is all right ("sau khi sinh muốn tạm ngừng đóng 6 tháng thì có sao không"): it is; the
    // years paid are kept.
    name: 'pause-asked',
    asks: (f, s) =>
      !s.memberDied &&
      has(/\b(?:tam )?(?:ngung|dung|nghi|hoan|ngat) (?:dong|nop)\b(?: \w+){0,8} (?:co sao|co anh huong|anh huong gi|co duoc khong|duoc khong|co bi gi|thi sao|co van de gi)\b/, f) &&
      !has(/\b(?:rut|lay lai|mot lan|chet|qua doi|tu vong|bat buoc)\b/, f),
    entry: 'payment_mode.pause_resume',
    covered: ['payment_mode.pause_resume', 'payment_mode.missed_payment'],
    laterAskOnly: true,
  },
  {
    // A pensioner's spouse or parent asking for a health card like theirs ("Vợ tôi có được cấp thẻ BHYT như tôi không",
    // "mẹ có được thẻ bảo hiểm y tế theo bố không"): the card is the pensioner's own; the relative buys one or is in
    // another group.
    name: 'pensioner-family-card',
    asks: (f, s) =>
      // (The card named only as "thẻ" by a spouse asking to use it, "đi khám theo thẻ của ông", in a turn of their own.)
      (has(HEALTH_CARD, f) || has(/\b(?:kham|di kham|dung|xai|chua benh|kham benh) (?:\w+ ){0,2}(?:theo|bang|chung|ke) the (?:cua )?(?:ong|ba|chong|vo|bo|me|cha)\b/, f)) &&
      // ("Tôi 60 tuổi, không có lương hưu, có được đi khám theo thẻ của ông không": the spouse asking to use the card.)
      (has(/\b(?:vo|chong|me|bo|cha|nguoi than|nguoi nha|con) (?:toi |em |minh |tui )?(?:\w+ ){0,4}(?:duoc )?(?:cap )?(?:the )?(?:bhyt|bao hiem y te) (?:\w+ ){0,2}(?:nhu|theo) (?:dien (?:cua )?)?(?:toi|em|minh|tui|chong|vo|bo|me|cha|ong ay|ba ay)\b/, f) ||
        has(/\b(?:kham|di kham|dung|xai|chua benh|kham benh) (?:\w+ ){0,2}(?:theo|bang|chung|ke) the (?:bhyt |bao hiem y te )?(?:cua )?(?:ong|ba|chong|vo|bo|me|cha|ong ay|ba ay|anh ay|ong nha toi)\b/, f)) &&
      (s.drawingPension === true || has(/\bluong huu\b/, f)),
    entry: 'health_insurance.card_personal',
    lead: () =>
      'Không theo lương hưu: thẻ BHYT do quỹ BHXH đóng chỉ cấp cho chính người có lương hưu; vợ/chồng, con không được cấp theo. Người nhà chưa có thẻ thì mua BHYT hộ gia đình (người thứ nhất 1.366.200 đồng/năm từ 1/7/2026), hoặc được Nhà nước đóng nếu thuộc nhóm khác (hộ nghèo; từ đủ 75 tuổi có trợ cấp hưu trí xã hội, từ đủ 70 tuổi nếu hộ nghèo, cận nghèo).',
    leadsAlways: true,
  },
  {
    // A pensioner asking to pay voluntary insurance for themself ("đang hưởng lương hưu, đóng thêm tự nguyện để tăng
    // lương hưu được không"): not allowed (Law 41/2024 Art 2(4)), whatever the pension's rise the words name.
    name: 'pensioner-joins',
    asks: (f, s) =>
      s.drawingPension === true &&
      // ("hiện lĩnh lương hưu 5,8 triệu", "nghỉ hưu từ năm 2021": drawn now too.)
      has(/\b(?:dang|da) (?:\w+ ){0,2}(?:huong|nhan|lanh|an) luong huu\b|\bve huu roi\b|\b(?:hien|hien nay|hien tai)(?: dang)? (?:huong|nhan|lanh|linh|an) luong huu\b|\b(?:nghi|ve) huu tu (?:nam |thang )?\d/, f) &&
      has(JOIN_ASK, f) &&
      !has(FOR_RELATIVE, f) &&
      // ("Mẹ tôi đang nhận lương hưu, mẹ muốn đóng tự nguyện cho tôi": the pensioner pays for the asker, who joins.)
      !has(PAYS_FOR_ASKER, f) &&
      !has(HEALTH_CARD, f) &&
      !has(/\b(?:qua doi|chet|tu vong)\b/, f),
    entry: 'eligibility.pensioner',
    covered: ['eligibility.pensioner', 'eligibility.pensioner_working'],
  },
  {
    // A pensioner asking to pay voluntary insurance on top to raise the pension ("Tôi đã nghỉ hưu và nhận lương hưu từ năm
    // 2023. Nay muốn đóng thêm BHXH tự nguyện để được tăng lương hưu thì có được không?"): not the yearly adjustment of
    // pensions, which "tăng lương hưu" pulls toward: pensioners may not join.
    name: 'pensioner-pays-more',
    asks: (f, s) =>
      s.drawingPension === true &&
      has(/\b(?:dong|tham gia|mua) (?:them )?(?:\w+ ){0,3}tu nguyen\b/, f) &&
      has(/\b(?:tang|nang) (?:\w+ )?luong huu\b|\bluong huu (?:\w+ ){0,2}cao hon\b/, f) &&
      !has(FOR_RELATIVE, f) &&
      !has(PAYS_FOR_ASKER, f),
    entry: 'eligibility.pensioner',
    replaces: ['benefits_pension.pension_adjustment', 'benefits_pension.how_calculated', 'benefits_pension.continue_after_pension'],
  },
  {
    // The same as a later ask of a message whose story tells the pension ("Bố tôi … đang lĩnh lương hưu. … Bố còn khỏe,
    // muốn đóng thêm BHXH tự nguyện để tăng lương hưu thì có được không?").
    name: 'pensioner-joins-asked',
    asks: (f, s) =>
      s.drawingPension === true &&
      has(/\b(?:muon|dinh|xin|tinh) (?:\w+ ){0,2}(?:dong|tham gia|mua) (?:\w+ ){0,3}tu nguyen\b/, f) &&
      // ("… được hông?", southern.)
      has(/\b(?:duoc|dc) (?:khong|ko|k|chu|hong|hok|hem)\b|\bco duoc\b/, f) &&
      !has(FOR_RELATIVE, f) &&
      !has(PAYS_FOR_ASKER, f) &&
      !has(HEALTH_CARD, f) &&
      // (Nor another's ask, "Thằng cháu nội 15 tuổi …, bố mẹ nó muốn đóng bhxh tự nguyện cho nó có được không?".)
      !has(/\b(?:cho|giup) (?:no|chau|be|con be|thang be)\b|\b(?:chau|con) (?:noi|ngoai|trai|gai)\b|\b(?:1\d|[2-5]\d) tuoi\b/, f),
    entry: 'eligibility.pensioner',
    // (The matched entry itself when the ask alone is not sure enough.)
    laterAskOnly: true,
  },
  {
    // A monthly insurance allowance (loss of working capacity, work accident) excludes joining, like a pension
    // (Law 41/2024 Art 2(4)); unemployment benefit and social assistance do not.
    name: 'monthly-allowance-joins',
    asks: (f) =>
      has(/\b(?:huong|nhan|lanh|an) (?:\w+ ){0,2}(?:tro cap (?:mat suc|bhxh hang thang|tai nan lao dong hang thang|benh nghe nghiep hang thang)|mat suc lao dong hang thang)\b/, f) &&
      has(/\b(?:tham gia|dong|mua)\b/, f),
    entry: 'eligibility.pensioner',
  },
  {
    // Took a lump sum before and asks to join again or whether a pension is still possible: yes, counted afresh.
    name: 'withdrew-then-joins',
    // (Not the social pension asked by name: "đã rút một lần … có được hưởng trợ cấp hưu trí xã hội không".)
    asks: (f, s) =>
      s.withdrewBefore === true &&
      !has(SOCIAL_PENSION_NAMED, f) &&
      (has(JOIN_ASK, f) || has(/\b(?:tham gia|dong)\b(?: \w+){0,6} (?:luong huu|nghi huu|ve huu)\b/, f)) &&
      !has(/\b(?:hoan tra|tra lai|nop lai|khoi phuc|mua lai)\b|\b(?:muon|dinh|tinh|can) (?:\w+ ){0,3}rut\b/, f),
    entry: 'eligibility.rejoin_after_withdrawal',
    lead: (s, f) => rejoinLead(s, f),
    covered: ['eligibility.rejoin_after_withdrawal', 'transfer_between_schemes.withdrawn_not_counted'],
  },
  {
    // Stops paying and asks what is left at the retirement age: what the years paid mean (pension at 15 years,
    // otherwise paying up to 5 missing years at once, a lump sum or a monthly allowance).
    name: 'stop-and-wait',
    asks: (f, s) =>
      s.yearsPaid !== undefined &&
      has(/\b(?:dung|ngung|nghi|thoi|khong) (?:dong|tham gia|dong tiep)\b|\bmuon dung\b/, f) &&
      has(/\b(?:den|du|khi|luc) (?:tuoi )?(?:nghi |ve )?huu\b|\bsau nay\b/, f) &&
      !has(/\b(?:rut|lay lai|mot lan)\b/, f),
    entry: 'pension_conditions.years_15',
    lead: yearsLead,
    after: (f) => (has(/\b(?:duoc (?:nhan|huong) (?:\w+ ){0,2}gi|nhan (?:duoc )?gi|co (?:duoc )?gi)\b/, f) ? 'lump_sum.monthly_allowance_option' : undefined),
    covered: ['pension_conditions.years_15', 'lump_sum.monthly_allowance_option', 'pension_conditions.pay_missing_once'],
  },
  {
    // A poor or near-poor household's health card ("hộ cận nghèo mua BHYT được hỗ trợ không"): the State pays the
    // card of the poor and at least 70 % of the near-poor's. Asked with nothing of social insurance, whatever the
    // matcher picked (the support of voluntary insurance is another ask); beside it, only the health-card entries.
    name: 'poor-household-card',
    asks: (f, s) => poorHouseholdCard(f, s) && !has(/\b(?:bhxh|tu nguyen|luong huu)\b/, f),
    entry: 'health_insurance.poor_near_poor',
  },
  {
    name: 'poor-household-card-beside',
    asks: poorHouseholdCard,
    entry: 'health_insurance.poor_near_poor',
    replaces: ['health_insurance.household_hi', 'health_insurance.where_buy', 'health_insurance.difference_cards', 'health_insurance.contributor_card', 'health_insurance.older_people'],
  },
  {
    // "Đóng tự nguyện có được hỗ trợ không" beside years paid: the support's rates, not the rule that months before
    // 2018 had none (only when a year before 2018, or making up for them, is named).
    name: 'support-asked',
    asks: (f) => has(/\b(?:co )?(?:duoc )?(?:nha nuoc )?ho tro\b/, f) && !has(/\b(?:2018|truoc|bu|nam nao|tu nam|(?:19\d\d|200\d|201[0-7]))\b/, f),
    entry: 'subsidy.rates_by_group',
    replaces: ['subsidy.before_2018'],
  },
  {
    // This month not paid yet on the monthly mode, asked whether it can be paid next month ("đóng theo tháng, tháng 11
    // đóng rồi, tháng 12 chưa đóng, để qua tháng 1 đóng bù tháng 12 được không"): it can be paid until the month's end;
    // after that it is a month not paid, not made up later.
    name: 'this-month-unpaid',
    decisive: true,
    asks: (f, s) => s.day !== undefined && has(/\b(?:dong|nop) (?:theo thang|hang thang)\b/, f) && new RegExp(`\\bthang ${Number(s.day.slice(5, 7))} (?:nay )?(?:chua|quen|khong) (?:\\w+ )?(?:dong|nop)\\b`).test(f),
    entry: 'payment_mode.missed_payment',
    lead: (s) => {
      const m = Number(s.day!.slice(5, 7));
      const y = Number(s.day!.slice(0, 4));
      return `Đóng hằng tháng thì tiền tháng ${m}/${y} nộp trong tháng đó: anh/chị nộp ngay, chậm nhất hết ngày cuối tháng ${m}/${y}. Sang tháng sau mới nộp thì tháng ${m} không còn được đóng cho tháng đó nữa mà coi như tạm dừng (không bị phạt, thời gian cũ vẫn giữ).`;
    },
    leadsAlways: true,
  },
  {
    // Months missed after joining ("năm 2022 đóng được 6 tháng rồi bỏ, giờ đóng lại có phải đóng bù không, có mất gì
    // không"): nothing to make up, the months paid are kept; not the rule on years before joining.
    name: 'missed-months',
    asks: (f, s) =>
      (s.yearsPaid !== undefined || has(/\b(?:da|tung) (?:dang ky|dong|tham gia)\b|\bdang ky (?:dong|tham gia)\b(?: \w+){0,6} tu (?:thang |nam )?\d|\bdong (?:\w+ ){0,4}duoc \d+ (?:thang|nam)\b/, f)) &&
      has(/\b(?:bo|nghi|ngung|dung|khong|chua) (?:\w+ ){0,2}dong\b|\b(?:roi|thi) (?:bo|nghi|ngung)\b/, f) &&
      has(/\b(?:dong bu|truy dong|bu (?:lai|cho)|mat (?:quyen loi|gi)|anh huong)\b/, f) &&
      // (At the retirement age with 10 to 15 years, "có được đóng bù một lần 3 năm để lĩnh lương hưu không" is the lump
      // payment of the missing years.)
      !(s.sex !== undefined && s.age !== undefined && s.yearsPaid !== undefined && s.yearsPaid >= 10 && s.yearsPaid < 15 && s.age * 12 >= retirementAgeMonths(s.sex, s.year ?? 2026)),
    entry: 'payment_mode.missed_payment',
    // (Whole years of a stop asked to be paid back, "muốn đóng bù 4 năm 2023-2026 cho liền mạch được không": they cannot be.)
    lead: (_s, f) => yearsBackpayLead(f),
    leadsAlways: true,
  },
  {
    // Moving away from Hà Nội or Ninh Bình, whether the amount changes asked ("chuyển về quê ở Bắc Giang cũ … mức đóng thấp
    // nhất có thay đổi không"): the province's top-up stays behind.
    name: 'moved-from-top-up',
    decisive: true,
    asks: (f, s) => has(/\b(?:muc dong|tien dong|so tien|dong (?:\w+ ){0,3}(?:bao nhieu|the nao))\b(?: \w+){0,6}? (?:co )?(?:thay doi|doi|khac|giu nguyen|nhu cu)\b|\b(?:muc dong|tien dong)\b(?: \w+){0,6}? bao nhieu\b/, f) && movedFromTopUpLead(f, s) !== undefined,
    entry: 'where_to_pay.moved_residence',
    lead: (s, f) => movedFromTopUpLead(f, s),
    leadsAlways: true,
  },
  {
    // Moved away, paying on where one lives now asked ("trước ở Sóc Trăng đóng … 6 năm, giờ lên Bình Dương … đóng tiếp ở đây
    // được không hay phải rút ra"): anywhere, with the same code; a withdrawal named, what it loses.
    name: 'pay-on-after-moving',
    asks: (f) =>
      has(/\b(?:truoc|hoi truoc|truoc day) (?:\w+ ){0,3}(?:o|song) (?!day\b)\w+/, f) &&
      has(/\b(?:gio|nay|hien nay|bay gio) (?:\w+ ){0,2}(?:len|xuong|vao|vo|ra|chuyen)\b/, f) &&
      has(/\b(?:dong|nop) tiep (?:o|tai) (?:day|tren nay|trong nay|ngoai nay|duoi nay|\w+ \w+)\b/, f),
    entry: 'where_to_pay.moved_residence',
    after: (f) => (has(/\b(?:rut|nhan mot lan)\b/, f) ? 'lump_sum.what_is_lost' : undefined),
  },
  {
    // Paying where one lives, not at home ("đóng ở Sài Gòn được không hay phải về quê đóng"): anywhere.
    name: 'pay-where-living',
    asks: (f) => has(/\bve que (?:\w+ ){0,2}(?:dong|dang ky|tham gia)\b|\b(?:dong|tham gia|dang ky) (?:\w+ ){0,4}(?:noi|o) (?:\w+ ){0,3}(?:tam tru|dang o|dang song|lam an)\b/, f),
    entry: 'where_to_pay.moved_residence',
    replaces: ['payment_mode.deadlines', 'where_to_pay.collection_agents'],
    after: (f) => (has(/\b(?:han (?:chot|cuoi)|thoi han|khi nao (?:phai )?(?:dong|nop))\b/, f) ? 'payment_mode.deadlines' : undefined),
  },
  {
    // A social pensioner's health card ("lãnh trợ cấp hưu trí xh thì có thẻ BHYT không"): the State pays it.
    name: 'social-pension-card',
    asks: (f) => has(HEALTH_CARD, f) && has(SOCIAL_PENSION_NAMED, f),
    entry: 'health_insurance.older_people',
    replaces: ['health_insurance.pensioner_card', 'health_insurance.household_hi', 'health_insurance.where_buy', 'health_insurance.difference_cards', 'health_insurance.contributor_card'],
  },
  {
    // A social pensioner's death ("đang lãnh 500k rồi thì khi mất có được hỗ trợ mai táng không"): 10,000,000 to
    // whoever arranges the funeral (Decree 176/2025 Art 4), not the insurance's funeral allowance.
    name: 'social-pension-funeral',
    asks: (f, s) =>
      s.drawingPension !== true &&
      (has(SOCIAL_PENSION_NAMED, f) || has(/\b(?:lanh|nhan|huong|an) (?:\w+ ){0,2}(?:500k|500 nghin|500 ngan|500 000 dong)\b/, f)) &&
      has(/\b(?:mai tang|ma chay|dam tang|lo hau su)\b/, f),
    entry: 'other.social_pension',
    lead: () => 'Người đang hưởng trợ cấp hưu trí xã hội qua đời thì người lo mai táng được hỗ trợ chi phí mai táng 10.000.000 đồng (Nghị định 176/2025/NĐ-CP, Điều 4); gia đình làm hồ sơ tại UBND xã/phường nơi cư trú.',
    leadsAlways: true,
  },
  {
    // An old person with no pension, what the State gives asked ("ba e 70t chua dong bhxh ngay nao … co dc tro cap gi
    // ko", "người nghèo, cận nghèo từ 70 tuổi được nhận trợ cấp hằng tháng, bố tôi có được không"): the social pension,
    // from 75, or 70 in a poor or near-poor household (Law 41/2024 Art 21), said for their age.
    name: 'elder-allowance-asked',
    decisive: true,
    asks: (f, s) =>
      (s.age ?? 0) >= 60 &&
      // (A member who drew a pension and died: the allowance asked for a relative in so many words, "mẹ có được khoản trợ
      // cấp hằng tháng nào không", not what the family gets.)
      (s.drawingPension !== true || (s.memberDied === true && has(RELATIVE_ALLOWANCE, f))) &&
      (s.yearsPaid === undefined || s.yearsPaid < 1) &&
      // ("giờ có được nhận tiền gì hàng tháng ko" too.)
      has(/\b(?:duoc|nhan|huong|co) (?:\w+ ){0,2}(?:tro cap|ho tro|khoan|che do|tien) (?:gi|nao|hang thang)\b|\b(?:tro cap|ho tro) (?:\w+ ){0,2}(?:cua )?nha nuoc\b|\btro cap hang thang\b/, f) &&
      // (Paying asked first, "con tôi muốn đóng cho tôi 15 năm một lần … nếu không thì …": that answer leads; a health card
      // asked too has its own rule first.)
      !has(JOIN_ASK, f) &&
      !has(HEALTH_CARD, f) &&
      !has(/\b(?:muon|dinh|co the) (?:\w+ ){0,3}(?:dong|tham gia|mua)\b/, f),
    entry: 'other.social_pension',
    lead: (s, f) => parentsSocialPensionLead(s) ?? socialPensionAgeLead(s),
    leadsAlways: true,
  },
  {
    // The money for old people without a pension heard of and asked for a relative of that age ("… nghe nói luật mới cho
    // người già ko có lương hưu được nhận tiền hằng tháng. Bố chồng em 71 tuổi có được nhận ko"): the social pension first,
    // whatever a lump sum taken long ago or a health card asked after it.
    name: 'old-age-money-heard',
    decisive: true,
    asks: (f, s) => has(OLD_AGE_MONEY, f) && (s.age ?? 0) >= 60 && s.drawingPension !== true,
    entry: 'other.social_pension',
    // (Joining asked too, "có nên cho bố đóng BHXH tự nguyện nữa không", comes after: the allowance is what was heard of.)
    lead: (s, f) => parentsSocialPensionLead(s) ?? socialPensionLead(s, ''),
    leadsAlways: true,
  },
  {
    // The asker's own joining asked after a story about someone else ("… chồng em mất … Em cũng muốn tự đóng BHXH tự nguyện
    // cho bản thân thì có được không"): who may join, for them.
    name: 'own-joining-later',
    asks: (f) => has(/\b(?:cho ban than|(?:toi|em|minh|tui) cung (?:muon|dinh|tinh))\b/, f) && has(/\b(?:dong|tham gia) (?:\w+ ){0,2}tu nguyen\b/, f) && has(/\b(?:duoc|dc) (?:khong|ko|k)\b/, f),
    entry: 'eligibility.who_can_join',
    laterAskOnly: true,
  },
  {
    // A later ask for what old people get ("… Nếu không thì có khoản trợ cấp nào của nhà nước cho người già không?"):
    // the social pension, from the age for this person's household.
    name: 'old-people-allowance-asked',
    asks: (f) => has(/\b(?:tro cap|ho tro|tien|che do)\b(?: \w+){0,6} (?:nguoi gia|nguoi cao tuoi|tuoi gia|luc gia|khi gia)\b/, f) && !has(JOIN_ASK, f),
    entry: 'other.social_pension',
    lead: (s, f) => parentsSocialPensionLead(s) ?? socialPensionAgeLead(s),
    laterAskOnly: true,
  },
  {
    // The social pension (Law 41/2024 Art 21-22) for old people without a pension; health cards are another rule.
    // Named, it is the ask even beside joining for the person ("đóng tự nguyện cho bà 77 tuổi … bà có được trợ cấp hưu
    // trí xã hội không"): with what joining would take at that age.
    name: 'social-pension',
    // (Before the retirement month: "Bố tôi sinh năm 1953, không có lương hưu, bao giờ được trợ cấp?" is this.)
    // (The money for old people told as heard of, "luật mới cho người già ko có lương hưu được nhận tiền hằng tháng", leads a
    // letter that asks a health card and joining too.)
    asks: (f, s) =>
      // (Or named with when or how much, "khi nào ông được nhận trợ cấp hưu trí xã hội, mỗi tháng bao nhiêu, có được cấp thẻ
      // BHYT không": the allowance first, the card after.)
      (!has(HEALTH_CARD, f) || has(OLD_AGE_MONEY, f) || (has(SOCIAL_PENSION_NAMED, f) && has(/\b(?:khi nao|bao gio|bao nhieu)\b/, f))) &&
      (has(SOCIAL_PENSION_NAMED, f) ||
        has(OLD_AGE_MONEY, f) ||
        (!has(JOIN_ASK, f) && has(/\b(?:tro cap xa hoi|luong huu xa hoi)\b/, f)) ||
        // "luật mới cho người già nhận tiền, bà phải chờ tới bao nhiêu tuổi": the social pension, by its age.
        (has(/\bnguoi (?:gia|cao tuoi|gia yeu) (?:\w+ ){0,2}(?:nhan|duoc|co|lanh) (?:\w+ ){0,1}tien\b/, f) && has(/\b(?:bao nhieu tuoi|may tuoi|tuoi nao|cho (?:toi|den))\b/, f)) ||
        ((has(/\b(?:7\d|8\d|9\d) tuoi\b/, f) || (s.age !== undefined && s.age >= 70)) &&
          has(/\b(?:khong|chua) (?:\w+ ){0,2}luong huu\b/, f) &&
          // Asks what they may get: an allowance, support, money ("được hỗ trợ gì", "nhận tiền gì", "chế độ gì").
          has(/\b(?:tro cap|ho tro|che do|(?:duoc|nhan|huong|lanh) (?:\w+ ){0,2}(?:gi|tien))\b/, f) &&
          !has(JOIN_ASK, f))),
    entry: 'other.social_pension',
    // (An age told: reached or not; a lump sum taken before is no bar, asked or not: "đã rút một lần thì có bị loại không".)
    // (Joining asked too, by someone short of the social pension's age: what joining would take at that age.)
    lead: socialPensionLead,
    leadsAlways: true,
  },
  {
    // "Sinh tháng 5/1969 thì khi nào được nghỉ hưu?": the month this person reaches the retirement age.
    name: 'retirement-date',
    asks: (f) =>
      // (Nor the social pension's age: "Khi nào ông được nhận trợ cấp hưu trí xã hội".)
      asksRetirementDate(f) && !has(/\b(?:rut|mot lan|tuat|qua doi)\b/, f) && !has(SOCIAL_PENSION_NAMED, f),
    entry: 'pension_conditions.by_birth_year',
    // ("… đủ tuổi hưu chưa, đóng tiếp sau tuổi hưu được không": going on paying, next.)
    after: (f) => (has(/\b(?:dong tiep|tiep tuc dong|dong them)\b/, f) ? 'pension_conditions.continue_after_age' : undefined),
    leadsAlways: true,
    // With the years paid told, what they mean too (how many are missing, paying the rest at once).
    // (20 voluntary years begun before 2021 retire at 55 or 60: the general age would contradict it, so it is left out.)
    lead: (s, f) => [transitionalEarly(s) ? undefined : retirementDateLead(f, s), yearsLead(s)].filter((x) => x !== undefined).join(' ') || undefined,
    covered: ['pension_conditions.retirement_age'],
  },
  {
    // "Đóng 6 năm, mức 3 triệu, rút một lần được bao nhiêu tiền?": the lump sum's amount (not the premium for
    // that income), estimated for the years and income told.
    name: 'lump-sum-amount',
    asks: (f) =>
      // ("Rút được bao nhiêu": withdrawing is the lump sum, named or not.)
      (has(/\b(?:rut|nhan|huong|lanh|lay)\b(?: \w+){0,5} (?:mot lan|1 lan)\b/, f) || has(/\brut (?:ra |het )?(?:thi )?(?:duoc )?(?:khoang )?bao nhieu\b/, f)) &&
      has(/\b(?:duoc bao nhieu|bao nhieu tien|khoang bao nhieu|muc huong|duoc tinh (?:nhu )?the nao|tinh (?:nhu )?the nao)\b/, f) &&
      !has(/\bluong huu (?:\w+ ){0,3}bao nhieu\b|\b(?:phai )?(?:dong|nop) (?:\w+ ){0,3}bao nhieu\b|\b(?:tuat|mai tang|qua doi|chet|tu tran|mat)\b/, f),
    entry: 'lump_sum.amount',
    lead: (s, f) => lumpSumEstimateLead(f, s),
    // "Có được rút không và được bao nhiêu?": whether first (the conditions), then how much.
    before: (f) => (has(WHETHER_WITHDRAW, f) ? 'lump_sum.when_allowed' : undefined),
    leadsAlways: true,
    covered: ['lump_sum.amount'],
  },
  {
    // A pensioner who died, the family asking what they get, with how long the pension was drawn ("bố đang lãnh lương
    // hưu được 5 tháng … nhà em được những khoản gì"): the months of pension, the funeral allowance, then the papers.
    name: 'pensioner-died-what-family-gets',
    asks: (f, s) =>
      s.memberDied === true &&
      pensionerSurvivorLead(f, f, s.day) !== undefined &&
      has(/\b(?:duoc|nhan|huong) (?:\w+ ){0,3}(?:gi|nhung gi|khoan gi|che do gi|quyen loi gi|bao nhieu)\b|\btuat (?:mot|1) lan\b/, f),
    entry: 'survivor.pensioner_dies',
    lead: (s, f) => pensionerSurvivorLead(f, f, s.day),
    after: (f) => (has(/\b(?:bao lau|thoi han|ho so|thu tuc|giay to|o dau)\b/, f) ? 'survivor.procedure' : undefined),
    leadsAlways: true,
  },
  {
    // The family asks how the one-time survivor allowance is reckoned ("thân nhân được tuất 1 lần, cách tính"):
    // that rule, not the monthly one, for a member who drew no pension.
    name: 'one-time-survivor',
    asks: (f, s) => s.drawingPension !== true && has(/\btuat (?:mot|1) lan\b/, f) && !has(/\b(?:tuat hang thang|hang thang)\b/, f),
    entry: 'survivor.member_dies_one_time',
    lead: (s, f) => survivorLead(s, f),
    // (The funeral allowance alone does not answer the one-time allowance asked; the lead says both.)
    covered: ['survivor.member_dies_one_time', 'survivor.pensioner_dies', 'survivor.procedure', 'survivor.prepaid_refund', 'survivor.no_relatives_inheritance'],
  },
  {
    // A quarter just paid and a new level wanted at once ("… vừa đóng xong quý 4/2026. Giờ tôi muốn tăng lên mức 4 triệu thì có
    // đổi ngay được không"): from the next quarter, with the amounts at the new level.
    name: 'change-after-quarter-paid',
    decisive: true,
    asks: (f, s) => quarterPaidEnd(f, s.day) !== undefined && has(/\b(?:tang|nang|giam|ha|doi|chuyen)\b/, f) && has(/\b(?:ngay|luon|duoc khong|duoc ko)\b/, f),
    entry: 'payment_mode.change_mode_income',
    lead: (s, f) => {
      const end = quarterPaidEnd(f, s.day)!;
      return `Chưa đổi ngay được: quý anh/chị đã đóng kéo dài đến hết tháng ${monthYear(end)}; mức thu nhập mới áp dụng từ quý tiếp theo, tức từ tháng ${monthYear(end + 1)}.`;
    },
    after: () => 'calculator.premium_for_income',
  },
  {
    // "Đang đóng 12 tháng một lần, muốn chuyển sang đóng hằng tháng": changing the mode or the income, allowed
    // once the period paid for ends (not the list of modes).
    name: 'change-mode',
    asks: (f) =>
      has(/\b(?:chuyen|doi|thay doi) (?:sang|qua|lai) (?:dong |phuong thuc )?(?:hang thang|theo thang|3 thang|6 thang|12 thang|theo nam|theo quy|mot lan)\b|\b(?:doi|thay doi|chuyen)(?! tuong\b) (?:\w+ ){0,2}(?:phuong thuc|hinh thuc|muc dong|muc thu nhap|cach dong)\b|\b(?:muon|xin|duoc|co the|dinh) (?:\w+ )?(?:tang|giam|nang|ha) (?:\w+ ){0,2}(?:muc dong|muc thu nhap|thu nhap dong|tien dong)\b|\b(?:tang|giam|nang|ha) (?:muc dong|muc thu nhap) (?:tu|len|xuong)\b|\b(?:ha|giam) xuong (?:\w+ )?muc\b|\b(?:tang|nang) len muc (?:thu nhap|\d+ trieu)\b|\b(?:tang|nang|giam|ha|doi) (?:len|xuong|sang) (?:muc )?\d+(?:[.,]\d+)? ?(?:tr\w*|trieu)\b/, f) &&
      // ("… hạ xuống mức thấp nhất … và lấy lại tiền chênh lệch": the difference back, no withdrawal.)
      !has(/\b(?:bat buoc|rut)\b|\blay lai\b(?! (?:\w+ ){0,2}chenh lech\b)/, f) &&
      // (The household health card's reductions, "được giảm trừ mức đóng", are not a level changed; "chuyển sang đóng 3
      // tháng một lần thì hạn đóng thế nào" asks the new mode's deadline.)
      !has(/\bgiam tru\b|\bhan (?:chot |cuoi )?(?:dong|nop)\b|\bthoi han (?:dong|nop)\b/, f),
    // (The person changes the level: "muốn tăng mức đóng lên 5 triệu"; "mức đóng có tăng không" asks about the rules.)
    entry: 'payment_mode.change_mode_income',
    // A period already paid and the change wanted at once ("đóng quý 10-12 rồi, giờ muốn nâng lên 5tr từ tháng 12 luôn"):
    // not within the period paid; from the next one.
    // ("Đã đóng 12 tháng một lần từ tháng 3/2026, giờ muốn tăng mức": the period runs to 2/2027, the change from 3/2027.)
    lead: (s, f) => {
      const running = periodRunning(f, s.day);
      // ("… và lấy lại tiền chênh lệch được không": what was paid for the period stays as it is.)
      const noRefund = has(/\bchenh lech\b|\b(?:tra lai|hoan lai|lay lai)\b/, f) ? ' Tiền đã đóng cho kỳ này không tính lại và không được trả lại phần chênh lệch.' : '';
      if (running) {
        // ("… muốn nâng lên mức 6 triệu từ tháng 1/2027 được không" within a period that runs to 2/2027: not from that month.)
        const asked = /\btu thang (\d{1,2}) (?:nam )?(20\d\d)\b/.exec(f);
        const askedAt = asked ? Number(asked[2]) * 12 + Number(asked[1]) - 1 : undefined;
        const opening = askedAt !== undefined && s.day !== undefined && askedAt > monthIndex(s.day) && askedAt < running.nextAt ? `Chưa đổi từ tháng ${monthYear(askedAt)} được` : 'Chưa đổi ngay được';
        return `${opening}: kỳ ${running.months} tháng anh/chị đã đóng từ tháng ${running.from} kéo dài đến hết tháng ${running.until}; mức thu nhập hoặc phương thức mới áp dụng từ tháng ${running.next}, khi đóng kỳ tiếp theo.${noRefund}`;
      }
      // ("Từ tháng 1/2027 em muốn chuyển sang đóng hằng tháng và vẫn giữ mức 2 triệu có được không": the mode yes, a level below
      // next year's floor no.)
      const kept = /\b(?:giu|van giu|giu nguyen) (?:muc )?(?:thu nhap )?(\d{1,2})(?: (\d))? ?trieu\b/.exec(f);
      const below = kept && s.day !== undefined ? belowNextFloor(Number(kept[1]) * 1_000_000 + Number(kept[2] ?? 0) * 100_000, s.day) : '';
      if (below) return `Đổi phương thức từ kỳ tiếp theo thì được, nhưng không giữ được mức ${kept![1]}${kept![2] ? `,${kept![2]}` : ''} triệu:${below.replace(/^ Lưu ý:/, '')}`;
      return has(/\b(?:da |vua )?(?:dong|nop) (?:\w+ ){0,3}(?:quy|ky|thang \d{1,2} \d{1,2} \d{1,2}|\d{1,2} \d{1,2} \d{1,2}) (?:\w+ ){0,3}roi\b|\bda (?:dong|nop) (?:\w+ ){0,3}(?:quy|ky) (?:nay|do)\b/, f) &&
        has(/\b(?:luon|ngay|tu thang nay|tu thang \d{1,2}(?: nay)? luon)\b/, f)
        ? 'Chưa đổi ngay được trong kỳ đã đóng: mức thu nhập hoặc phương thức mới áp dụng từ kỳ đóng tiếp theo, sau khi kỳ đang đóng kết thúc.'
        : undefined;
    },
    leadsAlways: true,
  },
  {
    // An old person asking to join ("bà tôi 80 tuổi có được tham gia không"): no upper age, and what it takes.
    name: 'old-age-joins',
    asks: (f, s) =>
      // 60 or over, or told to be past the working age ("hết tuổi lao động có được tham gia?").
      ((s.age !== undefined && s.age >= 60) || ((s.reachedAge === true || has(/\b(?:het|qua|ngoai) tuoi (?:lao dong|nghi huu|ve huu)\b/, f)) && has(CAN_JOIN, f))) &&
      s.yearsPaid === undefined &&
      s.drawingPension !== true &&
      // (A pension named is the ask only when joining is not: "có thể tham gia … để sau này được lương hưu không?" asks to join.)
      (has(CAN_JOIN, f) || (has(/\b(?:tham gia|dong|mua)\b(?: \w+){0,4} (?:duoc (?:khong|ko|k|nua)|khong)\b/, f) && !has(/\b(?:luong huu|huu tri)\b/, f))) &&
      !has(/\b(?:rut|mot lan|bhyt|tro cap|ho tro|bao nhieu)\b/, f),
    entry: 'eligibility.no_upper_age',
    lead: yearsLead,
    covered: ['eligibility.no_upper_age', 'pension_conditions.late_starter', 'eligibility.pensioner', 'eligibility.pensioner_working', 'eligibility.foreigner'],
  },
  ...JOIN_ROUTES,
  {
    // A cooperative member paid no wage: not under compulsory insurance, so may join.
    name: 'cooperative-unpaid',
    asks: (f) => has(/\b(?:hop tac xa|xa vien)\b/, f) && has(/\bkhong (?:duoc )?(?:huong|nhan|co|lanh) (?:tien )?(?:luong|cong)\b/, f),
    entry: 'eligibility.who_can_join',
  },
  {
    // "Nên rút một lần hay đóng tiếp?": what a lump sum takes away, with what the years mean.
    name: 'withdraw-or-keep',
    asks: (f) =>
      has(/\brut\b(?: \w+){0,4} hay (?:\w+ ){0,2}(?:dong|tiep tuc|bao luu|giu|cho|de)\b|\b(?:dong tiep|tiep tuc (?:dong|tham gia)|bao luu)\b(?: \w+){0,5} hay (?:\w+ ){0,2}rut\b/, f) ||
      // "Có nên rút BHXH 1 lần không": the same weighing, asked of the withdrawal alone.
      has(/\b(?:co )?nen (?:\w+ ){0,1}(?:rut|nhan|lanh|lay)\b(?: \w+){0,5} (?:mot lan|1 lan|khong|ko|k|chua)\b/, f),
    entry: 'lump_sum.what_is_lost',
    lead: yearsLead,
  },
  {
    // Two books told ("được cấp một sổ khác với mã số khác … 2 sổ như vậy có bị mất thời gian không, gộp thế nào"): one
    // number a person, the books merged, nothing lost (the "2 sổ BHXH" wording is the route further down).
    name: 'two-books-told',
    // (Not a book someone else made with the asker's papers: the route for it is further down.)
    // ("Tôi có hai sổ BHXH … hai số sổ khác nhau": the same.)
    asks: (f) => has(/\b(?:mot |1 )?so (?:\w+ ){0,2}khac (?:voi |va )?ma (?:so )?khac\b|\b(?:2|hai) so (?:nhu vay|khac nhau)\b|\bgop (?:2 |hai |cac )?so\b|\bco (?:2|hai) (?:quyen |cuon )?so (?:bhxh|bao hiem)\b|\b(?:2|hai) (?:so so|ma so) (?:\w+ ){0,2}khac nhau\b/, f) && !has(LENT_ID, f),
    entry: 'transfer_between_schemes.merge_books',
    lead: () => 'Không mất thời gian đóng: mỗi người chỉ có một mã số BHXH, anh/chị báo cơ quan BHXH (mang CCCD và các sổ) để gộp về một sổ, thu hồi sổ thừa; thời gian của cả hai sổ được cộng lại.',
    leadsAlways: true,
    decisive: true,
  },
  {
    // "Lương hưu khoảng bao nhiêu (một tháng)" as the main ask: the estimate, not the premium.
    name: 'pension-amount',
    asks: (f) =>
      // ("Lương hưu của ông khoảng bao nhiêu": a relative's, as the asker's own.)
      has(/\bluong huu (?:(?:se|thi|duoc|nhan|co|tinh|cua (?:toi|em|minh|ong|ba|bo|me|chong|vo|anh|chi)(?: (?:toi|em|minh|ay|nha toi))?|sau nay|moi thang|hang thang|mot thang) ){0,4}(?:khoang |duoc |la )?bao nhieu\b/, f) && !has(/\b(?:nop|dong|phai tra) (?:\w+ ){0,3}bao nhieu\b/, f),
    entry: 'calculator.pension_estimate',
    lead: yearsLead,
    covered: ['benefits_pension.example_amount', 'benefits_pension.at_minimum', 'calculator.pension_estimate', 'benefits_pension.how_calculated', 'benefits_pension.rate_women', 'benefits_pension.rate_men'],
  },
  {
    // "Tự nguyện không được lương hưu như bắt buộc?": the same formula.
    name: 'pension-like-compulsory',
    asks: (f) => has(/\bluong huu\b/, f) && has(/\bnhu (?:bhxh |dong |bao hiem )?bat buoc\b|\b(?:thap hon|kem hon|khac|bang) (?:\w+ ){0,3}bat buoc\b/, f),
    entry: 'benefits_pension.vs_compulsory',
  },
  {
    // The campaign's messages ("muốn đăng ký nhận tin qua Zalo", "không muốn nhận tin nhắn nữa thì làm thế nào"): how to
    // subscribe and stop, with the hotline when it is asked beside.
    name: 'news-subscription',
    asks: (f) =>
      has(/\b(?:dang ky|ngung|huy|dung|khong muon|thoi|bot) (?:\w+ ){0,2}nhan tin\b/, f) &&
      !has(/\b(?:lua dao|gia mao|mao danh|otp|chuyen tien)\b/, f),
    entry: 'campaign.news_subscription',
    // ("Chiến dịch này là gì, …, không muốn nhận tin nữa thì làm thế nào": the campaign first.)
    before: (f) => (has(/\b(?:chien dich|thang van dong)\b(?: \w+){0,3} (?:la gi|the nao|la sao)\b/, f) ? 'campaign.month' : undefined),
    after: (f) => (has(/\b(?:so (?:tong dai|hotline|dien thoai)|hotline|tong dai (?:la )?so)\b/, f) ? 'contact_hotline.hotline' : undefined),
  },
  {
    // A call or a message from someone calling themself BHXH staff, asking for money or codes: very likely a scam.
    name: 'scam-call',
    asks: (f) =>
      (has(/\b(?:tu xung|xung la|gia danh|mao danh|gia mao|goi dien|nhan tin|so la|sdt la)\b/, f) &&
        has(/\b(?:chuyen tien|chuyen khoan|tai khoan ca nhan|ma otp|otp|mat khau|duong link|link|ket ban zalo|so tai khoan)\b/, f)) ||
      // Someone at the door offering what the law does not ("đóng một lần đủ 15 năm là có lương hưu ngay, giảm 30%").
      (has(/\bco (?:nguoi|may nguoi|ong|ba|chi|anh|can bo) (?:\w+ ){0,3}(?:toi|den|vao|goi|nhan|moi)\b/, f) &&
        has(/\b(?:giam|khuyen mai|uu dai|chiet khau)\b/, f) &&
        has(/\b(?:mot lan|1 lan|luong huu ngay|co lien)\b/, f)),
    entry: 'contact_hotline.scam_calls',
    lead: (_s, f) =>
      has(/\b(?:giam|khuyen mai|uu dai|chiet khau)\b/, f) && has(/\b(?:mot lan|1 lan)\b/, f)
        ? 'Không đúng: không có cách đóng một lần cả 15 năm để có lương hưu ngay, và không có khoản "giảm" nào ngoài phần Nhà nước hỗ trợ theo nhóm (hộ nghèo 50%, cận nghèo 40%, dân tộc thiểu số 30%, người khác 20% mức đóng thấp nhất), trừ thẳng khi nộp ở đại lý thu có biên lai. Trước tuổi nghỉ hưu chỉ được đóng trước tối đa 5 năm mỗi lần; chỉ khi đủ tuổi mà thiếu không quá 5 năm mới đóng một lần phần thiếu.'
        : undefined,
    leadsAlways: true,
  },
  {
    // Paid an agent and the months are missing ("đóng cho chị đại lý 2 năm rồi mà VssID không thấy"): keep the receipt,
    // the BHXH office confirms the record and settles a complaint (not the same agent again).
    name: 'agent-not-recorded',
    asks: (f) =>
      // (Not "có thu nhập", "chưa có thu nhập": no collector.)
      has(/\b(?:dai ly|nhan vien thu|nguoi thu|cong tac vien|chi thu|ba thu|co thu|can bo xa)\b(?! nhap\b)/, f) &&
      has(/\b(?:khong|chua|ko) (?:\w+ ){0,2}(?:thay|hien|cap nhat|ghi nhan|co ten|vao so|nop len)\b|\b(?:cam|giu|an|lua|quyt) (?:\w+ ){0,2}tien\b|\bthieu (?:\w+ ){0,2}thang\b/, f),
    entry: 'where_to_pay.agent_not_recorded',
  },
  {
    // Another country's pension refunded ("đã nhận tiền lương hưu 1 lần bên Nhật", "nenkin"): Japan's scheme, nothing of
    // the Vietnamese record; joining here is open (the asker's own years here, if any, stay).
    name: 'foreign-refund',
    asks: (f) => has(/\bnenkin\b|\b(?:mot lan|1 lan) (?:\w+ ){0,2}(?:ben|o|cua|tai|tu) (?:nhat|nhat ban|han quoc|dai loan)\b|\b(?:luong huu|tien huu|huu tri) (?:(?:cua |ben |o )?nhat ban|(?:cua|ben|o) nhat)\b/, f),
    entry: 'other.japan_nenkin',
    // (Asked whether the years there count: no, whatever else is asked.)
    lead: (_s, f) =>
      has(/\b(?:nam|thoi gian) (?:\w+ ){0,3}(?:o|ben|tai) (?:nhat|nhat ban|han quoc|dai loan)\b(?: \w+){0,4} (?:co )?(?:duoc )?(?:cong|tinh)\b/, f)
        ? 'Không: thời gian đóng hưu trí ở nước ngoài (như nenkin của Nhật) không được cộng vào thời gian đóng BHXH Việt Nam; chỉ thời gian đóng theo pháp luật Việt Nam được tính. Anh/chị vẫn tham gia BHXH tự nguyện ở Việt Nam bình thường.'
        : has(JOIN_ASK, f) || has(CAN_JOIN, f) || has(/\b(?:dong|tham gia)\b(?: \w+){0,5} (?:duoc|dc) (?:khong|ko|k)\b/, f)
          ? 'Được: khoản nhận một lần từ quỹ hưu trí nước ngoài không liên quan đến BHXH Việt Nam, nên vẫn tham gia BHXH tự nguyện ở Việt Nam bình thường; thời gian đã đóng BHXH ở Việt Nam (nếu có) vẫn được giữ.'
          : undefined,
    leadsAlways: true,
  },
  {
    // Whether a voluntary pension has a floor ("lương hưu tự nguyện có mức tối thiểu như bắt buộc không"): none.
    name: 'minimum-pension',
    // (Not the lowest contribution: "mức đóng tối thiểu … để có lương hưu".)
    asks: (f) => has(/\bluong huu (?:\w+ ){0,3}?(?:co )?(?:muc )?(?:toi thieu|san|bao dam toi thieu)\b|\b(?:muc )?(?:toi thieu|san) (?:cua |cho |ve )?luong huu\b/, f) && !has(/\bmuc dong\b/, f),
    entry: 'benefits_pension.minimum_pension',
  },
  {
    // Years worked abroad ("đi lao động Đài Loan từ 2015 đến 2020 … có được tính không"): counted only if insured in
    // Vietnam for them; another country's scheme is its own.
    name: 'abroad-years-count',
    // (The time abroad is what is asked about: "thời gian đi Đài Loan có được tính không"; "7 năm cũ có được cộng
    // không" after a spell in Korea asks about the Vietnamese years.)
    asks: (f) => has(/\b(?:thoi gian|nhung nam|may nam|so nam|\d{1,2} nam) (?:\w+ ){0,2}(?:di|o|ben|lam|sang|lao dong|xuat khau lao dong) (?:\w+ ){0,2}(?:dai loan|nhat|nhat ban|han quoc|nuoc ngoai|malaysia|trung dong)\b(?: \w+){0,6} (?:co )?(?:duoc )?(?:tinh|cong)\b/, f),
    entry: 'transfer_between_schemes.work_abroad',
  },
  {
    // Paying on for a member who died ("chồng em mất, chỉ thiếu 1 năm là đủ 15 năm, em đóng tiếp cho anh được không"): no;
    // the family's one-time allowance is the answer.
    name: 'pay-on-for-the-dead',
    asks: (f, s) => s.memberDied === true && has(/\b(?:dong|nop) (?:tiep|not|thay|bu|them) (?:\w+ ){0,3}(?:cho )?(?:anh|chong|vo|bo|me|cha|ong|ba|nguoi mat)\b|\b(?:dong|nop) (?:tiep|not|thay) (?:\w+ ){0,2}(?:cho du|de du)\b/, f),
    entry: 'survivor.member_dies_one_time',
    lead: (s, f) =>
      [
        'Người đã mất thì không đóng tiếp hay đóng thay cho đủ 15 năm được (chỉ BHXH bắt buộc có trường hợp thiếu tối đa 6 tháng để thân nhân hưởng tuất hằng tháng); gia đình nhận trợ cấp tuất một lần và trợ cấp mai táng nếu đủ điều kiện.',
        survivorLead(s, f),
      ]
        .filter((x) => x !== undefined)
        .join(' '),
    leadsAlways: true,
  },
  {
    // An adopted child: voluntary insurance pays the maternity allowance for a birth only (Law 41/2024 Art 94-95).
    name: 'adoption',
    asks: (f) => has(/\b(?:con nuoi|nhan nuoi)\b/, f) && has(/\b(?:thai san|2 ?trieu|2tr|tro cap)\b/, f),
    entry: 'maternity.conditions',
    lead: () => 'Nhận con nuôi thì BHXH tự nguyện không có trợ cấp: khoản 2.000.000 đồng chỉ trả khi sinh con (hoặc thai từ 22 tuần trở lên chết trong tử cung, khi chuyển dạ). Chế độ khi nhận nuôi con dưới 6 tháng tuổi chỉ có ở BHXH bắt buộc.',
    leadsAlways: true,
  },
  {
    // Yearly rises of the pension ("lương hưu tự nguyện có được Nhà nước tăng hằng năm không"): adjusted like others.
    name: 'pension-rises',
    // (Paying more "để tăng lương hưu" is the person's own plan, not the State's rises.)
    asks: (f) =>
      has(/\bluong huu\b/, f) &&
      has(/\b(?:tang|dieu chinh|nang) (?:\w+ ){0,3}(?:hang nam|moi nam|theo nam|dinh ky)\b|\bluong huu (?:\w+ ){0,3}(?:co )?(?:duoc )?(?:nha nuoc )?(?:tang|dieu chinh)\b/, f) &&
      !has(/\b(?:dong|nop) (?:them|tiep)\b/, f),
    entry: 'benefits_pension.pension_adjustment',
  },
  {
    // Who receives when the member left no spouse, child or parent ("anh trai tôi độc thân mất, bố mẹ đã mất, chỉ còn 3
    // anh chị em; ai được nhận tiền tuất"): the law's relatives first, else inheritance; the funeral allowance to whoever
    // arranged the funeral.
    name: 'survivor-no-close-relatives',
    asks: (f, s) =>
      s.memberDied === true &&
      has(/\b(?:ai|nguoi nao) (?:\w+ ){0,3}(?:duoc )?(?:nhan|huong|lanh|linh)\b/, f) &&
      has(/\b(?:doc than|chua (?:co )?(?:vo|chong)|khong co (?:vo|chong|con)|bo me (?:\w+ ){0,2}(?:mat|qua doi)|anh chi em|chi em|anh em)\b/, f),
    entry: 'survivor.no_relatives_inheritance',
    lead: (s, f) => survivorLead(s, f),
    leadsAlways: true,
  },
  {
    // Who among the family receives ("Ai sẽ là người được nhận tiền tuất một lần của mẹ tôi", "mẹ ruột và người vợ
    // không thoả thuận được thì ai được hưởng"): the relatives the law names; then the papers and the time, when asked.
    name: 'survivor-who-receives',
    asks: (f, s) =>
      (s.memberDied === true || has(/\b(?:tuat|tu tuat)\b/, f)) &&
      has(/\bai (?:se )?(?:la nguoi )?(?:duoc )?(?:nhan|huong|lanh|linh|dung ten)\b|\bnguoi nao (?:se )?(?:duoc )?(?:nhan|huong|lanh)\b|\bkhong thoa thuan\b/, f),
    entry: 'survivor.who_are_relatives',
    after: (f) => (has(/\b(?:bao lau|thoi han|ho so|thu tuc|giay to)\b/, f) ? 'survivor.procedure' : undefined),
    replaces: ['survivor.prepaid_refund', 'survivor.member_dies_one_time', 'survivor.funeral_allowance', 'survivor.procedure', 'survivor.monthly_survivor', 'survivor.who_are_relatives'],
  },
  {
    // A member who died, the family asking what they get ("chồng tôi đóng 4 năm thì mất … gia đình được nhận gì và nộp
    // hồ sơ trong bao lâu"): the funeral and survivor allowances for the years paid, then the papers and the 90 days.
    name: 'member-died-what-family-gets',
    asks: (f, s) =>
      s.memberDied === true &&
      s.drawingPension !== true &&
      s.yearsPaid !== undefined &&
      // ("Tôi và con được trợ cấp thế nào?")
      (has(/\b(?:gia dinh|than nhan(?! tao)|vo con|nguoi nha|toi|em|con) (?:\w+ ){0,2}(?:duoc|nhan|huong) (?:\w+ ){0,3}(?:gi|nhung gi|khoan gi|che do gi|quyen loi gi|the nao|ra sao|nhu the nao)\b/, f) ||
        // "Gia đình được nhận trợ cấp mai táng bao nhiêu, trợ cấp tuất tính thế nào": the amounts.
        has(/\b(?:mai tang|tuat)\b(?: \w+){0,3} (?:bao nhieu|tinh the nao|tinh sao|duoc tinh|tinh nhu the nao)\b/, f) ||
        // "Em có được nhận tiền tuất không, được bao nhiêu": the allowance and its amount.
        // (Whether a monthly allowance is due is another rule: the monthly route's.)
        (has(/\b(?:duoc|nhan|huong|lanh) (?:\w+ ){0,2}(?:tien |tro cap )?tuat\b(?: \w+){0,3} (?:khong|ko|k|bao nhieu)\b/, f) && !has(/\bhang thang\b/, f))),
    entry: 'survivor.member_dies_one_time',
    lead: (s, f) => survivorLead(s, f),
    after: (f) => (has(/\b(?:bao lau|thoi han|han (?:chot|cuoi)|ho so|thu tuc|giay to|o dau)\b/, f) ? 'survivor.procedure' : undefined),
    leadsAlways: true,
  },
  {
    // A member who paid voluntary insurance only, the family asking about a monthly allowance ("chồng tôi đóng tự
    // nguyện 9 năm … được tuất hằng tháng không, hay chỉ một lần, bao nhiêu"): none; the one-time allowance for
    // their years, in đồng when the income is told, and the funeral allowance.
    name: 'voluntary-member-survivor',
    asks: (f, s) => s.memberDied === true && s.drawingPension !== true && s.yearsPaid !== undefined && VOLUNTARY_ONLY(f, s) && has(/\b(?:tuat|tro cap) hang thang\b/, f),
    entry: 'survivor.member_dies_one_time',
    lead: (s, f) => survivorLead(s, f),
    leadsAlways: true,
  },
  {
    // The amount of the monthly survivor allowance ("mẹ tôi 70 tuổi được tuất hằng tháng bao nhiêu"): the day's
    // figure, and when there is one.
    name: 'monthly-survivor-amount',
    asks: (f) => has(MONTHLY_SURVIVOR_AMOUNT, f),
    entry: 'survivor.monthly_survivor',
    lead: () => MONTHLY_SURVIVOR_LEAD,
    leadsAlways: true,
  },
  {
    // The insured mother dead after the birth, the father asking who receives the allowance and whether there is a funeral
    // allowance: her months before the birth and her months against the 60 (motherDiedAfterBirthLead).
    name: 'mother-died-after-birth',
    decisive: true,
    asks: (f) => motherDiedAfterBirthLead(f) !== undefined && has(/\b(?:ai (?:duoc )?nhan|nhan thay|mai tang|tien sinh|tro cap sinh|ho tro sinh|thai san|2 trieu)\b/, f),
    entry: 'maternity.amount',
    lead: (_s, f) => motherDiedAfterBirthLead(f),
    leadsAlways: true,
  },
  {
    // A birth told and "được hỗ trợ bao nhiêu tiền" asked ("tháng 11/2026 vừa sinh đôi thì được hỗ trợ bao nhiêu tiền"): the
    // birth allowance, not the State's share of the contribution, which "hỗ trợ" alone would pull toward.
    name: 'birth-support-amount',
    asks: (f) =>
      has(/\b(?:sinh doi|sinh ba|sinh con|sinh be|vua sinh|moi sinh|da sinh|sap sinh|du sinh)\b/, f) &&
      has(/\b(?:ho tro|duoc|nhan) (?:\w+ ){0,2}bao nhieu(?: tien)?\b/, f) &&
      !has(/\b(?:ho (?:can )?ngheo|dan toc|xa dao|dac khu|tien dong|muc dong|ho tro (?:\w+ ){0,2}(?:dong|10 nam|toi da|bao lau|may nam))\b/, f),
    entry: 'maternity.amount',
    replaces: ['subsidy.duration_10_years', 'subsidy.rates_by_group', 'subsidy.others', 'subsidy.local_topup', 'subsidy.same_for_any_income', 'subsidy.how_to_get'],
  },
  {
    // A caesarean or a natural birth: the same 2,000,000 a child.
    name: 'caesarean',
    asks: (f) => has(/\b(?:sinh mo|mo de|mo lay thai|de mo|sinh thuong)\b/, f),
    entry: 'maternity.amount',
    lead: () => 'Sinh mổ hay sinh thường đều được trợ cấp như nhau: 2.000.000 đồng cho mỗi con (khi đã đóng đủ 6 tháng trong 12 tháng trước khi sinh); BHXH tự nguyện không có khoản thêm cho sinh mổ.',
    leadsAlways: true,
  },
  {
    // A later ask whether paying voluntary insurance brings a card ("… Đóng tự nguyện thì có được thẻ BHYT luôn không?"):
    // not while paying (the pensioner's card comes with the pension).
    name: 'contributor-card-asked',
    asks: (f, s) => s.drawingPension !== true && has(/\b(?:dong|tham gia) (?:bhxh )?(?:tu nguyen|tn)\b(?: \w+){0,3} (?:co )?(?:duoc )?(?:cap )?(?:luon )?(?:the )?bhyt\b/, f) && !has(/\b(?:luong huu|ve huu|mua)\b/, f),
    entry: 'health_insurance.contributor_card',
    laterAskOnly: true,
  },
  {
    // A discount on household health insurance, or a card, from paying voluntary insurance: none while paying.
    name: 'contributor-health-card',
    // (A later ask after the household's card, "Chồng em đang đóng BHXH tự nguyện thì có được miễn không": the card it is about.)
    asks: (f) => (has(HEALTH_CARD, f) || has(/\bco duoc mien\b/, f)) && has(/\b(?:giam|mien|duoc cap|co the|kem|di kem|tang)\b/, f) && has(/\b(?:dong|tham gia) (?:bhxh )?(?:tu nguyen|tn)\b/, f) && !has(/\bluong huu\b/, f),
    entry: 'health_insurance.contributor_card',
  },
  {
    // A wrong birth date or name in the SI record ("sổ ghi sai năm sinh 1967, đúng là 1969"): correcting it, not the
    // retirement age of the wrong year.
    name: 'wrong-details',
    // (Or told the other way round: "tên em bị ghi sai … và năm sinh 1997 thành 1979".)
    asks: (f) =>
      has(/\b(?:ghi |in |bi )?sai (?:\w+ ){0,1}(?:nam sinh|ngay sinh|thang sinh|ho ten|ten|so cccd|so can cuoc|gioi tinh)\b|\bsua (?:lai )?(?:nam sinh|ngay sinh|ho ten|thong tin)\b|\b(?:ten|ho ten|nam sinh|ngay sinh|thang sinh|gioi tinh) (?:\w+ ){0,2}bi (?:ghi |in |nhap )?(?:sai|nham)\b/, f),
    entry: 'other.change_details',
  },
  {
    // A miscarriage or an abortion: the allowance is for a birth, or a fetus of 22 weeks or more lost.
    name: 'miscarriage',
    asks: (f) => has(/\b(?:say thai|sa thai|pha thai|thai luu|chet luu|mat thai|hu thai|bo thai)\b/, f),
    entry: 'maternity.stillbirth',
    // (With the months paid before it, when a start and the month are told.)
    lead: (_s, f) => lossLead(f),
  },
  {
    // Paid at an agent but not shown on VssID: checking the receipt, not where to pay.
    name: 'payment-not-shown',
    asks: (f) =>
      // ("đóng tự nguyện 8 năm nhưng tra trên VssID chỉ thấy 6 năm": fewer years shown than paid.)
      has(/\b(?:khong|chua) (?:thay|hien|cap nhat|ghi nhan|co)\b|\b(?:chi|moi) (?:thay|hien|co|ghi)\b/, f) &&
      has(/\b(?:vssid|ung dung|tra cuu|qua trinh dong)\b/, f) &&
      // (Or a receipt kept: "nộp 6 tháng vào tháng 4/2026 và vẫn còn giữ biên lai".)
      has(/\b(?:nop|dong) (?:\w+ ){0,4}(?:tien|roi|o)\b|\btien dong\b|\bdong (?:\w+ ){0,3}\d{1,2} nam\b|\b(?:giu|con|co) (?:\w+ ){0,2}bien lai\b/, f),
    entry: 'where_to_pay.receipt_check',
  },
  {
    // The State pays its share for at most 10 years: asked once they are used ("đã được hỗ trợ 10 năm rồi").
    name: 'subsidy-duration',
    // (How long near the support, "hỗ trợ trong bao lâu", "10 năm có được hỗ trợ": not a letter's "thiếu bao nhiêu năm"
    // about the pension beside "hộ nghèo được hỗ trợ bao nhiêu".)
    asks: (f) =>
      has(/\bho tro\b(?: \w+){0,8} (?:10 nam|muoi nam|120 thang|bao lau|bao nhieu nam|may nam)\b|\b(?:10 nam|muoi nam|120 thang|bao lau|bao nhieu nam|may nam)\b(?: \w+){0,8} ho tro\b|\b(?:het (?:duoc )?(?:thoi gian )?ho tro|con (?:duoc )?(?:nha nuoc )?ho tro(?! them)|van (?:duoc )?(?:nha nuoc )?ho tro(?! them)|ho tro co thoi han)\b/, f) ||
      // ("Tiền nhà nước hỗ trợ có được hoài ko, tới khi nào thì hết?")
      has(/\bho tro\b(?: \w+){0,6} (?:hoai|mai|suot doi|(?:toi|den) (?:khi nao|bao gio|luc nao) (?:thi )?het)\b/, f),
    entry: 'subsidy.duration_10_years',
    lead: (s, f) => subsidyEndLead(s, f),
    leadsAlways: true,
    // A later year's contribution asked too ("đến năm 2028 … lúc đó phải nộp bao nhiêu"): the floor from 2027.
    after: (f) => (has(/\b(?:nam )?20(?:2[7-9]|30)\b/, f) && has(/\b(?:nop|dong|tra) (?:\w+ ){0,3}bao nhieu\b/, f) ? 'contribution_amount.from_2027' : undefined),
  },
  {
    // Joining in the campaign month, asking for something more ("tháng 5 đăng ký có được hỗ trợ thêm gì không hay như
    // bình thường"): the State's rates are the same all year; the month brings advice at the door.
    name: 'campaign-month-support',
    // (Not a month of birth or of a date, "sinh tháng 5/1964"; not "qua tuổi".)
    asks: (f) =>
      has(/\b(?:thang (?:5|nam)(?! \d)|thang van dong|dot van dong|chien dich)\b/, f) &&
      has(/\b(?:uu dai|ho tro them|duoc them|giam|khuyen mai|qua tang|tang qua|co qua|nhu binh thuong|khac gi)\b/, f),
    entry: 'campaign.any_discount',
  },
  {
    // Under 18 and asking to join ("phải đợi đủ 18 tuổi?"): from 15.
    name: 'minimum-age',
    // (Not a child named in a family's survivor question: "em trai em 15 tuổi đang đi học".)
    asks: (f, s) => s.age !== undefined && s.age >= 14 && s.age < 18 && !s.memberDied && has(/\b(?:tham gia|dong|dung ten|dang ky)\b/, f),
    entry: 'eligibility.min_age_15',
  },
  {
    // Paying through a bank app or online: the online payment, not the list of agents.
    name: 'online-payment',
    asks: (f) =>
      (has(/\b(?:app|ung dung) (?:ngan hang|vi|momo|zalopay|vnpay)\b|\bchuyen khoan\b|\bvi dien tu\b|\b(?:qua|bang|tren) (?:mang|online|internet|ngan hang)\b/, f) &&
        has(/\b(?:nop|dong|thanh toan)\b/, f)) ||
      // "đóng qua VssID được không", "nộp tiền trên điện thoại" (not seeing the record there, or registering)
      has(/\b(?:dong|nop|thanh toan)\b(?: \w+){0,4} (?:qua|bang|tren) (?:vssid|app|ung dung|dien thoai|dich vu cong)\b/, f) ||
      // ("tự đóng online được không")
      has(/\b(?:dong|nop|thanh toan) (?:\w+ ){0,2}(?:online|truc tuyen)\b/, f) ||
      (has(/\b(?:o|tu) nuoc ngoai\b/, f) && has(/\b(?:dong|nop) tien\b|\bbang cach nao\b/, f)),
    entry: 'where_to_pay.online_payment',
  },
  {
    // Working abroad under a contract: compulsory insurance for that time, voluntary otherwise (not emigration).
    name: 'work-abroad',
    asks: (f, s) =>
      !s.settlingAbroad &&
      has(/\b(?:xuat khau lao dong|di lam (?:viec )?(?:o |tai )?nuoc ngoai|lam viec (?:o |tai )(?:nuoc ngoai|nhat ban|han quoc|dai loan|duc)|eps)\b/, f) &&
      !has(/\b(?:rut|mot lan|dang ky|ve nuoc|da ve|ve (?:duoc|roi))\b|\b(?:nhat|han|han quoc|dai loan|duc|nuoc ngoai) (?:moi |vua )?ve\b(?! (?:lai|sau|khi|nam|thang))/, f) &&
      // (Asking to join from abroad, "đang ở Hàn, muốn đóng bhxh ở VN", is this rule too; back home it is not.)
      (!has(JOIN_ASK, f) || has(/\b(?:dang o|dang lam|dang di|hien o) (?:\w+ ){0,2}(?:han|nhat|dai loan|nuoc ngoai|duc)\b/, f)),
    entry: 'transfer_between_schemes.work_abroad',
  },
  {
    // Left the job and asks to go on with voluntary insurance: yes, same number, the years add up.
    name: 'left-job-go-on',
    // (Not when the ask is the payment mode, nor for a member who died: the family asks about survivor benefits;
    // nor when the person stops and asks for the money back.)
    asks: (f, s) =>
      s.employment === 'left_job' &&
      !s.memberDied &&
      has(JOIN_OR_GO_ON, f) &&
      // (Nor when the birth allowance is what is asked, "… có đủ điều kiện nhận tiền thai sản tự nguyện ko".)
      !(has(BIRTH_TOLD, f) && has(/\b(?:thai san|2 ?tr(?:ieu)?)\b/, f)) &&
      !has(/\b(?<!\b(?:chua|khong|ko|k) )(?:rut|mot lan|tuat|mai tang|qua doi|tu tran|nhan lai|lay lai)\b|\b(?:phuong thuc|hinh thuc|cach) (?:dong |nop )?(?:nao|gi)\b|\b(?:dung|ngung|thoi) (?:dong|tham gia)\b/, f) &&
      // ("6 năm bắt buộc chưa rút, giờ đóng tn tiếp dc ko": nothing withdrawn, whether to go on asked after it.)
      (!has(/\b(?:chua|khong|ko|k) rut\b/, f) || has(GO_ON_ASKED, f.slice(f.search(/\b(?:chua|khong|ko|k) rut\b/)))),
    entry: 'transfer_between_schemes.quit_job',
    lead: yearsLead,
    covered: ['eligibility.no_contract', 'transfer_between_schemes.combine_periods', 'transfer_between_schemes.merge_books', 'pension_conditions.years_15', 'eligibility.rejoin_after_withdrawal'],
  },
  {
    // "Nhà nước cho bao nhiêu tiền": every group's subsidy (a group named is handled by the situation).
    name: 'subsidy-amount',
    asks: (f) => has(/\bnha nuoc (?:\w+ ){0,3}(?:cho|ho tro|tra|bu|dong gium)\b/, f) && has(/\bbao nhieu\b/, f) && !has(/\b(?:muc dong|phai nop|con (?:phai )?nop)\b/, f),
    entry: 'subsidy.rates_by_group',
    covered: ['subsidy.poor_household', 'subsidy.near_poor', 'subsidy.ethnic_minority', 'subsidy.island_commune', 'subsidy.others', 'subsidy.local_topup'],
  },
  {
    // The rule on the State's share asked as a whole ("quy định hỗ trợ … là gì", "chính sách hỗ trợ"), or for a
    // kind of person who is no subsidy group of its own (a disabled person): every group's rate.
    name: 'subsidy-rule',
    asks: (f, s) =>
      has(/\bho tro\b/, f) &&
      has(/\b(?:quy dinh|chinh sach|doi tuong nao|nhom nao|nhung (?:ai|doi tuong|nhom)|cac muc)\b(?: \w+){0,8} ho tro\b|\bho tro\b(?: \w+){0,8} (?:quy dinh|chinh sach)\b|\bkhuyet tat\b/, f) &&
      !s.household &&
      !s.ethnicMinority &&
      !has(/\b(?:bhyt|bao hiem y te|xa dao|dac khu|10 nam|bao lau)\b/, f),
    entry: 'subsidy.rates_by_group',
    lead: (_s, f) =>
      has(/\bkhuyet tat\b/, f)
        ? 'Nhà nước không có mức hỗ trợ riêng cho người khuyết tật tham gia BHXH tự nguyện: người khuyết tật được hỗ trợ theo nhóm của mình (hộ nghèo, hộ cận nghèo, dân tộc thiểu số hoặc nhóm còn lại); một số tỉnh có thể hỗ trợ thêm.'
        : undefined,
    covered: ['subsidy.rates_by_group'],
  },
  {
    // "Đối tượng, phương thức đóng ra sao?": who may join, then how to pay (two asks in one headline).
    name: 'who-and-how-to-pay',
    asks: (f) => has(/\bdoi tuong\b/, f) && has(/\bphuong thuc (?:dong|nop)\b/, f) && !has(/\b(?:doi|thay doi|chuyen)(?! tuong\b) (?:\w+ ){0,2}phuong thuc\b/, f),
    entry: 'eligibility.who_can_join',
    after: () => 'payment_mode.modes',
  },
  {
    name: 'military-service',
    asks: (f) => has(/\b(?:tai ngu|nghia vu quan su|xuat ngu|nhap ngu)\b/, f),
    entry: 'other.military_service',
  },
  {
    // Cannot afford to go on paying ("không có tiền đóng nữa", "hết tiền", "khó khăn quá"): pausing is allowed and
    // the years paid are kept (not what a year costs). Help with the premium or a withdrawal is another ask.
    name: 'cannot-afford',
    asks: (f) =>
      has(/\b(?:khong (?:co|du|con) tien|het tien|kho khan (?:qua|ve tien|tai chinh|kinh te)|khong (?:dong|nop) (?:noi|duoc nua))\b/, f) &&
      has(/\b(?:dong|nop)\b/, f) &&
      !has(/\b(?:rut|mot lan|ho tro|tro cap|hongheo|ho ngheo|can ngheo)\b/, f),
    entry: 'payment_mode.pause_resume',
    lead: yearsLead,
    covered: ['payment_mode.pause_resume', 'payment_mode.missed_payment'],
  },
  {
    // Lost or damaged book: reissued, the periods are kept.
    name: 'lost-book',
    asks: (f) =>
      has(/\b(?:mat|lam mat|danh mat|that lac|hong|rach) (?:\w+ ){0,5}so (?:bhxh|bao hiem)\b|\bso (?:bhxh|bao hiem)(?: \w+){0,4} bi (?:mat|hong|rach)\b|\bmat so\b(?! (?:nam|thang|tien))|\bcap lai so\b/, f),
    entry: 'other.lost_book',
    // "Mất sổ, giờ muốn rút một lần thì làm gì": the lump-sum papers first (the book is one of them), then its reissue.
    // ("Mất sổ, muốn tiếp tục tham gia tự nguyện có được không": going on first.)
    before: (f) => (has(/\b(?:rut|nhan|huong|lanh|lay)\b(?: \w+){0,4} (?:mot lan|1 lan)\b/, f) ? 'lump_sum.procedure' : has(JOIN_OR_GO_ON, f) && has(/\b(?:duoc|dong duoc|tham gia duoc) (?:khong|ko|k)\b/, f) ? 'transfer_between_schemes.quit_job' : undefined),
  },
  {
    // The employer closes the book when the person leaves: asked how ("lấy sổ ở đâu", "chốt sổ thế nào") or
    // told it was not done ("công ty không chốt sổ"); going on with voluntary insurance, when asked too, comes first.
    name: 'book-closing',
    asks: (f) => has(CLOSE_BOOK_ASK, f),
    entry: 'other.book_closing',
    before: (f) => (has(JOIN_OR_GO_ON, f) ? 'transfer_between_schemes.quit_job' : undefined),
  },
  {
    // Left a job and asks when the lump sum may be claimed ("thôi việc … khi nào tôi mới có thể nộp hồ sơ hưởng BHXH 1
    // lần"): after 12 months paying neither kind, for years paid before 1/7/2025 (Law 41/2024 Art 141(1)(c)).
    name: 'lump-sum-when-after-leaving',
    asks: (f, s) =>
      (s.employment === 'left_job' || has(/\b(?:nghi viec|thoi viec|nghi lam)\b/, f)) &&
      has(/\b(?:khi nao|bao gio|sau bao lau|may thang nua|bao lau nua)\b(?: \w+){0,8} (?:rut|nhan|huong|lanh|lam|nop ho so)\b(?: \w+){0,4} (?:mot lan|1 lan)\b/, f),
    entry: 'lump_sum.transitional_12_months',
    // ("đóng BHXH trong 6 tháng": under a year, the sum is what was paid, at most 2 months of the average.)
    lead: (_s, f) => {
      const months = /\b(?:dong|duoc|trong|co) (?:\w+ ){0,3}?([1-9]|1[01]) thang\b(?! (?:mot|1) lan)/.exec(f)?.[1];
      return months
        ? `Anh/chị đóng ${months} tháng (chưa đủ 1 năm): số tiền BHXH một lần bằng số tiền đã đóng (phần của người lao động và công ty cho quỹ hưu trí, tử tuất), tối đa 2 tháng thu nhập bình quân.`
        : undefined;
    },
    leadsAlways: true,
    replaces: ['lump_sum.transitional_12_months', 'lump_sum.processing_time', 'lump_sum.procedure', 'lump_sum.when_allowed', 'lump_sum.amount', 'lump_sum.joined_after_2025'],
  },
  {
    // At the top rate already and asking to pay on for a higher pension ("Mẹ … tổng 32 năm … định đóng tiếp đến lúc nghỉ hưu
    // cho lương hưu cao hơn"): no more rate, only the one-off half month a year beyond the mark.
    name: 'keep-paying-at-the-cap',
    asks: (f, s) =>
      s.yearsPaid !== undefined &&
      s.sex !== undefined &&
      s.yearsPaid >= (s.sex === 'female' ? 30 : 35) &&
      has(/\b(?:dong tiep|tiep tuc dong|dong them|dong nua)\b/, f) &&
      !has(/\b(?:qua doi|chet|mat|rut|mot lan|1 lan)\b/, f),
    entry: 'benefits_pension.over_max_bonus',
    lead: (s) => `${yearsLead(s) ?? ''} Đóng thêm không làm tăng tỷ lệ nữa vì đã ở mức tối đa 75%; mỗi năm vượt mốc chỉ thêm trợ cấp một lần nửa tháng thu nhập bình quân khi nghỉ hưu.`.trim(),
    leadsAlways: true,
  },
  {
    // Fifteen years paid, asking to pay on for a higher pension ("đóng tn đủ 15 năm rồi, muốn đóng tiếp cho lương hưu cao
    // hơn thì có được không hay bắt buộc phải nghỉ"): yes, before claiming, and each year raises the rate.
    name: 'keep-paying-past-15',
    asks: (f, s) =>
      ((s.yearsPaid ?? 0) >= 15 || has(/\b(?:da |dong |duoc )?du 15 nam\b/, f)) &&
      has(/\b(?:dong tiep|tiep tuc dong|dong them|dong nua)\b/, f) &&
      has(/\b(?:duoc|khong|hay|co nen|nen)\b/, f) &&
      !has(/\b(?:qua doi|chet|mat|rut|mot lan|1 lan)\b/, f),
    entry: 'pension_conditions.continue_after_age',
    lead: (s) => {
      const male = 'nam: từ 15 đến 20 năm mỗi năm thêm 1% (20 năm được 45%), sau đó mỗi năm thêm 2%';
      const female = 'nữ: mỗi năm sau 15 năm thêm 2%';
      const each = s.sex === 'male' ? male : s.sex === 'female' ? female : `${female}; ${male}`;
      return `${yearsLead(s) ?? ''} Mỗi năm đóng thêm làm tăng tỷ lệ lương hưu (${each}; tối đa 75%).`.trim();
    },
    leadsAlways: true,
    replaces: ['transfer_between_schemes.combine_periods', 'pension_conditions.fifteen_years', 'pension_conditions.continue_after_age', 'benefits_pension.rate_table', 'benefits_pension.formula', 'payment_mode.monthly_or_yearly', 'pension_conditions.years_15'],
  },
  {
    // "Đăng ký gọi lại thế nào", "muốn có người gọi điện tư vấn": the callback this service takes (GOI LAI), not the hotline.
    name: 'callback-asked',
    asks: (f) => has(/\b(?:dang ky|yeu cau|de nghi|nho|xin|muon co nguoi|muon duoc) (?:\w+ ){0,3}goi (?:lai|dien lai)\b|\bgoi lai (?:cho )?(?:toi|em|me|bo|minh)\b|\b(?:can bo|nguoi) (?:\w+ ){0,2}goi (?:dien )?(?:lai|tu van)\b/, f),
    entry: 'contact_hotline.callback',
    replaces: ['contact_hotline.hotline', 'how_to_join.existing_number', 'contact_hotline.local_agent'],
  },
  {
    // The pension's rate asked after another ask ("… hỗ trợ bao nhiêu %? … và sau này được hưởng bao nhiêu %"): the rate
    // by years, not the State's share the message's other ask was about.
    name: 'pension-rate-asked',
    asks: (f) => has(/\b(?:sau nay|ve gia|khi (?:nghi|ve) huu|luong huu)\b(?: \w+){0,4} (?:duoc |se duoc )?(?:huong|nhan|lanh|duoc) (?:\w+ ){0,2}(?:bao nhieu|may) (?:%|phan tram)/, f) && !has(/\bho tro\b/, f),
    entry: 'benefits_pension.how_calculated',
    replaces: ['subsidy.rates_by_group', 'subsidy.who_gets', 'benefits_pension.what_benefits'],
  },
  {
    // A book made by someone else under the asker's ID ("cho một người cháu mượn chứng minh thư để làm sổ … có 2 quyển
    // sổ, cần gộp"): not the asker's years, so not merged; corrected, separated or withdrawn at the BHXH office.
    name: 'book-made-by-another',
    asks: (f) => has(LENT_ID, f) && has(/\b(?:so|ma so) (?:bhxh|bao hiem)\b/, f),
    entry: 'other.change_details',
    lead: () =>
      'Sổ do người khác làm bằng giấy tờ của anh/chị (cho mượn chứng minh thư, căn cước) không phải quá trình đóng của anh/chị nên không gộp vào sổ của anh/chị: anh/chị báo cơ quan BHXH (mang CCCD, các sổ và giấy tờ liên quan) để điều chỉnh, tách hoặc thu hồi sổ đó; người đã dùng giấy tờ của anh/chị phải làm lại theo thông tin của chính họ.',
    leadsAlways: true,
    replaces: ['lump_sum.processing_time', 'transfer_between_schemes.merge_books', 'transfer_between_schemes.combine_periods', 'how_to_join.existing_number', 'other.lost_book', 'other.change_details'],
  },
  {
    // Two books for the same person ("cả 2 nơi đều đóng bảo hiểm xã hội và làm sổ BHXH cho tôi"): one number a person;
    // the books merged, a period paid twice counted once.
    name: 'two-books',
    asks: (f) => has(/\b(?:2|hai) (?:quyen |cuon )?so (?:bhxh|bao hiem)\b|\bca (?:2|hai) (?:noi|don vi|cong ty) (?:deu )?dong\b|\b(?:2|hai) ma so (?:bhxh|bao hiem)\b/, f),
    entry: 'transfer_between_schemes.merge_books',
    lead: () => 'Mỗi người chỉ có một mã số BHXH: anh/chị báo cơ quan BHXH (mang CCCD và các sổ) để gộp về một sổ, thu hồi sổ thừa; thời gian hai nơi cùng đóng chỉ được tính một lần.',
    leadsAlways: true,
    replaces: ['lump_sum.processing_time', 'transfer_between_schemes.merge_books', 'transfer_between_schemes.combine_periods', 'how_to_join.existing_number', 'other.lost_book'],
  },
  {
    // The campaign's theme asked first, then its messages ("chủ đề chiến dịch là gì, có mấy thông điệp để kẻ băng rôn, và lễ
    // ra quân ngày nào"): the theme, then the messages; the launch as a further ask.
    name: 'campaign-theme',
    asks: (f) => has(/\bchu de\b/, f) && has(/\b(?:chien dich|thang van dong|le ra quan|tuyen truyen|dot van dong)\b/, f),
    entry: 'campaign.theme',
    after: (f) => (has(/\b(?:thong diep|khau hieu|bang ron)\b/, f) ? 'campaign.messages' : undefined),
    replaces: ['campaign.messages', 'campaign.month', 'campaign.launch_2020'],
  },
  {
    // A pensioner going to live abroad ("nghỉ hưu từ 2005 … con bảo lãnh sang Mỹ định cư, muốn con ở Việt Nam nhận lương
    // hưu"): the pension goes on, received by proxy or into an account; not the lump sum of a contributor who emigrates.
    name: 'pensioner-goes-abroad',
    asks: (f, s) =>
      (s.drawingPension === true || has(/\b(?:da|dang) (?:\w+ ){0,1}(?:nghi|ve) huu\b|\bnghi huu tu\b/, f)) &&
      has(/\b(?:dinh cu|nuoc ngoai|sang (?:my|uc|canada|nhat|han quoc|phap|duc|anh|dai loan))\b/, f) &&
      !has(/\b(?:qua doi|chet|tu vong)\b/, f),
    entry: 'benefits_pension.pensioner_abroad',
    replaces: ['lump_sum.emigration', 'lump_sum.when_allowed', 'benefits_pension.receive_pension', 'lump_sum.procedure', 'benefits_pension.pensioner_abroad'],
  },
  {
    // The year the retirement age is reached, asked with an age and a sex ("38 tuổi, nữ … đóng đến năm nào thì đủ tuổi
    // nghỉ hưu"): theirs, not the early-retirement rules.
    name: 'retire-year-asked',
    asks: (f, s) =>
      s.age !== undefined &&
      s.sex !== undefined &&
      s.birthMonth === undefined &&
      has(/\b(?:den|toi) nam nao (?:thi )?(?:moi )?(?:du|den|toi) tuoi (?:nghi|ve) huu\b|\b(?:nam nao|bao gio|khi nao|may tuoi|luc nao) (?:thi )?(?:moi )?(?:du|den|toi) tuoi (?:nghi|ve) huu\b/, f),
    entry: 'pension_conditions.retirement_age',
    lead: (s) => (s.age !== undefined && s.sex ? `Anh/chị ${s.age} tuổi (${s.sex === 'male' ? 'nam' : 'nữ'}) đến tuổi nghỉ hưu ${whenRetires(s.sex, s.age, ruleYear(s))}.` : undefined),
    leadsAlways: true,
    replaces: ['pension_conditions.early_retirement', 'pension_conditions.retirement_age', 'pension_conditions.by_birth_year'],
  },
  {
    // Someone 75 or over without a pension, the family asking what they get ("mẹ tôi vừa đủ 80 tuổi, không có thu nhập
    // hằng tháng, người già 80 tuổi được hưởng chế độ gì"): the social pension, not what members of the scheme receive.
    name: 'old-person-benefits',
    asks: (f, s) =>
      (s.age ?? 0) >= 75 &&
      s.drawingPension !== true &&
      has(/\b(?:che do|huong gi|duoc gi|quyen loi|tro cap|duoc huong)\b/, f) &&
      !has(/\b(?:tham gia|dang ky|mua|dong (?:bhxh|tu nguyen|them|tiep))\b/, f),
    entry: 'other.social_pension',
    replaces: ['benefits_pension.what_benefits', 'benefits_pension.why_join', 'eligibility.no_upper_age'],
  },
  {
    // Years kept on hold, the pension claimed at the age ("nghỉ việc bảo lưu thời gian đóng để chờ hưu … cần làm thủ tục
    // gì, nộp ở đâu"): the claim's papers and office.
    name: 'claim-after-waiting',
    asks: (f) =>
      has(/\b(?:thu tuc|ho so|giay to|lam gi)\b/, f) &&
      has(/\b(?:bao luu|cho (?:den )?(?:tuoi )?(?:nghi )?huu)\b/, f) &&
      !has(/\bchua du\b/, f) &&
      has(/\b(?:huong|nhan|lanh) (?:luong huu|che do|huu)\b|\bde (?:duoc )?huong\b/, f),
    entry: 'pension_conditions.claim_procedure',
    replaces: ['benefits_pension.no_sickness', 'benefits_pension.why_join', 'benefits_pension.what_benefits', 'pension_conditions.years_15', 'lump_sum.procedure'],
  },
  {
    // A level raised or lowered, asked whether allowed and what it costs ("đang đóng mức 2tr/tháng, giờ muốn lên 5tr thì dc
    // ko, đóng bn 1 tháng"): the price at the new level, then the rule (from the next period).
    name: 'level-change-priced',
    asks: (f) => has(/\b(?:tang|nang|muon|dinh|doi|chuyen|ha|giam) (?:muc (?:thu nhap )?)?(?:len|xuong) (?:muc )?(?:thu nhap )?\d/, f) && has(/\b(?:duoc|dc) (?:khong|ko|k)\b/, f) && has(/\bbao nhieu\b/, f),
    entry: 'contribution_amount.how_much_month',
    after: () => 'payment_mode.change_mode_income',
    replaces: ['contribution_amount.examples', 'contribution_amount.how_much_month', 'calculator.premium_for_income', 'payment_mode.change_mode_income'],
  },
  {
    // "Mức đóng và phương thức đóng như thế nào?": how much, then the ways to pay (not changing a level already chosen).
    name: 'level-and-mode',
    asks: (f) =>
      has(/\bmuc dong (?:\w+ ){0,3}(?:va|,|cung nhu) (?:\w+ ){0,2}(?:phuong thuc|cach) (?:dong|nop)\b|\b(?:phuong thuc|cach) (?:dong|nop) (?:\w+ ){0,3}(?:va|,) (?:\w+ ){0,2}muc dong\b/, f) &&
      !has(/\b(?:doi|thay doi|chuyen|tang|giam|sua)\b/, f),
    entry: 'contribution_amount.how_much_month',
    after: () => 'payment_mode.modes',
    replaces: ['payment_mode.change_mode_income', 'payment_mode.modes', 'contribution_amount.rate_22', 'contribution_amount.minimum'],
  },
  {
    // "Nghỉ hưu sớm", "hưởng lương hưu trước tuổi": the early-retirement rule, with what the years mean.
    name: 'early-retirement',
    asks: (f) => has(/\b(?:nghi|ve) huu (?:som|truoc tuoi|truoc)\b|\b(?:huong|linh|nhan|lanh) (?:luong huu )?(?:som|truoc tuoi)\b/, f),
    entry: 'pension_conditions.early_retirement',
    lead: yearsLead,
  },
  {
    // An old person's health card and an allowance asked together: the card, then the social pension.
    name: 'old-age-card-and-allowance',
    asks: (f) => has(HEALTH_CARD, f) && has(/\b(?:[7-9]\d tuoi|nguoi cao tuoi|nguoi gia)\b/, f) && has(/\btro cap\b/, f) && !has(JOIN_ASK, f),
    entry: 'health_insurance.older_people',
    after: () => 'other.social_pension',
  },
  {
    // Whether the income paid years ago is indexed ("nhân hệ số trượt giá"): the formula, which says it is.
    name: 'indexation',
    asks: (f) => has(/\b(?:truot gia|he so (?:\w+ ){0,2}(?:dieu chinh|truot gia))\b/, f) && has(/\bluong huu\b/, f),
    entry: 'benefits_pension.how_calculated',
    lead: yearsLead,
  },
  {
    // "Lương hưu được tính thế nào": the formula (rate x average of the whole period), with the person's rate.
    name: 'pension-formula',
    asks: (f) =>
      has(/\b(?:luong huu|che do huu(?: tri)?)\b(?: \w+){0,8} (?:duoc )?tinh (?:nhu )?(?:the nao|ra sao)\b|\bcach tinh (?:luong huu|che do huu)\b/, f) &&
      !has(/\b(?:bat buoc|ty le|phan tram)\b/, f),
    entry: 'benefits_pension.how_calculated',
    lead: yearsLead,
    covered: ['benefits_pension.rate_women', 'benefits_pension.rate_men', 'transfer_between_schemes.mixed_pension', 'calculator.pension_estimate'],
  },
];

/** The route whose ask the question makes, unless the matched entry already answers it. */
export function routeAsk(f: string, s: Situation, matchedId: string | undefined, decisiveOnly = false, laterAsk: boolean | 'only' = false): AskRoute | null {
  for (const r of ASK_ROUTES) {
    if (decisiveOnly && !r.decisive) continue;
    if (r.laterAskOnly ? !laterAsk : laterAsk === 'only') continue;
    if (r.wholeOnly && laterAsk !== false) continue;
    // (A later ask that matched the route's own entry, weakly, is the route's too: "Con em 4 tuổi thì có được cấp thẻ không?".)
    const own = laterAsk === true && matchedId === r.entry && r.laterAskMatched === true;
    if (r.replaces && !own && !(matchedId !== undefined && r.replaces.includes(matchedId))) continue;
    if (!r.asks(f, s)) continue;
    const answered = matchedId === r.entry || (matchedId !== undefined && r.covered?.includes(matchedId));
    // The matched entry itself, with a sentence for this person, is still this route's answer.
    // (A later ask's route answers with its entry even when the ask alone matched that entry, but weakly.)
    if (answered && !r.before && !r.after) return matchedId === r.entry && (r.leadsAlways || r.laterAskOnly || own) ? r : null;
    return r;
  }
  return null;
}
