import type { Db } from '../../../db/client.ts';
import type { OutboxClaimRow, OutboxQueries } from '../../../db/queries/outbox.ts';
import { SendError } from '../../core/channel.ts';
import type { Logger } from '../../core/log.ts';
import { markAddressStopped } from '../../core/stopped-addresses.ts';
import type { RateLimiter } from './rate-limiter.ts';

const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 30 * 60_000;

/** What a failed send means for the rest of the pass on its channel. */
export type FailureOutcome = 'retried' | 'failed' | 'stopped' | 'fellBack' | 'skipped' | 'paused';

/**
 * A retryable error that says the provider (not this message) is the problem: throttled (429, Zalo -32, a
 * retry-after), a server error (5xx) or no answer at all. It pauses the whole channel and never counts toward
 * OUTBOX_MAX_ATTEMPTS, so an hour's outage loses nothing; other retryable errors count.
 */
export function isChannelTrouble(e: SendError): 'throttled' | 'outage' | null {
  if (e.kind !== 'retry') return null;
  if (e.retryAfterMs !== undefined || e.providerCode === '429' || e.providerCode === '-32') return 'throttled';
  if (e.providerCode === undefined || /^5\d\d$/.test(e.providerCode)) return 'outage';
  return null;
}

export interface FailureDeps {
  db: Db;
  q: OutboxQueries;
  log: Logger;
  maxAttempts: number;
  /** Whether an SMS channel exists to fall back to. */
  canFallBackToSms: boolean;
}

/** Record what a failed send means for its row (retry, give up, fall back, stop the address, pause the channel). */
export async function recordFailure(deps: FailureDeps, row: OutboxClaimRow, err: unknown, limiter: RateLimiter | undefined, now: Date): Promise<FailureOutcome> {
  const { q } = deps;
  const e = err instanceof SendError ? err : new SendError('retry', err instanceof Error ? err.message : String(err), { cause: err });
  const trouble = isChannelTrouble(e);
  if (trouble && limiter) {
    if (trouble === 'throttled') limiter.throttled(now.getTime(), e.retryAfterMs ?? 1_000);
    else limiter.outage(now.getTime());
    await q.release(row.id, limiter.resumesAt(), e.message, 'provider_error');
    return 'paused';
  }
  switch (e.kind) {
    case 'retry': {
      if (row.attempts >= deps.maxAttempts) {
        await q.finish(row.id, 'failed', `gave up after ${row.attempts} attempts: ${e.message}`, 'provider_error');
        return 'failed';
      }
      const wait = Math.max(Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (row.attempts - 1)), e.retryAfterMs ?? 0);
      await q.retry(row.id, now.getTime() + wait, e.message);
      return 'retried';
    }
    case 'stopped':
      await markAddressStopped(deps.db, row.address, now);
      await q.finish(row.id, 'failed', `contact stopped: ${e.message}`, 'unreachable');
      return 'stopped';
    case 'fallback':
      return await fallBack(deps, row, e.message, now);
    case 'fatal':
      deps.log.error({ outboxId: row.id, channel: row.channel, code: e.providerCode, reason: e.message }, 'send failed permanently');
      await q.finish(row.id, 'failed', e.message, 'provider_error');
      return 'failed';
    default: {
      const never: never = e.kind;
      throw new Error(`unknown send error kind ${String(never)}`);
    }
  }
}

/** Move a row to the contact's SMS address (Zalo's 7-day window → SMS), or skip it with the reason. */
async function fallBack(deps: FailureDeps, row: OutboxClaimRow, reason: string, now: Date): Promise<FailureOutcome> {
  const alt = row.contactId === null ? undefined : await deps.q.smsAddressOf(row.contactId);
  if (alt && deps.canFallBackToSms && alt !== row.address) {
    await deps.q.moveTo(row.id, 'sms', alt, now.getTime(), `fell back from ${row.channel}: ${reason}`);
    return 'fellBack';
  }
  await deps.q.finish(row.id, 'skipped', `${reason}; no SMS number to fall back to`, 'unreachable');
  return 'skipped';
}
