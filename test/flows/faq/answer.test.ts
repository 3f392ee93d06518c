import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../../src/text/vietnamese.ts';
import { answerQuestion, CONFIDENCE_THRESHOLD, HOTLINE } from '../../../flows/faq/answer.ts';
import { evalKbDir, loadDevSet } from '../../../tools/faq/eval.ts';
import { buildFaqIndex } from '../../../flows/faq/search-index.ts';
import { loadKb } from '../../../flows/faq/kb.ts';
import { fixtureIndex, readJsonl } from './support.ts';
import { adviseFor } from '../../../flows/faq/advice.ts';
import { readSituation } from '../../../flows/faq/situation.ts';

const fixture = fixtureIndex();
const real = buildFaqIndex(loadKb(evalKbDir()));

describe('answering questions', () => {
  it('answers a short chat question from the right entry', () => {
    const a = answerQuestion(fixture, 'đóng bhxh tự nguyện bao nhiêu 1 tháng');
    expect(a.topic).toBe('contribution_amount');
    expect(a.entryId).toBe('amount-min-max');
    expect(a.kind).toBe('entry');
    expect(a.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });

  it('understands SMS abbreviations and typos', () => {
    expect(answerQuestion(fixture, 'ho can ngheo dc ho tro ko').topic).toBe('subsidy');
    expect(answerQuestion(fixture, 'rut bh 1 lan dc k').topic).toBe('lump_sum');
    expect(answerQuestion(fixture, 'dong bao nhieu nam thi dc lanh luong huuu').topic).toBe('pension_conditions');
  });

  it('gives the same answer to every dev question typed with and without diacritics', () => {
    for (const c of loadDevSet()) {
      const a = answerQuestion(real, c.q);
      const b = answerQuestion(real, stripDiacritics(c.q));
      expect({ q: c.q, topic: b.topic, entryId: b.entryId }).toEqual({ q: c.q, topic: a.topic, entryId: a.entryId });
    }
  });

  it('picks the main ask of a paragraph, not the story around it', () => {
    const a = answerQuestion(
      fixture,
      'Tôi năm nay 52 tuổi, làm ruộng, trước đây có đóng BHXH bắt buộc 8 năm ở công ty may, nghỉ việc về quê chưa rút. Giờ muốn đóng tiếp tự nguyện thì đến 60 tuổi có được lương hưu không?',
    );
    expect(a.topic).toBe('pension_conditions');
  });

  it('says it is not sure below the threshold, offering up to three closest questions, a callback and the hotline', () => {
    const a = answerQuestion(fixture, 'đóng bhxh tự nguyện bao nhiêu 1 tháng', 1.01);
    expect(a.topic).toBe('unknown');
    expect(a.entryId).toBeNull();
    expect(a.kind).toBe('unsure');
    expect(a.alternatives.length).toBeGreaterThanOrEqual(2);
    expect(a.alternatives.length).toBeLessThanOrEqual(3);
    expect(a.alternatives[0]?.entryId).toBe('amount-min-max');
    expect(a.answer).toContain(HOTLINE);
    expect(a.answer).toContain('Gọi lại cho tôi');
    expect(a.answer).toContain(a.alternatives[0]!.question);
  });

  it('is unsure about a domain message it cannot match, and about an empty one', () => {
    expect(answerQuestion(fixture, 'bảo hiểm xyz abc').topic).toBe('unknown');
    expect(answerQuestion(fixture, '   ').topic).toBe('unknown');
  });

  it('replies to greetings, thanks and off-topic text without a knowledge-base entry', () => {
    for (const { q, kind } of readJsonl<{ q: string; kind: string }>('smalltalk.jsonl')) {
      for (const index of [fixture, real]) {
        const a = answerQuestion(index, q);
        expect({ q, kind: a.kind, entryId: a.entryId }).toEqual({ q, kind, entryId: null });
        expect(a.topic).toBe('other');
      }
    }
  });

  it('answers the question that follows a greeting', () => {
    expect(answerQuestion(fixture, 'chào ad, hộ nghèo được hỗ trợ bao nhiêu?').topic).toBe('subsidy');
  });

  it('answers from the situation when the words alone match no entry well enough (prepaid, then hired)', () => {
    const q =
      'Tôi có đang tham gia BHXH tự nguyện và đã đóng đủ tiền 3 tháng: 3,4,5/2019. Tháng 04/2019 tôi đi làm tại công ty và được công ty cho tham gia BHXH bắt buộc. Vậy tôi có thể được hoàn trả tiền BHXH tự nguyện tháng 4,5/2019 không?';
    for (const text of [q, stripDiacritics(q)]) {
      const a = answerQuestion(real, text);
      expect(a.kind).toBe('entry');
      expect(a.entryId).toBe('transfer_between_schemes.prepaid_then_employed');
    }
  });

  it('asks whether a pension is drawn only when the question speaks of a pension', () => {
    const a = answerQuestion(real, 'Tôi đã có sổ bảo hiểm. Bây giờ tôi muốn tham gia BHXH tự nguyện được không?');
    expect(a.kind).toBe('entry');
    expect(a.answer).toMatch(/^Được/);
  });

  it('answers the funeral condition, not a pensioner\'s death, when no pension is mentioned', () => {
    const a = answerQuestion(real, 'Tham gia BHXH tự nguyện bao lâu thì khi chết thân nhân được hưởng mai táng phí?');
    expect(a.entryId).toBe('survivor.funeral_allowance');
    expect(a.answer).toMatch(/60 tháng/);
  });

  it('adds the contribution amount when a pension question also asks "mức đóng là bao nhiêu"', () => {
    const a = answerQuestion(real, 'Tôi 52 tuổi, đóng BHXH tự nguyện đến 62 tuổi có lương hưu không, mức đóng là bao nhiêu?');
    expect(a.parts.map((p) => p.entry.id)).toContain('contribution_amount.how_much_month');
  });

  it('answers a death told as a fact with the survivor rules, and "mất quyền lợi" (lose) with the member\'s own', () => {
    const died = answerQuestion(real, 'Chú tôi tham gia BHXH tự nguyện được 6 năm thì mất do tai nạn giao thông. Vợ con chú được hưởng những chế độ gì?');
    expect(died.topic).toBe('survivor');
    const lose = answerQuestion(real, 'Tôi đóng tự nguyện được 2 năm, giờ muốn dừng. Nếu tôi nhận BHXH một lần thì có mất quyền lợi gì về sau không?');
    expect(lose.topic).not.toBe('survivor');
  });

  it('says both schemes cannot be paid at the same time, instead of "yes, the periods add up"', () => {
    for (const q of ['Công ty đang đóng BHXH cho tôi, tôi có đóng thêm BHXH tự nguyện song song cùng lúc được không?', 'vua dong bhxh bat buoc vua dong tu nguyen cung luc duoc ko']) {
      const a = answerQuestion(real, q);
      expect(a.entryId, q).toBe('transfer_between_schemes.both_at_once');
      expect(a.answer).toMatch(/^Không/);
    }
  });

  it('tells a person who never registered a period that it cannot be paid back, but not someone late on a registered mode', () => {
    const past = answerQuestion(real, 'Từ 2018 đến 2020 tôi ở nhà không đóng gì, giờ muốn đóng bù BHXH tự nguyện cho khoảng thời gian đó được không?');
    expect(past.entryId).toBe('payment_mode.backpay_past');
    const late = answerQuestion(real, 'Tôi đóng tự nguyện hằng tháng nhưng quên đóng 2 tháng, giờ đóng bù có được không?');
    expect(late.entryId).not.toBe('payment_mode.backpay_past');
  });

  it('answers "I stopped for some months, can I go on" with re-registering, the years kept', () => {
    const a = answerQuestion(real, 'Tôi đóng BHXH tự nguyện được 4 năm, đã ngừng đóng mấy tháng nay vì khó khăn, giờ muốn đóng tiếp có được không?');
    expect(a.entryId).toBe('payment_mode.pause_resume');
    expect(a.answer).toMatch(/^Được/);
  });

  it('answers a death before any pension was drawn with the member\'s one-time allowance, not a pensioner\'s', () => {
    const a = answerQuestion(real, 'Bố tôi đủ tuổi nghỉ hưu nhưng chưa lãnh lương hưu thì mất, gia đình được trợ cấp tuất một lần tính thế nào?');
    expect(a.entryId).toBe('survivor.member_dies_one_time');
  });

  it('adds the rule on paying for past months when a second ask is "có truy đóng được không"', () => {
    const a = answerQuestion(real, 'Tôi nghỉ không lương 3 tháng, tôi có được đóng BHXH tự nguyện trong thời gian này không? Tôi có thể truy đóng từ tháng trước không?');
    expect(a.parts.map((p) => p.entry.id)).toContain('payment_mode.backpay_past');
  });


  it('answers three asks in one message, each once, in the order they were asked', () => {
    const numbered = answerQuestion(real, 'Cho tôi hỏi: 1) BHXH tự nguyện đóng bao nhiêu một tháng? 2) Đóng ở đâu? 3) Bao nhiêu năm thì được lương hưu?');
    expect(numbered.parts.map((p) => p.entry.topic)).toEqual(['contribution_amount', 'where_to_pay', 'pension_conditions']);
    expect(numbered.answer).toMatch(/^1\) [^]*\n\n2\) [^]*\n\n3\) /);
    // Asked in one run-on chat line: the floor, then where, then the papers (the answer that says no income proof is
    // needed does not count as the papers, and the figures filled in count as the amount).
    const chat = answerQuestion(real, 'toi 40 tuoi muon hoi dong bhxh tu nguyen o dau, muc dong thap nhat bao nhieu va can giay to gi');
    const ids = chat.parts.map((p) => p.entry.id);
    expect(ids).toHaveLength(3);
    expect(ids.slice(1)).toEqual(['where_to_pay.collection_agents', 'how_to_join.papers']);
    expect(new Set(ids).size).toBe(3);
  });
  it('gives the 12-month compulsory route to the funeral allowance', () => {
    const a = answerQuestion(real, 'Vừa đóng bắt buộc vừa đóng tự nguyện thì trợ cấp mai táng thế nào?');
    expect(a.entryId).toBe('survivor.funeral_allowance');
    expect(a.answer).toMatch(/12 tháng đóng bắt buộc/);
  });

  it('gives the rule for employees who draw a pension only to someone who draws one', () => {
    const rule = real.entries.get('eligibility.pensioner_working')!;
    const notRetired = 'Tôi đã đóng BHXH bắt buộc 9 năm và nay không còn làm công ty nữa, sau này đi làm lại có tiếp tục đóng bắt buộc được không, lương hưu có ảnh hưởng gì không?';
    const a = adviseFor(real, notRetired, readSituation(notRetired), rule);
    expect(a.kind === 'parts' && a.parts[0]!.entry.id).toBe('transfer_between_schemes.quit_job');
    const retired = 'Tôi đang hưởng lương hưu, nay đi làm cho công ty thì có phải đóng BHXH nữa không?';
    const b = adviseFor(real, retired, readSituation(retired), rule);
    expect(b.kind === 'parts' && b.parts[0]!.entry.id).toBe('eligibility.pensioner_working');
  });
});
