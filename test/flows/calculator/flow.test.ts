import { describe, expect, it } from 'vitest';
import { premium } from '../../../flows/calculator/compute.ts';
import { createCalculatorFlow } from '../../../flows/calculator/flow.ts';
import { AFTER_PREMIUM_OPTIONS, GROUP_OPTIONS, MODE_OPTIONS } from '../../../flows/calculator/parse.ts';
import { formatNumber } from '../../../flows/calculator/money.ts';
import { Chat, NOW, makeContext } from './chat.ts';

const flow = createCalculatorFlow({ discountRatePerMonth: 0.0035 });
const D2020 = new Date('2020-05-23T01:00:00Z');

/** A chat that has given an income and is at the group question. */
async function atGroup(income = '1,5 triệu', opts: ConstructorParameters<typeof Chat>[1] = {}): Promise<Chat> {
  const chat = new Chat(flow, opts);
  await chat.send('tinh');
  await chat.send(income);
  expect(chat.step).toBe('group');
  return chat;
}

describe('calculator flow', () => {
  it('is the flow "calculator", version 1, open to everyone', () => {
    expect(flow.id).toBe('calculator');
    expect(flow.version).toBe(1);
    expect(flow.roles).toBeUndefined();
  });

  it('refuses a nonsense discount rate at start-up', () => {
    expect(() => createCalculatorFlow({ discountRatePerMonth: Number.NaN })).toThrow(RangeError);
    expect(() => createCalculatorFlow({ discountRatePerMonth: 1.5 })).toThrow(RangeError);
  });

  it('asks the income with both limits, then the group, then the mode, and answers with premium, subsidy, pay and source', async () => {
    const chat = new Chat(flow);
    const ask = await chat.say('tính');
    expect(chat.step).toBe('income');
    expect(ask).toContain('1.500.000');
    expect(ask).toContain('50.600.000');

    expect(await chat.say('1,5 triệu')).toContain('1.500.000 đồng');
    expect(chat.step).toBe('group');
    expect(chat.lastQuickReplies()).toEqual([...GROUP_OPTIONS]);
    expect(GROUP_OPTIONS).toEqual(['Hộ nghèo', 'Hộ cận nghèo', 'Dân tộc thiểu số', 'Xã đảo, đặc khu', 'Khác']);

    await chat.send('Khác');
    expect(chat.step).toBe('mode');
    expect(chat.lastQuickReplies()).toEqual([...MODE_OPTIONS]);

    const result = await chat.say('1 tháng');
    expect(chat.step).toBe('after');
    expect(result).toContain('330.000 đồng');
    expect(result).toContain('66.000 đồng');
    expect(result).toContain('Anh/chị đóng: 264.000 đồng/tháng');
    expect(result).toContain('tối đa 120 tháng');
    expect(result).toContain('Luật BHXH 41/2024/QH15 Điều 36');
    expect(chat.lastQuickReplies()).toEqual([...AFTER_PREMIUM_OPTIONS]);
  });

  it('takes the amount from the start message ("tinh 3 trieu")', async () => {
    const chat = new Chat(flow);
    expect(await chat.say('tinh 3 trieu')).toContain('3.000.000 đồng');
    expect(chat.step).toBe('group');
  });

  it('takes a bare amount after the command as millions ("tinh 2")', async () => {
    const chat = new Chat(flow);
    expect(await chat.say('tinh 2')).toContain('2.000.000 đồng');
  });

  it('does not take a menu option number handed over at the start as an amount', async () => {
    const chat = new Chat(flow);
    await chat.send('3');
    expect(chat.step).toBe('income');
  });

  it('takes the ceiling from the reference level of the day: 20 × 2,530,000 since 1/7/2026 (Decree 161/2026)', async () => {
    const chat = new Chat(flow);
    expect(await chat.say('tinh 48 trieu')).toContain('48.000.000 đồng');
    expect(chat.step).toBe('group');
    const above = new Chat(flow);
    const text = await above.say('tinh 51 trieu');
    expect(text).toContain('50.600.000 đồng');
    expect(text).not.toContain('chưa');
    const june = new Chat(flow, { now: new Date('2026-06-30T03:00:00Z') });
    expect(await june.say('tinh 48 trieu')).toContain('46.800.000 đồng');
    expect(june.step).toBe('income');
  });

  it('says above the ceiling of a period whose reference level is recalled, not seen in a source, and gives the hotline', async () => {
    const chat = new Chat(flow, { now: new Date('2018-03-01T03:00:00Z') });
    const text = await chat.say('tinh 27 trieu');
    expect(text).toContain('26.000.000 đồng');
    expect(text).toContain('chưa đối chiếu nguồn');
    expect(text).toContain('1900 9068');
  });

  it('does not read years or ages in a free-text start as an amount', async () => {
    const chat = new Chat(flow);
    await chat.send('bhxh tu nguyen nam 2020 dong bao nhieu');
    expect(chat.step).toBe('income');
  });

  it.each([
    ['1', '165.000'],
    ['Hộ nghèo', '165.000'],
    ['ho ngheo', '165.000'],
    ['2', '198.000'],
    ['can ngheo', '198.000'],
    ['hộ cận nghèo', '198.000'],
    ['3', '231.000'],
    ['dan toc', '231.000'],
    ['dtts', '231.000'],
    ['toi la nguoi dan toc thieu so', '231.000'],
    ['4', '165.000'],
    ['xa dao', '165.000'],
    ['đặc khu', '165.000'],
    ['5', '264.000'],
    ['khac', '264.000'],
    ['không nghèo', '264.000'],
    ['ko', '264.000'],
    ['dan toc, ho can ngheo', '198.000'],
  ])('reads the group %j and the person pays %s a month now', async (answer, pay) => {
    const chat = await atGroup();
    await chat.send(answer);
    expect(chat.step).toBe('mode');
    expect(await chat.say('1')).toContain(`Anh/chị đóng: ${pay} đồng/tháng`);
  });

  it('re-asks the group with an example when it is not understood, keeping the income', async () => {
    const chat = await atGroup();
    expect(await chat.say('gì vậy')).toContain('ví dụ: 5');
    expect(chat.step).toBe('group');
    expect(chat.lastQuickReplies()).toEqual([...GROUP_OPTIONS]);
    await chat.send('5');
    expect(await chat.say('1')).toContain('1.500.000 đồng');
  });

  it('takes a new amount at the group question', async () => {
    const chat = await atGroup();
    expect(await chat.say('à, 2 triệu')).toContain('2.000.000 đồng');
    expect(chat.step).toBe('group');
  });

  it.each([
    ['1', '264.000 đồng/tháng'],
    ['1 thang', '264.000 đồng/tháng'],
    ['hang thang', '264.000 đồng/tháng'],
    ['2', '3 tháng/lần: 792.000 đồng'],
    ['3 tháng', '3 tháng/lần: 792.000 đồng'],
    ['3', '6 tháng/lần: 1.584.000 đồng'],
    ['6', '6 tháng/lần: 1.584.000 đồng'],
    ['nua nam', '6 tháng/lần: 1.584.000 đồng'],
    ['4', '12 tháng/lần: 3.168.000 đồng'],
    ['12', '12 tháng/lần: 3.168.000 đồng'],
    ['12 thang', '12 tháng/lần: 3.168.000 đồng'],
    ['hàng năm', '12 tháng/lần: 3.168.000 đồng'],
    ['hang nam', '12 tháng/lần: 3.168.000 đồng'],
  ])('reads the mode %j and answers %j', async (answer, expected) => {
    const chat = await atGroup();
    await chat.send('khac');
    expect(await chat.say(answer)).toContain(expected);
  });

  it('asks how many years for "Nhiều năm" and discounts at the configured rate, stating it', async () => {
    const chat = await atGroup();
    await chat.send('khac');
    expect(await chat.say('5')).toMatch(/từ 1 đến 5/);
    expect(chat.step).toBe('years');
    const text = await chat.say('2 năm');
    const expected = premium(1_500_000, NOW, 'other', { kind: 'yearsAhead', years: 2, discountRatePerMonth: 0.0035 });
    if (!expected.ok) throw new Error('refused');
    expect(expected.totalPay).toBe(6_088_248);
    expect(text).toContain(`${formatNumber(expected.totalPay)} đồng`);
    expect(text).toContain('0,35%/tháng');
    expect(text).toContain('24 tháng');
  });

  it('states a different configured rate', async () => {
    const other = new Chat(createCalculatorFlow({ discountRatePerMonth: 0.005 }));
    await other.send('tinh 1tr5');
    await other.send('khac');
    await other.send('nhieu nam');
    expect(await other.say('1')).toContain('0,5%/tháng');
  });

  it('takes "3 nam" at the mode question directly and refuses more than 5 years', async () => {
    const chat = await atGroup();
    await chat.send('khac');
    expect(await chat.say('3 nam')).toContain('36 tháng');
    const again = await atGroup();
    await again.send('khac');
    expect(await again.say('7 nam')).toContain('tối đa 5 năm');
    expect(again.step).toBe('years');
    expect(await again.say('abc')).toContain('Chưa hiểu số năm');
    expect(await again.say('hai')).toContain('24 tháng');
  });

  it('re-asks the mode with an example when it is not understood', async () => {
    const chat = await atGroup();
    await chat.send('khac');
    expect(await chat.say('sao cũng được')).toContain('Ví dụ: 12 tháng');
    expect(chat.step).toBe('mode');
  });

  it.each([
    ['1 triệu', 'thấp hơn'],
    ['51 triệu', 'cao hơn'],
    ['1499999', 'thấp hơn'],
  ])('refuses %j and names both the floor and the ceiling', async (income, word) => {
    const chat = new Chat(flow);
    await chat.send('tinh');
    const text = await chat.say(income);
    expect(text).toContain(word);
    expect(text).toContain('1.500.000 đồng');
    expect(text).toContain('50.600.000 đồng');
    expect(chat.step).toBe('income');
    await chat.send('2 trieu');
    expect(chat.step).toBe('group');
  });

  it('refuses an amount out of range given at the start', async () => {
    const chat = new Chat(flow);
    expect(await chat.say('tinh 500k')).toContain('50.600.000');
    expect(chat.step).toBe('income');
  });

  it.each(['abc', '???', 'bao nhiêu', '-', '😀😀', 'x'.repeat(5000)])('re-asks the income with an example for %j', async (junk) => {
    const chat = new Chat(flow);
    await chat.send('tinh');
    expect(await chat.say(junk)).toContain('Ví dụ');
    expect(chat.step).toBe('income');
  });

  it('leaves the income question for help on an empty message and for the menu on "0" (global words come first)', async () => {
    const empty = new Chat(flow);
    await empty.send('tinh');
    expect(await empty.say('')).toContain('MENU');
    expect(empty.step).toBeNull();

    const zero = new Chat(flow);
    await zero.send('tinh');
    await zero.send('0');
    expect(zero.handedTo).toBe('menu');
    expect(zero.step).toBeNull();
  });

  it('reproduces 2020: floor 700,000, non-poor pays 138,600, near-poor 115,500, poor 107,800', async () => {
    const cases: [string, string][] = [
      ['khac', '138.600'],
      ['can ngheo', '115.500'],
      ['ho ngheo', '107.800'],
    ];
    for (const [group, pay] of cases) {
      const chat = new Chat(flow, { now: D2020 });
      expect(await chat.say('tinh')).toContain('700.000');
      await chat.send('700000');
      await chat.send(group);
      const text = await chat.say('1');
      expect(text).toContain(`Anh/chị đóng: ${pay} đồng/tháng`);
      expect(text).toContain('58/2014/QH13');
    }
  });

  it('in 2020 says ethnic minorities had no group of their own and were counted as others', async () => {
    const chat = new Chat(flow, { now: D2020 });
    await chat.send('tinh 700000 dong');
    await chat.send('dan toc');
    const text = await chat.say('1');
    expect(text).toContain('138.600');
    expect(text).toContain('chưa có nhóm');
  });

  it('uses the 2027 floor of 2,200,000 during the 2027 campaign and says every figure is provisional', async () => {
    const chat = new Chat(flow, { now: new Date('2027-05-23T01:00:00Z') });
    expect(await chat.say('tinh')).toContain('2.200.000');
    // 1.5 M, the floor until 2026, is now below it: refused, with the reason the floor is provisional.
    const refused = await chat.say('1tr5');
    expect(chat.step).toBe('income');
    expect(refused).toContain('thấp hơn mức tối thiểu');
    expect(refused).toContain('351/2025');
    await chat.send('2tr2');
    await chat.send('khac');
    const text = await chat.say('1');
    // 22 % of 2,200,000 = 484,000; others get 20 % of it (96,800) and pay 387,200.
    expect(text).toContain('484.000 đồng');
    expect(text).toContain('96.800 đồng');
    expect(text).toContain('Anh/chị đóng: 387.200 đồng/tháng');
    expect(text).toContain('tạm tính');
    expect(text).not.toContain('chưa có quy định mới');
  });

  it('says nothing provisional for 2026 figures', async () => {
    const chat = new Chat(flow, { now: new Date('2026-12-31T16:59:00Z') });
    await chat.send('tinh 1tr5');
    await chat.send('khac');
    const text = await chat.say('1');
    expect(text).toContain('264.000');
    expect(text).not.toContain('tạm tính');
  });

  it('warns after the known periods that no new rules are known and uses the latest ones', async () => {
    const chat = new Chat(flow, { now: new Date('2031-02-01T03:00:00Z') });
    await chat.send('tinh 2tr2');
    await chat.send('khac');
    const text = await chat.say('1');
    expect(text).toContain('chưa có quy định mới, số liệu theo mức hiện hành');
    expect(text).toContain('387.200');
  });

  it('goes to the pension estimate from the result ("1") and to the menu with "2"', async () => {
    const chat = await atGroup();
    await chat.send('khac');
    await chat.send('1');
    expect(await chat.say('1')).toContain('nữ hay nam');
    expect(chat.step).toBe('sex');

    const menu = await atGroup();
    await menu.send('khac');
    await menu.send('1');
    await menu.send('2');
    expect(menu.handedTo).toBe('menu');
  });

  it('hands a new question after the result to the menu and starts again on a new amount', async () => {
    const chat = await atGroup();
    await chat.send('khac');
    await chat.send('1');
    await chat.send('ho ngheo co duoc ho tro khong');
    expect(chat.handedTo).toBe('menu');

    const again = await atGroup();
    await again.send('khac');
    await again.send('1');
    expect(await again.say('3 trieu')).toContain('3.000.000');
    expect(again.step).toBe('group');
  });

  it('restarts politely on an unknown step', async () => {
    const outcome = await flow.resume(await makeContext('xin chào'), 'no-such-step', {});
    expect(outcome.kind).toBe('stay');
    if (outcome.kind === 'stay') expect(outcome.step).toBe('income');
  });

  it('restarts when the saved state is missing a field', async () => {
    const outcome = await flow.resume(await makeContext('1'), 'mode', {});
    expect(outcome.kind === 'stay' && outcome.step).toBe('income');
  });
});
