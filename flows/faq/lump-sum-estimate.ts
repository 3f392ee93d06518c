import type { Situation } from './situation.ts';
import { has } from './regex-literals.ts';

/** "mức thu nhập 3 triệu", "đóng theo mức 4,5 triệu", "thu nhập 3.000.000 đồng", "bình quân khoảng 6 triệu" on folded words. */
// (Read on words without punctuation too: "mức 1,5 triệu" is "muc 1 5 trieu" there.)
// ("Bình quân thu nhập tháng đóng BHXH của tôi khoảng 4 triệu": the average, farther from its number.)
const INCOME = /\b(?:muc|thu nhap|luong|dong theo muc|chon muc)(?: \w+){0,5}? (\d{1,2}(?:[., ]\d)?) ?(?:trieu|tr)\b|\bbinh quan(?: \w+){0,8}? (\d{1,2}(?:[., ]\d)?) ?(?:trieu|tr)\b|\b(?:muc|thu nhap|luong|binh quan)(?: \w+){0,3}? (\d{1,3}(?: \d{3}){2}) dong\b/;

/** Words just before a level that make it one for the years to come. */
const FUTURE_LEVEL = /\b(?:tiep|muon|dinh|du dinh|se|sap)(?: \w+){0,2} $/;

/** The monthly income a message names for the years paid (1,000,000 to 50,000,000 đồng), or undefined. */
export function incomeTold(f: string): number | undefined {
  const m = INCOME.exec(f);
  // (Not an income chosen for the years to come: "còn nếu đóng tự nguyện tiếp mức 3 triệu" is no past average.)
  if (!m || has(FUTURE_LEVEL, f.slice(Math.max(0, m.index - 40), m.index))) return undefined;
  const millions = m[1] ?? m[2];
  const income = millions ? Number(millions.replace(/[, ]/, '.')) * 1_000_000 : Number(m[3]!.replace(/ /g, ''));
  return income >= 1_000_000 && income <= 50_000_000 ? income : undefined;
}

/** A number as written in Vietnamese, with a decimal comma ("10,5"). */
export const decimal = (x: number): string => String(x).replace('.', ',');

const money = (n: number): string => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/**
 * About how much a lump sum makes for the years and the income told (Law 41/2024 Art 102: 2 months of the
 * average income a year from 2014, 1.5 before, split by the start year when told): "6 năm, thu nhập 3 triệu:
 * khoảng 36.000.000 đồng". Undefined without both.
 */
export function lumpSumEstimateLead(f: string, s: Situation): string | undefined {
  const n = s.yearsPaid;
  const income = incomeTold(f);
  if (n === undefined || n <= 0 || n > 45 || income === undefined) return undefined;
  const years = Number.isInteger(n) ? `${n} năm` : `khoảng ${String(n).replace('.', ',')} năm`;
  const { months, total, split } = monthsOfAverage(n, s);
  return `Ước tính với ${years} đóng, thu nhập ${money(income)} đồng: khoảng ${total} tháng x ${money(income)} = ${money(months * income)} đồng${split}; thu nhập các năm được điều chỉnh trượt giá; ${s.seriousIllness ? 'người mắc bệnh nguy hiểm hoặc suy giảm khả năng lao động từ 81% được nhận cả phần Nhà nước đã hỗ trợ tiền đóng' : 'với BHXH tự nguyện không gồm phần Nhà nước đã hỗ trợ tiền đóng'}. Số chính xác do cơ quan BHXH tính.`;
}

/** Asks how much the lump sum makes ("được bao nhiêu", "rút được bao nhiêu", "nhận bao nhiêu tiền"). */
// (Or how the sum is reckoned: "nhờ tư vấn cách tính số tiền được nhận".)
// ("… có rút một lần được không, khoảng bao nhiêu và cần giấy tờ gì" too.)
const ASKS_HOW_MUCH = /\b(?:duoc|rut|nhan|lanh|lay) (?:duoc |lai |ve |tinh )?(?:khoang )?(?:bao nhieu|may thang)\b|\bbao nhieu tien\b|\b(?:rut|nhan|lanh|lay|huong)\b(?: \w+){0,6} khoang bao nhieu\b|\bcach tinh (?:so )?tien (?:duoc )?(?:nhan|huong|rut|lanh)\b/;

