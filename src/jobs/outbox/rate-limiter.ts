/** Rows an unlimited channel still takes per pass, so one pass stays short. */
export const UNLIMITED_BATCH = 500;
/** Longest a channel pauses after repeated outages (429 without a wait, 5xx, no answer). */
const OUTAGE_PAUSE_MAX_MS = 60_000;
const OUTAGE_PAUSE_BASE_MS = 1_000;
/** How often the loop looks again while a probe is in flight. */
const PROBE_POLL_MS = 100;

/**
 * Margin on the window, for the clock's whole milliseconds only: the window counts a send from when it leaves until
 * a window after its answer, so it needs no margin for requests that leave late.
 */
const WINDOW_MARGIN_MS = 5;
/**
 * How far back a late hand-over may be counted in the tenth: up to half of it, and never before the slot it takes
 * was free. The tenth only smooths; the window holds the limit.
 */
const BACKDATE_SHARE = 0.5;

/**
 * Per-channel limit as a sliding window: at most N = max(1, ⌊rate⌋) messages in any window of N / rate seconds
 * (one second for whole rates), so no one-second window at the provider sees more than the limit and a provider
 * that counts strictly never answers 429 because of us; and at most a tenth of them in any tenth of the window
 * (smooth, not bursts). A channel can also be paused: after a 429 (for the provider's retry-after) or an outage
 * (exponential, 1 s doubling to 60 s). After an outage one message probes the provider per pass until one
 * succeeds (so a down provider sees one request a minute, not a batch).
 *
 * The window counts each send from when it leaves until a window after the provider answered it: the provider
 * receives it somewhere in between, so however long a request is held up on its way (a busy event loop, the
 * network), no window at the provider sees more than the limit. (The cost: a provider that takes L ms to answer
 * gets at most N sends per window + L.) The tenth counts sends from when they were handed over, backdated a little
 * when the loop was late (see `take`), so that lateness costs no rate.
 */
export class RateLimiter {
  /** The window: when the provider answered the sends counted in it, oldest first. */
  private readonly sent: number[] = [];
  /** Sends handed over and not answered yet: counted in the window until they are. */
  private inFlight = 0;
  /** The tenth: when the latest sends were handed over, oldest first. */
  private readonly started: number[] = [];
  private readonly perWindow: number;
  private readonly burst: number;
  private readonly windowMs: number;
  private readonly tenthMs: number;
  private pausedUntil = 0;
  private outages = 0;
  constructor(
    private readonly rate: number,
    _now: number,
  ) {
    this.perWindow = Math.max(1, Math.floor(rate));
    this.burst = Math.max(1, Math.ceil(this.perWindow / 10));
    this.windowMs = rate > 0 ? (this.perWindow / rate) * 1000 + WINDOW_MARGIN_MS : 0;
    this.tenthMs = rate > 0 ? ((this.perWindow / rate) * 1000) / 10 : 0;
  }

