import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../../src/text/vietnamese.ts';
import { buildFaqIndex, ruleScores } from '../../../flows/faq/search-index.ts';
import { answerQuestion } from '../../../flows/faq/answer.ts';
import { loadKb, type Topic } from '../../../flows/faq/kb.ts';

/** The topic cues' score for a question, as written and typed without marks (they must agree). */
function cue(q: string, topic: Topic): number {
  const written = ruleScores(q).get(topic) ?? 0;
  expect(ruleScores(stripDiacritics(q)).get(topic) ?? 0, `unaccented: ${q}`).toBe(written);
  return written;
}

describe('topic cues', () => {
  it('reads "tôi đã" as the person\'s story, "tối đa" as a level', () => {
    expect(cue('Tôi đã nghỉ việc được hai năm, nay muốn hỏi chút.', 'contribution_amount')).toBe(0);
    expect(cue('Mức đóng tối đa là bao nhiêu?', 'contribution_amount')).toBeGreaterThan(0);
  });

  it('does not take "lao động", "hợp đồng" for paying', () => {
    expect(cue('Người lao động tự do bao nhiêu tuổi thì được tham gia?', 'contribution_amount')).toBe(0);
    expect(cue('Đóng BHXH tự nguyện bao nhiêu một tháng?', 'contribution_amount')).toBeGreaterThan(0);
  });

  it('reads a comparison as one, even with health insurance named', () => {
    expect(cue('Sự khác nhau giữa BHXH tự nguyện và BHYT là gì?', 'other')).toBeGreaterThan(cue('Sự khác nhau giữa BHXH tự nguyện và BHYT là gì?', 'health_insurance'));
  });

  it('reads "một cục mấy năm" as several years paid at once, not how many years a pension needs', () => {
    const q = 'Đóng dồn một cục mấy năm luôn được không?';
    expect(cue(q, 'payment_mode')).toBeGreaterThan(cue(q, 'pension_conditions'));
  });

  it('reads whether the voluntary years count for unemployment benefit as a question on the periods', () => {
    const q = 'Thời gian đóng BHXH tự nguyện có được tính để hưởng trợ cấp thất nghiệp không?';
    expect(cue(q, 'transfer_between_schemes')).toBeGreaterThan(cue(q, 'other'));
  });

  it('reads a listed illness as the lump-sum route whatever the age and years told', () => {
    const q = 'Tôi 54 tuổi, đóng bắt buộc 21 năm, bị ung thư gan nay muốn nghỉ việc và dừng đóng thì có được hưởng gì không?';
    expect(cue(q, 'lump_sum')).toBeGreaterThan(0);
  });

  it('reads "được lấy" as withdrawing, "được lấy sổ" as not', () => {
    expect(cue('Nếu tôi có thể lấy thì ngừng đóng bao lâu thì được lấy?', 'lump_sum')).toBeGreaterThan(0);
    expect(cue('Nghỉ việc thì được lấy sổ ở đâu?', 'lump_sum')).toBe(0);
  });

  it('reads paying again after a lump sum as joining again, a death after prepaying as the family\'s question', () => {
    const again = 'Mới rút BHXH một lần có đóng lại ngay được không?';
    expect(cue(again, 'eligibility')).toBeGreaterThan(0);
    // The death halves the payment cues of the sentence that tells it.
    expect(cue('Mẹ tôi đã đóng trước 3 năm thì mất.', 'payment_mode')).toBeLessThan(cue('Mẹ tôi đã đóng trước 3 năm.', 'payment_mode'));
  });
  it('tells words that fold alike apart: "làm thuê" and "thuế", "vậy tiền" and "vay tiền", "tỉnh hỗ trợ" and "tính hộ", "22 năm" and "22%"', () => {
    expect(cue('Tôi làm thuê cho một xưởng may, không có hợp đồng.', 'other')).toBe(0);
    expect(cue('Tiền đóng có được trừ thuế thu nhập cá nhân không?', 'other')).toBeGreaterThan(0);
    expect(cue('Vậy tiền đóng trước có được trả lại không?', 'other')).toBe(0);
    expect(cue('Tôi muốn vay tiền bằng sổ BHXH được không?', 'other')).toBeGreaterThan(0);
    expect(cue('Tỉnh hỗ trợ thêm bao nhiêu?', 'calculator')).toBe(0);
    expect(cue('Tính hộ tôi lương hưu với mức 5 triệu', 'calculator')).toBeGreaterThan(0);
    expect(cue('Tôi đã tham gia 22 năm, sắp nghỉ.', 'contribution_amount')).toBe(0);
    expect(cue('Đóng 22% của cái gì vậy?', 'contribution_amount')).toBeGreaterThan(0);
  });
});

describe('words that carry no ask', () => {
  const index = buildFaqIndex(loadKb());
  it.each([
    'Có phải đóng thêm BHXH tự nguyện khi nghỉ chờ hưu?',
    'Tôi đóng BHXH tự nguyện được 10 năm thì nghỉ, giờ đóng tiếp được không?',
  ])('answers "%s" the same with the polite "ạ" at the end, or asked "… hay không?"', (q) => {
    expect(answerQuestion(index, q.replace(/\?$/, ' ạ?')).entryId).toBe(answerQuestion(index, q).entryId);
    expect(answerQuestion(index, q.replace(/không\?$/, 'hay không?')).entryId).toBe(answerQuestion(index, q).entryId);
  });
  it.each([
    ['Đối tượng được hưởng trợ cấp tuất hàng tháng?', 'Đối tượng được hưởng trợ cấp tuất mỗi tháng?'],
    ['Tra cứu mã số BHXH bằng CCCD như thế nào?', 'Tra cứu mã số BHXH bằng CCCD ra sao?'],
  ])('answers "%s" and "%s" alike', (a, b) => {
    expect(answerQuestion(index, b).entryId).toBe(answerQuestion(index, a).entryId);
  });
  it('answers after "Vậy cho tôi hỏi:" as without it', () => {
    const q = 'Gia đình tôi được xếp vào hộ nghèo. Tôi không thuộc diện bắt buộc. Vậy cho tôi hỏi: tôi tham gia BHXH tự nguyện thì được hỗ trợ bao nhiêu?';
    expect(answerQuestion(index, q).entryId).toBe('subsidy.poor_household');
  });
  it('answers "35 tuổi … được hay không?" with the age rule, as "… được không?"', () => {
    expect(answerQuestion(index, '35 tuổi tham gia BHXH tự nguyện được hay không?').entryId).toBe('eligibility.min_age_15');
  });
});
