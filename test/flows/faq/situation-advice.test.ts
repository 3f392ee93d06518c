import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../../src/text/vietnamese.ts';
import { answerQuestion } from '../../../flows/faq/answer.ts';
import { buildFaqIndex } from '../../../flows/faq/search-index.ts';
import { loadKb } from '../../../flows/faq/kb.ts';
import { readSituation } from '../../../flows/faq/situation.ts';
import { DAY } from './support.ts';

const index = buildFaqIndex(loadKb());
const ask = (q: string) => {
  const a = answerQuestion(index, q, undefined, {}, DAY);
  expect(answerQuestion(index, stripDiacritics(q), undefined, {}, DAY).parts.map((p) => p.entry.id)).toEqual(a.parts.map((p) => p.entry.id));
  return a;
};

describe('the person\'s situation, read and applied', () => {
  it('does not take "để có lương hưu" (a goal) for drawing a pension, and reads "nữ," as the sex', () => {
    const s = readSituation('Tôi 58 tuổi, nữ, đóng bảo hiểm được 13 năm, năm sau đến tuổi thì phải làm sao để có lương hưu?');
    expect(s.drawingPension).toBeUndefined();
    expect(s.sex).toBe('female');
    const a = ask('Chồng tôi 63 tuổi, đóng BHXH 9 năm, giờ đóng thêm thế nào để có lương hưu?');
    expect(a.answer).not.toMatch(/^Người đang hưởng lương hưu/);
  });

  it('tells someone at the retirement age with a small gap to pay it at once now, and one with a larger gap what comes first', () => {
    expect(ask('Tôi là nữ, 59 tuổi, đã đóng 12 năm, làm sao để có lương hưu?').answer).toMatch(
      /đã đến tuổi nghỉ hưu và chỉ thiếu không quá 5 năm, nên được đóng một lần cho 3 năm/,
    );
    expect(ask('Chồng tôi 63 tuổi, đóng BHXH 9 năm, giờ đóng thêm thế nào để có lương hưu?').answer).toMatch(/thiếu hơn 5 năm \(chỉ được đóng một lần khi thiếu không quá 5 năm\): đóng tiếp 1 năm \(theo tháng, 3, 6 hoặc 12 tháng một lần\), đến khi/);
  });

  it('answers "đóng một lần 5 năm cho những năm sau" with paying ahead, and reads no years paid from it', () => {
    const q = 'Tôi muốn đóng một lần 5 năm cho những năm sau có được giảm tiền không?';
    expect(readSituation(q).yearsPaid).toBeUndefined();
    expect(ask(q).entryId).toBe('payment_mode.years_ahead');
  });

  it('gives every group\'s subsidy to someone who named none, and that there is no upper age first', () => {
    expect(ask('Người 70 tuổi có đóng BHXH tự nguyện được không, có được hỗ trợ không?').parts.map((p) => p.entry.id)).toEqual([
      'eligibility.no_upper_age',
      'subsidy.rates_by_group',
    ]);
  });

  it('answers a member\'s death with what the family receives, not a refund of months nobody paid ahead', () => {
    expect(ask('Mẹ tôi mất tháng trước, bà đang đóng BHXH tự nguyện được 7 năm, gia đình được nhận những khoản gì?').entryId).toBe(
      'survivor.member_dies_one_time',
    );
  });

  it('answers rejoining after a lump sum, a foreign national, and voluntary on top of a contract', () => {
    expect(ask('Tôi đã rút BHXH một lần năm 2020, giờ muốn đóng tự nguyện lại từ đầu thì bao giờ có lương hưu?').entryId).toBe(
      'eligibility.rejoin_after_withdrawal',
    );
    expect(readSituation('Vợ tôi là người lao động tự do').foreigner).toBeUndefined();
    expect(ask('Vợ tôi người Lào, có được đóng BHXH tự nguyện ở Việt Nam không?').entryId).toBe('eligibility.foreigner');
    expect(ask('Tôi đang làm công ty có đóng bảo hiểm bắt buộc, có đóng thêm tự nguyện để lương hưu cao hơn được không?').entryId).toBe(
      'eligibility.labour_contract',
    );
  });

  it('counts the months of "14 năm 6 tháng": six months short, paid at once at the age', () => {
    expect(readSituation('Mẹ tôi đã đóng tự nguyện 14 năm 6 tháng').yearsPaid).toBe(14.5);
    expect(ask('Mẹ tôi 60 tuổi, đã đóng tự nguyện 14 năm 6 tháng, giờ đóng nốt một lần được không?').answer).toMatch(
      /đã đóng 14 năm 6 tháng, còn thiếu 6 tháng .* đóng một lần cho 6 tháng còn thiếu/,
    );
  });

  it('answers both asks of one sentence: the card and the allowance of an old person, the premium and the pension', () => {
    expect(ask('Bà tôi 78 tuổi không có lương hưu, có được cấp thẻ BHYT miễn phí không và có được trợ cấp gì không?').parts.map((p) => p.entry.id)).toEqual([
      'health_insurance.older_people',
      'other.social_pension',
    ]);
    expect(ask('Tôi muốn đóng mức 5 triệu một tháng thì phải nộp bao nhiêu, sau 20 năm lương hưu khoảng bao nhiêu?').parts.map((p) => p.entry.id)).toContain(
      'calculator.pension_estimate',
    );
  });

  it('tells a woman with 20 voluntary years begun before 2021 who is past 55 that she can claim now', () => {
    expect(ask('Tôi đóng được 20 năm tự nguyện từ 2003, nữ, năm nay 56 tuổi có được hưởng lương hưu chưa?').answer).toMatch(/đủ điều kiện hưởng lương hưu ngay/);
  });

  it('tells a woman pregnant now whether months paid from today reach the 6 before the birth', () => {
    expect(ask('Tôi đang mang thai 5 tháng, bây giờ mới đăng ký đóng BHXH tự nguyện thì sinh có được 2 triệu không?').answer).toMatch(
      /(?:đến khi sinh|đến trước tháng sinh \(dự sinh khoảng tháng 4\/2027\)) chỉ được (?:khoảng )?4 tháng, chưa đủ 6 tháng/,
    );
    // (Two months pregnant in December: born about July, seven months paid from now.)
    expect(ask('Tôi có bầu 2 tháng, giờ mới đóng BHXH tự nguyện thì khi sinh có được trợ cấp thai sản không?').answer).toMatch(/được 7 tháng, đủ 6 tháng/);
  });

  it('tells someone who never paid, of a known age and sex, when 15 years can be reached', () => {
    expect(ask('Nam 60 tuổi mới bắt đầu tham gia BHXH tự nguyện thì bao giờ được hưởng lương hưu?').answer).toMatch(
      /đủ 10 năm \(đến khoảng năm 2036\), rồi đóng một lần 5 năm còn thiếu/,
    );
  });
});

