import { askWords } from './ask-text.ts';
import type { FaqIndex } from './search-index.ts';
import type { KbEntry } from './kb.ts';
import { FUTURE_JOB, formatAge, retirementAgeMonths, type Situation } from './situation.ts';
import { atRetirementAge, paidByRetirement, rejoinLead, spell, startLead, yearsLead } from './leads.ts';
import { lumpSumEstimateLead, lumpSumMonthsLead } from './lump-sum-estimate.ts';
import { EARLIER_YEARS_COUNTED, overFiveAheadLead, routeAsk, STARTS_JOB, TOP_UP_ASKED, periodDeadlineLead, WITHDRAWN_COUNTED, yearsBackpayLead } from './ask-routes.ts';
import type { AskRoute } from './ask-route.ts';

export { pensionRate, yearsLead } from './leads.ts';
export { DEATH_SUPPOSED } from './survivor-lead.ts';
import { DEATH_SUPPOSED, pensionerSurvivorLead, survivorLead } from './survivor-lead.ts';
import { PERSON_NAME, PERSON_PRONOUN, upperFirst } from './two-people.ts';
import { contributionLead, floorPaymentLead, ISLAND, leftIsland } from './contribution-lead.ts';
import { monthIndex, monthYear, today, yearOf, type AsOfDay } from './as-of.ts';
import { lossLead, resumedBeforeBirthLead, STARTED_MONTH, startsInOrder, STOPPED_FROM } from './loss-lead.ts';
import { has } from './regex-literals.ts';

/** One answered ask: the entry, and a sentence that applies it to the person's situation. */
export interface AnswerPart {
  entry: KbEntry;
  lead?: string;
}

/** A short question back, when the answer turns on a fact the question does not give. */
export interface Clarify {
  /** Which fact is missing; the reply sets it (see applyClarifyReply). */
  slot: 'contract' | 'pension';
  question: string;
  options: readonly string[];
}

/** What the advice step decided: the parts to answer with, or a question back. */
export type Advice = { kind: 'parts'; parts: AnswerPart[] } | { kind: 'clarify'; clarify: Clarify };

// ("12 tháng một lần" is a payment mode, not the lump sum.)
const LUMP_SUM_ASK = /\b(?:rut|lay lai|lay tien|nhan (?:\w+ ){0,3}mot lan|huong (?:\w+ ){0,3}mot lan|lanh (?:\w+ ){0,3}mot lan|(?<!\b(?:thang|quy) )mot lan)\b/;
const PENSION_ASK = /\b(?:luong huu|nghi huu|ve huu|huu)\b/;
/** "đóng một lần cho số năm còn thiếu", "đóng nốt một lần", "đóng 1 lần 7 năm", "đóng nốt 2 năm còn thiếu một lần". */
const PAY_REST_AT_ONCE =
  /\b(?:dong|nop|dong bu|dong not) (?:\w+ ){0,4}(?:mot lan|1 lan|mot cuc|mot luc|luon mot lan)\b(?: \w+){0,5}? (?:con lai|con thieu|cho du|so nam (?:con )?thieu|phan thieu|nam thieu)\b|\b(?:dong|nop) (?:\w+ ){0,2}(?:mot lan|1 lan) (?:(?:cho|luon|het|ca) )*(\d{1,2}) nam\b|\b(?:con lai|con thieu|nam thieu) (?:\w+ ){0,4}(?:dong|nop) (?:\w+ ){0,2}(?:mot lan|1 lan)\b|\b(?:dong|nop) (?:not |bu |them |tiep )?\d{1,2} nam (?:con thieu|con lai|thieu) (?:\w+ ){0,2}(?:mot lan|1 lan|mot luc)\b/;

const get = (index: FaqIndex, id: string): KbEntry | undefined => index.entries.get(id);
/** Words that show the question is about a pension or a monthly allowance at all. */
const PENSION_WORD = /\b(?:huu|luong huu|tro cap (?:bhxh )?hang thang)\b/;
/** The pension named as not reached yet ("trước khi về hưu", "chưa hưởng lương hưu", "chưa đến tuổi nghỉ hưu"). */
const NOT_YET_RETIRED = /\b(?:truoc khi|truoc tuoi|chua(?: den tuoi| du tuoi)?) (?:\w+ )?(?:ve huu|nghi huu|huu)\b|\b(?:cho|cho toi|cho den|dong toi|dong den) tuoi (?:nghi |ve )?huu\b|\bchua (?:\w+ ){0,2}(?:huong|nhan|lanh) (?:\w+ )?luong huu\b/g;
/** A pension asked for the future ("bao giờ tôi mới có lương hưu", "đến khi nào được hưởng lương hưu"). */
const PENSION_TO_COME = /\b(?:bao gio|khi nao|nam nao|thang nao|de|se|sau nay)\b(?: \w+){0,4}? (?:co|huong|nhan|lanh|duoc) (?:\w+ )?luong huu\b/g;
/** Someone who says they retired ("đã nghỉ hưu", "về hưu rồi", "hưởng lương hưu"), when the pension is not read otherwise. */
const RETIRED = /\b(?:da|dang) (?:\w+ ){0,2}(?:nghi huu|ve huu|huong luong huu|nhan luong huu|lanh luong huu)\b|\b(?:nghi|ve) huu (?:roi|nhung|ma|van)\b/;
/** A death told as a fact ("mất do tai nạn", "đã qua đời"), not "mất" as "lose" ("có mất quyền lợi gì"). */
const DIED =
  /\b(?:qua doi|tu vong|chet|tu tran)\b|\bmat (?:do|vi|vao|ngay|nam|thang|hom|roi|luc|khi|sau|dot ngot)\b|\b(?:tai nan|benh|dot quy|ung thu|bi nan) mat\b|\b(?:bo|me|cha|chong|vo|ong|ba) (?:toi |em |minh |tui )?(?:da |vua |moi )?mat\b(?! (?:so|the|giay|tien|viec|quyen))/;
/** Both schemes named, and short-term benefits asked about: which benefits a voluntary period counts for. */
const PERIODS_FOR_SHORT_TERM = /\b(?:om dau|tai nan|benh nghe nghiep|thai san)\b/;

/** Hired, or moved to compulsory insurance ("tìm được việc làm", "công ty làm thủ tục tham gia BHXH bắt buộc"). */
const HIRED =
  /\b(?:di lam(?! (?:an )?xa\b| an\b)|vao lam|xin duoc viec|co viec|tim (?:duoc )?viec|nhan vao lam)\b|\b(?:lam thu tuc|duoc (?:cong ty )?(?:cho )?(?:tham gia|dong)|chuyen sang) (?:\w+ ){0,3}bat buoc\b/;
/** Both schemes at the same time ("đóng cùng lúc bắt buộc và tự nguyện", "vừa … bắt buộc vừa … tự nguyện"). */
const BOTH_AT_ONCE =
  /\b(?:cung luc|song song|dong thoi|cung mot luc)\b.*\b(?:bat buoc|tu nguyen)\b|\b(?:bat buoc|tu nguyen)\b.*\b(?:cung luc|song song|cung mot luc)\b|\bvua (?:dong |tham gia )?(?:bhxh )?(?:bat buoc|tu nguyen) vua (?:dong |tham gia )?(?:bhxh )?(?:bat buoc|tu nguyen)\b/;
/** "Để (sau này) lương hưu cao hơn": the motive for paying more, not a question about the pension. */
const MORE_PENSION_MOTIVE = /\b(?:de|cho|mong) (?:\w+ ){0,3}luong huu (?:\w+ ){0,2}(?:cao|nhieu|tot) hon\b/g;
/** Asks to pay for a past period ("đóng bù", "truy đóng", "đóng cho thời gian không đi làm"). */
const BACKPAY = /\b(?:dong bu|truy dong|truy thu|dong (?:\w+ ){0,3}cho (?:thoi gian|khoang thoi gian|giai doan|nhung thang|nhung nam) (?:\w+ ){0,4}(?:khong di lam|nghi|truoc|da qua|chua dong))\b/;
/** Months of a registered mode left unpaid ("quên đóng", "chậm đóng", "quá hạn"): paid late, not backpay. */
// ("… từ 2019 đến 2023 rồi ngưng vì kẹt tiền", "tháng 8, 9, 10 nằm viện nên không đóng được", "mấy năm bị bỏ trống" too; a mode
// registered and "vẫn chưa đóng đồng nào".)
const MISSED = /\b(?:quen (?:\w+ ){0,3}dong|cham dong|dong cham|qua han|tre han|tam dung|cac thang cham|bo (?:khong )?dong \d+ thang|(?:duoc \d+ (?:thang|nam)) (?:roi|thi) (?:bo|nghi|ngung)|(?:19|20)\d\d (?:roi|thi) (?:ngung|bo)(?! viec)|khong dong duoc|bo trong|(?:van )?chua (?:dong|nop) (?:duoc )?(?:dong nao|xu nao|tien))\b/;
/** Stopped paying for a while and asks to go on ("không đóng mấy tháng nay … muốn đóng tiếp"). */
const STOPPED = /\b(?:khong|chua) (?:dong|nop) (?:\w+ ){0,3}(?:may|vai|\d+) (?:thang|nam)\b|\b(?:da|bi) (?:ngung|dung|tam dung|ngat) (?:dong|nop)\b/;
const GO_ON = /\b(?:dong tiep|tiep tuc dong|tham gia tiep|tham gia lai|dong lai|nop tiep)\b/;

/** Words of an illness or failing health ("bị bệnh phổi", "sức khỏe yếu đi"). */
const ILL = /\b(?:bi|mac) (?:\w+ ){0,2}benh\b|\bsuc khoe (?:\w+ ){0,4}(?:yeu|kem)\b|\bom (?:dau|yeu|nang)\b/;
/** "Có được rút / nhận … một lần không?": whether, not how much. */
const CAN_WITHDRAW = /\bco (?:\w+ ){0,4}(?:duoc|the) (?:rut|nhan|huong|lanh|lay)\b|\b(?:duoc|khong duoc) (?:rut|nhan|huong|lanh)\b|\bco (?:rut|nhan|lanh|lay) (?:\w+ ){0,3}duoc khong\b/;
/** Every start told, in order (STARTED_MONTH, global). */
const STARTED_MONTHS = new RegExp(STARTED_MONTH.source, 'g');
/** The birth's month told after the start ("tháng 1/2027 dự sinh", "hẹn sinh khoảng tháng 3/2027", "sinh ngày 5/10/2026"); not the
 * start's month before a birth told with its own ("từ tháng 2/2026, vừa sinh đôi hai bé trai hồi tháng 10/2026"). */
const BIRTH_MONTH = /\b(?:thang (\d{1,2}) (?:nam )?(20\d\d) (?:\w+ ){0,2}(?:sinh|de)(?! (?:\w+ ){0,5}thang \d)|(?:sinh|de) (?:\w+ ){0,4}thang (\d{1,2}) (?:nam )?(20\d\d)|(?:sinh|de) (?:\w+ ){0,3}?ngay \d{1,2} (\d{1,2}) (20\d\d))\b/;
/** A period with its months ("từ 2/2026 đến 5/2026", "từ tháng 6 đến hết tháng 8/2026"). */
const SPAN_MONTHS = /\btu (?:thang )?(\d{1,2}) (?:nam )?(20\d\d)? ?(?:den|toi) (?:het )?(?:thang )?(\d{1,2}) (?:nam )?(20\d\d)\b/g;
/** A period told then stopped ("… đến tháng 6/2025 thì nghỉ", "… rồi ngưng đóng"). */
// ("(từ 7/2025 đến 6/2026), hết đợt thì em chưa đóng tiếp" too.)
const SPAN_STOPPED = /^ ?,? ?(?:\) ?,? ?)?(?:(?:thi|roi|xong|sau do|va) (?:\w+ ){0,2}(?:nghi|ngung|dung|thoi|bo)\b|(?:het dot |het ky )?(?:thi |roi )?(?:\w+ )?(?:chua|khong) (?:dong|nop) (?:tiep|lai|nua)\b)/;
/** A job's insurance told by its end ("đóng bhxh bắt buộc tới hết tháng 4/2026 thì nghỉ việc", "làm công ty đến tháng 3/2026 rồi nghỉ"). */
const ENDED_BEFORE = /\b(?:dong|lam)\b(?: [\w,]+){0,8}? (?:toi|den) (?:het )?thang (\d{1,2}) (?:nam )?(20\d\d) (?:, )?(?:thi |roi |la )?(?:nghi|thoi|dung|ngung)\b/;
/** Another parent paying since a year or a month ("em … đóng BHXH tự nguyện đều đặn hàng tháng từ năm 2023 tới giờ"). */
// (Or paying on by periods told paid: "chồng em … đóng bh tự nguyện từ 2020, đóng 6 tháng/lần …, đã đóng xong kỳ 7-12/2026".)
const OTHER_PAYING_SINCE = /\b(?:dong|tham gia)\b(?: \w+){0,8}? tu (?:thang (\d{1,2}) (?:nam )?|nam )?(20\d\d)\b(?= (?:\w+ ){0,2}(?:toi|den) (?:gio|nay)\b| (?:\w+ ){0,14}?(?:da dong (?:xong |het |du )?ky|dong deu|dong lien tuc)\b)/g;

/**
 * The months paid from a start told to the birth month told, against the 6 needed in the 12 before the birth (Law
 * 41/2024 Art 95); one parent short, the other paying since earlier ("Vợ em thì mới đăng ký đóng từ tháng 11/2026 … em …
 * đóng … từ năm 2023 tới giờ"): the other one receives it.
 */
