import type { Role } from '../db/schema/index.ts';
import type { Config } from '../src/config.ts';
import type { Flow, FlowContext } from '../src/core/flow.ts';
import { createMenuFlow } from './menu/flow.ts';
import { createSubscriptionFlow } from './subscription/flow.ts';
import { createBroadcastCommandsFlow } from './broadcast/commands.ts';
import { createCalculatorFlow } from './calculator/flow.ts';
import { createCallbackFlow } from './callback/flow.ts';
import { createCallbackCommandsFlow } from './callback/commands.ts';
import { createCallbackStatusFlow } from './callback/status.ts';
import { callbackPolicy } from './callback/workflow.ts';
import { createFaqFlow } from './faq/flow.ts';
import { buildFaqIndex } from './faq/search-index.ts';
import { loadKb } from './faq/kb.ts';
import { createLinkFlow, createProgressFlow, createReportFlow } from './report/flow.ts';

/** Every flow the service runs, and which flow each role's free text goes to. */
export interface FlowSet {
  flows: Flow[];
  defaultFlow: Record<Role, string>;
  menuFlow: string;
}

// The knowledge base is read and indexed once per process (about a quarter of a second, see docs/BENCHMARKS.md);
// the index is read-only, so every service built in this process (tests build many) shares it.
let builtFaqIndex: ReturnType<typeof buildFaqIndex> | undefined;
function faqIndex(): ReturnType<typeof buildFaqIndex> {
  builtFaqIndex ??= buildFaqIndex(loadKb());
  return builtFaqIndex;
}

/** Build the flows. Order matters for commands: the first flow whose command matches starts. */
export function buildFlows(config: Config): FlowSet {
  const policy = (ctx: FlowContext) => callbackPolicy(config.callbacks, ctx.campaign.hotline);
  const others: Flow[] = [
    createReportFlow({ sanityLimit: config.reports.sanityLimit }),
    createProgressFlow(),
    createLinkFlow(),
    createBroadcastCommandsFlow(),
    createSubscriptionFlow(),
    createCallbackCommandsFlow({ policy }),
    createCallbackStatusFlow(),
    createCallbackFlow({ policy }),
    createFaqFlow(faqIndex()),
    createCalculatorFlow({ discountRatePerMonth: config.calculator.discountRatePerMonth, menuFlowId: 'menu' }),
  ];
  const available = new Set(others.map((f) => f.id));
  const menu = createMenuFlow({ available });
  return {
    flows: [...others, menu],
    // Residents' free text is a question; staff get their menu (their commands are caught before it).
    defaultFlow: { resident: 'faq', staff: 'menu', supervisor: 'menu' },
    menuFlow: 'menu',
  };
}
