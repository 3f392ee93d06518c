import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../../src/text/vietnamese.ts';
import { formatAge, readSituation, retirementAgeMonths } from '../../../flows/faq/situation.ts';
import { pensionRate, yearsLead } from '../../../flows/faq/advice.ts';

describe('reading the situation from a question', () => {
  it.each([
    ['Tôi đã đóng BHXH 17 năm, nay nghỉ việc chưa hưởng lương hưu', { yearsPaid: 17, drawingPension: false, employment: 'left_job' }],
    ['53 tuổi, đóng 14 năm BHXH, bao lâu nữa để hưởng lương hưu?', { yearsPaid: 14, age: 53 }],
    ['Nữ đóng 20 năm được hưởng bao nhiêu %?', { yearsPaid: 20, sex: 'female' }],
    ['Tôi là nam, sinh năm 1970, làm thuê không có hợp đồng', { sex: 'male', age: 56, employment: 'no_contract' }],
    ['Gia đình tôi thuộc hộ cận nghèo', { household: 'near_poor' }],
    ['Nhà tôi đã thoát nghèo thì hỗ trợ thế nào', {}],
    ['Tôi bị ung thư, đã đóng 21 năm', { yearsPaid: 21, seriousIllness: true }],
    ['Tôi chuẩn bị xuất cảnh theo diện vợ chồng bảo lãnh để định cư', { settlingAbroad: true }],
    ['Mẹ tôi đã đóng trước 2 năm thì qua đời', { memberDied: true, prepaid: true }],
    ['Bố tôi đang hưởng lương hưu', { drawingPension: true }],
    // One relative's pension, the ask about another: not theirs.
    ['Bố tôi đang hưởng lương hưu, mẹ tôi 62 tuổi chưa đóng BHXH ngày nào. Mẹ tôi có tham gia tự nguyện được không?', { sex: 'female', age: 62 }],
    ['Bố tôi đang lĩnh lương hưu', { drawingPension: true }],
    // (Chat spellings: "mik" is "mình".)
    ['mik nu, sn 8/1969, dong bhxh tn du 16 nam', { sex: 'female', birthYear: 1969, birthMonth: 8, yearsPaid: 16 }],
    // (Back from working abroad: the job there is over.)
    ['Mình đi XKLĐ Nhật về, trước có 6 năm bhxh bắt buộc chưa rút', { employment: 'left_job', yearsPaid: 6 }],
    // (A period paid out is no period of the lump sum's: 6 years before 2014 and 8 from it, from 2008.)
    ['Tôi làm ở xí nghiệp từ 1996 đến 2003 (8 năm BHXH bắt buộc) nhưng năm 2005 đã rút BHXH một lần phần này. Sau đó tôi đóng bắt buộc 2008–2014 (7 năm) và tự nguyện 2018–2024 (7 năm).', { yearsPaid: 14, startYear: 2008, monthsBefore2014: 72 }],
    // (The asker's own birth told first: a husband named after makes her a woman, a son tells nothing of the asker's sex.)
    ['Tôi ở Lạng Sơn, sinh tháng 10/1972, đã đóng BHXH tự nguyện đủ 10 năm. Chồng tôi là công chức đã nghỉ hưu, đang lãnh lương hưu.', { sex: 'female', birthYear: 1972 }],
    ['Tôi làm kẹo dừa, sinh tháng 11/1969, đã đóng BHXH tự nguyện 12 năm. Con trai tôi 24 tuổi chạy xe ôm công nghệ.', { sex: undefined, birthYear: 1969 }],
    // (A gap told after a period, "rồi nghỉ đến nay đã gần 2 năm", is no years paid.)
    ['Tôi đóng BHXH tự nguyện từ tháng 1/2016 đến tháng 12/2024, tròn 9 năm, mức thu nhập 2 triệu, rồi nghỉ đến nay đã gần 2 năm.', { yearsPaid: 9 }],
    // (Voluntary years told across a comma after the move: 14 compulsory and 4 voluntary.)
    ['Tôi đã đóng BHXH bắt buộc 14 năm, từ năm 2023 chuyển sang đóng tự nguyện, đến hết năm 2026 được 4 năm.', { yearsPaid: 18, compulsoryYears: 14 }],
    // (Leaving the group in a year to come is supposed: near-poor now.)
    ['Nhà tôi thuộc hộ cận nghèo. Nếu tháng 12/2026 hai mẹ con đóng luôn 12 tháng, mà trong năm 2027 nhà tôi thoát cận nghèo, thì có bị thu thêm không?', { household: 'near_poor' }],
    // ("nghỉ đóng được hơn 1 năm rồi": a pause, not years paid.)
    ['Chị ơi em đóng bhxh tn từ 2019, nghỉ đóng được hơn 1 năm rồi, rút 1 lần đc k', { yearsPaid: undefined, startYear: 2019 }],
    // (A household's status since a year is no period paid.)
    ['Tôi sinh năm 1980, nhà tôi thuộc hộ nghèo từ năm 2015 đến nay. Tôi đóng BHXH tự nguyện từ năm 2017 đến hết 2023 được 7 năm.', { yearsPaid: 7, startYear: 2017, household: 'poor' }],
    // (A year's start told first: "Năm 2018 tôi đóng … đến hết năm 2022".)
    ['Năm 2018 tôi đóng BHXH tự nguyện đến hết năm 2022 thì dừng (5 năm).', { yearsPaid: 5, startYear: 2018 }],
    // (A period paid from a past month: paying since then.)
    ['Tháng 3/2026 em đã đóng BHXH tự nguyện 12 tháng một lần với mức thu nhập 3 triệu.', { paidFromMonth: 2026 * 12 + 2 }],
    // (A past period's own count, "thêm 6 năm", is years paid, not years to add.)
    ['Từ 2015 đến 2020 tôi đóng BHXH tự nguyện thêm 6 năm rồi dừng vì khó khăn.', { yearsPaid: 6 }],
    // (Retired since a past year, the pension's amount told now.)
    ['Bố tôi năm nay 68 tuổi, nghỉ hưu từ năm 2020, lương hưu hiện khoảng 4,5 triệu.', { age: 68, sex: 'male', drawingPension: true }],
    ['Có phải đóng thêm BHXH tự nguyện khi nghỉ chờ hưu?', { drawingPension: false }],
    ['Tôi đã đóng đủ tiền 3 tháng, tháng sau đi làm công ty', { prepaid: true }],
    ['Tôi năm ngoái đã rút BHXH 1 lần rồi, giờ đóng lại được không?', { withdrewBefore: true }],
    ['Người lao động nghỉ không lương muốn mua BHXH tự nguyện', { unpaidLeave: true }],
    ['Người lao động nghỉ ko lương muốn mua BHXH tự nguyện', { unpaidLeave: true }],
    ['Tôi đã tham gia BHXH bắt buộc đc 7 năm và hiện ko còn làm công ty nữa', { yearsPaid: 7, employment: 'left_job' }],
    ['Mẹ tôi bị tai nạn giao thông và mất vào ngày 01/10', { memberDied: true }],
    ['Tổng thời gian khoảng 33 năm và hiện còn đang đóng', { yearsPaid: 33 }],
    ['Tôi đóng bắt buộc 7 năm và hiện không còn làm công ty nữa', { yearsPaid: 7, employment: 'left_job' }],
    ['Người đang hưởng trợ cấp bảo hiểm xã hội hằng tháng có được tham gia không?', { drawingPension: true }],
    ['Trong thời gian hưởng bảo hiểm thất nghiệp, tôi muốn tiếp tục nộp bảo hiểm', { employment: 'left_job' }],
    ['Mẹ tôi đang hưởng chế độ hưu trí, giờ muốn đóng thêm bảo hiểm tự nguyện', { drawingPension: true }],
    ['Tôi làm trong công ty được đóng bảo hiểm xã hội 11 tháng. Sau đó tôi nghỉ làm và tham gia tự nguyện được 1 năm', { employment: 'left_job' }],
    ['hồi trước làm công ty có đóng bảo hiểm, giờ đóng tự nguyện thì có nối tiếp được không', { employment: 'left_job' }],
    ['Tôi làm việc ở công ty được 12 năm, công ty đóng BHXH đầy đủ. Nay công ty giải thể', { employment: 'left_job' }],
    ['Em là công nhân có bảo hiểm bắt buộc, em đóng thêm tự nguyện được không ạ?', { employment: 'contract' }],
    ['Tôi đang tham gia BHXH bắt buộc ở xưởng may', { employment: 'contract' }],
  ])('"%s"', (q, expected) => {
    expect(readSituation(q, 2026)).toMatchObject(expected);
    expect(readSituation(stripDiacritics(q), 2026)).toMatchObject(expected);
  });

  it('reads "Ba tôi" with its marks as the father when the mother draws the pension and the ask is his', () => {
    const s = readSituation('Mẹ tôi đang hưởng lương hưu, ba tôi 63 tuổi chưa đóng BHXH ngày nào. Ba tôi có tham gia tự nguyện được không?', 2026);
    expect(s).toMatchObject({ sex: 'male', age: 63 });
    expect(s.drawingPension).toBeUndefined();
  });

  it('reads no ethnic minority for a Kinh wife asked about by her Tày husband, and reads it for the asker himself', () => {
    const q = 'Vợ tôi người Kinh, tôi là người Tày, vợ tôi đóng BHXH tự nguyện thì được hỗ trợ bao nhiêu?';
    expect(readSituation(q, 2026).ethnicMinority).toBeUndefined();
    expect(readSituation(stripDiacritics(q), 2026).ethnicMinority).toBeUndefined();
    expect(readSituation('Vợ tôi người Kinh, tôi là người Tày, tôi đóng BHXH tự nguyện thì được hỗ trợ bao nhiêu?', 2026).ethnicMinority).toBe(true);
  });

  it('does not read a contract from compulsory insurance denied or past ("không có bảo hiểm bắt buộc", "đã có BHXH bắt buộc 5 năm")', () => {
    for (const q of ['Tôi không có bảo hiểm bắt buộc, làm tự do', 'Tôi đã có BHXH bắt buộc 5 năm rồi nghỉ', 'Tôi có bảo hiểm bắt buộc 7 năm ở công ty cũ']) {
      expect(readSituation(q).employment, q).not.toBe('contract');
    }
  });

  it('reads no years paid, no sex and no pension from a plan ("nếu đóng từ giờ đến năm 55 tuổi, chỉ được 15 năm", "để sau này có lương hưu")', () => {
    const q = 'Tôi năm nay 40 tuổi, muốn đóng BHXH tự nguyện để sau này có lương hưu. Nhưng nếu đóng từ giờ đến năm 55 tuổi, chỉ được 15 năm. Vậy tôi có được hưởng lương hưu?';
    expect(readSituation(q)).toEqual({ age: 40, neverPaid: true });
    expect(readSituation(stripDiacritics(q))).toEqual({ age: 40, neverPaid: true });
  });

  it('reads the age reached, not a pension drawn, and the years to pay at once, not years paid ("đã đủ tuổi hưởng lương hưu … đóng tự nguyện một lần 7 năm cho đủ 15 năm")', () => {
    const q = 'NLĐ đã đủ tuổi hưởng lương hưu trong năm 2025 và làm ở Công ty đã đóng BHXH bắt buộc được 8 năm, bây giờ muốn đóng BHXH tự nguyện một lần 7 năm cho đủ 15 năm để được hưởng lương hưu thì có được hay không?';
    for (const form of [q, stripDiacritics(q)]) {
      const s = readSituation(form);
      expect(s.yearsPaid).toBe(8);
      expect(s.drawingPension).toBeUndefined();
      expect(s.reachedAge).toBe(true);
    }
  });

  it.each([
    'Tôi năm nay 50 tuổi, buôn bán nhỏ, muốn đóng BHXH tự nguyện đủ 15 năm để có lương hưu.',
    'em chọn đóng mức 3 triệu thì 1 năm hết bao nhiêu',
    'nghỉ đóng 1 năm thì có được rút một lần không',
    'Tôi làm công chức xã nhưng đã nghỉ việc được 2 năm, đã nhận trợ cấp thôi việc.',
  ])('reads no years paid from a target, a year\'s cost or the time since stopping: "%s"', (q) => {
    expect(readSituation(q).yearsPaid).toBeUndefined();
    expect(readSituation(stripDiacritics(q)).yearsPaid).toBeUndefined();
  });

  it('reads no prepayment from the 6-month condition ("chưa ai đóng đủ 6 tháng", "đã đóng được 6 tháng")', () => {
    expect(readSituation('Vợ tôi sinh con nhưng cả hai vợ chồng chưa ai đóng đủ 6 tháng BHXH tự nguyện').prepaid).toBeUndefined();
    expect(readSituation('Tôi đã đóng được 6 tháng thì được nhận vào làm công ty').prepaid).toBeUndefined();
    expect(readSituation('Tôi đóng 12 tháng một lần, tháng 6 thì được nhận vào làm công ty').prepaid).toBe(true);
  });

  it('does not read a lost book as a death ("Chị … hỏi: Tôi bị mất sổ BHXH khi chuyển nhà")', () => {
    expect(readSituation('Chị Hà Thị Yến (Tuyên Quang) hỏi: Tôi bị mất sổ BHXH khi chuyển nhà.').memberDied).toBeUndefined();
    expect(readSituation('Mẹ tôi bị tai nạn giao thông và đã mất vào tháng trước.').memberDied).toBe(true);
    expect(readSituation('Mẹ tôi đã đóng trước 3 năm thì mất  Số tiền đóng trước có được trả lại không').memberDied).toBe(true);
    expect(readSituation('Ông Nông Văn Dũng (Hà Giang) hỏi: Tôi đang hưởng lương hưu, thẻ BHYT của tôi bị mất thì cấp lại ở đâu?').memberDied).toBeUndefined();
    expect(readSituation('Anh Châu Văn Lợi (Bạc Liêu) hỏi: Tôi có tháng quên không đóng. Tháng đó có bị mất không?').memberDied).toBeUndefined();
    expect(readSituation('Bà Hồ Thị Lan (Đà Nẵng) hỏi: Con trai tôi 30 tuổi đóng BHXH tự nguyện 3 năm thì mất vì tai nạn.').memberDied).toBe(true);
  });

  it('does not read a question about withdrawing as having withdrawn', () => {
    expect(readSituation('Tôi đã đóng 8 năm, có được rút BHXH một lần không?').withdrewBefore).toBeUndefined();
  });

  it('does not read "cho hỏi … về hưu rồi" as waiting for retirement', () => {
    expect(readSituation('ad oi cho hoi ve huu roi co dong tiep bh tu nguyen dc nua ko').drawingPension).not.toBe(false);
  });

  it('does not read "17 năm, nay" as "năm nay"', () => {
    expect(readSituation('Tôi đã đóng 17 năm, nay muốn đóng tiếp').yearsPaid).toBe(17);
  });
});

