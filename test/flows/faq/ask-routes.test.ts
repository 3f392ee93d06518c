import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../../src/text/vietnamese.ts';
import { answerQuestion } from '../../../flows/faq/answer.ts';
import { buildFaqIndex } from '../../../flows/faq/search-index.ts';
import { loadKb } from '../../../flows/faq/kb.ts';
import { readSituation } from '../../../flows/faq/situation.ts';
import { DAY } from './support.ts';

const index = buildFaqIndex(loadKb());
/** Both forms a resident types: the answer must not depend on the diacritics. */
const ask = (q: string) => {
  const a = answerQuestion(index, q, undefined, {}, DAY);
  const b = answerQuestion(index, stripDiacritics(q), undefined, {}, DAY);
  expect(b.parts.map((p) => p.entry.id)).toEqual(a.parts.map((p) => p.entry.id));
  return a;
};
const ids = (q: string) => ask(q).parts.map((p) => p.entry.id);

describe('the ask a cue names, whatever else the question tells', () => {
  it('tells a pensioner paying for his wife or child that the relative may join in their own name (not "pensioners cannot join")', () => {
    for (const q of ['Tôi đang hưởng lương hưu có mua BHXH tự nguyện cho vợ được không?', 'Tôi về hưu rồi, muốn đóng BHXH tự nguyện cho con gái có được không?']) {
      const a = ask(q);
      expect(a.entryId, q).toBe('how_to_join.for_relatives');
      expect(a.answer, q).toMatch(/vẫn nộp tiền giúp người thân được/);
      expect(a.answer, q).not.toMatch(/^Người đang hưởng lương hưu/);
    }
    // Papers and the place to register for a relative keep their answer; "cho em hỏi" is not a relative.
    expect(ids('Tôi muốn đăng ký tham gia BHXH tự nguyện cho mẹ tôi ở quê thì cần chuẩn bị những giấy tờ gì và nộp ở đâu?')).not.toContain('how_to_join.for_relatives');
    expect(ids('Đóng BHXH tự nguyện cho em hỏi mức thấp nhất là bao nhiêu?')).not.toContain('how_to_join.for_relatives');
  });

  it('answers someone at the age without 15 years (no number told) with the options, never as if 15 years were paid', () => {
    for (const q of ['Chưa đủ 15 năm mà đến tuổi thì được nhận gì?', 'Đến tuổi nghỉ hưu mà chưa đủ 15 năm đóng thì phải làm sao?']) {
      const a = ask(q);
      expect(a.entryId, q).toBe('lump_sum.monthly_allowance_option');
      expect(a.answer, q).not.toMatch(/đã đóng 15 năm/);
    }
    expect(readSituation('Đến tuổi nghỉ hưu mà chưa đủ 15 năm đóng thì phải làm sao?', 2026).yearsPaid).toBeUndefined();
    expect(readSituation('Tôi đóng 12 năm, chưa đủ 15 năm thì sao', 2026).yearsPaid).toBe(12);
  });

  it('tells someone already paying that health insurance is bought apart, and reads years a person that age cannot have paid as a plan', () => {
    expect(ask('Đóng BHXH tự nguyện rồi có cần mua BHYT nữa không?').entryId).toBe('health_insurance.contributor_card');
    const a = ask('Tôi 35 tuổi nữ, đóng 20 năm thì lương hưu bao nhiêu phần trăm?');
    expect(a.answer).toMatch(/20 năm:? 55%/);
    expect(a.answer).not.toMatch(/đã đóng 20 năm/);
    expect(readSituation('Tôi 35 tuổi nữ, đóng 20 năm thì lương hưu bao nhiêu phần trăm?', 2026).yearsPaid).toBeUndefined();
    expect(readSituation('Tôi 55 tuổi, đã đóng 17 năm', 2026).yearsPaid).toBe(17);
  });

  it('reads "sinh năm 1970 nam" as a man, raising the income paid on as a change of level, and time worked abroad as the domain', () => {
    expect(ask('Tôi sinh năm 1970 nam đóng 10 năm thì bao giờ nghỉ hưu?').answer).toMatch(/^Nam sinh năm 1970 đủ tuổi nghỉ hưu \(62 tuổi\)/);
    expect(readSituation('Tôi sinh năm 1975 năm nay đóng được 10 năm', 2026).sex).toBeUndefined();
    expect(ask('Tôi muốn tăng mức đóng từ 2 triệu lên 5 triệu được không?').entryId).toBe('payment_mode.change_mode_income');
    expect(ask('Thời gian làm việc ở nước ngoài có được tính không?').entryId).toBe('transfer_between_schemes.work_abroad');
  });

  it('tells a mother of 57 with 10 years, asking whether to stop and withdraw, that she is at the age and may pay the 5 missing years at once', () => {
    const a = ask('Mẹ tôi năm nay 57 tuổi, đã đóng BHXH tự nguyện 10 năm. Nếu bây giờ dừng lại thì có được rút tiền không hay phải chờ?');
    expect(a.answer).toMatch(/đã đến tuổi nghỉ hưu và chỉ thiếu không quá 5 năm, nên được đóng một lần cho 5 năm/);
    // Asking to pay the rest at once gets that, not the list of options.
    expect(ask('Mẹ tôi 58 tuổi, đóng được 13 năm bảo hiểm tự nguyện, bà muốn đóng nốt 2 năm còn thiếu một lần cho xong để hưởng lương hưu có được không?').entryId).toBe(
      'pension_conditions.pay_missing_once',
    );
  });

  it('answers when a payment is due with the deadlines (not an expired health card), and a death before retirement with the member\'s rules', () => {
    expect(ask('Ngày nào hết hạn đóng tiền quý 4?').entryId).toBe('payment_mode.deadlines');
    expect(ask('Thẻ BHYT hết hạn rồi mới gia hạn thì bao giờ dùng được?').entryId).toBe('health_insurance.card_gap');
    expect(ask('Nếu tôi đóng 15 năm rồi chết trước khi về hưu thì sao?').entryId).toBe('survivor.member_dies_one_time');
    expect(ask('Bố tôi đang hưởng lương hưu thì mất, gia đình được gì?').entryId).toBe('survivor.pensioner_dies');
  });

  it('gives someone at the age who asks how much a withdrawal pays the options, then how a lump sum is reckoned', () => {
    expect(ids('Bố tôi 65 tuổi có 3 năm đóng BHXH, giờ muốn rút thì được bao nhiêu?')).toEqual(['lump_sum.monthly_allowance_option', 'lump_sum.amount']);
  });

  it('reads "có bị lỗ không" as asking whether it is a loss, "bị lỡ hạn" as a missed payment', () => {
    expect(ask('Đóng BHXH tự nguyện có bị lỗ không?').entryId).toBe('benefits_pension.why_join');
    expect(ask('dong bhxh tu nguyen bi lo khong').entryId).toBe('benefits_pension.why_join');
    expect(ask('Tôi bị lỡ hạn đóng tháng này thì sao?').entryId).toBe('payment_mode.missed_payment');
  });

  it('reads "1 cục" as in one go, "cả nhà" as relatives, and "mẹ chồng" as a woman', () => {
    expect(ask('dong 1 cuc 5 nam duoc ko').entryId).toBe('payment_mode.years_ahead');
    expect(ask('Có thể đóng cho cả nhà cùng lúc không?').entryId).toBe('how_to_join.for_relatives');
    expect(ask('Mẹ chồng tôi 68 tuổi chưa đóng bao giờ, giờ tham gia còn được không?').answer).toMatch(/68 tuổi \(nữ\)/);
    expect(readSituation('Bố vợ tôi 60 tuổi chưa đóng ngày nào', 2026).sex).toBe('male');
    // Paying compulsory and voluntary insurance at once is still refused.
    expect(ask('Tôi đang đóng bắt buộc ở công ty, có đóng thêm tự nguyện cùng lúc được không?').entryId).toBe('transfer_between_schemes.both_at_once');
  });

  it('answers someone who stops paying and asks whether the money is lost with "Không mất" (not a death benefit)', () => {
    for (const q of ['Nếu tôi không đóng nữa thì số tiền đã đóng có mất không?', 'Tôi đóng được 6 năm giờ nghỉ đóng thì tiền có bị mất không?']) {
      const a = ask(q);
      expect(a.entryId, q).toBe('payment_mode.pause_resume');
      expect(a.answer, q).toMatch(/^Không mất/);
    }
    // A member who died: the survivor's rights.
    expect(ask('Bố tôi đóng 5 năm thì mất, tiền đã đóng có mất không?').entryId).toBe('survivor.member_dies_one_time');
  });

  it('answers "có bắt buộc đóng hằng tháng không" with the payment modes, not compulsory insurance', () => {
    expect(ask('BHXH tự nguyện có bắt buộc đóng hằng tháng không?').entryId).toBe('payment_mode.modes');
    expect(ids('Có bắt buộc phải đóng liên tục không?')).toEqual(['payment_mode.modes', 'payment_mode.pause_resume']);
    // The amount paid each month is another ask.
    expect(ask('Tôi muốn tính thử số tiền phải đóng hàng tháng').entryId).not.toBe('payment_mode.modes');
  });

  it('answers an old person without a pension asking what support there is with the social pension at 75', () => {
    for (const q of ['Mẹ tôi 75 tuổi không có lương hưu thì được hỗ trợ gì không?', 'Bố tôi 80 tuổi không có lương hưu có được nhận tiền gì không?']) {
      const a = ask(q);
      expect(a.entryId, q).toBe('other.social_pension');
      expect(a.answer, q).toMatch(/trợ cấp hưu trí xã hội/);
    }
  });

  it('answers "nghỉ hưu sớm" with the early-retirement rule and what the years mean, not only the 15-year rule', () => {
    const a = ask('Tôi là nữ, 51 tuổi, đã đóng bảo hiểm 23 năm, tôi muốn nghỉ hưu sớm có được không?');
    expect(a.entryId).toBe('pension_conditions.early_retirement');
    expect(a.answer).toMatch(/suy giảm khả năng lao động từ 61%/);
    expect(a.answer).toMatch(/đã đóng 23 năm/);
  });

  it('answers someone who cannot afford to go on paying with pausing (the years are kept), not with what a year costs', () => {
    const a = ask('Tôi đóng được 3 năm giờ không có tiền đóng nữa thì sao?');
    expect(a.entryId).toBe('payment_mode.pause_resume');
    expect(a.answer).toMatch(/đã đóng 3 năm/);
    expect(ids('Nhà khó khăn quá không đóng nổi nữa, số tiền đã đóng có mất không?')).toEqual(['payment_mode.pause_resume']);
    // Help with the premium is another ask.
    expect(ids('Hộ nghèo không có tiền đóng thì có được hỗ trợ không?')).toEqual(['subsidy.poor_household']);
  });

  it('answers "rút được bao nhiêu" with the lump sum\'s amount, named "một lần" or not, and "đóng bao nhiêu năm" with no premium', () => {
    expect(ids('Đóng 1 năm thì rút được bao nhiêu?')).toEqual(['lump_sum.amount']);
    expect(ids('Tôi đóng 8 năm mức 2 triệu, giờ rút thì được khoảng bao nhiêu?')).toEqual(['lump_sum.amount']);
    expect(ids('Đóng bao nhiêu năm thì được rút?')).not.toContain('contribution_amount.how_much_month');
  });

  it('tells an old man who never paid how he still reaches 15 years (10 years by a normal mode, then 5 at once)', () => {
    const a = ask('Bố tôi 63 tuổi chưa đóng năm nào, giờ đóng có được lương hưu không?');
    expect(a.answer).toMatch(/đủ 10 năm/);
    expect(a.answer).toMatch(/đóng một lần 5 năm còn thiếu/);
  });

  it('answers the social pension for an old person without a pension, but not when the ask is joining', () => {
    const a = ask('Ông tôi 80 tuổi, không có lương hưu, có được nhà nước trợ cấp hằng tháng không, bao nhiêu tiền?');
    expect(a.entryId).toBe('other.social_pension');
    expect(a.answer).toMatch(/500\.000/);
    expect(ids('Người đang hưởng trợ cấp xã hội hằng tháng có được tham gia BHXH tự nguyện không?')).not.toContain('other.social_pension');
  });

  it('answers the employer closing the book when it was not done, and joining first when that is asked too', () => {
    expect(ids('Công ty cũ nợ tiền bảo hiểm nên không chốt sổ cho tôi, giờ tôi phải làm sao?')).toEqual(['other.book_closing']);
    expect(ids('Công ty chưa chốt sổ cho tôi, tôi muốn đóng BHXH tự nguyện tiếp thì làm thế nào?')).toEqual([
      'transfer_between_schemes.quit_job',
      'other.book_closing',
    ]);
    // A book already taken home is a fact of the story, not the ask.
    expect(ids('Tôi nghỉ việc đã lấy sổ về, giờ muốn đóng tự nguyện tiếp được không?')).not.toContain('other.book_closing');
  });

  it('answers a lost book with its reissue', () => {
    expect(ask('Tôi lỡ làm mất cuốn sổ bảo hiểm xã hội, giờ phải làm sao?').entryId).toBe('other.lost_book');
  });

  it('tells someone drawing a pension that an illness opens no lump sum, instead of "yes"', () => {
    const a = ask('Tôi đang hưởng lương hưu, nay bị ung thư, có rút BHXH một lần được không?');
    expect(a.answer).toMatch(/^Người đang hưởng lương hưu không thuộc diện nhận BHXH một lần/);
    expect(a.answer).not.toMatch(/^Được/);
  });

  it('names the five illnesses and says the one named is not among them, without asking it back', () => {
    const a = ask('Tôi bị bệnh tim, sức khỏe yếu, đã đóng 18 năm, rút BHXH một lần được không?');
    expect(a.entryId).toBe('lump_sum.when_allowed');
    expect(a.answer).toMatch(/^Luật chỉ cho nhận BHXH một lần ngay khi đang mắc một trong 5 bệnh: ung thư, bại liệt, xơ gan mất bù, lao nặng, AIDS/);
    expect(a.answer).toMatch(/Bệnh anh\/chị nêu không thuộc 5 bệnh này, nên chỉ được nhận ngay nếu giám định từ 81%/);
    expect(a.answer).not.toMatch(/cho biết tên bệnh|^Được/);
    expect(a.answer).toMatch(/đã đóng 18 năm, đủ số năm để hưởng lương hưu/);
    // Paid before 1/7/2025 with under 20 years: the transitional 12-month route is open too.
    expect(a.answer).toMatch(/theo quy định chuyển tiếp được nhận BHXH một lần khi đã qua 12 tháng không đóng/);
    // No illness named: which ones count, and a question back.
    expect(ask('Sức khỏe tôi yếu lắm, đã đóng 18 năm, rút BHXH một lần được không?').answer).toMatch(/cho biết tên bệnh/);
  });

  it('answers the health card of a war invalid\'s relatives with the 61 % rule', () => {
    const a = ask('Chồng tôi là thương binh suy giảm 41%, tôi có được cấp thẻ BHYT miễn phí không?');
    expect(a.entryId).toBe('health_insurance.merit_relatives');
    expect(a.answer).toMatch(/61%/);
  });

  it('reads the years from "tính đến thời điểm nghỉ hưu là 28 năm" and gives a man his rate', () => {
    const q = 'Tôi là nam, đóng bảo hiểm mức bình quân 5 triệu, tính đến thời điểm nghỉ hưu là 28 năm. Lương hưu của tôi được tính thế nào?';
    expect(readSituation(q).yearsPaid).toBe(28);
    expect(ask(q).answer).toMatch(/61%/);
  });
});