describe('asks named by a cue', () => {
  it('answers "nên rút hay đóng tiếp" with what a lump sum takes away, and "lương hưu như bắt buộc?" with the same formula', () => {
    expect(ask('Tôi 40 tuổi, đóng bắt buộc 8 năm, đã nghỉ việc 14 tháng, giờ nên rút một lần hay đóng tự nguyện tiếp?').entryId).toBe('lump_sum.what_is_lost');
    expect(ask('Nghe nói đóng tự nguyện không được hưởng lương hưu như bắt buộc, có đúng không?').entryId).toBe('benefits_pension.vs_compulsory');
  });

  it('answers a contributor moving house with paying where they live, but not "chuyển sang đóng 6 tháng một lần"', () => {
    expect(ask('Tôi chuyển từ Thanh Hóa vào Bình Dương làm tự do, đóng BHXH tự nguyện ở đâu, có phải làm lại sổ không?').entryId).toBe(
      'where_to_pay.moved_residence',
    );
    expect(ask('Tôi đang đóng BHXH tự nguyện theo tháng, nay muốn chuyển sang đóng 6 tháng một lần có được không?').entryId).not.toBe(
      'where_to_pay.moved_residence',
    );
  });

  it('gives someone at the age with under 15 years the options when they ask for money, not only paying the rest', () => {
    expect(ask('Tôi 64 tuổi, mới đóng 9 năm BHXH tự nguyện, không đủ tiền đóng tiếp, giờ nhận tiền thế nào?').entryId).toBe(
      'lump_sum.monthly_allowance_option',
    );
    expect(readSituation('Đủ tuổi nghỉ hưu nhưng còn thiếu trên 5 năm thì có được đóng một lần không?').yearsPaid).toBeUndefined();
  });

  it('reads "đóng 1 lần cho 3 năm" with no gap named as paying ahead, and a refund asked for cash as the refund cases', () => {
    expect(ask('đóng 1 lần cho 3 năm được không').entryId).toBe('payment_mode.years_ahead');
    expect(ask('Tôi đóng 12 tháng một lần, giờ cần tiền gấp có lấy lại tiền đã đóng trước được không?').entryId).toBe('payment_mode.refund_cases');
  });

  it('answers whether old income is indexed with the formula', () => {
    expect(ask('Đóng 20 năm mức 2 triệu thì lương hưu tính trên 2 triệu hay được nhân hệ số trượt giá?').entryId).toBe('benefits_pension.how_calculated');
  });

  it('tells someone with 20 years or more that stopping opens no lump sum, and what the years give', () => {
    const a = ask('Tôi đóng BHXH được 22 năm, nghỉ việc đã 2 năm, nay 50 tuổi, nữ. Tôi có được rút BHXH một lần không?');
    expect(a.answer).toMatch(/^Anh\/chị đã đóng từ đủ 20 năm nên không thuộc trường hợp rút BHXH một lần vì nghỉ đóng 12 tháng/);
    expect(a.answer).toMatch(/59%/);
    // The one-off allowance at retirement beyond 30 years is another rule.
    expect(ask('Người hưởng lương hưu khi đóng trên 30 năm thì có được trợ cấp một lần khi nghỉ hưu không?').entryId).not.toBe('lump_sum.when_allowed');
  });

  it('reads the sex from a reporter\'s "Ông … hỏi:" and says yes first to someone whose employer pays nothing', () => {
    expect(readSituation('Ông Nguyễn Văn A (Nghệ An) hỏi: Tôi sinh năm 1966, đã đóng BHXH 12 năm').sex).toBe('male');
    expect(readSituation('Bà Trần Thị B hỏi: tôi đóng 10 năm').sex).toBe('female');
    expect(
      ask('Tôi làm giáo viên hợp đồng ở trường tư, trường không đóng bảo hiểm, tôi có tự đóng tự nguyện được không, sau này chuyển sang bắt buộc có được cộng không?').parts.map(
        (p) => p.entry.id,
      )[0],
    ).toBe('eligibility.no_contract');
  });
});

