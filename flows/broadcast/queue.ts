import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { engineOf, type Db } from '../../db/client.ts';
import { broadcastToQueue, queueNextChunk } from '../../db/queries/broadcast-queue.ts';
import type { Logger } from '../../src/core/log.ts';
import { storedAudience } from './audience.ts';
import { ChunkSizer, CHUNK_BUDGET_MS, PG_CHUNK_BUDGET_MS } from './chunks.ts';
import { detached } from './detached.ts';

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
 * transaction sized to take about CHUNK_BUDGET_MS (chunks.ts), yielding to the event loop between chunks so webhooks and the web chat keep being answered. The
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
  const p = detached(() => pump(db, id, opts)).finally(() => set.delete(id));
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
    // Never inside the caller's turn (a chat command runs in the dispatcher's transaction): begin on the next one,
    // outside that transaction (detached above), each chunk in a transaction of its own.
    await yieldToEventLoop();
    const sizer = new ChunkSizer(opts.chunk, engineOf(db) === 'pg' ? PG_CHUNK_BUDGET_MS : CHUNK_BUDGET_MS);
    // Read once: each chunk checks the status and cursor itself, inside its transaction (a cancel stops it).
    const b = await broadcastToQueue(db, id);
    if (!b || b.status !== 'sending') return 0;
    const audience = storedAudience(b.audience);
    for (;;) {
      const { added, done } = await queueNextChunk(db, b, audience, opts.now(), sizer.begin());
      sizer.end();
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
