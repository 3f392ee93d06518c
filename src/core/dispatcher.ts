import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  contacts,
  type CampaignRow,
  type ContactRow,
  type Role,
} from '../../db/schema/index.ts';
import { inTransaction } from '../../db/client.ts';
import type { Clock, DispatchOptions, DispatchResult } from './channel.ts';
import { DEFAULT_CAPABILITIES } from './channel.ts';
import type { Flow, FlowContext, FlowState, StepOutcome } from './flow.ts';
import { wordInContext, yesAnswerAt } from './global-words.ts';
import type { Logger } from './log.ts';
import { maskAddress } from './log.ts';
import { channelOf, type Address, type InboundEvent, type Reply } from './message.ts';
import { queueMessages, recordDeliveryStatus } from './outbox.ts';
import { linkPhone, markAddressStopped, resolveContact } from './contacts.ts';
import { foldWords, normaliseInbound } from '../text/vietnamese.ts';
import { TEXTS } from './texts.ts';
import { hotQueries } from '../../db/queries/hot.ts';

/** How long a conversation waits for the next message before the next one goes to the default flow. */
const DEFAULT_TTL_MINUTES = 60;
/** A flow may hand over to another at most this many times for one message (menu → faq …). */
const MAX_HOPS = 4;
/** How long the active campaign row is reused before it is read again. */
const CAMPAIGN_CACHE_MS = 5_000;

export interface DispatcherDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  flows: readonly Flow[];
  /** The flow a role's message goes to when nothing else claims it. */
  defaultFlow: Record<Role, string>;
  /** The flow that greets people (`/start`, follow, "menu"). */
  menuFlow: string;
  /** Called after the transaction commits with the outbox rows it queued (e.g. to wake the outbox). */
  onQueued?: (ids: number[]) => void;
}

export interface Dispatcher {
  /** Dedupe → contact → route → step → save state + queue replies, all in one transaction. Synchronous. */
  handle(event: InboundEvent, opts?: DispatchOptions): DispatchResult;
  /** The same, committed together with the other events submitted in this turn of the event loop (group commit). */
  submit(event: InboundEvent, opts?: DispatchOptions): Promise<DispatchResult>;
}