describe('the question inside its wrapping', () => {
  it.each([
    ['a greeting and a request to ask', 'Xin chào anh chị, cho em hỏi chút ạ. ', 'Rút BHXH một lần cần thủ tục gì?'],
    ['a newspaper framing', 'Bà Nguyễn Thị Hoa (Thái Bình) hỏi: ', 'Có phải đóng thêm BHXH tự nguyện khi nghỉ chờ hưu?'],
  ])('answers the same through %s', (_what, wrapper, q) => {
    const a = ask(`${wrapper}${q}`);
    expect(a.kind).toBe('entry');
    expect(a.parts.map((p) => p.entry.id)).toEqual(ask(q).parts.map((p) => p.entry.id));
  });

  it('answers an under-18 asking to join with the minimum age', () => {
    expect(ask('Tôi 17 tuổi, đã nghỉ học đi làm may tại nhà. Tôi có thể tự đứng tên tham gia BHXH tự nguyện không hay phải đợi đủ 18 tuổi?').entryId).toBe(
      'eligibility.min_age_15',
    );
  });
});

describe('no question back when the message already says it', () => {
  it.each([
    ['a pensioner ("về hưu rồi")', 'ad oi cho hoi ve huu roi co dong tiep bh tu nguyen dc nua ko', 'eligibility.pensioner'],
    ['a company that pays ("cty có bhxh")', 'dang di lam cty co bhxh thi co dong them tu nguyen dc ko', 'eligibility.labour_contract'],
    ['a wife at home, whatever the husband\'s job', 'toi dang lam cong nhan co dong bhxh bat buoc, vo toi o nha noi tro co dong tu nguyen duoc ko', 'eligibility.no_contract'],
  ])('answers %s', (_what, q, id) => {
    const a = ask(q);
    expect(a.kind).toBe('entry');
    expect(a.entryId).toBe(id);
  });
});

describe('a second fact that changes the answer', () => {
  it('tells both insured spouses that one allowance is paid per child', () => {
    expect(ask('Cả hai vợ chồng tôi đều đóng BHXH tự nguyện, khi sinh con thì cả hai cùng được nhận 2 triệu không?').answer).toMatch(/^Chỉ một người được nhận/);
    // The father's own right is not answered "Không" (he qualifies when he has paid 6 months).
    expect(ask('Người cha tham gia BHXH tự nguyện có được hưởng trợ cấp khi vợ sinh con không, nếu cả hai vợ chồng cùng tham gia thì ai được hưởng?').answer).not.toMatch(/^Không/);
  });

  it('adds the province\'s own top-up when Hà Nội is named, and answers "rút ra hết" with the lump-sum conditions', () => {
    expect(ask('Mức hỗ trợ của Hà Nội cho hộ nghèo đóng BHXH tự nguyện là bao nhiêu?').parts.map((p) => p.entry.id)).toEqual([
      'subsidy.poor_household',
      'subsidy.local_topup',
    ]);
    expect(ask('Đóng BHXH tự nguyện đủ 15 năm rồi giờ tôi có được rút ra hết không?').entryId).toBe('lump_sum.when_allowed');
    expect(ask('Tôi có thể đóng BHXH tự nguyện qua app ngân hàng được không?').entryId).toBe('where_to_pay.online_payment');
  });
});

