import { Worker } from 'node:worker_threads';
import type { WireAnswer } from './answer-wire.ts';

/**
 * Answer workers: threads that each hold the FAQ index and answer texts, so that answering (a third of a
 * millisecond of regular expressions and scoring per question) runs beside the event loop instead of on it. The
 * event loop then only receives webhooks, reads and writes the database and sends responses; a burst of long
 * questions no longer delays a staff report or a provider's webhook.
 *
 * `answer` never fails: it resolves null whenever a worker cannot answer in time (starting, busy beyond its queue,
 * crashed, or too slow), and the caller answers on its own thread as it would without workers.
 */
export interface AnswerPool {
  /** The answer to `text` on `day` (YYYY-MM-DD, Vietnam), or null when no worker could give it in time. */
  answer(text: string, day: string): Promise<WireAnswer | null>;
  /** Stop the workers (answers still pending resolve null). */
  close(): Promise<void>;
  /** Workers started and ready, texts answered by them, and texts handed back to the caller unanswered. */
  stats(): AnswerPoolStats;
}

export interface AnswerPoolStats {
  workers: number;
  ready: number;
  answered: number;
  handedBack: number;
}

export interface AnswerPoolOptions {
  size: number;
  /** Knowledge-base directory (default: the one kb.ts reads). */
  kbDir?: string;
  /** Texts waiting per worker beyond which the caller answers itself (bounded latency under overload). */
  maxQueue?: number;
  /** After this long an answer is given up (resolved null) and the caller answers itself. */
  timeoutMs?: number;
  /** Told when a worker fails (it is started again at the next text: at most three restarts per worker in all). */
  onError?: (err: unknown) => void;
}

interface Slot {
  worker: Worker | null;
  ready: boolean;
  pending: Map<number, { resolve: (a: WireAnswer | null) => void; timer: NodeJS.Timeout }>;
}

const WORKER_ENTRY = new URL('./answer-worker.js', import.meta.url);

export function createAnswerPool(opts: AnswerPoolOptions): AnswerPool {
  const maxQueue = opts.maxQueue ?? 32;
  const timeoutMs = opts.timeoutMs ?? 2_000;
  let restartsLeft = 3 * opts.size;
  let closed = false;
  let nextId = 1;
  let answered = 0;
  let handedBack = 0;
  const back = (): Promise<null> => {
    handedBack++;
    return Promise.resolve(null);
  };
  const slots: Slot[] = Array.from({ length: opts.size }, () => ({ worker: null, ready: false, pending: new Map() }));

  const failAll = (slot: Slot): void => {
    for (const p of slot.pending.values()) {
      clearTimeout(p.timer);
      handedBack++;
      p.resolve(null);
    }
    slot.pending.clear();
  };

  function start(slot: Slot): void {
    const worker = new Worker(WORKER_ENTRY, { workerData: { kbDir: opts.kbDir } });
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (m: { ready?: true; id?: number; answer?: WireAnswer; error?: string }) => {
      if (m.ready) {
        slot.ready = true;
        return;
      }
      const p = m.id === undefined ? undefined : slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id!);
      clearTimeout(p.timer);
      if (m.error !== undefined) opts.onError?.(new Error(`answer worker: ${m.error}`));
      if (m.answer) answered++;
      else handedBack++;
      p.resolve(m.answer ?? null);
    });
    const gone = (err?: unknown): void => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      slot.ready = false;
      failAll(slot);
      if (!closed && err) opts.onError?.(err);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(code === 0 ? undefined : new Error(`answer worker exited with code ${code}`)));
    // The workers never keep the process alive: a service that closes, or a test that ends, just exits. (After the
    // listeners: adding a 'message' listener refs the worker again.)
    worker.unref();
  }

  for (const slot of slots) start(slot);

  return {
    answer(text, day) {
      if (closed) return back();
      // The least busy ready worker; a dead one is started again (its first texts are answered by the caller).
      let best: Slot | undefined;
      for (const slot of slots) {
        if (!slot.worker && restartsLeft > 0) {
          restartsLeft--;
          start(slot);
        }
        if (slot.worker && slot.ready && slot.pending.size < maxQueue && (!best || slot.pending.size < best.pending.size)) best = slot;
      }
      if (!best) return back();
      const slot = best;
      const id = nextId++;
      return new Promise<WireAnswer | null>((resolve) => {
        const timer = setTimeout(() => {
          slot.pending.delete(id);
          handedBack++;
          resolve(null);
        }, timeoutMs);
        timer.unref();
        slot.pending.set(id, { resolve, timer });
        slot.worker!.postMessage({ id, text, day });
      });
    },
    stats: () => ({ workers: slots.filter((x) => x.worker).length, ready: slots.filter((x) => x.ready).length, answered, handedBack }),
    async close() {
      closed = true;
      await Promise.all(
        slots.map(async (slot) => {
          const w = slot.worker;
          slot.worker = null;
          failAll(slot);
          if (w) await w.terminate();
        }),
      );
    },
  };
}
