// The dispatcher: the one path every inbound event takes, whatever channel it came from. Dedupe, contact, route,
// then the replies queued, all in one transaction. Routing, the flow runner, the conversation store and group
// commit live in src/core/dispatch/.
import type { Db } from '../../db/client.ts';
import { engineOf, transaction } from '../../db/client.ts';
import { createLanes } from '../../db/lanes.ts';
import { lockAddress, lockContact } from '../../db/locks.ts';
import type { Role } from '../../db/schema/index.ts';
import { messagePathQueries } from '../../db/queries/message-path.ts';
import type { ChannelCapabilities, Clock, DispatchOptions, DispatchResult } from './channel.ts';
import type { Flow } from './flow.ts';
import type { Logger } from './log.ts';
import type { ChannelName, InboundEvent, Reply } from './message.ts';
import { collectWebMessages, queueMessages, recordDeliveryStatus } from './outbox.ts';
import { linkPhone, resolveContact } from './contacts.ts';
import { markAddressStopped, markChannelStopped } from './stopped-addresses.ts';
import { normaliseInbound } from '../text/vietnamese.ts';
import { TEXTS } from './texts.ts';
import { createCampaignCache } from './dispatch/campaign-cache.ts';
import { createConversationStore } from './dispatch/conversation-store.ts';
import { createFlowRunner } from './dispatch/flow-runner.ts';
import { createGroupCommit } from './dispatch/group-commit.ts';
import { createRouter } from './dispatch/router.ts';

export interface DispatcherDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  flows: readonly Flow[];
  /** The flow a role's message goes to when nothing else claims it. */
  defaultFlow: Record<Role, string>;
  /** The flow that greets people (`/start`, follow, "menu"). */
  menuFlow: string;
  /** What each channel can render, as the channels declare it (`capabilitiesOf(channels)`). */
  capabilities: (channel: ChannelName) => ChannelCapabilities;
  /** Called after the transaction commits with the outbox rows it queued (e.g. to wake the outbox). */
  onQueued?: (ids: number[]) => void;
  /**
   * Work for a text before its transaction, off the event loop (the FAQ's answer on an answer worker): the
   * transaction may await the database only. Must not fail; a person's messages still enter in arrival order.
   */
  prepare?: (text: string, now: Date) => Promise<void>;
}

export interface Dispatcher {
  /** Dedupe → contact → route → step → save state + queue replies, all in one transaction. */
  handle(event: InboundEvent, opts?: DispatchOptions): Promise<DispatchResult>;
  /** The same, committed together with the other events submitted in this turn of the event loop (group commit). */
  submit(event: InboundEvent, opts?: DispatchOptions): Promise<DispatchResult>;
}