export function monthsBeforeBirthLead(told: string, day?: AsOfDay): string | undefined {
  // ("Tháng 12/2026 này em mới đăng ký …": the month told before the start, read as "đăng ký từ tháng 12/2026".)
  const f = startsInOrder(told);
  // Two periods or more told ("đóng bắt buộc … từ 2/2026 đến 5/2026 …, sau đó đóng tự nguyện từ 6/2026 đến 8/2026. Em sinh
  // con tháng 10/2026"): the months of all of them in the 12 before the birth, compulsory ones counted too (Art 95).
  // (One period that stopped, "đóng từ tháng 1/2025 đến tháng 6/2025 thì nghỉ, tháng 4/2026 em sinh bé": its months in the
  // 12 before the birth, not every month from its start.)
  const spans = [...f.matchAll(SPAN_MONTHS)];
  const last = spans[spans.length - 1];
  const born = last && BIRTH_MONTH.exec(f.slice(last.index + last[0].length));
  const stopped = spans.length === 1 && has(SPAN_STOPPED, f.slice(last!.index + last![0].length, last!.index + last![0].length + 30));
  if ((stopped || spans.length >= 2) && born) {
    const due = Number(born[2] ?? born[4] ?? born[6]) * 12 + Number(born[1] ?? born[3] ?? born[5]) - 1;
    // Each period's months inside the 12 before the birth month.
    const paid = spans.reduce((t, m) => {
      const from = Number(m[2] ?? m[4]) * 12 + Number(m[1]) - 1;
      const to = Number(m[4]) * 12 + Number(m[3]) - 1;
      return to >= from ? t + Math.max(0, Math.min(to, due - 1) - Math.max(from, due - 12) + 1) : t;
    }, 0);
    // (A start after the period stopped, "… thì nghỉ việc, tới 9/2026 e đăng ký đóng tự nguyện": its months up to the birth too.)
    // (Not the other parent's start: "… hết đợt thì em chưa đóng tiếp … 2/ Chồng em đóng tự nguyện từ tháng 1/2026 tới nay".)
    const rest = f.slice(last!.index + last![0].length);
    const after = stopped ? [...rest.matchAll(STARTED_MONTHS)].find((m) => !has(/\b(?:vo|chong)\b(?: \w+){0,3} ?$/, rest.slice(Math.max(0, m.index - 30), m.index))) : undefined;
    const since = after ? Number(after[2]) * 12 + Number(after[1]) - 1 : undefined;
    const resumed = since === undefined ? undefined : resumedBeforeBirthLead(paid, since, due, 'tháng sinh', has(/\bbat buoc\b/, f.slice(0, last!.index + last![0].length)));
    if (resumed) return resumed;
    if (stopped) {
      const window = `tháng ${monthYear(due - 12)} đến tháng ${monthYear(due - 1)}`;
      if (paid >= 6) return `Trong 12 tháng trước tháng sinh (từ ${window}) có ${paid} tháng đóng, đủ 6 tháng nên được trợ cấp 2.000.000 đồng mỗi con.`;
      // (The latest month to pay again for the months short, when it comes after the period: "… (từ 7/2025 đến 6/2026), hết
      // đợt thì em chưa đóng tiếp … dự sinh tháng 2/2027": 5 months, one more from 1/2027 at the latest.)
      const end = Number(last![4]) * 12 + Number(last![3]) - 1;
      const latest = due - (6 - paid);
      // (Only for a month still to come on the message's day: a birth past or too near has no month left to pay.)
      // (Without the day, when paying again now is what is asked: "giờ e đăng ký đóng tn thì có kịp được nhận khi sinh ko".)
      const stillTime = day !== undefined ? latest >= monthIndex(day) : has(/\b(?:gio|bay gio|nay|tu nay)\b(?: \w+){0,3} (?:dang ky|dong|tham gia)\b(?: \w+){0,8} (?:kip|duoc)\b/, f);
      const again = latest <= end || !stillTime ? '' : latest === due - 1 ? ` Đóng thêm tháng ${monthYear(latest)} (trước tháng sinh) thì đủ 6 tháng.` : ` Đóng lại chậm nhất từ tháng ${monthYear(latest)} và đóng đều đến tháng ${monthYear(due - 1)} thì đủ 6 tháng.`;
      const other = otherParentLead(f, due, last!.index);
      return again
        ? `Hiện chưa đủ: trong 12 tháng trước tháng sinh (từ ${window}) mới có ${paid} tháng đóng, cần đủ 6 tháng.${again}${other ? ` ${other}` : ''}`
        : `Chưa đủ điều kiện: trong 12 tháng trước tháng sinh (từ ${window}) chỉ có ${paid} tháng đóng, chưa đủ 6 tháng nên lần sinh này chưa được trợ cấp 2.000.000 đồng (các tháng đóng trước khoảng 12 tháng đó không được tính).${other ? ` ${other}` : ''}`;
    }
    return paid >= 6
      ? `Cộng cả các tháng đóng bắt buộc và tự nguyện trong 12 tháng trước tháng sinh là ${paid} tháng, đủ 6 tháng nên được trợ cấp 2.000.000 đồng mỗi con (nếu đủ điều kiện hưởng thai sản theo BHXH bắt buộc thì chỉ hưởng chế độ bắt buộc).`
      : `Cộng cả các tháng đóng bắt buộc và tự nguyện trong 12 tháng trước tháng sinh chỉ được ${paid} tháng, chưa đủ 6 tháng nên lần sinh này chưa được trợ cấp 2.000.000 đồng.`;
  }
  // (The start nearest before the birth: "chồng em … tháng 1/2026 đã nộp một lần trước 2 năm … còn em thì đóng hằng tháng
  // từ tháng 4/2026, dự sinh tháng 1/2027" is the mother's 4/2026.)
  const starts = [...f.matchAll(STARTED_MONTHS)];
  let k = 0;
  let started = starts[0];
  // (After the start: "đóng từ tháng 4/2026, dự sinh tháng 1/2027" has no birth in 4/2026.)
  const birthAfter = (m: RegExpMatchArray): RegExpExecArray | null => BIRTH_MONTH.exec(f.slice(m.index! + m[0].length));
  let birth = started && birthAfter(started);
  while (started && birth && (starts[k + 1]?.index ?? Infinity) < started.index! + started[0].length + birth.index) {
    started = starts[++k]!;
    birth = birthAfter(started);
  }
  // (The birth told first: "dự sinh tháng 1/2027. Em mới bắt đầu đóng … từ tháng 9/2026".)
  if (started && !birth && k === 0) birth = BIRTH_MONTH.exec(f);
  if (!started) return yearStartedLead(f);
  if (!birth) return undefined;
  const [bm, by] = [Number(birth[1] ?? birth[3] ?? birth[5]), Number(birth[2] ?? birth[4] ?? birth[6])];
  const due = by * 12 + bm;
  // (A stop told after the start, "đóng tn từ tháng 11/2025 … thì từ tháng 9/2026 em lỡ không đóng nữa. Em dự sinh tháng 2/2027":
  // the months paid before the stop inside the 12 before the birth month, not every month from the start.)
  const stop = STOPPED_FROM.exec(f.slice(started.index! + started[0].length));
  if (stop) {
    const [start0, due0, stop0] = [Number(started[2]) * 12 + Number(started[1]) - 1, due - 1, Number(stop[2] ?? stop[4]) * 12 + Number(stop[1] ?? stop[3]) - 1];
    if (stop0 > start0 && stop0 < due0) {
      const counted = Math.max(0, Math.min(due0, stop0) - Math.max(start0, due0 - 12));
      const told = `Anh/chị đóng từ tháng ${monthYear(start0)} đến tháng ${monthYear(stop0 - 1)}: trong 12 tháng trước tháng sinh (từ tháng ${monthYear(due0 - 12)} đến tháng ${monthYear(due0 - 1)}) có ${counted} tháng đóng`;
      return counted >= 6
        ? `${told}, đủ 6 tháng nên vẫn được trợ cấp 2.000.000 đồng mỗi con (không cần đóng đến tháng sinh).`
        : day !== undefined && due0 - (6 - counted) < monthIndex(day)
          ? `${told}, chưa đủ 6 tháng nên lần sinh này chưa được trợ cấp 2.000.000 đồng (không đóng bù được các tháng đã qua); những lần sinh sau vẫn được khi đủ điều kiện.`
          : `${told}, chưa đủ 6 tháng: cần thêm ${6 - counted} tháng đóng trước tháng sinh, tức phải đóng lại chậm nhất từ tháng ${monthYear(due0 - (6 - counted))} và đóng đều đến tháng ${monthYear(due0 - 1)}; đóng lại muộn hơn thì lần sinh này chưa được trợ cấp 2.000.000 đồng.`;
    }
  }
  const paid = due - (Number(started[2]) * 12 + Number(started[1]));
  if (paid < 0 || paid > 24) return undefined;
  // (Months of the mode missed since the start, "đợt tháng 7-9 e quên mất ko đóng, giờ tháng 12 rồi": not paid; from paying
  // again this month to the birth is what counts, with any months paid inside the 12 before it.)
  if (day !== undefined && has(/\bquen (?:mat )?(?:ko |khong |chua )?(?:dong|nop)\b|\bbo (?:khong )?dong (?:\w+ ){0,2}thang\b/, f.slice(started.index!))) {
    const [now0, due0] = [monthIndex(day), due - 1];
    const months = due0 - now0;
    if (months >= 0 && months <= 12) {
      return months >= 6
        ? `Các tháng quên đóng không được tính và không đóng bù được; đóng lại ngay từ tháng ${monthYear(now0)} và đóng đều đến trước tháng sinh (${monthYear(due0)}) thì có ${months} tháng trong 12 tháng trước khi sinh, đủ 6 tháng nên vẫn được trợ cấp 2.000.000 đồng mỗi con.`
        : `Các tháng quên đóng không được tính và không đóng bù được; đóng lại ngay từ tháng ${monthYear(now0)} thì đến trước tháng sinh (${monthYear(due0)}) chỉ có ${months} tháng, chưa đủ 6 tháng nên lần sinh này chưa được trợ cấp 2.000.000 đồng.`;
    }
  }
  if (paid >= 6) return `Đóng đều từ tháng ${started[1]}/${started[2]} đến trước tháng sinh là ${paid} tháng, đủ 6 tháng nên được trợ cấp 2.000.000 đồng mỗi con.`;
  // (A job's insurance told by its end before the start, "làm cty đóng bhxh bắt buộc tới hết tháng 4/2026 thì nghỉ việc, tháng
  // 9/2026 e đăng ký đóng tự nguyện": its months inside the 12 before the birth count too, Art 95.)
  const ended = ENDED_BEFORE.exec(f.slice(0, started.index));
  const endAt = ended ? Number(ended[2]) * 12 + Number(ended[1]) : undefined;
  const earlier = endAt !== undefined && endAt < due - paid ? Math.max(0, Math.min(12 - paid, endAt - (due - 12) + 1)) : 0;
  if (earlier > 0 && paid + earlier >= 6) {
    return `Cộng cả các tháng đã đóng trước đó trong 12 tháng trước tháng sinh (đến tháng ${ended![1]}/${ended![2]}: ${earlier} tháng; tháng đóng bắt buộc cũng được tính) và các tháng đóng từ tháng ${started[1]}/${started[2]} (${paid} tháng) là ${paid + earlier} tháng, đủ 6 tháng nên được trợ cấp 2.000.000 đồng mỗi con.`;
  }
  // (The one who started late named just before the start: "Vợ em thì mới đăng ký đóng từ tháng 11/2026".)
  const before = f.slice(Math.max(0, started.index - 50), started.index);
  const spouse = /\b(vo|chong)\b(?: \w+){0,6} ?$/.exec(before)?.[1];
  // (The asker's own start, "Em mới bắt đầu đóng … từ tháng 9/2026": theirs.)
  const own = !spouse && has(/\b(?:em|toi|minh|tui)\b(?: \w+){0,6} ?$/, before);
  const late = spouse === 'vo' ? 'vợ anh/chị' : spouse === 'chong' ? 'chồng chị' : own ? 'anh/chị' : 'người này';
  const short = `Từ tháng ${started[1]}/${started[2]} đến trước tháng sinh chỉ được ${paid} tháng đóng, chưa đủ 6 tháng trong 12 tháng trước khi sinh nên ${late} chưa được trợ cấp thai sản (đóng trước cho các tháng sau ngày sinh không được tính).`;
  const other = otherParentLead(f, due - 1, started.index!, spouse);
  if (other) return `${short} ${other}`;
  return short.replace(`nên ${late} chưa`, 'nên lần sinh này chưa');
}

/**
 * The other parent paying since a month or year told, up to now, enough for the 6 months before the birth month `due`
 * (0-based): "Nhưng chồng chị đóng từ tháng 1/2026 đến nay: … được nhận trợ cấp 2.000.000 đồng …". `at` is where the first
 * parent's own period is told (skipped); `spouse` the one named there, when it is the other parent. Undefined when none.
 */
function otherParentLead(f: string, due: number, at: number, spouse?: string): string | undefined {
  for (const other of f.matchAll(OTHER_PAYING_SINCE)) {
    if (other.index === at) continue;
    const since = Number(other[2]) * 12 + Number(other[1] ?? 1);
    if (due + 1 - since < 6) continue;
    // (The other named before their start: "chồng em đóng tn từ 2020 tới giờ".)
    const named = /\b(vo|chong)\b(?: \w+){0,6} ?$/.exec(f.slice(Math.max(0, other.index - 50), other.index))?.[1];
    const who = named && !spouse ? (named === 'vo' ? 'vợ anh/chị' : 'chồng chị') : spouse ? 'anh/chị' : 'người còn lại';
    return `Nhưng ${who} đóng từ ${other[1] ? `tháng ${other[1]}/` : 'năm '}${other[2]} đến nay: đóng đều đến khi sinh thì đủ 6 tháng trong 12 tháng trước khi sinh, nên ${who} được nhận trợ cấp 2.000.000 đồng cho mỗi con (người cha cũng được nhận khi đủ điều kiện; cả hai cùng đủ thì chỉ một người nhận).`;
  }
  return undefined;
}

/**
 * A start told by its year only, before a birth a year and a half or more later ("cả hai cùng đóng BHXH tự nguyện từ năm
 * 2024. Tháng 11/2026 vợ em sinh đôi"): even from that year's December, 6 months in the 12 before the birth. A birth before
 * 7/2025, when the allowance began (Law 41/2024 Art 94), has none.
 */
function yearStartedLead(f: string): string | undefined {
  const from = /\b(?:dong|tham gia|bat dau dong)\b(?: \w+){0,6}? tu nam (20\d\d)\b/.exec(f);
  const birth = from && BIRTH_MONTH.exec(f.slice(from.index + from[0].length));
  if (!from || !birth) return undefined;
  const [month, year] = [Number(birth[1] ?? birth[3] ?? birth[5]), Number(birth[2] ?? birth[4] ?? birth[6])];
  const due = year * 12 + month;
  // (A birth before the allowance existed, "đến tháng 3/2025 thì sinh cháu … có làm hồ sơ lãnh lại được không": no.)
  if (due < 2025 * 12 + 7) {
    return `Không: trợ cấp thai sản 2.000.000 đồng của BHXH tự nguyện chỉ có từ khi Luật BHXH 2024 có hiệu lực (1/7/2025), cho lần sinh từ ngày đó; sinh tháng ${month}/${year} thì không được hưởng, cũng không truy lĩnh. Những lần sinh sau, nếu đủ 6 tháng đóng trong 12 tháng trước khi sinh, thì được.`;
  }
  return due - (Number(from[1]) * 12 + 12) >= 6 && !has(/\b(?:dung|ngung|nghi|thoi) (?:dong|tham gia)\b|\bchua dong\b/, f)
    ? `Đóng đều từ năm ${from[1]} đến trước tháng sinh là hơn 6 tháng trong 12 tháng trước khi sinh, nên đủ điều kiện nhận trợ cấp 2.000.000 đồng mỗi con.`
    : undefined;
}

/** A social-assistance allowance beside the rule on pensioners: it keeps no one out. */
export const SOCIAL_ALLOWANCE_LEAD =
  'Có thể tham gia: trợ cấp xã hội hằng tháng (cho người khuyết tật, người cao tuổi…) là chế độ bảo trợ xã hội, không phải lương hưu, trợ cấp BHXH hằng tháng hay trợ cấp hằng tháng của người đủ tuổi mà chưa đủ năm đóng, nên không thuộc trường hợp bị loại trừ; đang nhận trợ cấp này vẫn được đóng BHXH tự nguyện và vẫn nhận trợ cấp. Nên hỏi BHXH cấp xã hoặc 1900 9068 để xác nhận khi đăng ký.';

/** What starting afresh takes, after a lump sum taken: the years paid out first. */
const afresh = (plan: string | undefined): string | undefined => plan && `Những năm đã nhận BHXH một lần không được tính lại. Nếu tham gia lại từ đầu: ${plan}`;

/** Taken on by a company now ("nay được nhận vào làm công ty và công ty sẽ đóng BHXH bắt buộc"): no voluntary years ahead. */
const HIRED_NOW = /\b(?:nay|sap|vua|moi|gio) (?:\w+ ){0,2}(?:nhan vao|vao) lam\b|\bcong ty (?:se|dang) dong\b/;
/** The end of the sentence on the years left to 15 beside a withdrawal (answer.ts drops it when the years lead says them). */
export const KEPT_WHEN_PAUSED = 'tạm dừng đóng thì thời gian đã đóng vẫn được giữ.';
const PENSIONER_NO_LUMP_SUM =
  'Người đang hưởng lương hưu không thuộc diện nhận BHXH một lần, kể cả khi mắc bệnh nặng: khoản một lần chỉ dành cho người chưa hưởng lương hưu. Lương hưu vẫn được trả hằng tháng suốt đời, kèm thẻ BHYT.';
const UNLISTED_ILLNESS =
  'Chỉ các bệnh nguy hiểm đến tính mạng theo danh mục của Bộ Y tế (ung thư, bại liệt, xơ gan mất bù, lao nặng, AIDS) hoặc suy giảm khả năng lao động từ 81% trở lên (có giám định y khoa) mới được nhận BHXH một lần ngay. Anh/chị cho biết tên bệnh hoặc kết quả giám định để được tư vấn đúng.';

