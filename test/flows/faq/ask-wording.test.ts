import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../../src/text/vietnamese.ts';
import { answerQuestion } from '../../../flows/faq/answer.ts';
import { buildFaqIndex } from '../../../flows/faq/search-index.ts';
import { loadKb } from '../../../flows/faq/kb.ts';
import { DAY } from './support.ts';

const index = buildFaqIndex(loadKb());
/** The entries answering a question, the same with and without diacritics. */
const ids = (q: string): string[] => {
  const a = answerQuestion(index, q, undefined, {}, DAY).parts.map((p) => p.entry.id);
  expect(answerQuestion(index, stripDiacritics(q), undefined, {}, DAY).parts.map((p) => p.entry.id)).toEqual(a);
  return a;
};

describe('the answer does not depend on how the question is worded around its ask', () => {
  it('gives the same entries behind a law firm\'s salutation and announcement, and before a closing request', () => {
    const q = '35 tuổi tham gia BHXH tự nguyện được không?';
    const plain = ids(q);
    expect(plain).toEqual(['eligibility.min_age_15']);
    for (const wrapped of [
      `Chào luật sư, em có câu hỏi muốn nhờ tư vấn như sau: ${q}`,
      `Chào Luật sư, tôi muốn hỏi về vấn đề bảo hiểm xã hội tự nguyện như sau: ${q}`,
      `Xin chào Ban biên tập, ${q}`,
      `${q} Mong sớm nhận được phản hồi. Tôi xin cảm ơn!`,
      `${q} Rất mong nhận được sự tư vấn của luật sư.`,
    ]) {
      expect(ids(wrapped), wrapped).toEqual(plain);
    }
  });

  it('keeps an announcement that names the ask ("tôi muốn hỏi về việc rút một lần như sau:")', () => {
    expect(ids('Tôi muốn hỏi về việc rút BHXH một lần như sau: tôi đóng 8 năm, nghỉ 1 năm rồi thì làm sao?')[0]).toMatch(/^lump_sum\./);
  });

  it('reads "bảo hiểm xã hội" written out as BHXH, and chat spellings as the words', () => {
    const short = ids('Chế độ hưu đối với người tham gia BHXH tự nguyện được tính thế nào?');
    expect(short).toContain('benefits_pension.how_calculated');
    expect(ids('Chế độ hưu đối với người tham gia bảo hiểm xã hội tự nguyện được tính thế nào?')).toEqual(short);
    expect(ids('Người lao động sau nghỉ việc có thể đóng bảo hiểm xã hội tự nguyện theo phương thức nào?')).toContain('payment_mode.modes');
  });
});

describe('"mua BHXH tự nguyện" is joining it', () => {
  it('answers a worker without a contract, a household business and a 35-year-old who "mua" as if they had said "tham gia"', () => {
    expect(ids('Tôi đang làm ở một Công ty, không được ký hợp đồng lao động và cũng không được đóng BHXH. Vậy, tôi có thể tự mua BHXH tự nguyện được không?')).toEqual(['eligibility.no_contract']);
    expect(ids('Tôi mở quán ăn, có đăng ký hộ kinh doanh. Tôi mua BHXH tự nguyện được không?')).toEqual(['eligibility.household_business']);
    expect(answerQuestion(index, '35 tuổi mua BHXH tự nguyện được không?', undefined, {}, DAY).answer).toMatch(/từ đủ 15 tuổi/);
  });
});

describe('"chế độ hưu trí" is the pension, "lãnh" is taking it', () => {
  it('tells someone drawing "chế độ hưu trí" they cannot join, and asks nothing back', () => {
    expect(ids('Mẹ tôi đang hưởng chế độ hưu trí, giờ muốn đóng thêm bảo hiểm tự nguyện để tăng chế độ hưu trí có được không?')).toEqual(['eligibility.pensioner']);
  });

  it('answers "có lãnh được không" with when a lump sum is allowed, not its amount', () => {
    const a = answerQuestion(index, 'Tôi tính nghỉ việc, lãnh bảo hiểm xã hội một lần để làm vốn buôn bán thì có lãnh được không?', undefined, {}, DAY);
    expect(a.entryId).toBe('lump_sum.when_allowed');
  });
});

describe('a line about the person before the ask', () => {
  it('does not let a job named in the story outweigh a clear ask', () => {
    expect(ids('Tôi làm tự do, thu nhập không ổn định. Số năm đóng BHXH được hưởng lương hưu?')[0]).toBe('pension_conditions.years_15');
  });
});

