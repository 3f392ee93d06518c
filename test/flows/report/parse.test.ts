import { describe, expect, it } from 'vitest';
import { distance, parseReport, recognise, resolveDay, type ParseResult } from '../../../flows/report/parse.ts';

const OPTS = { today: '2026-05-25', campaignStart: '2026-05-01', sanityLimit: 200 };
const T = OPTS.today;

type Expect = Record<string, unknown>;
const report = (count: number, day = T, extra: Expect = {}): Expect => ({ ok: true, kind: 'report', count, day, confirmed: false, ...extra });
const correction = (count: number, day = T, extra: Expect = {}): Expect => ({ ok: true, kind: 'correction', count, day, confirmed: false, ...extra });
const error = (code: string): Expect => ({ ok: false, error: code });

// text → what the parser must produce (a subset of the result)
const REPORTS: [string, Expect][] = [
  ['BC 12', report(12)],
  ['bc 12', report(12)],
  ['Bc 12', report(12)],
  ['BC12', report(12)],
  ['bc12', report(12)],
  ['BC-12', report(12)],
  ['BC: 12', report(12)],
  ['B.C 12', report(12)],
  ['BC 0', report(0)],
  ['BC 999 OK', report(999, T, { confirmed: true })],
  ['BC 012', report(12)],
  ['  BC   12  ', report(12)],
  ['BC 12.', report(12)],
  ['BC 12!', report(12)],
  ['BC 12 👍', report(12)],
  ['bc 12 21/5', report(12, '2026-05-21')],
  ['BC 12 21/05', report(12, '2026-05-21')],
  ['BC 12 21-5', report(12, '2026-05-21')],
  ['BC 12 21.5', report(12, '2026-05-21')],
  ['BC 12 25/5', report(12, '2026-05-25')],
  ['BC 12 21/5/2026', report(12, '2026-05-21')],
  ['BC 12 21/5/26', report(12, '2026-05-21')],
  ['BC 12 ngày 21/5', report(12, '2026-05-21')],
  ['BC 12 ngay 21/5', report(12, '2026-05-21')],
  ['bc 12 ngày 21 tháng 5', report(12, '2026-05-21')],
  ['BC 12 hôm nay', report(12)],
  ['bc 12 hom qua', report(12, '2026-05-24')],
  ['BC 21/5 12', error('syntax')],
  ['báo cáo: 12 người', report(12)],
  ['Báo cáo 12 người', report(12)],
  ['BÁO CÁO 12', report(12)],
  ['BAO CAO 12', report(12)],
  ['bao cao 12 nguoi', report(12)],
  ['baocao 12', report(12)],
  ['baocao12', report(12)],
  ['Bc 12 nguoi', report(12)],
  ['BC 12 người', report(12)],
  ['BC 12 ng', report(12)],
  ['BC 12 người mới tham gia', report(12)],
  ['BC 12 hs', report(12)],
  ['bc 12 nguoi 21/5', report(12, '2026-05-21')],
  ['/baocao 12', report(12)],
  ['/baocao@bhxh_bot 12', report(12)],
  ['/bc 12', report(12)],
  ['/baocao 12 21/5', report(12, '2026-05-21')],
  ['BC 250 OK', report(250, T, { confirmed: true })],
  ['bc 250 ok', report(250, T, { confirmed: true })],
  ['BC 250 xác nhận', report(250, T, { confirmed: true })],
  ['BC 250 21/5 OK', report(250, '2026-05-21', { confirmed: true })],
  ['BC 200', report(200)],
  ['BC 12 DV 001', report(12, T, { unitCode: '001' })],
  ['bc 12 đv 001', report(12, T, { unitCode: '001' })],
  ['BC 12 dv001', report(12, T, { unitCode: '001' })],
  ['BC 12 21/5 DV 017', report(12, '2026-05-21', { unitCode: '017' })],
  ['BC 12 đơn vị 017', report(12, T, { unitCode: '017' })],
  ['BC SUA 10', correction(10)],
  ['bc sửa 10', correction(10)],
  ['BC SỬA LẠI 10', correction(10)],
  ['bc sua 10 21/5', correction(10, '2026-05-21')],
  ['BC SUA10', correction(10)],
  ['BC SUA 250 OK', correction(250, T, { confirmed: true })],
  ['báo cáo sửa 8', correction(8)],
  // one-letter typos of the long keyword, followed by a number
  ['bao cáo 12', report(12)],
  ['bao caoo 12', report(12)],
  ['boa cao 12', report(12)],
  ['bao ca 12', report(12)],
  ['bai cao 12', report(12)],
  ['baocai 12', report(12)],
  ['bao cso 12', report(12)],
];