/** Build the dispatcher: the one path every inbound event takes, whatever channel it came from. */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const flows = new Map(deps.flows.map((f) => [f.id, f]));
  const q = hotQueries(deps.db);
  for (const id of [...Object.values(deps.defaultFlow), deps.menuFlow]) {
    if (!flows.has(id)) throw new Error(`dispatcher: unknown flow "${id}"`);
  }

  // The campaign changes a few times a year; re-read it every few seconds rather than on every message.
  let campaignCache: { row: CampaignRow; until: number } | undefined;
  function activeCampaign(now: Date): CampaignRow {
    if (campaignCache && campaignCache.until > now.getTime()) return campaignCache.row;
    const row = q.activeCampaign.get();
    if (!row) throw new Error('no active campaign: run `bhxh-outreach seed`');
    campaignCache = { row, until: now.getTime() + CAMPAIGN_CACHE_MS };
    return row;
  }

  function handle(event: InboundEvent, opts: DispatchOptions = {}): DispatchResult {
    const result = inTransaction(deps.db, () => handleInTransaction(event, opts));
    if (result.outboxIds.length > 0 && !opts.deliverNow) deps.onQueued?.(result.outboxIds);
    return result;
  }

  // Group commit: events submitted in the same turn of the event loop share one transaction (each in its own
  // savepoint), so under load many messages cost one commit. Nobody is answered before that commit.
  let batch: { event: InboundEvent; opts: DispatchOptions; resolve: (r: DispatchResult) => void; reject: (e: unknown) => void }[] = [];
  function submit(event: InboundEvent, opts: DispatchOptions = {}): Promise<DispatchResult> {
    return new Promise((resolve, reject) => {
      batch.push({ event, opts, resolve, reject });
      if (batch.length === 1) setImmediate(flush);
    });
  }

  function flush(): void {
    const items = batch;
    batch = [];
    const outcomes: ({ ok: true; result: DispatchResult } | { ok: false; error: unknown })[] = [];
    try {
      inTransaction(deps.db, () => {
        for (const item of items) {
          try {
            outcomes.push({ ok: true, result: inTransaction(deps.db, () => handleInTransaction(item.event, item.opts)) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing was stored, so every sender gets the error (webhooks answer 5xx and retry).
      for (const item of items) item.reject(error);
      return;
    }
    items.forEach((item, i) => {
      const outcome = outcomes[i];
      if (!outcome?.ok) return item.reject(outcome?.error);
      if (outcome.result.outboxIds.length > 0 && !item.opts.deliverNow) deps.onQueued?.(outcome.result.outboxIds);
      item.resolve(outcome.result);
    });
  }

  /** The work for one event; the caller owns the transaction. */
  function handleInTransaction(event: InboundEvent, opts: DispatchOptions): DispatchResult {
    if (event.kind === 'status') {
      const id = recordDeliveryStatus(deps.db, event.channel, event.messageId, event.status, event.error);
      if (event.stopped && id !== null) stopContactOnChannel(id, event.channel);
      return { status: id === null ? 'ignored' : 'handled', outboxIds: [], ...(id !== null && { contactId: id }) };
    }
    const now = deps.clock.now();
    const text = event.kind === 'text' ? normaliseInbound(event.text) : null;
    {
      const inserted = q.insertInbound.get(event.channel, event.providerId, event.from, event.kind, text, now.getTime());
      if (!inserted) return { status: 'duplicate', outboxIds: [] };

      if (event.kind === 'unsubscribe') {
        markAddressStopped(deps.db, event.from, now);
        return { status: 'handled', outboxIds: [] };
      }
      let replies: Reply[];
      let contact: ContactRow;
      let status: DispatchResult['status'] = 'handled';
      if (event.kind === 'phone') {
        const linked = linkPhone(deps.db, event.from, event.phone, now);
        if (!linked) {
          contact = resolveContact(deps.db, event.from, now).contact;
          replies = [{ text: TEXTS.phoneInvalid }];
        } else {
          contact = linked.contact;
          replies = [{ text: linked.linked ? TEXTS.phoneLinked(contact) : TEXTS.phoneSaved }];
        }
      } else {
        contact = resolveContact(deps.db, event.from, now, event.kind === 'text' ? event.name : undefined, event.username).contact;
        const outcome = route(contact, event.from, event.kind === 'subscribe' ? '' : (text ?? ''), event.kind, inserted.id, now);
        replies = outcome.replies;
        contact = outcome.contact;
        if (outcome.failed) status = 'failed';
      }
      q.setInboundResult.run({ contactId: contact.id, status, id: inserted.id });
      const outboxIds = queueMessages(
        deps.db,
        now,
        replies.map((r) => ({
          contactId: contact.id,
          address: event.from,
          text: r.text,
          quickReplies: r.quickReplies,
          requestPhone: r.requestPhone,
          priority: 'reply' as const,
          inboundId: inserted.id,
        })),
        { deliveredByCaller: opts.deliverNow === true },
      );
      return { status, contactId: contact.id, outboxIds, replies };
    }
  }

  function stopContactOnChannel(contactId: number, channel: string): void {
    const now = deps.clock.now();
    deps.log.info({ contactId, channel }, 'provider reports the person refused messages; address stopped');
    deps.db.$client
      .prepare('UPDATE addresses SET stopped_at = ? WHERE contact_id = ? AND channel = ?')
      .run(now.getTime(), contactId, channel);
  }

  /** Global words first, then commands, then the active conversation, then the role's default flow. */
  function route(
    contact: ContactRow,
    address: Address,
    text: string,
    kind: 'text' | 'subscribe',
    inboundId: number,
    now: Date,
  ): { replies: Reply[]; contact: ContactRow; failed?: boolean } {
    const folded = foldWords(text);
    const campaign = activeCampaign(now);
    const ctx: FlowContext = {
      db: deps.db,
      now,
      contact,
      address,
      channel: channelOf(address),
      capabilities: DEFAULT_CAPABILITIES[channelOf(address)],
      text,
      folded,
      campaign,
      inboundId,
      log: deps.log,
    };

    if (kind === 'subscribe') {
      // Telegram /start, Zalo follow: greet with the menu; following is not consent to bulk news.
      return { ...runFlow(ctx, deps.menuFlow, null), contact };
    }
    const conv = q.conversationOf.get({ contactId: contact.id });
    const active = conv && conv.expiresAt.getTime() > now.getTime() ? conv : undefined;
    const at = active ? { flow: active.flow, step: active.step } : null;
    const word = text === '' ? 'help' : wordInContext(text, folded, at);
    if (word === 'yes') {
      // "đúng"/"dung" answering a yes/no question: hand the flow the yes it reads (never an opt-out).
      const yes = yesAnswerAt(at) ?? text;
      ctx.text = yes;
      ctx.folded = foldWords(yes);
    }
    if (word === 'cancel_flow' && at) {
      // "huỷ" inside a flow cancels that flow; the menu then asks whether to stop the news too.
      clearConversation(contact.id);
      return { ...runFlow(ctx, deps.menuFlow, { step: 'cancelled', state: { flow: at.flow } }), contact };
    }
    if (word === 'opt_out') {
      const updated = deps.db
        .update(contacts)
        .set({ optedOut: true, optedOutAt: now, subscribed: false })
        .where(eq(contacts.id, contact.id))
        .returning()
        .get();
      clearConversation(contact.id);
      return { replies: [{ text: TEXTS.optedOut(campaign) }], contact: updated ?? contact };
    }
    if (word === 'opt_in') {
      const consentText = TEXTS.optedIn(campaign);
      const updated = deps.db
        .update(contacts)
        .set({ optedOut: false, optedOutAt: null, subscribed: true, consentAt: now, consentChannel: ctx.channel, consentText })
        .where(eq(contacts.id, contact.id))
        .returning()
        .get();
      clearConversation(contact.id);
      return { replies: [{ text: consentText }], contact: updated ?? contact };
    }
    if (word === 'help') {
      clearConversation(contact.id);
      return { replies: [{ text: TEXTS.help(contact.role, campaign) }], contact };
    }
    if (word === 'menu') {
      clearConversation(contact.id);
      return { ...runFlow(ctx, deps.menuFlow, null), contact };
    }

    for (const flow of deps.flows) {
      if (flow.command?.(ctx)) return { ...runFlow(ctx, flow.id, null), contact };
    }

    if (active) {
      const conv = active;
      const flow = flows.get(conv.flow);
      if (!flow || flow.version !== conv.version) {
        // State written by other code (an older deploy): restart politely rather than misread it.
        deps.log.info({ contactId: contact.id, flow: conv.flow, saved: conv.version }, 'conversation state from another version; restarting');
        clearConversation(contact.id);
        const menu = runFlow(ctx, deps.menuFlow, null);
        return { replies: [{ text: TEXTS.restarted }, ...menu.replies], contact, ...(menu.failed && { failed: true }) };
      }
      return { ...runFlow(ctx, flow.id, { step: conv.step, state: conv.state as FlowState }), contact };
    }
    return { ...runFlow(ctx, deps.defaultFlow[contact.role], null), contact };
  }

  /**
   * Run one step (following hand-overs), then save the conversation. The step runs in a savepoint: if it throws,
   * whatever it wrote is rolled back, the saved state stays as it was, and the person gets a polite "try again".
   */
  function runFlow(
    ctx: FlowContext,
    flowId: string,
    resumeAt: { step: string; state: FlowState } | null,
  ): { replies: Reply[]; failed?: boolean } {
    const replies: Reply[] = [];
    try {
      return inTransaction(deps.db, () => {
        let current = flowId;
        let at = resumeAt;
        let stepCtx = ctx;
        for (let hop = 0; hop < MAX_HOPS; hop++) {
          const flow = flows.get(current);
          if (!flow) throw new Error(`unknown flow "${current}"`);
          if (flow.roles && !flow.roles.includes(ctx.contact.role)) {
            clearConversation(ctx.contact.id);
            replies.push({ text: TEXTS.notForRole(flow.id) });
            return { replies };
          }
          const outcome: StepOutcome = at ? flow.resume(stepCtx, at.step, at.state) : flow.start(stepCtx);
          replies.push(...(outcome.replies ?? []));
          switch (outcome.kind) {
            case 'stay':
              saveConversation(ctx.contact.id, flow, outcome.step, outcome.state, ctx.now, outcome.ttlMinutes);
              return { replies };
            case 'end':
              clearConversation(ctx.contact.id);
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
      deps.log.error({ err, flow: flowId, contactId: ctx.contact.id, address: maskAddress(ctx.address) }, 'flow step failed');
      return { replies: [{ text: TEXTS.tryAgain(ctx.campaign) }], failed: true };
    }
  }

  function saveConversation(contactId: number, flow: Flow, step: string, state: FlowState, now: Date, ttlMinutes?: number) {
    const expiresAt = new Date(now.getTime() + (ttlMinutes ?? DEFAULT_TTL_MINUTES) * 60_000);
    q.upsertConversation.run({ contactId, flow: flow.id, step, state, version: flow.version, expiresAt, updatedAt: now });
  }

  function clearConversation(contactId: number) {
    q.deleteConversation.run({ contactId });
  }

  return { handle, submit };
}
