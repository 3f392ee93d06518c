import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { hotQueries } from '../../db/queries/hot.ts';
import { addresses, contacts, outbox, type OutboxRow } from '../../db/schema/index.ts';
import { SendError, type Clock, type OutboundChannel, type SendResult } from '../core/channel.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../core/log.ts';
import { maskAddress } from '../core/log.ts';
import type { Address, ChannelName, OutboundMessage } from '../core/message.ts';
import { localMinutes, parseHhmm } from '../core/clock.ts';

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

export interface OutboxWorkerDeps {
  db: Db;
  log: Logger;
  clock: Clock;
  config: Pick<Config, 'quietHours' | 'bulkDailyCap' | 'outbox'>;
  channels: ReadonlyMap<ChannelName, OutboundChannel>;
}

/** Unlimited channels still take rows in batches so one pass stays short. */
const UNLIMITED_BATCH = 500;
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 30 * 60_000;

/** Token bucket per channel: `rate` messages per second, bursting to at most a tenth of a second's worth. */
class Bucket {
  private tokens: number;
  private last: number;
  /** At most a tenth of a second's worth at once, so no one-second window sees much more than the limit. */
  private readonly capacity: number;
  pausedUntil = 0;
  constructor(
    private readonly rate: number,
    now: number,
  ) {
    this.capacity = Math.max(1, rate / 10);
    this.tokens = this.capacity;
    this.last = now;
  }
  available(now: number): number {
    if (now < this.pausedUntil) return 0;
    if (this.rate <= 0) return UNLIMITED_BATCH;
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    return Math.floor(this.tokens);
  }
  take(n: number): void {
    if (this.rate > 0) this.tokens -= n;
  }
  /** Milliseconds until the next token, for scheduling the next pass. */
  waitMs(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    if (this.rate <= 0) return 0;
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }
}

export interface OutboxWorker {
  /** Resolve rows left in flight by a crash (see the rule below) and begin the send loop. */
  start(): void;
  /** Stop taking rows and wait for the sends in flight. */
  stop(): Promise<void>;
  /** Wake the loop now (new rows were queued). */
  kick(): void;
  /** One pass: claim due rows within each channel's limit and send them. Tests call this directly. */
  runOnce(): Promise<OutboxStats>;
  /**
   * Crash rule: a row still marked `sending` at start-up was handed to a provider that may or may not have
   * accepted it. It goes back to `queued` and is sent again (at least once: a rare duplicate beats a lost message).
   */
  recover(): number;
}

function emptyStats(): OutboxStats {
  return { claimed: 0, sent: 0, retried: 0, failed: 0, stopped: 0, fellBack: 0, skipped: 0, deferred: 0 };
}