describe('every ask of a question is answered', () => {
  it('answers "có được rút không và được bao nhiêu" with whether this person may (the transitional rule), then the amount', () => {
    const q = 'Tôi đóng BHXH tự nguyện 8 năm, nghỉ 1 năm rồi, có được rút một lần không và được bao nhiêu tiền?';
    expect(ids(q)).toEqual(['lump_sum.amount']);
    const a = answerQuestion(index, q, undefined, {}, DAY).answer;
    expect(a).toMatch(/^Anh\/chị đóng từ trước 1\/7\/2025 và chưa đủ 20 năm, nên theo quy định chuyển tiếp được nhận BHXH một lần khi đã qua 12 tháng không đóng BHXH bắt buộc lẫn tự nguyện \(anh\/chị đã nghỉ đủ 12 tháng, nên được nhận ngay\)/);
    expect(a).toMatch(/Mỗi năm đóng từ năm 2014 trở đi: 2 tháng thu nhập bình quân/);
    // Begun in 2016: the amount in months too.
    expect(answerQuestion(index, 'Tôi đóng BHXH tự nguyện từ 2016 được 8 năm, nghỉ 1 năm rồi, có được rút một lần không và được bao nhiêu tiền?', undefined, {}, DAY).answer).toMatch(/Với 8 năm đóng từ 2014, số tiền khoảng 16 tháng thu nhập bình quân/);
  });

  it('answers "bao nhiêu %" with the rate: of the pension for the years paid, of the income for the contribution', () => {
    expect(ids('Tôi là nữ, đóng BHXH tự nguyện 20 năm thì được hưởng bao nhiêu %?')).toContain('benefits_pension.rate_women');
    expect(ids('Đóng bảo hiểm tự nguyện thì đóng bao nhiêu % thu nhập?')).toEqual(['contribution_amount.rate_22']);
  });

  it('answers "có thể nộp hồ sơ nhận / rút một lần được chưa, được bao nhiêu" with whether it is allowed, then the amount', () => {
    for (const q of [
      'Tôi nghỉ việc từ năm 2022, có thể nộp hồ sơ nhận BHXH một lần được chưa và được bao nhiêu tiền?',
      'Tôi nghỉ việc từ năm 2022, có thể rút BHXH một lần được chưa, được bao nhiêu tiền?',
    ]) {
      expect(ids(q)).toEqual(['lump_sum.when_allowed', 'lump_sum.amount']);
    }
  });

  it('answers someone who lost the book and wants a lump sum with its papers first, then the book\'s reissue', () => {
    expect(ids('Tôi bị mất sổ BHXH, giờ muốn rút BHXH một lần thì làm thế nào?')).toEqual(['lump_sum.procedure', 'other.lost_book']);
    expect(ids('Tôi bị mất sổ bảo hiểm xã hội thì phải làm sao?')).toEqual(['other.lost_book']);
  });

  it('answers a health-insurance card renewed after it lapsed with when the new card is valid and the 5 continuous years', () => {
    expect(ids('Thẻ BHYT của bố tôi hết hạn 4 tháng rồi mới đóng tiếp, bao giờ thì dùng được?')).toEqual(['health_insurance.card_gap']);
  });

  it('answers paying both schemes at once "để lương hưu cao hơn" as paying both at once (the pension is the motive, not the ask)', () => {
    expect(ids('Tôi làm thợ may có đóng bảo hiểm bắt buộc, giờ muốn mua thêm BHXH tự nguyện song song cho lương hưu cao hơn có được không?')).toEqual([
      'transfer_between_schemes.both_at_once',
    ]);
    expect(ids('Em là công nhân có bảo hiểm bắt buộc, em đóng thêm tự nguyện cùng lúc để lương hưu nhiều hơn được không ạ?')).toEqual([
      'transfer_between_schemes.both_at_once',
    ]);
  });

  it('adds the papers when the first answer only mentions "hồ sơ" in passing', () => {
    expect(ids('Rút BHXH một lần cần thủ tục gì và bao lâu thì nhận được tiền?')).toEqual(['lump_sum.processing_time', 'lump_sum.procedure']);
  });

  it('answers "đóng ở đâu, mỗi tháng bao nhiêu" with the collection agents (no move told) and the amount', () => {
    expect(ids('Mẹ tôi 58 tuổi muốn đóng BHXH tự nguyện thì đóng ở đâu, mỗi tháng bao nhiêu?')).toEqual(['where_to_pay.collection_agents', 'contribution_amount.how_much_month']);
  });

  it('answers "nếu được, cần thủ tục gì" after a withdrawal ask with the papers (form 14-HSB)', () => {
    const a = answerQuestion(
      index,
      'Tôi tính nghỉ việc, rút bảo hiểm xã hội một lần để làm vốn buôn bán thì có rút được không? Nếu được, tôi cần làm những thủ tục gì?', undefined, {}, DAY);
    expect(a.parts.map((p) => p.entry.id)).toEqual(['lump_sum.when_allowed', 'lump_sum.procedure']);
    expect(a.answer).toMatch(/14-HSB/);
  });

  it('answers "đối tượng, phương thức đóng" with who may join and the payment modes', () => {
    expect(ids('Bảo hiểm xã hội tự nguyện năm 2022: Đối tượng, phương thức đóng ra sao?')).toEqual(['eligibility.who_can_join', 'payment_mode.modes']);
  });

  it('answers the subsidy for a disabled person with every group\'s rate and says disability is no group of its own', () => {
    const a = answerQuestion(index, 'Quy định về việc hỗ trợ người khuyết tật tham gia bảo hiểm xã hội tự nguyện là gì?', undefined, {}, DAY);
    expect(a.entryId).toBe('subsidy.rates_by_group');
    expect(a.answer).toMatch(/không có mức hỗ trợ riêng cho người khuyết tật/);
    expect(a.answer).toMatch(/cận nghèo: 40%/);
  });

  it('answers a widow about survivor benefits, not about going on paying after leaving a job', () => {
    const a = answerQuestion(
      index,
      'Chồng tôi đã đóng bảo hiểm bắt buộc 16 năm, sau đó xin nghỉ việc về làm kinh doanh tự do và tham gia bảo hiểm xã hội tự nguyện. Vừa qua chồng tôi đã mất, tôi có được hưởng trợ cấp tuất không?', undefined, {}, DAY);
    expect(a.topic).toBe('survivor');
  });
});