/** A question about an earlier time ("năm 2020", "luật cũ", "trước 1/7/2025", "hồi đó"). */
const ASK_YEAR_BEFORE_2025 = /\b(?:nam |tu |den |truoc )?(?:19\d\d|20(?:0\d|1\d|2[0-4]))\b/;
/** "(đóng) từ 1/2012", "từ năm 2008 đến 2015": when paying began or a span paid. */
const PAID_SINCE = /\b(?:tu|den|toi|bat dau) (?:thang )?(?:\d{1,2} )?(?:nam )?(?:19|20)\d\d\b/g;
const ASKS_THE_PAST = new RegExp(`${ASK_YEAR_BEFORE_2025.source}|\\b(?:luat cu|luat 2014|truoc day|hoi do|hoi truoc|ngay truoc|truoc 1 7 2025)\\b`);
/** Today's rule for a repealed one. */
const CURRENT_OF: Readonly<Record<string, string>> = {
  'survivor.old_rule_2020': 'survivor.member_dies_one_time',
  'contribution_amount.old_2020': 'contribution_amount.how_much_month',
};

const UNDER_15 = 'Chưa được: BHXH tự nguyện dành cho công dân Việt Nam từ đủ 15 tuổi. Đủ 15 tuổi (và không thuộc diện đóng bắt buộc) thì đăng ký được ngay.';

/** Told to have reached the retirement age ("đến tuổi nghỉ hưu rồi", "đã đủ tuổi", "hết tuổi lao động"). */
const AT_AGE = /\b(?:den|du|qua|het) tuoi (?:nghi huu|ve huu|lao dong)\b(?: \w+){0,2} (?:roi|ma|nhung)\b|\bda (?:den|du|qua|het) tuoi\b/;
/** An illness named that the law's closed list (Law 41/2024 Art 102(1)(c)) leaves out. */
const NAMED_UNLISTED_ILLNESS =
  /\b(?:benh (?:tim|mach vanh|tieu duong|duong huyet|huyet ap|than|phoi|da day|xuong khop|cot song|tam than|parkinson|alzheimer|lupus|vay nen|gut|gout)|tai bien|dot quy|suy than|chay than|loc mau|tieu duong|cao huyet ap|thoai hoa|mo tim|hen suyen|hiv)\b(?! (?:\w+ ){0,3}aids)/;
/**
 * A withdrawal named ("rút", "lấy lại tiền"), not one denied ("… 13 năm bắt buộc, chưa rút. … đóng gộp một lần cho đủ
 * ngay bây giờ": paying at once asked, no withdrawal).
 */
const withdrawalNamed = (f: string): boolean => has(/\b(?:rut|lay lai|lay tien)\b/, f.replace(/\b(?:chua|khong|ko|k|chang) (?:\w+ )?rut\b/g, ' '));
/** A message that is a relative's story ("Chồng tôi 50 tuổi … nay bị ung thư"), opening with them. */
const ILL_RELATIVE_STORY = /^ (?:(?:xin )?chao (?:\w+ ){0,3}?)?(chong|vo|bo|me|cha) (?:toi|em|minh|tui)\b/;
/** The asker telling an illness of their own ("tôi bị …"; not "chồng tôi bị …"). */
const ASKER_ILL = /(?<!\b(?:chong|vo|bo|me|cha|con|anh|chi|em) )\b(?:toi|em|minh|tui) (?:\w+ ){0,3}?(?:bi|mac|dang bi|dang mac)\b/;
/** The relative an ill member's story is about, when the asker tells no illness of their own; undefined otherwise. */

/** Paying years at once asked by someone with 15 years or more: that payment only fills a gap up to 15 (Decree 159 Art 7). */
/** Paying more than 5 years at once: not allowed, ahead or missing (Decree 159 Art 7). */
const overFiveOnce = (k: number): string =>
  `Không được đóng một lần ${k} năm: mỗi lần đóng một lần tối đa 5 năm, dù là đóng trước cho những năm sau hay đóng cho số năm còn thiếu khi đã đến tuổi nghỉ hưu.`;
export const PAST_FIFTEEN_ONCE = 'Đóng một lần số năm còn thiếu thì không được';
const pastFifteenOnce = (years: number): string =>
  `${PAST_FIFTEEN_ONCE}: việc này chỉ dành cho người đã đến tuổi nghỉ hưu mà còn thiếu không quá 5 năm để đủ 15 năm, còn anh/chị đã có ${Math.floor(years)} năm. Muốn thêm năm đóng (tỷ lệ cao hơn) thì đóng tiếp theo tháng, 3, 6 hoặc 12 tháng một lần cho đến tuổi nghỉ hưu.`;

export function illRelative(f: string): 'chong' | 'vo' | 'bo' | 'me' | undefined {
  const m = ILL_RELATIVE_STORY.exec(f);
  if (!m || has(ASKER_ILL, f)) return undefined;
  return m[1] === 'cha' ? 'bo' : (m[1] as 'chong' | 'vo' | 'bo' | 'me');
}
/** An illness told of a relative ("vợ tôi lại bị tiểu đường", "mẹ tôi mắc ung thư"), not of the asker. */
const RELATIVE_ILL = /\b(?:vo|chong|bo|me|cha|con) (?:toi|em|minh|tui) (?:\w+ ){0,3}?(?:bi|mac|dang bi|dang mac|lai bi)\b/;
/** Paralysed after a stroke ("tai biến liệt nửa người"). */
const STROKE_PARALYSIS = /\b(?:tai bien|dot quy|xuat huyet nao|nhoi mau nao)\b(?:(?!\?).)*\bliet\b|\bliet\b(?:(?!\?).)*\b(?:tai bien|dot quy)\b/;
const PARALYSIS_AFTER_STROKE =
  'Liệt sau tai biến: nếu cơ sở y tế xác định là bại liệt (một bệnh trong danh mục của Bộ Y tế) hoặc giám định y khoa kết luận suy giảm khả năng lao động từ 81% trở lên thì được nhận BHXH một lần ngay, không phải chờ. Anh/chị mang hồ sơ bệnh án (giấy ra viện, kết quả giám định) đến cơ quan BHXH nơi cư trú để được xét.';
const NOT_ON_THE_LIST =
  'Luật chỉ cho nhận BHXH một lần ngay khi đang mắc một trong 5 bệnh: ung thư, bại liệt, xơ gan mất bù, lao nặng, AIDS, hoặc khi giám định suy giảm khả năng lao động từ 81% trở lên, khuyết tật đặc biệt nặng. Bệnh anh/chị nêu không thuộc 5 bệnh này, nên chỉ được nhận ngay nếu giám định từ 81% trở lên.';

/** Said when the 12 months out are behind the person. */
const OUT_TWELVE_MONTHS = 'anh/chị đã nghỉ đủ 12 tháng, nên được nhận ngay';

/**
 * Paid before 1/7/2025, under 20 years, not drawing a pension: the transitional rule lets them take the lump sum
 * after 12 months without paying (Law 41/2024 Art 141), and the amount in months of average income when the
 * years all fall from 2014. Undefined when nothing shows the person paid before the reform.
 */
export function transitionalLumpSumLead(s: Situation, f: string): string | undefined {
  const n = s.yearsPaid;
  // (Begun in the first half of 2025, "từ tháng 3/2025": before the reform too.)
  const before = (s.startYear !== undefined && (s.startYear < 2025 || (s.startYear === 2025 && s.startMonth !== undefined && s.startMonth < 7))) || (s.startYear === undefined && n !== undefined && n >= 2);
  if (n === undefined && s.startYear === undefined && s.drawingPension !== true && !s.memberDied) return recentStopLead(s, f);
  if (!before || n === undefined || n >= 20 || s.drawingPension === true || s.memberDied) return undefined;
  // Near the retirement age the question is rather the pension (15 years, the missing years): answered elsewhere,
  // unless they ask to withdraw in so many words ("giờ muốn rút BHXH 1 lần được không"): then both, the pension
  // they would keep by paying on after the lump sum's rule.
  const explicit = has(WITHDRAW_VERB, f);
  const near = (s.age !== undefined && s.age >= 50) || has(/\b(?:gan|sap|sap den|gan den|toi) tuoi (?:nghi |ve )?huu\b|\btuoi (?:nghi |ve )?huu\b/, f);
  if (near && !explicit) return undefined;
  // (Stopped "từ 2019": more than 12 months when the year is before last; "nghỉ đóng tự nguyện từ tháng 10/2025", read
  // on a known day: the month 12 months are reached.)
  // ("nghỉ việc ở KCN Bắc Ninh tháng 4/2026": the month without "từ" too.)
  // ("làm … từ tháng 10/2019 đến tháng 9/2026 thì nghỉ": the month the span ends.)
  const stop =
    /\b(?:nghi|nghi viec|nghi lam|dung|ngung|khong dong) (?:\w+ ){0,4}?(?:tu |vao |tu |hoi )?(?:thang (\d{1,2}) )?(?:nam )?((?:19|20)\d\d)\b/.exec(f) ??
    /\bden (?:het )?(?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d\d) (?:thi|roi|la) (?:em |toi |minh )?(?:nghi|thoi viec|dung|ngung)\b/.exec(f);
  // ("làm công nhân … từ tháng 3/2014 đến hết tháng 12/2025, có gần 12 năm … Giờ em nghỉ ở nhà": the job's last month
  // paid, so the months out begin the month after.)
  const lastPaid = stop ? null : /\b(?:lam|cong nhan|cong ty|cty) (?:\w+ ){0,8}?tu (?:thang )?\d{1,2} (?:nam )?(?:19|20)\d\d den het (?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d\d)\b(?: \w+){0,12} (?:gio|nay|hien) (?:em |toi |minh )?(?:da )?nghi\b/.exec(f);
  // ("đóng bắt buộc từ 2008 đến 2019, sau đó đóng tự nguyện đến hết 12/2025", asked later: the last month paid.)
  const lastTold = stop || lastPaid ? null : lastPeriodEnd(f, s.day);
  const since = (stop ?? lastPaid ?? lastTold)?.[2];
  const month = (stop ?? lastPaid ?? lastTold)?.[1];
  const stopMonth = month !== undefined && since !== undefined ? Number(since) * 12 + Number(month) - (lastPaid || lastTold ? 0 : 1) : undefined;
  const today = s.day !== undefined ? monthIndex(s.day) : undefined;
  // (The month of stopping, when told, decides: "… đến tháng 9/2026 thì nghỉ, đóng được đúng 7 năm" is not 7 years out.)
  // ("Trước đây tôi … không đóng bảo hiểm. Từ tháng 1/2019 đến nay tôi đóng … đều đặn": paying now, so not out at all.)
  // (Or insured by a job now, "vào làm công ty may có hợp đồng, công ty đóng bắt buộc cho chị": not out of both schemes.)
  const insuredByJob = s.employment === 'contract' && has(/\b(?:cong ty|cty) (?:\w+ ){0,3}dong (?:bhxh )?bat buoc cho (?:chi|em|toi|minh|tui)\b|\bvao lam (?:\w+ ){0,5}(?:co )?hop dong\b|\bdang (?:lam|di lam) (?:\w+ ){0,5}(?:co )?(?:hop dong|dong bat buoc)\b/, f);
  const payingNow = has(PAYING_NOW, f) || insuredByJob;
  const stopped =
    !payingNow &&
    (stopMonth !== undefined && today !== undefined
      ? today - stopMonth >= 12
      : // ("nghỉ việc từ tháng 2/2026. Tháng 1 năm sau …": a month named, not a year out.)
        has(/\b(?:nghi|o nha|khong dong|dung dong|ngung dong)\b(?: \w+){0,6}? (?:hon |tren |duoc |da )?(?<!\bthang )(?:1 nam|mot nam|12 thang|[2-9] nam)\b/, f) ||
        (since !== undefined && s.year !== undefined && Number(since) < s.year - 1));
  // Not yet 12 months: the month they are, or how many are left ("nghỉ việc ở cty được 3 tháng rồi").
  const monthsOut = Number(/\b(?:nghi|nghi viec|nghi lam|thoi viec) (?:\w+ ){0,4}?(?:duoc |da |moi )?(\d{1,2}) thang (?:roi|nay|nay roi|thi)\b/.exec(f)?.[1] ?? NaN);
  const from = payingNow
    ? ' (anh/chị đang đóng nên chưa thuộc trường hợp này: phải dừng đóng đủ 12 tháng)'
    : stopMonth !== undefined && today !== undefined && today - stopMonth < 12
      ? ` (anh/chị nghỉ từ tháng ${monthYear(stopMonth)}: đủ 12 tháng vào tháng ${monthYear(stopMonth + 12)})`
      : !stopped && monthsOut >= 1 && monthsOut < 12
        ? ` (anh/chị mới nghỉ ${monthsOut} tháng, nên chưa rút được: phải chờ thêm khoảng ${12 - monthsOut} tháng)`
        : '';
  // (With the income told, "nếu bình quân thu nhập khoảng 6 triệu thì được bao nhiêu": the amount in đồng.)
  const estimate = lumpSumEstimateLead(f, s);
  const months = estimate ? ` ${estimate}` : s.startYear !== undefined && s.startYear >= 2014 ? ` Với ${spell(n)} đóng từ 2014, số tiền khoảng ${String(Math.round(n * 2 * 10) / 10).replace('.', ',')} tháng thu nhập bình quân.` : '';
  const keep = near ? yearsLead(s) : undefined;
  // (Two thirds of the way to a pension, "đóng … được 12 năm … muốn rút": what is left to 15 years, and that pausing keeps it.)
  // (Or the years still to pay asked, "nếu em không rút mà đóng tiếp thì phải đóng thêm mấy năm nữa".)
  const moreAsked = has(/\b(?:dong (?:them|tiep)|con (?:thieu|phai))\b(?: \w+){0,4} (?:may|bao nhieu) nam\b/, f);
  const close = !keep && n < 15 && (n >= 10 || moreAsked) ? ` ${moreAsked ? 'Nếu không rút mà đóng tiếp' : 'Cân nhắc'}: anh/chị đã có ${spell(n)}, chỉ còn thiếu ${spell(15 - n)} là đủ 15 năm để có lương hưu khi đến tuổi; ${KEPT_WHEN_PAUSED}` : '';
  const kept = insuredByJob ? ' Thời gian đã đóng tự nguyện không mất: được giữ và cộng với thời gian đóng bắt buộc ở công ty để tính lương hưu.' : '';
  return `Anh/chị đóng từ trước 1/7/2025 và chưa đủ 20 năm, nên theo quy định chuyển tiếp được nhận BHXH một lần khi đã qua 12 tháng không đóng BHXH bắt buộc lẫn tự nguyện${stopped ? ` (${OUT_TWELVE_MONTHS})` : from}; nhận rồi thì mất thời gian đóng đó để tính lương hưu.${kept}${months}${keep ? ` Nếu không rút mà đóng tiếp: ${keep}` : close}`;
}

/**
 * Paying up to now ("từ tháng 1/2019 đến nay tôi đóng", "đóng từ 2019 tới nay", "đang đóng"), not a stop told after it
 * ("nghỉ đóng từ tháng 3/2025 đến giờ", "… đóng tự nguyện, từ 2021 đến giờ em không đóng nữa").
 */
const PAYING_NOW =
  /\bdang (?:\w+ )?(?:dong|tham gia)\b|\b(?:den|toi) (?:nay|gio|bay gio|hien nay|hien tai) (?:(?!khong|chua|ko|k|nghi|dung|ngung)\w+ ){0,3}?(?:dong|tham gia)\b|(?<!\b(?:nghi|dung|ngung|thoi|bo|khong|chua) )\b(?:dong|tham gia) (?:(?!nghi|dung|ngung|thoi|bo|khong)\w+ ){0,6}?(?:den|toi) (?:nay|gio|bay gio|hien nay|hien tai)\b(?! (?:(?:em|toi|minh|tui|e) )?(?:khong|chua|ko|k|nghi|dung|ngung)\b)/;

/**
 * The last month of the last period told, "… đóng tự nguyện đến hết 12/2025", when it is past and nothing is paid after
 * it ("… đến nay", "đang đóng"): [, month, year] as a regular expression's match.
 */
function lastPeriodEnd(f: string, day: string | undefined): [string, string, string] | null {
  if (day === undefined || has(/\b(?:den|toi) (?:nay|gio|bay gio|hien nay|hien tai)\b|\bdang (?:\w+ )?(?:dong|tham gia)\b/, f)) return null;
  const ends = [...f.matchAll(/\b(?:den|toi) het (?:thang )?(\d{1,2}) (?:nam )?((?:19|20)\d\d)\b/g)];
  const last = ends.at(-1);
  if (!last || Number(last[1]) < 1 || Number(last[1]) > 12) return null;
  const end = Number(last[2]) * 12 + Number(last[1]) - 1;
  return end < monthIndex(day) ? [last[0], last[1]!, last[2]!] : null;
}

