// The flow runner: one step of a flow (following hand-overs), then the conversation saved or cleared.
import type { Db } from '../../../db/client.ts';
import { transaction } from '../../../db/client.ts';
import type { Flow, FlowContext, FlowState, StepOutcome } from '../flow.ts';
import type { Logger } from '../log.ts';
import { maskAddress } from '../log.ts';
import type { Reply } from '../message.ts';
import { TEXTS } from '../texts.ts';
import type { ConversationStore } from './conversation-store.ts';

/** A flow may hand over to another at most this many times for one message (menu → faq …). */
const MAX_HOPS = 4;

/** What one run produced: the replies, and whether a step threw (the person got a polite "try again"). */
export interface RunResult {
  replies: Reply[];
  failed?: boolean;
}

/**
 * Runs a flow from its start (`resumeAt` null) or from a saved step. `stored` false says the contact has no saved
 * conversation (the router has just read or cleared it): a flow that ends then has nothing to delete.
 */
export type FlowRunner = (ctx: FlowContext, flowId: string, resumeAt: { step: string; state: FlowState } | null, stored?: boolean) => Promise<RunResult>;

/**
 * Build the runner. The step runs in a savepoint: if it throws, whatever it wrote is rolled back, the saved state
 * stays as it was, and the person gets a polite "try again".
 */
export function createFlowRunner(deps: { db: Db; log: Logger; flows: ReadonlyMap<string, Flow>; conversations: ConversationStore }): FlowRunner {
  const { db, log, flows, conversations } = deps;
  return async (ctx, flowId, resumeAt, stored = true) => {
    const replies: Reply[] = [];
    const clear = async (): Promise<void> => {
      if (stored) await conversations.clear(ctx.contact.id);
    };
    try {
      return await transaction(db, async () => {
        let current = flowId;
        let at = resumeAt;
        let stepCtx = ctx;
        for (let hop = 0; hop < MAX_HOPS; hop++) {
          const flow = flows.get(current);
          if (!flow) throw new Error(`unknown flow "${current}"`);
          if (flow.roles && !flow.roles.includes(ctx.contact.role)) {
            await clear();
            replies.push({ text: TEXTS.notForRole(flow.id) });
            return { replies };
          }
          const outcome: StepOutcome = at ? await flow.resume(stepCtx, at.step, at.state) : await flow.start(stepCtx);
          replies.push(...(outcome.replies ?? []));
          switch (outcome.kind) {
            case 'stay':
              await conversations.save(ctx.contact.id, flow, outcome.step, outcome.state, ctx.now, outcome.ttlMinutes);
              return { replies };
            case 'end':
              await clear();
              return { replies };
            case 'goto':
              current = outcome.flow;
              at = null;
              if (outcome.consumed) stepCtx = { ...stepCtx, text: '', folded: '' };
              continue;
            default: {
              const never: never = outcome;
              throw new Error(`unknown step outcome ${JSON.stringify(never)}`);
            }
          }
        }
        throw new Error(`too many flow hand-overs starting at "${flowId}"`);
      });
    } catch (err) {
      log.error({ err, flow: flowId, contactId: ctx.contact.id, address: maskAddress(ctx.address) }, 'flow step failed');
      return { replies: [{ text: TEXTS.tryAgain(ctx.campaign) }], failed: true };
    }
  };
}
