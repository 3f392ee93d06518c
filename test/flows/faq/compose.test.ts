import { describe, expect, it } from 'vitest';
import { composeReply, entryBody } from '../../../flows/faq/compose.ts';
import type { KbEntry } from '../../../flows/faq/kb.ts';

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
    const text = composeReply([{ entry: papers, lead: 'Anh/chị được rút ngay.' }], { sms: false, maxLength: 4000 });
    expect(text).toBe('Anh/chị được rút ngay.\nHồ sơ gồm:\n- sổ BHXH\n- mẫu 14-HSB\n- CCCD\n\nCăn cứ: Luật BHXH 41/2024/QH15, Điều 102');
  });

  it('keeps the short answer when the long one drops a figure ("2 tháng", "2014")', () => {
    expect(entryBody(amount, false)).toBe(amount.short);
  });

  it('numbers two asks, each short with its legal basis, on chat', () => {
    const text = composeReply([{ entry: papers }, { entry: amount }], { sms: false, maxLength: 4000 });
    expect(text).toMatch(/^1\) Hồ sơ: sổ BHXH, mẫu 14-HSB, CCCD\.\nCăn cứ: .*\n\n2\) Mỗi năm từ 2014/);
    expect(text.match(/Căn cứ/g)).toHaveLength(2);
  });

  it('sends only the short answers on SMS and never exceeds the channel limit', () => {
    const sms = composeReply([{ entry: papers }, { entry: amount }], { sms: true, maxLength: 1530 });
    expect(sms).not.toMatch(/Căn cứ/);
    expect(sms).toMatch(/^1\) Hồ sơ.*\n\n2\) Mỗi năm/s);
    const tight = composeReply([{ entry: papers, lead: 'x'.repeat(80) }], { sms: true, maxLength: 60 });
    expect(tight.length).toBeLessThanOrEqual(60);
  });
});
