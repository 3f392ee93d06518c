import type { Address, ChannelName, OutboundMessage } from './message.ts';

/** What the outbox should do after a failed send. */
export type SendErrorKind =
  /** Temporary: network, 5xx, throttling. Retry later (after `retryAfterMs` when the provider said so). */
  | 'retry'
  /** The person can no longer be reached on this address (blocked the bot, unfollowed, opted out at the carrier). */
  | 'stopped'
  /** This address cannot take this message now but another channel might (Zalo's 7-day window). */
  | 'fallback'
  /** Will never succeed (bad request, bug, account problem). Record and alert; do not retry. */
  | 'fatal';

/** A send failure that says what the caller should do, keeping "the API said no" apart from "the network failed". */
export class SendError extends Error {
  readonly kind: SendErrorKind;
  readonly retryAfterMs: number | undefined;
  readonly providerCode: string | undefined;
  constructor(kind: SendErrorKind, message: string, opts: { retryAfterMs?: number; providerCode?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'SendError';
    this.kind = kind;
    this.retryAfterMs = opts.retryAfterMs;
    this.providerCode = opts.providerCode;
  }
}

/** What a successful send reports back to the outbox. */
export interface SendResult {
  /** The provider's id for the message (Twilio SID, Telegram message_id …), used to match delivery reports. */
  providerId?: string;
  /** SMS: the encoding and number of segments actually sent. */
  encoding?: string;
  segments?: number;
  /** The message went out on another address (e.g. SMS instead of Zalo); recorded on the outbox row. */
  via?: Address;
}

/** What the channel can render; flows read it to shape their replies. */
export interface ChannelCapabilities {
  /** Buttons or a keyboard for quick replies; without it they become numbered options. */
  quickReplies: boolean;
  /** Longest text the channel takes in one message. */
  maxLength: number;
  /** SMS-like: short plain text, unaccented by default. */
  sms: boolean;
}

/**
 * The outbound half of a channel. The inbound half (verify, parse, ack) is an HTTP route in the channel's
 * folder that calls the dispatcher; see `bots/<name>/`.
 */
export interface OutboundChannel {
  readonly name: ChannelName;
  readonly capabilities: ChannelCapabilities;
  /** Messages per second the outbox may send on this channel (0 = unlimited). */
  readonly ratePerSecond: number;
  /** Send one message; throw SendError to tell the outbox what to do. */
  send(message: OutboundMessage): Promise<SendResult>;
}

export const DEFAULT_CAPABILITIES: Record<ChannelName, ChannelCapabilities> = {
  web: { quickReplies: true, maxLength: 4000, sms: false },
  telegram: { quickReplies: true, maxLength: 4096, sms: false },
  zalo: { quickReplies: false, maxLength: 2000, sms: false },
  sms: { quickReplies: false, maxLength: 1530, sms: true },
};

/** A point in time source; injected so tests never sleep. */
export interface Clock {
  now(): Date;
}

/** What the dispatcher did with one inbound event. */
export interface DispatchResult {
  status: 'handled' | 'duplicate' | 'ignored' | 'failed';
  contactId?: number;
  /** Outbox rows the event queued (replies), in order. */
  outboxIds: number[];
  /** The replies, in order (what `deliverNow` callers hand back to the person). */
  replies?: import('./message.ts').Reply[];
}

export interface DispatchOptions {
  /**
   * The caller delivers the replies itself, in its response (web chat answers in the HTTP response, the terminal
   * chat prints them): they are recorded in the outbox as sent, in the same transaction as the step.
   */
  deliverNow?: boolean;
}

/** What every channel adapter receives from the composition root. */
export interface ChannelDeps {
  db: import('../../db/client.ts').Db;
  config: import('../config.ts').Config;
  log: import('./log.ts').Logger;
  clock: Clock;
  /** Hand one normalised inbound event to the dispatcher (synchronous: dedupe, route, step, queue replies). */
  dispatch(event: import('./message.ts').InboundEvent, opts?: DispatchOptions): DispatchResult;
  /**
   * The same, committed together with other events arriving in the same turn of the event loop (group commit):
   * cheaper under load; resolves once the event is durably stored and handled.
   */
  submit(event: import('./message.ts').InboundEvent, opts?: DispatchOptions): Promise<DispatchResult>;
}

/** One channel: its inbound routes (verify → parse → dispatch → ack) and its outbound half. */
export interface ChannelAdapter {
  readonly outbound: OutboundChannel;
  /** Register the channel's webhook routes. Called before any global body parser is installed. */
  mount(app: import('express').Application): void;
  /** Start background work (e.g. Telegram polling). */
  start?(): Promise<void>;
  /** Stop background work; called on shutdown. */
  stop?(): Promise<void>;
}
