import { and, eq, inArray } from 'drizzle-orm';
import { callbackRequests, contacts } from '../../db/schema/index.ts';
import { end, pickChoice, stay, type Flow, type FlowContext, type FlowState, type StepOutcome } from '../../src/core/flow.ts';
import { toE164 } from '../../src/text/phone.ts';

const COMMANDS = new Set([
  'goi lai',
  'goi lai cho toi',
  'yeu cau goi lai',
  'toi muon duoc goi lai',
  'can tu van',
  'tu van',
  'tu van vien',
  'goi cho toi',
  'nho goi lai',
  '/goilai',
]);

// "Đúng" would fold to "dung", an opt-out word: the options avoid it.
const CONFIRM_PHONE = ['Gọi số này', 'Số khác'];
const TIMES = ['Buổi sáng', 'Buổi chiều', 'Buổi tối', 'Lúc nào cũng được'];
const SKIP = ['Bỏ qua'];

function maskPhone(phone: string): string {
  return `${phone.slice(0, -6)}***${phone.slice(-3)}`.replace(/^\+84/, '0');
}

function askPhone(ctx: FlowContext, note = ''): StepOutcome {
  return stay(
    'phone',
    {},
    { text: `${note}Anh/chị vui lòng gửi số điện thoại để tư vấn viên gọi lại (ví dụ 0912345678).`, requestPhone: true },
  );
}

function askTime(state: FlowState): StepOutcome {
  return stay('time', state, { text: 'Anh/chị muốn được gọi vào lúc nào?', quickReplies: TIMES });
}

function openRequest(ctx: FlowContext) {
  return ctx.db
    .select()
    .from(callbackRequests)
    .where(and(eq(callbackRequests.contactId, ctx.contact.id), inArray(callbackRequests.status, ['new', 'assigned'])))
    .get();
}

/** A resident asks a consultant to phone them back: phone, preferred time, topic → a callback request. */
export function createCallbackFlow(): Flow {
  return {
    id: 'callback',
    version: 1,
    command: (ctx) => COMMANDS.has(ctx.folded),
    start(ctx) {
      const open = openRequest(ctx);
      if (open) {
        return end({
          text: `Yêu cầu gọi lại #${open.id} của anh/chị đang chờ tư vấn viên. Nếu cần gấp, vui lòng gọi tổng đài ${ctx.campaign.hotline}.`,
        });
      }
      if (ctx.contact.phone) {
        return stay(
          'confirm',
          { phone: ctx.contact.phone },
          { text: `Tư vấn viên sẽ gọi số ${maskPhone(ctx.contact.phone)}. Anh/chị xác nhận?`, quickReplies: CONFIRM_PHONE },
        );
      }
      return askPhone(ctx);
    },
    resume(ctx, step, state) {
      switch (step) {
        case 'confirm': {
          const picked = pickChoice(ctx, CONFIRM_PHONE);
          if (picked === 0 || ['co', 'ok', 'dong y', 'vang', 'u'].includes(ctx.folded)) return askTime(state);
          if (picked === 1) return askPhone(ctx);
          const typed = toE164(ctx.text);
          if (typed) return askTime({ phone: typed });
          return stay('confirm', state, { text: 'Anh/chị chọn "Gọi số này" hoặc "Số khác".', quickReplies: CONFIRM_PHONE });
        }
        case 'phone': {
          const phone = toE164(ctx.text);
          if (!phone) return askPhone(ctx, 'Số điện thoại chưa đúng. ');
          return askTime({ phone });
        }
        case 'time': {
          const picked = pickChoice(ctx, TIMES);
          const time = picked !== null ? TIMES[picked] : ctx.text.slice(0, 100);
          if (!time) return askTime(state);
          return stay('topic', { ...state, time }, {
            text: 'Anh/chị cần tư vấn về việc gì? Gõ ngắn gọn (ví dụ: mức đóng, lương hưu), hoặc chọn Bỏ qua.',
            quickReplies: SKIP,
          });
        }
        case 'topic': {
          const phone = typeof state['phone'] === 'string' ? state['phone'] : null;
          if (!phone) return askPhone(ctx);
          const topic = pickChoice(ctx, SKIP) === 0 ? null : ctx.text.slice(0, 500) || null;
          const request = ctx.db
            .insert(callbackRequests)
            .values({
              contactId: ctx.contact.id,
              phone,
              name: ctx.contact.name,
              unitCode: ctx.contact.unitCode,
              preferredTime: typeof state['time'] === 'string' ? state['time'] : null,
              topic,
              status: 'new',
              createdAt: ctx.now,
              updatedAt: ctx.now,
            })
            .returning({ id: callbackRequests.id })
            .get();
          // Keep the number on the contact if it has none and nobody else owns it (phone is unique).
          if (!ctx.contact.phone && !ctx.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.phone, phone)).get()) {
            ctx.db.update(contacts).set({ phone }).where(eq(contacts.id, ctx.contact.id)).run();
          }
          return end({
            text: `Đã ghi nhận yêu cầu #${request.id}. Tư vấn viên BHXH sẽ gọi số ${maskPhone(phone)} trong giờ hành chính (${String(state['time'] ?? '')}). Cần gấp: gọi ${ctx.campaign.hotline}.`,
          });
        }
        default:
          return this.start(ctx);
      }
    },
  };
}
