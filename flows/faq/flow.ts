import type { FlowContext, FlowState, StepOutcome, SyncFlow } from '../../src/core/flow.ts';
import { end, goto, pickChoice, stay } from '../../src/core/flow.ts';
import type { Reply } from '../../src/core/message.ts';
import { HOTLINE, unsureText } from './answer.ts';
import { createFaqAnswerer, type FaqAnswerer } from './answerer.ts';
import type { FaqIndex } from './search-index.ts';
import type { KbEntry } from './kb.ts';
import { applyClarifyReply } from './advice.ts';
import { composeReply } from './compose.ts';
import type { Situation } from './situation.ts';
import { localDay } from '../../src/core/clock.ts';
import type { AsOfDay } from './as-of.ts';
import { questionBesideCall } from '../callback/intent.ts';

/** Flow id other flows use to hand free text to the FAQ (`goto('faq')`). */
export const FAQ_FLOW_ID = 'faq';
/** Quick reply that asks for a callback; picking it hands over to the callback flow. */
export const CALLBACK_LABEL = 'Gọi lại cho tôi';
export const MENU_LABEL = 'Menu';
/** Flow ids the quick replies lead to (flows/callback, the menu). */
export const CALLBACK_FLOW_ID = 'callback';
export const MENU_FLOW_ID = 'menu';
/** The answer that only says how to ask for a call (replaced by the request itself when the message asks for one). */
const CALLBACK_ENTRY = 'contact_hotline.callback';
/** Step at which the flow waits for the person to pick one of the closest questions. */
export const PICK_STEP = 'pick';
/** Step at which the flow waits for the answer to a question back (a yes/no: see src/core/global-words.ts). */
export const CLARIFY_STEP = 'clarify-yes-no';

/** The message's day in Vietnam: what answers are read for (this year's retirement age, figures past their end). */
const dayOf = (ctx: FlowContext): AsOfDay => localDay(ctx.now);

function answerEntry(entry: KbEntry, ctx: FlowContext): StepOutcome {
  return end({ text: composeReply([{ entry }], ctx.capabilities, dayOf(ctx), ctx.campaign) });
}

/** The reply to an answer: every part for this channel, or the question back, or the closest questions. */
function replyTo(index: FaqIndex, answers: FaqAnswerer, ctx: FlowContext, question: string, facts: Situation = {}): StepOutcome {
  const day = dayOf(ctx);
  const a = answers.answer(question, facts, day);
  // "… bao nhiêu? Nhờ cán bộ gọi lại cho tôi": the answer, then the callback request with the question as its topic;
  // without a sure answer (a question back, the closest questions), the request at once: the consultant will answer.
  const callToo = question === ctx.text && questionBesideCall(ctx.folded);
  // (Nor when the answer is only how to ask for a call.)
  if (callToo && (a.kind === 'clarify' || a.kind === 'unsure' || (a.parts.length > 0 && a.parts.every((p) => p.entry.id === CALLBACK_ENTRY)))) return goto(CALLBACK_FLOW_ID);
  switch (a.kind) {
    case 'entry': {
      const reply = { text: a.parts.length > 0 ? composeReply(a.parts, ctx.capabilities, day, ctx.campaign) : a.answer };
      return callToo ? goto(CALLBACK_FLOW_ID, reply) : end(reply);
    }
    case 'clarify': {
      const c = a.clarify!;
      return stay(CLARIFY_STEP, { question, slot: c.slot, facts: { ...facts } as FlowState }, { text: c.question, quickReplies: [...c.options] });
    }
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
}

function pickLabels(index: FaqIndex, ids: readonly string[]): string[] {
  return [...ids.map((id) => index.entries.get(id)?.questions[0] ?? id), CALLBACK_LABEL, MENU_LABEL];
}

function idsOf(state: FlowState): string[] | null {
  const options = state['options'];
  if (!Array.isArray(options) || !options.every((o): o is string => typeof o === 'string')) return null;
  return options;
}

/**
 * The FAQ flow: answers free text from the knowledge base; when unsure, offers the closest questions. `answers`
 * may have the answer ready (computed by an answer worker before the message's transaction, see answerer.ts).
 */
export function createFaqFlow(index: FaqIndex, answers: FaqAnswerer = createFaqAnswerer(index)): SyncFlow {
  const start = (ctx: FlowContext): StepOutcome => replyTo(index, answers, ctx, ctx.text);

  const resume = (ctx: FlowContext, step: string, state: FlowState): StepOutcome => {
    if (step === CLARIFY_STEP) return resumeClarify(ctx, state);
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

  /** The reply to a question back: answer the saved question with the fact it gave, or take it as a new question. */
  const resumeClarify = (ctx: FlowContext, state: FlowState): StepOutcome => {
    const question = state['question'];
    const slot = state['slot'];
    if (typeof question !== 'string' || (slot !== 'contract' && slot !== 'pension')) return start(ctx);
    const fact = applyClarifyReply(slot, ctx.folded);
    if (!fact) return start(ctx);
    const saved = state['facts'];
    const facts: Situation = saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Situation) : {};
    return replyTo(index, answers, ctx, question, { ...facts, ...fact });
  };

  return { id: FAQ_FLOW_ID, version: 2, start, resume };
}
