/**
 * One claimed row through the rules and the channel: paused channel, hold-back rules for bulk messages, render,
 * send, and record what happened (sent, or what the failure means).
 */
import type { Db } from '../../../db/client.ts';
import type { OutboxClaimRow, OutboxQueries } from '../../../db/queries/outbox.ts';
import { SendError, type ChannelCapabilities, type Clock, type OutboundChannel } from '../../core/channel.ts';
import type { Logger } from '../../core/log.ts';
import { maskAddress } from '../../core/log.ts';
import type { Address, OutboundMessage } from '../../core/message.ts';
import { renderReplyText } from '../../core/outbox.ts';
import type { Config } from '../../config.ts';
import type { BulkLedger } from './bulk-ledger.ts';
import { recordFailure } from './failures.ts';
import { createHoldBack } from './hold-back.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { createSentRecorder } from './sent-recorder.ts';

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

/** Stats with every count at zero. */
export function emptyStats(): OutboxStats {
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

export interface RowSenderDeps {
  db: Db;
  q: OutboxQueries;
  log: Logger;
  clock: Clock;
  config: Pick<Config, 'quietHours' | 'bulkDailyCap'> & { outbox: Pick<Config['outbox'], 'maxAttempts'> };
  ledger: BulkLedger;
  /** Whether an SMS channel exists to fall back to. */
  canFallBackToSms: boolean;
  renderBroadcastRow?: RenderRow | undefined;
}

/** Build the function that sends one claimed row. */
export function createRowSender(deps: RowSenderDeps) {
  const { db, q, log, clock, config, ledger, renderBroadcastRow } = deps;
  const holdBack = createHoldBack(config);
  const recordSent = createSentRecorder(q, log);
  const failureDeps = { db, q, log, maxAttempts: config.outbox.maxAttempts, canFallBackToSms: deps.canFallBackToSms };

  /**
   * Send one claimed row and record what happened. The rate limit hears when the provider has answered (or that
   * the row was not sent), before the outcome is recorded.
   */
  return async function sendRow(row: OutboxClaimRow, channel: OutboundChannel, limiter: RateLimiter, stats: OutboxStats): Promise<void> {
    let pending = true;
    const answer = (sent: boolean) => {
      if (!pending) return;
      pending = false;
      if (sent) limiter.answered(clock.now().getTime());
      else limiter.notSent();
    };
    try {
      const now = clock.now();
      if (limiter.paused(now.getTime())) {
        // A 429 or an outage earlier in this batch: the rest of the channel's rows wait, uncounted.
        pending = false;
        limiter.giveBack(1);
        await q.release(row.id, limiter.resumesAt(), 'channel paused (rate limit or outage)', 'provider_error');
        stats.deferred++;
        return;
      }
      const held = holdBack(row, now, ledger.counts);
      if (held.kind === 'skip') {
        answer(false);
        await q.finish(row.id, 'skipped', held.error, held.reason);
        stats.skipped++;
        return;
      }
      if (held.kind === 'hold') {
        answer(false);
        await q.release(row.id, held.until.getTime(), held.error, held.reason);
        stats.deferred++;
        return;
      }
      try {
        let rendered: string | null = null;
        try {
          if (row.broadcastId !== null && renderBroadcastRow) rendered = await renderBroadcastRow(row);
          const result = await channel.send(toMessage(row, rendered ?? row.text, channel.capabilities));
          answer(true);
          limiter.succeeded();
          stats.sent++;
          await recordSent(row.id, clock.now(), result, rendered);
        } catch (err) {
          // It may have reached the provider (a 429 did): counted as sent.
          answer(true);
          if (!(err instanceof SendError)) log.warn({ err, outboxId: row.id, to: maskAddress(row.address) }, 'send threw an unexpected error');
          const outcome = await recordFailure(failureDeps, row, err, limiter, clock.now());
          if (outcome === 'paused') stats.deferred++;
          else stats[outcome]++;
        }
      } finally {
        if (row.priority !== 0 && row.contactId !== null) ledger.settle(row.contactId);
      }
    } finally {
      // Rendering failed, or a database error: nothing left.
      answer(false);
    }
  };
}
