import type { Db } from '../../../db/client.ts';
import type { OutboxQueries } from '../../../db/queries/outbox.ts';
import type { SendResult } from '../../core/channel.ts';
import type { Logger } from '../../core/log.ts';

type MarkSentArgs = Parameters<OutboxQueries['markSent']['run']>;

/**
 * Successful sends are recorded in batches: one transaction for every result that arrives in the same turn of the
 * event loop, instead of one commit each. The sender awaits the batch, so a row is never both unrecorded and
 * followed by another send from the same sender: after a crash, at most one row per concurrent sender is sent twice.
 */
export function createSentRecorder(db: Db, q: OutboxQueries, log: Logger) {
  let pending: MarkSentArgs[] = [];
  let flushing: Promise<void> | undefined;
  const writeBatch = db.$client.transaction((rows: MarkSentArgs[]) => {
    for (const r of rows) q.markSent.run(...r);
  });

  function flush(): Promise<void> {
    flushing ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        const rows = pending;
        pending = [];
        flushing = undefined;
        try {
          writeBatch(rows);
        } catch (err) {
          log.error({ err, rows: rows.length }, 'could not record sent messages; they stay in flight and are sent again after a restart');
        }
        resolve();
      });
    });
    return flushing;
  }

  /** Record one accepted send (with the text actually sent, for broadcast rows rendered per person). */
  return function recordSent(id: number, at: Date, result: SendResult, renderedText: string | null): Promise<void> {
    pending.push([at.getTime(), result.providerId ?? null, result.encoding ?? null, result.segments ?? null, result.via ?? null, renderedText, id]);
    return flush();
  };
}
