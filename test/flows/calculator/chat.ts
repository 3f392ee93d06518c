/** A chat with the calculator through the real dispatcher, on a fresh migrated database. */
import { eq } from 'drizzle-orm';
import { campaigns, conversations } from '../../../db/schema/index.ts';
import type { Db } from '../../../db/client.ts';
import { DEFAULT_CAPABILITIES } from '../../../src/core/channel.ts';
import { fixedClock } from '../../../src/core/clock.ts';
import { resolveContact } from '../../../src/core/contacts.ts';
import { createDispatcher, type Dispatcher } from '../../../src/core/dispatcher.ts';
import { end, type Flow, type FlowContext, type FlowState } from '../../../src/core/flow.ts';
import { createLogger } from '../../../src/core/log.ts';
import { channelOf, type Address, type ChannelName, type Reply } from '../../../src/core/message.ts';
import { foldWords, normaliseInbound } from '../../../src/text/vietnamese.ts';
import { freshDb } from '../../support/db.ts';
import { capabilitiesOf } from '../../../src/core/channel.ts';

export const NOW = new Date('2026-11-25T03:00:00Z');
const log = createLogger({ level: 'silent' });

function addressOn(channel: ChannelName): Address {
  return channel === 'sms' ? 'tel:+84912345678' : channel === 'web' ? 'web:test' : `${channel}:42`;
}

/** A FlowContext on a real database, for calling one flow function directly (commands, unknown steps). */
export async function makeContext(text: string, opts: { channel?: ChannelName; now?: Date } = {}): Promise<FlowContext> {
  const db = await freshDb(NOW);
  const now = opts.now ?? NOW;
  const address = addressOn(opts.channel ?? 'web');
  const normalised = normaliseInbound(text);
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.active, true)).limit(1);
  if (!campaign) throw new Error('seeded database has no active campaign');
  return {
    db,
    now,
    contact: (await resolveContact(db, address, now)).contact,
    address,
    channel: channelOf(address),
    capabilities: DEFAULT_CAPABILITIES[channelOf(address)],
    text: normalised,
    folded: foldWords(normalised),
    campaign,
    inboundId: 1,
    log,
  };
}

/**
 * One person chatting with the calculator: every message goes through the dispatcher (global words, routing,
 * the flow runner, saved conversation state). The menu is a stand-in that records being reached.
 */
export class Chat {
  /** Set when the last message ended up in the menu (the calculator handed it over, or a global word). */
  handedTo: string | null = null;
  /** The database and dispatcher, made on the first message (opening a database is async). */
  private ready: Promise<{ db: Db; dispatcher: Dispatcher }> | undefined;
  private readonly makeDispatcher: (db: Db) => Dispatcher;
  /** The saved conversation after the last message (read once per message, so `step` and `state` stay sync). */
  private saved: { step: string; state: unknown } | undefined;
  private readonly address: Address;
  private menuReached = false;
  private lastReplies: Reply[] = [];
  private seq = 0;
  private readonly clock: ReturnType<typeof fixedClock>;

  constructor(flow: Flow, opts: { channel?: ChannelName; now?: Date } = {}) {
    this.address = addressOn(opts.channel ?? 'web');
    this.clock = fixedClock(opts.now ?? NOW);
    const menu: Flow = {
      id: 'menu',
      version: 1,
      start: () => {
        this.menuReached = true;
        return end();
      },
      resume: () => {
        this.menuReached = true;
        return end();
      },
    };
    this.makeDispatcher = (db) =>
      createDispatcher({
      db,
      clock: this.clock,
      log,
      flows: [flow, menu],
      defaultFlow: { resident: flow.id, staff: flow.id, supervisor: flow.id },
      menuFlow: 'menu',
      capabilities: capabilitiesOf([]),
    });
  }

  /** The step the saved conversation is at, or null when there is none. */
  get step(): string | null {
    return this.saved?.step ?? null;
  }

  /** The flow state saved in the database. */
  get state(): FlowState {
    return (this.saved?.state as FlowState | undefined) ?? {};
  }

  /** Send one message and return the replies the dispatcher queued for it. */
  async send(text: string): Promise<Reply[]> {
    this.menuReached = false;
    const channel = channelOf(this.address);
    this.ready ??= freshDb(NOW).then((db) => ({ db, dispatcher: this.makeDispatcher(db) }));
    const { db, dispatcher } = await this.ready;
    const result = await dispatcher.handle({ kind: 'text', channel, providerId: `m${++this.seq}`, from: this.address, text, receivedAt: this.clock.now() });
    [this.saved] = await db.select().from(conversations).limit(1);
    if (result.status !== 'handled') throw new Error(`message was ${result.status}`);
    this.handedTo = this.menuReached ? 'menu' : null;
    this.lastReplies = result.replies ?? [];
    return this.lastReplies;
  }

  /** Send and return the text of the only reply. */
  async say(text: string): Promise<string> {
    const replies = await this.send(text);
    if (replies.length !== 1 || replies[0] === undefined) throw new Error(`expected one reply, got ${replies.length}`);
    return replies[0].text;
  }

  /** Quick replies of the last reply. */
  lastQuickReplies(): string[] | undefined {
    return this.lastReplies[this.lastReplies.length - 1]?.quickReplies;
  }
}
