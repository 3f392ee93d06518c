import type { Situation } from './situation.ts';

/** "mức thu nhập 3 triệu", "đóng theo mức 4,5 triệu", "thu nhập 3.000.000 đồng" on folded words. */
const INCOME = /\b(?:muc|thu nhap|luong|dong theo muc|chon muc)(?: \w+){0,3}? (\d{1,2}(?:[.,]\d)?) trieu\b|\b(?:muc|thu nhap|luong)(?: \w+){0,3}? (\d{1,3}(?: \d{3}){2}) dong\b/;

const money = (n: number): string => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * About how much a lump sum makes for the years and the income told (Law 41/2024 Art 102: 2 months of the
 * average income a year from 2014, 1.5 before): "6 năm, thu nhập 3 triệu: khoảng 36.000.000 đồng". Undefined
 * without both.
 */
export function lumpSumEstimateLead(f: string, s: Situation): string | undefined {
  const n = s.yearsPaid;
  const m = INCOME.exec(f);
  if (n === undefined || n <= 0 || n > 45 || !m) return undefined;
  const income = m[1] ? Number(m[1].replace(',', '.')) * 1_000_000 : Number(m[2]!.replace(/ /g, ''));
  if (!(income >= 1_000_000 && income <= 50_000_000)) return undefined;
  const years = Number.isInteger(n) ? `${n} năm` : `khoảng ${String(n).replace('.', ',')} năm`;
  return `Ước tính với ${years} đóng, thu nhập ${money(income)} đồng: nếu các năm đóng từ 2014 trở đi thì khoảng ${n} x 2 x ${money(income)} = ${money(n * 2 * income)} đồng (mỗi năm trước 2014 chỉ tính 1,5 tháng); thu nhập các năm được điều chỉnh trượt giá; với BHXH tự nguyện không gồm phần Nhà nước đã hỗ trợ tiền đóng. Số chính xác do cơ quan BHXH tính.`;
}
