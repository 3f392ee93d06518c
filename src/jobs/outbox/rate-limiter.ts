/** Rows an unlimited channel still takes per pass, so one pass stays short. */
export const UNLIMITED_BATCH = 500;
/** Longest a channel pauses after repeated outages (429 without a wait, 5xx, no answer). */
const OUTAGE_PAUSE_MAX_MS = 60_000;
const OUTAGE_PAUSE_BASE_MS = 1_000;

/**
 * Per-channel token bucket: `rate` messages per second, bursting to at most a tenth of a second's worth, so no
 * one-second window sees much more than the limit. A channel can also be paused: after a 429 (for the provider's
 * retry-after) or an outage (exponential, 1 s doubling to 60 s). After an outage one message probes the provider
 * per pass until one succeeds (so a down provider sees one request a minute, not a batch).
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private readonly capacity: number;
  private pausedUntil = 0;
  private outages = 0;
  constructor(
    private readonly rate: number,
    now: number,
  ) {
    this.capacity = Math.max(1, rate / 10);
    this.tokens = this.capacity;
    this.last = now;
  }

  /** Messages that may be sent now (0 while paused; 1 while probing a provider that was down). */
  available(now: number): number {
    if (this.paused(now)) return 0;
    if (this.outages > 0) return 1;
    if (this.rate <= 0) return UNLIMITED_BATCH;
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    return Math.floor(this.tokens);
  }

  take(n: number): void {
    if (this.rate > 0) this.tokens -= n;
  }

  /** Give back tokens of rows that were claimed but not sent (the pass stopped early). */
  giveBack(n: number): void {
    if (this.rate > 0) this.tokens = Math.min(this.capacity, this.tokens + n);
  }

  paused(now: number): boolean {
    return now < this.pausedUntil;
  }

  /** When sending may resume. */
  resumesAt(): number {
    return this.pausedUntil;
  }

  /** The provider said "too many" and how long to wait. */
  throttled(now: number, retryAfterMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
  }

  /** The provider is failing or unreachable: wait longer each time, until a send succeeds. */
  outage(now: number): number {
    const wait = Math.min(OUTAGE_PAUSE_MAX_MS, OUTAGE_PAUSE_BASE_MS * 2 ** Math.min(this.outages, 16));
    this.outages++;
    this.pausedUntil = Math.max(this.pausedUntil, now + wait);
    return this.pausedUntil - now;
  }

  succeeded(): void {
    this.outages = 0;
  }

  /** Milliseconds until the next token, for scheduling the next pass. */
  waitMs(now: number): number {
    if (this.paused(now)) return this.pausedUntil - now;
    if (this.rate <= 0) return 0;
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }
}
