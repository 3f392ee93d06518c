import type { Situation } from './situation.ts';

/**
 * What a question asks for, read from cue words, when the words of the whole question pull the matcher toward
 * another entry: "nghỉ hưu sớm" next to "22 năm" is the early-retirement rule, not the 15-year rule; "chốt sổ"
 * is the employer's duty to close the book, not how to go on paying. Each route names the entry that answers
 * the ask (and, when the question asks two things, the entry for the other one).
 */
export interface AskRoute {
  name: string;
  /** On the folded question, padded with spaces. */
  asks: (f: string, s: Situation) => boolean;
  entry: string;
  /** An entry answered before this one (the other, main ask of the question). */
  before?: (f: string) => string | undefined;
  /** An entry answered after this one (the second ask of the question). */
  after?: (f: string) => string | undefined;
  lead?: (s: Situation, f: string) => string | undefined;
  /** The entries already answering this ask (no switch when the matcher picked one of them). */
  covered?: readonly string[];
  /** The route's sentence for the person is needed even when the matcher picked the route's own entry. */
  leadsAlways?: true;
  /** Read before the situation's other rules (the years, an illness, a withdrawal): a post, a prison, a new job decide. */
  decisive?: true;
  /**
   * Read only on a later ask of a message, on its own words ("… Sau khi sinh muốn tạm ngừng đóng thì có sao không?"); its
   * entry answers even when the ask alone matched it (as `leadsAlways`).
   */
  laterAskOnly?: true;
  /** Read only on the whole message, not on a later ask's own words (its lead needs the whole story: an income, a year). */
  wholeOnly?: true;
  /** On a later ask that matched the route's own entry (weakly, its topic's words missing), the route answers it too. */
  laterAskMatched?: true;
  /** Only these matched entries are switched (the ask corrects one reading, it is not the whole question). */
  replaces?: readonly string[];
}
