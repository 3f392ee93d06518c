import { answerQuestion, type FaqAnswer } from './answer.ts';
import type { AnswerPool } from './answer-pool.ts';
import { fromWire } from './answer-wire.ts';
import type { FaqIndex } from './search-index.ts';
import type { Situation } from './situation.ts';
import type { AsOfDay } from './as-of.ts';

/**
 * Answers for the FAQ flow. With answer workers, the dispatcher asks for a message's answer before the message
 * enters its database transaction (`prepare`), a worker computes it, and the flow then takes it instead of
 * computing it on the event loop. The answer is the same either way (the same index, the same function); without
 * workers, or when a worker could not answer, the flow computes it itself.
 */
export interface FaqAnswerer {
  /** Compute the answer to this text on `day` beside the event loop, for the `answer` that follows (never fails). */
  prepare(text: string, day: AsOfDay): Promise<void>;
  /** The answer to a question on `day` (taken from `prepare` when it computed this text on that day without facts). */
  answer(text: string, facts: Situation, day: AsOfDay): FaqAnswer;
}

/** Texts shorter than this are menu choices, commands and numbers: cheaper to answer here than to hand over. */
const MIN_PREPARED_LENGTH = 16;
/** Prepared answers nobody took (the text went to another flow) are dropped past this many. */
const MAX_WAITING = 2_048;

export function createFaqAnswerer(index: FaqIndex, pool?: AnswerPool): FaqAnswerer {
  // day and text → answer and how many messages with that text are waiting for it.
  const waiting = new Map<string, { answer: FaqAnswer; count: number }>();
  const keyOf = (text: string, day: AsOfDay): string => `${day}\n${text}`;
  return {
    async prepare(text, day) {
      if (!pool || text.length < MIN_PREPARED_LENGTH) return;
      const key = keyOf(text, day);
      const seen = waiting.get(key);
      if (seen) {
        seen.count++;
        return;
      }
      const wire = await pool.answer(text, day);
      const answer = wire && fromWire(index, wire);
      if (!answer) return;
      if (waiting.size >= MAX_WAITING) waiting.clear();
      const again = waiting.get(key);
      if (again) again.count++;
      else waiting.set(key, { answer, count: 1 });
    },
    answer(text, facts, day) {
      const key = keyOf(text, day);
      const ready = Object.keys(facts).length === 0 ? waiting.get(key) : undefined;
      if (ready) {
        if (--ready.count === 0) waiting.delete(key);
        return ready.answer;
      }
      return answerQuestion(index, text, undefined, facts, day);
    },
  };
}