describe('the sex of the relative the question is about, however the asker calls themself', () => {
  it.each([
    ['Bố em 63t đóng 12 năm', 'male'],
    ['ông xã em 58 tuổi', 'male'],
    ['anh trai mình 50 tuổi', 'male'],
    ['vợ mình 50 tuổi đóng 11 năm', 'female'],
    ['mẹ e 57t đóng 10 năm', 'female'],
    ['mẹ chồng em 60 tuổi', 'female'],
    ['chị gái em 38t', 'female'],
  ])('%s → %s', (q, sex) => {
    expect(readSituation(q, 2026).sex).toBe(sex);
  });
});

describe('numbers glued to their unit, and years paid out before', () => {
  it('reads "12nam", "10nam" and "61t5thang" as written apart', () => {
    expect(readSituation('toi nam 61t5thang dong dc 12nam roi, dong bu 3 nam dc chua', 2026)).toMatchObject({ yearsPaid: 12, age: 61 });
    expect(readSituation('me e 57t roi ma moi dong dc 10nam, con thieu 5nam', 2026)).toMatchObject({ yearsPaid: 10, age: 57, sex: 'female' });
  });

  it('does not count the years of a lump sum taken, unless they are years paid since joining again', () => {
    const s = readSituation('mình rút 1 lần năm 2021 (đóng cty 6 năm), giờ 50t nữ, đóng tự nguyện tới tuổi hưu có đủ ko', 2026);
    expect(s).toMatchObject({ withdrewBefore: true, neverPaid: true, age: 50, sex: 'female' });
    expect(s.yearsPaid).toBeUndefined();
    expect(readSituation('Tôi đã rút BHXH một lần năm 2019, nay đóng lại được 3 năm', 2026)).toMatchObject({ withdrewBefore: true, yearsPaid: 3 });
  });
});

