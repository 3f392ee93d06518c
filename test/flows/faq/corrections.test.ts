import { describe, expect, it } from 'vitest';
import { buildFaqIndex } from '../../../flows/faq/search-index.ts';
import { loadKb } from '../../../flows/faq/kb.ts';
import { canonicalWords } from '../../../flows/faq/normalise.ts';

describe('typo correction keeps real words', () => {
  const index = buildFaqIndex(loadKb());
  it.each([
    ['Mong được luật sư trả lời', 'mong'],
    ['Xin chào, cho tôi hỏi', 'chao'],
    ['Tôi có thắc mắc như sau', 'thac'],
    ['Tuy nhiên tôi chưa rõ', 'nhien'],
    ['Người ta nói rằng phải đóng đủ', 'rang'],
    ['Cháu tôi năm nay 20 tuổi', 'chau'],
    ['Anh Hoàng hỏi', 'hoang'],
    ['Tôi mở tiệm tạp hóa', 'tiem'],
  ])('leaves "%s" with "%s"', (q, word) => {
    expect(canonicalWords(q, index.correct)).toContain(word);
  });

  it('writes out the abbreviations of newspapers ("HĐLĐ", "NLĐ")', () => {
    expect(canonicalWords('Tạm hoãn HĐLĐ thì NLĐ có được đóng không', index.correct).join(' ')).toContain('hop dong lao dong thi nguoi lao dong');
  });

  it('still corrects a typo of a domain word', () => {
    expect(canonicalWords('luog huu', index.correct)).toContain('luong');
  });
});
