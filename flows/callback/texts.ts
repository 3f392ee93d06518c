import type { CallbackRequestRow, CallbackStatus, CallbackWindow } from '../../db/schema/index.ts';
import { localPhone, maskPhone, type PhoneRefusal } from './phone.ts';
import { formatLocal } from './working-hours.ts';

/** What the resident picks for "when should we call", in the order shown. */
export const WINDOW_LABELS: Record<CallbackWindow, string> = {
  morning: 'Buổi sáng',
  afternoon: 'Buổi chiều',
  evening: 'Buổi tối',
  any: 'Lúc nào cũng được',
};

const STATUS_WORDS: Record<CallbackStatus, string> = {
  new: 'đang chờ phân công cán bộ',
  assigned: 'đã chuyển cho cán bộ tư vấn, đang chờ gọi',
  taken: 'cán bộ tư vấn đã nhận và sẽ gọi cho anh/chị',
  called: 'cán bộ đã gọi cho anh/chị',
  unreachable: 'đã đóng vì cán bộ gọi 3 lần không liên lạc được',
  done: 'đã hoàn tất',
  cancelled: 'đã hủy',
};

/** Where a request stands, in the resident's words ("đang chờ phân công cán bộ"). */
export function statusWords(status: CallbackStatus): string {
  return STATUS_WORDS[status];
}

/** One short line about where a request stands, for the resident. */
export function statusLine(r: Pick<CallbackRequestRow, 'reference' | 'status' | 'deadlineAt'>): string {
  const due = r.deadlineAt && (r.status === 'new' || r.status === 'assigned') ? ` Cán bộ sẽ liên hệ trước ${formatLocal(r.deadlineAt)}.` : '';
  return `Yêu cầu ${r.reference}: ${STATUS_WORDS[r.status]}.${due}`;
}

/** Why a phone number was refused, and what is accepted. */
export function phoneRefused(reason: PhoneRefusal, suggestion?: string): string {
  const accepted = 'Vui lòng gửi số di động Việt Nam 10 số, ví dụ 0912345678.';
  switch (reason) {
    case 'landline':
      return `Đây là số máy bàn; cán bộ chỉ gọi lại số di động. ${accepted}`;
    case 'foreign':
      return `Đây là số nước ngoài; cán bộ chỉ gọi được số di động Việt Nam. ${accepted}`;
    case 'short_code':
      return `Đây là số tổng đài hoặc đầu số ngắn (như 1900…, 1800…), không nhận cuộc gọi lại. ${accepted}`;
    case 'obsolete':
      return `Số di động 11 số (01…) đã đổi sang 10 số từ năm 2018${suggestion ? `; số mới có thể là ${suggestion}` : ''}. ${accepted}`;
    case 'invalid':
      return `Số điện thoại chưa đúng. ${accepted}`;
  }
}

/** What a consultant reads about a request (on their own chat channel). */
export function requestCard(r: CallbackRequestRow, placeName: string | null, heading: string): string {
  const lines = [
    heading,
    `Họ tên: ${r.name ?? '(không rõ)'}`,
    `SĐT: ${localPhone(r.phone)}`,
    `Nơi ở: ${placeName ?? r.unitCode ?? '(không rõ)'}`,
    `Thời gian muốn được gọi: ${r.preferredTime ? WINDOW_LABELS[r.preferredTime] : 'Lúc nào cũng được'}`,
    `Câu hỏi: ${r.topic ?? '(không ghi)'}`,
  ];
  if (r.deadlineAt) lines.push(`Hạn nhận: ${formatLocal(r.deadlineAt)}`);
  lines.push(`Soạn NHAN ${r.reference} để nhận; XONG ${r.reference} [ghi chú] khi đã gọi; KLL ${r.reference} nếu không liên lạc được.`);
  return lines.join('\n');
}

/** The resident's confirmation once the request is stored. */
export function confirmation(r: CallbackRequestRow, merged: boolean): string {
  const first = merged
    ? `Anh/chị đã có yêu cầu gọi lại ${r.reference} trong 24 giờ qua; chúng tôi đã cập nhật thông tin mới vào yêu cầu đó.`
    : `Đã ghi nhận yêu cầu gọi lại. Mã yêu cầu của anh/chị: ${r.reference}.`;
  const when = r.deadlineAt ? `Cán bộ BHXH sẽ gọi số ${maskPhone(r.phone)} trong giờ làm việc, chậm nhất khoảng ${formatLocal(r.deadlineAt)}.` : '';
  return `${first} ${when} Xem tình trạng: soạn "TINH TRANG ${r.reference}".`.replace(/\s+/g, ' ').trim();
}

/** The message that closes the loop with the resident. */
export function closedMessage(r: CallbackRequestRow, hotline: string): string {
  if (r.status === 'unreachable') {
    return `Cán bộ BHXH đã gọi anh/chị 3 lần theo yêu cầu ${r.reference} nhưng chưa liên lạc được, nên yêu cầu đã đóng. Anh/chị có thể gửi yêu cầu mới (soạn GOI LAI) hoặc gọi tổng đài ${hotline}.`;
  }
  return `Cán bộ đã gọi cho anh/chị theo yêu cầu ${r.reference}. Nếu còn thắc mắc, anh/chị cứ nhắn câu hỏi, soạn GOI LAI để được gọi lại, hoặc gọi tổng đài ${hotline}.`;
}
