import { describe, expect, it } from 'vitest';
import { markAsks } from '../../../flows/faq/ask-marks.ts';
import { answerQuestion } from '../../../flows/faq/answer.ts';
import { buildFaqIndex } from '../../../flows/faq/search-index.ts';
import { loadKb } from '../../../flows/faq/kb.ts';
import { ADVICE_DEV_PATH, evaluateAdvice, loadAdviceSet } from '../../../tools/faq/eval-advice.ts';

const index = buildFaqIndex(loadKb());

describe('asks written without question marks', () => {
  it('closes an ask that ends a sentence or the text, and leaves "không" inside a sentence alone', () => {
    expect(markAsks('Tôi 50 tuổi đóng được không. Nếu được thì mỗi tháng bao nhiêu')).toBe('Tôi 50 tuổi đóng được không? Nếu được thì mỗi tháng bao nhiêu?');
    expect(markAsks('Có được rút không ạ Và cần giấy tờ gì')).toBe('Có được rút không ạ? Và cần giấy tờ gì?');
    expect(markAsks('Tôi không đóng BHXH bắt buộc, đóng tự nguyện được không?')).toBe('Tôi không đóng BHXH bắt buộc, đóng tự nguyện được không?');
    expect(markAsks('Công ty không đóng. Tôi phải làm sao')).toBe('Công ty không đóng. Tôi phải làm sao?');
    // "không còn" opening a clause is "no longer"; after a yes-no frame it still closes the ask.
    expect(markAsks('Tôi năm nay 55 tuổi, không còn đi làm cho công ty. Tôi có nên đóng tiếp không')).toBe('Tôi năm nay 55 tuổi, không còn đi làm cho công ty. Tôi có nên đóng tiếp không?');
    expect(markAsks('có được rút không còn nếu không thì sao')).toBe('có được rút không? còn nếu không thì sao?');
  });

  it.each([
    ['Có được rút không\nNếu được thì cần giấy tờ gì', 'Có được rút không?\nNếu được thì cần giấy tờ gì?'],
    ['thời gian nhận tiền là bao lâu.\nXin cảm ơn.', 'thời gian nhận tiền là bao lâu?\nXin cảm ơn.'],
    ['đóng được không nếu được thì mỗi tháng bao nhiêu', 'đóng được không? nếu được thì mỗi tháng bao nhiêu?'],
    ['dong dc ko neu dc thi moi thang bao nhieu', 'dong dc ko? neu dc thi moi thang bao nhieu?'],
    ['Được rút bao nhiêu tiền Và cần giấy tờ gì', 'Được rút bao nhiêu tiền? Và cần giấy tờ gì?'],
    ['được hưởng bao nhiêu % Nhận ở đâu', 'được hưởng bao nhiêu %? Nhận ở đâu?'],
    // A sentence closed with a full stop that asks with "bao nhiêu", "ở đâu", "đến đâu", "thế nào" … wherever they stand.
    ['Tôi cần phải đến đâu để làm thủ tục. Mong được giải đáp.', 'Tôi cần phải đến đâu để làm thủ tục? Mong được giải đáp.'],
    ['Mức đóng bao nhiêu một tháng', 'Mức đóng bao nhiêu một tháng?'],
    ['Em có đủ điều kiện hưởng thai sản không ạ. trường hợp không đủ em đóng tự nguyện được không', 'Em có đủ điều kiện hưởng thai sản không ạ? trường hợp không đủ em đóng tự nguyện được không?'],
    // "hay không", "được chưa" close an ask even before a lower-case word.
    ['người nghỉ hưu có được cấp thẻ bhyt hay không những quyền lợi là gì', 'người nghỉ hưu có được cấp thẻ bhyt hay không? những quyền lợi là gì?'],
    // "và" inside one ask stays as it is.
    ['đóng bao nhiêu và trong bao lâu thì được lương hưu?', 'đóng bao nhiêu và trong bao lâu thì được lương hưu?'],
    // "còn … không", "bị … không" before a comma ask too.
    ['2 nam cua vo e con tinh ko, moi nguoi 1 thang dong bao nhieu, co dc nhan ko a?', '2 nam cua vo e con tinh ko? moi nguoi 1 thang dong bao nhieu? co dc nhan ko a?'],
  ])('closes an ask before a new line, a lower-case "nếu", and after "bao nhiêu tiền" or "%": %j', (text, marked) => {
    expect(markAsks(text)).toBe(marked);
  });

  it('closes an ask before the number of the next one ("… bao lâu 2) …"), and answers both', () => {
    const q = '1) hộ nghèo được hỗ trợ bao lâu 2) mình đóng trước 12 tháng mà giữa chừng thoát nghèo thì có phải đóng thêm tiền không';
    expect(markAsks(q)).toBe('1) hộ nghèo được hỗ trợ bao lâu? 2) mình đóng trước 12 tháng mà giữa chừng thoát nghèo thì có phải đóng thêm tiền không?');
    // ("… 2 năm 3) …" is not a number closing an ask: nothing asked before it.)
    expect(markAsks('đóng được 2 năm 3) tháng sau')).toBe('đóng được 2 năm 3) tháng sau');
  });

  it('closes every item of a numbered list of asks, whatever its last word, and an ask ended by a comma', () => {
    expect(markAsks('Hỏi 1) đóng 6 tháng/lần thì nộp bao nhiêu 2) hạn nộp 3) nếu sau này vào công ty thì sao')).toBe(
      'Hỏi 1) đóng 6 tháng/lần thì nộp bao nhiêu? 2) hạn nộp? 3) nếu sau này vào công ty thì sao?',
    );
    expect(markAsks('đóng tự nguyện có được cấp thẻ BHYT không, chết thì gia đình được gì, và có rút 1 lần được không?')).toBe(
      'đóng tự nguyện có được cấp thẻ BHYT không? chết thì gia đình được gì? và có rút 1 lần được không?',
    );
    // "không" that denies ("tôi không, …" has no yes-no frame) and a comma before two words stay.
    expect(markAsks('tôi không đi làm, không có hợp đồng, muốn đóng tự nguyện')).toBe('tôi không đi làm, không có hợp đồng, muốn đóng tự nguyện');
    const parts = answerQuestion(index, 'Cho em hỏi 3 việc: đóng tự nguyện có được cấp thẻ BHYT không, chết thì gia đình được gì, và có rút 1 lần được không?').parts;
    expect(parts.map((p) => p.entry.topic).sort()).toEqual(['health_insurance', 'lump_sum', 'survivor']);
  });

  it('answers a second ask on its own line without question marks', () => {
    const ids = (q: string): string[] => answerQuestion(index, q).parts.map((p) => p.entry.id);
    expect(ids('Hộ nghèo được hỗ trợ bao nhiêu\nĐăng ký ở đâu')).toEqual(['subsidy.poor_household', 'how_to_join.steps']);
    expect(ids('Tôi đóng tự nguyện được 10 năm rồi, nếu tôi mất thì con tôi được hưởng gì\nCòn muốn đóng một lần cho 5 năm tới thì được không')).toContain(
      'payment_mode.years_ahead',
    );
  });

  it('answers both asks of a question whose marks were left out', () => {
    const q = 'Nếu muốn sau này nhận lương hưu khoảng 5 triệu đồng mỗi tháng thì cần đóng BHXH tự nguyện bao nhiêu và trong bao lâu Nếu người tham gia qua đời, thân nhân được hưởng quyền lợi gì';
    const topics = answerQuestion(index, q).parts.map((p) => p.entry.topic);
    expect(topics).toContain('survivor');
    expect(topics.length).toBe(2);
  });

  it('keeps the dev questions answered right with every "?" removed (all but one, whose first ask has no closing word)', () => {
    const cases = loadAdviceSet(ADVICE_DEV_PATH);
    const r = evaluateAdvice(index, cases, (q) => q.replace(/\?/g, ''));
    expect(r.adviceCorrect).toBeGreaterThanOrEqual(cases.length - 1);
  });
});