/** Build the dispatcher: the one path every inbound event takes, whatever channel it came from. */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const flowsById = new Map(deps.flows.map((f) => [f.id, f]));
  for (const id of [...Object.values(deps.defaultFlow), deps.menuFlow]) {
    if (!flowsById.has(id)) throw new Error(`dispatcher: unknown flow "${id}"`);
  }
  const q = messagePathQueries(deps.db);
  const conversations = createConversationStore(deps.db);
  const runFlow = createFlowRunner({ db: deps.db, log: deps.log, flows: flowsById, conversations });
  const route = createRouter({
    db: deps.db,
    log: deps.log,
    flows: deps.flows,
    flowsById,
    defaultFlow: deps.defaultFlow,
    menuFlow: deps.menuFlow,
    capabilities: deps.capabilities,
    campaign: createCampaignCache(deps.db),
    conversations,
    runFlow,
  });

  function afterCommit(opts: DispatchOptions, result: DispatchResult): void {
    if (result.outboxIds.length > 0 && !opts.deliverNow) deps.onQueued?.(result.outboxIds);
  }

  async function handle(event: InboundEvent, opts: DispatchOptions = {}): Promise<DispatchResult> {
    const result = await transaction(deps.db, () => handleInTransaction(event, opts));
    afterCommit(opts, result);
    return result;
  }

  const groupCommit = createGroupCommit<{ event: InboundEvent; opts: DispatchOptions }, DispatchResult>(
    deps.db,
    (item) => handleInTransaction(item.event, item.opts),
    (item, result) => afterCommit(item.opts, result),
  );

  /** The work for one event, and the messages waiting for its sender when asked; the caller owns the transaction. */
  async function handleInTransaction(event: InboundEvent, opts: DispatchOptions): Promise<DispatchResult> {
    const result = await handleEvent(event, opts);
    if (!opts.collectWaiting || event.kind === 'status') return result;
    // In the message's own transaction: no second look at the database per web chat message.
    const waiting = await collectWebMessages(deps.db, event.from);
    return waiting.length > 0 ? { ...result, waiting } : result;
  }

  async function handleEvent(event: InboundEvent, opts: DispatchOptions): Promise<DispatchResult> {
    if (event.kind === 'status') {
      const id = await recordDeliveryStatus(deps.db, event.channel, event.messageId, event.status, event.error);
      if (event.stopped && id !== null) {
        deps.log.info({ contactId: id, channel: event.channel }, 'provider reports the person refused messages; address stopped');
        await markChannelStopped(deps.db, id, event.channel, deps.clock.now());
      }
      return { status: id === null ? 'ignored' : 'handled', outboxIds: [], ...(id !== null && { contactId: id }) };
    }
    const now = deps.clock.now();
    // One message of a person at a time, across instances (no-op on SQLite, where one process is serial).
    await lockAddress(deps.db, event.from);
    const text = event.kind === 'text' ? normaliseInbound(event.text) : null;
    // Text and follow: the sender's contact first, so the inbound row is written once, whole (a row that is
    // updated later moves in the contact index: another page to write at commit). A duplicate has found
    // the contact its first delivery made, and changed nothing but the minute it last wrote.
    const sender =
      event.kind === 'text' || event.kind === 'subscribe'
        ? (await resolveContact(deps.db, event.from, now, event.kind === 'text' ? event.name : undefined, event.username)).contact
        : undefined;
    const insertedId = await q.insertInbound({
      contactId: sender?.id ?? null,
      channel: event.channel,
      providerId: event.providerId,
      address: event.from,
      kind: event.kind,
      text,
      receivedAt: now.getTime(),
    });
    if (insertedId === undefined) return { status: 'duplicate', outboxIds: [] };

    if (event.kind === 'unsubscribe') {
      await markAddressStopped(deps.db, event.from, now);
      return { status: 'handled', outboxIds: [] };
    }
    let replies: Reply[];
    let contact;
    let status: DispatchResult['status'] = 'handled';
    if (event.kind === 'phone') {
      const linked = await linkPhone(deps.db, event.from, event.phone, now);
      if (!linked) {
        contact = (await resolveContact(deps.db, event.from, now)).contact;
        replies = [{ text: TEXTS.phoneInvalid }];
      } else {
        contact = linked.contact;
        replies = [{ text: linked.linked ? TEXTS.phoneLinked(contact) : TEXTS.phoneSaved }];
      }
    } else {
      contact = sender!;
      // The person may write from several addresses (web and Telegram): their conversation is one.
      await lockContact(deps.db, contact.id);
      const outcome = await route(contact, event.from, event.kind === 'subscribe' ? '' : (text ?? ''), event.kind, insertedId, now);
      replies = outcome.replies;
      contact = outcome.contact;
      if (outcome.failed) status = 'failed';
    }
    if (status !== 'handled' || contact.id !== sender?.id) await q.setInboundResult(insertedId, contact.id, status);
    const outboxIds = await queueMessages(
      deps.db,
      now,
      replies.map((r) => ({
        contactId: contact.id,
        address: event.from,
        text: r.text,
        quickReplies: r.quickReplies,
        requestPhone: r.requestPhone,
        priority: 'reply' as const,
        inboundId: insertedId,
      })),
      { deliveredByCaller: opts.deliverNow === true },
    );
    return { status, contactId: contact.id, outboxIds, replies };
  }

  // SQLite has one writer: events of the same turn share a commit. PostgreSQL takes writers side by side, so each
  // event is its own transaction on its own pooled connection (the per-person locks keep one person's in order).
  const prepare = deps.prepare;
  // Preparing only saves time later: if it fails, the step does the work itself.
  const prepared = (event: InboundEvent): Promise<void> =>
    prepare && event.kind === 'text' ? prepare(normaliseInbound(event.text), deps.clock.now()).catch(() => undefined) : Promise.resolve();
  if (engineOf(deps.db) === 'pg') {
    // One person's events are handled in the order they arrived here (the address lock then orders instances).
    const inLine = createLanes();
    return {
      handle,
      submit: (event, opts = {}) =>
        event.kind === 'status' ? handle(event, opts) : inLine(event.from, () => prepared(event).then(() => handle(event, opts))),
    };
  }
  if (!prepare) return { handle, submit: (event, opts = {}) => groupCommit({ event, opts }) };
  // A person's events join a commit in the order they arrived, whichever was prepared first.
  const inLine = createLanes();
  return {
    handle,
    submit: (event, opts = {}) => {
      if (event.kind === 'status') return groupCommit({ event, opts });
      let committed!: Promise<DispatchResult>;
      return inLine(event.from, async () => {
        await prepared(event);
        committed = groupCommit({ event, opts });
      }).then(() => committed);
    },
  };
}
