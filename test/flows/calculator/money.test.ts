import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber, formatPercent, parseMoney, parseNumberToken } from '../../../flows/calculator/money.ts';

describe('parseMoney reads Vietnamese amounts as whole đồng', () => {
  it.each<[string, number | null]>([
    ['1,5 triệu', 1_500_000],
    ['1.500.000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['1tr5', 1_500_000],
    ['1TR5', 1_500_000],
    ['1tr250', 1_250_000],
    ['2 trieu', 2_000_000],
    ['2 triệu', 2_000_000],
    ['1500k', 1_500_000],
    ['1.500k', 1_500_000],
    ['500 nghìn', 500_000],
    ['1,5tr', 1_500_000],
    ['3 củ', 3_000_000],
    ['3 cu', 3_000_000],
    ['2.340.000đ', 2_340_000],
    ['2.340.000 đồng', 2_340_000],
    ['2.340.000 VNĐ', 2_340_000],
    ['2340000vnd', 2_340_000],
    ['1500000', 1_500_000],
    ['1 triệu 500', 1_500_000],
    ['1 trieu 5', 1_500_000],
    ['1 triệu 50 nghìn', 1_050_000],
    ['1 triệu rưỡi', 1_500_000],
    ['2 củ rưỡi', 2_500_000],
    ['1.5m', 1_500_000],
    ['hai triệu', 2_000_000],
    ['năm triệu', 5_000_000],
    ['tôi muốn đóng 3 triệu một tháng', 3_000_000],
    ['tôi 45 tuổi, đóng 2 triệu', 2_000_000],
    ['46.800.000', 46_800_000],
    ['700000 dong', 700_000],
    ['500 đồng', 500],
    ['đóng 2 triệu', 2_000_000],
    ['1,5 triệu 1 tháng', 1_500_000],
    ['2tr/tháng', 2_000_000],
    ['1 triệu 2 trăm nghìn', 1_200_000],
  ])('reads %j as %s', (text, expected) => {
    expect(parseMoney(text)).toBe(expected);
  });

  it.each<[string, number | null]>([
    ['3', 3_000_000],
    ['3,5', 3_500_000],
    ['1.5', 1_500_000],
    ['1500', 1_500_000],
    ['2340', 2_340_000],
    ['700000', 700_000],
  ])('in an income answer reads the bare number %j as %s (small numbers are millions, 1,000-99,999 thousands)', (text, expected) => {
    expect(parseMoney(text, { bare: 'income' })).toBe(expected);
  });

  it.each<[string]>([
    [''],
    ['abc'],
    ['triệu'],
    ['bao nhiêu'],
    ['0'],
    ['0912345678'],
    ['1.2.3'],
    ['1,5,6'],
    ['12/5/2020'],
    ['20 năm'],
    ['toi 52 tuoi'],
    ['1 tháng'],
    ['22%'],
    ['?!'],
    ['😀'],
    ['2 trieu hay 3 trieu'],
    // "7 năm cũ" unaccented: the years' word is no spelled five before "củ".
    ['7 nam cu cua e con tinh ko'],
  ])('finds no amount in %j', (text) => {
    expect(parseMoney(text, { bare: 'income' })).toBeNull();
  });

  it('ignores bare numbers when told to ("bhxh 2020 đóng bao nhiêu")', () => {
    expect(parseMoney('bhxh 2020 đóng bao nhiêu', { bare: 'none' })).toBeNull();
    expect(parseMoney('tinh 3 trieu', { bare: 'none' })).toBe(3_000_000);
    expect(parseMoney('nam 2020 dong bao nhieu', { bare: 'none' })).toBeNull();
  });

  it('reads bare numbers as đồng by default', () => {
    expect(parseMoney('250000')).toBe(250_000);
  });

  it('reads the same amount said twice as one, and no tail across a full stop or a list number', () => {
    expect(parseMoney('lương 6tr, muốn đóng mức 6tr thì mỗi tháng bao nhiêu')).toBe(6_000_000);
    expect(parseMoney('mức 2tr có phải là đóng 2tr không')).toBe(2_000_000);
    expect(parseMoney('đóng 2tr hay 3tr')).toBeNull();
    expect(parseMoney('muốn đóng mức 3tr. 1) mỗi tháng bao nhiêu')).toBe(3_000_000);
    expect(parseMoney('mức 1tr5 thì sao')).toBe(1_500_000);
    expect(parseMoney('2 triệu 5 một tháng')).toBe(2_500_000);
  });

  it('tells grouped thousands from decimals', () => {
    expect(parseNumberToken('1.500')).toBe(1500);
    expect(parseNumberToken('1,5')).toBe(1.5);
    expect(parseNumberToken('1.25')).toBe(1.25);
    expect(parseNumberToken('1.500,5')).toBeNull();
    expect(parseNumberToken('012')).toBeNull();
  });
});

describe('formatting money', () => {
  it.each<[number, string]>([
    [264_000, '264.000 đồng'],
    [10_296_000, '10.296.000 đồng'],
    [999, '999 đồng'],
    [0, '0 đồng'],
    [1_000, '1.000 đồng'],
  ])('writes %i as %j', (n, text) => {
    expect(formatMoney(n)).toBe(text);
  });

  it('groups without a unit and writes rates with a decimal comma', () => {
    expect(formatNumber(46_800_000)).toBe('46.800.000');
    expect(formatPercent(0.22)).toBe('22%');
    expect(formatPercent(0.0035)).toBe('0,35%');
    expect(formatPercent(0.25)).toBe('25%');
  });
});
