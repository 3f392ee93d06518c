import type { Db } from '../../db/client.ts';
import type { CampaignRow, ContactRow, Role } from '../../db/schema/index.ts';
import type { ChannelCapabilities } from './channel.ts';
import type { Address, ChannelName, Reply } from './message.ts';
import type { Logger } from './log.ts';
import { foldWords } from '../text/vietnamese.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type FlowState = { [key: string]: JsonValue };

/** Everything a flow step may read. Steps are synchronous: they run inside the dispatcher's transaction. */
export interface FlowContext {
  db: Db;
  now: Date;
  contact: ContactRow;
  address: Address;
  channel: ChannelName;
  capabilities: ChannelCapabilities;
  /** The message as the person wrote it (NFC, control characters stripped). Keep it for display. */
  text: string;
  /** `foldWords(text)`: lower-case, no diacritics, đ→d, only [a-z0-9] words separated by single spaces. */
  folded: string;
  campaign: CampaignRow;
  /** Id of the inbound_messages row being handled (for audit links such as sign-up reports). */
  inboundId: number;
  log: Logger;
}

/** What one step decides. */
export type StepOutcome =
  /** Reply and wait for the next message in this flow at `step`. */
  | { kind: 'stay'; replies: Reply[]; step: string; state: FlowState; ttlMinutes?: number }
  /** Reply and close the conversation (the next message goes to the role's default flow). */
  | { kind: 'end'; replies: Reply[] }
  /**
   * Hand over to another flow's start (e.g. the menu passes free text to the FAQ). With `consumed`, the message
   * was an answer to this flow (a menu digit), so the next flow starts with empty text instead of reading it.
   */
  | { kind: 'goto'; flow: string; replies?: Reply[]; consumed?: boolean };

/** A conversation flow. Flows know no provider: they read a FlowContext and return replies and the next state. */
export interface Flow {
  readonly id: string;
  /** Bump when the shape of the saved state changes: older state is then restarted politely. */
  readonly version: number;
  /** Who may use it; others are told politely it is not for them (omit = everyone). */
  readonly roles?: readonly Role[];
  /** A command that starts this flow whatever conversation is active (e.g. "BC 12", "TIENDO"). */
  command?(ctx: FlowContext): boolean | Promise<boolean>;
  /** A step may be async (it may await the database, nothing else: it runs inside the message's transaction). */
  start(ctx: FlowContext): StepOutcome | Promise<StepOutcome>;
  resume(ctx: FlowContext, step: string, state: FlowState): StepOutcome | Promise<StepOutcome>;
  /** "huỷ" cancelled this flow at `step` (the menu answers next): drop what the flow keeps pending outside its state. */
  cancel?(ctx: FlowContext, step: string, state: FlowState): void | Promise<void>;
}

/** A flow whose steps never wait (pure text work, no database): callers outside the dispatcher may call it directly. */
export interface SyncFlow extends Flow {
  start(ctx: FlowContext): StepOutcome;
  resume(ctx: FlowContext, step: string, state: FlowState): StepOutcome;
}

/** Reply and wait at `step`. */
export function stay(step: string, state: FlowState, ...replies: Reply[]): StepOutcome {
  return { kind: 'stay', step, state, replies };
}

/** Reply and end the conversation. */
export function end(...replies: Reply[]): StepOutcome {
  return { kind: 'end', replies };
}

/** Pass the same message to another flow. */
export function goto(flow: string, ...replies: Reply[]): StepOutcome {
  return { kind: 'goto', flow, replies };
}

/** Start another flow afresh: this message was consumed here (e.g. a menu digit), the next flow sees empty text. */
export function startFlow(flow: string, ...replies: Reply[]): StepOutcome {
  return { kind: 'goto', flow, replies, consumed: true };
}

/**
 * Which of `options` the person picked: a number ("2", "so 2") or the option's words, diacritics ignored.
 * Returns the index, or null. Channels without buttons show the options numbered, so both forms must work.
 */
export function pickChoice(ctx: Pick<FlowContext, 'folded'>, options: readonly string[]): number | null {
  const f = ctx.folded;
  const num = /^(?:so |chon |phim )?(\d{1,2})$/.exec(f);
  if (num) {
    const n = Number(num[1]);
    return n >= 1 && n <= options.length ? n - 1 : null;
  }
  const idx = options.findIndex((o) => foldWords(o) === f);
  return idx >= 0 ? idx : null;
}