describe('paying at once is not withdrawing', () => {
  it('answers "đóng luôn 1 lần để hưởng hưu trí" with when paying at once is allowed, not the lump-sum withdrawal', () => {
    expect(ask('Tôi đã có 15 năm đóng BHXH, nay muốn đóng BHXH tự nguyện luôn 1 lần để hưởng chế độ hưu trí thì có được không?').entryId).toBe(
      'pension_conditions.pay_missing_once',
    );
  });
});

describe('years of both schemes', () => {
  it('adds the compulsory and the voluntary years told apart, but not years still to come', () => {
    expect(readSituation('Tôi đã có 15 năm tham gia BHXH bắt buộc và hiện đang tham gia tiếp BHXH tự nguyện được gần 2 năm.').yearsPaid).toBe(17);
    expect(readSituation('Thời gian đóng BHXH bắt buộc 12 năm và tự nguyện 3 năm có được cộng không?').yearsPaid).toBe(15);
    expect(readSituation('Tôi đóng bắt buộc 10 năm rồi nghỉ, giờ đóng tự nguyện tiếp 5 năm nữa có đủ không?').yearsPaid).toBe(10);
  });
});

describe('round four of reading: who the question is about', () => {
  const real = buildFaqIndex(loadKb());
  const on = (q: string) => answerQuestion(real, q, undefined, {}, DAY);
  it('tells someone under 15 that joining waits for the full 15th year', () => {
    expect(on('Cháu tôi mới 14 tuổi rưỡi, đang phụ bán quán ăn cho nhà, muốn đóng BHXH tự nguyện luôn cho sớm được không?').answer).toMatch(/^Chưa được: BHXH tự nguyện dành cho công dân Việt Nam từ đủ 15 tuổi/);
  });

  it('tells someone already drawing a pension the pensioner\'s rule, without asking about a company', () => {
    const a = on('toi nu 58t, da co luong huu tu bhxh bat buoc roi, muon dong them tu nguyen cho luong huu cao hon dc k');
    expect(a.kind).toBe('entry');
    expect(a.entryId).toBe('eligibility.pensioner');
  });

  it("answers a widow with the family's rights, not the years her husband lacked", () => {
    const a = on('chong em dong bhxh tu nguyen dc 3 nam thi bi tai nan mat, em voi con dc huong gi ko a').answer;
    expect(a).toMatch(/tuất một lần bằng số tiền đã đóng/);
    expect(a).not.toMatch(/còn thiếu 12 năm/);
  });

  it('does not read the rule\'s "5 năm cuối" as years paid', () => {
    expect(on('muc huong luong huu bhxh tu nguyen tinh tren thu nhap binh quan ca qua trinh dong hay 5 nam cuoi vay mn').answer).not.toMatch(/đã đóng 5 năm/);
  });

  it('answers every item of a numbered list of three asks', () => {
    const a = on('Cho hỏi 3 việc: 1) mức đóng thấp nhất hiện nay bao nhiêu 2) đóng ở đâu 3) bao nhiêu năm thì có lương hưu');
    expect(a.parts.map((p) => p.entry.topic)).toEqual(['contribution_amount', 'where_to_pay', 'pension_conditions']);
  });
});

