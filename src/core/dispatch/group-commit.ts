// Group commit: work submitted in the same turn of the event loop shares one transaction, so under load many
// messages cost one commit. Nobody gets a result before that commit.
import type { Db } from '../../../db/client.ts';
import { transaction } from '../../../db/client.ts';

/** Queues work for the next group commit; the promise settles once the shared transaction has committed. */
export type GroupCommit<I, R> = (item: I) => Promise<R>;

interface Pending<I, R> {
  item: I;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

/**
 * Build a group committer. `work` runs inside the transaction; `afterCommit` runs for each successful item once
 * the transaction has committed, before it is resolved.
 *
 * The pieces of a batch share the transaction without savepoints of their own (two statements less per piece). If
 * one throws, the whole batch is rolled back and each piece runs again in a transaction of its own, so the failure
 * stays with its sender and the others are stored. `work` may await the database only (see transaction()), so
 * running it again after a rollback repeats nothing but database work.
 */
export function createGroupCommit<I, R>(db: Db, work: (item: I) => Promise<R>, afterCommit?: (item: I, result: R) => void): GroupCommit<I, R> {
  let batch: Pending<I, R>[] = [];

  const settle = (p: Pending<I, R>, result: R): void => {
    afterCommit?.(p.item, result);
    p.resolve(result);
  };

  /** One piece in a transaction of its own. */
  async function alone(p: Pending<I, R>): Promise<void> {
    let result: R;
    try {
      result = await transaction(db, () => work(p.item));
    } catch (error) {
      return p.reject(error);
    }
    settle(p, result);
  }

  async function flush(): Promise<void> {
    const pending = batch;
    batch = [];
    if (pending.length === 1) return alone(pending[0]!);
    let results: R[];
    try {
      results = await transaction(db, async () => {
        // One at a time: the pieces share the connection.
        const out: R[] = [];
        for (const p of pending) out.push(await work(p.item));
        return out;
      });
    } catch {
      // A piece failed (or the commit did): nothing of the batch was stored. Each piece again, on its own.
      for (const p of pending) await alone(p);
      return;
    }
    pending.forEach((p, i) => settle(p, results[i]!));
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      batch.push({ item, resolve, reject });
      if (batch.length === 1) setImmediate(() => void flush());
    });
}
