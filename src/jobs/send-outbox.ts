/**
 * The outbox sender: the one thing that calls channels. Flows, broadcasts and reminders only write rows.
 * The rules live beside it: rate limits (outbox/rate-limiter.ts), hold-back rules for bulk messages
 * (outbox/hold-back.ts), what a failure means (outbox/failures.ts) and batched success records
 * (outbox/sent-recorder.ts). This file is the loop: claim, hold back, render, send, record.
 *
 * In-flight window: each channel sends with at most OUTBOX_IN_FLIGHT concurrent requests, and each sender waits
 * until its success is recorded before taking the next row. After a crash (kill -9), rows still marked `sending`
 * are sent again, so at most OUTBOX_IN_FLIGHT messages per channel can reach a person twice; none is lost.
 */
import type { Db } from '../../db/client.ts';
import { outboxQueries, type BulkFacts, type OutboxClaimRow } from '../../db/queries/outbox.ts';
import type { ChannelCapabilities, Clock, OutboundChannel } from '../core/channel.ts';
import { renderReplyText } from '../core/outbox.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../core/log.ts';
import { maskAddress } from '../core/log.ts';
import type { Address, ChannelName, OutboundMessage } from '../core/message.ts';
import { SendError } from '../core/channel.ts';
import { RateLimiter } from './outbox/rate-limiter.ts';
import { createHoldBack } from './outbox/hold-back.ts';
import { recordFailure } from './outbox/failures.ts';
import { createSentRecorder } from './outbox/sent-recorder.ts';

/** Concurrent sends per channel: also the most messages a crash can send twice per channel. */
export const OUTBOX_IN_FLIGHT = 16;

/** What one pass of the outbox did. */
export interface OutboxStats {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  stopped: number;
  fellBack: number;
  skipped: number;
  deferred: number;
}

/** Renders the text of a broadcast row for its recipient at send time (placeholders, footer). */
export type RenderRow = (row: OutboxClaimRow) => string | Promise<string>;

export interface OutboxWorkerDeps {
  db: Db;
  log: Logger;
  clock: Clock;
  config: Pick<Config, 'quietHours' | 'bulkDailyCap' | 'outbox'>;
  channels: ReadonlyMap<ChannelName, OutboundChannel>;
  /** Broadcast rows store no text of their own; this renders it (absent: the row's text is sent as is). */
  renderBroadcastRow?: RenderRow;
}

export interface OutboxWorker {
  /** Resolve rows left in flight by a crash (see `recover`) and begin the send loop. */
  start(): Promise<void>;
  /** Stop taking rows and wait for the sends in flight. */
  stop(): Promise<void>;
  /** Wake the loop now (new rows were queued). */
  kick(): void;
  /** One pass: claim due rows within each channel's limit and send them. Tests call this directly. */
  runOnce(): Promise<OutboxStats>;
  /**
   * Crash rule: a row still marked `sending` at start-up may or may not have reached the provider. It goes back to
   * `queued` and is sent again: at least once (a rare duplicate, bounded by OUTBOX_IN_FLIGHT, beats a lost message).
   */
  recover(): Promise<number>;
}

/** One channel's pass: the recipients' facts read when it began, and the bulk rows let through so far per contact. */
interface Pass {
  facts: ReadonlyMap<number, BulkFacts>;
  bulkThisPass: Map<number, number>;
}

function emptyStats(): OutboxStats {
  return { claimed: 0, sent: 0, retried: 0, failed: 0, stopped: 0, fellBack: 0, skipped: 0, deferred: 0 };
}

/** The message for the channel that sends it: quick replies as buttons, or as numbered options where it has none. */
function toMessage(row: OutboxClaimRow, text: string, capabilities: ChannelCapabilities): OutboundMessage {
  const quickReplies = row.quickReplies ? (JSON.parse(row.quickReplies) as string[]) : undefined;
  return {
    id: row.id,
    to: row.address as Address,
    text: renderReplyText({ text, ...(quickReplies && { quickReplies }) }, capabilities),
    ...(quickReplies && { quickReplies }),
    ...(row.requestPhone && { requestPhone: true }),
    priority: row.priority === 0 ? 'reply' : 'bulk',
    ...(row.keepDiacritics && { keepDiacritics: true }),
  };
}

