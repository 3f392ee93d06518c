import { describe, expect, it } from 'vitest';
import { measureSms, normalisePhone, prepareSms, smsEncoding, smsSegments, splitSms } from '../../src/text/sms.ts';

describe('SMS encoding and segments', () => {
  it.each([
    ['empty', '', 'GSM-7', 0],
    ['160 GSM-7 characters fit one SMS', 'a'.repeat(160), 'GSM-7', 1],
    ['161 GSM-7 characters take two parts of 153', 'a'.repeat(161), 'GSM-7', 2],
    ['306 GSM-7 characters are exactly two parts', 'a'.repeat(306), 'GSM-7', 2],
    ['307 GSM-7 characters take three parts', 'a'.repeat(307), 'GSM-7', 3],
    ['extension characters count twice (80 × € = 160 septets)', '€'.repeat(80), 'GSM-7', 1],
    ['81 × € overflow one SMS', '€'.repeat(81), 'GSM-7', 2],
    ['70 UCS-2 characters fit one SMS', 'ạ'.repeat(70), 'UCS-2', 1],
    ['71 UCS-2 characters take two parts of 67', 'ạ'.repeat(71), 'UCS-2', 2],
    ['134 UCS-2 characters are exactly two parts', 'ạ'.repeat(134), 'UCS-2', 2],
    ['accented Vietnamese is UCS-2', 'Đã ghi nhận 12 người', 'UCS-2', 1],
    ['unaccented Vietnamese is GSM-7', 'Da ghi nhan 12 nguoi', 'GSM-7', 1],
    ['one curly quote forces UCS-2', 'Xin chao “anh”', 'UCS-2', 1],
  ])('%s', (_name, text, encoding, segments) => {
    expect(smsEncoding(text)).toBe(encoding);
    expect(smsSegments(text)).toBe(segments);
    expect(measureSms(text)).toEqual({ encoding, segments });
  });
});

describe('prepareSms', () => {
  it.each([
    ['strips diacritics by default, đ/Đ included', 'Đã ghi nhận: đóng BHXH tự nguyện', {}, 'Da ghi nhan: dong BHXH tu nguyen', 'GSM-7'],
    ['keeps diacritics when asked', 'Đã ghi nhận', { keepDiacritics: true }, 'Đã ghi nhận', 'UCS-2'],
    ['NFC-normalises kept diacritics (decomposed input)', 'Đa\u0303', { keepDiacritics: true }, 'Đã', 'UCS-2'],
    ['replaces curly quotes, ellipsis and dashes with ASCII', '‘a’ “b” c… d – e — f', {}, `'a' "b" c... d - e - f`, 'GSM-7'],
    ['replaces non-breaking spaces and drops zero-width spaces', 'a\u00A0b\u200Bc', {}, 'a bc', 'GSM-7'],
    ['writes the đồng sign as d', 'Phí 50.000₫', {}, 'Phi 50.000d', 'GSM-7'],
    ['keeps what has no plain form (emoji): UCS-2, and says so', 'Cảm ơn 🙏', {}, 'Cam on 🙏', 'UCS-2'],
  ])('%s', (_name, input, opts, text, encoding) => {
    expect(prepareSms(input, opts)).toMatchObject({ text, encoding });
  });

  it('counts segments of the prepared text: 200 unaccented characters are 2 GSM-7 parts, accented would be 3', () => {
    const accented = 'Bảo hiểm xã hội tự nguyện '.repeat(8).trim();
    expect(prepareSms(accented)).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    expect(prepareSms(accented, { keepDiacritics: true })).toMatchObject({ encoding: 'UCS-2', segments: 4 });
  });
});

describe('splitSms', () => {
  it('returns a text that fits as one part, trimmed', () => {
    expect(splitSms('  xin chao  ')).toEqual(['xin chao']);
    expect(splitSms('   ')).toEqual([]);
  });

  it('splits on word boundaries: no word is cut, and the words come back in order', () => {
    const words = Array.from({ length: 60 }, (_v, i) => `tu${i}`);
    const parts = splitSms(words.join(' '), 1);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(smsSegments(part)).toBe(1);
      expect(part).toMatch(/^tu\d+( tu\d+)*$/);
    }
    expect(parts.join(' ')).toBe(words.join(' '));
  });

  it('fills each part as far as it can (GSM-7: 160 for one segment)', () => {
    const parts = splitSms('abcd '.repeat(100).trim(), 1);
    expect(parts[0]).toHaveLength(159); // 32 words of 4 + 31 spaces
  });

  it('counts UCS-2 parts by 70 characters', () => {
    const parts = splitSms('người '.repeat(40).trim(), 1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(70);
    expect(parts.join(' ')).toBe('người '.repeat(40).trim());
  });

  it('by default allows 10 segments per part: 1,530 GSM-7 characters stay one message, more are split', () => {
    expect(splitSms('a'.repeat(9) + ' a'.repeat(760))).toHaveLength(1);
    const parts = splitSms('abcdefghi '.repeat(200).trim());
    expect(parts).toHaveLength(2);
    expect(smsSegments(parts[0] ?? '')).toBeLessThanOrEqual(10);
  });

  it('cuts a single word longer than a part (a long link) rather than failing', () => {
    const link = 'https://example.vn/' + 'x'.repeat(300);
    const parts = splitSms(`xem ${link} nhe`, 1);
    expect(parts.every((p) => smsSegments(p) === 1)).toBe(true);
    expect(parts.join('').replace(/\s/g, '')).toBe(`xem${link}nhe`);
  });

  it('keeps newlines inside a part', () => {
    expect(splitSms('1. Co\n2. Khong')).toEqual(['1. Co\n2. Khong']);
  });
});

describe('normalisePhone (Vietnamese mobile numbers only)', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['(+84) 912-345-678', '+84912345678'],
    ['0862345678', '+84862345678'], // Viettel 086
    ['0392345678', '+84392345678'], // Viettel 039 (was 0169)
    ['0701234567', '+84701234567'], // MobiFone 070 (was 0120)
    ['0587654321', '+84587654321'], // Vietnamobile 058
    ['01223456789', null], // obsolete 11-digit 012x (renumbered to 07x in 2018)
    ['01692345678', null], // obsolete 016x
    ['02438253456', null], // Hà Nội landline: cannot receive SMS
    ['+12025550123', null], // not Vietnamese
    ['1900 9068', null], // hotline
    ['9029', null], // short code
    ['VIETTEL', null],
    ['abc', null],
    ['', null],
    ['09123456789', null], // one digit too many
  ])('%s → %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });
});