/** Stopped work in a month of this year, without the year ("nghỉ việc tháng 9 vừa rồi", "thôi việc từ tháng 3 năm nay"). */
const RECENT_STOP = /\b(?:nghi|nghi viec|nghi lam|thoi viec|mat viec|dung dong|ngung dong) (?:\w+ ){0,5}?(?:tu |vao )?thang (\d{1,2}) (?:vua roi|vua qua|nam nay|nay)\b/;

/**
 * Asked to withdraw after stopping work in a month of this year, with no years told: the transitional rule with the
 * month the 12 months are reached, and who it is not for.
 */
function recentStopLead(s: Situation, f: string): string | undefined {
  const m = RECENT_STOP.exec(f);
  if (!m || s.day === undefined || !has(WITHDRAW_VERB, f)) return undefined;
  const month = Number(m[1]);
  const now = monthIndex(s.day);
  if (month < 1 || month > 12) return undefined;
  // "tháng 11 vừa rồi" read in March: November of last year.
  const year = Number(s.day.slice(0, 4)) - (month - 1 > now % 12 ? 1 : 0);
  const stop = year * 12 + month - 1;
  return `Chưa rút ngay được: người có thời gian đóng trước 1/7/2025 và chưa đủ 20 năm chỉ được nhận BHXH một lần khi đã qua 12 tháng không đóng BHXH bắt buộc lẫn tự nguyện; anh/chị nghỉ từ tháng ${monthYear(stop)} nên đủ 12 tháng vào tháng ${monthYear(stop + 12)}. Người bắt đầu đóng từ 1/7/2025 thì không được rút vì lý do này (chỉ khi đủ tuổi nghỉ hưu mà chưa đủ 15 năm, ra nước ngoài định cư hoặc bệnh hiểm nghèo). Nhận một lần thì mất thời gian đóng đó để tính lương hưu: nên cân nhắc bảo lưu.`;
}

/** Withdrawing named in so many words ("rút", "lãnh/nhận … một lần"). */
const WITHDRAW_VERB = /\b(?:rut|lay lai)\b|\b(?:nhan|lanh|huong) (?:\w+ ){0,3}mot lan\b/;

/** A few months paid, under 6 ("mới đóng được 4 tháng"): from the years read, or told in months. */
function shortMonthsPaid(s: Situation, f: string): number | undefined {
  if (s.yearsPaid !== undefined) return s.yearsPaid < 0.5 ? Math.round(s.yearsPaid * 12) : undefined;
  const told = /\b(?:dong|tham gia)(?: \w+){0,3} (?:duoc )?([1-5]) thang\b(?! (?:mot|1) lan)/.exec(f)?.[1];
  return told === undefined ? undefined : Number(told);
}

/** Asks whether a birth brings the allowance ("sinh thì có được 2tr không", "đẻ có được trợ cấp không", "hưởng thai sản"). */
const BIRTH_ALLOWANCE_ASK = /\b(?:sinh|de|sinh con|sinh em be)\b(?: \w+){0,4} (?:co )?duoc (?:\w+ ){0,2}(?:2 ?tr\w*|2 trieu|tro cap|thai san|tien)\b|\b(?:huong|nhan|lanh) (?:che do |tro cap |tien )?thai san\b/;
const CAPACITY_LOSS = /\bsuy giam (?:\w+ ){0,4}(?:8[1-9]|9\d)\b|\b(?:mat|giam) suc (?:lao dong )?(?:\w+ ){0,3}(?:8[1-9]|9\d)\b|\bkhuyet tat dac biet nang\b/;
const LISTED_DISEASE = /\b(?:ung thu|bai liet|xo gan|lao nang|aids)\b/;
/** Paying for years to come ("cho những năm sau", "về sau", "đóng trước"). */
const AHEAD = /\b(?:nhung|cac) nam (?:sau|toi|ve sau)\b|\bve sau\b|\bdong truoc\b|\bnam tiep theo\b/;
/** What someone at the age can get ("được hưởng gì", "chọn nhận một lần hay trợ cấp hằng tháng", "nhận tiền thế nào"). */
const OPTIONS_ASK = /\b(?:huong|nhan|duoc) (?:\w+ ){0,2}gi\b|\bngoai (?:viec )?rut\b|\bche do (?:gi|nao)\b|\bkhoan (?:gi|nao)\b|\btro cap hang thang\b|\bnhan tien\b/;
const GROUP_SUBSIDY: ReadonlySet<string> = new Set(['subsidy.poor_household', 'subsidy.near_poor', 'subsidy.ethnic_minority', 'subsidy.island_commune']);
/**
 * Rules of the subsidy or the contribution that a poor or near-poor household's group does not change (its own
 * amounts are not their answer): a change of group, no recalculation, years before 2018…
 */
const GROUP_RULES: ReadonlySet<string> = new Set(['subsidy.group_change', 'subsidy.before_2018', 'subsidy.same_for_any_income', 'contribution_amount.no_recalculation', 'contribution_amount.from_2027', 'contribution_amount.old_2020', 'contribution_amount.reference_level', 'contribution_amount.maximum']);
/** The subsidy's 10 years asked about ("đã được hỗ trợ đủ 10 năm rồi thì sao", "hỗ trợ mấy năm"). */
const SUBSIDY_YEARS = /\b(?:10 nam|muoi nam|120 thang|bao lau|bao nhieu nam|may nam|het (?:thoi gian )?ho tro)\b/;

const partOf =
  (index: FaqIndex) =>
  (id: string, lead?: string): Advice | null => {
    const e = get(index, id);
    return e ? { kind: 'parts', parts: [lead ? { entry: e, lead } : { entry: e }] } : null;
  };

/**
 * Rules that follow from the person's situation whatever entry the words matched (or when none matched well
 * enough): a serious illness or settling abroad opens the lump sum, prepaid months are refunded, "pay the rest
 * in one go" is paying, not withdrawing. Null when none applies.
 */
/** An especially severe disability certified ("giấy xác nhận khuyết tật mức đặc biệt nặng"): a lump-sum ground of its own. */
const SEVERE_DISABILITY = /\bkhuyet tat (?:o )?(?:muc )?(?:do )?dac biet nang\b/;