describe('round four of reading: the figures asked for', () => {
  const real = buildFaqIndex(loadKb());
  const on = (q: string) => answerQuestion(real, q, undefined, {}, DAY).answer;
  it('gives a lump sum in months of average income for the years told, split at 2014 by the start year', () => {
    expect(on('toi 45 tuoi, dong bhxh tu nguyen tu 2010 duoc 12 nam roi dung tu 2022, gio rut duoc bao nhieu')).toMatch(/khoảng 22 tháng thu nhập bình quân đã đóng \(4 năm trước 2014 x 1,5 tháng \+ 8 năm từ 2014 x 2 tháng\)/);
    expect(on('Em sắp đi định cư Mỹ theo diện vợ chồng, có 8 năm BHXH, rút 1 lần được không và được bao nhiêu?')).toMatch(/khoảng 16 tháng thu nhập bình quân/);
  });

  it("answers today's question with today's law, and an earlier year's contribution with that year's figures", () => {
    const death = on('Dong tu nguyen thi chet co dc huong gi ko? Toi 50t dong duoc 7 nam');
    expect(death).toMatch(/25\.300\.000/);
    expect(death).not.toMatch(/14\.900\.000/);
    expect(on('Năm 2020 tôi đóng bhxh tự nguyện mức thấp nhất mỗi tháng bao nhiêu? Cần để đối chiếu sổ')).toMatch(/138\.600/);
  });

  it("gives a man the men's rate table, wherever the ask falls in the message", () => {
    const a = on('Tôi đóng BHXH bắt buộc 20 năm, nghỉ việc năm 55 tuổi (nam). Giờ 57 tuổi, đóng tự nguyện thêm để tăng % lương hưu được không? Đóng thêm 5 năm thì được bao nhiêu %?');
    expect(a).toMatch(/Với lao động nam/);
    expect(a).not.toMatch(/Với lao động nữ/);
  });

  it('counts the months paid before a birth from the month paying began, and says there is no paid maternity leave', () => {
    expect(on('Em mới đăng ký đóng bhxh tự nguyện tháng 9/2026, tháng 1/2027 em sinh. Có kịp hưởng thai sản không ạ?')).toMatch(/^Từ tháng 9\/2026 đến trước tháng sinh chỉ được 4 tháng đóng, chưa đủ 6 tháng/);
    expect(on('Đóng BHXH tự nguyện có được nghỉ thai sản 6 tháng hưởng lương như ở công ty không?')).toMatch(/^Không: BHXH tự nguyện không có chế độ nghỉ thai sản hưởng lương/);
  });
});

describe('round four of reading: who may join', () => {
  const real = buildFaqIndex(loadKb());
  const on = (q: string) => answerQuestion(real, q, undefined, {}, DAY).answer;
  it('lets a disabled person join and says disability is no subsidy group of its own', () => {
    expect(on('Anh trai tôi khuyết tật nặng, ở nhà không đi làm được. Anh có tham gia BHXH tự ngyện được không, người khuyết tật có được nhà nước hỗ trợ tiền đóng nhiều hơn không?')).toMatch(/^(?:1\) )?Được: người khuyết tật[^]*Khuyết tật không phải là một nhóm được hỗ trợ riêng/);
  });

  it('does not read a merit allowance as the monthly allowance that bars joining', () => {
    expect(on('Mẹ em là vợ liệt sĩ, đang nhận trợ cấp ưu đãi người có công hằng tháng, mẹ em có được tham gia BHXH tự nguyện nữa không ạ?')).toMatch(/^Được: trợ cấp ưu đãi người có công/);
  });

  it("tells a household business owner that employees on a contract are under compulsory insurance he pays", () => {
    expect(on('Mình là chủ hộ kinh doanh, thuê 2 nhân viên. Mình với nhân viên đều đóng tự nguyện được không?')).toMatch(/^Nhân viên làm cho hộ kinh doanh theo hợp đồng lao động từ đủ 1 tháng thuộc diện BHXH bắt buộc/);
  });
});

describe('a story then a numbered list of asks', () => {
  const real = buildFaqIndex(loadKb());
  it('answers the first item with the story, and does not answer "bao nhiêu %" again with the contribution rate', () => {
    const a = answerQuestion(real, 'Ba mình nam 60t đã đóng tn 16 năm. 1) Bao giờ được lãnh lương hưu 2) Được bao nhiêu % 3) Có được thẻ BHYT không?', undefined, {}, DAY);
    expect(a.answer).toMatch(/Với 16 năm, tỷ lệ lương hưu là 41%/);
    expect(a.parts.map((p) => p.entry.id)).not.toContain('contribution_amount.rate_22');
    expect(a.parts.map((p) => p.entry.topic)).toContain('health_insurance');
  });

  it('answers "làm sao biết tiền đã vào" after a comma as its own ask', () => {
    const a = answerQuestion(real, 'Đóng tiền cho đại lý thu ở xã xong thì có giấy tờ gì không, làm sao biết tiền đã vào BHXH chưa?', undefined, {}, DAY);
    expect(a.parts.map((p) => p.entry.id)).toContain('where_to_pay.receipt_check');
  });
});

