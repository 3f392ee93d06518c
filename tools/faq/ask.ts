import { createInterface } from 'node:readline';
import { normaliseInbound } from '../../src/text/vietnamese.ts';
import { answerQuestion, type FaqAnswer } from '../../flows/faq/answer.ts';
import { buildFaqIndex, type FaqIndex } from '../../flows/faq/search-index.ts';
import { loadKb } from '../../flows/faq/kb.ts';
import { today } from '../../flows/faq/as-of.ts';

/** Streams the `ask` command uses; tests pass their own. */
export interface AskIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(chunk: string): unknown };
  stderr?: { write(chunk: string): unknown };
}

/** The evaluation interface's line: exactly these four keys, in this order. */
export interface AskJson {
  topic: string;
  entryId: string | null;
  confidence: number;
  answer: string;
}

const USAGE = 'usage: ask [--json] [--date=YYYY-MM-DD] "<question>" | ask [--json] [--date=YYYY-MM-DD] --stdin';
/** `--date=2027-05-23`: answer as on that day in Vietnam (this year\'s retirement age, figures past their end). */
const DATE_FLAG = /^--date=(\d{4}-\d{2}-\d{2})$/;

/** A real calendar day ("2027-02-30" is not). */
function validDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(day);
}

/** The JSON object `ask --json` prints for an answer. */
export function toAskJson(a: FaqAnswer): AskJson {
  return { topic: a.topic, entryId: a.entryId, confidence: a.confidence, answer: a.answer };
}

/**
 * `bhxh-outreach ask [--json] "<question>"` and `ask [--json] --stdin` (one question per line, one answer per
 * line, in order; blank lines get an "unknown" answer so lines stay aligned); `--date=YYYY-MM-DD` answers as on that
 * day (to read, before a campaign, what the bot will say then). Returns the exit code.
 * `argv` may start with the word "ask". The index is built from flows/faq/kb/ (or $FAQ_KB_DIR) unless passed.
 */
export async function runAsk(argv: string[], io: AskIo, deps: { index?: FaqIndex } = {}): Promise<number> {
  const args = argv[0] === 'ask' ? argv.slice(1) : [...argv];
  const json = args.includes('--json');
  const fromStdin = args.includes('--stdin');
  const dateArg = args.find((a) => a.startsWith('--date'));
  const day = dateArg === undefined ? today() : DATE_FLAG.exec(dateArg)?.[1];
  const unknownFlag = args.find((a) => a.startsWith('--') && a !== '--json' && a !== '--stdin' && a !== dateArg);
  const words = args.filter((a) => !a.startsWith('--'));
  const err = io.stderr ?? process.stderr;
  if (unknownFlag || day === undefined || !validDay(day) || (fromStdin && words.length > 0) || (!fromStdin && words.length === 0)) {
    err.write(`${USAGE}\n`);
    return 2;
  }
  let index: FaqIndex;
  try {
    index = deps.index ?? buildFaqIndex(loadKb(process.env.FAQ_KB_DIR));
  } catch (e) {
    err.write(`ask: cannot load the knowledge base: ${(e as Error).message}\n`);
    return 1;
  }
  const print = (question: string): void => {
    const text = normaliseInbound(question);
    const a = answerQuestion(index, text, undefined, {}, day);
    io.stdout.write(json ? `${JSON.stringify(toAskJson(a))}\n` : `${a.answer}\n`);
  };
  if (!fromStdin) {
    print(words.join(' '));
    return 0;
  }
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of rl) print(line);
  return 0;
}

// Runnable on its own: `node --import tsx tools/faq/ask.ts --json "đóng bao nhiêu 1 tháng"`.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  void runAsk(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout }).then((code) => {
    process.exitCode = code;
  });
}
