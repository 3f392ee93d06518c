/**
 * The outbox sender: the one thing that calls channels. Flows, broadcasts and reminders only write rows.
 * The rules live beside it: rate limits (outbox/rate-limiter.ts), one row through hold-back, render, send and
 * record (outbox/send-row.ts, with outbox/hold-back.ts, outbox/bulk-ledger.ts for the daily cap,
 * outbox/failures.ts and outbox/sent-recorder.ts). This file is the loop: claim, hand rows to the senders, wait.
 *
 * Claimed ahead, per channel: while a batch is sent, the next one is claimed, so when the rate limit has room again
 * its rows leave at once, without waiting for a round trip to the database or for the last batch's slowest send
 * (passes that did both sent 7 % under the limit with three instances on PostgreSQL).
 *
 * In-flight window: each channel sends with at most OUTBOX_IN_FLIGHT concurrent requests, and each sender waits
 * until its success is recorded before taking the next row. So when an instance dies (kill -9), at most
 * OUTBOX_IN_FLIGHT messages per channel have reached the provider without being recorded; those, and the rows it
 * had claimed but not sent, are sent again (SQLite: at the restart; PostgreSQL: by whichever instance leads once
 * their lease has expired). At most OUTBOX_IN_FLIGHT messages per channel can reach a person twice; none is lost.
 */
import { engineOf, type Db } from '../../db/client.ts';
import { outboxQueries, type OutboxClaimRow } from '../../db/queries/outbox.ts';
import type { Clock, OutboundChannel } from '../core/channel.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../core/log.ts';
import type { ChannelName } from '../core/message.ts';
import { RateLimiter } from './outbox/rate-limiter.ts';
import { createBulkLedger } from './outbox/bulk-ledger.ts';
import { createRowSender, emptyStats, type OutboxStats, type RenderRow } from './outbox/send-row.ts';

export type { OutboxStats, RenderRow };

/** Concurrent sends per channel: also the most messages a crash can send twice per channel. */
export const OUTBOX_IN_FLIGHT = 16;

/**
 * How long a claimed row belongs to the instance that claimed it (OUTBOX_LEASE_SECONDS). It must outlast the
 * slowest send of a batch: a row waits behind at most one batch and OUTBOX_IN_FLIGHT requests, each bounded by its
 * provider's timeout (10–15 s), and a provider that times out pauses the channel, which puts the batch's other rows
 * back. A minute does that twice over, and a dead instance's rows go out again about a minute after it died.
 */
export const DEFAULT_OUTBOX_LEASE_MS = 60_000;

export interface OutboxWorkerDeps {
  db: Db;
  log: Logger;
  clock: Clock;
  config: Pick<Config, 'quietHours' | 'bulkDailyCap'> & { outbox: Pick<Config['outbox'], 'tickMs' | 'maxAttempts'> & { leaseMs?: number } };
  channels: ReadonlyMap<ChannelName, OutboundChannel>;
  /** Broadcast rows store no text of their own; this renders it (absent: the row's text is sent as is). */
  renderBroadcastRow?: RenderRow;
}

export interface OutboxWorker {
  /** Resolve rows left in flight by a crash (see `recover`) and begin the send loop. */
  start(): Promise<void>;
  /** Stop claiming, put back the claimed rows not yet started, and wait for the sends in flight. */
  stop(): Promise<void>;
  /** Wake the loop now (new rows were queued). */
  kick(): void;
  /** One pass: claim due rows within each channel's limit, send them, and wait for them. Tests call this directly. */
  runOnce(): Promise<OutboxStats>;
  /**
   * Crash rule: a row still marked `sending` at start-up may or may not have reached the provider. On SQLite (one
   * instance) it goes back to `queued` and is sent again: at least once (a rare duplicate, bounded by
   * OUTBOX_IN_FLIGHT, beats a lost message). On PostgreSQL nothing happens here: such a row may be a live
   * instance's, and the claim takes it again once its lease has expired.
   */
  recover(): Promise<number>;
}

/** Rows claimed together: sent by the channel's senders, done when each is finished. */
interface Batch {
  stats: OutboxStats;
  /** Its bulk recipients (their facts were read for it). */
  contacts: number[];
  claimedAt: number;
  /** Its rows not yet handed to a sender (claimed ahead of the rate limit's next slot). */
  ahead: OutboxClaimRow[];
  remaining: number;
  done: Promise<void>;
  resolve(): void;
}

/**
 * One channel's send pipeline: a batch claimed ahead of the rate limit's next slot, claimed rows waiting for a
 * sender (counted by the rate limit when handed over), and the senders running.
 */
interface Lane {
  name: ChannelName;
  channel: OutboundChannel;
  limiter: RateLimiter;
  ahead: Batch | undefined;
  waiting: { row: OutboxClaimRow; batch: Batch }[];
  senders: number;
  /** Its last claim found nothing due: no claim again before this time, unless new rows are queued (kick). */
  dryUntil: number;
  /** The claim ahead in progress: the loop goes on sending meanwhile, and is woken when it is done. */
  claiming: Promise<void> | undefined;
}

