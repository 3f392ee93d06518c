/** A FlowContext for driving the calculator in tests, and a tiny chat that keeps the conversation state. */
import { DEFAULT_CAPABILITIES } from '../../../src/core/channel.ts';
import type { Flow, FlowContext, FlowState, StepOutcome } from '../../../src/core/flow.ts';
import { createLogger } from '../../../src/core/log.ts';
import type { ChannelName, Reply } from '../../../src/core/message.ts';
import { foldWords, normaliseInbound } from '../../../src/text/vietnamese.ts';
import type { CampaignRow, ContactRow } from '../../../db/schema/index.ts';

export const NOW = new Date('2026-11-25T03:00:00Z');
const log = createLogger({ level: 'silent' });

const contact = {
  id: 1,
  name: 'Lan',
  phone: null,
  role: 'resident',
  unitCode: null,
  optedOut: false,
  optedOutAt: null,
  consentAt: null,
  consentChannel: null,
  consentText: null,
  subscribed: false,
  createdAt: NOW,
} as ContactRow;

const campaign = {
  id: 1,
  slug: 'bhxh-tn',
  name: 'Tháng vận động BHXH tự nguyện',
  theme: 'Chính sách bảo hiểm xã hội - điểm tựa an sinh của người lao động và Nhân dân',
  hotline: '1900 9068',
  launchAt: NOW,
  startsOn: '2026-05-23',
  districtTarget: 50,
  messages: [],
  active: true,
  createdAt: NOW,
} as CampaignRow;

/** Build a FlowContext for one inbound message. The calculator never touches the database. */
export function makeContext(text: string, opts: { channel?: ChannelName; now?: Date } = {}): FlowContext {
  const channel = opts.channel ?? 'web';
  const normalised = normaliseInbound(text);
  return {
    db: undefined as never,
    now: opts.now ?? NOW,
    contact,
    address: channel === 'sms' ? 'tel:+84912345678' : channel === 'web' ? 'web:test' : `${channel}:42`,
    channel,
    capabilities: DEFAULT_CAPABILITIES[channel],
    text: normalised,
    folded: foldWords(normalised),
    campaign,
    inboundId: 1,
    log,
  };
}

/** Sends messages through a flow the way the dispatcher does: start, then resume at the saved step. */
export class Chat {
  step: string | null = null;
  state: FlowState = {};
  /** Set when the flow handed the message to another flow. */
  handedTo: string | null = null;
  ended = false;
  readonly outcomes: StepOutcome[] = [];

  constructor(
    private readonly flow: Flow,
    private readonly opts: { channel?: ChannelName; now?: Date } = {},
  ) {}

  /** Send one message and return the flow's replies. */
  send(text: string): Reply[] {
    const ctx = makeContext(text, this.opts);
    const outcome = this.step === null ? this.flow.start(ctx) : this.flow.resume(ctx, this.step, this.state);
    this.outcomes.push(outcome);
    this.handedTo = null;
    switch (outcome.kind) {
      case 'stay':
        // Saved state goes through JSON in the database: make sure it survives that.
        this.state = JSON.parse(JSON.stringify(outcome.state)) as FlowState;
        this.step = outcome.step;
        return outcome.replies;
      case 'end':
        this.step = null;
        this.state = {};
        this.ended = true;
        return outcome.replies;
      case 'goto':
        this.step = null;
        this.state = {};
        this.handedTo = outcome.flow;
        return outcome.replies ?? [];
    }
  }

  /** Send and return the text of the only reply. */
  say(text: string): string {
    const replies = this.send(text);
    if (replies.length !== 1 || replies[0] === undefined) throw new Error(`expected one reply, got ${replies.length}`);
    return replies[0].text;
  }

  /** Quick replies of the last reply. */
  lastQuickReplies(): string[] | undefined {
    const last = this.outcomes[this.outcomes.length - 1];
    if (last === undefined || last.kind === 'goto') return undefined;
    return last.replies[last.replies.length - 1]?.quickReplies;
  }
}