/** Build the outbox sender. Broadcasts, reminders and flows only write rows; this is the one thing that sends. */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const { db, log, clock, config } = deps;
  const q = hotQueries(db);
  const buckets = new Map<ChannelName, Bucket>();
  for (const [name, ch] of deps.channels) buckets.set(name, new Bucket(ch.ratePerSecond, clock.now().getTime()));
  const inFlight = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = true;
  const quietStart = parseHhmm(config.quietHours.start);
  const quietEnd = parseHhmm(config.quietHours.end);

  /** Claim up to `limit` due rows of one channel in one statement (status → sending), replies first. */
  function claim(channel: ChannelName, now: Date, limit: number): OutboxRow[] {
    const due = q.dueIds.all({ channel, now: now.getTime(), limit }).map((r) => r.id);
    if (due.length === 0) return [];
    const rows = db
      .update(outbox)
      .set({ status: 'sending', attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, due))
      .returning()
      .all();
    // RETURNING does not keep the subquery's order.
    return rows.sort((a, b) => a.priority - b.priority || a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id - b.id);
  }

  function inQuietHours(at: Date): boolean {
    const m = localMinutes(at);
    return quietStart <= quietEnd ? m >= quietStart && m < quietEnd : m >= quietStart || m < quietEnd;
  }

  /** The end of the current quiet period, as a Date. */
  function quietEndsAt(at: Date): Date {
    const m = localMinutes(at);
    let wait = quietEnd - m;
    if (wait <= 0) wait += 24 * 60;
    const d = new Date(at.getTime() + wait * 60_000);
    d.setUTCSeconds(0, 0);
    return d;
  }

  /** Bulk rows obey opt-outs, quiet hours and the per-person daily cap; replies always go. Returns null to send. */
  function holdBack(row: OutboxRow, now: Date, bulkThisPass: Map<number, number>): 'skip' | 'defer' | null {
    if (row.priority === 0) return null;
    if (row.contactId !== null) {
      const c = db.select({ optedOut: contacts.optedOut }).from(contacts).where(eq(contacts.id, row.contactId)).get();
      if (c?.optedOut) {
        db.update(outbox).set({ status: 'skipped', error: 'opted out' }).where(eq(outbox.id, row.id)).run();
        return 'skip';
      }
    }
    if (inQuietHours(now)) {
      db.update(outbox)
        .set({ status: 'queued', attempts: row.attempts - 1, nextAttemptAt: quietEndsAt(now) })
        .where(eq(outbox.id, row.id))
        .run();
      return 'defer';
    }
    if (row.contactId !== null) {
      const since = new Date(now.getTime() - 24 * 3600_000);
      const sentToday =
        db
          .select({ n: sql<number>`count(*)` })
          .from(outbox)
          .where(
            and(
              eq(outbox.contactId, row.contactId),
              sql`${outbox.priority} = 1`, // literal: matches the partial index outbox_contact_sent_idx
              inArray(outbox.status, ['sent', 'delivered']),
              gte(outbox.sentAt, since),
            ),
          )
          .get()?.n ?? 0;
      const thisPass = bulkThisPass.get(row.contactId) ?? 0;
      if (sentToday + thisPass >= config.bulkDailyCap) {
        db.update(outbox)
          .set({ status: 'queued', attempts: row.attempts - 1, nextAttemptAt: new Date(now.getTime() + 3600_000) })
          .where(eq(outbox.id, row.id))
          .run();
        return 'defer';
      }
      bulkThisPass.set(row.contactId, thisPass + 1);
    }
    return null;
  }

  function toMessage(row: OutboxRow): OutboundMessage {
    return {
      id: row.id,
      to: row.address as Address,
      text: row.text,
      ...(row.quickReplies && { quickReplies: row.quickReplies }),
      ...(row.requestPhone && { requestPhone: true }),
      priority: row.priority === 0 ? 'reply' : 'bulk',
      ...(row.keepDiacritics && { keepDiacritics: true }),
    };
  }

  // Successful sends are recorded in batches: one transaction for all the results that arrive in the same
  // turn of the event loop, instead of one commit each. A crash before the flush leaves the rows `sending`,
  // which the crash rule sends again.
  let pendingSent: Parameters<typeof q.markSent.run>[0][] = [];
  let flushing: Promise<void> | undefined;
  const markSentBatch = db.$client.transaction((rows: Parameters<typeof q.markSent.run>[0][]) => {
    for (const r of rows) q.markSent.run(r);
  });

  function flushSent(): Promise<void> {
    flushing ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        const rows = pendingSent;
        pendingSent = [];
        flushing = undefined;
        try {
          markSentBatch(rows);
        } catch (err) {
          log.error({ err, rows: rows.length }, 'could not record sent messages; they stay in flight and are sent again after a restart');
        }
        resolve();
      });
    });
    return flushing;
  }

  function recordSuccess(row: OutboxRow, result: SendResult, stats: OutboxStats): Promise<void> {
    pendingSent.push({
      id: row.id,
      sentAt: clock.now().getTime(),
      providerId: result.providerId ?? null,
      encoding: result.encoding ?? null,
      segments: result.segments ?? null,
      sentVia: result.via ?? null,
    });
    stats.sent++;
    return flushSent();
  }

  /** Move a row to another address of the same contact (Zalo's 7-day window → SMS), or skip it with the reason. */
  function fallBack(row: OutboxRow, reason: string, stats: OutboxStats): void {
    const alt =
      row.contactId === null
        ? undefined
        : db
            .select()
            .from(addresses)
            .where(and(eq(addresses.contactId, row.contactId), eq(addresses.channel, 'sms'), isNull(addresses.stoppedAt)))
            .get();
    if (alt && deps.channels.has('sms') && alt.address !== row.address) {
      db.update(outbox)
        .set({
          status: 'queued',
          channel: 'sms',
          address: alt.address,
          nextAttemptAt: clock.now(),
          error: `fell back from ${row.channel}: ${reason}`,
        })
        .where(eq(outbox.id, row.id))
        .run();
      stats.fellBack++;
    } else {
      db.update(outbox)
        .set({ status: 'skipped', error: `${reason}; no SMS number to fall back to` })
        .where(eq(outbox.id, row.id))
        .run();
      stats.skipped++;
    }
  }

  function recordFailure(row: OutboxRow, err: unknown, stats: OutboxStats): void {
    const now = clock.now();
    const e = err instanceof SendError ? err : new SendError('retry', (err as Error)?.message ?? String(err), { cause: err });
    switch (e.kind) {
      case 'retry': {
        if (row.attempts >= config.outbox.maxAttempts) {
          db.update(outbox).set({ status: 'failed', error: `gave up after ${row.attempts} attempts: ${e.message}` }).where(eq(outbox.id, row.id)).run();
          stats.failed++;
          return;
        }
        const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (row.attempts - 1));
        const wait = Math.max(backoff, e.retryAfterMs ?? 0);
        if (e.retryAfterMs) {
          const b = buckets.get(row.channel as ChannelName);
          if (b) b.pausedUntil = Math.max(b.pausedUntil, now.getTime() + e.retryAfterMs);
        }
        db.update(outbox)
          .set({ status: 'queued', nextAttemptAt: new Date(now.getTime() + wait), error: e.message })
          .where(eq(outbox.id, row.id))
          .run();
        stats.retried++;
        return;
      }
      case 'stopped':
        db.update(addresses).set({ stoppedAt: now }).where(eq(addresses.address, row.address)).run();
        db.update(outbox).set({ status: 'failed', error: `contact stopped: ${e.message}` }).where(eq(outbox.id, row.id)).run();
        stats.stopped++;
        return;
      case 'fallback':
        fallBack(row, e.message, stats);
        return;
      case 'fatal':
        log.error({ outboxId: row.id, channel: row.channel, code: e.providerCode, reason: e.message }, 'send failed permanently');
        db.update(outbox).set({ status: 'failed', error: e.message }).where(eq(outbox.id, row.id)).run();
        stats.failed++;
        return;
      default: {
        const never: never = e.kind;
        throw new Error(`unknown send error kind ${String(never)}`);
      }
    }
  }

  async function sendRows(rows: OutboxRow[], stats: OutboxStats): Promise<void> {
    const now = clock.now();
    const sends: Promise<void>[] = [];
    const bulkThisPass = new Map<number, number>();
    for (const row of rows) {
      const held = holdBack(row, now, bulkThisPass);
      if (held === 'skip') {
        stats.skipped++;
        continue;
      }
      if (held === 'defer') {
        stats.deferred++;
        continue;
      }
      const channel = deps.channels.get(row.channel as ChannelName);
      if (!channel) {
        db.update(outbox).set({ status: 'queued', attempts: row.attempts - 1, nextAttemptAt: new Date(now.getTime() + 60_000), error: `channel ${row.channel} is off` }).where(eq(outbox.id, row.id)).run();
        stats.deferred++;
        continue;
      }
      const p = channel
        .send(toMessage(row))
        .then(
          (result) => recordSuccess(row, result, stats),
          (err: unknown) => {
            if (!(err instanceof SendError)) log.warn({ err, outboxId: row.id, to: maskAddress(row.address) }, 'send threw an unexpected error; will retry');
            recordFailure(row, err, stats);
          },
        )
        .catch((err: unknown) => log.error({ err, outboxId: row.id }, 'could not record a send result'));
      sends.push(p);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await Promise.all(sends);
  }

  async function runOnce(): Promise<OutboxStats> {
    const stats = emptyStats();
    const now = clock.now();
    const batches: OutboxRow[] = [];
    for (const [name] of deps.channels) {
      const bucket = buckets.get(name);
      if (!bucket) continue;
      const n = bucket.available(now.getTime());
      if (n <= 0) continue;
      const rows = claim(name, now, n);
      bucket.take(rows.length);
      batches.push(...rows);
    }
    stats.claimed = batches.length;
    if (batches.length > 0) await sendRows(batches, stats);
    return stats;
  }

  function nextDelay(): number {
    const now = clock.now().getTime();
    let wait = config.outbox.tickMs;
    for (const b of buckets.values()) wait = Math.min(wait, Math.max(10, b.waitMs(now)));
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

  function recover(): number {
    const res = db.$client
      .prepare(`UPDATE outbox SET status = 'queued', error = 'in flight at restart; sent again' WHERE status = 'sending'`)
      .run();
    if (res.changes > 0) log.warn({ rows: res.changes }, 'outbox rows were in flight when the service stopped; queued again');
    return res.changes;
  }

  return {
    start() {
      recover();
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
