import type { CampaignRow, ContactRow, Role } from '../../db/schema/index.ts';

/** Replies the core itself sends (flows keep their own wording beside their code). Vietnamese, with diacritics. */
export const TEXTS = {
  tryAgain: (c: CampaignRow) =>
    `Xin lỗi, hệ thống đang gặp trục trặc nên chưa xử lý được tin nhắn của anh/chị. Vui lòng gửi lại sau ít phút, hoặc gọi tổng đài ${c.hotline}.`,
  restarted: 'Hệ thống vừa được cập nhật nên cuộc trò chuyện trước đã kết thúc. Mời anh/chị chọn lại:',
  optedOut: (c: CampaignRow) =>
    `Anh/chị đã hủy nhận tin về chiến dịch BHXH. Chúng tôi sẽ không gửi tin thông báo nữa. Muốn nhận lại, soạn DANG KY. Hỏi đáp vẫn dùng được bình thường; tổng đài ${c.hotline}.`,
  optedIn: (c: CampaignRow) =>
    `Cảm ơn anh/chị đã đăng ký nhận tin về BHXH tự nguyện (${c.name}). Tối đa 3 tin mỗi ngày, không gửi từ 21h đến 7h. Để hủy, soạn HUY bất cứ lúc nào.`,
  help: (role: Role, c: CampaignRow) => {
    const common = `Soạn MENU để xem các mục; gõ câu hỏi về BHXH tự nguyện (có dấu hay không dấu đều được); TINH để tính mức đóng; GOI LAI để được tư vấn viên gọi lại; HUY để ngừng nhận tin. Tổng đài ${c.hotline}.`;
    if (role === 'resident') return `Hướng dẫn: ${common}`;
    return `Hướng dẫn cán bộ: BC <số người> [ngày/tháng] để báo cáo (VD: BC 12 hoặc BC 12 21/5); BC SUA <số> để sửa; TIENDO để xem tiến độ. ${common}`;
  },
  notForRole: (flowId: string) =>
    flowId === 'report' || flowId === 'progress'
      ? 'Chức năng báo cáo chỉ dành cho cán bộ đã đăng ký. Nếu anh/chị là cán bộ, vui lòng liên hệ BHXH huyện để được thêm vào danh sách. Soạn MENU để xem các mục khác.'
      : 'Xin lỗi, chức năng này không dành cho tài khoản của anh/chị. Soạn MENU để xem các mục.',
  phoneInvalid: 'Số điện thoại chưa hợp lệ. Vui lòng gửi số di động Việt Nam, ví dụ 0912345678.',
  phoneSaved: 'Cảm ơn anh/chị, chúng tôi đã lưu số điện thoại để liên hệ khi cần.',
  phoneLinked: (c: ContactRow) =>
    c.role === 'resident'
      ? 'Cảm ơn anh/chị, tài khoản này đã được liên kết với số điện thoại của anh/chị.'
      : `Đã liên kết tài khoản với cán bộ ${c.name ?? ''}. Gửi BC <số người> để báo cáo, TIENDO để xem tiến độ.`.replace('  ', ' '),
};