describe('the person\'s own figures in household, survivor and several-ask questions', () => {
  it('leaves a pensioner out of a household\'s health insurance and prices the others on the day\'s base salary', () => {
    const a = ask('Nhà tôi 5 người, bố tôi có lương hưu, mua BHYT hộ gia đình thì tính mấy người?');
    expect(a.answer).toMatch(/còn 4 người mua theo hộ/);
    // 4.5 % of 2,530,000 a month, a year; then 70 %, 60 %, 50 % of it.
    expect(a.answer).toMatch(/người thứ nhất 1\.366\.200 đồng; người thứ hai 956\.340 đồng; người thứ ba 819\.720 đồng; người thứ tư 683\.100 đồng; cộng 3\.825\.360 đồng\/năm/);
    // "1 người" is the price of one, not a household of one.
    expect(ask('bhyt ho gia dinh gia bao nhieu 1 nguoi').answer).not.toMatch(/Nhà 1 người/);
  });

  it('gives the monthly survivor allowance in đồng on the day, and says when there is none', () => {
    const a = ask('Bố tôi đang hưởng lương hưu mất, mẹ tôi 70 tuổi không có thu nhập thì được trợ cấp tuất hằng tháng bao nhiêu?');
    expect(a.answer).toMatch(/^Mức trợ cấp tuất hằng tháng: mỗi thân nhân 1\.265\.000 đồng\/tháng \(50% mức tham chiếu\); .* 1\.771\.000 đồng\/tháng \(70%\)/);
    expect(a.answer).toMatch(/chỉ đóng tự nguyện thì thân nhân nhận tuất một lần/);
  });

  it('tells someone under the retirement age and 7 years short that the missing years cannot be paid at once yet', () => {
    const a = ask('Tôi nữ 52 tuổi, đã đóng 8 năm, muốn đóng một lần cho các năm còn thiếu với mức 3 triệu thì hết bao nhiêu tiền?');
    expect(a.answer).toMatch(/Chưa được: đóng một lần "cho số năm còn thiếu" chỉ dành cho người đã đến tuổi nghỉ hưu/);
    expect(a.answer).toMatch(/nộp 594\.000 đồng\/tháng/);
    expect(a.answer).not.toMatch(/^Được\./m);
  });

  it('counts the years paid since joining again after a lump sum, and the months since a start told', () => {
    expect(readSituation('Năm 2018 tôi đã nhận BHXH một lần cho 9 năm đóng. Từ 2019 tôi đóng tự nguyện lại, tới nay được 7 năm 10 tháng.', 2026, 12).yearsPaid).toBe(7.83);
    expect(readSituation('Bố tôi 66 tuổi, năm 2020 đã rút BHXH một lần cho 12 năm đóng. Giờ ông muốn đóng tự nguyện lại thì 12 năm đó còn được tính không?', 2026, 12).yearsPaid).toBeUndefined();
    expect(readSituation('Tôi 59 tuổi, nam. Tôi mới bắt đầu đóng tự nguyện từ tháng 3/2025, mức thấp nhất.', 2026, 12).yearsPaid).toBe(1.83);
    // A start told with a stop after it is not paying up to now.
    expect(readSituation('Tôi đóng tự nguyện từ 3/2019 rồi nghỉ. Giờ muốn rút', 2026, 12).yearsPaid).toBeUndefined();
    const a = ask('Tôi 66 tuổi, nam. Năm 2018 tôi đã nhận BHXH một lần cho 9 năm đóng. Từ 2019 tôi đóng tự nguyện lại, tới nay được 7 năm 10 tháng. Có được đóng một lần không?');
    expect(a.answer).toMatch(/còn thiếu 7 năm 2 tháng/);
    expect(a.parts.map((p) => p.entry.id)).not.toContain('pension_conditions.pay_missing_once');
  });

  it('answers the contribution a month asked after a comma, though the pension a month was already given', () => {
    const a = ask('Tôi nam 58 tuổi làm bốc vác ở chợ, hộ nghèo. Đóng mức thấp nhất thì mỗi tháng bao nhiêu, đủ 15 năm thì lương hưu khoảng bao nhiêu?');
    expect(a.answer).toMatch(/165\.000/);
    expect(a.answer).toMatch(/600\.000 đồng\/tháng/);
  });
});

