/** Rows an unlimited channel still takes per pass, so one pass stays short. */
export const UNLIMITED_BATCH = 500;
/** Longest a channel pauses after repeated outages (429 without a wait, 5xx, no answer). */
const OUTAGE_PAUSE_MAX_MS = 60_000;
const OUTAGE_PAUSE_BASE_MS = 1_000;

/** Margin on the window: requests leave a little after they are counted, so keep 2 % under the limit. */
const WINDOW_MARGIN = 1.02;

/**
 * Per-channel limit as a sliding window: at most N = max(1, ⌊rate⌋) messages in any window of N / rate seconds
 * (one second for whole rates), and at most a tenth of them in any tenth of the window (smooth, not bursts), so no one-second window at the provider sees more than the limit and a
 * provider that counts strictly never answers 429 because of us. A channel can also be paused: after a 429 (for
 * the provider's retry-after) or an outage (exponential, 1 s doubling to 60 s). After an outage one message probes
 * the provider per pass until one succeeds (so a down provider sees one request a minute, not a batch).
 */
export class RateLimiter {
  /** Times of the sends counted in the current window, oldest first. */
  private readonly sent: number[] = [];
  private readonly perWindow: number;
  private readonly windowMs: number;
  private pausedUntil = 0;
  private outages = 0;
  constructor(
    private readonly rate: number,
    _now: number,
  ) {
    this.perWindow = Math.max(1, Math.floor(rate));
    this.windowMs = rate > 0 ? ((this.perWindow / rate) * 1000 * WINDOW_MARGIN) : 0;
  }

  private expire(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) this.sent.shift();
  }

  /** Messages that may be sent now (0 while paused; 1 while probing a provider that was down). */
  available(now: number): number {
    if (this.paused(now)) return 0;
    if (this.outages > 0) return 1;
    if (this.rate <= 0) return UNLIMITED_BATCH;
    this.expire(now);
    // Smooth, too: at most a tenth of the window's worth in any tenth of the window.
    const burst = Math.max(1, Math.ceil(this.perWindow / 10));
    const recent = this.sent.filter((t) => t > now - this.windowMs / 10).length;
    return Math.max(0, Math.min(this.perWindow - this.sent.length, burst - recent));
  }

  /** Count `n` sends made now. */
  take(n: number, now: number): void {
    if (this.rate > 0) for (let i = 0; i < n; i++) this.sent.push(now);
  }

  /** Uncount sends that were claimed but not made (the pass stopped early). */
  giveBack(n: number): void {
    if (this.rate > 0) this.sent.splice(Math.max(0, this.sent.length - n), n);
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

  /** Milliseconds until a send is allowed again, for scheduling the next pass. */
  waitMs(now: number): number {
    if (this.paused(now)) return this.pausedUntil - now;
    if (this.rate <= 0) return 0;
    if (this.available(now) > 0) return 0;
    // Full window: wait for its oldest send to leave it; else the burst limit: for the oldest recent send.
    if (this.sent.length >= this.perWindow) return Math.max(1, Math.ceil((this.sent[0] ?? now) + this.windowMs - now));
    const oldestRecent = this.sent.find((t) => t > now - this.windowMs / 10) ?? now;
    return Math.max(1, Math.ceil(oldestRecent + this.windowMs / 10 - now));
  }
}