export function situationalAdvice(index: FaqIndex, text: string, s: Situation, matched: KbEntry | null): Advice | null {
  const f = askWords(text);
  // A post, a prison, a new job …: a cue that decides the answer before the rules below read the years and the illness.
  const decisive = routeAsk(f, s, matched?.id, true);
  if (decisive) {
    const a = routeAdvice(index, decisive, s, f);
    if (a) return a;
  }
  const part = partOf(index);
  // A birth and the months before it told, the allowance asked, whatever the payment's words pulled toward ("… dự sinh tháng
  // 4/2027. Tháng 12/2026 em mới đăng ký …, tính đóng luôn 12 tháng một lần cho đủ điều kiện nhận 2tr thai sản"): the months
  // paid before the birth (months paid ahead after it do not count).
  // (Not a birth after a member's death: the member's months are not the mother's.)
  const birthFirst = (!matched || matched.topic === 'payment_mode' || matched.topic === 'pension_conditions') && !s.memberDied && has(/\b(?:thai san|2 trieu)\b/, f) ? birthMonthsAdvice(index, f, s.day, matched ?? undefined) : null;
  if (birthFirst) return birthFirst;
  // A lump sum taken, then years paid since, both periods added up by the asker ("tôi tính cả hai quãng là đủ 15 năm
  // rồi"): only the years since count.
  const addedUp = s.withdrewBefore === true && s.yearsPaid !== undefined && s.yearsPaid < 15 && has(/\b(?:tinh|cong) (?:ca|chung|gop|lai ca)\b(?: \w+){0,6} (?:du|duoc|la) (?:\d{1,2}|15) nam\b/, f);
  if (addedUp) {
    const own = yearsLead(s);
    const a = part('transfer_between_schemes.withdrawn_not_counted', `Chưa: những năm đã nhận BHXH một lần không được tính lại, chỉ tính ${spell(s.yearsPaid!)} đóng sau đó.${own ? ` ${own}` : ''}`);
    if (a) return a;
  }
  // A birth after two periods told, compulsory then voluntary, the allowance asked ("… từ 2/2026 đến 5/2026 thì nghỉ việc,
  // sau đó đóng tự nguyện từ 6/2026 đến 8/2026. Em sinh con tháng 10/2026, có được hưởng 2 triệu thai sản …"): the months
  // of both, whatever the job's end brought up.
  if (has(/\b(?:thai san|2 trieu)\b/, f) && [...f.matchAll(SPAN_MONTHS)].length >= 2) {
    const a = part('maternity.conditions', monthsBeforeBirthLead(f, s.day));
    if (a && a.kind === 'parts' && a.parts[0]?.lead) return a;
  }
  // "Đóng … một lần" is paying at once, not withdrawing, unless a withdrawing verb is there too.
  const payingOnce = has(/\b(?:dong|nop) (?:\w+ ){0,4}(?:mot lan|1 lan)\b/, f) && !withdrawalNamed(f) && !has(/\b(?:nhan|huong|lanh) (?:\w+ ){0,3}mot lan\b/, f);
  const asksLumpSum = (has(LUMP_SUM_ASK, f) || matched?.topic === 'lump_sum') && !payingOnce;
  // A member who died after paying ahead: the prepaid months are refunded (not "no refund").
  const died = s.memberDied || has(/\b(?:chet|qua doi|tu vong|tu tran)\b/, f);
  // ("Nhận sau khi hoàn tất thủ tục" is no refund asked.)
  if (died && (s.prepaid || has(/\b(?:hoan(?! (?:tat|thanh|chinh|canh))|tra lai|lay lai|nhan lai)\b/, f))) {
    // ("đóng 1 lần cho 5 năm, đến năm thứ 4 thì mất": only the months up to the death count, under 60 here.)
    const year = Number(/\bnam thu (\d)\b/.exec(f)?.[1] ?? 0);
    const lead =
      year >= 1 && year <= 5
        ? `Chỉ những tháng đến khi mất mới tính là thời gian đã đóng; mất trong năm thứ ${year} nên chưa đủ 60 tháng đóng, không có trợ cấp mai táng của BHXH; thân nhân nhận trợ cấp tuất một lần bằng số tiền đã đóng cho các tháng đó, và phần đóng trước cho các tháng sau khi mất được hoàn trả.`
        : // (The member's years told with their start: the family's allowances for them, "đóng từ 1/2014 … trả trước 5 năm
          // … thì mất"; without a start, "đã đóng trước 3 năm thì mất" may be the prepayment itself.)
          s.startYear !== undefined
          ? survivorLead(s, f)
          : undefined;
    const a = part('survivor.prepaid_refund', lead);
    if (a) return a;
  }
  // Voluntary then compulsory (or the reverse), asked which benefits the voluntary years count for.
  // (A traffic accident that cost 85 % of working capacity, a lump sum asked: the illness rule below, not this one.)
  // (Counted, not "công nhân": "tính", "cộng dồn", "cộng vào".)
  if (has(/\btu nguyen\b/, f) && has(/\bbat buoc\b/, f) && has(PERIODS_FOR_SHORT_TERM, f) && has(/\btinh\b|\bcong (?:don|vao|gop|lai|chung|voi|them|noi|ca)\b/, f) && !(s.seriousIllness && asksLumpSum)) {
    const a = part('transfer_between_schemes.which_benefits_count');
    if (a) return a;
  }
  // (An illness of a relative's, "vợ tôi lại bị tiểu đường", beside the asker's own story, is not theirs.)
  const ownIllness = !(s.memberDied && has(DIED, f)) && !has(RELATIVE_ILL, f);
  // Someone already drawing a pension gets no lump sum, ill or not: the pension goes on.
  if (s.seriousIllness && ownIllness && asksLumpSum && (s.drawingPension === true || has(RETIRED, f) || has(/\bnguoi (?:da |dang )?(?:ve|nghi) huu\b/, f))) {
    const a = part('lump_sum.when_allowed', PENSIONER_NO_LUMP_SUM);
    if (a) return a;
  }
  // Serious illness opens the lump sum at once, whatever the age and the years (the member's own illness: a
  // relative who died of one asks about the survivor's rights, handled below).
  if (s.seriousIllness && !(s.memberDied && has(DIED, f)) && (asksLumpSum || matched?.topic === 'pension_conditions' || has(PENSION_ASK, f))) {
    const years = s.yearsPaid !== undefined ? `đã đóng ${spell(s.yearsPaid)} và ` : '';
    // ("Chồng tôi … bị ung thư giai đoạn cuối. Anh ấy có được rút một lần không?": the husband is the one ill.)
    const ill = illRelative(f);
    // Asked whether to keep the years for a pension instead ("nên rút hay chờ hưu", "nếu không rút thì có cách nào"):
    // what keeping them takes for this person.
    const weighs = has(/\b(?:hay|hoac) (?:la )?(?:cho|doi|giu|dong tiep|de)\b|\bneu (?:khong|ko|k) rut\b|\bcach nao (?:\w+ ){0,3}luong huu\b/, f);
    const keep =
      s.yearsPaid !== undefined && s.yearsPaid >= 15
        ? ` Vì đã đủ 15 năm, ${ill ? PERSON_PRONOUN[ill] : 'anh/chị'} cũng có thể giữ thời gian đóng để hưởng lương hưu khi đủ tuổi; nên cân nhắc trước khi rút.`
        : weighs
          ? ` Nếu không rút: ${yearsLead(s) ?? 'đóng tiếp cho đủ 15 năm và đủ tuổi nghỉ hưu thì hưởng lương hưu hằng tháng (có thẻ BHYT do quỹ BHXH đóng).'}`
          : '';
    // (The amount asked, with the years told: the months of average income it makes, "nếu rút thì được khoảng bao nhiêu".)
    const amount = lumpSumMonthsLead(f, s);
    // (The State's share of a voluntary member's contributions is paid out too in this case, Art 102(3).)
    const support = has(/\bho tro\b/, f) ? ' Trường hợp này được nhận cả phần Nhà nước đã hỗ trợ tiền đóng, không bị trừ (Luật BHXH 2024, Điều 102 khoản 3).' : '';
    const a = part(
      'lump_sum.serious_illness',
      `${ill ? upperFirst(PERSON_NAME[ill]) : 'Anh/chị'} ${years}${has(CAPACITY_LOSS, f) && !has(LISTED_DISEASE, f) ? 'bị suy giảm khả năng lao động từ 81% trở lên' : has(SEVERE_DISABILITY, f) && !has(LISTED_DISEASE, f) ? 'có xác nhận khuyết tật đặc biệt nặng' : 'đang mắc bệnh nguy hiểm đến tính mạng (như ung thư)'}: đây là trường hợp được nhận BHXH một lần ngay, không phải chờ đủ tuổi nghỉ hưu hay chờ 12 tháng nghỉ đóng.${support}${keep}${amount ? ` ${amount}` : ''}`,
    );
    if (a) return a;
  }
  // An illness not said to be on the list (or no illness named): which illnesses open the lump sum, and a question back.
  // (Not frail health told of someone the family wants a pension for, "năm nay mẹ 58 tuổi, sức khỏe yếu, … muốn lo cho mẹ có
  // lương hưu": no illness is claimed.)
  const frailOnly = has(/\bsuc khoe (?:\w+ ){0,4}(?:yeu|kem)\b/, f) && !has(/\b(?:bi|mac) (?:\w+ ){0,2}benh\b|\bom (?:dau|yeu|nang)\b/, f) && has(/\bluong huu\b/, f);
  // (Nor a withdrawal denied beside a pension asked, "… thì dừng vì phải mổ tim, chưa rút đồng nào … làm hồ sơ được chưa và được
  // hưởng bao nhiêu phần trăm": the pension's answer.)
  const noWithdrawal = has(/\b(?:chua|khong|ko|k|chang) (?:\w+ )?rut\b/, f) && !has(LUMP_SUM_ASK, f.replace(/\b(?:chua|khong|ko|k|chang) (?:\w+ )?rut(?: \w+){0,2}/g, ' ')) && (has(PENSION_ASK, f) || has(/\b(?:lam ho so|phan tram|ty le)\b/, f));
  if (!s.seriousIllness && ownIllness && asksLumpSum && !noWithdrawal && !s.settlingAbroad && ((has(ILL, f) && !frailOnly) || has(NAMED_UNLISTED_ILLNESS, f))) {
    const keep = s.yearsPaid !== undefined && s.yearsPaid >= 15 ? ` Anh/chị đã đóng ${spell(s.yearsPaid)}, đủ số năm để hưởng lương hưu hằng tháng khi đủ tuổi nghỉ hưu; nên cân nhắc giữ lại.` : '';
    // Paralysed after a stroke: possibly on the list (paralysis) or 81 % by assessment; never a plain "not on the list".
    if (has(STROKE_PARALYSIS, f)) {
      const a = part('lump_sum.when_allowed', `${PARALYSIS_AFTER_STROKE}${keep}`);
      if (a) return a;
    }
    // An illness named that is not on the list: say so (no question back), with the 12-month route when it opens.
    if (has(NAMED_UNLISTED_ILLNESS, f)) {
      const other = transitionalLumpSumLead(s, f);
      const a = part('lump_sum.when_allowed', `${NOT_ON_THE_LIST}${keep}${other ? ` ${other}` : ''}`);
      if (a) return a;
    }
    const a = part('lump_sum.serious_illness', `${UNLISTED_ILLNESS}${keep}`);
    if (a) return a;
  }
  // A pensioner going abroad: the pension goes on (paid through a bank in Vietnam or a proxy), or a one-time sum
  // instead when settling there.
  if (s.drawingPension === true && (s.settlingAbroad || has(/\b(?:ra|di|sang|o) nuoc ngoai\b|\bxuat canh\b/, f)) && matched?.id !== 'benefits_pension.pensioner_abroad') {
    const a = part('benefits_pension.pensioner_abroad');
    if (a) return a;
  }
  // Settling abroad opens the lump sum at once.
  if (s.settlingAbroad && s.drawingPension !== true && (asksLumpSum || has(PENSION_ASK, f))) {
    // (With the amount asked and the years told: the months of average income it makes.)
    const amount = lumpSumMonthsLead(f, s);
    const a = part(
      'lump_sum.emigration',
      `Ra nước ngoài để định cư là trường hợp được nhận BHXH một lần ngay, không phải chờ 12 tháng. Hồ sơ: sổ BHXH, đơn mẫu 14-HSB, CCCD và giấy tờ chứng minh định cư (hộ chiếu, thị thực định cư hoặc thẻ thường trú ở nước ngoài).${amount ? ` ${amount}` : ''}`,
    );
    if (a) return a;
  }
  // Paid ahead, then hired: the overlapping months are refunded.
  // ("Tháng 1/2026 tôi đã đóng một lần 5 năm … tháng 9/2026 được tuyển vào làm": a prepayment made, not one asked about.)
  // ("tháng 1/2026 em đóng trước một lần 5 năm": dated, so made.)
  // (Not work without a contract, "đi làm thợ xây tự do, không ký hợp đồng".)
  if (s.prepaid && (s.employment === 'contract' || (has(HIRED, f) && s.employment !== 'no_contract')) && !s.memberDied && (!has(PAY_REST_AT_ONCE, f) || has(/\b(?:da|vua) dong (?:\w+ ){0,2}(?:mot lan|1 lan)\b|\b(?:thang \d{1,2} (?:nam )?20\d\d|nam 20\d\d) (?:\w+ ){0,2}dong (?:truoc )?(?:mot lan|1 lan)\b/, f))) {
    const a = part('transfer_between_schemes.prepaid_then_employed');
    if (a) return a;
  }
  // Both schemes at once: not allowed; the periods before and after add up (not "yes, they add up").
  // ("Vừa đóng bắt buộc vừa tự nguyện thì mai táng thế nào" tells a history and asks about a benefit.)
  // ("… để sau này lương hưu cao hơn" is why they would pay both, not a benefit asked about.)
  const benefitAsked = has(/\b(?:mai tang|tuat|luong huu|mot lan|thai san|tro cap)\b/, f.replace(MORE_PENSION_MOTIVE, ' '));
  // (Health insurance "bắt buộc" and "tự nguyện" are the card's kinds, not the two pension schemes.)
  const healthOnly = has(/\bbhyt\b/, f) && !has(/\bbhxh\b/, f);
  if (has(BOTH_AT_ONCE, f) && has(/\bbat buoc\b/, f) && has(/\btu nguyen\b/, f) && !s.prepaid && !benefitAsked && !healthOnly) {
    const a = part('transfer_between_schemes.both_at_once');
    if (a) return a;
  }
  // Paying for a past period never registered: no backpay (months of a registered mode paid late are another rule;
  // "hết hộ nghèo giữa chừng thì có phải đóng bù" is the subsidy group changing, another too).
  // (At the retirement age with 10 years or more, "đóng bù 4 năm 1 lần" is the lump payment of the missing years.)
  const atAgeShort = s.sex !== undefined && s.age !== undefined && s.yearsPaid !== undefined && s.yearsPaid >= 10 && s.yearsPaid < 15 && s.age * 12 >= retirementAgeMonths(s.sex, s.year ?? 2026);
  // A member asking to pay back months of their own mode missed ("tháng 8, 9, 10 nằm viện nên không đóng được, giờ đóng
  // bù được không"): the rule on a missed period, not on years before joining.
  const member = s.yearsPaid !== undefined || s.startYear !== undefined || has(/\bdong (?:\w+ ){0,3}hang thang\b|\bdang dong\b/, f);
  // (A period of 3, 6 or 12 months forgotten has its own deadline, which a route tells.)
  if (has(BACKPAY, f) && has(MISSED, f) && member && !s.groupChanged && !atAgeShort && !has(/\b(?:3|6|12) thang (?:mot|1) lan\b/, f)) {
    // (A period registered and not paid, "đăng ký đóng 6 tháng/lần từ tháng 7/2026 … vẫn chưa đóng đồng nào": its deadline.)
    const a = part('payment_mode.missed_payment', yearsBackpayLead(f) ?? periodDeadlineLead(f, s));
    if (a) return a;
  }
  // ("đóng bù phần chênh lệch" after a rise is a top-up of months paid ahead, another rule.)
  // (Nor a top-up feared after paying ahead: "đóng trước 5 năm luôn … sau này có bị truy thu thêm không".)
  if (has(BACKPAY, f) && !s.groupChanged && !has(TOP_UP_ASKED, f) && !atAgeShort && !has(MISSED, f) && !has(/\bchenh lech\b/, f) && !has(PAY_REST_AT_ONCE, f) && !has(/\b(?:cho du|con thieu|thieu \d{1,2} nam|du tuoi|het tuoi|qua tuoi|tuoi nghi huu)\b/, f) && !has(/\b(?:dong|nop) truoc\b(?: \w+){0,20}? truy thu\b/, f)) {
    const a = part('payment_mode.backpay_past');
    // On unpaid leave, asking to join and to pay back: yes to joining first (the 2025 rule), then no backpay.
    const leave = s.unpaidLeave ? get(index, 'eligibility.unpaid_leave') : undefined;
    if (a && leave && a.kind === 'parts') return { kind: 'parts', parts: [{ entry: leave }, ...a.parts] };
    if (a) return a;
  }
  // Stopped for a while, asks to go on: yes, re-register; the years paid stay and add up.
  if (has(STOPPED, f) && has(GO_ON, f) && !asksLumpSum) {
    const a = part('payment_mode.pause_resume');
    if (a) return a;
  }
  // "Pay the rest in one go": paying the missing years, not withdrawing.
  // At retirement age with under 15 years, asking what they can get or to take money: the options (pay the rest,
  // lump sum, monthly allowance), not only paying the rest.
  // At the retirement age: said so, or an age at or past it for the sex told ("mẹ tôi 57 tuổi" in 2026), or 62.
  const atAge =
    s.reachedAge === true ||
    (s.birthMonth !== undefined && atRetirementAge(s, s.year ?? yearOf(today()))) ||
    has(AT_AGE, f) ||
    (s.age !== undefined && s.age >= 62) ||
    (s.age !== undefined && s.sex !== undefined && s.year !== undefined && s.age * 12 >= retirementAgeMonths(s.sex, s.year));
  // (Asking to pay the rest at once, "đóng nốt 2 năm còn thiếu một lần", is answered below: the option they chose.)
  // (Not for a member who died: "Bố tôi 68 tuổi, đóng 7 năm, vừa mất … gia đình được nhận gì" is the family's.)
  if (s.yearsPaid !== undefined && s.yearsPaid < 15 && atAge && s.memberDied !== true && (has(OPTIONS_ASK, f) || (asksLumpSum && !has(PAY_REST_AT_ONCE, f) && !payingOnce) || has(/\bkhong du tien\b/, f))) {
    const a = part('lump_sum.monthly_allowance_option', yearsLead(s));
    // "… muốn rút thì được bao nhiêu": how a lump sum is reckoned, after the options.
    const amount = has(/\b(?:duoc|nhan|rut|lanh) (?:duoc |lai )?bao nhieu\b|\bbao nhieu tien\b/, f) ? get(index, 'lump_sum.amount') : undefined;
    if (a && amount && a.kind === 'parts') return { kind: 'parts', parts: [...a.parts, { entry: amount }] };
    if (a) return a;
  }
  // 20 years or more, no illness, not emigrating: no lump sum for stopping (the transitional rule is under 20).
  if (asksLumpSum && s.yearsPaid !== undefined && s.yearsPaid >= 20 && !s.seriousIllness && !s.settlingAbroad && !has(ILL, f) && s.drawingPension !== true && !s.memberDied && !has(PAY_REST_AT_ONCE, f) && !has(/\b(?:khi|luc) (?:nghi|ve) huu\b|\bhuong luong huu\b/, f)) {
    const own = `Anh/chị đã đóng từ đủ 20 năm nên không thuộc trường hợp rút BHXH một lần vì nghỉ đóng 12 tháng; chỉ được nhận một lần khi ra nước ngoài định cư, mắc bệnh nguy hiểm theo danh mục hoặc suy giảm khả năng lao động từ 81%. ${yearsLead(s) ?? ''}`.trim();
    const a = part('lump_sum.when_allowed', own);
    if (a) return a;
  }
  // "Rút ra hết" matched to a rule on paying: the conditions for a lump sum, with what the years mean.
  if (has(/(?<!\b(?:chua|khong|ko|k|chang) )\b(?:rut|lay lai|lay tien)\b/, f) && matched?.topic === 'pension_conditions' && !has(PAY_REST_AT_ONCE, f) && !died && !s.withdrewBefore) {
    // (Under 15 years, paid before the reform and out for 12 months already, "… 6 năm (2019–2025), nghỉ đóng từ tháng 3/2025
    // đến giờ … muốn rút": the transitional rule says they may, now.)
    const now = (s.yearsPaid ?? 15) < 15 && !s.seriousIllness && !s.settlingAbroad && !atAge ? transitionalLumpSumLead(s, f) : undefined;
    const a = now?.includes(OUT_TWELVE_MONTHS) ? part('lump_sum.transitional_12_months', now) : part('lump_sum.when_allowed', yearsLead(s));
    if (a) return a;
  }
  // Money paid ahead asked back without a reason the law refunds (hired, died): the cases that are refunded.
  if (has(/\b(?:rut lai|lay lai|hoan lai|tra lai)\b(?: \w+){0,8} (?:dong truoc|da dong)\b/, f) && !died && !(s.employment === 'contract' || has(HIRED, f))) {
    const a = part('payment_mode.refund_cases');
    if (a) return a;
  }
  // "Đóng một lần 5 năm cho những năm sau": paying ahead (at most 5 years, discounted), not the missing years.
  const restYears = PAY_REST_AT_ONCE.exec(f)?.[1];
  const plainAhead = restYears !== undefined && Number(restYears) <= 5 && !atAge && s.yearsPaid === undefined;
  if (has(PAY_REST_AT_ONCE, f) && (has(AHEAD, f) || plainAhead) && !has(/\b(?:con thieu|cho du|nam thieu|du 15|du tuoi)\b/, f)) {
    // (More than 5 years asked, "đóng trước 1 lần 8 năm": refused first.)
    const a = part('payment_mode.years_ahead', overFiveAheadLead(f));
    if (a) return a;
  }
  // "Đóng luôn 1 lần để hưởng lương hưu" matched to withdrawing: paying at once, and when it is allowed.
  if (payingOnce && matched?.topic === 'lump_sum' && has(/\bhuu\b/, f)) {
    const a = part('pension_conditions.pay_missing_once', yearsLead(s));
    if (a) return a;
  }
  const rest = PAY_REST_AT_ONCE.exec(f);
  // Short of 15 years by at most 5 and surely not yet at the retirement age (an age told, under 55 or with the
  // sex), asking to pay the rest at once now: the missing-years payment waits for the age, but paying ahead (at
  // most 5 years, discounted) makes the 15 years now. Only when asked for now ("giờ đóng 1 lần 4 năm còn lại luôn"):
  // asked for later ("khi đó có được đóng một lần phần còn thiếu"), the missing-years payment is the answer.
  const gap = s.yearsPaid !== undefined && s.yearsPaid < 15 ? Math.ceil(15 - s.yearsPaid) : undefined;
  const underAge = !atAge && s.age !== undefined && (s.sex !== undefined || s.age < 55);
  const later = has(/\b(?:khi do|luc do|khi (?:den|du) tuoi|sau nay|den luc|den khi)\b/, f);
  const now = has(/\b(?:gio|bay gio|hien gio|bay h|luon|lien|cho xong|ngay bay gio)\b/, f) && !later;
  // (The age told in years, the retirement age reached within it, "bố em năm nay 61 tuổi … 12 năm … đóng 1 lần cho đủ 15
  // năm": the birth month decides which payment it is.)
  const year = s.year ?? yearOf(today());
  const within = !atAge && s.age !== undefined && s.sex !== undefined && s.birthMonth === undefined && (s.age + 1) * 12 > retirementAgeMonths(s.sex, year);
  if (rest && gap !== undefined && gap <= 5 && within && !withdrawalNamed(f) && !s.memberDied) {
    const who = s.sex === 'male' ? 'nam' : 'nữ';
    const a = part(
      'pension_conditions.pay_missing_once',
      `Tùy tháng sinh: tuổi nghỉ hưu của ${who} là ${formatAge(retirementAgeMonths(s.sex!, year))} nếu đủ trong năm ${year}, ${formatAge(retirementAgeMonths(s.sex!, year + 1))} nếu đủ trong năm ${year + 1}. Đã đủ tuổi thì được đóng một lần ${gap} năm còn thiếu và hưởng lương hưu từ tháng sau; chưa đủ tuổi thì từ tháng liền trước tháng đủ tuổi được đóng một lần phần còn thiếu (đóng trước nhiều năm bây giờ không giúp đủ 15 năm, vì tháng đóng trước chỉ được tính đến khi hưởng lương hưu). Với 15 năm, lương hưu ${s.sex === 'male' ? 'nam' : 'nữ'} là ${s.sex === 'male' ? 40 : 45}% bình quân thu nhập đã đóng. Cho biết tháng sinh để tính đúng tháng đủ tuổi.`,
    );
    if (a) return a;
  }
  if (rest && gap !== undefined && underAge && (now || (gap > 5 && !later)) && !rest[1] && !withdrawalNamed(f) && !s.memberDied) {
    // More than 5 years short: 5 years ahead now, the rest month by month (the missing-years payment, at the age,
    // takes at most 5 either way).
    // (The age reached before the years paid ahead run out, "nam sinh 2/1966 … 12 năm … đóng một lần 3 năm": months paid
    // ahead count only up to the pension, so the way is to pay on to the age, then the rest at once.)
    const byAge = paidByRetirement(s, s.yearsPaid ?? 0);
    if (gap <= 5 && byAge && byAge.left < 15 - (s.yearsPaid ?? 0)) {
      const a = part('pension_conditions.pay_missing_once', `Anh/chị chưa đến tuổi nghỉ hưu nên chưa được đóng một lần "cho số năm còn thiếu"; đóng trước nhiều năm bây giờ cũng không đủ 15 năm lúc đến tuổi (tháng ${byAge.at}), vì tháng đóng trước chỉ được tính đến khi hưởng lương hưu. ${yearsLead(s) ?? ''}`.trim());
      if (a) return a;
    }
    // (More than 5 years short, the age near, "sinh tháng 3/1967 … 9 năm … đóng 1 lần cho đủ luôn dc ko": paying on to the
    // age, then the rest at once; months paid ahead beyond the age would not count.)
    const near = gap > 5 && byAge && byAge.left < 5 ? yearsLead(s) : undefined;
    const lead = near
      ? `Chưa được bây giờ: đóng một lần "cho số năm còn thiếu" chỉ dành cho người đã đến tuổi nghỉ hưu mà thiếu không quá 5 năm (tháng đóng trước quá tuổi nghỉ hưu cũng không được tính). ${near}`
      : gap <= 5
        ? `Anh/chị chưa đến tuổi nghỉ hưu nên chưa được đóng một lần "cho số năm còn thiếu", nhưng được đóng một lần cho nhiều năm về sau: đóng trước ${gap} năm là đủ 15 năm, rồi hưởng lương hưu khi đủ tuổi nghỉ hưu.`
        : `Chưa được: đóng một lần "cho số năm còn thiếu" chỉ dành cho người đã đến tuổi nghỉ hưu mà thiếu không quá 5 năm. Anh/chị chưa đến tuổi và còn thiếu ${gap} năm: đóng tiếp hằng tháng, 3, 6 hoặc 12 tháng một lần, hoặc đóng trước một lần tối đa 5 năm (60 tháng), phần còn lại đóng dần.`;
    const a = part('payment_mode.years_ahead', lead);
    if (a) return a;
  }
  // Years named, at most 5, years paid told and surely before the age ("45 tuổi, mới đóng 3 năm, muốn đóng một lần cho 5
  // năm"): paying ahead, allowed, not the missing-years payment of the retirement age.
  const ahead = rest?.[1] ? Number(rest[1]) : undefined;
  if (ahead !== undefined && ahead >= 1 && ahead <= 5 && gap !== undefined && underAge && !later && !withdrawalNamed(f) && !s.memberDied) {
    const rest15 = gap <= ahead ? ` Đóng trước ${gap} năm là đủ 15 năm, rồi hưởng lương hưu khi đủ tuổi nghỉ hưu.` : ` Sau ${ahead} năm đó anh/chị còn thiếu ${gap - ahead} năm để đủ 15 năm, đóng tiếp như thường.`;
    const a = part('payment_mode.years_ahead', `Được: anh/chị chưa đến tuổi nghỉ hưu, nên đây là đóng trước một lần cho ${ahead} năm về sau (mỗi lần tối đa 5 năm).${rest15}`);
    if (a) return a;
  }
  if (rest && !withdrawalNamed(f) && !(s.memberDied && has(DIED, f))) {
    const k = rest[1] ? Number(rest[1]) : undefined;
    // All the years at once before the age ("đóng một lần luôn 15 năm cho xong"): the rule on paying everything at
    // once, with the person's own way to 15 years.
    if (k !== undefined && k >= 10 && !atAge && s.yearsPaid === undefined) {
      // ("đóng 1 lần luôn cho 10 năm tới": the years asked, not the entry's 15.)
      const asked = k === 15 ? '' : `Không được đóng một lần cho ${k} năm: mỗi lần đóng trước tối đa 5 năm (60 tháng); hết 5 năm đó thì đóng tiếp.`;
      const a = part('pension_conditions.pay_all_at_once', [asked, yearsLead({ ...s, neverPaid: true }) ?? ''].filter((x) => x !== '').join(' ') || undefined);
      if (a) return a;
    }
    // 15 years or more, their own ("đóng một lần số tháng còn thiếu cho đủ 20 năm ngay bây giờ"): what their years
    // bring, and that the lump payment is only for reaching 15.
    if (s.yearsPaid !== undefined && s.yearsPaid >= 15 && s.drawingPension !== true && !s.memberDied) {
      const a = part('pension_conditions.years_15', `${yearsLead(s) ?? ''} ${pastFifteenOnce(s.yearsPaid)}`.trim());
      if (a) return a;
    }
    if (k !== undefined && k > 5) {
      const a = part('pension_conditions.missing_more_than_5', overFiveOnce(k));
      if (a) return a;
    }
    const a = part('pension_conditions.pay_missing_once', yearsLead(s));
    if (a) return a;
  }
  // Joined from 1/7/2025: no lump sum just for stopping 12 months (the transitional rule is for earlier members).
  // (The start of paying, not of drawing a pension, "lãnh lương hưu từ 5/2026", and no years before it told.)
  const joinedAfterReform =
    s.startYear !== undefined &&
    // ("từ 8/2025" without the word "tháng": the start month read.)
    // (Not the reform's own date, "kể từ ngày 1/7/2025", read as a start.)
    (s.startYear >= 2026 || (s.startYear === 2025 && (((s.startMonth ?? 0) >= 7 && !has(/\b1 7 2025\b/, f)) || has(/\bthang (?:[7-9]|1[0-2])\b/, f)))) &&
    s.drawingPension !== true &&
    !s.memberDied &&
    !has(/\b(?:huong|lanh|nhan|linh) (?:\w+ ){0,2}luong huu\b/, f) &&
    !(s.yearsPaid !== undefined && s.yearsPaid > s.startYear - 2025 + 1.5);
  // (Or about to join and asking already whether stopping later lets them withdraw: "em định đóng từ tháng sau nhưng sợ
  // đóng vài năm rồi nghỉ, lúc đó rút lại được không".)
  const joiningNow =
    s.yearsPaid === undefined &&
    s.startYear === undefined &&
    s.withdrewBefore !== true &&
    has(/\b(?:dinh|se|sap|muon|tinh) (?:bat dau )?(?:dong|tham gia)\b/, f) &&
    has(/\b(?:vai|mot vai|may|\d{1,2}) (?:nam|thang) (?:roi|thi|ma) (?:nghi|dung|ngung|thoi)\b/, f) &&
    !has(/\b(?:da|tung) (?:\w+ ){0,2}(?:dong|tham gia)\b/, f);
  if ((joinedAfterReform || joiningNow) && asksLumpSum && !s.seriousIllness && !s.settlingAbroad) {
    const a = part('lump_sum.joined_after_2025');
    if (a) return a;
  }
  // "Có được rút một lần không?" matched to the amount, or to the rule for members who joined after the reform
  // when nothing says this person did: the conditions, which decide the answer.
  // Asking whether (and how much) for someone who paid before the reform, under 20 years: the transitional rule
  // decides, said for them.
  // ("12 năm đã rút có còn được tính không": the years withdrawn asked about, not a withdrawal.)
  const withdrawnAsked = s.withdrewBefore === true && has(WITHDRAWN_COUNTED, f);
  const transitional = !withdrawnAsked && asksLumpSum && (has(CAN_WITHDRAW, f) || has(/\b(?:rut|nhan|lanh|lay) (?:\w+ ){0,7}duoc (?:khong|ko|k|chua)\b|\b(?:muon|dinh|can) rut (?:\w+ ){0,4}?(?:thi )?duoc (?:khoang |tam |tat ca )?bao nhieu\b|\b(?:bao gio|khi nao|bao lau|thang may|thang nao|luc nao)\b(?: \w+){0,3} (?:rut|nhan|lanh)\b/, f)) && !s.seriousIllness && !s.settlingAbroad && !atAge && !has(STARTS_JOB, f) ? transitionalLumpSumLead(s, f) : undefined;
  // (Matched to a rule on going on or adding periods, "muốn rút … được không" still asks the lump sum.)
  // (Working abroad for a time matched to emigration: not settling, but the 12 months may still open a lump sum.)
  const onLumpSum =
    matched?.topic === 'lump_sum' &&
    ['lump_sum.amount', 'lump_sum.when_allowed', 'lump_sum.joined_after_2025', 'lump_sum.transitional_12_months', ...(s.settlingAbroad ? [] : ['lump_sum.emigration'])].includes(matched.id);
  const withdrawAsked = has(/\brut\b/, f) && ['transfer_between_schemes', 'pension_conditions', 'eligibility'].includes(matched?.topic ?? '');
  // ("… nghỉ việc nhưng chưa rút bảo hiểm … bao giờ được hưởng lương hưu": a withdrawal denied, not asked.)
  const withdrawalDenied = has(/\b(?:chua|khong|ko|k|chang) (?:\w+ )?rut\b/, f) && !has(/\b(?:rut|mot lan|1 lan)\b/, f.replace(/\b(?:chua|khong|ko|k|chang) (?:\w+ )?rut(?: (?:bhxh|bao hiem(?: xa hoi)?|so))?(?: (?:mot lan|1 lan))?\b/g, ' '));
  if (transitional && (onLumpSum || withdrawAsked) && !withdrawalDenied) {
    const a = part(has(/\b(?:bao nhieu|muc huong|duoc tinh|cach tinh)\b/, f) ? 'lump_sum.amount' : 'lump_sum.transitional_12_months', transitional);
    if (a) return a;
  }
  if ((matched?.id === 'lump_sum.amount' && has(CAN_WITHDRAW, f) && !has(/\b(?:bao nhieu|muc huong|duoc tinh|cach tinh)\b/, f)) || (matched?.id === 'lump_sum.joined_after_2025' && !joinedAfterReform)) {
    const a = part('lump_sum.when_allowed');
    if (a) return a;
  }
  const route = routeAsk(f, s, matched?.id);
  return route ? routeAdvice(index, route, s, f) : null;
}

