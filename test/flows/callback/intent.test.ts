import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asksForCallback } from '../../../flows/callback/intent.ts';
import { foldWords } from '../../../src/text/vietnamese.ts';

describe('recognising a request to be phoned in the resident\'s own words', () => {
  it.each([
    'tôi muốn được cán bộ gọi lại tư vấn',
    'goi lai cho toi',
    'cho tôi số để được tư vấn qua điện thoại',
    'GỌI LẠI',
    'nhờ cán bộ gọi điện tư vấn giúp em',
    'Tôi cần tư vấn qua điện thoại',
    'làm ơn gọi cho tôi',
    'muon duoc goi lai tu van bhxh tu nguyen',
  ])('starts the flow for "%s"', (text) => {
    expect(asksForCallback(foldWords(text))).toBe(true);
  });

  it.each([
    'số tổng đài bhxh là gì',
    'đóng bhxh tự nguyện bao nhiêu một tháng',
    'tôi 45 tuổi đóng thêm bao lâu thì có lương hưu',
    'điện thoại của bưu điện xã',
    '',
  ])('leaves "%s" to the answers', (text) => {
    expect(asksForCallback(foldWords(text))).toBe(false);
  });

  it('claims no question of the answers\' development set except those asking for a call', () => {
    const lines = readFileSync(new URL('../../fixtures/faq/dev-set.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean);
    const claimed = lines
      .map((l) => JSON.parse(l) as { q: string; topic: string })
      .filter((x) => asksForCallback(foldWords(x.q)));
    expect(lines.length).toBeGreaterThan(500);
    for (const x of claimed) expect(foldWords(x.q)).toMatch(/goi (dien )?(lai|tu van)|goi dien tu van/);
    expect(claimed.length).toBeLessThan(10);
  });
});
