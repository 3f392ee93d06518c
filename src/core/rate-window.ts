/**
 * Fixed-window counters per key (client address, account): `hit(key)` says whether one more event fits in the
 * current window. In memory, per instance: good enough to slow guessing and floods; the per-account lock-out is
 * stored in the database and holds across instances.
 */
export interface RateWindow {
  /** Count one event for `key`; false when the key is over its limit in the current window. */
  hit(key: string, now: number): boolean;
  /** Seconds until the key's window ends (for Retry-After). */
  retryAfter(key: string, now: number): number;
}

/** A counter allowing `limit` events per `windowMs` per key (limit 0 = unlimited). */
export function createRateWindow(limit: number, windowMs: number, maxKeys = 100_000): RateWindow {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, now) {
      if (limit <= 0) return true;
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        // Old windows are dropped when the map is full: memory stays bounded under a flood of addresses.
        if (!w && windows.size >= maxKeys) {
          for (const [k, v] of windows) if (now - v.start >= windowMs) windows.delete(k);
          if (windows.size >= maxKeys) windows.clear();
        }
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count <= limit;
    },
    retryAfter(key, now) {
      const w = windows.get(key);
      return w ? Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) : 1;
    },
  };
}
