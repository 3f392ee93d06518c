import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../../src/text/vietnamese.ts';
import { answerQuestion } from '../../../flows/faq/answer.ts';
import { buildFaqIndex } from '../../../flows/faq/search-index.ts';
import { loadKb } from '../../../flows/faq/kb.ts';
import { premium } from '../../../flows/calculator/compute.ts';
import { formatNumber } from '../../../flows/calculator/money.ts';
import { DAY } from './support.ts';

const index = buildFaqIndex(loadKb());
/** The answer on a day, the same with and without diacritics. */
const answer = (q: string, day = DAY): string => {
  const a = answerQuestion(index, q, undefined, {}, day).answer;
  expect(answerQuestion(index, stripDiacritics(q), undefined, {}, day).answer).toBe(a);
  return a;
};
/** What the calculator says a month for an income and a group on a day. */
const pays = (income: number, group: 'other' | 'nearPoor' | 'ethnicMinority', day: string): string => {
  const r = premium(income, new Date(`${day}T12:00:00+07:00`), group, { kind: 'months', months: 1 });
  if (!r.ok) throw new Error('out of range');
  return formatNumber(r.monthlyPay);
};

describe('the contribution for the income a person names', () => {
  it('gives 22 %, the subsidy for their group and what they pay, the calculator\'s figures, and for the mode named', () => {
    const a = answer('e chọn mức thu nhập 1tr5 thì mỗi tháng đóng bn, 3 tháng đóng 1 lần hết bn');
    expect(a).toMatch(/^Với thu nhập 1\.500\.000 đồng\/tháng: mức đóng 22% là 330\.000 đồng; người không thuộc nhóm ưu tiên được Nhà nước hỗ trợ 66\.000 đồng, nên nộp 264\.000 đồng\/tháng; 3 tháng một lần nộp 792\.000 đồng/);
    expect(a).toContain(`nộp ${pays(1_500_000, 'other', DAY)} đồng/tháng`);
    const near = answer('Nhà em hộ cận nghèo, chọn mức thu nhập 3tr thì mỗi tháng nộp bao nhiêu');
    expect(near).toMatch(/^Với thu nhập 3\.000\.000 đồng\/tháng: mức đóng 22% là 660\.000 đồng; hộ cận nghèo được Nhà nước hỗ trợ 132\.000 đồng, nên nộp 528\.000 đồng\/tháng\./);
    expect(near).toContain(`nộp ${pays(3_000_000, 'nearPoor', DAY)} đồng/tháng`);
    expect(answer('Mình người Tày, chọn mức 2 triệu thì đóng bao nhiêu một tháng')).toContain(`người dân tộc thiểu số được Nhà nước hỗ trợ 99.000 đồng, nên nộp ${pays(2_000_000, 'ethnicMinority', DAY)} đồng/tháng`);
  });

  it('says an income under the day\'s floor is too low (2,000,000 is fine in 2026, not from 1/1/2027), and one over the ceiling too high', () => {
    const q = 'e chọn mức thu nhập 2tr thì mỗi tháng đóng bn';
    expect(answer(q)).toMatch(/^Với thu nhập 2\.000\.000 đồng\/tháng: mức đóng 22% là 440\.000 đồng/);
    const in2027 = answer(q, '2027-03-01');
    expect(in2027).toMatch(/^Thu nhập 2\.000\.000 đồng thấp hơn mức thấp nhất được chọn \(2\.200\.000 đồng\/tháng\)\. Ở mức thấp nhất, người không thuộc nhóm ưu tiên nộp 387\.200 đồng\/tháng\. Lưu ý: mức sàn 2\.200\.000 từ 2027 là tạm tính/);
    expect(answer('chọn mức thu nhập 60 triệu thì đóng bao nhiêu')).toMatch(/^Thu nhập 60\.000\.000 đồng cao hơn mức cao nhất được chọn \(50\.600\.000 đồng\/tháng/);
    // 48,000,000 is over the ceiling until 30/6/2026 and under it from 1/7/2026.
    expect(answer('chọn mức thu nhập 48 triệu thì đóng bao nhiêu', '2026-06-30')).toMatch(/^Thu nhập 48\.000\.000 đồng cao hơn mức cao nhất được chọn \(46\.800\.000/);
    expect(answer('chọn mức thu nhập 48 triệu thì đóng bao nhiêu', '2026-07-01')).toMatch(/^Với thu nhập 48\.000\.000 đồng\/tháng: mức đóng 22% là 10\.560\.000 đồng/);
  });

  it('adds nothing without an amount asked, or without a single income', () => {
    expect(answer('Tôi chọn mức thu nhập 3 triệu có được không?')).not.toMatch(/^Với thu nhập/);
    expect(answer('Mức đóng BHXH tự nguyện thấp nhất là bao nhiêu?')).not.toMatch(/^Với thu nhập/);
  });
});

describe('the contribution at the lowest income, for a group or a mode named without an income', () => {
  it("says in December what the months from January cost at next year's floor (with the city's top-up), and that a period paid ahead now keeps today's", () => {
    const a = answer('Đóng mức thấp nhất thì mỗi tháng bao nhiêu?', '2026-12-05');
    expect(a).toMatch(/nộp 264\.000 đồng\/tháng\. Từ tháng 1\/2027 mức thấp nhất là 2\.200\.000 đồng \(dự kiến[^)]*\): đóng hằng tháng thì từ tháng 1\/2027 nộp khoảng 387\.200 đồng\/tháng; đóng trước 3, 6 hoặc 12 tháng ngay trong tháng 12\/2026 thì cả kỳ giữ mức hiện nay/);
    expect(answer('Em ở Hà Nội, đóng mức thấp nhất thì mỗi tháng bao nhiêu?', '2026-12-05')).toMatch(/nộp khoảng 338\.800 đồng\/tháng, kể cả phần Hà Nội hỗ trợ thêm/);
    // (Not in another month, nor for a birth's month taken as a period's start.)
    expect(answer('Đóng mức thấp nhất thì mỗi tháng bao nhiêu?', '2026-11-05')).not.toMatch(/2027/);
    expect(answer('Vợ em dự sinh tháng 4/2027, em đóng mức thấp nhất thì mỗi tháng bao nhiêu?', '2026-12-05')).not.toMatch(/Kỳ bắt đầu từ tháng 4\/2027/);
  });

  it('gives what the group pays a month and for the mode ("hộ nghèo, 3 tháng 1 lần", "dân tộc Tày, 6 tháng")', () => {
    expect(answer('Nhà em hộ nghèo, em đóng 3 tháng 1 lần mức thấp nhất thì nộp bao nhiêu ạ?')).toMatch(/^Ở mức thu nhập thấp nhất \(1\.500\.000 đồng\/tháng\), hộ nghèo được Nhà nước hỗ trợ 165\.000 đồng\/tháng, nộp 165\.000 đồng\/tháng; 3 tháng một lần nộp 495\.000 đồng\./);
    expect(answer('Tôi là người dân tộc Tày, đóng mức thấp nhất 6 tháng một lần thì bao nhiêu?')).toMatch(/người dân tộc thiểu số được Nhà nước hỗ trợ 99\.000 đồng\/tháng, nộp 231\.000 đồng\/tháng; 6 tháng một lần nộp 1\.386\.000 đồng/);
    expect(answer('muc thu nhap 5 trieu thi dong 1 nam bao nhieu tien a')).toMatch(/12 tháng một lần nộp 12\.408\.000 đồng/);
    // (Years paid supposed, "đóng được 25 năm", and paying ahead asked, "có thể đóng trước …": no budget; the level told is the income.)
    expect(answer('Tôi muốn đóng mức thu nhập 5 triệu. Tôi có thể đóng trước một lần nhiều năm không? Nếu tổng cộng tôi đóng được 25 năm thì lương hưu bao nhiêu phần trăm?')).toMatch(/Ước tính với 25 năm đóng, thu nhập bình quân 5\.000\.000 đồng\/tháng/);
    // (Two modes asked between: both priced.)
    expect(answer('Đóng mức thấp nhất 3 tháng hay 6 tháng một lần thì mỗi lần bao nhiêu ạ?')).toMatch(/3 tháng một lần nộp 792\.000 đồng; 6 tháng một lần nộp 1\.584\.000 đồng/);
  });

  it('answers a later ask with the group it names ("… Nhà tôi hộ cận nghèo thì được hỗ trợ bao nhiêu 1 tháng?")', () => {
    const a = answer('Con trai tôi 17 tuổi học nghề, nếu đóng BHXH tự nguyện từ bây giờ thì mấy tuổi mới được lĩnh lương hưu? Nhà tôi hộ cận nghèo thì được hỗ trợ bao nhiêu 1 tháng?');
    expect(a).toMatch(/hộ cận nghèo được Nhà nước hỗ trợ 132\.000 đồng\/tháng, nộp 198\.000 đồng\/tháng/);
  });
});

describe('the pension for the income and years a person names', () => {
  it('multiplies the rate for their years and sex by the income, said to be an estimate', () => {
    expect(answer('Nữ, 40 tuổi, nếu đóng mức thu nhập 3 triệu/tháng trong 17 năm thì lương hưu được bao nhiêu?')).toMatch(/^Ước tính với 17 năm đóng, thu nhập bình quân 3\.000\.000 đồng\/tháng: nữ 49%, khoảng 1\.470\.000 đồng\/tháng \(chưa tính trượt giá/);
    const floor = answer('nam 45t dong muc thap nhat 1tr5 du 15 nam thi luong huu dc bao nhieu vay ad');
    expect(floor).toMatch(/nam 40%, khoảng 600\.000 đồng\/tháng/);
    // Years supposed ("đủ 15 năm thì …") are not years paid; the pension is asked, not the contribution.
    expect(floor).not.toMatch(/đã đóng 15 năm|mức đóng 22% là/);
    expect(answer('Bố em nam đóng tự nguyện 16 năm, tháng này đủ tuổi về hưu, bình quân thu nhập khoảng 4 triệu thì mỗi tháng lĩnh bao nhiu ạ?')).toMatch(/nam 41%, khoảng 1\.640\.000 đồng\/tháng/);
  });
});

describe('the income for a pension the person wants', () => {
  it('works back from the pension wanted through the rate of their years, not taking that amount as the income', () => {
    // A man of 40 in 2026 retires at 62 (in 2048): 22 years give 49 %; 5,000,000 / 49 % needs 10,210,000 a month.
    const a = answer('toi 40 tuoi nam, muon ve gia co luong huu 5 trieu 1 thang thi phai dong muc bao nhieu?');
    expect(a).toMatch(/^Để có lương hưu khoảng 5\.000\.000 đồng\/tháng với khoảng 22 năm đóng \(22 năm từ nay đến tuổi nghỉ hưu\): nam được 49%, cần thu nhập bình quân khoảng 10\.210\.000 đồng\/tháng: mức đóng 22% là 2\.246\.200 đồng/);
    expect(a).not.toContain('Với thu nhập 5.000.000');
    // Years named and a group: for both sexes, the group's own payment.
    const near = answer('tôi đóng 20 năm, muốn lĩnh lương hưu 6 triệu thì đóng mức nào, hộ cận nghèo');
    expect(near).toMatch(/^Để có lương hưu khoảng 6\.000\.000 đồng\/tháng với 20 năm đóng: nữ được 55%, cần thu nhập bình quân khoảng 10\.910\.000 đồng\/tháng: .* hộ cận nghèo nộp 2\.268\.200 đồng\/tháng; nam được 45%/);
    // Nothing known: 20 years as an example, said to be one.
    expect(answer('muốn có lương hưu 3tr thì đóng bao nhiêu 1 tháng')).toMatch(/^Để có lương hưu khoảng 3\.000\.000 đồng\/tháng ví dụ với 20 năm đóng: nữ được 55%/);
    // A pension asked about (not wanted) is not a target: "lương hưu được bao nhiêu" keeps the estimate.
    expect(answer('đóng mức 3 triệu trong 20 năm thì lương hưu được bao nhiêu')).not.toContain('Để có lương hưu');
  });
});

describe("a province's own top-up when the province is named", () => {
  it("adds Ninh Bình's 30 % for a poor household and Hà Nội's 60 % for a near-poor one, on the State's base", () => {
    // 22 % of the 1,500,000 floor is 330,000: the State pays 50 % for the poor, Ninh Bình 30 % more: 66,000 left.
    expect(answer('me e o Ninh Binh, ho ngheo, dong bhxh tu nguyen muc thap nhat thi 1 thang con phai nop bn a')).toContain(
      'Ở Ninh Bình được hỗ trợ thêm 30% (99.000 đồng/tháng) theo nghị quyết của HĐND, nên nộp 66.000 đồng/tháng',
    );
    // 660,000 at 3,000,000, less 40 % + 60 % of 330,000.
    expect(answer('Nhà em ở Hà Nội, hộ cận nghèo, chọn mức 3tr thì nộp bao nhiêu')).toContain('Ở Hà Nội được hỗ trợ thêm 60% (198.000 đồng/tháng) theo nghị quyết của HĐND, nên nộp 330.000 đồng/tháng');
    // No province named, or a group the province does not top up: nothing more is said.
    expect(answer('hộ nghèo đóng mức thấp nhất 1 tháng bao nhiêu')).not.toMatch(/Ở (?:Hà Nội|Ninh Bình) được hỗ trợ thêm/);
    expect(answer('Nhà em ở Ninh Bình, chọn mức 3tr thì nộp bao nhiêu')).not.toContain('Ở Ninh Bình');
  });
});