describe('the person\'s dates, income and family, read for their own figure', () => {
  it('counts the months from a start told as paid, and the birth month\'s retirement month, for the years by then', () => {
    const a = ask('Tôi nam sinh 2/1971, làm ở Hải Phòng có BHXH bắt buộc 7 năm, nay về quê đóng tự nguyện tiếp. Đóng đến lúc nghỉ hưu có đủ 15 năm không?');
    expect(a.answer).toMatch(/đến tuổi nghỉ hưu vào tháng 2\/2033 \(62 tuổi\), còn 6 năm 2 tháng; đóng đều đến lúc đó là được khoảng 13 năm 2 tháng, còn thiếu 1 năm 10 tháng: đóng một lần phần thiếu/);
    const b = ask('Tôi nam sinh 6/1977, đóng tự nguyện mức 4 triệu từ 3/2019. Nếu đóng đều đến tuổi nghỉ hưu thì lương hưu khoảng bao nhiêu?');
    // (20 years 4 months: the 4 odd months count half a year toward the rate, 46 %.)
    expect(b.answer).toMatch(/Ước tính với 20 năm 4 tháng đóng \(đóng đều từ nay đến tuổi nghỉ hưu vào tháng 6\/2039\), thu nhập bình quân 4\.000\.000 đồng\/tháng: nam 46%, khoảng 1\.840\.000 đồng\/tháng/);
  });

  it('prices a pension "sau này" from now to the age, the missing years paid at once', () => {
    expect(ask('ck toi 50t chay giao hang, dong 5tr/thang thi sau nay luong huu bn').answer).toMatch(/Ước tính với 15 năm đóng \(.*rồi đóng một lần số năm còn thiếu cho đủ 15 năm\), thu nhập bình quân 5\.000\.000 đồng\/tháng: nam 40%, khoảng 2\.000\.000 đồng\/tháng/);
  });

  it('gives the one-time survivor allowance and a lump sum in đồng for the income told', () => {
    expect(ask('vo e mat thang truoc, dong tu nguyen dc 8 nam tron muc 3tr, tuat 1 lan dc khoang bn').answer).toMatch(/với bình quân 3\.000\.000 đồng là khoảng 48\.000\.000 đồng/);
    const widow = ask('Chồng tôi mất tháng 10/2026, anh ấy đóng BHXH tự nguyện 9 năm (từ 2017), thu nhập bình quân khoảng 4 triệu. Tôi 52 tuổi, nội trợ. Tôi có được nhận tuất hằng tháng không, hay chỉ một lần, khoảng bao nhiêu?');
    expect(widow.answer).toMatch(/khoảng 72\.000\.000 đồng/);
    expect(widow.answer).toMatch(/không có trợ cấp tuất hằng tháng/);
    expect(widow.answer).not.toMatch(/^Mức trợ cấp tuất hằng tháng/);
    expect(ask('Tôi nam 63 tuổi, đóng bắt buộc 8 năm và tự nguyện 4 năm, tổng 12 năm. Nếu nhận một lần thì được khoảng bao nhiêu, biết bình quân thu nhập khoảng 5 triệu?').answer).toMatch(/= 120\.000\.000 đồng/);
  });

  it('counts the months to a birth from the start of paying, not from the start month read as the birth', () => {
    const a = ask('Tôi nữ 34 tuổi, đóng tự nguyện từ tháng 4/2026, dự sinh tháng 1/2027. Đến lúc sinh tôi có đủ điều kiện nhận 2 triệu không?');
    expect(a.answer).toMatch(/^Đóng đều từ tháng 4\/2026 đến trước tháng sinh là 9 tháng, đủ 6 tháng/m);
  });

  it('reads the social pension by its old names and amounts, and answers its funeral support and health card', () => {
    expect(ask('ba ngoai 81t dang lanh tro cap 80 tuoi 360k, gio co dc tang len ko').entryId).toBe('other.social_pension');
    expect(ask('ong e 78t co the bhyt chua, lanh tro cap huu tri xh thi co the ko').entryId).toBe('health_insurance.older_people');
    expect(ask('hoi gium ong: 70t, ho ngheo, dang lanh 500k roi thi khi mat co dc ho tro mai tang ko').answer).toMatch(/hỗ trợ chi phí mai táng 10\.000\.000 đồng/);
  });

  it('tells a family what a member who died under 60 months leaves, and the 90 days to file', () => {
    const a = ask('Chồng tôi đóng tự nguyện 4 năm (từ 1/2021 đến 12/2024) thì mất ngày 20/10/2026. Vậy gia đình được nhận gì và nộp hồ sơ trong bao lâu?');
    expect(a.answer).toMatch(/chưa đủ 60 tháng đóng nên không có trợ cấp mai táng; thân nhân được trợ cấp tuất một lần bằng số tiền đã đóng/);
    expect(a.answer).toMatch(/Trong 90 ngày/);
    expect(a.answer).not.toMatch(/^Được\./m);
  });

  it('says no to counting years paid in Japan, and reads "chọn mức 4 triệu" as the income chosen', () => {
    expect(ask('Tôi nam, 50 tuổi, đã nhận lại tiền nenkin rồi. Giờ đóng BHXH tự nguyện thì 3 năm ở Nhật có được cộng không?').answer).toMatch(/^(?:1\) )?Không: thời gian đóng hưu trí ở nước ngoài/);
    expect(ask('Tôi 45 tuổi, nam, có đóng BHXH ở Việt Nam 6 năm (2009–2015). Giờ tôi muốn đóng tiếp để có lương hưu, chọn mức 4 triệu thì mỗi tháng nộp bao nhiêu?').answer).toMatch(/nộp 814\.000 đồng\/tháng/);
  });
});