describe('the same ask in other words', () => {
  it('reads "bảo hiểm tự nguyện" as the scheme: the pension formula, not the list of benefits', () => {
    expect(ids('Chế độ hưu đối với người tham gia bảo hiểm tự nguyện được tính thế nào?')).toContain('benefits_pension.how_calculated');
  });

  it('answers the family asking how "tuất 1 lần" is reckoned with that rule, however the benefit is verbed', () => {
    const q =
      'Ba em năm nay 56 tuổi, vừa xin nghỉ hưu, nhận BH thất nghiệp được 3 tháng thì bị bệnh và mất, chưa lãnh lương hưu, em được biết là thân nhân sẽ được nhận chế độ tuất 1 lần vì em trên 18t, lao động bình thường, mẹ em 52 tuổi còn trong tuổi lao động, vậy cho em hỏi cách tính mức trợ cấp mà thân nhân được nhận như thế nào?';
    expect(ids(q)[0]).toBe('survivor.member_dies_one_time');
  });

  it('tells someone on unemployment benefit who asks to go on paying that they may, with what their years mean', () => {
    const a = ask('Trong thời gian nhận bảo hiểm thất nghiệp, tôi muốn tiếp tục nộp bảo hiểm để không bị ngắt quãng có được không? Thời gian tham gia bảo hiểm của tôi mới 10 năm.');
    expect(a.entryId).toBe('transfer_between_schemes.quit_job');
    expect(a.answer).toMatch(/^Anh\/chị đã đóng 10 năm, còn thiếu 5 năm/);
  });
});