describe('the sex told after the age', () => {
  it('reads "58 tuổi nữ" and "52 tuoi nu" as a woman, "60 tuổi nam" as a man, but not "60 tuoi nam nay" (năm nay)', () => {
    expect(readSituation('Tôi 58 tuổi nữ đã đóng 12 năm tự nguyện', 2026).sex).toBe('female');
    expect(readSituation('toi 52 tuoi nu lam ruong', 2026).sex).toBe('female');
    expect(readSituation('Tôi 60 tuổi nam, đóng 14 năm', 2026).sex).toBe('male');
    expect(readSituation('toi 60 tuoi nam nay dong 14 nam', 2026).sex).toBeUndefined();
    expect(readSituation('Tôi 45 tuổi năm nay muốn đóng', 2026).sex).toBeUndefined();
  });

  it('tells a 58-year-old woman with 12 years that she is already at the age and may pay the 3 missing years at once', () => {
    expect(yearsLead(readSituation('Tôi 58 tuổi nữ đã đóng 12 năm tự nguyện', 2026))).toMatch(/đã đến tuổi nghỉ hưu và chỉ thiếu không quá 5 năm, nên được đóng một lần cho 3 năm/);
  });
});

describe('rules applied to the situation', () => {
  it('follows the retirement-age schedule (2026: men 61 y 6 m, women 57; men 62 from 2028)', () => {
    expect(formatAge(retirementAgeMonths('male', 2026))).toBe('61 tuổi 6 tháng');
    expect(formatAge(retirementAgeMonths('female', 2026))).toBe('57 tuổi');
    expect(formatAge(retirementAgeMonths('male', 2030))).toBe('62 tuổi');
    expect(formatAge(retirementAgeMonths('female', 2040))).toBe('60 tuổi');
  });

  it('gives the pension rate of Law 41/2024 (women 45 % at 15 years; men 40 % at 15, 45 % at 20; +2 % a year; 75 % cap)', () => {
    expect(pensionRate('female', 15)).toBe(45);
    expect(pensionRate('female', 20)).toBe(55);
    expect(pensionRate('male', 17)).toBe(42);
    expect(pensionRate('male', 20)).toBe(45);
    expect(pensionRate('male', 40)).toBe(75);
  });

  it('tells someone with 17 years that 15 years now suffices, and someone with 12 how many years are missing', () => {
    expect(yearsLead({ yearsPaid: 17, sex: 'male', year: 2026 })).toMatch(/đã đóng 17 năm: từ 1\/7\/2025 chỉ cần đủ 15 năm.*61 tuổi 6 tháng.*42%/);
    expect(yearsLead({ yearsPaid: 12 })).toMatch(/còn thiếu 3 năm.*đóng một lần/);
    expect(yearsLead({ yearsPaid: 17, drawingPension: true })).toBeUndefined();
  });
});