describe('the years paid, however they are told', () => {
  it('reads months ("180 tháng"), periods ("từ năm 1998 đến năm 2012", "từ tháng 3/2005 đến tháng 6/2019", "đến nay") and "(nữ)"', async () => {
    const { readSituation } = await import('../../../flows/faq/situation.ts');
    expect(readSituation('Tôi đã đóng BHXH được 180 tháng').yearsPaid).toBe(15);
    expect(readSituation('Tôi đóng BHXH từ năm 1998 đến năm 2012, nay 58 tuổi').yearsPaid).toBe(14);
    expect(readSituation('Tôi đóng BHXH từ tháng 3/2005 đến tháng 6/2019').yearsPaid).toBe(14.33);
    expect(readSituation('Tôi tham gia BHXH tự nguyện từ năm 2015 đến nay', 2026).yearsPaid).toBe(11);
    expect(readSituation('Tôi làm công ty từ 2003 đến 2017 có đóng bảo hiểm').startYear).toBe(2003);
    expect(readSituation('Tôi năm nay 60 tuổi (nữ)').sex).toBe('female');
    // A payment mode and a wait are not years paid.
    expect(readSituation('Tôi đóng 12 tháng một lần').yearsPaid).toBeUndefined();
    expect(readSituation('Sau 12 tháng không đóng thì rút được không?').yearsPaid).toBeUndefined();
  });
});

describe('what the situation decides', () => {
  it('tells someone on a monthly allowance for lost working capacity that they cannot join, like a pensioner', () => {
    expect(ids('Người đang hưởng trợ cấp mất sức lao động có được tham gia BHXH tự nguyện không?')).toEqual(['eligibility.pensioner']);
    // Unemployment benefit does not exclude joining.
    expect(ids('Tôi đang hưởng trợ cấp thất nghiệp có được đóng BHXH tự nguyện không?')).not.toContain('eligibility.pensioner');
  });

  it('answers a past withdrawal and a question about joining with rejoining (counted afresh), not with the withdrawal rules', () => {
    expect(ids('Tôi đã rút BHXH 1 lần năm 2018, nay 45 tuổi, tham gia tự nguyện thì đến tuổi nghỉ hưu có lương hưu không?')).toEqual([
      'eligibility.rejoin_after_withdrawal',
    ]);
    // "luật mới hạn chế rút một lần" is no past withdrawal.
    expect(ids('Tôi đã nghỉ đóng BHXH tự nguyện 2 năm, nay muốn rút ra nhưng nghe nói luật mới hạn chế rút một lần, có đúng không?')[0]).toMatch(/^lump_sum\./);
  });

  it('tells someone who stops paying what their years mean at the retirement age and what they can get', () => {
    const a = answerQuestion(index, 'Tôi đóng tự nguyện 10 năm rồi, giờ muốn dừng, sau này đến tuổi hưu có được nhận gì không?', undefined, {}, DAY);
    expect(a.parts.map((p) => p.entry.id)).toEqual(['pension_conditions.years_15', 'lump_sum.monthly_allowance_option']);
    expect(a.answer).toMatch(/còn thiếu 5 năm/);
  });
});

