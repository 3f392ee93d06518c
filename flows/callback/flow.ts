import { eq } from 'drizzle-orm';
import { contacts, conversations, CALLBACK_WINDOWS, type CallbackWindow } from '../../db/schema/index.ts';
import { matchPlaces, placeLabel } from '../../db/queries/places.ts';
import { openRequestOfContact } from '../../db/queries/callbacks.ts';
import { end, pickChoice, stay, type Flow, type FlowContext, type FlowState, type StepOutcome } from '../../src/core/flow.ts';
import { asksForCallback, phoneInText, questionBesideCall } from './intent.ts';
import { checkMobile, maskPhone } from './phone.ts';
import { confirmation, phoneRefused, statusWords, WINDOW_LABELS } from './texts.ts';
import { submitRequest, type CallbackPolicy } from './workflow.ts';

/** Flow id of the resident's callback request (the menu and the answers hand over to it). */
export const CALLBACK_FLOW_ID = 'callback';
const NAME_MAX = 60;
const PLACE_MAX = 120;
const QUESTION_MAX = 300;
const PLACE_CHOICES = 8;

// "Đúng" would fold to "dung", an opt-out word: the options avoid it.
const CONFIRM_PHONE = ['Gọi số này', 'Số khác'];
const TIMES = CALLBACK_WINDOWS.map((w) => WINDOW_LABELS[w]);
const SKIP = ['Bỏ qua'];
const CONSENT = ['Đồng ý', 'Không đồng ý'];
const RETYPE = 'Nhập lại';
const YES = new Set(['co', 'ok', 'oke', 'dong y', 'vang', 'u', 'yes', 'duoc', 'co dong y', 'toi dong y']);
const NO = new Set(['khong', 'ko', 'k', 'no', 'khong dong y', 'tu choi dong y']);
// Ways to stop the request at any step. ("hủy" alone is the global opt-out word: it also ends this conversation.)
const CANCEL = new Set(['thoi', 'huy yeu cau', 'huy bo', 'khong can nua', 'thoi khong can', 'ket thuc', 'cancel', 'huy goi lai', 'thoi khoi']);
const TIME_WORDS: Record<string, CallbackWindow> = {
  sang: 'morning', 'buoi sang': 'morning', chieu: 'afternoon', 'buoi chieu': 'afternoon', trua: 'afternoon',
  toi: 'evening', 'buoi toi': 'evening', 'bat ky': 'any', 'luc nao cung duoc': 'any', 'gio nao cung duoc': 'any', 'luc nao': 'any',
};

const str = (state: FlowState, key: string): string | null => (typeof state[key] === 'string' ? state[key] : null);

/** A name as people write it: letters, spaces, dots, hyphens and apostrophes; at least two letters. */
function checkName(text: string): 'ok' | 'long' | 'bad' {
  if (text.length > NAME_MAX) return 'long';
  if (!/^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u.test(text) || (text.match(/\p{L}/gu) ?? []).length < 2) return 'bad';
  return 'ok';
}

function askName(ctx: FlowContext, note = '', state: FlowState = {}): StepOutcome {
  const known = ctx.contact.name && checkName(ctx.contact.name) === 'ok' ? [ctx.contact.name] : undefined;
  return stay('name', state, {
    text: `${note}Để cán bộ gọi lại, xin anh/chị cho biết họ tên (ví dụ: Nguyễn Văn An); sau đó là số điện thoại, nơi ở và giờ tiện nghe máy. Soạn THOI để dừng.`,
    ...(known && { quickReplies: known }),
  });
}

function askPhone(state: FlowState, note = ''): StepOutcome {
  return stay('phone', state, { text: `${note}Anh/chị gửi số di động để cán bộ gọi lại (ví dụ 0912345678).`, requestPhone: true });
}

function phoneStep(ctx: FlowContext, state: FlowState): StepOutcome {
  // The number written in the first message, else the one the contact has.
  const written = str(state, 'phone');
  const known = written ? checkMobile(written) : ctx.contact.phone ? checkMobile(ctx.contact.phone) : null;
  if (known?.ok) {
    return stay('confirm', { ...state, phone: known.e164 }, {
      text: `Cán bộ sẽ gọi số ${maskPhone(known.e164)}. Anh/chị xác nhận, hay dùng số khác?`,
      quickReplies: CONFIRM_PHONE,
    });
  }
  return askPhone(state);
}

function askPlace(state: FlowState, note = ''): StepOutcome {
  return stay('place', state, {
    text: `${note}Anh/chị đang ở xã/phường hoặc huyện nào, tỉnh nào? Ví dụ: "xã Tân Lập, Phú Thọ" hoặc "huyện Mê Linh".`,
  });
}

function askTime(state: FlowState, note = ''): StepOutcome {
  return stay('time', state, { text: `${note}Anh/chị muốn được gọi vào lúc nào?`, quickReplies: TIMES });
}

