// The router: which flow (or global word) answers a message. Global words first, then commands, then the active
// conversation, then the role's default flow.
import type { Db } from '../../../db/client.ts';
import type { ContactRow, Role } from '../../../db/schema/index.ts';
import type { ChannelCapabilities } from '../channel.ts';
import { recordOptIn, recordOptOut } from '../consent.ts';
import type { Flow, FlowContext, FlowState } from '../flow.ts';
import { wordInContext, yesAnswerAt } from '../global-words.ts';
import type { Logger } from '../log.ts';
import { channelOf, type Address, type ChannelName, type Reply } from '../message.ts';
import { TEXTS } from '../texts.ts';
import { foldWords } from '../../text/vietnamese.ts';
import type { ActiveCampaign } from './campaign-cache.ts';
import type { ConversationStore } from './conversation-store.ts';
import type { FlowRunner } from './flow-runner.ts';

/** The replies to one message and the contact as it is afterwards (opt-in/out change it). */
export interface RouteResult {
  replies: Reply[];
  contact: ContactRow;
  failed?: boolean;
}

/** Routes one text (or subscribe) message of a known contact to its answer. */
export type Router = (contact: ContactRow, address: Address, text: string, kind: 'text' | 'subscribe', inboundId: number, now: Date) => Promise<RouteResult>;

/** What the router needs: the flows in command order, the default flow per role and the menu flow. */
export interface RouterDeps {
  db: Db;
  log: Logger;
  flows: readonly Flow[];
  flowsById: ReadonlyMap<string, Flow>;
  defaultFlow: Record<Role, string>;
  menuFlow: string;
  capabilities: (channel: ChannelName) => ChannelCapabilities;
  campaign: ActiveCampaign;
  conversations: ConversationStore;
  runFlow: FlowRunner;
}

/** Build the router. */
export function createRouter(deps: RouterDeps): Router {
  const { db, log, flows, flowsById, defaultFlow, menuFlow, conversations, runFlow } = deps;
  return async (contact, address, text, kind, inboundId, now) => {
    const folded = foldWords(text);
    const campaign = await deps.campaign(now);
    const ctx: FlowContext = {
      db,
      now,
      contact,
      address,
      channel: channelOf(address),
      capabilities: deps.capabilities(channelOf(address)),
      text,
      folded,
      campaign,
      inboundId,
      log,
    };

    if (kind === 'subscribe') {
      // Telegram /start, Zalo follow: greet with the menu; following is not consent to bulk news.
      return { ...(await runFlow(ctx, menuFlow, null)), contact };
    }
    const { active, stored } = await conversations.load(contact.id, now);
    const at = active ? { flow: active.flow, step: active.step } : null;
    // Forget the conversation before another answer; no statement when there is none.
    const forget = async (): Promise<void> => {
      if (stored) await conversations.clear(contact.id);
    };
    const word = text === '' ? 'help' : wordInContext(text, folded, at);
    if (word === 'yes') {
      // "đúng"/"dung" answering a yes/no question: hand the flow the yes it reads (never an opt-out).
      const yes = yesAnswerAt(at) ?? text;
      ctx.text = yes;
      ctx.folded = foldWords(yes);
    }
    if (word === 'cancel_flow' && at && active) {
      // "huỷ" inside a flow cancels that flow; the menu then asks whether to stop the news too.
      await flowsById.get(at.flow)?.cancel?.(ctx, at.step, active.state as FlowState);
      await forget();
      return { ...(await runFlow(ctx, menuFlow, { step: 'cancelled', state: { flow: at.flow } }, false)), contact };
    }
    if (word === 'opt_out') {
      const updated = await recordOptOut(db, contact.id, now);
      await forget();
      return { replies: [{ text: TEXTS.optedOut(campaign) }], contact: updated ?? contact };
    }
    if (word === 'opt_in') {
      const consentText = TEXTS.optedIn(campaign);
      const updated = await recordOptIn(db, contact.id, now, ctx.channel, consentText);
      await forget();
      return { replies: [{ text: consentText }], contact: updated ?? contact };
    }
    if (word === 'help') {
      await forget();
      return { replies: [{ text: TEXTS.help(contact.role, campaign) }], contact };
    }
    if (word === 'menu') {
      await forget();
      return { ...(await runFlow(ctx, menuFlow, null, false)), contact };
    }

    for (const flow of flows) {
      if (await flow.command?.(ctx)) return { ...(await runFlow(ctx, flow.id, null, stored)), contact };
    }

    if (active) {
      const flow = flowsById.get(active.flow);
      if (!flow || flow.version !== active.version) {
        // State written by other code (an older deploy): restart politely rather than misread it.
        log.info({ contactId: contact.id, flow: active.flow, saved: active.version }, 'conversation state from another version; restarting');
        await forget();
        const menu = await runFlow(ctx, menuFlow, null, false);
        return { replies: [{ text: TEXTS.restarted }, ...menu.replies], contact, ...(menu.failed && { failed: true }) };
      }
      return { ...(await runFlow(ctx, flow.id, { step: active.step, state: active.state as FlowState })), contact };
    }
    return { ...(await runFlow(ctx, defaultFlow[contact.role], null, stored)), contact };
  };
}