describe('the family of a member who died, with the years paid', () => {
  it('says whether the funeral allowance is due (60 months) and about how many months the one-time allowance makes', () => {
    const a = answerQuestion(index, 'Bố tôi đang đóng bảo hiểm tự nguyện thì mất, trước đó bố đã đóng được 7 năm. Gia đình tôi được nhận những khoản gì và bao nhiêu tiền?', undefined, {}, DAY);
    expect(a.entryId).toBe('survivor.member_dies_one_time');
    // 10 × the reference level of the day (2,530,000 since 1/7/2026).
    expect(a.answer).toMatch(/trợ cấp mai táng 25\.300\.000 đồng/);
    expect(a.answer).toMatch(/khoảng 14 tháng thu nhập bình quân/);
    const short = answerQuestion(index, 'Chồng tôi đóng bảo hiểm xã hội tự nguyện được 3 năm thì qua đời, gia đình được hưởng chế độ gì?', undefined, {}, DAY);
    expect(short.answer).toMatch(/không có trợ cấp mai táng/);
    // Under 60 months the one-time allowance is what was paid, not months of income (Law 41/2024 Art 110(2)(c)).
    expect(short.answer).toMatch(/trợ cấp tuất một lần bằng số tiền đã đóng/);
    expect(short.answer).not.toMatch(/tháng thu nhập bình quân nếu/);
  });

  it('answers "đóng ở đâu" next to the amount', () => {
    const a = answerQuestion(index, 'Tôi 40 tuổi, bán hàng online, tham gia BHXH tự nguyện mức thấp nhất thì mỗi tháng phải đóng bao nhiêu tiền và đóng ở đâu?', undefined, {}, DAY);
    expect(a.parts.map((p) => p.entry.id)).toEqual(['contribution_amount.how_much_month', 'where_to_pay.collection_agents']);
  });
});

describe('when this person reaches the retirement age', () => {
  it('gives the month from the birth month and year (Decree 135/2020 schedule), or the range over a birth year', () => {
    const a = answerQuestion(index, 'Tôi là nữ, sinh tháng 5/1969 thì khi nào được hưởng lương hưu?', undefined, {}, DAY);
    expect(a.entryId).toBe('pension_conditions.by_birth_year');
    expect(a.answer).toMatch(/Nữ sinh tháng 5\/1969 đủ tuổi nghỉ hưu \(57 tuổi\) vào tháng 5\/2026/);
    expect(answerQuestion(index, 'Tôi là nam sinh tháng 4/1966 thì bao giờ được nghỉ hưu?', undefined, {}, DAY).answer).toMatch(/\(62 tuổi\) vào tháng 4\/2028/);
    expect(answerQuestion(index, 'Tôi là nam sinh năm 1966 thì bao giờ được nghỉ hưu?', undefined, {}, DAY).answer).toMatch(/tháng 10\/2027 đến 12\/2028/);
    // With the years told, what they mean too.
    expect(answerQuestion(index, 'Tôi là nữ sinh năm 1972, đóng BHXH được 12 năm, năm nào tôi được nghỉ hưu?', undefined, {}, DAY).answer).toMatch(/còn thiếu 3 năm để đủ 15 năm/);
  });
});

describe('someone who never paid, sex not told', () => {
  it('is told when each sex reaches the retirement age and what paying from now gives', () => {
    const a = answerQuestion(index, 'Tôi năm nay 45 tuổi, chưa đóng bảo hiểm ngày nào, bây giờ tham gia tự nguyện thì bao nhiêu tuổi được nhận lương hưu?', undefined, {}, DAY);
    expect(a.answer).toMatch(/45 tuổi \(nếu là nữ\), đến tuổi nghỉ hưu khoảng năm 2041/);
    expect(a.answer).toMatch(/45 tuổi \(nếu là nam\), đến tuổi nghỉ hưu khoảng năm 2043/);
  });
});