/**
 * The lump sum in months of average income for the years told ("8 năm BHXH, rút 1 lần được bao nhiêu", "đóng từ
 * 2010 được 12 năm"), and in đồng when an income is named too: 1.5 months a year before 2014, 2 from 2014 (Law
 * 41/2024 Art 102), split by the start year when it is told, else reckoned as years from 2014. Undefined without
 * years or an ask of the amount.
 */
export function lumpSumMonthsLead(f: string, s: Situation): string | undefined {
  // ("… hay rút 3 năm cũ ra luôn thì lợi hơn": the years named in the ask, whoever else's years the letter tells.)
  const named = /\brut (?:(?:ra|het|lai|luon|ca) )?(\d{1,2}) nam\b/.exec(f);
  const own = named && Number(named[1]) > 0 && Number(named[1]) !== s.yearsPaid ? Number(named[1]) : undefined;
  const n = own ?? s.yearsPaid;
  if (n === undefined || n <= 0 || n > 45 || !has(ASKS_HOW_MUCH, f)) return undefined;
  // Under a year paid ("đóng tự nguyện được 10 tháng … rồi nghỉ"): the amount paid, at most 2 months of the average (Art 102).
  if (n < 1) {
    const months = Math.round(n * 12);
    return `Với ${months} tháng đóng (chưa đủ 1 năm): số tiền nhận bằng số tiền đã đóng cho ${months} tháng đó, tối đa 2 tháng thu nhập bình quân; với BHXH tự nguyện không gồm phần Nhà nước đã hỗ trợ. Số chính xác do cơ quan BHXH tính.`;
  }
  const estimate = own === undefined ? lumpSumEstimateLead(f, s) : undefined;
  if (estimate) return estimate;
  const { shown, total, split } = monthsOfAverage(n, own === undefined ? s : {});
  return `Với ${shown} đóng: khoảng ${total} tháng thu nhập bình quân đã đóng${split}; thu nhập các năm được điều chỉnh trượt giá.`;
}

/**
 * Months of average income for `n` years paid (a lump sum, or a member's one-time survivor allowance): 1.5 a year
 * before 2014, 2 from 2014, split by the months before 2014 the periods told give or else by the start year, else
 * reckoned as years from 2014; odd months as half a year or a year; with how.
 */
export function monthsOfAverage(
  n: number,
  s: Pick<Situation, 'startYear' | 'startMonth' | 'monthsBefore2014'>,
): { months: number; total: string; split: string; shown: string } {
  const paid = Math.round(n * 12);
  const whole = Math.floor(paid / 12);
  // Months before 2014 in whole years; odd months count with the years from 2014 ("từ 3/2013": 10 months, no year).
  // (The months before 2014 that the periods told give, rather than all months since the first start.)
  const { startYear, startMonth } = s;
  const monthsBefore = s.monthsBefore2014 ?? (startYear !== undefined ? Math.max(0, (2014 - startYear) * 12 - ((startMonth ?? 1) - 1)) : 0);
  const before = Math.min(whole, Math.floor(monthsBefore / 12));
  // Odd months left over: 1 to 6 count as half a year, 7 to 11 as a year (Law 41/2024 Art 102), from 2014's rate.
  const odd = paid % 12;
  const after = whole - before + (odd === 0 ? 0 : odd <= 6 ? 0.5 : 1);
  const months = 1.5 * before + 2 * after;
  const split =
    startYear !== undefined
      ? before > 0
        ? after === 0
          ? ` (${before} năm trước 2014 x 1,5 tháng)`
          : ` (${before} năm trước 2014 x 1,5 tháng + ${decimal(after)} năm ${whole > before ? 'từ 2014' : 'của các tháng lẻ, tính như từ 2014,'} x 2 tháng)`
        : ' (mỗi năm từ 2014 được 2 tháng)'
      : ' nếu các năm đóng từ 2014 trở đi (mỗi năm trước 2014 chỉ tính 1,5 tháng)';
  const shown = odd === 0 ? `${whole} năm` : `${whole} năm ${odd} tháng (tính là ${decimal(whole + (odd <= 6 ? 0.5 : 1))} năm)`;
  return { months, total: decimal(months), split, shown };
}