describe('joining while not drawing a pension', () => {
  it('tells someone waiting for the pension age, or entitled but not claiming, that they may pay more', () => {
    for (const q of [
      'Khi nghỉ chờ hưu có thể đóng thêm BHXH tự nguyện không?',
      'Người lao động đủ điều kiện hưởng lương hưu nhưng chưa đạt tỉ lệ hưởng tối đa 75% thì có thể tiếp tục tham gia BHXH tự nguyện cho đến khi đạt mức tối đa không?',
    ]) {
      const a = ask(q);
      expect(a.entryId, q).toBe('eligibility.who_can_join');
      expect(a.answer, q).toMatch(/^Được\. Anh\/chị chưa nhận lương hưu/);
    }
  });

  it('tells an old person who never paid and asks to join "để sau này được lương hưu" that there is no upper age, and how 15 years are reached', () => {
    const a = ask('Mẹ tôi năm nay 60 tuổi, chưa tham gia bảo hiểm xã hội (BHXH) bao giờ. Vậy mẹ tôi có thể tham gia BHXH tự nguyện để sau này được nhận lương hưu không?');
    expect(a.entryId).toBe('eligibility.no_upper_age');
    expect(a.answer).toMatch(/đủ 10 năm .*đóng một lần 5 năm/);
  });

  it('answers moving a pension to another province, and the pension per month, by their asks', () => {
    expect(ids('Điều kiện để được chuyển lương hưu từ tỉnh này sang tỉnh khác là gì?')[0]).toBe('other.move_pension');
    expect(ids('Nghỉ hưu năm 2022, đóng đủ 21 năm BHXH, lương hưu mỗi tháng được nhận bao nhiêu?')[0]).toBe('calculator.pension_estimate');
  });
});

describe('the ask behind a general word', () => {
  it('tells someone who just retired and works again that no insurance is due, and someone past the working age that there is no upper age', () => {
    expect(ids('Tôi mới nghỉ hưu và muốn đi làm để kiếm thêm thu nhập. Vậy người nghỉ hưu đi làm có phải đóng bảo hiểm xã hội không?')).toEqual(['eligibility.pensioner_working']);
    expect(ids('Hết tuổi lao động có được tham gia BHXH tự nguyện?')).toEqual(['eligibility.no_upper_age']);
  });

  it('reads "thay đổi hình thức đóng" as changing the payment mode', () => {
    expect(ids('Tôi đang đóng 3 tháng một lần, nay muốn thay đổi hình thức đóng dài hơn có được không?')).toEqual(['payment_mode.change_mode_income']);
  });

  it('adds no unrelated rule of the "other" topic for "cần những giấy tờ gì"', () => {
    expect(ids('Bà ngoại tôi 76 tuổi, không có lương hưu, muốn làm hồ sơ xin trợ cấp hưu trí xã hội thì cần những giấy tờ gì?')).toEqual(['other.social_pension']);
  });
});

describe('an age or a birth year told with the ask', () => {
  it('tells a 50-year-old (or someone born in 1976) asking to join "Được", and when 15 years can be reached, for either sex', () => {
    for (const q of ['Tôi 50 tuổi, đóng BHXH tự nguyện được không?', 'Tôi sinh năm 1976, đóng BHXH tự nguyện được không?']) {
      const a = ask(q);
      expect(a.entryId, q).toBe('eligibility.who_can_join');
      expect(a.answer, q).toMatch(/^Được: BHXH tự nguyện không giới hạn tuổi tối đa\. Anh\/chị 50 tuổi \(nếu là nữ\)/);
    }
  });

  it('answers an old father without a pension, told by his birth year, with the social pension, not his retirement month', () => {
    expect(ids('Bố tôi sinh năm 1953, cả đời làm ruộng không có lương hưu. Bao giờ ông được trợ cấp, thủ tục làm ở đâu?')[0]).toBe('other.social_pension');
  });
});

describe('no question back when the message already says it', () => {
  it('tells 20 years of compulsory insurance that paying more is not required, instead of asking about the company', () => {
    const a = ask('da dong bhxh bat buoc 20 nam thi co can dong them tu nguyen ko');
    expect(a.kind).toBe('entry');
    expect(a.answer).toMatch(/không bắt buộc đóng thêm \(đóng thêm thì tỷ lệ hưởng cao hơn\)/);
  });

  it('tells someone on a monthly allowance for lost working capacity the exclusion, instead of asking whether they draw one', () => {
    const a = ask('Tôi đang hưởng trợ cấp mất sức lao động hằng tháng, vậy có được tham gia BHXH tự nguyện để sau này có lương hưu không?');
    expect(a.kind).toBe('entry');
    expect(a.entryId).toBe('eligibility.pensioner');
  });

  it('does not promise a higher rate past 75 %', () => {
    expect(ask('Tôi là nữ, đã đóng 32 năm, có cần đóng thêm không?').answer).not.toMatch(/tỷ lệ hưởng cao hơn/);
  });
});

describe('a birth with fewer than 6 months paid', () => {
  it('says this birth gets no allowance yet, instead of "only one of the spouses"', () => {
    const a = ask('Vợ tôi sinh con nhưng cả hai vợ chồng chưa ai đóng đủ 6 tháng BHXH tự nguyện, vậy có được hưởng gì không?');
    expect(a.entryId).toBe('maternity.conditions');
    expect(a.answer).toMatch(/^Chưa đóng đủ 6 tháng/);
  });
});