function askQuestion(state: FlowState, note = ''): StepOutcome {
  return stay('question', state, {
    text: `${note}Anh/chị cần tư vấn về việc gì? Viết ngắn gọn (ví dụ: mức đóng hằng tháng, lương hưu), hoặc chọn Bỏ qua.`,
    quickReplies: SKIP,
  });
}

function consentText(): string {
  return 'Để cán bộ BHXH gọi lại, chúng tôi lưu họ tên, số điện thoại, nơi ở, thời gian và câu hỏi của anh/chị. Thông tin chỉ dùng để liên hệ tư vấn về BHXH tự nguyện. Anh/chị đồng ý?';
}

function askConsent(state: FlowState, note = ''): StepOutcome {
  return stay('consent', state, { text: `${note}${consentText()}`, quickReplies: CONSENT });
}

function placeChosen(state: FlowState, code: string, label: string): StepOutcome {
  const { choices: _drop, ...rest } = state;
  return askTime({ ...rest, unitCode: code, unitName: label }, `Nơi ở: ${label}. `);
}

/** Is this contact in the middle of this flow? (Then "gọi lại" in an answer is an answer, not a new start.) */
async function inThisFlow(ctx: FlowContext): Promise<boolean> {
  const [conv] = await ctx.db
    .select({ flow: conversations.flow, expiresAt: conversations.expiresAt })
    .from(conversations)
    .where(eq(conversations.contactId, ctx.contact.id))
    .limit(1);
  return conv?.flow === CALLBACK_FLOW_ID && conv.expiresAt.getTime() > ctx.now.getTime();
}