/** A route's answer: its entry with its sentence for the person, after the entry of the main ask and before the next. */
function routeAdvice(index: FaqIndex, route: AskRoute, s: Situation, f: string): Advice | null {
  const e = get(index, route.entry);
  if (!e) return null;
  const lead = route.lead?.(s, f);
  const mainId = route.before?.(f);
  const main = mainId ? get(index, mainId) : undefined;
  const own: AnswerPart = lead ? { entry: e, lead } : { entry: e };
  const mainLead = main ? yearsLead(s) : undefined;
  const nextId = route.after?.(f);
  const next = nextId ? get(index, nextId) : undefined;
  const parts: AnswerPart[] = main ? [mainLead ? { entry: main, lead: mainLead } : { entry: main }, own] : [own];
  return { kind: 'parts', parts: next ? [...parts, { entry: next }] : parts };
}

/** Babies at one birth the message names: twins 2, triplets 3, else 1 ("sinh đôi", "mang song thai", "sinh ba"). */
export function babiesBorn(f: string): number {
  return has(/\b(?:sinh|mang thai|co thai|de) (?:\w+ )?(?:doi|song thai)\b|\bsong thai\b/, f) ? 2 : has(/\b(?:sinh|mang thai|de) (?:\w+ )?ba\b(?! (?:thang|tuan|ngay))/, f) ? 3 : 1;
}

/** The allowance for twins or triplets: "Sinh đôi: 2 con x 2.000.000 = 4.000.000 đồng". */
export function birthsSum(babies: number): string {
  return `${babies === 2 ? 'Sinh đôi' : 'Sinh ba'}: ${babies} con x 2.000.000 = ${babies * 2}.000.000 đồng`;
}

/** Both parents insured, the allowance asked for each ("cả hai vợ chồng đều đóng", "có được nhận mỗi người 2 triệu không"). */
const EACH_PARENT_ASKED = /\bca (?:hai |2 )?vo (?:va |lan )?chong\b|\bca (?:hai|2) (?:vo chong|vc|nguoi|cung)\b|\b(?:hai |2 )?(?:vo chong|vc) (?:\w+ ){0,3}(?:deu|cung)\b|\bmoi nguoi (?:duoc|nhan|lanh)\b|\b(?:nhan|duoc|lanh) (?:ca )?moi nguoi\b|\bmoi nguoi (?:\w+ ){0,2}(?:2|hai) ?(?:trieu|tr)\b|\b(?:chong|vo) (?:\w+ ){0,2}nhan thay\b/;
/** Neither parent with the months ("cả hai vợ chồng chưa ai đóng đủ 6 tháng"): the conditions decide, not who of two. */
const NEITHER_QUALIFIES = /\b(?:chua|khong) (?:ai )?(?:\w+ ){0,2}du\b/;
/** Paying (more) asked to raise what one gets ("đóng thêm tự nguyện để tăng lương hưu", "đóng tiếp … cho cao hơn"). */
export const asksToPayMore = (f: string): boolean => has(/\b(?:dong|tham gia|mua|dang ky)\b(?: \w+){0,3} (?:them|tiep|tu nguyen)\b/, f) && has(/\btang\b|\bcao hon\b|\bthem\b/, f);
/** A pensioner who asks to pay to raise the pension: no. */
export const PENSIONER_PAYS_MORE = 'Đang hưởng lương hưu thì không được đóng BHXH tự nguyện nữa, kể cả để lương hưu hay thu nhập cao hơn; lương hưu đang nhận được Nhà nước điều chỉnh theo từng thời kỳ.';
/** One allowance a child, whichever parent. */
const ONE_PARENT_ONLY = 'Chỉ một người được nhận: nếu cả vợ và chồng đều đủ điều kiện thì một người được trợ cấp 2.000.000 đồng cho mỗi con, không nhận hai lần.';

/** The months paid before a birth told (monthsBeforeBirthLead), and, both parents paying, that one of them receives it. */
function birthMonthsAdvice(index: FaqIndex, f: string, day: AsOfDay | undefined, matched?: KbEntry): Advice | null {
  const lead = monthsBeforeBirthLead(f, day);
  if (!lead) return null;
  // (Both paying, "Mỗi người được nhận 2 triệu cho mỗi bé phải không": one of them receives it.)
  const onceToo = has(EACH_PARENT_ASKED, f) && !lead.includes('chưa') ? ` ${ONE_PARENT_ONLY}` : '';
  const entry = get(index, 'maternity.conditions') ?? matched;
  return entry ? { kind: 'parts', parts: [{ entry, lead: `${lead}${onceToo}` }] } : null;
}

/**
 * Apply the person's situation to the matched entry: switch to the entry that fits them when the match
 * would tell them "no" although the rule does not exclude them, add a sentence that answers for their case,
 * or ask back when the answer turns on a fact the question does not give.
 */