describe('rules that follow from the situation', () => {
  it.each([
    ['the conditions when "có được rút một lần không" matched the amount', 'Đóng bảo hiểm tự nguyện từ tháng 8/2025 thì có được nhận tiền một lần không?', 'lump_sum.joined_after_2025'],
    ['the transitional route for 2 years paid (begun before 1/7/2025)', 'Đóng bảo hiểm được 2 năm thì có được nhận tiền một lần không?', 'lump_sum.transitional_12_months'],
    ['moving the pension for a pensioner who moves', 'Tôi đang hưởng lương hưu ở Nghệ An, sắp chuyển vào Bình Dương ở với con thì lương hưu nhận thế nào?', 'other.move_pension'],
    ['checking the receipt for a payment not shown on VssID', 'Tôi nộp tiền BHXH tự nguyện ở bưu điện rồi nhưng trên VssID không thấy ghi nhận, phải làm sao?', 'where_to_pay.receipt_check'],
    ['the 10-year limit for used-up subsidy years', 'Tôi đã được nhà nước hỗ trợ đóng BHXH tự nguyện 10 năm rồi, giờ có còn được hỗ trợ nữa không?', 'subsidy.duration_10_years'],
    ['the one-time survivor allowance for a member under 15 years', 'Anh trai tôi mất, đã đóng BHXH 7 năm, chưa có vợ con, bố mẹ tôi có được nhận tiền tuất không?', 'survivor.member_dies_one_time'],
    ['no buying back a period paid out as a lump sum', 'Tôi đã rút một lần năm 2023, giờ có thể hoàn trả lại tiền để khôi phục thời gian đóng không?', 'transfer_between_schemes.withdrawn_not_counted'],
    ['working abroad under a contract with its compulsory insurance', 'Tôi đang đóng BHXH tự nguyện, nay đi xuất khẩu lao động ở Nhật thì thời gian đó xử lý thế nào?', 'transfer_between_schemes.work_abroad'],
    ['going on after leaving a job with the same number', 'Tôi đi làm và được công ty đóng BHXH được 7 tháng. Tháng này, tôi nghỉ việc và muốn tự đóng tiếp BHXH tự nguyện có được không?', 'transfer_between_schemes.quit_job'],
    ['"Nhà nước cho bao nhiêu tiền" with every group\'s subsidy', 'dong bhxh tu nguyen moi thang duoc nha nuoc cho bao nhieu tien', 'subsidy.rates_by_group'],
  ])('answers %s', (_what, q, id) => {
    expect(ask(q).entryId).toBe(id);
  });

  it('reads "15 năm rồi" after a comma as years paid, and never offers a repealed rule as a second part', () => {
    expect(readSituation('Tôi tham gia từ 2010 đến nay, 15 năm rồi, tôi 48 tuổi').yearsPaid).toBe(15);
    expect(ask('Ông nội tôi đang hưởng lương hưu thì mất, bà nội tôi 80 tuổi, được hưởng tuất hằng tháng bao nhiêu tiền?').parts.map((p) => p.entry.id)).not.toContain(
      'survivor.old_rule_2020',
    );
  });
});

describe('work abroad, leaving a job, a pensioner\'s death, unpaid leave', () => {
  it('answers a pensioner\'s widow asking for "trợ cấp hằng tháng" with a survivor rule, not the payment modes', () => {
    expect(ask('Bố tôi đã mất sau khi nghỉ hưu. Khi bố tôi mất, mẹ tôi được hưởng một khoản tiền. Từ đó đến nay mẹ tôi không được hưởng trợ cấp hằng tháng. Mẹ tôi có được hưởng trợ cấp hằng tháng không?').topic).toBe(
      'survivor',
    );
  });

  it('answers unpaid leave asking to join and to pay back: joining first, then no backpay', () => {
    expect(ids('Tôi nghỉ không lương 4 tháng, công ty không đóng BHXH. Tôi muốn đóng BHXH, BHYT tự nguyện thì có được không? Có truy đóng từ tháng 9 được không?')).toEqual([
      'eligibility.unpaid_leave',
      'payment_mode.backpay_past',
    ]);
  });
});

describe('the rate for the years a person names, and the family of a pensioner', () => {
  const real = buildFaqIndex(loadKb());
  const on = (q: string) => answerQuestion(real, q, undefined, {}, DAY);
  it('gives the rate for each number of years named, for the sex told', () => {
    const a = on('Nữ 35 tuổi đóng đủ 30 năm thì hưởng bao nhiêu phần trăm? còn nếu chỉ đóng 20 năm?').answer;
    expect(a).toMatch(/Tỷ lệ lương hưu \(nữ\) trên bình quân thu nhập đã đóng, đóng 30 năm: 75%; đóng 20 năm: 55%\./);
  });

  it("answers a voluntary pensioner's death with the pensioner's one-time allowance, not the monthly one", () => {
    const a = on('Chồng tôi đang hưởng lương hưu từ BHXH tự nguyện được 1 tháng thì mất. Tôi là vợ, có được nhận tiền tuất không, được bao nhiêu?');
    expect(a.entryId).toBe('survivor.pensioner_dies');
    expect(a.answer).toMatch(/48 tháng lương hưu/);
  });

  it('refunds the months paid ahead when the member dies ("… bố mất.")', () => {
    const a = on('Bố tôi đóng 1 lần cho 5 năm về sau bhxh tự nguyện từ tháng 1/2025, nay tháng 11/2026 bố mất. Tiền đã đóng trước cho những năm sau có được trả lại không ạ?');
    expect(a.entryId).toBe('survivor.prepaid_refund');
  });

  it("gives a person's own plan when they also ask when ('đóng thêm bao nhiêu năm … đến bao giờ thì được lãnh')", () => {
    const a = on('toi nam, 58 tuoi, dong bhxh bat buoc 10 nam roi nghi, h muon dong tn cho du de co luong huu. Vay toi phai dong them bao nhieu nam, moi thang bao nhieu tien, den bao gio thi dc lanh');
    expect(a.answer).toMatch(/còn thiếu 5 năm/);
    expect(a.answer).toMatch(/lúc 62 tuổi/);
    expect(a.answer).toMatch(/264\.000/);
  });
});