/** A resident asks to be phoned: name, phone (confirmed when known), place, time, short question, consent → request. */
export function createCallbackFlow(opts: { policy: (ctx: FlowContext) => CallbackPolicy }): Flow {
  async function finish(ctx: FlowContext, state: FlowState): Promise<StepOutcome> {
    const [name, phone, unitCode, time] = [str(state, 'name'), str(state, 'phone'), str(state, 'unitCode'), str(state, 'time')];
    if (!name || !phone || !unitCode || !time || !(CALLBACK_WINDOWS as readonly string[]).includes(time)) return askName(ctx);
    const { request, merged } = await submitRequest(ctx.db, ctx.now, opts.policy(ctx), {
      contactId: ctx.contact.id,
      address: ctx.address,
      name,
      phone,
      unitCode,
      preferredTime: time as CallbackWindow,
      topic: str(state, 'topic'),
      consentText: consentText(),
    });
    // Keep the number and name on the contact if it has none and nobody else owns the number (phone is unique).
    const patch: { phone?: string; name?: string } = {};
    if (!ctx.contact.phone) {
      const [owner] = await ctx.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.phone, phone)).limit(1);
      if (!owner) patch.phone = phone;
    }
    if (!ctx.contact.name) patch.name = name;
    if (patch.phone || patch.name) await ctx.db.update(contacts).set(patch).where(eq(contacts.id, ctx.contact.id));
    return end({ text: `${confirmation(request, merged)} Cần gấp: gọi tổng đài ${ctx.campaign.hotline}.` });
  }

  async function resume(ctx: FlowContext, step: string, state: FlowState): Promise<StepOutcome> {
    if (CANCEL.has(ctx.folded)) return end({ text: 'Đã dừng yêu cầu gọi lại; chưa có thông tin nào được lưu. Soạn GOI LAI khi cần.' });
    switch (step) {
      case 'name': {
        const check = checkName(ctx.text);
        if (check === 'long') return askName(ctx, `Họ tên dài quá (tối đa ${NAME_MAX} ký tự). `);
        if (check === 'bad') return askName(ctx, 'Họ tên chỉ gồm chữ cái và khoảng trắng. ');
        return phoneStep(ctx, { ...state, name: ctx.text });
      }
      case 'confirm': {
        const picked = pickChoice(ctx, CONFIRM_PHONE);
        if (picked === 0 || YES.has(ctx.folded)) return askPlace(state);
        if (picked === 1) return askPhone(state);
        if (/\d{3}/.test(ctx.text)) return phoneAnswer(ctx, state);
        return stay('confirm', state, { text: 'Anh/chị chọn "Gọi số này" hoặc "Số khác" (hoặc gửi số khác).', quickReplies: CONFIRM_PHONE });
      }
      case 'phone':
        return phoneAnswer(ctx, state);
      case 'place': {
        if (ctx.text.length > PLACE_MAX) return askPlace(state, 'Tên nơi ở dài quá. ');
        const matches = await matchPlaces(ctx.db, ctx.text, { limit: PLACE_CHOICES + 1 });
        if (matches.length === 0) return askPlace(state, 'Chưa tìm thấy nơi này trong danh sách xã/huyện. ');
        if (matches.length === 1) return placeChosen(state, matches[0]!.code, placeLabel(matches[0]!));
        const shown = matches.slice(0, PLACE_CHOICES);
        const more = matches.length > PLACE_CHOICES ? ' (hoặc nhập lại kèm tên tỉnh cho gọn)' : '';
        return stay('place-pick', { ...state, choices: shown.map((m) => [m.code, placeLabel(m)]) }, {
          text: `Có nhiều nơi trùng tên. Anh/chị ở nơi nào${more}?`,
          quickReplies: [...shown.map(placeLabel), RETYPE],
        });
      }
      case 'place-pick': {
        const choices = Array.isArray(state['choices']) ? state['choices'].filter((c): c is [string, string] => Array.isArray(c) && c.length === 2 && c.every((x) => typeof x === 'string')) : [];
        const labels = choices.map((c) => c[1]);
        const picked = pickChoice(ctx, [...labels, RETYPE]);
        if (picked !== null && picked < choices.length) return placeChosen(state, choices[picked]![0], choices[picked]![1]);
        if (picked === labels.length) return askPlace({ ...state, choices: null });
        if (/\D/.test(ctx.folded) && ctx.text.length > 2) return resume(ctx, 'place', state);
        return stay('place-pick', state, { text: 'Anh/chị chọn một số trong danh sách, hoặc "Nhập lại".', quickReplies: [...labels, RETYPE] });
      }
      case 'time': {
        const picked = pickChoice(ctx, TIMES);
        const window = picked !== null ? CALLBACK_WINDOWS[picked] : TIME_WORDS[ctx.folded];
        if (!window) return askTime(state, 'Anh/chị chọn một trong các buổi dưới đây. ');
        // (The question came with the request: it is the topic already.)
        return str(state, 'topic') ? askConsent({ ...state, time: window }) : askQuestion({ ...state, time: window });
      }
      case 'question': {
        if (pickChoice(ctx, SKIP) === 0) return askConsent({ ...state, topic: null });
        if (ctx.text.length > QUESTION_MAX) return askQuestion(state, `Câu hỏi dài quá (tối đa ${QUESTION_MAX} ký tự); cán bộ sẽ hỏi thêm khi gọi. `);
        if (ctx.folded === '') return askQuestion(state, 'Anh/chị viết câu hỏi bằng chữ, hoặc chọn Bỏ qua. ');
        return askConsent({ ...state, topic: ctx.text });
      }
      case 'consent': {
        const picked = pickChoice(ctx, CONSENT);
        if (picked === 1 || NO.has(ctx.folded)) {
          return end({ text: `Chúng tôi không lưu thông tin nào. Anh/chị có thể gọi tổng đài ${ctx.campaign.hotline} hoặc nhắn câu hỏi tại đây.` });
        }
        if (picked === 0 || YES.has(ctx.folded)) return finish(ctx, state);
        return askConsent(state, 'Anh/chị chọn "Đồng ý" hoặc "Không đồng ý". ');
      }
      default:
        return askName(ctx);
    }
  }

  function phoneAnswer(ctx: FlowContext, state: FlowState): StepOutcome {
    const check = checkMobile(ctx.text);
    if (check.ok) return askPlace({ ...state, phone: check.e164 });
    // The person may have shared their number with the button meanwhile (Telegram contact, Zalo form).
    if (!/\d/.test(ctx.text) && ctx.contact.phone && checkMobile(ctx.contact.phone).ok) return phoneStep(ctx, state);
    return askPhone(state, `${phoneRefused(check.reason, check.suggestion)} `);
  }

  return {
    id: CALLBACK_FLOW_ID,
    version: 2,
    // (A call asked inside a question of its own goes to the answers first, which hand over here: flows/faq/flow.ts.)
    command: async (ctx) => asksForCallback(ctx.folded) && !questionBesideCall(ctx.folded) && !(await inThisFlow(ctx)),
    async start(ctx) {
      const open = await openRequestOfContact(ctx.db, ctx.contact.id);
      const note = open ? `Anh/chị đang có yêu cầu ${open.reference} (${statusWords(open.status)}). Gửi lại thì thông tin mới sẽ cập nhật vào yêu cầu đó. ` : '';
      if (!questionBesideCall(ctx.folded)) return askName(ctx, note);
      // Asked inside a question (answered just before by the answers): the question is the topic, a number written
      // in it the number to confirm.
      const topic = ctx.text.length > QUESTION_MAX ? `${ctx.text.slice(0, QUESTION_MAX - 1)}…` : ctx.text;
      const written = phoneInText(ctx.text);
      const phone = written ? checkMobile(written) : null;
      return askName(ctx, `${note}Cán bộ sẽ gọi lại để tư vấn thêm; câu hỏi của anh/chị được ghi kèm yêu cầu. `, { topic, ...(phone?.ok && { phone: phone.e164 }) });
    },
    resume,
  };
}
