import { describe, expect, it } from 'vitest';
import type { StepOutcome } from '../../../src/core/flow.ts';
import { CALLBACK_LABEL, createFaqFlow, MENU_LABEL, PICK_STEP } from '../../../flows/faq/flow.ts';
import { HOTLINE } from '../../../flows/faq/answer.ts';
import { faqContext, fixtureIndex } from './support.ts';

const index = fixtureIndex();
const flow = createFaqFlow(index);
const entry = (id: string) => index.entries.get(id)!;

function replyText(o: StepOutcome): string {
  if (o.kind === 'goto') return '';
  return o.replies.map((r) => r.text).join('\n');
}

/** A context whose question falls below the threshold: a bare domain word the index barely knows. */
const VAGUE = 'bảo hiểm xyz abc';

describe('the FAQ flow', () => {
  it('is the flow "faq", version 2 (state of a question back was added)', () => {
    expect(flow.id).toBe('faq');
    expect(flow.version).toBe(2);
  });

  it('answers on SMS with the short answer and ends', () => {
    const o = flow.start(faqContext('hộ cận nghèo có được hỗ trợ ko', 'sms'));
    expect(o.kind).toBe('end');
    expect(replyText(o)).toBe(entry('subsidy-rates').short);
  });

  it('answers on chat channels with the answer and its legal basis', () => {
    const o = flow.start(faqContext('hộ cận nghèo có được hỗ trợ ko', 'telegram'));
    expect(o.kind).toBe('end');
    expect(replyText(o)).toContain(entry('subsidy-rates').short);
    expect(replyText(o)).toContain(`Căn cứ: ${entry('subsidy-rates').source}`);
  });

  it('when unsure, offers the closest questions, a callback and the menu, and waits for a pick', () => {
    const o = flow.start(faqContext(VAGUE, 'web'));
    expect(o.kind).toBe('stay');
    if (o.kind !== 'stay') return;
    expect(o.step).toBe(PICK_STEP);
    const ids = o.state['options'] as string[];
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(ids.length).toBeLessThanOrEqual(3);
    const quick = o.replies[0]?.quickReplies ?? [];
    expect(quick.slice(-2)).toEqual([CALLBACK_LABEL, MENU_LABEL]);
    expect(quick.slice(0, ids.length)).toEqual(ids.map((id) => entry(id).questions[0]));
    expect(replyText(o)).toContain(HOTLINE);
  });

  it('answers the picked question when the person types its number', () => {
    const o = flow.start(faqContext(VAGUE, 'sms'));
    if (o.kind !== 'stay') throw new Error('expected to wait for a pick');
    const ids = o.state['options'] as string[];
    const r = flow.resume(faqContext('1', 'sms'), o.step, o.state);
    expect(r.kind).toBe('end');
    expect(replyText(r)).toBe(entry(ids[0]!).short);
  });

  it('answers the picked question when the person taps its text', () => {
    const state = { options: ['maternity', 'hotline'] };
    const r = flow.resume(faqContext(entry('hotline').questions[0]!, 'web'), PICK_STEP, state);
    expect(replyText(r)).toContain(entry('hotline').short);
  });

  it('hands over to the callback flow or the menu', () => {
    const state = { options: ['maternity', 'hotline'] };
    expect(flow.resume(faqContext('3', 'sms'), PICK_STEP, state)).toEqual({ kind: 'goto', flow: 'callback', replies: [] });
    expect(flow.resume(faqContext('gọi lại cho tôi', 'web'), PICK_STEP, state)).toMatchObject({ kind: 'goto', flow: 'callback' });
    expect(flow.resume(faqContext('menu', 'web'), PICK_STEP, state)).toMatchObject({ kind: 'goto', flow: 'menu' });
  });

  it('treats a follow-up that is not a pick as a new question', () => {
    const r = flow.resume(faqContext('đóng bhxh tự nguyện có được hưởng thai sản không', 'sms'), PICK_STEP, { options: ['hotline'] });
    expect(r.kind).toBe('end');
    expect(replyText(r)).toBe(entry('maternity').short);
  });

  it('restarts politely from a state it does not recognise', () => {
    const r = flow.resume(faqContext('rút bhxh 1 lần được không', 'sms'), PICK_STEP, { options: 42 });
    expect(replyText(r)).toBe(entry('lumpsum-when').short);
  });

  it('hands a greeting alone to the menu and thanks without an entry', () => {
    expect(flow.start(faqContext('xin chào', 'zalo'))).toMatchObject({ kind: 'goto', flow: 'menu' });
    expect(replyText(flow.start(faqContext('cảm ơn ad', 'zalo')))).toMatch(/Cảm ơn/);
  });
});
