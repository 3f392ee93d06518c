/**
 * Wording of the report, progress and link replies (Vietnamese with diacritics; the SMS channel strips them),
 * and the progress summaries the reminder and digest jobs reuse.
 */
import { furthestBehind, notReportedToday, percentOf, type Rollup, type UnitProgress } from '../../db/queries/progress.ts';
import { dayMonth } from './parse.ts';

/** Longest reply on SMS: three GSM-7 segments of 153 characters (replies go out unaccented). */
export const SMS_MAX_CHARS = 459;

/** Told to someone who is not registered staff; nothing is stored. */
export const refusal =
  'Chức năng báo cáo chỉ dành cho cán bộ đã đăng ký. Nếu anh/chị là cán bộ, vui lòng liên hệ BHXH huyện để được thêm vào danh sách. Soạn MENU để xem các mục khác.';

/** Numbers the Vietnamese way (1.234). */
export function num(n: number): string {
  return n.toLocaleString('vi-VN');
}

/** "38/50 (76%)", or just "38" when the unit has no target. */
export function standing(total: number, target: number): string {
  return target > 0 ? `${num(total)}/${num(target)} (${percentOf(total, target)}%)` : num(total);
}

export const REPORT_TEXTS = {
  recorded: (count: number, day: string, unit: string, total: number, target: number) =>
    `Đã ghi nhận ${num(count)} người ngày ${dayMonth(day)} – ${unit}: lũy kế ${standing(total, target)}`,
  corrected: (count: number, previous: number, day: string, unit: string, total: number, target: number) =>
    `Đã sửa thành ${num(count)} người ngày ${dayMonth(day)} (trước: ${num(previous)}) – ${unit}: lũy kế ${standing(total, target)}`,
  unitDay: (day: string, count: number, reporters: number) =>
    ` (ngày ${dayMonth(day)} cả đơn vị: ${num(count)} người, ${reporters} cán bộ báo cáo)`,
  confirm: (count: number, day: string, unit: string, limit: number) =>
    `${num(count)} người ngày ${dayMonth(day)} – ${unit} cao hơn mức thường gặp (${limit}/ngày). Trả lời OK để ghi nhận, hoặc gửi lại số đúng.`,
  notConfirmed: 'Chưa ghi nhận. Gửi lại: BC <số người> [ngày/tháng]. VD: BC 12',
  noUnit: 'Tài khoản của anh/chị chưa gắn với đơn vị nào nên chưa ghi nhận được. Vui lòng liên hệ BHXH tỉnh để được cập nhật.',
  chooseUnit: (units: { code: string; name: string }[]) =>
    `Anh/chị phụ trách nhiều đơn vị (${units.map((u) => `${u.code} ${u.name}`).join('; ')}). Gửi kèm mã đơn vị, VD: BC 12 DV ${units[0]?.code ?? '001'}`,
  needsDistrict: 'Báo cáo ghi theo đơn vị cấp huyện. Gửi kèm mã đơn vị, VD: BC 12 DV 001',
  unknownUnit: (code: string) => `Không tìm thấy đơn vị mã ${code}. Gửi: BC <số người> DV <mã đơn vị>. VD: BC 12 DV 001`,
  notYourUnit: (code: string) => `Anh/chị không phụ trách đơn vị mã ${code}, nên chưa ghi nhận. Kiểm tra lại mã đơn vị.`,
  linkBad: 'Mã liên kết không đúng, đã dùng hoặc đã hết hạn. Vui lòng xin mã mới từ BHXH huyện/tỉnh.',
  linkAlready: 'Tài khoản này đã được liên kết với anh/chị. Gửi BC <số người> để báo cáo, TIENDO để xem tiến độ.',
  linkOtherStaff: 'Tài khoản này đang gắn với một cán bộ khác nên không liên kết được. Vui lòng liên hệ BHXH huyện/tỉnh.',
  linked: (name: string | null, unit: string | null) =>
    `Đã liên kết tài khoản với cán bộ ${name ?? ''}${unit ? ` – ${unit}` : ''}. Gửi BC <số người> để báo cáo, TIENDO để xem tiến độ.`.replace('  ', ' '),
  linkNotOnWeb: 'Mã liên kết chỉ dùng trên Telegram hoặc Zalo (web chat không gắn với tài khoản cán bộ). Vui lòng gửi DK <mã> từ Telegram hoặc Zalo.',
  linkNotice: (channel: string, at: Date) =>
    `Tài khoản ${channel} vừa được liên kết với hồ sơ cán bộ của anh/chị lúc ${at.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })} ${at.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}. Nếu không phải anh/chị, báo ngay cho BHXH tỉnh hoặc gọi 1900 9068.`,
  reminder: (day: string, units: { code: string; name: string }[], several: boolean) =>
    several
      ? `Nhắc báo cáo: hôm nay (${dayMonth(day)}) chưa có số liệu của ${units.map((u) => `${u.name} (DV ${u.code})`).join(', ')}. Gửi: BC <số người> DV <mã>. VD: BC 12 DV ${units[0]?.code ?? ''}`
      : `Nhắc báo cáo: hôm nay (${dayMonth(day)}) ${units[0]?.name ?? ''} chưa có số liệu. Gửi: BC <số người>. VD: BC 12 (không có người mới: BC 0)`,
};