describe('cues that decide before the years and the illness (session 14)', () => {
  it('tells a village head or street-group leader that the post is in compulsory insurance since 1/7/2025, the voluntary years kept', () => {
    for (const q of ['trưởng thôn có được đóng BHXH tự nguyện không?', 'Tôi làm tổ trưởng tổ dân phố, trước đó đóng tự nguyện 5 năm, có bị mất không?']) {
      const a = ask(q);
      expect(a.entryId, q).toBe('eligibility.village_officials');
      expect(a.answer, q).toMatch(/thuộc diện BHXH bắt buộc/);
      expect(a.answer, q).toMatch(/cộng dồn/);
    }
    // A head of a company department is no village post.
    expect(ids('Tôi là trưởng phòng công ty, có được đóng thêm tự nguyện không?')).not.toContain('eligibility.village_officials');
  });

  it('says a prison sentence stops neither the pension nor the years paid, but a prisoner asking to join is answered on joining', () => {
    expect(ask('anh tôi ở trong trại giam, có được lĩnh lương hưu hằng tháng nữa không?').entryId).toBe('benefits_pension.imprisonment');
    expect(ask('Tôi đang đóng BHXH tự nguyện, nếu bị đi tù thì có mất quyền lợi không?').entryId).toBe('benefits_pension.imprisonment');
    expect(ask('Người đang đi tù có được tham gia BHXH tự nguyện không?').entryId).not.toBe('benefits_pension.imprisonment');
    // ("quê Nghệ An. Từ 1/1990 …": a province and a date, no "án tù".)
    const letter =
      'Tôi sinh tháng 8/1965, quê Nghệ An. Từ 1/1990 đến 12/2001 tôi làm công nhân lâm trường, có đóng BHXH bắt buộc đủ 12 năm, chưa rút. Năm 2018 tôi đóng BHXH tự nguyện đến hết năm 2022 thì dừng (5 năm). Xin hỏi tôi có đủ điều kiện hưởng lương hưu không?';
    expect(ask(letter).entryId).not.toBe('benefits_pension.imprisonment');
    expect(ask(letter).answer).toMatch(/đã đóng 17 năm/);
  });

  it('reads what was paid, not what is planned: monthly now, a 12-month period wished for; the start and the birth months; mixed years against the 60/55 rule', () => {
    // (Paying monthly, moving to 12 months: no period running.)
    expect(ask('Em đóng BHXH tự nguyện hằng tháng từ tháng 1/2026, đã sinh bé vào tháng 9/2026. Giờ em muốn đổi sang đóng 12 tháng một lần thì có được không?').answer).not.toMatch(/Chưa đổi ngay được: kỳ 12 tháng/);
    // ("có nên đóng trước luôn 12 tháng" is no 12 months paid: from 4/2026 to a birth in 2/2027 is 10.)
    const prepay = ask('Em bắt đầu đóng BHXH tự nguyện hằng tháng từ tháng 4/2026 ở mức thấp nhất. Em dự sinh vào tháng 2/2027. Em có được trợ cấp thai sản không? Em có nên đóng trước luôn 12 tháng trong tháng 12 này không?').answer;
    expect(prepay).toMatch(/từ tháng 4\/2026 đến trước tháng sinh là 10 tháng/);
    expect(prepay).not.toMatch(/đã đóng 12 tháng/);
    // (12 compulsory and 8 voluntary years: the 60/55 rule counts the voluntary ones only.)
    expect(ask('Tôi sinh tháng 3/1966, có 12 năm BHXH bắt buộc và 8 năm tự nguyện (1/2018–12/2025), tổng đúng 20 năm. Nghe nói đủ 20 năm thì nam 60 tuổi được về hưu, vậy tôi có được hưởng lương hưu ngay không?').answer).toMatch(/^Không: quy định nghỉ hưu ở 60 tuổi chỉ dành cho người bắt đầu đóng BHXH tự nguyện trước 1\/1\/2021 và có đủ 20 năm đóng tự nguyện; 12 năm bắt buộc không được tính vào 20 năm đó, anh\/chị có 8 năm tự nguyện/);
    // (An average told as adjusted already: no caveat about adjustment.)
    expect(ask('Tôi là nữ, đến lúc về hưu sẽ đóng đủ 20 năm BHXH tự nguyện, thu nhập bình quân sau khi điều chỉnh khoảng 5 triệu. Lương hưu của tôi mỗi tháng khoảng bao nhiêu?').answer).toMatch(/nữ 55%, khoảng 2\.750\.000 đồng\/tháng\.(?! \(chưa tính trượt giá)/);
  });

  it('answers "phải đóng thêm bao nhiêu năm" with the person\'s own years missing, beside the years kept after working abroad', () => {
    expect(ask('Tôi sinh tháng 2/1980. Trước khi đi làm ở Hàn Quốc, tôi đã đóng BHXH bắt buộc ở công ty trong nước 5 năm (2010–2014) và chưa rút. Nay về quê làm ruộng, tôi muốn đóng tự nguyện: 5 năm cũ có được tính không và phải đóng thêm bao nhiêu năm mới có lương hưu?').answer).toMatch(/Anh\/chị đã đóng 5 năm, còn thiếu 10 năm để đủ 15 năm/);
  });

  it('tells someone of either sex past both retirement ages, born in a month told, that they claim now', () => {
    expect(ask('Tôi sinh tháng 11/1964. Tôi có 12 năm BHXH bắt buộc (1995–2006) và 5 năm tự nguyện (2020–2024), chưa rút đồng nào. Tôi đã đủ điều kiện hưởng lương hưu chưa?').answer).toMatch(/đã đủ tuổi nghỉ hưu \(sinh tháng 11\/1964: nam 61 tuổi 6 tháng từ tháng 5\/2026, nữ 55 tuổi từ tháng 11\/2019\), nên đủ điều kiện hưởng lương hưu ngay/);
  });

  it('gives the rate at 15 years to someone past the age who must pay on before paying the last 5 years at once', () => {
    expect(ask('Mẹ tôi sinh tháng 4/1966, đã đóng BHXH tự nguyện 6 năm từ 2016 đến hết 2021 rồi dừng. Bao giờ mẹ tôi mới có lương hưu và được bao nhiêu phần trăm?').answer).toMatch(/đóng một lần phần còn lại để hưởng lương hưu, tỷ lệ 45% bình quân thu nhập đã đóng \(15 năm\)/);
  });

  it('tells someone who left the job, on unemployment benefit, that they may register', () => {
    expect(ask('e moi nghi viec, dang huong tro cap that nghiep, dang ki bhxh tn dc k').answer).toMatch(/^Được\. Sau khi nghỉ việc/);
  });

  it("tells a near-poor payer leaving Hà Nội that the city's top-up stays behind, and what the floor costs elsewhere", () => {
    expect(ask('Tôi thuộc hộ cận nghèo, đang đóng BHXH tự nguyện ở Hà Nội. Tháng tới tôi chuyển về quê ở Bắc Giang cũ (giờ là Bắc Ninh) sống hẳn. Về quê thì đóng ở đâu, mức đóng thấp nhất có thay đổi không?').answer).toMatch(/^1\) Có thay đổi: phần hỗ trợ thêm 60% của Hà Nội chỉ dành cho người cư trú và đóng ở Hà Nội; [^\n]*hộ cận nghèo được Nhà nước hỗ trợ 132\.000 đồng\/tháng, nộp 198\.000 đồng\/tháng/);
  });

  it('prices the lowest level and the level named when both are asked', () => {
    expect(ask('Em là người Mường ở Ninh Bình, nhà không thuộc hộ nghèo hay cận nghèo. Em muốn đóng BHXH tự nguyện mức thấp nhất thì mỗi tháng bao nhiêu? Nếu chọn mức thu nhập 3 triệu thì bao nhiêu?').answer).toMatch(/Ở mức thu nhập thấp nhất \(1\.500\.000 đồng\/tháng\), người dân tộc thiểu số được Nhà nước hỗ trợ 99\.000 đồng\/tháng, nộp 231\.000 đồng\/tháng\. Ở Ninh Bình [^\n]*nên nộp 165\.000 đồng\/tháng;[^\n]* Với thu nhập 3\.000\.000 đồng\/tháng/);
  });

  it("reckons the city's top-up into a household's subsidy answer, and a father's own months paid for a birth when the mother pays nothing", () => {
    expect(ask('Hộ nghèo ở Hà Nội đóng bhxh tự nguyện có phải bỏ đồng nào ko vậy').answer).toMatch(/^Ở mức thu nhập thấp nhất [^\n]*hộ nghèo được Nhà nước hỗ trợ 50% \(165\.000 đồng\/tháng\)[^\n]*Ở Hà Nội được hỗ trợ thêm 50% \(165\.000 đồng\/tháng\) theo nghị quyết của HĐND, nên nộp 0 đồng\/tháng \(được hỗ trợ toàn bộ\)/);
    expect(ask('Tôi đóng BHXH tự nguyện liên tục 1 năm nay. Vợ tôi ở nhà không đóng bảo hiểm gì, tháng 10/2026 vừa sinh đôi hai bé trai. Tôi là chồng thì có được nhận trợ cấp thai sản không?').answer).not.toMatch(/0 tháng đóng/);
  });

  it('says no to paying on after the pension begins, and gives the 5-year cap to "đóng trước tối đa bao nhiêu năm" in a letter', () => {
    expect(ask('Vợ chồng tôi đóng tự nguyện hơn 20 năm. Sau khi hưởng lương hưu, chúng tôi có được tiếp tục đóng tự nguyện để tăng lương hưu không?').answer).toMatch(/Không: khi đã hưởng lương hưu thì không tham gia BHXH tự nguyện nữa/);
    const ahead = ask('Tôi là ngư dân 40 tuổi, nhà thuộc hộ cận nghèo. Năm nay trúng mùa cá, tôi muốn đóng một lần thật nhiều năm BHXH tự nguyện với mức thu nhập 4 triệu đồng. Xin hỏi tôi được đóng trước tối đa bao nhiêu năm, số tiền có được giảm so với đóng hằng tháng không? Nghe nói từ 2027 chuẩn nghèo tăng, nếu tôi đã đóng trước rồi thì có phải nộp thêm không?').answer;
    expect(ahead).toMatch(/mỗi lần tối đa 5 năm/);
    expect(ahead).not.toMatch(/Trường hợp duy nhất được nộp gộp/);
  });

  it("answers a pensioner husband's wish to pay more with a no, beside his wife's own plan", () => {
    const a = ask('Tôi ở Lạng Sơn, sinh tháng 10/1972, đã đóng BHXH tự nguyện đủ 10 năm (2017–2026). Chồng tôi là công chức đã nghỉ hưu, đang lãnh lương hưu. Tôi định đóng tiếp liên tục ở mức 3 triệu cho tới khi đủ tuổi. Chồng tôi muốn đóng thêm tự nguyện để tăng lương hưu có được không? Tôi bao giờ đủ tuổi nghỉ hưu?').answer;
    expect(a).toMatch(/Nữ sinh tháng 10\/1972 đủ tuổi nghỉ hưu \(58 tuổi 8 tháng\) vào tháng 6\/2031/);
    expect(a).toMatch(/Không: khi đã hưởng lương hưu thì không tham gia BHXH tự nguyện nữa/);
  });

  it('sums for all of them only where everyone pays the same, and reads one child named twice as one person', () => {
    const differ = ask('Hai anh em tôi là người Mông ở Tuyên Quang. Anh trai tôi 30 tuổi, hộ của anh thuộc hộ nghèo. Tôi 25 tuổi, đã tách hộ, hộ tôi không nghèo cũng không cận nghèo. Cả hai muốn đóng BHXH tự nguyện mức thấp nhất theo tháng. Mỗi người đóng bao nhiêu?').answer;
    expect(differ).toMatch(/nộp 165\.000 đồng\/tháng/);
    expect(differ).toMatch(/nộp 231\.000 đồng\/tháng/);
    expect(differ).not.toMatch(/cả 2 người/);
    const same = ask('Chào tổng đài, vợ chồng tôi ở Côn Đảo. Tôi 48 tuổi đi biển, không có hợp đồng gì, vợ tôi 45 tuổi buôn bán nhỏ. Nhà không thuộc hộ nghèo. Cho tôi hỏi hai vợ chồng đóng mức thấp nhất thì mỗi người được hỗ trợ bao nhiêu, đóng 1 năm một lần thì cả hai hết bao nhiêu tiền?').answer;
    expect(same.match(/cả 2 người: 3\.960\.000 đồng mỗi 12 tháng/g)).toHaveLength(1);
    const child = ask('Tôi là mẹ đơn thân, sinh năm 1988, làm tóc tại nhà. Con trai tôi 16 tuổi, nghỉ học đi rửa xe thuê, không có hợp đồng. Hai mẹ con cùng một hộ, thuộc hộ cận nghèo. Con tôi 16 tuổi đã tham gia BHXH tự nguyện được chưa? Nếu cả hai đóng mức thấp nhất theo năm thì mỗi người nộp bao nhiêu?').answer;
    expect(child).not.toMatch(/Với con của anh\/chị/);
    expect(child).not.toMatch(/264\.000/);
  });

  it("tells a 12-month period registered from January and paid in December that it is past the deadline, and prices a mother elsewhere without the city's top-up", () => {
    expect(ask('e dk dong bhxh tn 12 thang 1 lan tu thang 1/2026, h thang 12 moi dong dc ko mn').answer).toMatch(/^Kỳ 12 tháng bắt đầu từ tháng 1\/2026 phải nộp trong 7 tháng đầu, tức đến hết tháng 7\/2026: đã quá hạn/);
    const mother = ask('Cháu làm văn phòng ở Hà Nội, muốn đóng BHXH tự nguyện cho mẹ ở Hưng Yên. Mẹ cháu sinh tháng 8/1972, làm ruộng, chưa đóng bao giờ, nhà không thuộc hộ nghèo hay cận nghèo. Mức thấp nhất mẹ cháu đóng mỗi tháng là bao nhiêu?').answer;
    expect(mother).toMatch(/nộp 264\.000 đồng\/tháng/);
    expect(mother).not.toMatch(/Ở Hà Nội được hỗ trợ thêm/);
  });

  it("gives a province's top-up to a son of the house, a special zone only to the sibling who lives there, and none after moving away", () => {
    expect(ask('Tôi tên Phạm Thị Hoa, sinh tháng 10/1969, ở phường Phủ Lý, tỉnh Ninh Bình (trước là Hà Nam). Tôi đóng BHXH tự nguyện từ tháng 1/2014 đến tháng 12/2025, được đúng 12 năm thì dừng. Nhà tôi là hộ cận nghèo. Con trai tôi 24 tuổi, chạy xe công nghệ, chưa tham gia BHXH. Xin hỏi tôi có được đóng một lần cho đủ năm để hưởng lương hưu không? Con trai tôi chọn mức thu nhập 3 triệu thì mỗi tháng đóng bao nhiêu?').answer).toMatch(/Với con trai của anh\/chị: [^\n]*Ở Ninh Bình được hỗ trợ thêm 20% \(66\.000 đồng\/tháng\)[^\n]*nên nộp 462\.000 đồng\/tháng/);
    const siblings = ask('Ba chị em tôi quê ở phường Thủ Dầu Một (Bình Dương cũ), nay thuộc TP.HCM; gia đình không thuộc hộ nghèo, cận nghèo, không phải dân tộc thiểu số. Chị cả 35 tuổi bán tạp hóa, đã đăng ký đóng BHXH tự nguyện 6 tháng một lần từ tháng 9/2026 với mức thu nhập 6 triệu đồng nhưng chưa nộp tiền. Anh thứ hai 30 tuổi làm công nhân có hợp đồng lao động ở khu công nghiệp, công ty đã đóng BHXH bắt buộc, nhưng anh muốn đóng thêm tự nguyện cho chắc. Em út 27 tuổi làm du lịch và thường trú ở đặc khu Côn Đảo, muốn đóng mức thấp nhất. Xin hỏi chị cả phải nộp bao nhiêu cho kỳ 6 tháng và hạn chót là khi nào? Anh thứ hai có được đóng thêm không? Em út mỗi tháng đóng bao nhiêu?').answer;
    expect(siblings).toMatch(/Với chị gái của anh\/chị: [^\n]*nộp 1\.254\.000 đồng\/tháng; 6 tháng một lần nộp 7\.524\.000 đồng/);
    expect(siblings).toMatch(/Với em của anh\/chị: [^\n]*đặc khu \(50%, như hộ nghèo\)[^\n]*nộp 165\.000 đồng\/tháng/);
    expect(ask('Tôi 33 tuổi, nhà cận nghèo, đang đóng BHXH tự nguyện mức thấp nhất ở xã Đông Anh, Hà Nội và chưa phải trả đồng nào. Tháng 11/2026 tôi chuyển hẳn về phường Bắc Giang, nay thuộc tỉnh Bắc Ninh. Về đó đóng mức thấp nhất thì mỗi tháng bao nhiêu?').answer).not.toMatch(/nên nộp 0 đồng/);
  });

  it("prices a wife at the floor beside her husband's chosen level, with no sum for both", () => {
    const a = ask('Vợ chồng tôi ở xã Ba Vì, Hà Nội, nhà thuộc hộ cận nghèo. Tôi 45 tuổi, muốn đóng BHXH tự nguyện theo mức thu nhập 4 triệu; vợ tôi 42 tuổi chỉ đóng mức thấp nhất. Vậy mỗi tháng vợ tôi phải nộp bao nhiêu, tôi phải nộp bao nhiêu?').answer;
    expect(a).toMatch(/Vợ anh\/chị đóng ở mức thu nhập thấp nhất [^\n]*nên nộp 0 đồng\/tháng \(được hỗ trợ toàn bộ\)/);
    expect(a).toMatch(/Với thu nhập 4\.000\.000 đồng\/tháng: [^\n]*nên nộp 550\.000 đồng\/tháng/);
    expect(a).not.toMatch(/cả 2 người/);
  });

  it('reads a stillbirth as no death, months paid since a month told for a birth, and a time clause as no second person', () => {
    expect(ask('Tôi là chồng, ở Kỳ Anh, Hà Tĩnh. Vợ tôi đóng BHXH tự nguyện liên tục được hơn 1 năm, tháng 10/2026 vợ tôi không may bị thai chết lưu khi thai được 24 tuần. Vợ tôi có được hưởng trợ cấp gì từ BHXH tự nguyện không?').answer).toMatch(/thai từ 22 tuần tuổi trở lên/);
    expect(ask('Vợ chồng tôi ở Đắk Lắk. Từ tháng 7/2026 cả hai cùng đóng BHXH tự nguyện hằng tháng ở mức thấp nhất. Vợ tôi dự sinh vào tháng 3/2027, cô ấy có được trợ cấp thai sản không?').answer).toMatch(/đã đóng từ tháng 7\/2026: đóng tiếp đều thì trong 12 tháng trước tháng sinh \(3\/2027\) có đủ 6 tháng đóng/);
    const card = ask('Tôi là nữ, sinh tháng 9/1970, đóng BHXH tự nguyện từ tháng 1/2012 đến hết tháng 12/2026 là đủ 15 năm. Chồng tôi sinh tháng 4/1966, đóng tổng cộng 19 năm. Xin hỏi: chồng tôi bao giờ đủ tuổi nghỉ hưu? Tôi bao giờ được nhận lương hưu? Khi nhận lương hưu, hai vợ chồng có được cấp thẻ BHYT không?').answer;
    expect(card).toMatch(/Người hưởng lương hưu \(kể cả từ BHXH tự nguyện\) được cấp thẻ BHYT/);
    expect(card).not.toMatch(/Thẻ BHYT chỉ dùng cho chính người có tên/);
  });

  it('prices the floor and the level named in Hà Nội for a near-poor household (nothing at the floor)', () => {
    expect(ask('Nhà tôi ở phường Khương Đình, Hà Nội, thuộc hộ cận nghèo. Tôi là nam, 40 tuổi, muốn tham gia BHXH tự nguyện. Nếu đóng mức thấp nhất thì mỗi tháng tôi phải nộp bao nhiêu, còn nếu chọn mức thu nhập 3 triệu thì sao?').answer).toMatch(/^1\) Ở mức thu nhập thấp nhất [^\n]*nên nộp 0 đồng\/tháng \(được hỗ trợ toàn bộ\)[^\n]* Với thu nhập 3\.000\.000 đồng\/tháng/);
  });

  it('gives the deadline of the period named as such, not of the first start told', () => {
    expect(ask('Chồng tôi đóng BHXH tự nguyện liên tục từ tháng 12/2019 với mức thu nhập 3 triệu đồng, theo kỳ 12 tháng, kỳ mới bắt đầu từ tháng 12/2026. Kỳ 12 tháng này hạn chót khi nào?').answer).toMatch(/Kỳ 12 tháng bắt đầu từ tháng 12\/2026: hạn nộp chậm nhất là hết tháng 6\/2027/);
  });

  it('speaks of the son a message is about, not of the asker', () => {
    expect(ask('con trai toi suy giam 85% kha nang lao dong, dong bhxh tn 5 nam, rut 1 lan dc k').answer).toMatch(/^Cháu đã đóng 5 năm và bị suy giảm khả năng lao động từ 81%/);
  });

  it("prices each sibling's own level, the near-poor household's support for the sister alone", () => {
    const a = ask(
      'Ba anh em tôi muốn cùng tham gia BHXH tự nguyện. Anh cả 50 tuổi chạy xe ôm, muốn chọn mức thu nhập 3 triệu. Chị hai 42 tuổi đã ra ở riêng, nhà chị thuộc hộ cận nghèo, chọn mức thấp nhất. Em út 19 tuổi đang học đại học, bố mẹ muốn đóng cho em theo mức thu nhập 5 triệu. Xin tính giúp mỗi người mỗi tháng phải đóng bao nhiêu?',
    ).answer;
    expect(a).toMatch(/Với anh trai của anh\/chị: Với thu nhập 3\.000\.000 đồng\/tháng: [^\n]*nộp 594\.000 đồng\/tháng/);
    expect(a).toMatch(/Với chị gái của anh\/chị: [^\n]*hộ cận nghèo [^\n]*nộp 198\.000 đồng\/tháng/);
    expect(a).toMatch(/Với em của anh\/chị: Với thu nhập 5\.000\.000 đồng\/tháng: [^\n]*nộp 1\.034\.000 đồng\/tháng/);
  });

  it('tells someone on a disability allowance that the social pension is not added to it (the higher one), not the lump sum', () => {
    const a = ask('Bà nội tôi 80 tuổi đang nhận trợ cấp người khuyết tật đặc biệt nặng, giờ làm thêm trợ cấp hưu trí xã hội được không?');
    expect(a.entryId).toBe('other.social_pension');
    expect(a.answer).toMatch(/^Người đang nhận trợ cấp xã hội hằng tháng .* chỉ được hưởng một khoản, khoản có mức cao hơn/);
  });

  it('answers parents in two schemes at a birth, and an employer that owes the contributions', () => {
    expect(ask('vợ em đóng bhxh tự nguyện, em đóng bắt buộc ở công ty, vợ sinh mổ thì em được nghỉ mấy ngày').entryId).toBe('maternity.mixed_parents');
    expect(ask('Công ty nợ BHXH của tôi 8 tháng rồi tôi nghỉ việc, giờ tôi phải làm sao?').entryId).toBe('other.employer_not_paying');
    // A contract whose employer does not pay, asking to join voluntarily: the contract's rule, not a debt.
    expect(ids('Tôi đang làm việc theo hợp đồng lao động 3 tháng tại một cửa hàng, chủ không đóng bảo hiểm cho tôi. Vậy tôi có được tự đóng BHXH tự nguyện không?')).not.toContain('other.employer_not_paying');
  });

  it('tells someone taking a job that the voluntary years stay and are not withdrawn, and someone going abroad to work that it is no emigration', () => {
    const job = ask('tôi nam 40t, đóng tự nguyện được 2 năm rồi, tháng sau vào làm cty có đóng bhxh. vậy phần tự nguyện thì sao, có rút ra được không');
    expect(job.entryId).toBe('transfer_between_schemes.got_job');
    expect(job.answer).toMatch(/^Không cần và không nên rút/);
    const abroad = ask('Anh đóng BHXH bắt buộc 6 năm, nghỉ việc từ tháng 2/2026. Tháng 1 năm sau anh đi làm việc ở Nhật 3 năm theo hợp đồng. Anh có được rút BHXH một lần vì ra nước ngoài không?');
    expect(abroad.answer).toMatch(/không phải là ra nước ngoài định cư/);
    // Back from abroad, out of both schemes for years: the transitional rule, not this one.
    expect(ask('e 26t đi XKLĐ Nhật 3 năm, trước đóng bhxh tn từ 2021 đến 5/2025, có rút được không').entryId).toBe('lump_sum.transitional_12_months');
  });

  it('answers the State\'s share taken out of a lump sum, then what keeping the years means, not the subsidy rates', () => {
    expect(ids('em đóng tự nguyện từ 2018 đến hết 2024 được 7 năm rồi dừng. em rút thì có bị trừ tiền nhà nước hỗ trợ không, nhận được khoảng bao nhiêu? còn nếu để lại thì sau này đến tuổi có được gì không')).toEqual(
      expect.arrayContaining(['lump_sum.subsidy_deduction', 'lump_sum.what_is_lost']),
    );
    expect(ask('em đóng tự nguyện 7 năm rồi dừng. em rút thì có bị trừ tiền nhà nước hỗ trợ không?').entryId).toBe('lump_sum.subsidy_deduction');
  });

  it('says an income level outside the range cannot be chosen, when no amount is asked', () => {
    expect(ask('mình chọn mức thu nhập 1tr/tháng để đóng bhxh tự nguyện được không').answer).toMatch(/^Chưa được: thu nhập 1\.000\.000 đồng thấp hơn mức thấp nhất/);
    expect(ask('Anh trai mình muốn đóng tự nguyện theo mức thu nhập 60 triệu/tháng cho lương hưu cao. Có được không ạ?').answer).toMatch(/^Không được chọn mức đó: thu nhập 60\.000\.000 đồng cao hơn mức cao nhất được chọn \(50\.600\.000/);
  });

  it('tells a withdrawal asked soon after leaving work how long is left, from the month or the months told', () => {
    expect(ask('Em nghỉ việc ở công ty tháng 9 vừa rồi, giờ muốn rút BHXH một lần luôn được không?').answer).toMatch(/đủ 12 tháng vào tháng 9\/2027/);
    expect(ask('e 22t làm công nhân, nghỉ việc ở cty được 3 tháng rồi, đóng bhxh bắt buộc được 4 năm. giờ e muốn rút bhxh 1 lần được không').answer).toMatch(/mới nghỉ 3 tháng, nên chưa rút được: phải chờ thêm khoảng 9 tháng/);
    // The month a span ends is the month of stopping, not the years paid ("… đến tháng 9/2026 thì nghỉ, … đúng 7 năm").
    expect(ask('Em làm công nhân từ tháng 10/2019 đến tháng 9/2026 thì nghỉ, đóng BHXH bắt buộc được đúng 7 năm. Em muốn rút BHXH một lần thì khi nào được rút?').answer).toMatch(/nghỉ từ tháng 9\/2026: đủ 12 tháng vào tháng 9\/2027/);
  });

  it('tells a budget below the group\'s lowest payment that it is not enough, and a poor ethnic-minority person the higher subsidy', () => {
    expect(ask('cháu 19t, nhà thuộc hộ cận nghèo, muốn đóng bhxh tự nguyện nhưng mỗi tháng chỉ đủ được khoảng 150 nghìn. Mức thấp nhất cháu phải đóng là bao nhiêu, 150 nghìn có đủ không?').answer).toMatch(/150\.000 đồng\/tháng chưa đủ: .*hộ cận nghèo nộp 198\.000/);
    expect(ask('Nhà em thuộc hộ nghèo, em là người dân tộc Thái. Nếu đóng thấp nhất thì mỗi tháng em phải bỏ ra bao nhiêu?').answer).toMatch(/hộ nghèo \(vừa thuộc hộ này vừa là người dân tộc thiểu số thì hưởng mức cao hơn, 50%/);
  });
});

describe('a husband and wife in one message, each with their own years', () => {
  it('gives each one their own years missing and retirement, not a mix of the two', () => {
    const a = ask('Ông xã tui 52 tuổi, đã đóng bắt buộc 10 năm rồi nghỉ; tui 48 tuổi đóng tự nguyện được 3 năm. Hai vợ chồng mỗi người cần đóng thêm bao lâu nữa mới có lương hưu?');
    expect(a.answer).toMatch(/^Phần của chồng: Anh ấy đã đóng 10 năm, còn thiếu 5 năm/);
    expect(a.answer).toMatch(/Phần của anh\/chị: Anh\/chị đã đóng 3 năm, còn thiếu 12 năm/);
    const b = ask('Chồng tôi sinh năm 1966, đã đóng BHXH tự nguyện được 13 năm 8 tháng. Tôi sinh năm 1972, đóng được 6 năm. Chồng tôi năm nay đủ tuổi nghỉ hưu chưa? Còn tôi thì phải đóng thêm bao lâu nữa?');
    // (Each with their own ask: each answered on their own sentences, in the order asked.)
    expect(b.answer).toMatch(/^1\) Với chồng anh\/chị: .*Anh ấy đã đóng 13 năm 8 tháng, còn thiếu 1 năm 4 tháng/);
    expect(b.answer).toMatch(/\n2\) Còn anh\/chị: Anh\/chị đã đóng 6 năm, còn thiếu 9 năm/);
    // One person's ask, the spouse only in the story: no split.
    expect(ask('Chồng tôi đóng 10 năm rồi, tôi 48 tuổi đóng được 3 năm, tôi cần đóng thêm bao lâu?').answer).not.toMatch(/Phần của chồng/);
  });

  it('answers a lump sum at once for a traffic accident that cost 85 % of working capacity, whatever the two schemes', () => {
    const a = ask('Em trai tôi 35 tuổi, bị tai nạn giao thông, giám định suy giảm 85% khả năng lao động. Em ấy đóng bắt buộc 6 năm rồi nghỉ, đóng thêm tự nguyện 2 năm. Có được rút BHXH một lần ngay không, hay phải chờ? Nếu rút thì tính thế nào?');
    expect(a.entryId).toBe('lump_sum.serious_illness');
    expect(a.answer).toMatch(/được nhận BHXH một lần ngay/);
  });
});