describe('more of the person\'s own figures', () => {
  it('prices the missing years at once at the income told, for someone past the age by the birth month', () => {
    const a = ask('Tôi nam, sinh 2/1965, đóng tự nguyện được 13 năm 5 tháng. Tôi muốn đóng một lần cho đủ 15 năm, nếu chọn mức 2 triệu thì khoảng bao nhiêu tiền?');
    expect(a.answer).toMatch(/Anh\/chị đã đến tuổi nghỉ hưu và chỉ thiếu không quá 5 năm, nên được đóng một lần cho 1 năm 7 tháng còn thiếu/);
    expect(a.answer).toMatch(/19 tháng còn thiếu x 440\.000 đồng \(22%\) = 8\.360\.000 đồng, cộng tiền lãi/);
  });

  it('gives the last supported month from a start told, hedged for months before 7/2025, and the 2027 floor asked for 2028', () => {
    const a = ask('Tôi 55 tuổi, nữ, hộ nghèo. Đang đóng tự nguyện mức thấp nhất từ tháng 1/2018 đến nay. Đến năm 2028 thì tôi còn được hỗ trợ không, lúc đó phải nộp bao nhiêu?');
    expect(a.answer).toMatch(/120 tháng được hỗ trợ hết vào tháng 12\/2027 nếu các tháng đã được hỗ trợ trước 7\/2025 cũng tính vào 10 năm/);
    expect(a.parts.map((p) => p.entry.id)).toContain('contribution_amount.from_2027');
  });

  it('reads the level chosen beside the income earned, and two spouses as a household of two', () => {
    expect(ask('Em là nữ 26 tuổi, thu nhập khoảng 6 triệu. Nếu em chọn mức 4 triệu thì mỗi tháng em nộp bao nhiêu?').answer).toMatch(/nộp 814\.000 đồng\/tháng/);
    const a = ask('Vợ chồng tôi đều 40 tuổi, hộ bình thường. Mua BHYT hộ gia đình cho 2 vợ chồng thì một năm hết bao nhiêu? Còn đóng BHXH tự nguyện mức thấp nhất cho cả 2 thì mỗi tháng hết bao nhiêu?');
    expect(a.answer).toMatch(/Nhà 2 người cùng mua theo hộ, mỗi năm: người thứ nhất 1\.366\.200 đồng; người thứ hai 956\.340 đồng; cộng 2\.322\.540 đồng\/năm/);
    expect(a.answer).toMatch(/nộp 264\.000 đồng\/tháng/);
  });

  it('counts a pensioner\'s months of pension for the family, whoever else in it draws none', () => {
    const a = ask('Em là con út, bố em vừa mất tháng 10/2026, bố đang lãnh lương hưu BHXH tự nguyện được 5 tháng (từ 5/2026). Mẹ em 66 tuổi không có lương hưu. Cho em hỏi nhà em được những khoản gì; tiền tuất một lần tính thế nào; hồ sơ nộp ở đâu?');
    expect(a.answer).toMatch(/46,5 tháng lương hưu/);
    expect(a.answer).not.toMatch(/Người bắt đầu tham gia từ 1\/7\/2025/);
  });

  it('lets someone who stopped paying 12 months ago while working abroad take the lump sum', () => {
    expect(ask('Tôi nam 35 tuổi, đóng tự nguyện 5 năm (2017–2022) rồi đi xuất khẩu lao động Nhật, từ 2023 không đóng nữa. Giờ tôi rút BHXH một lần được không?').answer).toMatch(/quy định chuyển tiếp được nhận BHXH một lần khi đã qua 12 tháng/);
  });
});

describe('the lump sum\'s 12 months and the years asked', () => {
  it('tells the month 12 months without paying are reached, from a stop month told without "từ"', () => {
    const a = ask('Em là công nhân nghỉ việc ở KCN Bắc Ninh tháng 4/2026, đã đóng bắt buộc 8 năm, nữ 33 tuổi. Giờ em rút một lần được chưa?');
    expect(a.answer).toMatch(/anh\/chị nghỉ từ tháng 4\/2026: đủ 12 tháng vào tháng 4\/2027/);
  });

  it('takes a span in brackets as the start, and a stop\'s period as no start', () => {
    const s = readSituation('Anh trai tôi 44 tuổi, đóng BHXH tự nguyện được 7 năm (2017–2024) rồi ngừng từ tháng 1/2025 đến giờ.', 2026, 12);
    expect(s.startYear).toBe(2017);
    expect(s.yearsPaid).toBe(7);
  });

  it('answers "tối thiểu bao nhiêu năm" with the years, not the lowest amount', () => {
    expect(ask('Giờ đóng tự nguyện lại thì cần đóng tối thiểu bao nhiêu năm?').topic).toBe('pension_conditions');
  });
});
