import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queueNextChunk } from '../../db/queries/broadcasts.ts';
import { performance } from 'node:perf_hooks';
import { broadcasts } from '../../db/schema/index.ts';
import type { Logger } from '../../src/core/log.ts';
import { storedAudience } from './audience.ts';

/** Target time of one chunk (one transaction): the longest the event loop is held while a broadcast queues. */
export const CHUNK_BUDGET_MS = 5;
const FIRST_CHUNK_IDS = 1_000;
const MIN_CHUNK_IDS = 100;
const MAX_CHUNK_IDS = 50_000;

const pumping = new WeakMap<Db, Map<number, Promise<number>>>();

/** True while this process is queueing the broadcast. */
export function isQueueing(db: Db, id: number): boolean {
  return pumping.get(db)?.has(id) ?? false;
}

/** Resolves when every broadcast this process is queueing is queued (tests, shutdown). */
export async function queueingSettled(db: Db): Promise<void> {
  await Promise.all([...(pumping.get(db)?.values() ?? [])]);
}

/**
 * Queue a `sending` broadcast's audience in chunks of contact ids, each an INSERT … SELECT in its own short
 * transaction sized to take about CHUNK_BUDGET_MS, yielding to the event loop between chunks so webhooks and the web chat keep being answered. The
 * cursor is stored with each chunk: after a crash the next fire-broadcasts tick resumes where it stopped. One
 * pump per broadcast per process. Resolves with the rows added.
 */
export function drainQueue(db: Db, id: number, opts: DrainOptions): Promise<number> {
  let running = pumping.get(db);
  if (!running) {
    running = new Map();
    pumping.set(db, running);
  }
  const existing = running.get(id);
  if (existing) return existing;
  const set = running;
  const p = pump(db, id, opts).finally(() => set.delete(id));
  running.set(id, p);
  return p;
}

interface DrainOptions {
  now: () => Date;
  log?: Logger | undefined;
  chunk?: number;
  onQueued?: () => void;
}

async function pump(db: Db, id: number, opts: DrainOptions): Promise<number> {
  let total = 0;
  try {
    // Never inside the caller's turn (a chat command runs in the dispatcher's transaction): begin on the next one.
    await yieldToEventLoop();
    let chunk = opts.chunk ?? FIRST_CHUNK_IDS;
    for (;;) {
      const b = db.select().from(broadcasts).where(eq(broadcasts.id, id)).get();
      if (!b || b.status !== 'sending') break;
      const started = performance.now();
      const { added, done } = queueNextChunk(db, b, storedAudience(b.audience), opts.now(), chunk);
      // Size the next chunk so that one takes about CHUNK_BUDGET_MS: the event loop is never held longer.
      // It at most doubles per step, so one quick chunk cannot make the next one huge.
      if (opts.chunk === undefined) {
        const fit = (chunk * CHUNK_BUDGET_MS) / Math.max(1, performance.now() - started);
        chunk = Math.round(Math.min(MAX_CHUNK_IDS, chunk * 2, Math.max(MIN_CHUNK_IDS, fit)));
      }
      total += added;
      if (added > 0) opts.onQueued?.();
      if (done) break;
      await yieldToEventLoop();
    }
  } catch (err) {
    opts.log?.error({ err, broadcastId: id }, 'queueing a broadcast failed; the next tick resumes it');
  }
  return total;
}
