import { monthYear } from './as-of.ts';

/** A start of paying told with its month ("đăng ký tháng 9/2026", "đóng … từ tháng 3/2026"). */
// (Not across a birth: "ko đóng gì, vừa sinh bé tháng 10/2026" starts nothing; nor an end: "đóng bắt buộc 3 năm đến hết
// tháng 4/2026".)
// (Not past a year told first: "đóng BHXH tự nguyện từ năm 2024. Tháng 11/2026 vợ em sinh đôi" started in 2024; nor a payment
// denied: "Vợ tôi … không đóng bảo hiểm gì, tháng 10/2026 vừa sinh".)
// (Nor the month a stop begins: "đóng từng tháng được 10 tháng thì từ tháng 9/2026 em lỡ không đóng nữa", "đóng được mấy
// tháng thì ngưng từ tháng 6/2026".)
// (Not months counted before a birth's month: "đóng bhxh tn được 8 tháng, tháng 11 vừa rồi sinh bé".)
export const STARTED_MONTH = /(?<!\b(?:khong|ko|k|chua|chang) )\b(?:dang ky|dong|tham gia|bat dau dong) (?:(?!sinh\b|de\b|khong\b|ko\b|chua\b|den\b|toi\b|het\b|ngung\b|nghi\b|duoc \d|(?:19|20)\d\d\b)\w+ ){0,7}?thang (\d{1,2}) (?:nam )?(20\d\d)\b(?! (?:(?:em|e|toi|minh|tui) )?(?:lo |da |bi |thi )?(?:(?:khong|ko) (?:dong|nop)(?: tiep)? nua|ngung|nghi|dung|thoi)\b)/;

/** The month paying stopped from, after a start ("… thì từ tháng 9/2026 em lỡ không đóng nữa", "ngưng từ tháng 4/2026"). */
export const STOPPED_FROM = /\b(?:ngung|nghi|dung|thoi|khong dong|ko dong)(?: dong)? (?:tu |vao |ke tu )?thang (\d{1,2}) (?:nam )?(20\d\d)\b|\btu thang (\d{1,2}) (?:nam )?(20\d\d) (?:(?:em|e|toi|minh|tui) )?(?:lo |da |bi |thi )?(?:(?:khong|ko) (?:dong|nop)(?: tiep)? nua|ngung|nghi|dung|thoi)\b/;

/** A start told after its month ("tháng 12/2026 này em mới đăng ký", "tháng 9/2026 vừa rồi tôi bắt đầu đóng", "tới 9/2026 e đăng ký"). */
const MONTH_THEN_START = /(?<!\b(?:sinh|de) )\b(?:thang|toi|den) (\d{1,2}) (20\d\d) (?:nay |vua roi |vua qua )?(?:(?:em|e|toi|minh|tui) )?(?:moi |vua |da |thi )?(?:dang ky|bat dau dong|bat dau tham gia)\b/g;

/** `f` with each start told after its month written as "đăng ký từ tháng M YYYY", as STARTED_MONTH reads a start. */
export const startsInOrder = (f: string): string => f.replace(MONTH_THEN_START, ' dang ky tu thang $1 $2 ');

/**
 * A period stopped and a start after it, against a birth ("… đến hết tháng 4/2026 rồi nghỉ việc, tháng 9/2026 em đăng ký đóng
 * tự nguyện"): both periods' months in the 12 before the birth month (Law 41/2024 Art 95). `paid` is the stopped period's
 * months there, `since` and `due` the month indexes of the new start and of the birth, `birth` how the birth is named ("tháng
 * sinh", "tháng 1/2027"), `compulsory` whether the stopped period was a job's compulsory insurance. Undefined when the start
 * adds no month before the birth.
 */
export function resumedBeforeBirthLead(paid: number, since: number, due: number, birth: string, compulsory = false): string | undefined {
  const resumed = since < due ? due - Math.max(since, due - 12) : 0;
  if (resumed <= 0) return undefined;
  // (The stopped period a job's compulsory insurance with 6 months in the window on its own: the compulsory benefit, and then
  // not the voluntary allowance beside it, Art 94(5).)
  if (compulsory && paid >= 6) {
    return `Trong 12 tháng trước ${birth} đã có ${paid} tháng đóng BHXH bắt buộc (trước khi nghỉ việc), đủ 6 tháng: thường được hưởng chế độ thai sản bên BHXH bắt buộc dù đã nghỉ việc trước khi sinh (cao hơn khoản 2.000.000 đồng), và khi đã hưởng bên bắt buộc thì không nhận thêm trợ cấp 2.000.000 đồng của tự nguyện: chỉ được một chế độ, không được cả hai. Vẫn nên đóng tự nguyện từ tháng ${monthYear(since)} để không gián đoạn thời gian đóng; hỏi 1900 9068 để xác nhận.`;
  }
  const total = paid + resumed;
  return total >= 6
    ? `Cộng cả các tháng đóng bắt buộc và tự nguyện trong 12 tháng trước ${birth} là ${total} tháng (${paid} tháng trước khi nghỉ, ${resumed} tháng từ tháng ${monthYear(since)}), đủ 6 tháng nên được trợ cấp 2.000.000 đồng mỗi con (đóng đều đến tháng trước tháng sinh).`
    : `Cộng cả các tháng đóng trong 12 tháng trước ${birth} chỉ được ${total} tháng, chưa đủ 6 tháng nên lần sinh này chưa được trợ cấp 2.000.000 đồng.`;
}

