import { describe, expect, it } from 'vitest';
import { fold } from '../../src/text/vietnamese.ts';

/** Folding by its definition: NFD, marks dropped, đ → d, lower case, NFC. */
const byDefinition = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().normalize('NFC');

describe('fold', () => {
  it('folds every single character as by its definition', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      if (fold(c) !== byDefinition(c)) expect(fold(c), `U+${code.toString(16)}`).toBe(byDefinition(c));
    }
  });

  it.each([
    ['accented Vietnamese', 'Đóng BHXH TỰ NGUYỆN được không ạ?', 'dong bhxh tu nguyen duoc khong a?'],
    ['decomposed marks', 'Đóng BHXH'.normalize('NFD'), 'dong bhxh'],
    ['punctuation and the dong sign', '“Mức đóng” – 330.000₫…', '“muc dong” – 330.000₫…'],
    ['marks outside the table', 'İstanbul ǅ Σας', byDefinition('İstanbul ǅ Σας')],
    ['unaccented', 'Dong BHXH', 'dong bhxh'],
  ])('folds %s as by its definition', (_name, text, folded) => {
    expect(fold(text)).toBe(folded);
    expect(fold(text)).toBe(byDefinition(text));
  });
});