  private expire(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) this.sent.shift();
    // The last tenth's worth of hand-overs stay, expired or not: `take` counts from when their slots freed.
    while (this.started.length > this.burst) this.started.shift();
  }

  /** Messages that may be sent now (0 while paused; 1 while probing a provider that was down). */
  available(now: number): number {
    if (this.paused(now)) return 0;
    // One probe at a time: the next only once the last one has been answered.
    if (this.outages > 0) return this.inFlight > 0 ? 0 : 1;
    if (this.rate <= 0) return UNLIMITED_BATCH;
    this.expire(now);
    return Math.max(0, Math.min(this.perWindow - this.sent.length - this.inFlight, this.burst - this.inTenth(now)));
  }

  /** Hand-overs counted in the tenth before `now`. */
  private inTenth(now: number): number {
    let n = 0;
    for (const t of this.started) if (t > now - this.tenthMs) n++;
    return n;
  }

  /**
   * How many rows to claim ahead of the next slot, while this batch is sent: the most `available` gives at once on
   * a steady channel (a tenth of the window), 0 when unlimited, paused or probing a provider that was down.
   */
  lookAhead(now: number): number {
    if (this.rate <= 0 || this.paused(now) || this.outages > 0) return 0;
    return Math.min(this.perWindow, this.burst);
  }

  /**
   * Count `n` sends handed over now (after `available` said they may go). In the tenth they are counted from when
   * the slots became free, up to half a tenth back: a timer that fired late, or a busy moment, then costs no rate
   * (the tenth only smooths; the window is what holds the limit). The window counts them until `answered`.
   */
  take(n: number, now: number): void {
    if (n <= 0) return;
    this.inFlight += n;
    if (this.rate <= 0) return;
    const freeAt = (this.started[this.started.length - (this.burst - n + 1)] ?? -Infinity) + this.tenthMs;
    const at = Math.min(now, Math.max(now - this.tenthMs * BACKDATE_SHARE, freeAt, this.started.at(-1) ?? -Infinity));
    for (let i = 0; i < n; i++) this.started.push(at);
  }

  /** The provider answered one send (accepted or not): the window counts it for a window from now. */
  answered(now: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.rate <= 0) return;
    this.sent.push(Math.max(now, this.sent.at(-1) ?? now));
  }

  /** One send handed over was not made after all (held back by the rules): it leaves the window uncounted. */
  notSent(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /** Uncount sends handed over but not made, in both the window and the tenth (put back for later). */
  giveBack(n: number): void {
    this.inFlight = Math.max(0, this.inFlight - n);
    if (this.rate <= 0) return;
    this.started.splice(Math.max(0, this.started.length - n), n);
  }

  paused(now: number): boolean {
    return now < this.pausedUntil;
  }

  /** When sending may resume. */
  resumesAt(): number {
    return this.pausedUntil;
  }

  /**
   * A sender taking over from another that may still have sent in the last window (a new leader on PostgreSQL):
   * nothing before a window has passed, so the two never add up within one.
   */
  holdOff(now: number): void {
    if (this.rate > 0) this.pausedUntil = Math.max(this.pausedUntil, now + this.windowMs);
  }

  /** The provider said "too many" and how long to wait. */
  throttled(now: number, retryAfterMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
  }

  /** The provider is failing or unreachable: wait longer each time, until a send succeeds. */
  outage(now: number): number {
    // A request sent before the pause began failing too: the same outage, not a longer one (a window of requests
    // failing together would otherwise pause the channel for the longest wait at once).
    if (this.paused(now)) return this.pausedUntil - now;
    const wait = Math.min(OUTAGE_PAUSE_MAX_MS, OUTAGE_PAUSE_BASE_MS * 2 ** Math.min(this.outages, 16));
    this.outages++;
    this.pausedUntil = Math.max(this.pausedUntil, now + wait);
    return this.pausedUntil - now;
  }

  succeeded(): void {
    this.outages = 0;
  }

  /** Milliseconds until a send is allowed again, for scheduling the next pass. */
  waitMs(now: number): number {
    if (this.paused(now)) return this.pausedUntil - now;
    if (this.available(now) > 0) return 0;
    // A probe of a provider that was down is on its way: look again shortly (its answer decides what comes next).
    if (this.outages > 0 || this.rate <= 0) return PROBE_POLL_MS;
    // Full window: wait for its oldest answered send to leave it (sends in flight: for an answer, which wakes the
    // loop); else the tenth: for its oldest hand-over to leave it.
    if (this.sent.length + this.inFlight >= this.perWindow) return this.sent.length > 0 ? Math.max(1, Math.ceil((this.sent[0] ?? now) + this.windowMs - now)) : 10;
    const oldest = this.started.find((t) => t > now - this.tenthMs) ?? now;
    return Math.max(1, Math.ceil(oldest + this.tenthMs - now));
  }
}
