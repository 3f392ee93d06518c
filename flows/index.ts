import type { Role } from '../db/schema/index.ts';
import type { Config } from '../src/config.ts';
import type { Flow, FlowContext } from '../src/core/flow.ts';
import { localDay } from '../src/core/clock.ts';
import { createMenuFlow } from './menu/flow.ts';
import { createSubscriptionFlow } from './subscription/flow.ts';
import { createBroadcastCommandsFlow } from './broadcast/commands.ts';
import { createCalculatorFlow } from './calculator/flow.ts';
import { createCallbackFlow } from './callback/flow.ts';
import { createCallbackCommandsFlow } from './callback/commands.ts';
import { createCallbackStatusFlow } from './callback/status.ts';
import { callbackPolicy } from './callback/workflow.ts';
import { createFaqFlow } from './faq/flow.ts';
import { createAnswerPool, type AnswerPool, type AnswerPoolStats } from './faq/answer-pool.ts';
import { createFaqAnswerer } from './faq/answerer.ts';
import { buildFaqIndex } from './faq/search-index.ts';
import { loadKb } from './faq/kb.ts';
import { pastEffective } from './faq/as-of.ts';
import { createLinkFlow, createProgressFlow, createReportFlow } from './report/flow.ts';

/** Every flow the service runs, and which flow each role's free text goes to. */
export interface FlowSet {
  flows: Flow[];
  defaultFlow: Record<Role, string>;
  menuFlow: string;
  /** Work for an inbound text received at `now`, before its transaction (the FAQ answer, on an answer worker); never fails. */
  prepare?: (text: string, now: Date) => Promise<void>;
}

// The knowledge base is read and indexed once per process (about a quarter of a second, see docs/BENCHMARKS.md);
// the index is read-only, so every service built in this process (tests build many) shares it.
let builtFaqIndex: ReturnType<typeof buildFaqIndex> | undefined;
function faqIndex(): ReturnType<typeof buildFaqIndex> {
  builtFaqIndex ??= buildFaqIndex(loadKb());
  return builtFaqIndex;
}

// Answer workers, likewise one set per process (each holds its own copy of the index).
let answerPool: { size: number; pool: AnswerPool } | undefined;
function answerWorkers(size: number): AnswerPool | undefined {
  if (size <= 0) return undefined;
  if (answerPool?.size !== size) {
    void answerPool?.pool.close();
    answerPool = { size, pool: createAnswerPool({ size }) };
  }
  return answerPool.pool;
}

/** Ids of the knowledge-base entries whose figures stopped applying before `day` (YYYY-MM-DD), to review. */
export function faqEntriesPastEffective(day: string): string[] {
  return pastEffective(faqIndex().entries.values(), day).map((e) => e.id);
}

/** The answer workers of this process: how many, how many ready, texts answered and handed back (none: null). */
export function answerWorkerStats(): AnswerPoolStats | null {
  return answerPool?.pool.stats() ?? null;
}

/** Build the flows. Order matters for commands: the first flow whose command matches starts. */
export function buildFlows(config: Config): FlowSet {
  const policy = (ctx: FlowContext) => callbackPolicy(config.callbacks, ctx.campaign.hotline);
  const pool = answerWorkers(config.faq.workers);
  const answers = createFaqAnswerer(faqIndex(), pool);
  const others: Flow[] = [
    createReportFlow({ sanityLimit: config.reports.sanityLimit }),
    createProgressFlow(),
    createLinkFlow(),
    createBroadcastCommandsFlow(),
    createSubscriptionFlow(),
    createCallbackCommandsFlow({ policy }),
    createCallbackStatusFlow(),
    createCallbackFlow({ policy }),
    createFaqFlow(faqIndex(), answers),
    createCalculatorFlow({ discountRatePerMonth: config.calculator.discountRatePerMonth, menuFlowId: 'menu' }),
  ];
  const available = new Set(others.map((f) => f.id));
  const menu = createMenuFlow({ available });
  return {
    flows: [...others, menu],
    // Residents' free text is a question; staff get their menu (their commands are caught before it).
    defaultFlow: { resident: 'faq', staff: 'menu', supervisor: 'menu' },
    menuFlow: 'menu',
    ...(pool && { prepare: (text: string, now: Date) => answers.prepare(text, localDay(now)) }),
  };
}
