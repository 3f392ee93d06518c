import { DateTime } from 'luxon';
import { eq } from 'drizzle-orm';
import { contacts } from '../../db/schema/index.ts';
import { end, pickChoice, stay, type Flow, type FlowContext, type FlowState, type StepOutcome } from '../../src/core/flow.ts';
import { TIMEZONE } from '../../src/core/clock.ts';
import { recordConsent } from '../menu/flow.ts';
import { matchPlaces, placeLabel } from '../../db/queries/places.ts';
import { asksForMessages } from '../../src/core/global-words.ts';

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

const SKIP = 'Bỏ qua';
const SKIP_WORDS = new Set(['bo qua', 'khong', 'ko', 'k', 'thoi', 'skip']);
const PLACE_TEXTS = {
  ask: 'Anh/chị ở xã/phường, huyện hoặc tỉnh nào? Ví dụ: "xã Tân Lập", "Mê Linh" (không bắt buộc).',
  saved: (name: string) => `Đã ghi nhận địa phương: ${name}. Anh/chị sẽ nhận tin của địa phương mình.`,
  skipped: 'Vâng. Anh/chị vẫn nhận tin chung của chiến dịch.',
  notFound: 'Chưa tìm thấy địa phương này. Anh/chị viết lại tên xã/phường, huyện hoặc tỉnh, hoặc chọn Bỏ qua.',
  choose: 'Có nhiều nơi trùng tên, anh/chị chọn một:',
};

/** How many places a person is offered to choose from when a name is shared. */
const PLACE_CHOICES = 5;

/** The optional place question after consent: store the matched unit on the contact. */
async function answerPlace(ctx: FlowContext, state: FlowState): Promise<StepOutcome> {
  if (SKIP_WORDS.has(ctx.folded)) return end({ text: PLACE_TEXTS.skipped });
  const choices = Array.isArray(state['choices']) ? (state['choices'] as { code: string; name: string }[]) : [];
  const picked = choices.length > 0 ? pickChoice(ctx, choices.map((c) => c.name)) : null;
  // The same matcher as the callback flow's place step: a commune's province is shown, so two "Tân Lập" differ.
  const matches =
    picked !== null && choices[picked]
      ? [choices[picked]]
      : (await matchPlaces(ctx.db, ctx.text, { limit: PLACE_CHOICES })).map((m) => ({ code: m.code, name: placeLabel(m) }));
  const [only] = matches;
  if (only && matches.length === 1) {
    await ctx.db.update(contacts).set({ unitCode: only.code }).where(eq(contacts.id, ctx.contact.id));
    return end({ text: PLACE_TEXTS.saved(only.name) });
  }
  const tries = (typeof state['tries'] === 'number' ? state['tries'] : 0) + 1;
  if (matches.length > 1) {
    return stay('place', { tries, choices: matches }, { text: PLACE_TEXTS.choose, quickReplies: [...matches.map((u) => u.name), SKIP] });
  }
  if (tries >= 3) return end({ text: PLACE_TEXTS.skipped });
  return stay('place', { tries }, { text: PLACE_TEXTS.notFound, quickReplies: [SKIP] });
}

/** Subscribe to campaign news with consent recorded, then (optionally) the person's place; "trạng thái" shows it. */
export function createSubscriptionFlow(): Flow {
  return {
    id: 'subscription',
    version: 2,
    command: (ctx) => STATUS_WORDS.has(ctx.folded) || asksForMessages(ctx.folded),
    start(ctx) {
      if (STATUS_WORDS.has(ctx.folded)) return status(ctx);
      if (ctx.contact.subscribed && !ctx.contact.optedOut) return status(ctx);
      const wording = consentWording(ctx);
      return stay('consent', { wording }, { text: wording, quickReplies: YES_NO });
    },
    async resume(ctx, step, state) {
      if (step === 'place') return answerPlace(ctx, state);
      if (step !== 'consent') return status(ctx);
      const picked = pickChoice(ctx, YES_NO);
      const wording = typeof state['wording'] === 'string' ? state['wording'] : consentWording(ctx);
      if (picked === 0 || YES.has(ctx.folded)) {
        await recordConsent(ctx, wording);
        const thanks = 'Cảm ơn anh/chị đã đăng ký nhận tin. Soạn TRANG THAI để xem, HUY để ngừng.';
        // Residents may name their commune or province, so that news of their place reaches them (optional).
        if (ctx.contact.role === 'resident' && ctx.contact.unitCode === null) return stay('place', { tries: 0 }, { text: `${thanks}\n${PLACE_TEXTS.ask}`, quickReplies: [SKIP] });
        return end({ text: thanks });
      }
      if (picked === 1 || NO.has(ctx.folded)) return end({ text: 'Vâng, anh/chị sẽ không nhận tin chiến dịch. Soạn MENU để xem các mục khác.' });
      return stay('consent', { wording }, { text: 'Anh/chị vui lòng chọn Đồng ý hoặc Không.', quickReplies: YES_NO });
    },
  };
}
