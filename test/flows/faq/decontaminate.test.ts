import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonRuns, decontaminate, indexTexts, overlaps, sourceKey, wordRuns } from '../../../tools/faq/decontaminate.ts';

const set = indexTexts([
  { q: 'Tôi năm nay 52 tuổi, là lao động tự do, muốn đóng BHXH tự nguyện để có lương hưu.', source: 'https://nld.com.vn/cong-doan/a-1.htm' },
  { q: 'Hết tuổi lao động có được đóng không?', source: 'test/fixtures/faq/dev-set.jsonl (project dev set)' },
]);

describe('decontaminating new advice questions', () => {
  it('cuts a question into runs of 8 folded words, the scheme name counting as one', () => {
    expect(wordRuns('Bảo hiểm xã hội tự nguyện đóng ở đâu?')).toEqual(['bhxh tu nguyen dong o dau']);
    expect(wordRuns('một hai ba bốn năm sáu bảy tám chín')).toEqual(['mot hai ba bon nam sau bay tam', 'hai ba bon nam sau bay tam chin']);
  });

  it('names a page by its address without scheme, "www." or query', () => {
    expect(sourceKey('https://www.NLD.com.vn/cong-doan/a-1.htm?utm=x')).toBe(sourceKey('http://nld.com.vn/cong-doan/a-1.htm'));
  });

  it('drops a candidate that repeats 8 words of a question, typed without marks', () => {
    expect(overlaps({ q: 'Xin hỏi: toi nam nay 52 tuoi, la lao dong tu do, co nen dong khong?' }, set)).toBe(true);
  });

  it('drops a candidate from the same page, and a short question inside a longer one', () => {
    expect(overlaps({ q: 'Một câu khác hẳn', source: 'https://nld.com.vn/cong-doan/a-1.htm' }, set)).toBe(true);
    expect(overlaps({ q: 'Bà tôi đã hết tuổi lao động có được đóng không? Cảm ơn.' }, set)).toBe(true);
  });

  it('keeps a candidate that shares only set phrases or nothing', () => {
    const common = commonRuns([{ q: 'a b c d e f g h' }, { q: 'x a b c d e f g h' }, { q: 'a b c d e f g h y' }]);
    expect(common.has('a b c d e f g h')).toBe(true);
    expect(overlaps({ q: 'z a b c d e f g h z' }, indexTexts([{ q: 'a b c d e f g h' }]), common)).toBe(false);
    expect(overlaps({ q: 'Chủ hộ kinh doanh có phải đóng bắt buộc từ 1/7/2025 không?' }, set)).toBe(false);
  });

  it('says only "clear" or "drop" per candidate, in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'decontaminate-'));
    const against = join(dir, 'set.jsonl');
    writeFileSync(against, `${JSON.stringify({ q: 'Đóng BHXH tự nguyện mức thấp nhất là bao nhiêu một tháng vậy ạ?', source: 'https://a.vn/1' })}\n`);
    const verdicts = decontaminate(
      [{ q: 'Cho hỏi đóng BHXH tự nguyện mức thấp nhất là bao nhiêu một tháng?' }, { q: 'Rút một lần khi đi định cư được không?' }],
      [against],
    );
    expect(verdicts).toEqual(['drop', 'clear']);
  });
});