describe('the amount of a lump sum', () => {
  it('is estimated for the years and income told, not answered with the premium for that income', () => {
    const a = answerQuestion(index, 'Tôi đóng BHXH tự nguyện được 6 năm, mức thu nhập 3 triệu, nay muốn rút một lần thì được bao nhiêu tiền?', undefined, {}, DAY);
    expect(a.entryId).toBe('lump_sum.amount');
    expect(a.answer).toMatch(/khoảng 12 tháng x 3\.000\.000 = 36\.000\.000 đồng nếu các năm đóng từ 2014 trở đi/);
    // The survivor allowance of a member who died is another rule.
    expect(answerQuestion(index, 'Bố tôi đóng BHXH tự nguyện 20 năm thì mất. Tôi được nhận trợ cấp tuất một lần khoảng bao nhiêu?', undefined, {}, DAY).topic).toBe('survivor');
  });
});

describe('a question is no fact', () => {
  it('reads "đã được hưởng lương hưu chưa?" as an ask, so the transitional rule and the rate are applied', () => {
    const a = answerQuestion(
      index,
      'Tôi đã đóng BHXH tự nguyện được 25 năm, năm nay tôi 60 tuổi, nam, tôi bắt đầu đóng từ năm 2000. Tôi đã được hưởng lương hưu chưa và mức hưởng là bao nhiêu %?', undefined, {}, DAY);
    expect(a.answer).toMatch(/Anh\/chị đã đóng tự nguyện 25 năm, bắt đầu trước 1\/1\/2021/);
    expect(a.answer).toMatch(/55%/);
  });
});

describe('the amount asked next to another ask', () => {
  it('answers "mức đóng thấp nhất là bao nhiêu" after going on from a job', () => {
    const a = answerQuestion(index, 'Tôi nghỉ việc công ty, đã đóng bắt buộc 5 năm. Giờ tôi muốn đóng tiếp tự nguyện thì mức đóng thấp nhất là bao nhiêu và có được cộng dồn không?', undefined, {}, DAY);
    // Going on from a job, and whether the years add up: either transfer answer says both.
    expect(a.parts.map((p) => p.entry.id)).toEqual([expect.stringMatching(/^transfer_between_schemes\.(quit_job|combine_periods)$/), 'contribution_amount.how_much_month']);
    expect(a.answer).toMatch(/được cộng dồn/);
    expect(a.answer).toMatch(/330\.000/);
  });
});

describe('changing the payment mode', () => {
  it('answers "chuyển sang đóng hằng tháng" with the change rule (after the period paid for), not the list of modes', () => {
    expect(ids('Tôi tham gia BHXH tự nguyện theo phương thức 12 tháng một lần, giữa chừng muốn chuyển sang đóng hằng tháng được không?')).toEqual([
      'payment_mode.change_mode_income',
    ]);
    expect(ids('Bảo hiểm xã hội tự nguyện năm 2022: Đối tượng, phương thức đóng ra sao?')).not.toContain('payment_mode.change_mode_income');
  });
});

describe('who may join, by the situation told', () => {
  it('answers an old person asking to join with no upper age, and an unpaid cooperative member with who may join', () => {
    expect(ids('Bà tôi năm nay 80 tuổi thì có được tham gia bảo hiểm xã hội tự nguyện không?')).toEqual(['eligibility.no_upper_age']);
    expect(ids('Tôi làm việc tại hợp tác xã không hưởng lương, có tham gia BHXH tự nguyện được không?')).toEqual(['eligibility.who_can_join']);
  });
});

describe('common ways of asking', () => {
  it('answers "BHXH tự nguyện là gì?" after a few words about the person, not only as the opening words', () => {
    expect(ids('Tôi là nông dân 45 tuổi. BHXH tự nguyện là gì?')).toEqual(['other.what_is_vsi']);
    // Asking about the scheme's conditions is not asking what the scheme is.
    expect(ids('Tôi là nông dân 45 tuổi. Điều kiện tham gia BHXH tự nguyện là gì?')).not.toContain('other.what_is_vsi');
  });

  it('answers a short follow-up ask within what the message is about, not with an unrelated entry', () => {
    const parts = ids('Bà tôi 76 tuổi chưa có lương hưu, có được trợ cấp hưu trí xã hội không? Hồ sơ gồm những gì?');
    expect(parts[0]).toBe('other.social_pension');
    expect(parts).not.toContain('lump_sum.procedure');
  });
});
