import { DateTime } from 'luxon';
import { end, pickChoice, stay, type Flow, type FlowContext, type StepOutcome } from '../../src/core/flow.ts';
import { TIMEZONE } from '../../src/core/clock.ts';
import { recordConsent } from '../menu/flow.ts';

const YES_NO = ['Đồng ý', 'Không'];
const YES = new Set(['co', 'dong y', 'ok', 'yes', 'y', 'uh', 'u', 'vang', 'da', 'dong y nhan tin', 'co dong y']);
const NO = new Set(['khong', 'ko', 'k', 'no', 'thoi', 'khong dong y']);
const STATUS_WORDS = new Set(['trang thai', 'tinh trang dang ky', 'kiem tra dang ky', '/status', 'status']);

/** The exact wording a person agrees to; stored with their consent. */
export function consentWording(ctx: FlowContext): string {
  return (
    `Anh/chị có đồng ý nhận tin về chiến dịch "${ctx.campaign.name}" và BHXH tự nguyện qua kênh này không? ` +
    'Tối đa 3 tin/ngày, không gửi từ 21h đến 7h; soạn HUY để ngừng bất cứ lúc nào.'
  );
}

function formatLocal(at: Date): string {
  return DateTime.fromJSDate(at, { zone: TIMEZONE }).toFormat('HH:mm dd/MM/yyyy');
}

function status(ctx: FlowContext): StepOutcome {
  const c = ctx.contact;
  if (c.optedOut) {
    return end({ text: `Anh/chị đã hủy nhận tin lúc ${c.optedOutAt ? formatLocal(c.optedOutAt) : '(không rõ)'}. Soạn DANG KY để nhận lại.` });
  }
  if (c.subscribed && c.consentAt) {
    return end({ text: `Anh/chị đang nhận tin chiến dịch, đăng ký lúc ${formatLocal(c.consentAt)} qua ${c.consentChannel ?? 'kênh này'}. Soạn HUY để ngừng.` });
  }
  return end({ text: 'Anh/chị chưa đăng ký nhận tin chiến dịch. Soạn DANG KY để đăng ký.', quickReplies: ['Đăng ký nhận tin'] });
}

/** Subscribe to campaign news with consent recorded; "trạng thái" shows the subscription. */
export function createSubscriptionFlow(): Flow {
  return {
    id: 'subscription',
    version: 1,
    command: (ctx) => STATUS_WORDS.has(ctx.folded) || ctx.folded === 'dang ky nhan tin' || ctx.folded === 'nhan tin',
    start(ctx) {
      if (STATUS_WORDS.has(ctx.folded)) return status(ctx);
      if (ctx.contact.subscribed && !ctx.contact.optedOut) return status(ctx);
      const wording = consentWording(ctx);
      return stay('consent', { wording }, { text: wording, quickReplies: YES_NO });
    },
    resume(ctx, step, state) {
      if (step !== 'consent') return status(ctx);
      const picked = pickChoice(ctx, YES_NO);
      const wording = typeof state['wording'] === 'string' ? state['wording'] : consentWording(ctx);
      if (picked === 0 || YES.has(ctx.folded)) {
        recordConsent(ctx, wording);
        return end({ text: 'Cảm ơn anh/chị đã đăng ký nhận tin. Soạn TRANG THAI để xem, HUY để ngừng.' });
      }
      if (picked === 1 || NO.has(ctx.folded)) return end({ text: 'Vâng, anh/chị sẽ không nhận tin chiến dịch. Soạn MENU để xem các mục khác.' });
      return stay('consent', { wording }, { text: 'Anh/chị vui lòng chọn Đồng ý hoặc Không.', quickReplies: YES_NO });
    },
  };
}