describe('years under each scheme and the dates that change the rule', () => {
  it('reads voluntary or compulsory years and the start year', () => {
    expect(readSituation('Tôi đóng BHXH tự nguyện từ năm 2005, đến nay được 21 năm')).toMatchObject({ yearsPaid: 21, yearsKind: 'voluntary', startYear: 2005 });
    expect(readSituation('Tôi làm công ty đóng bắt buộc 10 năm')).toMatchObject({ yearsPaid: 10, yearsKind: 'compulsory' });
  });

  it('tells someone with 20+ voluntary years begun before 2021 about retiring at 60/55', () => {
    expect(yearsLead({ yearsPaid: 21, yearsKind: 'voluntary', startYear: 2005 })).toMatch(/nam đủ 60 tuổi, nữ đủ 55 tuổi/);
    expect(yearsLead({ yearsPaid: 21, yearsKind: 'compulsory', startYear: 2005 })).not.toMatch(/nam đủ 60 tuổi/);
  });

  it('gives the rate for both sexes when the question does not say which, and the one-off allowance past the 75 % mark', () => {
    const both = yearsLead({ yearsPaid: 20 });
    expect(both).toMatch(/55% nếu là nữ/);
    expect(both).toMatch(/45% nếu là nam/);
    const long = yearsLead({ yearsPaid: 33 });
    expect(long).toMatch(/75% nếu là nữ \(3 năm vượt mốc: thêm trợ cấp một lần 1,5 tháng/);
    expect(long).toMatch(/71% nếu là nam/);
    expect(yearsLead({ yearsPaid: 37, sex: 'male' })).toMatch(/75% .*2 năm vượt mốc: thêm trợ cấp một lần 1 tháng/);
  });
});

describe('who is asking, and when', () => {
  it('reads the sex from how the writer names themself ("Chị năm nay 48 tuổi", "toi nam, 58 tuoi", "40t nam,") and from a grandparent', () => {
    for (const q of ['Chị năm nay 48 tuổi, đóng BHXH tự nguyện được 9 năm rồi.', 'Tôi nữ 59 tuổi, làm nông cả đời chưa đóng gì.']) {
      expect(readSituation(q).sex).toBe('female');
      expect(readSituation(stripDiacritics(q)).sex).toBe('female');
    }
    for (const q of ['toi nam, 58 tuoi, dong bhxh bat buoc 10 nam roi nghi', 'Tôi đi làm ở Hàn về được 2 năm, năm nay 40t nam, trước có 5 năm đóng tự nguyện.', 'Anh làm ở Đài Loan 6 năm về, giờ 44 tuổi', 'Ong noi em 68 tuoi, chua tung dong bao hiem gi']) {
      expect(readSituation(q).sex, q).toBe('male');
    }
    // The one asked ("Chị ơi") and "tôi năm nay" (this year) tell no sex.
    expect(readSituation('Chị ơi cho em hỏi 45 tuổi đóng được không').sex).toBeUndefined();
    expect(readSituation('toi nam nay 45 tuoi dong 10 nam').sex).toBeUndefined();
  });

  it("takes today's age, not the age of an earlier event ('nghỉ việc năm 55 tuổi … Giờ 57 tuổi')", () => {
    expect(readSituation('Tôi đóng BHXH bắt buộc 20 năm, nghỉ việc năm 55 tuổi (nam). Giờ 57 tuổi, đóng thêm được không?').age).toBe(57);
    expect(readSituation('Tôi 45 tuổi, đóng đến 60 tuổi được không?').age).toBe(45);
  });

  it('does not count years wished for or a prepayment asked about as years paid, nor company years as voluntary', () => {
    expect(readSituation('Chị 40 tuổi, nữ, muốn đóng 1 lần luôn 15 năm cho khỏe có được không em?').yearsPaid).toBeUndefined();
    expect(readSituation('đóng trước 5 năm có được giảm không').yearsPaid).toBeUndefined();
    expect(readSituation('trước khi đi có 7 năm BHXH công ty, giờ muốn đóng tiếp tự nguyện')).toMatchObject({ yearsPaid: 7, yearsKind: 'compulsory' });
  });

  it('reads "chưa đóng gì" and "giờ đóng có kịp không" as starting from nothing, and says the age they retire at', () => {
    expect(readSituation('xe ôm 55 tuổi nam, chưa đóng gì').neverPaid).toBe(true);
    expect(readSituation('Em 25 tuổi, nam. Đóng tự nguyện thì mấy tuổi được lương hưu?').neverPaid).toBe(true);
    expect(yearsLead({ age: 25, sex: 'male', neverPaid: true, year: 2026 })).toMatch(/khoảng năm 2063, lúc 62 tuổi/);
  });

  it('tells someone short of 15 years the year and age they retire, the years they will have and the rate', () => {
    const lead = yearsLead({ age: 48, sex: 'female', yearsPaid: 9, year: 2026 });
    expect(lead).toMatch(/khoảng năm 2038, lúc 60 tuổi \(còn khoảng 12 năm\); đóng đều đến lúc đó là được khoảng 21 năm, đủ 15 năm; tỷ lệ lương hưu khi đó khoảng 57%/);
    expect(lead).not.toMatch(/đóng một lần/);
    expect(yearsLead({ age: 57, sex: 'male', yearsPaid: 2, year: 2026 })).toMatch(/được khoảng 7 năm, còn thiếu 8 năm: đóng tiếp đến khi đủ 10 năm \(khoảng năm 2034 nếu đóng đều từ nay\), rồi đóng một lần 5 năm còn thiếu/);
  });

  it('says when the birth month decides the retirement year, with the range of years and ages', () => {
    expect(yearsLead({ age: 52, sex: 'female', neverPaid: true, year: 2026 })).toMatch(/năm 2033 hoặc 2034 \(tùy tháng sinh\), lúc 59 tuổi 4 tháng đến 59 tuổi 8 tháng/);
    expect(yearsLead({ age: 48, sex: 'female', yearsPaid: 9, year: 2026 })).toMatch(/khoảng năm 2038, lúc 60 tuổi/);
  });
});

describe('periods, spouses and gaps (reading rounds, session 10)', () => {
  it('adds the periods told, with or without "tháng", up to the month of the day for "tới nay/tới giờ"', () => {
    expect(readSituation('đóng bắt buộc từ tháng 3/2005 đến tháng 8/2019 thì nghỉ, đến tuổi hưu có đủ 15 năm không', 2026).yearsPaid).toBe(14.5);
    expect(readSituation('đóng bắt buộc từ tháng 5/1995 đến tháng 12/2010, sau đó đóng tự nguyện từ 1/2016 đến 12/2022', 2026).yearsPaid).toBe(22.67);
    // 3/2012–6/2020 (100 months) and 1/2025 up to 12/2026 (24 months).
    expect(readSituation('mẹ em đóng tự nguyện từ tháng 3/2012 đến tháng 6/2020 thì ngưng, tháng 1/2025 đóng lại tới giờ', 2026, 12).yearsPaid).toBe(10.33);
    const since = readSituation('bắt đầu đóng tự nguyện từ tháng 1/2008, liên tục tới nay', 2026, 12);
    expect(since).toMatchObject({ yearsPaid: 19, startYear: 2008, startMonth: 1 });
    // The first period dates the start, not a later stop ("nghỉ đóng từ tháng 10/2025").
    expect(readSituation('Em nghi dong tu nguyen tu thang 10/2025, da dong duoc 6 nam (tu 10/2019 den 9/2025)', 2026).startYear).toBe(2019);
  });

  it('reads the asker after a spouse ("Chồng tôi đang hưởng lương hưu, tôi 50 tuổi"): their sex, their age, no pension of theirs', () => {
    const s = readSituation('Chồng tôi đang hưởng lương hưu, tôi 50 tuổi ở nhà nội trợ, chưa đóng ngày nào', 2026);
    expect(s).toMatchObject({ sex: 'female', age: 50, neverPaid: true });
    expect(s.drawingPension).toBeUndefined();
    expect(readSituation('Chồng tôi 62t, đang hưởng lương hưu. Tôi 58t nữ, đóng tự nguyện 11 năm', 2026)).toMatchObject({ sex: 'female', age: 58, yearsPaid: 11 });
  });

  it('does not read a target, years to add, a rumour or a subsidy as years paid; reads the gap told', () => {
    expect(readSituation('Vợ mình 35 tuổi, giờ mới đóng thì có kịp đủ 15 năm không', 2026)).toMatchObject({ neverPaid: true });
    expect(readSituation('Minh 49t nam, dong bat buoc 2003-2017 (14 nam) roi nghi. Gio dong tu nguyen them 1 nam la du 15 nam', 2026).yearsPaid).toBe(14);
    expect(readSituation('Nghe nói đủ 20 năm tự nguyện thì nam được nghỉ hưu lúc 60', 2026).yearsPaid).toBeUndefined();
    expect(readSituation('nhà em hộ nghèo mà đã được hỗ trợ đủ 10 năm rồi', 2026).yearsPaid).toBeUndefined();
    expect(readSituation('Mẹ em sinh tháng 9/1970, còn thiếu 2 năm mới đủ 15', 2026).yearsPaid).toBe(13);
    expect(readSituation('Thiếu 2 năm nữa mới đủ 15 năm đóng nhưng tôi đã đủ tuổi nghỉ hưu, tôi phải làm thế nào?', 2026).yearsPaid).toBe(13);
    // Another country's refund is no withdrawal of the Vietnamese record.
    expect(readSituation('đã nhận tiền lương hưu 1 lần bên Nhật rồi', 2026).withdrewBefore).toBeUndefined();
    // Session 30's readings: a mode's last period before a stop; years abroad or studying; months told alone; a withdrawal not remembered.
    for (const form of [(q: string) => q, stripDiacritics]) {
      expect(readSituation(form('Mình đóng bhxh tự nguyện từ tháng 1/2019, kiểu 6 tháng/lần, kỳ cuối là tháng 1-6/2021 thì dừng vì dịch.'), 2026, 12).yearsPaid).toBe(2.5);
      expect(readSituation(form('Em 19 tuổi. Nếu em được học bổng đi du học 2 năm thì em có rút một lần được không?'), 2026, 12).yearsPaid).toBeUndefined();
      expect(readSituation(form('Tôi nam 58 tuổi mới đóng 9 tháng, đến tuổi nghỉ hưu có lương hưu không?'), 2026, 12).yearsPaid).toBe(0.75);
      // A period ended and counted beside years to pay at once talked of; two parents' periods not merged into one.
      expect(readSituation(form('Bố em sinh tháng 2/1963, đóng bhxh tn từ 1/2013 đến hết 12/2024 là 12 năm thì nghỉ vì ko có tiền. Có người nói bố em chỉ cần đóng 1 cục 3 năm là có lương hưu liền.'), 2026, 12).yearsPaid).toBe(12);
      expect(readSituation(form('Ba em sinh tháng 2/1963, đóng bhxh tn từ 1/2013 đến hết 12/2024 thì nghỉ. Mẹ em sinh tháng 8/1966, đóng từ 1/2019 tới giờ vẫn đóng hàng tháng đều.'), 2026, 12).yearsPaid).not.toBe(14);
      const unsure = readSituation(form('Từ 1996 đến 2007 em làm công ty có đóng bảo hiểm (12 năm), nghỉ lâu quá em không nhớ đã lãnh một lần chưa.'), 2026, 12);
      expect(unsure).toMatchObject({ withdrawalUnsure: true });
      expect(unsure.withdrewBefore).toBeUndefined();
    }
  });
});

describe('the retirement month from a birth month told', () => {
  it('says the month the person reaches the age, and that they may claim now once it has passed', () => {
    const s = { ...readSituation('Tôi nam, sinh tháng 2/1965, đóng tự nguyện được 17 năm', 2026, 12), year: 2026, day: '2026-12-03' };
    expect(s).toMatchObject({ birthMonth: 2, birthYear: 1965, yearsPaid: 17 });
    expect(yearsLead(s)).toMatch(/đã đủ tuổi nghỉ hưu \(nam sinh tháng 2\/1965: 61 tuổi 6 tháng, từ tháng 8\/2026\), nên đủ điều kiện hưởng lương hưu ngay\. Cơ quan BHXH không tự gọi/);
    // Not yet: the month ahead, not this year's general age only.
    const later = { ...readSituation('Chồng tôi sinh tháng 7/1965, đóng tự nguyện 16 năm', 2026, 12), year: 2026, day: '2026-12-03' };
    expect(yearsLead(later)).toMatch(/sinh tháng 7\/1965: 61 tuổi 9 tháng, vào tháng 4\/2027/);
  });
});

describe('reading a job\'s years told without "bắt buộc" beside voluntary ones', () => {
  it.each([
    ['ba e nam sinh 1/1965, co 10 nam bhxh cty va 4 nam tn', 14, 10],
    ['Tôi có 10 năm BHXH ở xí nghiệp (1993–2002) và 5 năm tự nguyện (2018–2022), nghỉ đóng từ 2023.', 15, 10],
    ['Hồi 1989-1993 tôi làm ở xí nghiệp dệt, đóng bảo hiểm 5 năm, sau đó nghỉ ở nhà buôn bán, tới năm 2016 mới đóng tự nguyện, đến nay được 11 năm.', 16, 5],
    ['Tôi đóng BHXH tự nguyện liên tục từ 1/2006, đến hết tháng 12/2026 là 21 năm; trước đó tôi có 3 năm làm công ty (2001–2003).', 24, 3],
  ])('adds them: %s', (text, years, compulsory) => {
    for (const t of [text, stripDiacritics(text)]) {
      const s = readSituation(t, 2026, 12);
      expect(s.yearsPaid, t).toBe(years);
      expect(s.compulsoryYears, t).toBe(compulsory);
    }
  });

  it('does not add a relative\'s job to the asker\'s voluntary years', () => {
    const s = readSituation('Vợ tôi có 10 năm BHXH ở công ty và tôi có 4 năm tự nguyện.', 2026, 12);
    expect(s.compulsoryYears).toBeUndefined();
    expect(s.yearsPaid).not.toBe(14);
  });
});
