import { eq } from 'drizzle-orm';
import { contacts } from '../../db/schema/index.ts';
import { end, goto, pickChoice, startFlow, stay, type Flow, type FlowContext, type StepOutcome } from '../../src/core/flow.ts';

/** The flows the menu can open; a flow id missing from the service (not built yet) shows as "coming soon". */
export interface MenuOptions {
  available: ReadonlySet<string>;
}

const RESIDENT_ITEMS = [
  { label: 'Tìm hiểu BHXH tự nguyện', flow: 'learn' },
  { label: 'Tính mức đóng, lương hưu', flow: 'calculator' },
  { label: 'Yêu cầu gọi lại', flow: 'callback' },
  { label: 'Đăng ký nhận tin', flow: 'subscription' },
] as const;

const STAFF_ITEMS = [
  { label: 'Báo cáo số người', flow: 'report-help' },
  { label: 'Xem tiến độ', flow: 'progress' },
  { label: 'Hỏi đáp BHXH', flow: 'learn' },
] as const;

/** Example questions offered when someone picks "learn about voluntary social insurance". */
const LEARN_EXAMPLES = ['Ai được tham gia?', 'Đóng bao nhiêu 1 tháng?', 'Được hỗ trợ bao nhiêu?', 'Bao nhiêu năm có lương hưu?'];

function itemsFor(ctx: FlowContext) {
  return ctx.contact.role === 'resident' ? RESIDENT_ITEMS : STAFF_ITEMS;
}

function showMenu(ctx: FlowContext): StepOutcome {
  const items = itemsFor(ctx);
  const greeting =
    ctx.contact.role === 'resident'
      ? `Chào anh/chị! Đây là kênh hỗ trợ BHXH tự nguyện – "${ctx.campaign.theme}". Anh/chị cần gì?`
      : `Chào ${ctx.contact.name ?? 'anh/chị'} (cán bộ). Chọn việc cần làm:`;
  return stay('choose', {}, { text: greeting, quickReplies: items.map((i) => i.label) });
}

/** The main menu, per role. Free text that is not a choice goes on to the FAQ (residents) or staff help. */
export function createMenuFlow(opts: MenuOptions): Flow {
  return {
    id: 'menu',
    version: 1,
    start: showMenu,
    resume(ctx, step) {
      if (step !== 'choose') return showMenu(ctx);
      const items = itemsFor(ctx);
      const picked = pickChoice(ctx, items.map((i) => i.label));
      if (picked === null) {
        if (opts.available.has('faq')) return goto('faq');
        return showMenu(ctx);
      }
      const item = items[picked];
      if (!item) return showMenu(ctx);
      switch (item.flow) {
        case 'learn':
          return end({
            text: 'Anh/chị cứ gõ câu hỏi về BHXH tự nguyện, có dấu hay không dấu đều được. Ví dụ:',
            quickReplies: LEARN_EXAMPLES,
          });
        case 'report-help':
          return end({
            text: 'Gửi: BC <số người> [ngày/tháng]. VD: BC 12 hoặc BC 12 21/5. Sửa số đã gửi: BC SUA 10. Xem tiến độ: TIENDO.',
          });
        default:
          if (!opts.available.has(item.flow)) {
            return end({ text: `Mục "${item.label}" sắp có. Trong lúc chờ, anh/chị vui lòng gọi tổng đài ${ctx.campaign.hotline}.` });
          }
          return startFlow(item.flow);
      }
    },
  };
}

/** Record that a contact agreed to receive campaign news: time, channel and the exact wording they were shown. */
export function recordConsent(ctx: FlowContext, wording: string): void {
  ctx.db
    .update(contacts)
    .set({ subscribed: true, optedOut: false, optedOutAt: null, consentAt: ctx.now, consentChannel: ctx.channel, consentText: wording })
    .where(eq(contacts.id, ctx.contact.id))
    .run();
}
