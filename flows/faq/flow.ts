import type { Flow, FlowContext, FlowState, StepOutcome } from '../../src/core/flow.ts';
import { end, goto, pickChoice, stay } from '../../src/core/flow.ts';
import type { Reply } from '../../src/core/message.ts';
import { answerQuestion, HOTLINE, unsureText } from './answer.ts';
import type { FaqIndex } from './index.ts';
import type { KbEntry } from './kb.ts';

/** Flow id other flows use to hand free text to the FAQ (`goto('faq')`). */
export const FAQ_FLOW_ID = 'faq';
/** Quick reply that asks for a callback; picking it hands over to the callback flow. */
export const CALLBACK_LABEL = 'Gọi lại cho tôi';
export const MENU_LABEL = 'Menu';
/** Flow ids the quick replies lead to (flows/callback, the menu). */
export const CALLBACK_FLOW_ID = 'callback';
export const MENU_FLOW_ID = 'menu';
/** Step at which the flow waits for the person to pick one of the closest questions. */
export const PICK_STEP = 'pick';

/** The answer text for the channel: short on SMS, long on chat (if it fits), with its legal basis on chat. */
export function entryReplyText(entry: KbEntry, ctx: Pick<FlowContext, 'capabilities'>): string {
  const caps = ctx.capabilities;
  if (caps.sms) return entry.short;
  const source = /^căn cứ/i.test(entry.source.trim()) ? entry.source.trim() : `Căn cứ: ${entry.source.trim()}`;
  for (const body of [entry.long, entry.short]) {
    if (body === undefined) continue;
    const text = `${body}\n\n${source}`;
    if (text.length <= caps.maxLength) return text;
  }
  return entry.short.slice(0, caps.maxLength);
}

function answerEntry(entry: KbEntry, ctx: FlowContext): StepOutcome {
  return end({ text: entryReplyText(entry, ctx) });
}

function pickLabels(index: FaqIndex, ids: readonly string[]): string[] {
  return [...ids.map((id) => index.entries.get(id)?.questions[0] ?? id), CALLBACK_LABEL, MENU_LABEL];
}

function idsOf(state: FlowState): string[] | null {
  const options = state['options'];
  if (!Array.isArray(options) || !options.every((o): o is string => typeof o === 'string')) return null;
  return options;
}

/** The FAQ flow: answers free text from the knowledge base; when unsure, offers the closest questions. */
export function createFaqFlow(index: FaqIndex): Flow {
  const start = (ctx: FlowContext): StepOutcome => {
    const a = answerQuestion(index, ctx.text);
    switch (a.kind) {
      case 'entry':
        return a.entry ? answerEntry(a.entry, ctx) : end({ text: a.answer });
      case 'greeting':
        // A greeting alone: show what the service offers, with its buttons.
        return goto(MENU_FLOW_ID);
      case 'thanks':
      case 'offtopic':
        return end({ text: a.answer });
      case 'unsure': {
        const ids = a.alternatives.map((x) => x.entryId);
        const labels = pickLabels(index, ids);
        // Channels without buttons render quick replies as numbered options themselves.
        const text = ctx.capabilities.quickReplies
          ? unsureText(a.alternatives)
          : `Xin lỗi, tôi chưa chắc đã hiểu đúng câu hỏi. Có phải anh/chị muốn hỏi một trong các câu dưới đây? Hoặc gọi tổng đài ${HOTLINE}.`;
        const reply: Reply = { text, quickReplies: labels };
        return stay(PICK_STEP, { options: ids }, reply);
      }
    }
  };

  const resume = (ctx: FlowContext, step: string, state: FlowState): StepOutcome => {
    const ids = step === PICK_STEP ? idsOf(state) : null;
    if (!ids) return start(ctx);
    const labels = pickLabels(index, ids);
    const i = pickChoice(ctx, labels);
    if (i === null) return start(ctx); // not a pick: a new question
    if (i < ids.length) {
      const entry = index.entries.get(ids[i]!);
      return entry ? answerEntry(entry, ctx) : start(ctx);
    }
    return labels[i] === CALLBACK_LABEL ? goto(CALLBACK_FLOW_ID) : goto(MENU_FLOW_ID);
  };

  return { id: FAQ_FLOW_ID, version: 1, start, resume };
}
