import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowContext } from '../../../src/core/flow.ts';
import { DEFAULT_CAPABILITIES } from '../../../src/core/channel.ts';
import type { ChannelName } from '../../../src/core/message.ts';
import { foldWords, normaliseInbound } from '../../../src/text/vietnamese.ts';
import { FIXTURE_KB_DIR } from '../../../tools/faq/eval.ts';
import { EVAL_DAY } from '../../../tools/faq/eval-advice.ts';

/** The day the FAQ tests read answers on: the evaluation's (this year's retirement age is in some answers). */
export const DAY = EVAL_DAY;
import { buildFaqIndex, type FaqIndex } from '../../../flows/faq/search-index.ts';
import { loadKb } from '../../../flows/faq/kb.ts';

/** The small stand-in knowledge base written for these tests (test/fixtures/faq/kb). */
export function fixtureIndex(): FaqIndex {
  return buildFaqIndex(loadKb(FIXTURE_KB_DIR));
}

export const FIXTURES = join(FIXTURE_KB_DIR, '..');

export function readJsonl<T>(name: string): T[] {
  return readFileSync(join(FIXTURES, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/**
 * A flow context for the FAQ flow, which reads only the text and the channel's capabilities; the other
 * fields belong to the dispatcher and stay unset here.
 */
export function faqContext(text: string, channel: ChannelName = 'web'): FlowContext {
  const t = normaliseInbound(text);
  // The answers are read on the message's day: a fixed one, so that this year's figures do not move the tests.
  return { text: t, folded: foldWords(t), channel, capabilities: DEFAULT_CAPABILITIES[channel], now: new Date(`${DAY}T03:00:00Z`) } as unknown as FlowContext;
}