/** Cut a reply to `max` characters on a word boundary, ending with "..." (GSM-7 has no ellipsis character). */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 3);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}...`;
}

/** "Huyện X: lũy kế 38/50 (76%); hôm nay 12" (or "hôm nay chưa báo cáo"). */
export function formatUnitProgress(u: UnitProgress, today: string): string {
  const todayPart = u.reportedToday ? `hôm nay (${dayMonth(today)}) ${num(u.todayCount)}` : `hôm nay (${dayMonth(today)}) chưa báo cáo`;
  return `${u.name}: lũy kế ${standing(u.total, u.target)}; ${todayPart}`;
}

/**
 * A supervisor's view of a subtree: total and % of target, the five direct children furthest behind, and the
 * districts with no report today; lists are shortened ("… và 12 đơn vị khác") to fit `maxLength`.
 */
export function formatSubtreeProgress(rollup: Rollup, code: string, maxLength: number, title = 'Tiến độ'): string {
  const u = rollup.units.get(code);
  if (!u) return `Không tìm thấy đơn vị mã ${code}.`;
  const head = `${title} ${u.name} đến ${dayMonth(rollup.today)}: ${standing(u.total, u.target)}. Hôm nay: ${num(u.todayCount)}.`;
  if (u.level === 'district' || u.level === 'commune' || u.children.length === 0) {
    return fit(`${head} ${u.reportedToday ? 'Đã báo cáo hôm nay.' : 'Hôm nay chưa báo cáo.'}`, maxLength);
  }
  const behind = furthestBehind(rollup, code, 5).map((b) => `${b.name} ${standing(b.total, b.target)}`);
  const missing = notReportedToday(rollup, code);
  const parts = [head];
  if (behind.length > 0) parts.push(`Chậm nhất: ${behind.join('; ')}.`);
  const fixed = parts.join('\n');
  if (missing.length === 0) return fit(`${fixed}\nTất cả đơn vị đã báo cáo hôm nay.`, maxLength);
  const prefix = `\nChưa báo hôm nay (${missing.length}): `;
  let listed = '';
  for (let i = 0; i < missing.length; i++) {
    const name = missing[i]?.name ?? '';
    const candidate = listed === '' ? name : `${listed}, ${name}`;
    const left = missing.length - i - 1;
    const tail = left > 0 ? ` ... và ${left} đơn vị khác` : '';
    if ((fixed + prefix + candidate + tail).length > maxLength) {
      const rest = missing.length - i;
      return fit(`${fixed}${prefix}${listed === '' ? '' : `${listed} `}... và ${rest} đơn vị khác`, maxLength);
    }
    listed = candidate;
  }
  return fit(`${fixed}${prefix}${listed}.`, maxLength);
}