describe('asks of round Z (session 14), answered by their own cue', () => {
  it('tells a worker whose contract is suspended that voluntary insurance is open to them since 1/7/2025', () => {
    const a = ask('công ty cho em tạm hoãn hợp đồng 6 tháng vì hết đơn hàng, không đóng bhxh cho em. em tự đóng bhxh tự nguyện trong 6 tháng này được không? sau này đi làm lại thì có cộng chung không?');
    expect(a.parts.map((p) => p.entry.id)).toEqual(['eligibility.unpaid_leave', 'transfer_between_schemes.combine_periods']);
  });

  it('answers a mother\'s own birth allowance before the father\'s rule', () => {
    expect(ask('đóng bhxh tự nguyện có được tiền sinh con không').entryId).toBe('maternity.conditions');
    expect(ids('Em 27 tuổi, đóng BHXH tự nguyện từ tháng 2/2026. Em dự sinh tháng 1/2027, có được tiền thai sản không? Chồng em cũng đóng tự nguyện thì có được cả hai suất không?')).toEqual(['maternity.conditions', 'maternity.father']);
    // The husband asking about his wife's birth keeps the father's rule.
    expect(ask('Tôi đóng BHXH tự nguyện, vợ tôi sinh con thì tôi có được 2 triệu không?').entryId).not.toBe('maternity.conditions');
  });

  it('tells where to register in the commune, and that one registers where one lives, not at the registered home', () => {
    expect(ask('Ở xã thì đóng BHXH tự nguyện ở chỗ nào?').entryId).toBe('where_to_pay.collection_agents');
    expect(ids('Tôi làm tự do ở TP.HCM nhưng hộ khẩu ở Nghệ An. Đăng ký BHXH tự nguyện ở TP.HCM được không hay phải về quê? Hạn chót nộp là khi nào?')).toEqual(['where_to_pay.moved_residence', 'payment_mode.deadlines']);
  });

  it('says when a registered period had to be paid, and that it has passed', () => {
    const a = ask('Tôi đăng ký đóng 12 tháng một lần từ tháng 3/2026 nhưng đến giờ vẫn chưa nộp tiền. Tôi có bị sao không?');
    expect(a.entryId).toBe('payment_mode.missed_payment');
    expect(a.answer).toMatch(/^Kỳ 12 tháng bắt đầu từ tháng 3\/2026 phải nộp trong 7 tháng đầu, tức đến hết tháng 9\/2026: đã quá hạn/);
  });

  it('estimates the pension for the years the person says they will pay, fewer years shown on VssID, and a household where no one has a card', () => {
    expect(ask('cô em nữ 45 tuổi, đóng mức thu nhập 4 triệu đều đặn 20 năm thì về già lương hưu khoảng bao nhiêu 1 tháng').answer).toMatch(/^Ước tính với 20 năm đóng, .*nữ 55%, khoảng 2\.200\.000 đồng\/tháng/);
    expect(ask('Sổ BHXH của tôi đóng tự nguyện 8 năm nhưng tra trên VssID thì chỉ thấy 6 năm. Tôi phải làm gì?').entryId).toBe('where_to_pay.receipt_check');
    expect(ask('Nhà tôi 4 người chưa ai có thẻ BHYT. Nếu mua BHYT hộ gia đình cho cả 4 người thì một năm hết bao nhiêu? Sau này về hưu thì tôi có phải tự mua nữa không?').answer).toMatch(/Nhà 4 người cùng mua theo hộ/);
  });

  it('gives 20 voluntary years begun before 2021 the early age alone, without the general one beside it', () => {
    const a = ask('Mẹ tôi sinh tháng 2/1971, đóng BHXH tự nguyện liên tục từ năm 2004 đến nay. Nghe nói ai đóng tự nguyện đủ 20 năm từ trước 2021 thì được nghỉ hưu sớm. Vậy mẹ tôi được nhận lương hưu từ khi nào?');
    expect(a.answer).toMatch(/quy định chuyển tiếp/);
    expect(a.answer).not.toMatch(/đủ tuổi nghỉ hưu \(57 tuổi 8 tháng\) vào tháng 10\/2028/);
  });
});