/**
 * A stillbirth or a miscarriage and its month ("tháng 10/2026 tôi bị thai chết lưu", "sảy thai vào tháng 9/2026", "Tháng 10/2026
 * em mang thai được 25 tuần thì bé mất trong bụng": the weeks may come between).
 */
const LOSS_WORDS = '(?:say thai|sa thai|thai luu|chet luu|mat thai|hu thai)';
const LOSS_MONTH = new RegExp(`\\bthang (\\d{1,2}) (?:nam )?(20\\d\\d)\\b(?: (?!thang\\b)\\w+){0,10}? ${LOSS_WORDS}\\b|\\b${LOSS_WORDS}(?: \\w+){0,4}? thang (\\d{1,2}) (?:nam )?(20\\d\\d)\\b`);

/**
 * A stillbirth or a miscarriage in a month told after a start of paying ("đóng từ tháng 1/2026; tháng 10/2026 tôi bị thai chết
 * lưu lúc 30 tuần"): the months paid before it against the 6 needed in the 12 before, and the 22 weeks (Law 41/2024 Art 95).
 * Undefined when the letter tells no start, no month of the loss, or a start more than a year before it.
 */
export function lossLead(f: string): string | undefined {
  const started = STARTED_MONTH.exec(f);
  const loss = started ? LOSS_MONTH.exec(f) : null;
  if (!started || !loss) return undefined;
  const at = Number(loss[2] ?? loss[4]) * 12 + Number(loss[1] ?? loss[3]) - 1;
  const paid = at - (Number(started[2]) * 12 + Number(started[1]) - 1);
  if (paid <= 0 || paid > 12) return undefined;
  const weeks = /\b(\d{1,2}) tuan\b/.exec(f)?.[1];
  const since = `Anh/chị đóng từ tháng ${started[1]}/${started[2]}, đến tháng ${loss[1] ?? loss[3]}/${loss[2] ?? loss[4]} được ${paid} tháng`;
  if (paid < 6) return `${since}, chưa đủ 6 tháng trong 12 tháng trước đó nên chưa được trợ cấp 2.000.000 đồng.`;
  if (weeks !== undefined && Number(weeks) < 22) return `${since}, đủ 6 tháng; nhưng thai ${weeks} tuần (dưới 22 tuần) không thuộc trường hợp được trợ cấp 2.000.000 đồng.`;
  return `${since}, đủ 6 tháng trong 12 tháng trước đó${weeks !== undefined ? `, thai ${weeks} tuần (từ 22 tuần trở lên)` : ''}: được trợ cấp 2.000.000 đồng${weeks === undefined ? ' nếu thai từ 22 tuần trở lên' : ''}; nộp hồ sơ (giấy ra viện hoặc giấy xác nhận của cơ sở y tế) cho cơ quan BHXH.`;
}

/** A birth and the mother's death after it ("tháng 8/2026 vợ em sinh cháu rồi mất vì băng huyết", "sinh bé xong thì bị băng huyết mất"). */
const BIRTH_THEN_DEATH = /\b(?:thang (\d{1,2}) (?:nam )?(20\d\d) )?(?:vo (?:toi|em|minh|tui|e) )?(?:sinh|de)(?: \w+){0,3}? (?:roi|xong|thi|sau do|xong thi)(?: \w+){0,3}? mat\b/;

/**
 * The mother insured, dead after the birth, the father asking ("Vợ em đóng BHXH tự nguyện từ tháng 1/2024, tháng 8/2026 vợ em sinh
 * cháu rồi mất …, tiền hỗ trợ sinh con ai được nhận, có tiền mai táng không"): her months before the birth against the 6 needed,
 * the father (or whoever raises the child) receiving the 2,000,000 (Law 41/2024 Art 94-97), and the funeral allowance against
 * her 60 months (Art 109). Undefined unless her start and the birth's month are told.
 */
export function motherDiedAfterBirthLead(f: string): string | undefined {
  const died = BIRTH_THEN_DEATH.exec(f);
  const started = STARTED_MONTH.exec(f);
  if (!died || !started) return undefined;
  const birthAt = died[1] ? Number(died[2]) * 12 + Number(died[1]) - 1 : undefined;
  if (birthAt === undefined) return undefined;
  const from = Number(started[2]) * 12 + Number(started[1]) - 1;
  const paid = birthAt - from;
  if (paid <= 0) return undefined;
  const inWindow = Math.min(12, paid);
  const birth = inWindow >= 6
    ? `Vợ anh/chị đóng từ tháng ${started[1]}/${started[2]}, có ${inWindow} tháng đóng trong 12 tháng trước tháng sinh (đủ 6 tháng): con được trợ cấp 2.000.000 đồng; mẹ mất sau khi sinh thì người cha hoặc người trực tiếp nuôi dưỡng cháu nhận, nộp giấy khai sinh của cháu, giấy chứng tử của mẹ cho cơ quan BHXH.`
    : `Vợ anh/chị đóng từ tháng ${started[1]}/${started[2]}, chỉ có ${inWindow} tháng trong 12 tháng trước tháng sinh, chưa đủ 6 tháng nên không có trợ cấp 2.000.000 đồng.`;
  const funeral = paid >= 60
    ? 'Vợ anh/chị đã đóng từ đủ 60 tháng nên người lo mai táng được trợ cấp mai táng (10 lần mức tham chiếu); thân nhân được trợ cấp tuất một lần.'
    : `Vợ anh/chị mới đóng khoảng ${paid} tháng, chưa đủ 60 tháng nên không có trợ cấp mai táng; thân nhân được trợ cấp tuất một lần (đóng chưa đủ 60 tháng thì bằng số tiền đã đóng).`;
  return `${birth} ${funeral}`;
}