/** Build the outbox sender. */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const { db, log, clock, config } = deps;
  const q = outboxQueries(db);
  const limiters = new Map<ChannelName, RateLimiter>();
  for (const [name, ch] of deps.channels) limiters.set(name, new RateLimiter(ch.ratePerSecond, clock.now().getTime()));
  const holdBack = createHoldBack(config);
  const recordSent = createSentRecorder(q, log);
  const failureDeps = { db, q, log, maxAttempts: config.outbox.maxAttempts, canFallBackToSms: deps.channels.has('sms') };
  const inFlight = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = true;

  /** Send one claimed row; false when the channel paused (the caller stops this channel's pass). */
  async function sendRow(row: OutboxClaimRow, channel: OutboundChannel, limiter: RateLimiter, stats: OutboxStats, pass: Pass): Promise<void> {
    const now = clock.now();
    if (limiter.paused(now.getTime())) {
      // A 429 or an outage earlier in this pass: the rest of the channel's rows wait, uncounted.
      await q.release(row.id, limiter.resumesAt(), 'channel paused (rate limit or outage)', 'provider_error');
      limiter.giveBack(1);
      stats.deferred++;
      return;
    }
    const held = holdBack(row, now, pass.facts, pass.bulkThisPass);
    if (held.kind === 'skip') {
      await q.finish(row.id, 'skipped', held.error, held.reason);
      stats.skipped++;
      return;
    }
    if (held.kind === 'hold') {
      await q.release(row.id, held.until.getTime(), held.error, held.reason);
      stats.deferred++;
      return;
    }
    let rendered: string | null = null;
    try {
      if (row.broadcastId !== null && deps.renderBroadcastRow) rendered = await deps.renderBroadcastRow(row);
      const result = await channel.send(toMessage(row, rendered ?? row.text, channel.capabilities));
      limiter.succeeded();
      stats.sent++;
      await recordSent(row.id, clock.now(), result, rendered);
    } catch (err) {
      if (!(err instanceof SendError)) log.warn({ err, outboxId: row.id, to: maskAddress(row.address) }, 'send threw an unexpected error');
      const outcome = await recordFailure(failureDeps, row, err, limiter, clock.now());
      if (outcome === 'paused') stats.deferred++;
      else stats[outcome]++;
    }
  }

  /** Send one channel's claimed rows with at most OUTBOX_IN_FLIGHT requests at a time. */
  async function sendChannel(rows: OutboxClaimRow[], channel: OutboundChannel, limiter: RateLimiter, stats: OutboxStats): Promise<void> {
    let next = 0;
    // What the hold-back rules need about this pass's bulk recipients, in one query rather than two per row.
    const bulkContacts = [...new Set(rows.filter((r) => r.priority !== 0 && r.contactId !== null).map((r) => r.contactId as number))];
    const pass: Pass = { facts: await q.bulkFacts(bulkContacts, clock.now().getTime() - 24 * 3600_000), bulkThisPass: new Map() };
    const sender = async () => {
      while (next < rows.length) {
        const row = rows[next++] as OutboxClaimRow;
        await sendRow(row, channel, limiter, stats, pass);
      }
    };
    await Promise.all(Array.from({ length: Math.min(OUTBOX_IN_FLIGHT, rows.length) }, sender));
  }

  async function runOnce(): Promise<OutboxStats> {
    const stats = emptyStats();
    const now = clock.now();
    const passes: Promise<void>[] = [];
    for (const [name, channel] of deps.channels) {
      const limiter = limiters.get(name);
      if (!limiter) continue;
      const n = limiter.available(now.getTime());
      if (n <= 0) continue;
      const rows = await q.claim(name, now.getTime(), n);
      if (rows.length === 0) continue;
      // RETURNING does not keep the subquery's order.
      rows.sort((a, b) => a.priority - b.priority || a.nextAttemptAt - b.nextAttemptAt || a.id - b.id);
      limiter.take(rows.length, now.getTime());
      stats.claimed += rows.length;
      const p = sendChannel(rows, channel, limiter, stats).catch((err: unknown) => log.error({ err, channel: name }, 'outbox pass failed for a channel'));
      passes.push(p);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await Promise.all(passes);
    return stats;
  }

  function nextDelay(): number {
    const now = clock.now().getTime();
    let wait = config.outbox.tickMs;
    // A channel held back by its limit (or paused) wakes the loop when it may send again; one with room needs no
    // early wake: new rows kick the loop, and a pass that filled its room runs again at once.
    for (const l of limiters.values()) {
      const w = l.waitMs(now);
      if (w > 0) wait = Math.min(wait, Math.max(10, w));
    }
    return wait;
  }

  async function loop(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      let stats: OutboxStats;
      do {
        again = false;
        stats = await runOnce();
      } while (!stopped && (again || stats.claimed > 0));
    } catch (err) {
      log.error({ err }, 'outbox pass failed');
    } finally {
      running = false;
      if (!stopped) {
        clearTimeout(timer);
        timer = setTimeout(() => void loop(), nextDelay());
      }
    }
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => void loop(), 0);
  }

  async function recover(): Promise<number> {
    const changes = await q.recover();
    if (changes > 0) log.warn({ rows: changes }, 'outbox rows were in flight when the service stopped; queued again');
    return changes;
  }

  return {
    async start() {
      await recover();
      stopped = false;
      kick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
    kick,
    runOnce,
    recover,
  };
}
