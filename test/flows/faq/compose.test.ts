import { describe, expect, it } from 'vitest';
import { composeReply, entryBody } from '../../../flows/faq/compose.ts';
import type { KbEntry } from '../../../flows/faq/kb.ts';
import { DAY } from './support.ts';

const entry = (id: string, short: string, long?: string): KbEntry => ({
  id,
  topic: 'lump_sum',
  questions: ['q'],
  keywords: [],
  short,
  ...(long !== undefined && { long }),
  source: 'Luật BHXH 41/2024/QH15, Điều 102',
  effective: '2025-07-01',
  verified: true,
});
const papers = entry('papers', 'Hồ sơ: sổ BHXH, mẫu 14-HSB, CCCD.', 'Hồ sơ gồm:\n- sổ BHXH\n- mẫu 14-HSB\n- CCCD');
const amount = entry('amount', 'Mỗi năm từ 2014 được 2 tháng thu nhập bình quân.', 'Cách tính: mỗi năm được hai tháng bình quân.');

describe('composing the reply', () => {
  it('uses the long answer on chat when it keeps every figure of the short one, with the legal basis', () => {
    const text = composeReply([{ entry: papers, lead: 'Anh/chị được rút ngay.' }], { sms: false, maxLength: 4000 }, DAY);
    expect(text).toBe('Anh/chị được rút ngay.\nHồ sơ gồm:\n- sổ BHXH\n- mẫu 14-HSB\n- CCCD\n\nCăn cứ: Luật BHXH 41/2024/QH15, Điều 102');
  });

  it('keeps the short answer when the long one drops a figure ("2 tháng", "2014")', () => {
    expect(entryBody(amount, false)).toBe(amount.short);
  });

  it('numbers two asks, each short with its legal basis, on chat', () => {
    const text = composeReply([{ entry: papers }, { entry: amount }], { sms: false, maxLength: 4000 }, DAY);
    expect(text).toMatch(/^1\) Hồ sơ: sổ BHXH, mẫu 14-HSB, CCCD\.\nCăn cứ: .*\n\n2\) Mỗi năm từ 2014/);
    expect(text.match(/Căn cứ/g)).toHaveLength(2);
  });

  it('sends only the short answers on SMS and never exceeds the channel limit', () => {
    const sms = composeReply([{ entry: papers }, { entry: amount }], { sms: true, maxLength: 1530 }, DAY);
    expect(sms).not.toMatch(/Căn cứ/);
    expect(sms).toMatch(/^1\) Hồ sơ.*\n\n2\) Mỗi năm/s);
    const tight = composeReply([{ entry: papers, lead: 'x'.repeat(80) }], { sms: true, maxLength: 60 }, DAY);
    expect(tight.length).toBeLessThanOrEqual(60);
  });

  it('keeps whole answers when three asks do not fit an SMS: the last ask is left for a message of its own', () => {
    const long = entry('long', `Điều kiện: ${'đủ tuổi và đủ 15 năm đóng; '.repeat(20)}hết.`);
    const sms = composeReply([{ entry: papers }, { entry: amount }, { entry: long }], { sms: true, maxLength: 300 }, DAY);
    expect(sms).toBe(`1) ${papers.short}\n\n2) ${amount.short}\n\nCâu hỏi còn lại, anh/chị nhắn riêng để được trả lời đầy đủ.`);
  });

  it("fills in this year's retirement ages for the message's day", () => {
    const ages = entry('ages', 'Năm {YEAR} tuổi nghỉ hưu là nam {MALE_AGE}, nữ {FEMALE_AGE}; năm {NEXT_YEAR}: nam {NEXT_MALE_AGE}, nữ {NEXT_FEMALE_AGE}.');
    const chat = { sms: false, maxLength: 4000 };
    expect(composeReply([{ entry: ages }], chat, '2026-12-31')).toMatch(/^Năm 2026 tuổi nghỉ hưu là nam 61 tuổi 6 tháng, nữ 57 tuổi; năm 2027: nam 61 tuổi 9 tháng, nữ 57 tuổi 4 tháng\./);
    expect(composeReply([{ entry: ages }], chat, '2027-01-01')).toMatch(/^Năm 2027 tuổi nghỉ hưu là nam 61 tuổi 9 tháng, nữ 57 tuổi 4 tháng; năm 2028: nam 62 tuổi, nữ 57 tuổi 8 tháng\./);
  });

  it('says, once the day is past an entry\'s effective end, that its figures may have changed; not before, not on repealed-law entries', () => {
    const dated = { ...entry('contribution_amount.minimum', 'Mức đóng thấp nhất 330.000 đồng/tháng.'), effective: '2022-01-01..2026-12-31' };
    const old = { ...entry('survivor.old_rule_2020', 'Theo Luật BHXH 2014 (áp dụng đến 30/6/2025): …'), effective: '2016-01-01..2025-06-30' };
    const chat = { sms: false, maxLength: 4000 };
    expect(composeReply([{ entry: dated }], chat, '2026-12-31')).not.toMatch(/áp dụng đến/);
    expect(composeReply([{ entry: dated }], chat, '2027-01-01')).toMatch(/330\.000 đồng\/tháng\.\nLưu ý: thông tin này áp dụng đến 31\/12\/2026, có thể đã thay đổi; hỏi tổng đài 1900 9068\.\n\nCăn cứ/);
    expect(composeReply([{ entry: old }], chat, '2027-01-01')).not.toMatch(/Lưu ý/);
    // Short of room, the note goes before the answer does.
    const sms = composeReply([{ entry: dated }], { sms: true, maxLength: 60 }, '2027-01-01');
    expect(sms).toBe('Mức đóng thấp nhất 330.000 đồng/tháng.');
  });
});
