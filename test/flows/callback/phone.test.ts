import { describe, expect, it } from 'vitest';
import { checkMobile, maskPhone } from '../../../flows/callback/phone.ts';
import { phoneRefused } from '../../../flows/callback/texts.ts';

describe('Vietnamese mobile numbers for a callback', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['091.234.5678', '+84912345678'],
    ['+84 91 234 5678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['(098) 123-4567', '+84981234567'],
    ['0701234567', '+84701234567'],
  ])('accepts %s as %s', (raw, e164) => {
    expect(checkMobile(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['024 3825 3456', 'landline'],
    ['+1 202 555 0123', 'foreign'],
    ['+44 7700 900123', 'foreign'],
    ['1900 9068', 'short_code'],
    ['19009068', 'short_code'],
    ['1800 599 920', 'short_code'],
    ['113', 'short_code'],
    ['0162 345 6789', 'obsolete'],
    ['12345', 'short_code'],
    ['không có', 'invalid'],
    ['0912<script>', 'invalid'],
  ])('refuses %s as %s', (raw, reason) => {
    expect(checkMobile(raw)).toMatchObject({ ok: false, reason });
  });

  it('suggests the 10-digit number an obsolete 11-digit one became', () => {
    expect(checkMobile('01623456789')).toEqual({ ok: false, reason: 'obsolete', suggestion: '0323456789' });
    expect(phoneRefused('obsolete', '0323456789')).toMatch(/11 số.*0323456789.*ví dụ 0912345678/);
  });

  it('says which kind of number was refused and what is accepted', () => {
    expect(phoneRefused('landline')).toMatch(/máy bàn.*di động/);
    expect(phoneRefused('foreign')).toMatch(/nước ngoài/);
    expect(phoneRefused('short_code')).toMatch(/tổng đài hoặc đầu số ngắn/);
  });

  it('masks a number for display', () => {
    expect(maskPhone('+84912345678')).toBe('0912***678');
  });
});