const ERRORS: [string, Expect][] = [
  ['BC', error('syntax')],
  ['bc ', error('syntax')],
  ['BC abc', error('syntax')],
  ['BC mười hai', error('syntax')],
  ['BC 12 15', error('syntax')],
  ['BC 12 người 15', error('syntax')],
  ['BC OK', error('syntax')],
  ['BC 12 DV', error('syntax')],
  ['BC 12 21/5 22/5', error('syntax')],
  ['báo cáo', error('syntax')],
  ['BC 1000', error('count_range')],
  ['BC 12345', error('count_range')],
  ['BC 12.5', error('count_range')],
  ['BC 12,5', error('count_range')],
  ['BC 1.000', error('count_range')],
  ['BC -3', error('count_range')],
  ['BC: -3', error('count_range')],
  ['BC 12 31/2', error('bad_date')],
  ['BC 12 32/5', error('bad_date')],
  ['BC 12 21/13', error('bad_date')],
  ['BC 12 30/2/2026', error('bad_date')],
  ['BC 12 26/5/2026', error('future')],
  ['BC 12 1/6/2026', error('future')],
  ['BC 12 30/4', error('before_start')],
  ['BC 12 26/5', error('before_start')], // no year: 26/05/2025, before the campaign
  ['BC 12 21/5/2025', error('before_start')],
  ['BC 250', { ok: false, error: 'needs_confirm', report: report(250) }],
  ['BC 201 21/5', { ok: false, error: 'needs_confirm', report: report(201, '2026-05-21') }],
  ['BC SUA 300', { ok: false, error: 'needs_confirm', report: correction(300) }],
  ['DK 4829', { ok: false, error: 'bad_code', command: 'link' }],
  ['DK 4829130', { ok: false, error: 'bad_code', command: 'link' }],
];

const NOT_COMMANDS: string[] = [
  'xin chào',
  'báo cáo tình hình đóng bhxh thế nào',
  'bao cao ket qua',
  'BV 12', // two-letter keyword: no typo tolerance ("BV" = bệnh viện)
  'BH 12',
  'DC 12',
  'vc 12',
  'bcd 12',
  'bcsua 10',
  'đóng bhxh 12 tháng được không',
  '12',
  'DK',
  'dk nhan tin',
  'tiền đóng bao nhiêu',
  'tien do la gi vay',
  'bap cai 12',
];

const OTHERS: [string, Expect][] = [
  ['TIENDO', { ok: true, kind: 'progress' }],
  ['tiendo', { ok: true, kind: 'progress' }],
  ['TIẾN ĐỘ', { ok: true, kind: 'progress' }],
  ['Tiến độ', { ok: true, kind: 'progress' }],
  ['tien do', { ok: true, kind: 'progress' }],
  ['tiến độ?', { ok: true, kind: 'progress' }],
  ['/tiendo', { ok: true, kind: 'progress' }],
  ['/tiendo@bhxh_bot', { ok: true, kind: 'progress' }],
  ['xem tiến độ', { ok: true, kind: 'progress' }],
  ['tiendô', { ok: true, kind: 'progress' }],
  ['tieendo', { ok: true, kind: 'progress' }],
  ['tein do', { ok: true, kind: 'progress' }],
  ['TIENDO 017', { ok: true, kind: 'progress', unitCode: '017' }],
  ['DK 482913', { ok: true, kind: 'link', code: '482913' }],
  ['dk 482913', { ok: true, kind: 'link', code: '482913' }],
  ['ĐK 482913', { ok: true, kind: 'link', code: '482913' }],
  ['DK482913', { ok: true, kind: 'link', code: '482913' }],
  ['/dk 482913', { ok: true, kind: 'link', code: '482913' }],
  ['đăng ký 482913', { ok: true, kind: 'link', code: '482913' }],
  ['DK 012345', { ok: true, kind: 'link', code: '012345' }],
];

