// Group commit: work submitted in the same turn of the event loop shares one transaction, each piece in its own
// savepoint, so under load many messages cost one commit. Nobody gets a result before that commit.
import type { Db } from '../../../db/client.ts';
import { transaction } from '../../../db/client.ts';

/** Queues work for the next group commit; the promise settles once the shared transaction has committed. */
export type GroupCommit<I, R> = (item: I) => Promise<R>;

/**
 * Build a group committer. `work` runs inside the transaction (in its own savepoint: a throw rolls back only that
 * item); `afterCommit` runs for each successful item once the transaction has committed, before it is resolved.
 */
export function createGroupCommit<I, R>(db: Db, work: (item: I) => Promise<R>, afterCommit?: (item: I, result: R) => void): GroupCommit<I, R> {
  let batch: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];

  async function flush(): Promise<void> {
    const pending = batch;
    batch = [];
    const outcomes: ({ ok: true; result: R } | { ok: false; error: unknown })[] = [];
    try {
      await transaction(db, async () => {
        // One at a time: the pieces share the connection, and each savepoint must close before the next opens.
        for (const p of pending) {
          try {
            outcomes.push({ ok: true, result: await transaction(db, () => work(p.item)) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing was stored, so every sender gets the error (webhooks answer 5xx and retry).
      for (const p of pending) p.reject(error);
      return;
    }
    pending.forEach((p, i) => {
      const outcome = outcomes[i];
      if (!outcome?.ok) return p.reject(outcome?.error);
      afterCommit?.(p.item, outcome.result);
      p.resolve(outcome.result);
    });
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      batch.push({ item, resolve, reject });
      if (batch.length === 1) setImmediate(() => void flush());
    });
}
