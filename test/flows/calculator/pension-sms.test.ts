import { describe, expect, it } from 'vitest';
import { createCalculatorFlow } from '../../../flows/calculator/flow.ts';
import { calculatorCommand } from '../../../flows/calculator/parse.ts';
import { SMS_MAX_CHARS } from '../../../flows/calculator/reply.ts';
import { foldWords } from '../../../src/text/vietnamese.ts';
import type { Reply } from '../../../src/core/message.ts';
import { Chat, NOW, makeContext } from './chat.ts';

// The pension estimate, the SMS form of the replies, and the words that start the calculator (the premium steps
// are in flow.test.ts).
const flow = createCalculatorFlow({ discountRatePerMonth: 0.0035 });
const D2020 = new Date('2020-05-23T01:00:00Z');

/** How an SMS with numbered options would look: the text plus one line per option. */
function asSms(reply: Reply): string {
  const options = (reply.quickReplies ?? []).map((q, i) => `${i + 1}. ${q}`);
  return [reply.text, ...options, ...(options.length ? [`Soạn 1 đến ${options.length}`] : [])].join('\n');
}

describe('pension estimate in the flow', () => {
  it('asks sex, years and average income, and labels the answer an estimate (woman, 20 years: 55 %)', async () => {
    const chat = new Chat(flow);
    expect(await chat.say('tinh luong huu')).toContain('nữ hay nam');
    expect(chat.lastQuickReplies()).toEqual(['Nữ', 'Nam']);
    expect(await chat.say('nu')).toContain('bao nhiêu năm');
    expect(await chat.say('20 năm')).toContain('bình quân');
    const text = await chat.say('9,14 triệu');
    expect(text).toContain('ƯỚC TÍNH');
    expect(text).toContain('55%');
    expect(text).toContain('5.027.000 đồng');
    expect(text).toContain('41/2024/QH15');
    expect(text).toContain('ước tính');
    expect(chat.step).toBe('afterPension');
  });

  it('gives a man with 20 years 45 % and a man with 17 years 42 %', async () => {
    const man = new Chat(flow);
    await man.send('tinh luong huu');
    await man.send('2');
    await man.send('20');
    expect(await man.say('5 trieu')).toContain('45%');

    const shorter = new Chat(flow);
    await shorter.send('tinh luong huu');
    await shorter.send('nam');
    await shorter.send('17');
    const text = await shorter.say('5 trieu');
    expect(text).toContain('42%');
    expect(text).toContain('2.100.000');
  });

  it('mentions the one-off allowance for years beyond 30 for a woman', async () => {
    const chat = new Chat(flow);
    await chat.send('tinh luong huu');
    await chat.send('phụ nữ');
    await chat.send('33');
    const text = await chat.say('4 trieu');
    expect(text).toContain('75%');
    expect(text).toContain('6.000.000');
  });

  it('explains paying the missing years at once or the lump sum under 15 years', async () => {
    const chat = new Chat(flow);
    await chat.send('tinh luong huu');
    await chat.send('nu');
    await chat.send('12');
    const text = await chat.say('3 trieu');
    expect(text).toContain('chưa đủ 15 năm');
    expect(text).toContain('đóng một lần');
    expect(text).toContain('BHXH một lần');
  });

  it('re-asks sex, years and income with examples on bad answers', async () => {
    const chat = new Chat(flow);
    await chat.send('tinh luong huu');
    expect(await chat.say('???')).toContain('1 (Nữ)');
    await chat.send('nu');
    expect(await chat.say('nhiều')).toContain('ví dụ: 20');
    expect(await chat.say('100')).toContain('ví dụ: 20');
    await chat.send('20');
    expect(await chat.say('không biết')).toContain('Ví dụ');
    expect(chat.step).toBe('pensionIncome');
  });

  it('goes from the pension answer back to the premium with "1"', async () => {
    const chat = new Chat(flow);
    await chat.send('tinh luong huu');
    await chat.send('nu');
    await chat.send('20');
    await chat.send('5 trieu');
    await chat.send('1');
    expect(chat.step).toBe('income');
  });

  it('switches to the pension estimate when asked at the income question', async () => {
    const chat = new Chat(flow);
    await chat.send('tinh');
    await chat.send('tính lương hưu');
    expect(chat.step).toBe('sex');
  });
});

describe('on SMS', () => {
  /** Every reply along a few long paths, on the SMS channel. */
  async function smsReplies(now: Date): Promise<Reply[]> {
    const replies: Reply[] = [];
    const paths = [
      ['tinh', '1 trieu'],
      ['tinh', '99 trieu'],
      ['tinh', '46.800.000', 'dan toc', 'nhieu nam', '5'],
      ['tinh', '46.800.000', 'xa dao', '12 thang'],
      ['tinh', 'abc', '2 trieu', '???', 'ho can ngheo', '???', 'nhieu nam', '9'],
      ['tinh luong huu', '?', 'nam', 'x', '40', '46.800.000'],
      ['tinh luong huu', 'nu', '3', 'abc', '2 trieu'],
    ];
    for (const path of paths) {
      const chat = new Chat(flow, { channel: 'sms', now });
      for (const message of path) replies.push(...(await chat.send(message)));
    }
    return replies;
  }

  it.each([
    ['2020', D2020],
    ['now', NOW],
    ['2027', new Date('2027-06-01T03:00:00Z')],
  ])('keeps every reply within three unaccented segments (%s), options included', async (_label, now) => {
    for (const reply of await smsReplies(now)) {
      expect(reply.text.length).toBeLessThanOrEqual(SMS_MAX_CHARS);
      expect(asSms(reply).length, asSms(reply)).toBeLessThanOrEqual(SMS_MAX_CHARS);
    }
  });

  it('still gives the premium, subsidy, pay, discount rate and source on SMS', async () => {
    const chat = new Chat(flow, { channel: 'sms' });
    await chat.send('tinh 2 trieu');
    await chat.send('5');
    await chat.send('5');
    const text = await chat.say('5');
    expect(text).toContain('440.000');
    expect(text).toContain('66.000');
    expect(text).toContain('0,35%/tháng');
    expect(text).toContain('41/2024/QH15');
  });
});

describe('calculatorCommand', () => {
  it.each(['tinh', 'tính', '/tinh', 'Tính tiền', 'may tinh', 'máy tính', 'tinh luong huu', 'Tính lương hưu', 'tinh 3 trieu', 'tính 1tr5', 'tinh bhxh', 'tinh tien dong'])(
    'starts the calculator on %j',
    (text) => {
      expect(calculatorCommand(foldWords(text))).toBe(true);
    },
  );

  it.each(['tình hình', 'tinh trang', 'xin chao', 'tinh 20 nam', 'dong bhxh bao nhieu', 'menu', '1', 'tinh nguyen vien'])(
    'leaves %j to others',
    (text) => {
      expect(calculatorCommand(foldWords(text))).toBe(false);
    },
  );

  it('is the flow command', async () => {
    expect(flow.command?.(await makeContext('/tinh'))).toBe(true);
    expect(flow.command?.(await makeContext('chào bạn'))).toBe(false);
  });
});