export function adviseFor(index: FaqIndex, text: string, s: Situation, found0: KbEntry): Advice {
  const f = askWords(text);
  const part = partOf(index);
  // A repealed law's rule matched for a question about today (no earlier year, no "luật cũ"): today's rule.
  // (A period paid, "đóng từ 1/2012", dates the years paid, not the rules asked about.)
  const current = found0.id.includes('.old_') && !has(ASKS_THE_PAST, f.replace(PAID_SINCE, ' ')) ? CURRENT_OF[found0.id] : undefined;
  // (The money paid asked back, "hồi năm 2023 đóng … 10 tháng ở mức thấp nhất … muốn rút lại số tiền đó … được bao nhiêu": a
  // withdrawal, whatever the level told matched.)
  const withdrawal = found0.topic === 'contribution_amount' && s.yearsPaid !== undefined && has(/\b(?:rut|lay) (?:lai )?(?:(?:het|ca) )?(?:so )?tien\b|\brut (?:lai )?(?:bhxh|bao hiem)\b/, f) ? get(index, 'lump_sum.when_allowed') : undefined;
  const found = withdrawal ?? (current ? get(index, current) : undefined) ?? found0;
  // The contribution of an earlier year asked ("năm 2020 tôi đóng mức thấp nhất bao nhiêu"): the figures of then.
  // (Not a withdrawal's amount asked: "hồi năm 2023 đóng … được 10 tháng ở mức thấp nhất … muốn rút lại số tiền đó … được bao nhiêu".)
  if (found.topic === 'contribution_amount' && has(/\bnam 20(?:1[89]|2[0-4])\b/, f) && has(/\bbao nhieu\b/, f) && !has(WITHDRAW_VERB, f)) {
    const a = part('contribution_amount.old_2020');
    if (a) return a;
  }
  // Someone under 15 asking to join ("cháu 14 tuổi rưỡi … muốn đóng luôn được không"): not yet, from the full 15th year.
  if (s.age !== undefined && s.age < 15 && has(/\b(?:dong|tham gia|dang ky|mua)\b/, f) && ['eligibility', 'pension_conditions', 'how_to_join'].includes(found.topic)) {
    const a = part('eligibility.min_age_15', UNDER_15);
    if (a) return a;
  }
  // The pension rates of the other sex matched for someone whose sex is told ("bố tôi … 30 năm"): theirs.
  const otherSex = s.sex === 'male' ? 'benefits_pension.rate_women' : s.sex === 'female' ? 'benefits_pension.rate_men' : undefined;
  const ownSex = found.id === otherSex ? (get(index, s.sex === 'male' ? 'benefits_pension.rate_men' : 'benefits_pension.rate_women') ?? found) : found;
  // "Chồng em đóng ở công ty, em đóng tự nguyện được 8 tháng, em sinh thì có được 2tr không": the birth allowance is
  // the ask, whatever the story of two schemes pulled.
  const matched = has(BIRTH_ALLOWANCE_ASK, f) && ['transfer_between_schemes', 'eligibility', 'payment_mode', 'contribution_amount', 'how_to_join'].includes(ownSex.topic) ? (get(index, 'maternity.conditions') ?? ownSex) : ownSex;
  // 15 years or more and asking to pay years at once to raise the rate: the lump payment only fills a gap up to 15.
  if (matched.id === 'pension_conditions.pay_missing_once' && s.yearsPaid !== undefined && s.yearsPaid >= 15 && has(/\b(?:mot lan|1 lan)\b/, f)) {
    // (Years planned, not paid: "đóng một lần cho 5 năm về sau … đóng tiếp một lần 10 năm còn lại cho đủ 15 năm".)
    const planned = /\b(?:mot|1) lan (?:\w+ ){0,2}([6-9]|[1-9]\d) nam\b/.exec(f);
    const a = planned ? part('pension_conditions.missing_more_than_5', overFiveOnce(Number(planned[1]))) : part('pension_conditions.years_15', pastFifteenOnce(s.yearsPaid));
    if (a) return a;
  }
  // A job left for good ("nghỉ việc từ đầu năm 2025 … Giờ tôi làm tự do thì có đóng tự nguyện tiếp được không"): voluntary
  // insurance with the old number, not the rule for a contract suspended.
  if (matched.id === 'eligibility.unpaid_leave' && !s.unpaidLeave && (s.employment === 'left_job' || s.employment === 'no_contract') && has(/\b(?:nghi viec|thoi viec|het hop dong|nghi lam)\b/, f) && !has(/\b(?:tam hoan|nghi khong luong|khong huong luong|nghi (?:\w+ ){0,2}khong luong)\b/, f)) {
    const a = part('transfer_between_schemes.quit_job');
    if (a) return a;
  }
  const situational = situationalAdvice(index, text, s, matched);
  if (situational) return situational;

  if (s.householdBusiness && (matched.topic === 'eligibility' || has(/\b(?:tham gia|dong|loai nao)\b/, f))) {
    const a = part('eligibility.household_business');
    if (a) return a;
  }
  // Combining the two schemes matched for someone who names one scheme and asks when the pension comes ("đã đóng
  // bắt buộc 16 năm thì khi nào được lương hưu"): their years and their age, not "Có".
  if (matched.id === 'transfer_between_schemes.combine_periods' && s.yearsPaid !== undefined && !has(/\b(?:tu nguyen|cong don|cong lai|gop|noi)\b/, f)) {
    const a = part('pension_conditions.years_15', yearsLead(s));
    if (a) return a;
  }
  // Leaving a job matched for someone who has none yet and asks about one to come ("sau này ra trường cháu vào làm công ty
  // có đóng bắt buộc thì mấy năm tự nguyện này có bị mất không"): the voluntary years are kept and added.
  if (matched.id === 'transfer_between_schemes.quit_job' && s.employment === undefined && s.yearsPaid === undefined && has(FUTURE_JOB, f)) {
    const a = part('transfer_between_schemes.got_job');
    if (a) return a;
  }
  // Backpay of years never joined matched for a member who missed a period of their mode ("đóng 12 tháng một lần từ năm
  // 2020 … năm nay quên chưa đóng, giờ đóng bù được không"): the rule on a missed period.
  // (Or told as a member only, "đóng bhxh tn mà lỡ quên 3 tháng ko đóng".)
  if (matched.id === 'payment_mode.backpay_past' && has(MISSED, f) && (s.yearsPaid !== undefined || s.startYear !== undefined || has(/\bdong (?:bhxh |bao hiem )?(?:tu nguyen|tn) (?:ma|roi|duoc)\b/, f))) {
    const a = part('payment_mode.missed_payment');
    if (a) return a;
  }
  // "… 5 năm chưa rút, giờ đóng tự nguyện tiếp được ko": nothing withdrawn, so going on, not the withdrawn rule.
  if (matched.id === 'transfer_between_schemes.withdrawn_not_counted' && !s.withdrewBefore && has(/\b(?:chua|khong|ko|k) (?:\w+ ){0,2}rut\b/, f)) {
    const a = part('transfer_between_schemes.quit_job', yearsLead(s));
    if (a) return a;
  }
  // Months paid short of 6, asking about a birth ("mới đóng được 4 tháng, sinh con tháng 1/2027 có được không"):
  // the 6 months in the 12 before the birth decide, not a plain "Có".
  const monthsPaid = matched.topic === 'maternity' && !s.memberDied ? shortMonthsPaid(s, f) : undefined;
  // (Not a period to pay ahead, "có nên đóng trước luôn 12 tháng", nor where the start and the birth's months are told: those
  // months are reckoned below.)
  const enoughMonths = matched.topic === 'maternity' && !s.memberDied && monthsPaid === undefined && monthsBeforeBirthLead(f) === undefined ? /\b(?:dong|tham gia)(?: (?!truoc\b|luon\b)\w+){0,3} (?:duoc )?([6-9]|1[0-2]) thang\b(?! (?:mot|1) lan)/.exec(f)?.[1] : undefined;
  if (enoughMonths !== undefined) {
    // (On the entry matched: "sinh đôi được bao nhiêu" keeps the twins' answer.)
    // (Twins or triplets: the sum for them.)
    const babies = babiesBorn(f);
    const sum = babies > 1 ? ` ${birthsSum(babies)}.` : '';
    const a = part(matched.id, `Anh/chị đã đóng ${enoughMonths} tháng: nếu trong 12 tháng trước khi sinh có đủ 6 tháng đóng thì được trợ cấp 2.000.000 đồng cho mỗi con.${sum}`);
    if (a) return a;
  }
  if (monthsPaid !== undefined && monthsPaid > 0) {
    // (The start and the birth month told: the months before the birth, reckoned, "từ tháng 10/2026 … dự sinh … tháng
    // 2/2027" is 4, short.)
    const reckoned = monthsBeforeBirthLead(f, s.day);
    const a = part(
      'maternity.conditions',
      reckoned ??
      `Anh/chị mới đóng ${monthsPaid} tháng: cần đủ 6 tháng đóng trong 12 tháng trước khi sinh, tức còn thiếu ${6 - monthsPaid} tháng; nếu đến tháng sinh chưa đóng đủ 6 tháng thì lần sinh này chưa được trợ cấp 2.000.000 đồng (những lần sinh sau vẫn được khi đủ điều kiện).`,
    );
    if (a) return a;
  }
  // Took a lump sum and asks to pay it back to restore the period: the period is settled for good.
  if (s.withdrewBefore && (has(/\b(?:hoan tra|tra lai|nop lai|khoi phuc|mua lai)\b/, f) || has(WITHDRAWN_COUNTED, f) || has(EARLIER_YEARS_COUNTED, f))) {
    // (With what starting afresh takes at their age, when nothing has been paid since: "bố em sinh 1953 … đã rút … từ đó
    // tới giờ không đóng gì … có được tính lại 12 năm cũ không, giờ đóng lại thì có ý nghĩa gì".)
    const a = part('transfer_between_schemes.withdrawn_not_counted', s.neverPaid && s.yearsPaid === undefined && has(GO_ON, f) ? afresh(startLead(s, false)) : undefined);
    if (a) return a;
  }
  // Took a lump sum before and asks about paying again: yes, counted afresh (not the withdrawal rules).
  if (s.withdrewBefore && has(/\b(?:dong|tham gia)(?: \w+){0,3} (?:lai|tiep)\b|\blai tu dau\b/, f)) {
    const a = part('eligibility.rejoin_after_withdrawal', rejoinLead(s, f));
    if (a) return a;
  }
  // No contract (or the employer pays nothing) and asking to pay voluntary: yes first, then the other ask.
  if (s.employment === 'no_contract' && matched.topic === 'transfer_between_schemes' && has(/\b(?:tu dong|tham gia|dong)\b(?: \w+){0,4} (?:duoc|khong)\b/, f)) {
    const yes = get(index, 'eligibility.no_contract');
    if (yes) return { kind: 'parts', parts: [{ entry: yes }, { entry: matched }] };
  }
  // Unpaid leave or a suspended contract, asking to join: the 2025 rule for them.
  if (s.unpaidLeave && has(/\b(?:bhxh|bao hiem xa hoi)(?: \w+){0,2} tu nguyen\b/, f)) {
    const a = part('eligibility.unpaid_leave');
    if (a) return a;
  }
  // A member died and the family asks what they get: the survivor rules, not the member's own benefits.
  // A pension named but "chưa lãnh lương hưu": the member's rules, not a pensioner's.
  // ("Chết trước khi về hưu", "chưa được hưởng lương hưu" name the pension the member never drew.)
  // (Nor a pension asked for the future, "bao giờ tôi mới có lương hưu": the asker's own, to come.)
  const pensioner = has(PENSION_WORD, f.replace(NOT_YET_RETIRED, ' ').replace(PENSION_TO_COME, ' ')) && s.drawingPension !== false;
  if (s.memberDied && has(DIED, f) && matched.topic !== 'survivor' && has(/\b(?:che do|huong gi|duoc gi|quyen loi|tro cap|nhan gi|tuat|khoan tien)\b/, f) && !has(/\b(?:thai|chet luu)\b/, f)) {
    const a = pensioner ? part('survivor.pensioner_dies', pensionerSurvivorLead(text, f, s.day)) : part('survivor.member_dies_one_time', survivorLead(s, f));
    if (a) return a;
  }
  // The papers matched, what the family receives asked too ("… có được nhận tiền tuất và tiền mai táng không, làm hồ sơ
  // ở đâu"): what they receive for the member's years first, then the papers.
  if (matched.id === 'survivor.procedure' && s.memberDied && has(/\b(?:co )?(?:duoc|nhan|huong) (?:\w+ ){0,3}(?:tuat|mai tang)\b(?: \w+){0,6} (?:khong|ko|k|chua|bao nhieu)\b/, f)) {
    const lead = pensioner ? pensionerSurvivorLead(text, f, s.day) : survivorLead(s, f);
    const what = get(index, pensioner ? 'survivor.pensioner_dies' : 'survivor.member_dies_one_time');
    if (what && lead) return { kind: 'parts', parts: [{ entry: what, lead }, { entry: matched }] };
  }
  // The funeral allowance asked for a member whose years are told ("… từ tháng 11/2022 đến tháng 10/2026 … qua đời. Gia đình
  // có được trợ cấp mai táng không"): whether those years reach it, and what the family gets for them.
  // (A pension named as the family's wish, "để sau này lĩnh lương hưu thay", is not one the member drew.)
  if (matched.id === 'survivor.funeral_allowance' && s.memberDied && s.drawingPension !== true && s.yearsPaid !== undefined) {
    const lead = survivorLead(s, f);
    const what = get(index, 'survivor.member_dies_one_time');
    if (what && lead) return { kind: 'parts', parts: [{ entry: what, lead }] };
  }
  // A pensioner's death answer for a question about someone who drew no pension: the member's own rules.
  // The refund of prepaid months, matched for a death where nothing was paid ahead: what the family receives.
  if (matched.id === 'survivor.prepaid_refund' && !s.prepaid && !has(/\b(?:hoan|tra lai|lay lai|nhan lai|dong truoc)\b/, f)) {
    const a = pensioner ? part('survivor.pensioner_dies', pensionerSurvivorLead(text, f, s.day)) : part('survivor.member_dies_one_time', survivorLead(s, f));
    if (a) return a;
  }
  // Monthly survivor rules for a member under 15 years (more than 6 months short): the one-time allowance.
  if (matched.id === 'survivor.monthly_survivor' && !pensioner && s.yearsPaid !== undefined && s.yearsPaid < 14.5) {
    const a = part('survivor.member_dies_one_time', survivorLead(s, f));
    if (a) return a;
  }
  // A pensioner of voluntary insurance only: no monthly survivor allowance; the pensioner's one-time rules.
  if (matched.id === 'survivor.monthly_survivor' && pensioner && s.memberDied && has(/\btu nguyen\b/, f) && !has(/\bbat buoc\b/, f)) {
    const a = part('survivor.pensioner_dies', pensionerSurvivorLead(text, f, s.day));
    if (a) return a;
  }
  // A pensioner's death matched to its own rule, with the months drawn told ("hưởng lương hưu được 5 tháng thì mất"):
  // their months of pension.
  // (Matched to the papers, "bố đang lãnh lương hưu được 5 tháng thì mất … hồ sơ", the amount first, the papers after.)
  if ((matched.id === 'survivor.pensioner_dies' || (pensioner && matched.id === 'survivor.procedure')) && s.memberDied) {
    const lead = pensionerSurvivorLead(text, f, s.day);
    const a = lead ? part('survivor.pensioner_dies', lead) : undefined;
    if (a?.kind === 'parts' && matched.id === 'survivor.procedure') return { kind: 'parts', parts: [...a.parts, { entry: matched }] };
    if (a) return a;
  }
  // A pensioner's death matched to the member's rules ("mẹ đang lãnh lương hưu … được 10 tháng. Tiền tuất 1 lần tính sao"):
  // the pensioner's, with the months drawn.
  if (matched.id === 'survivor.member_dies_one_time' && pensioner && s.memberDied) {
    const a = part('survivor.pensioner_dies', pensionerSurvivorLead(text, f, s.day));
    if (a) return a;
  }
  if (matched.id === 'survivor.pensioner_dies' && !pensioner) {
    const a = has(/\bmai tang\b/, f) ? part('survivor.funeral_allowance') : part('survivor.member_dies_one_time', s.memberDied ? survivorLead(s, f) : undefined);
    if (a) return a;
  }

  // Eligibility answers that say "no" must fit the person.
  if (matched.id === 'eligibility.pensioner_working' && !(s.drawingPension === true || (s.drawingPension === undefined && has(RETIRED, f)))) {
    const leftJob = s.employment === 'left_job' || has(/\b(?:nghi viec|thoi viec|mat viec)\b/, f);
    const a = leftJob
      ? part('transfer_between_schemes.quit_job', yearsLead(s))
      : s.yearsPaid !== undefined
        ? part('pension_conditions.years_15', yearsLead(s))
        : part('eligibility.who_can_join');
    if (a) return a;
  }
  // (Also when the words matched registering online or the support: "Vợ tôi là người Lào, chưa nhập quốc tịch Việt Nam … có
  // đăng ký được không, có được hỗ trợ như người dân tộc thiểu số không".)
  if (s.foreigner && (matched.topic === 'eligibility' || (['how_to_join', 'subsidy'].includes(matched.topic) && has(/\b(?:dang ky|tham gia|dong)\b(?: \w+){0,6} (?:duoc|dc) (?:khong|ko|k)\b/, f))) && matched.id !== 'eligibility.foreigner') {
    const a = part('eligibility.foreigner');
    if (a) return a;
  }
  if (matched.id === 'eligibility.foreigner' && !s.foreigner) {
    const a = part('eligibility.who_can_join');
    if (a) return a;
  }
  // Under a contract whose employer does not pay, or asking whether to pay voluntary themselves: the job is
  // compulsory (nothing prepaid to be refunded either).
  if ((matched.id === 'eligibility.no_contract' || (matched.id === 'transfer_between_schemes.prepaid_then_employed' && !s.prepaid)) && s.employment === 'contract') {
    const a = part('eligibility.labour_contract');
    if (a) return a;
  }
  // Already drawing a pension (and not asking about working for a company): the pensioner's rule, not the contract's.
  if (matched.id === 'eligibility.labour_contract' && s.drawingPension === true && s.employment !== 'contract') {
    const a = part('eligibility.pensioner');
    if (a) return a;
  }
  if (matched.id === 'eligibility.labour_contract' && s.employment !== 'contract') {
    if (s.employment === 'no_contract' || s.employment === 'left_job') {
      const a = part('eligibility.no_contract');
      if (a) return a;
    } else if (get(index, 'eligibility.no_contract')) {
      return {
        kind: 'clarify',
        clarify: { slot: 'contract', question: 'Công ty hiện có đang đóng BHXH bắt buộc cho anh/chị không?', options: ['Có', 'Không'] },
      };
    }
  }
  // A social-assistance allowance (disability, old age): not one that keeps anyone out.
  if (s.socialAllowance && (matched.id === 'eligibility.pensioner' || matched.id === 'eligibility.pensioner_working')) {
    const a = part('eligibility.who_can_join', SOCIAL_ALLOWANCE_LEAD);
    if (a) return a;
  }
  // Drawing a pension and asking to pay (more) to raise it: no, the rule said first, without the entry's aside for one
  // who has not begun to draw it.
  if (matched.id === 'eligibility.pensioner' && s.drawingPension === true && asksToPayMore(f)) {
    const a = part('eligibility.pensioner', PENSIONER_PAYS_MORE);
    if (a) return a;
  }
  if (matched.id === 'eligibility.pensioner' && s.drawingPension !== true && !has(RETIRED, f)) {
    if (s.yearsPaid !== undefined || s.drawingPension === false) {
      const a = part('pension_conditions.years_15', yearsLead(s));
      if (a) return a;
    } else if (s.neverPaid) {
      // Never paid: no pension to draw; who may join, with what joining at their age takes.
      const a = part('eligibility.who_can_join', yearsLead(s));
      if (a) return a;
    } else if (!has(PENSION_WORD, f)) {
      // Nothing about a pension in the question: the pensioner rule was matched on other words ("sổ bảo hiểm",
      // "đóng tiếp"); someone with a book from a past job continues with the same number.
      const a = part(has(/\b(?:so|ma so|cong ty|nghi viec|da dong|dong tiep)\b/, f) ? 'transfer_between_schemes.quit_job' : 'eligibility.who_can_join');
      if (a) return a;
    } else if (!has(/\b(?:bo|me|ong|ba|chong|vo) (?:\w+ ){0,3}(?:co|dang|da) (?:\w+ ){0,2}luong huu\b/, f)) {
      return {
        kind: 'clarify',
        clarify: { slot: 'pension', question: 'Anh/chị đang nhận lương hưu (hoặc trợ cấp BHXH) hằng tháng chưa?', options: ['Đang nhận', 'Chưa nhận'] },
      };
    }
  }
  // A rate table for one sex, asked by someone who did not say theirs: the rule for both.
  if ((matched.id === 'benefits_pension.rate_women' || matched.id === 'benefits_pension.rate_men') && !s.sex && !has(/\b(?:nu|nam gioi|dan ong|phu nu|lao dong nam)\b/, f)) {
    const a = part('benefits_pension.how_calculated', yearsLead(s));
    if (a) return a;
  }
  // Someone under a contract with compulsory insurance asks to pay voluntary on top: not at the same time.
  // ("Tôi có được đăng ký thêm BHXH tự nguyện cho bản thân không?" too.)
  // ("Tôi là giáo viên …, đang đóng BHXH bắt buộc. Tôi có đăng ký BHXH tự nguyện được không?": paying compulsory now, told
  // in so many words, and joining asked, not after leaving the job.)
  const joinsNow =
    has(/\bdang (?:duoc )?(?:dong|tham gia) (?:bhxh |bao hiem (?:xa hoi )?)?bat buoc\b/, f) &&
    has(/\b(?:dang ky|tham gia|dong)\b(?: \w+){0,4} tu nguyen\b(?: \w+){0,4} (?:duoc|dc) (?:khong|ko|k)\b|\b(?:co )?(?:duoc|dc|the) (?:dang ky|tham gia|dong)\b(?: \w+){0,4} tu nguyen\b/, f) &&
    !has(/\b(?:nghi viec|thoi viec|het hop dong|nghi huu|khi nghi|sau khi|neu nghi|bo viec|mat viec)\b/, f);
  if (s.employment === 'contract' && (joinsNow || has(/\b(?:dong|mua|dang ky|tham gia) them\b(?: \w+){0,4} tu nguyen\b/, f)) && !['eligibility.labour_contract', 'transfer_between_schemes.both_at_once'].includes(matched.id)) {
    const a = part(
      'eligibility.labour_contract',
      joinsNow ? 'Anh/chị đang đóng BHXH bắt buộc nên không được tham gia thêm BHXH tự nguyện cùng lúc; khi thôi đóng bắt buộc (nghỉ việc) thì đăng ký tự nguyện để đóng tiếp, thời gian đã đóng được cộng dồn.' : undefined,
    );
    if (a) return a;
  }
  // A group's subsidy matched for someone in another group ("người Tày, nhà không phải hộ nghèo", "ở đặc khu Lý
  // Sơn"): that group's.
  // ("Người Dao" is an ethnic group, not an island.)
  const island = (has(ISLAND, f) || has(/\bdao\b/, f)) && !has(/\bnguoi dao\b/, f) && !leftIsland(f);
  if (GROUP_SUBSIDY.has(matched.id) && !s.household && (island || s.ethnicMinority)) {
    const own = island ? 'subsidy.island_commune' : 'subsidy.ethnic_minority';
    const a = own === matched.id ? undefined : part(own);
    if (a) return a;
  }
  // A group's subsidy matched for someone who named no group: the rates of every group.
  if (GROUP_SUBSIDY.has(matched.id) && !s.household && !s.ethnicMinority && !island) {
    const a = part('subsidy.rates_by_group');
    const join = get(index, 'eligibility.no_upper_age');
    if (a && a.kind === 'parts' && join && s.age !== undefined && s.age >= 55 && has(/\b(?:dong|tham gia)\b/, f)) return { kind: 'parts', parts: [{ entry: join }, ...a.parts] };
    if (a) return a;
  }
  const localTopUp = has(/\b(?:ha noi|ninh binh|nam dinh|ha nam|thanh pho ho tro|tinh ho tro)\b/, f) ? get(index, 'subsidy.local_topup') : undefined;
  // An income named and the amount asked ("hộ cận nghèo chọn mức 3tr mỗi tháng nộp bao nhiêu"): the figures for it.
  const forIncome = ['subsidy', 'contribution_amount', 'calculator', 'payment_mode'].includes(matched.topic) ? contributionLead(text, f, s) : undefined;
  const ruleAsked = GROUP_RULES.has(matched.id) || (matched.id === 'subsidy.duration_10_years' && has(SUBSIDY_YEARS, f));
  if ((matched.topic === 'subsidy' || matched.topic === 'contribution_amount') && s.household && !ruleAsked) {
    // (A near-poor household on an island or in a special zone: the island's 50 %, the higher of the two.)
    const e = get(index, s.household === 'poor' ? 'subsidy.poor_household' : island ? 'subsidy.island_commune' : 'subsidy.near_poor');
    // A province with its own top-up named (Hà Nội, Ninh Bình): the State's rate, then the local one.
    // (The province's share reckoned in when it is named: a poor household in Hà Nội pays nothing at the floor.)
    const lead = forIncome ?? (localTopUp && s.day ? floorPaymentLead(s, f) : undefined);
    // (The province's share reckoned in the lead, the provinces' top-ups under it: not the State's rate alone, "Có. … nộp
    // 198.000", after "nên nộp 0 đồng".)
    if (localTopUp && lead && !forIncome) return { kind: 'parts', parts: [{ entry: localTopUp, lead }] };
    const own: AnswerPart | undefined = e ? (lead ? { entry: e, lead } : { entry: e }) : undefined;
    if (own) return { kind: 'parts', parts: localTopUp ? [own, { entry: localTopUp }] : [own] };
  }
  if (forIncome) return { kind: 'parts', parts: [{ entry: matched, lead: forIncome }] };
  // Both spouses insured: one allowance per child, not two (neither with 6 months paid: the conditions decide).
  if (matched.topic === 'maternity' && has(EACH_PARENT_ASKED, f) && !has(NEITHER_QUALIFIES, f)) {
    // (The conditions, not an entry opening with "Có." to another question: "can the father get it".)
    const body = (matched.id === 'maternity.father' || matched.id === 'maternity.amount' ? get(index, 'maternity.conditions') : undefined) ?? matched;
    // (With the months paid before the birth first, when told: "Vợ em đóng … từ tháng 3/2026 …, tháng 1/2027 dự sinh".)
    const once = ONE_PARENT_ONLY;
    const months = monthsBeforeBirthLead(f, s.day);
    return { kind: 'parts', parts: [{ entry: body, lead: months ? `${months} ${once}` : once }] };
  }
  if (matched.topic === 'subsidy' && matched.id !== 'subsidy.local_topup' && localTopUp) return { kind: 'parts', parts: [s.day ? { entry: matched, lead: floorPaymentLead(s, f) } : { entry: matched }, { entry: localTopUp }] };
  // "Người dân tộc có được hỗ trợ thêm không" matched to the provinces' top-ups: the State's rate for the group first.
  if (matched.id === 'subsidy.local_topup' && !localTopUp && (s.ethnicMinority || island)) {
    const own = get(index, island ? 'subsidy.island_commune' : 'subsidy.ethnic_minority');
    if (own) return { kind: 'parts', parts: [{ entry: own }, { entry: matched }] };
  }
  // Pregnant now and only starting: whether 6 months can be paid before the birth.
  // ("đóng tự nguyện bây giờ có kịp", "chưa có BHXH": starting now.)
  if (matched.topic === 'maternity' && s.pregnantMonths !== undefined && (s.neverPaid || has(/\b(?:moi|bay gio|gio) (?:\w+ ){0,2}(?:dang ky|dong|tham gia)\b|\b(?:dang ky|dong|tham gia) (?:\w+ ){0,3}(?:bay gio|ngay bay gio|tu gio)\b|\bchua (?:co|dong|tham gia) (?:bhxh|bao hiem)\b/, f))) {
    const left = Math.max(0, 9 - s.pregnantMonths);
    const lead =
      left >= 6
        ? `Anh/chị đang mang thai ${s.pregnantMonths} tháng: nếu đóng ngay từ tháng này thì đến khi sinh có thể đủ 6 tháng đóng, nên có thể được trợ cấp 2.000.000 đồng.`
        : `Anh/chị đang mang thai ${s.pregnantMonths} tháng: bắt đầu đóng bây giờ thì đến khi sinh chỉ được khoảng ${left} tháng, chưa đủ 6 tháng nên lần sinh này chưa được trợ cấp thai sản (đóng trước cho các tháng sau ngày sinh không được tính). Đóng tiếp thì những lần sinh sau và lương hưu vẫn được tính.`;
    return { kind: 'parts', parts: [{ entry: matched, lead }] };
  }
  // Paid maternity leave asked about ("nghỉ thai sản 6 tháng hưởng lương như ở công ty"): voluntary insurance has
  // none, only the one-off allowance.
  // (Leave named, "nghỉ": "tôi có lương ở công ty, vợ sinh con có được 2 triệu không" asks no such thing.)
  if (matched.topic === 'maternity' && has(/\bnghi (?:sinh|de|thai san|\d|sau|6)\b/, f) && has(/\bnghi (?:\w+ ){0,2}(?:\d|sau) thang\b|\b(?:huong|co|nhan) luong\b(?! huu)|\bnhu (?:o |ben )?(?:cong ty|bat buoc)\b/, f)) {
    const lead = 'Không: BHXH tự nguyện không có chế độ nghỉ thai sản hưởng lương như BHXH bắt buộc; chỉ có trợ cấp một lần 2.000.000 đồng cho mỗi con.';
    return { kind: 'parts', parts: [{ entry: get(index, 'maternity.conditions') ?? matched, lead }] };
  }
  // Started paying in one month, a birth expected in another ("đăng ký tháng 9/2026, tháng 1/2027 em sinh"): the
  // months paid before the birth against the 6 needed.
  const started = STARTED_MONTH.exec(f);
  const birth = started && BIRTH_MONTH.exec(f.slice(started.index + started[0].length));
  // (Matched elsewhere, "… nghỉ việc, sau đó đóng tự nguyện … sinh con tháng 10/2026, có được 2 triệu thai sản không": the birth asked.)
  const beforeBirth = matched.topic === 'maternity' || has(/\b(?:thai san|2 trieu)\b/, f) ? birthMonthsAdvice(index, f, s.day, matched) : null;
  if (beforeBirth) return beforeBirth;
  // A stillbirth or a loss in a month told after a start: the months paid before it against the 6 needed, and the 22 weeks.
  const lost = lossLead(f);
  if (lost) {
    const a = part('maternity.stillbirth', lost);
    if (a) return a;
  }
  // Paying since a month told, a birth now or soon and no stop ("đóng tự nguyện từ tháng 1/2024, nay sinh con"): the
  // months paid by now against the 6 needed in the 12 before the birth.
  if (matched.topic === 'maternity' && started && !birth && s.day !== undefined && !s.memberDied && !has(/\b(?:nghi|dung|ngung|bo|tam dung) (?:dong|nop)\b|\bkhong (?:dong|nop) (?:tiep|nua)\b/, f)) {
    const paid = monthIndex(s.day) - (Number(started[2]) * 12 + Number(started[1]) - 1);
    if (paid >= 6 && paid <= 600) {
      const a = part(
        'maternity.conditions',
        `Anh/chị đóng từ tháng ${started[1]}/${started[2]}, đến nay đã hơn 6 tháng: nếu vẫn đóng đều đến khi sinh thì đủ 6 tháng trong 12 tháng trước khi sinh, được trợ cấp 2.000.000 đồng mỗi con (sinh từ 1/7/2025).`,
      );
      if (a) return a;
    }
  }
  // Years paid: say what they mean for this person, on the topics where years decide the answer.
  // (Not on the lump sum's amount or papers: what the years mean for a pension is not what was asked.)
  const lead = (['pension_conditions', 'eligibility', 'benefits_pension', 'lump_sum', 'payment_mode'].includes(matched.topic) || (matched.id === 'transfer_between_schemes.combine_periods' && !has(HIRED_NOW, f))) && matched.id !== 'lump_sum.amount' && matched.id !== 'lump_sum.procedure'
    ? yearsLead(s)
    : // (Not for someone alive, "… ai đóng rồi thì mất trắng … Mẹ em đóng được 9 năm": a death told or supposed only.)
      (matched.id === 'survivor.member_dies_one_time' && (s.memberDied === true || has(DIED, f) || has(DEATH_SUPPOSED, f))) || (matched.id === 'survivor.prepaid_refund' && s.memberDied)
      ? survivorLead(s, f)
    : undefined;
  return { kind: 'parts', parts: [lead ? { entry: matched, lead } : { entry: matched }] };
}

/** Read the reply to a question back: the fact it sets, or null when the reply is not an answer to it. */
export function applyClarifyReply(slot: Clarify['slot'], folded: string): Partial<Situation> | null {
  const yes = has(/^(?:co|dung|vang|da|dang|dang nhan|co a|da co|co dong|roi|da nhan)\b/, folded);
  const no = has(/^(?:khong|ko|k|chua|chua nhan|khong co|khong dong)\b/, folded);
  if (!yes && !no) return null;
  if (slot === 'contract') return { employment: yes && !no ? 'contract' : 'no_contract' };
  return { drawingPension: yes && !no };
}
