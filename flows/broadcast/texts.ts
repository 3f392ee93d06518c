import type { BroadcastStats } from '../../db/queries/broadcasts.ts';
import type { BroadcastRow } from '../../db/schema/index.ts';
import type { BroadcastPreview } from './preview.ts';
import { formatLocalTime } from './schedule.ts';

const CHANNEL_NAMES: Record<string, string> = { zalo: 'Zalo', sms: 'SMS', telegram: 'Telegram', web: 'Web', none: 'không liên lạc được' };
const STATUS_NAMES: Record<string, string> = { queued: 'chờ gửi', sending: 'đang gửi', sent: 'đã gửi', delivered: 'đã nhận', failed: 'lỗi', skipped: 'bỏ qua' };
const REASON_NAMES: Record<string, string> = {
  opted_out: 'đã từ chối nhận tin',
  quiet_hours: 'giờ nghỉ',
  daily_cap: 'quá số tin/ngày',
  no_address: 'không có địa chỉ liên lạc',
  unreachable: 'không liên lạc được',
  provider_error: 'lỗi nhà mạng',
  channel_off: 'kênh đang tắt',
};
const BROADCAST_STATUS: Record<BroadcastRow['status'], string> = {
  draft: 'nháp',
  scheduled: 'đã lên lịch',
  sending: 'đang gửi',
  done: 'đã gửi xong',
  cancelled: 'đã hủy',
  missed: 'bỏ lỡ (dịch vụ ngừng lúc đến giờ)',
};

const vnd = (n: number) => `${Math.round(n).toLocaleString('vi-VN')}đ`;
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The texts of the supervisors' chat commands (GUI, GUI OK, GUI HUY, HUY GUI <mã>, LICH, TK <mã>). */
export const BROADCAST_TEXTS = {
  usage:
    'Soạn: GUI <nhóm> [mã đơn vị] <nội dung>. Nhóm: DAN (người dân đã đăng ký), CB (cán bộ), GS (giám sát), TATCA. ' +
    'Có thể dùng {ten}, {don_vi}, {ngay_ra_quan}, {hotline}. Ví dụ: GUI DAN Mời {ten} dự Lễ ra quân {ngay_ra_quan}.',
  notAllowed: 'Lệnh gửi tin chỉ dành cho giám sát viên có đơn vị phụ trách.',
  preview(id: number, p: BroadcastPreview): string {
    const channels = Object.entries(p.byChannel)
      .map(([ch, n]) => `${CHANNEL_NAMES[ch] ?? ch} ${n}`)
      .join(', ');
    const sms = p.sms && (p.byChannel['sms'] ?? 0) > 0 ? ` SMS: ${p.sms.encoding}, ${p.sms.segments} tin/người, tổng ${p.sms.totalSegments} tin.` : '';
    const sample = p.samples[0] ? ` Mẫu: "${cut(p.samples[0].text.split('\n')[0] ?? '', 120)}"` : '';
    return `Bản nháp #${id}: ${p.recipients} người (${channels || 'không ai'}).${sms} Chi phí ước tính ${vnd(p.cost.totalVnd)}.${sample} Soạn GUI OK để gửi, HUY để bỏ.`;
  },
  counting: (id: number, soFar: number) =>
    `Bản nháp #${id}: đang đếm người nhận (đã đếm ${soFar.toLocaleString('vi-VN')} người); số người, chi phí và tin mẫu sẽ gửi ngay sau. Soạn GUI OK để gửi, HUY để bỏ.`,
  noDraft: 'Không có bản nháp nào đang chờ. Soạn GUI <nhóm> <nội dung> để tạo.',
  stillWaiting: (id: number) => `Bản nháp #${id} đang chờ: soạn GUI OK để gửi, HUY để bỏ (MENU để làm việc khác, bản nháp vẫn giữ 1 giờ).`,
  confirmed: (b: BroadcastRow) =>
    b.status === 'scheduled' && b.sendAt ? `Đã lên lịch tin #${b.id} lúc ${formatLocalTime(b.sendAt)}. Soạn TK ${b.id} để xem kết quả.` : `Đang gửi tin #${b.id}. Soạn TK ${b.id} để xem kết quả, HUY GUI ${b.id} để dừng.`,
  cancelled: (id: number, dropped: number) => `Đã hủy tin #${id}${dropped > 0 ? `; ${dropped} tin chưa gửi đã được bỏ` : ''}.`,
  notFound: (code: string) => `Không tìm thấy tin #${code} trong đơn vị của anh/chị.`,
  nothingPlanned: 'Chưa có tin nào được lên lịch.',
  schedule(rows: BroadcastRow[]): string {
    const lines = rows.map((b) => `#${b.id} ${b.sendAt ? formatLocalTime(b.sendAt) : 'ngay khi xác nhận'} (${BROADCAST_STATUS[b.status]}): ${cut(b.text, 50)}`);
    return `Lịch gửi:\n${lines.join('\n')}`;
  },
  stats(b: BroadcastRow, s: BroadcastStats): string {
    const byStatus = Object.entries(s.byStatus)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${STATUS_NAMES[k] ?? k} ${n}`)
      .join(', ');
    const reasons = Object.entries(s.byReason)
      .map(([k, n]) => `${REASON_NAMES[k] ?? k} ${n}`)
      .join(', ');
    return `Tin #${b.id} (${BROADCAST_STATUS[b.status]}): ${byStatus || 'chưa có tin nào'}.${reasons ? ` Lý do: ${reasons}.` : ''}`;
  },
};
