import type { Address, ChannelName, InboundEvent, OutboundMessage, Reply } from './message.ts';

/** What the outbox should do after a failed send. */
export type SendErrorKind =
  /** Temporary: network, 5xx, throttling. Retry later (after `retryAfterMs` when the provider said so). */
  | 'retry'
  /** The person can no longer be reached on this address (blocked the bot, unfollowed, opted out at the carrier). */
  | 'stopped'
  /** This address cannot take this message now but another channel might (a provider's window for replies has closed). */
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
  /** The provider's id for the message, used to match delivery reports. */
  providerId?: string;
  /** SMS: the encoding and number of segments actually sent. */
  encoding?: string;
  segments?: number;
  /** The message went out on another address (e.g. SMS instead of a chat app); recorded on the outbox row. */
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

/** The outbound half of a channel: what the outbox needs to send on it. */
export interface OutboundChannel {
  readonly name: ChannelName;
  readonly capabilities: ChannelCapabilities;
  /** Messages per second the outbox may send on this channel (0 = unlimited). */
  readonly ratePerSecond: number;
  /** Send one message: resolves with a SendResult, or rejects with a SendError that says what to do next. */
  send(message: OutboundMessage): Promise<SendResult>;
}

/**
 * What a channel that is switched off is assumed to render (a flow may still write for it, e.g. a digest to a
 * supervisor's SMS address while SMS is off). Channels that run declare their own in their folder (`bots/<name>/`),
 * and the dispatcher, the jobs and the sender read those (`capabilitiesOf`).
 */
export const DEFAULT_CAPABILITIES: Record<ChannelName, ChannelCapabilities> = {
  web: { quickReplies: true, maxLength: 4000, sms: false },
  telegram: { quickReplies: true, maxLength: 4096, sms: false },
  zalo: { quickReplies: false, maxLength: 2000, sms: false },
  sms: { quickReplies: false, maxLength: 1530, sms: true },
};

/** Look up the capabilities the channels declare, falling back to DEFAULT_CAPABILITIES for a channel that is off. */
export function capabilitiesOf(channels: Iterable<OutboundChannel>): (name: ChannelName) => ChannelCapabilities {
  const table = new Map<ChannelName, ChannelCapabilities>();
  for (const c of channels) table.set(c.name, c.capabilities);
  return (name) => table.get(name) ?? DEFAULT_CAPABILITIES[name];
}

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
  replies?: Reply[];
  /** With `collectWaiting`: the messages that were waiting for the address, handed over (oldest first). */
  waiting?: { text: string; quickReplies: string[] }[];
}

export interface DispatchOptions {
  /**
   * The caller delivers the replies itself, in its response (web chat answers in the HTTP response, the terminal
   * chat prints them): they are recorded in the outbox as sent, in the same transaction as the step.
   */
  deliverNow?: boolean;
  /**
   * Also hand over, in the same transaction, the messages stored for the sender's page meanwhile (broadcasts,
   * reminders, a consultant's note to a web chat session): the caller shows them before the replies.
   */
  collectWaiting?: boolean;
}

/** What every channel receives from the composition root (its own settings come beside it, typed by its schema). */
export interface ChannelDeps {
  db: import('../../db/client.ts').Db;
  log: import('./log.ts').Logger;
  clock: Clock;
  /** PUBLIC_BASE_URL without a trailing slash: the URL providers sign and post to. */
  publicBaseUrl: string | undefined;
  /**
   * Hand one normalised inbound event to the dispatcher (dedupe, route, step, queue replies), committed together
   * with other events arriving in the same turn of the event loop (group commit); resolves once the event is durably
   * stored and handled. Used where a channel receives without HTTP (polling the provider); webhooks are dispatched
   * by the HTTP module.
   */
  submit(event: InboundEvent, opts?: DispatchOptions): Promise<DispatchResult>;
}

/** A neutral view of one HTTP request, free of any web framework: all a channel's verify and parse may read. */
export interface ChannelRequest {
  method: string;
  /** The route path the request matched, e.g. `/webhooks/<channel>`. */
  path: string;
  /** Path and query string as received. */
  url: string;
  /** Header values by lower-cased name. */
  headers: Readonly<Record<string, string | undefined>>;
  query: Readonly<Record<string, string | undefined>>;
  /** The body exactly as sent (signatures cover these bytes); empty for GET. */
  rawBody: Buffer;
}

/** Why a request is refused. The HTTP module maps each reason to one status, in one place. */
export type RefusalReason =
  /** Signature, secret or timestamp wrong or missing: 403. */
  | 'unauthorized'
  /** The body or query cannot be read or is not what the provider sends: 400. */
  | 'malformed'
  /** The content is too long (the body limit itself is the HTTP module's): 413. */
  | 'too-large'
  /** The body is not of a type the route reads: 415. */
  | 'unsupported-media';

/** Thrown by verify or parse: the request is refused, with a message safe to show the caller (never a secret). */
export class WebhookRefusal extends Error {
  readonly reason: RefusalReason;
  constructor(reason: RefusalReason, message: string) {
    super(message);
    this.name = 'WebhookRefusal';
    this.reason = reason;
  }
}

/** What parse found in a verified request: normalised events, in order, and how to dispatch them. */
export interface ParsedRequest {
  events: InboundEvent[];
  options?: DispatchOptions;
}

/** What ack is told: the request, its events and what the dispatcher did with each (same order). */
export interface AckInput {
  request: ChannelRequest;
  events: readonly InboundEvent[];
  results: readonly DispatchResult[];
}

/** The HTTP answer a channel gives its provider. */
export interface ChannelResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/** One route a channel answers. */
export interface ChannelRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Largest body read, in bytes (a larger one is refused with 413). */
  maxBodyBytes: number;
  /**
   * `headers`: the secret sits in a header, so verify runs before the body is read and an unauthenticated request
   * is never read at all. `body` (default): the signature covers the body, which is read first.
   */
  verifies?: 'headers' | 'body';
}

/**
 * One channel, as courier's handlers: `verify` (throws WebhookRefusal) → `parse` (request → events) → the HTTP
 * module dispatches them → `ack` (results → the provider's answer); `send` for the outbox; its capabilities and
 * rate. Everything HTTP is done once by src/http/webhooks.ts; a channel never sees Express.
 */
export interface Channel extends OutboundChannel {
  /** The routes the channel answers; none when it only sends. */
  readonly routes: readonly ChannelRoute[];
  /** Throw WebhookRefusal unless the request comes from the provider (signature, secret, timestamp window). */
  verify(request: ChannelRequest): void;
  /** Read a verified request into normalised events (none for events the service does not act on). */
  parse(request: ChannelRequest): ParsedRequest;
  /** The answer the provider expects once the events are stored. */
  ack(input: AckInput): ChannelResponse | Promise<ChannelResponse>;
  /** Start background work (e.g. polling the provider). */
  start?(): Promise<void>;
  /** Stop background work; called on shutdown. */
  stop?(): Promise<void>;
}
