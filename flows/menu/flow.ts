import { recordOptIn, recordOptOut } from '../../src/core/consent.ts';
import { end, goto, pickChoice, startFlow, stay, type Flow, type FlowContext, type FlowState, type StepOutcome } from '../../src/core/flow.ts';
import { TEXTS } from '../../src/core/texts.ts';

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
      ? `${ctx.folded.startsWith('xin chao') ? 'Xin chào' : 'Chào'} anh/chị! Đây là kênh hỗ trợ BHXH tự nguyện – "${ctx.campaign.theme}". Anh/chị cần gì?`
      : `Chào ${ctx.contact.name ?? 'anh/chị'} (cán bộ). Chọn việc cần làm:`;
  return stay('choose', {}, { text: greeting, quickReplies: items.map((i) => i.label) });
}

/** The step the dispatcher resumes the menu at after "huỷ" cancelled a flow (state: `{ flow }`). */
export const CANCELLED_STEP = 'cancelled';
/** The step that asks whether to stop the campaign news too (a yes/no question, see src/core/global-words.ts). */
export const STOP_NEWS_STEP = 'stop-news';
const STOP_NEWS_CHOICES = ['Có', 'Không'] as const;
const YES = new Set(['co', 'dong y', 'ok', 'yes', 'y', 'vang', 'uh', 'u', 'ngung', 'ngung nhan tin', 'co ngung']);
const NO = new Set(['khong', 'ko', 'k', 'no', 'thoi', 'van nhan', 'van nhan tin', 'khong ngung']);

/** What the person was doing, in words, for "đã huỷ …". */
const FLOW_NAMES: Readonly<Record<string, string>> = {
  calculator: 'việc tính mức đóng, lương hưu',
  callback: 'yêu cầu gọi lại',
  subscription: 'việc đăng ký nhận tin',
  faq: 'câu hỏi đang dở',
  menu: 'việc chọn mục',
  report: 'báo cáo đang dở',
};

function cancelled(ctx: FlowContext, state: FlowState): StepOutcome {
  const flow = typeof state['flow'] === 'string' ? state['flow'] : '';
  const what = FLOW_NAMES[flow] ?? 'việc đang làm';
  const c = ctx.contact;
  if (c.subscribed && !c.optedOut) {
    return stay(STOP_NEWS_STEP, {}, {
      text: `Đã hủy ${what}. Anh/chị có muốn ngừng nhận tin về chiến dịch BHXH nữa không?`,
      quickReplies: [...STOP_NEWS_CHOICES],
    });
  }
  return end({ text: `Đã hủy ${what}. Soạn MENU để xem các mục, hoặc gõ câu hỏi về BHXH tự nguyện.` });
}

async function stopNewsAnswer(ctx: FlowContext, opts: MenuOptions): Promise<StepOutcome> {
  const picked = pickChoice(ctx, STOP_NEWS_CHOICES);
  if (picked === 0 || YES.has(ctx.folded)) {
    await recordOptOut(ctx.db, ctx.contact.id, ctx.now);
    return end({ text: TEXTS.optedOut(ctx.campaign) });
  }
  if (picked === 1 || NO.has(ctx.folded)) {
    return end({ text: 'Vâng, anh/chị vẫn nhận tin chiến dịch như trước. Soạn MENU để xem các mục khác.' });
  }
  // Neither: a new question or a new choice.
  return opts.available.has('faq') ? goto('faq') : showMenu(ctx);
}

/** The main menu, per role. Free text that is not a choice goes on to the FAQ (residents) or staff help. */
export function createMenuFlow(opts: MenuOptions): Flow {
  return {
    id: 'menu',
    version: 1,
    start: showMenu,
    resume(ctx, step, state) {
      if (step === CANCELLED_STEP) return cancelled(ctx, state);
      if (step === STOP_NEWS_STEP) return stopNewsAnswer(ctx, opts);
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
export async function recordConsent(ctx: FlowContext, wording: string): Promise<void> {
  await recordOptIn(ctx.db, ctx.contact.id, ctx.now, ctx.channel, wording);
}