/** Build the outbox sender. */
export function createOutboxWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const { db, log, clock, config } = deps;
  const q = outboxQueries(db);
  const leaseMs = config.outbox.leaseMs ?? DEFAULT_OUTBOX_LEASE_MS;
  const lanes: Lane[] = [];
  for (const [name, channel] of deps.channels) lanes.push({ name, channel, limiter: new RateLimiter(channel.ratePerSecond, clock.now().getTime()), ahead: undefined, waiting: [], senders: 0, dryUntil: 0, claiming: undefined });
  const ledger = createBulkLedger(q);
  const inFlight = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = true;
  /** The loop's current run, which stop() lets finish before putting claimed rows back. */
  let current: Promise<void> = Promise.resolve();

  const track = (p: Promise<unknown>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  const sendRow = createRowSender({ db, q, log, clock, config, ledger, canFallBackToSms: deps.channels.has('sms'), renderBroadcastRow: deps.renderBroadcastRow });

  function finishOne(batch: Batch): void {
    if (--batch.remaining > 0) return;
    ledger.release(batch.contacts);
    batch.resolve();
  }

  /** One sender: takes the lane's waiting rows one at a time until none is left. */
  async function sender(lane: Lane): Promise<void> {
    lane.senders++;
    try {
      for (let item = lane.waiting.shift(); item; item = lane.waiting.shift()) {
        // Every row handed over has started: the lane may take its next batch when the limit has room.
        if (lane.waiting.length === 0) wake();
        try {
          await sendRow(item.row, lane.channel, lane.limiter, item.batch.stats);
        } catch (err) {
          log.error({ err, outboxId: item.row.id, channel: lane.name }, 'outbox row could not be handled; its lease brings it back');
        } finally {
          finishOne(item.batch);
        }
      }
    } finally {
      lane.senders--;
    }
  }

  /** Claim up to `limit` rows of the lane (leased) and read what the hold-back rules need about them. */
  async function claimBatch(lane: Lane, limit: number): Promise<Batch | undefined> {
    const now = clock.now().getTime();
    const rows = await q.claim(lane.name, now, limit, now + leaseMs);
    if (rows.length === 0) return undefined;
    // RETURNING does not keep the subquery's order.
    rows.sort((a, b) => a.priority - b.priority || a.nextAttemptAt - b.nextAttemptAt || a.id - b.id);
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    // What the hold-back rules need about the batch's bulk recipients, in one query rather than two per row.
    const contacts = [...new Set(rows.filter((r) => r.priority !== 0 && r.contactId !== null).map((r) => r.contactId as number))];
    const batch: Batch = { stats: emptyStats(), contacts, claimedAt: now, ahead: rows, remaining: rows.length, done, resolve };
    batch.stats.claimed = rows.length;
    track(done);
    try {
      await ledger.read(contacts, now - 24 * 3600_000);
    } catch (err) {
      await putBack(lane, batch);
      throw err;
    }
    return batch;
  }

  /** Hand up to `n` of a batch's rows to the lane's senders, counted by the rate limit now (when they leave). */
  function dispatch(lane: Lane, batch: Batch, n: number, now: number): void {
    const rows = batch.ahead.splice(0, n);
    lane.limiter.take(rows.length, now);
    for (const row of rows) lane.waiting.push({ row, batch });
    const start = Math.min(OUTBOX_IN_FLIGHT - lane.senders, lane.waiting.length);
    for (let i = 0; i < start; i++) track(sender(lane));
  }

  function addStats(into: OutboxStats, from: OutboxStats): void {
    for (const k of Object.keys(into) as (keyof OutboxStats)[]) into[k] += from[k];
  }

  async function runOnce(): Promise<OutboxStats> {
    const stats = emptyStats();
    const batches = await Promise.all(
      lanes.map(async (lane) => {
        const now = clock.now().getTime();
        const n = lane.limiter.available(now);
        if (n <= 0) return undefined;
        try {
          const batch = await claimBatch(lane, n);
          if (batch) dispatch(lane, batch, n, now);
          return batch;
        } catch (err) {
          log.error({ err, channel: lane.name }, 'outbox claim failed for a channel');
          return undefined;
        }
      }),
    );
    await Promise.all(batches.map((b) => b?.done));
    for (const b of batches) if (b) addStats(stats, b.stats);
    return stats;
  }

  /**
   * The loop's step for one lane, once its last rows have all started: hand over what the rate limit allows now
   * (from the batch claimed ahead, else claimed now), then claim the next batch ahead, so that when the limit has
   * room again its rows leave at once instead of after a round trip to the database. True when rows were handed.
   */
  async function fillLane(lane: Lane): Promise<boolean> {
    if (lane.waiting.length > 0) return false;
    let now = clock.now().getTime();
    const ahead = lane.ahead;
    // Claimed ahead, then the channel paused (or the rows waited too long): back to the queue, uncounted.
    if (ahead && (lane.limiter.lookAhead(now) === 0 || now - ahead.claimedAt > leaseMs / 2)) {
      lane.ahead = undefined;
      await putBack(lane, ahead);
    }
    const n = lane.limiter.available(now);
    if (n <= 0 || lane.claiming) return false;
    if (!lane.ahead) {
      // The loop wakes whenever any channel's limit has room: a channel with nothing due is asked again at the next
      // tick (retries falling due) or when rows are queued, not at every wake.
      if (now < lane.dryUntil) return false;
      lane.ahead = await claimBatch(lane, n);
      now = clock.now().getTime();
      if (!lane.ahead) lane.dryUntil = now + config.outbox.tickMs;
    }
    const batch = lane.ahead;
    if (!batch) return false;
    dispatch(lane, batch, n, now);
    if (batch.ahead.length === 0) lane.ahead = undefined;
    const next = lane.limiter.lookAhead(now);
    if (!lane.ahead && next > 0 && !stopped) claimAhead(lane, next);
    return true;
  }

  /**
   * Claim the lane's next batch in the background: the loop does not wait for the database, so rows already claimed
   * (of other lanes, or of this one when its limit frees a slot) still leave on time. Done, it wakes the loop.
   */
  function claimAhead(lane: Lane, n: number): void {
    lane.claiming = claimBatch(lane, n)
      .then((batch) => {
        if (batch) lane.ahead = batch;
        else lane.dryUntil = clock.now().getTime() + config.outbox.tickMs;
      })
      .catch((err: unknown) => {
        lane.dryUntil = clock.now().getTime() + config.outbox.tickMs;
        log.error({ err, channel: lane.name }, 'outbox claim failed for a channel');
      })
      .finally(() => {
        lane.claiming = undefined;
        wake();
      });
  }

  /** Step every lane; true when rows were handed to senders. */
  async function fill(): Promise<boolean> {
    const handed = await Promise.all(
      lanes.map((lane) =>
        fillLane(lane).catch((err: unknown) => {
          // Tried again at the next tick, not at once: a database that is down is not asked in a tight loop.
          lane.dryUntil = clock.now().getTime() + config.outbox.tickMs;
          log.error({ err, channel: lane.name }, 'outbox claim failed for a channel');
          return false;
        }),
      ),
    );
    return handed.some(Boolean);
  }

  function nextDelay(): number {
    const now = clock.now().getTime();
    let wait = config.outbox.tickMs;
    // A channel held back by its limit (or paused) wakes the loop when it may send again; one with room needs no
    // early wake: new rows kick the loop, a lane whose rows have all started wakes it, and a pass that handed rows
    // over runs again at once.
    for (const l of lanes) {
      const w = l.limiter.waitMs(now);
      if (w > 0) wait = Math.min(wait, Math.max(10, w));
      // Room that opened while the pass ran (a window slot expired meanwhile), with rows to fill it: now.
      else if (l.waiting.length === 0 && !l.claiming && (l.ahead || now >= l.dryUntil)) return 0;
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
      let claimed: boolean;
      do {
        again = false;
        claimed = await fill();
      } while (!stopped && (again || claimed));
    } catch (err) {
      log.error({ err }, 'outbox pass failed');
    } finally {
      running = false;
      if (!stopped) {
        clearTimeout(timer);
        timer = setTimeout(() => void (current = loop()), nextDelay());
      }
    }
  }

  /** New rows were queued: every channel may have some now. */
  function kick(): void {
    for (const lane of lanes) lane.dryUntil = 0;
    wake();
  }

  /** Run the loop now (or again at once, if it is running). */
  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => void (current = loop()), 0);
  }

  async function recover(): Promise<number> {
    const changes = await q.recover();
    if (changes > 0) log.warn({ rows: changes }, 'outbox rows were in flight when the service stopped; queued again');
    return changes;
  }

  /** Put claimed rows back in the queue, uncounted, so whoever sends next need not wait for their lease. */
  async function putBack(lane: Lane, batch: Batch, rows = batch.ahead.splice(0)): Promise<void> {
    const now = clock.now().getTime();
    for (const row of rows) {
      try {
        await q.release(row.id, now, null, null);
      } catch (err) {
        log.warn({ err, outboxId: row.id, channel: lane.name }, 'could not put back a claimed row; its lease brings it back');
      } finally {
        finishOne(batch);
      }
    }
  }

  /** On stop: every row claimed and not started goes back. */
  async function putBackAll(): Promise<void> {
    for (const lane of lanes) {
      await lane.claiming;
      const ahead = lane.ahead;
      lane.ahead = undefined;
      if (ahead) await putBack(lane, ahead);
      for (const { row, batch } of lane.waiting.splice(0)) {
        lane.limiter.giveBack(1);
        await putBack(lane, batch, [row]);
      }
    }
  }

  return {
    async start() {
      await recover();
      // On PostgreSQL this instance takes over from a leader that may have sent until a moment ago (a lost lock is
      // noticed within a ping): its limit starts a window later, so the two never exceed it within one second.
      if (engineOf(db) === 'pg') for (const lane of lanes) lane.limiter.holdOff(clock.now().getTime());
      stopped = false;
      kick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      await putBackAll();
      await Promise.allSettled([...inFlight]);
    },
    kick,
    runOnce,
    recover,
  };
}