function check(text: string, expected: Expect): void {
  const got: ParseResult = parseReport(text, OPTS);
  expect(got, text).toMatchObject(expected);
}

describe('parseReport', () => {
  it.each(REPORTS)('reads %j as a report', (text, expected) => check(text, expected));
  it.each(ERRORS)('rejects %j with the right error', (text, expected) => check(text, expected));
  it.each(NOT_COMMANDS)('leaves %j to other flows', (text) => check(text, { ok: false, error: 'not_command', command: null }));
  it.each(OTHERS)('reads %j as a progress or link command', (text, expected) => check(text, expected));

  it('tells how to fix a syntax error in the words of the issue', () => {
    expect(parseReport('BC abc', OPTS)).toMatchObject({ hint: 'Sai cú pháp. Gửi: BC <số người> [ngày/tháng]. VD: BC 12' });
  });

  it('asks for an explicit OK with the exact message to send back', () => {
    const r = parseReport('BC 250 21/5', OPTS);
    expect(r.ok ? '' : r.hint).toContain('BC 250 21/05 OK');
  });

  it('gives every error a hint', () => {
    for (const [text] of ERRORS) {
      const r = parseReport(text, OPTS);
      expect(r.ok ? 'ok' : r.hint, text).not.toBe('');
    }
  });

  it('is pure: the same input gives the same result', () => {
    expect(parseReport('bc 12 21/5', OPTS)).toEqual(parseReport('bc 12 21/5', OPTS));
  });

  it('recognises which command a message is without validating it', () => {
    expect(recognise('BC 12 99/99')).toBe('report');
    expect(recognise('BC SUA 1')).toBe('report');
    expect(recognise('TIENDO')).toBe('progress');
    expect(recognise('DK 123')).toBe('link');
    expect(recognise('cho hỏi mức đóng')).toBeNull();
  });

  it('recognises a long text only by its first words: a report with a long tail is one, a long question is not', () => {
    const tail = ' hôm nay tổ lưu động xã đã vận động thêm được nhiều người tham gia';
    expect(recognise(`BC 12 21/5 DV 0123${tail}`)).toBe('report');
    expect(recognise(`/baocao@bhxh_bot 12${tail}`)).toBe('report');
    expect(recognise(`Báo cáo 12${tail}`)).toBe('report');
    expect(recognise(`Cho tôi hỏi tiến độ${tail}`)).toBeNull();
    expect(recognise(`Báo cáo tình hình ra sao${tail}`)).toBeNull();
    expect(recognise(`DK 123456${tail}`)).toBeNull();
  });
});

describe('resolveDay', () => {
  it.each([
    [21, 5, undefined, '2026-05-25', '2026-05-21'],
    [25, 5, undefined, '2026-05-25', '2026-05-25'],
    [26, 5, undefined, '2026-05-25', '2025-05-26'],
    [31, 12, undefined, '2026-01-02', '2025-12-31'],
    [29, 2, undefined, '2026-05-25', '2024-02-29'],
    [31, 4, undefined, '2026-05-25', null],
    [21, 5, 26, '2026-05-25', '2026-05-21'],
  ] as const)('reads %i/%i (year %s) on %s as %s', (d, m, y, today, expected) => {
    expect(resolveDay(d, m, y, today)).toBe(expected);
  });
});

describe('distance', () => {
  it.each([
    ['baocao', 'baocao', 0],
    ['boacao', 'baocao', 1],
    ['baocaoo', 'baocao', 1],
    ['baica', 'baocao', 2],
  ] as const)('counts %s → %s as %i edits', (a, b, n) => expect(distance(a, b)).toBe(n));
});
