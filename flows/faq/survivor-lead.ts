import type { Situation } from './situation.ts';

/**
 * Funeral allowance: 10 × the reference level, for a member with 60 months or more (QĐ 863/QĐ-BNV); the answer
 * fills in the day's figure.
 */
const FUNERAL = '{REFERENCE*10} đồng (10 lần mức tham chiếu)';

/**
 * The family of a member who died, with the years the member paid: whether the funeral allowance is due (60
 * months) and what the one-time survivor allowance makes: under 60 months what was paid, else about 2 months of
 * average income a year from 2014, 1.5 a year before (Law 41/2024 Art 109, 110). Undefined without the years, or
 * for a pensioner (another rule).
 */
export function survivorLead(s: Situation): string | undefined {
  const n = s.yearsPaid;
  if (n === undefined || s.drawingPension === true || n <= 0 || n > 45) return undefined;
  const shown = Number.isInteger(n) ? `${n} năm` : `khoảng ${n.toFixed(1).replace('.', ',')} năm`;
  const funeral =
    n >= 5
      ? `đã đóng từ đủ 60 tháng nên người lo mai táng được trợ cấp mai táng ${FUNERAL}`
      : 'chưa đủ 60 tháng đóng nên không có trợ cấp mai táng';
  // 15 years or more: relatives who qualify get the monthly allowance instead (compulsory years count).
  if (n >= 15) return `Người mất đã đóng ${shown}: ${funeral}; thân nhân đủ điều kiện có thể được trợ cấp tuất hằng tháng, nếu không thì nhận tuất một lần.`;
  // Under 60 months the one-time allowance is what was paid (Law 41/2024 Art 110(2)(c)).
  if (n < 5) return `Người mất đã đóng ${shown}: ${funeral}; thân nhân được trợ cấp tuất một lần bằng số tiền đã đóng (đóng chưa đủ 60 tháng).`;
  const months = Math.round(n * 2 * 10) / 10;
  return `Người mất đã đóng ${shown}: ${funeral}; thân nhân được trợ cấp tuất một lần khoảng ${String(months).replace('.', ',')} tháng thu nhập bình quân nếu các năm đóng từ 2014 (mỗi năm trước 2014 chỉ tính 1,5 tháng).`;
}
