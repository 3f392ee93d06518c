import { describe, expect, it } from 'vitest';
import { buildCorrector } from '../../../flows/faq/search-index.ts';
import { canonicalText, canonicalWords, splitMainAsk, tokenize } from '../../../flows/faq/normalise.ts';
import { registerDk } from '../../../flows/faq/ask-text.ts';

describe('FAQ text normalisation', () => {
  it('folds diacritics, case and đ the same way as the unaccented form', () => {
    expect(canonicalWords('Đóng BHXH Tự Nguyện được không?')).toEqual(canonicalWords('dong bhxh tu nguyen duoc khong'));
  });

  it('expands the abbreviations residents type', () => {
    expect(canonicalText('ko dc j')).toBe('khong duoc gi');
    expect(canonicalText('k biet sdt')).toBe('khong biet so dien thoai');
    expect(canonicalText('dong bn ntn')).toBe('dong bao_nhieu nhu the nao');
    expect(canonicalText('lg huu')).toBe('luong huu');
    expect(canonicalText('the bhyt')).toBe('the bhyt');
    expect(canonicalText('bảo hiểm y tế')).toBe('bhyt');
  });

  it('reads amounts written as 1tr5, 2 tr and 1500k', () => {
    expect(canonicalText('thu nhap 1tr5')).toBe('thu nhap 1 trieu 5');
    expect(canonicalText('2 tr')).toBe('2 trieu');
    expect(canonicalText('1500k')).toBe('1500 nghin');
  });

  it('reads "%" as "phần trăm", so "bao nhiêu %" asks for a rate, not an amount', () => {
    expect(canonicalText('được hưởng bao nhiêu %')).toBe(canonicalText('duoc huong bao nhieu phan tram'));
    expect(canonicalText('đóng 22% thu nhập')).toBe('dong 22 phan tram thu nhap');
  });

  it('treats "1 lần" and "một lần" alike and drops the name of the scheme itself', () => {
    expect(canonicalText('rút bhxh 1 lần')).toBe(canonicalText('rut bao hiem xa hoi mot lan'));
    expect(canonicalText('rút bhxh 1 lần')).toBe('rut mot lan');
  });

  it('produces syllable bigrams so that "lương hưu" is one token', () => {
    const t = tokenize('Điều kiện hưởng lương hưu');
    expect(t).toContain('luong_huu');
    expect(t).toContain('dieu_kien');
    expect(t).toContain('luong');
  });

  it('keeps stop words out of unigrams but inside bigrams', () => {
    const t = tokenize('tôi có được thai sản không');
    expect(t).not.toContain('toi');
    expect(t).not.toContain('khong');
    expect(t).toContain('thai_san');
  });

  it('takes the last interrogative sentence of a paragraph as the main ask', () => {
    const parts = splitMainAsk(
      'Tôi năm nay 52 tuổi, làm ruộng. Trước đây có đóng bảo hiểm 8 năm ở công ty may. Giờ đóng tiếp thì có lương hưu không?',
    );
    expect(parts[0]?.weight).toBe(1);
    expect(parts[0]?.words.join(' ')).toContain('luong huu');
    expect(parts[1]?.weight).toBeLessThan(1);
    expect(parts[1]?.words.join(' ')).toContain('cong ty');
  });

  it('keeps a one-sentence question whole', () => {
    expect(splitMainAsk('đóng bao nhiêu 1 tháng')).toHaveLength(1);
  });
});

describe('the typo corrector built from the knowledge base', () => {
  const correct = buildCorrector(['Điều kiện hưởng lương hưu', 'lương hưu bao nhiêu', 'thai sản thai sản', 'nguyện nguyện']);

  it('fixes a dropped, an added, a changed and a swapped letter', () => {
    expect(correct('luog')).toBe('luong');
    expect(correct('luongg')).toBe('luong');
    expect(correct('luonh')).toBe('luong');
    expect(correct('lunog')).toBe('luong');
  });

  it('leaves known words, short syllables, numbers and rare look-alikes alone', () => {
    expect(correct('luong')).toBe('luong');
    expect(correct('hux')).toBe('hux');
    expect(correct('2025')).toBe('2025');
    expect(correct('dieukk')).toBe('dieukk');
  });

  it('is used before the cues, so a typo does not hide "thai sản"', () => {
    expect(canonicalWords('thai sanr', correct)).toEqual(['thai', 'san']);
  });
});

describe('"dk": "được", or "đăng ký" before what is registered', () => {
  it.each([
    ['muon dk bhxh tu nguyen thi ra dau lam', 'muon dky bhxh tu nguyen thi ra dau lam'],
    ['dk o dau', 'dky o dau'],
    ['thu tuc dk the nao', 'thu tuc dky the nao'],
    ['toi 50 tuoi con dong dk ko', 'toi 50 tuoi con dong dk ko'],
    ['muon dk ko', 'muon dk ko'],
  ])('%s', (folded, expected) => {
    expect(registerDk(folded)).toBe(expected);
  });
});
