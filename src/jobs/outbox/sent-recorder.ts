import type { OutboxQueries, SentRecord } from '../../../db/queries/outbox.ts';
import type { SendResult } from '../../core/channel.ts';
import type { Logger } from '../../core/log.ts';

/**
 * Successful sends are recorded in batches: one transaction for every result that arrives in the same turn of the
 * event loop, instead of one commit each. The sender awaits the batch, so a row is never both unrecorded and
 * followed by another send from the same sender: after a crash, at most one row per concurrent sender is sent twice.
 */
export function createSentRecorder(q: OutboxQueries, log: Logger) {
  let pending: SentRecord[] = [];
  let flushing: Promise<void> | undefined;

  function flush(): Promise<void> {
    flushing ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        const records = pending;
        pending = [];
        flushing = undefined;
        q.markSent(records)
          .catch((err: unknown) => log.error({ err, rows: records.length }, 'could not record sent messages; they stay in flight and are sent again after a restart'))
          .finally(resolve);
      });
    });
    return flushing;
  }

  /** Record one accepted send (with the text actually sent, for broadcast rows rendered per person). */
  return function recordSent(id: number, at: Date, result: SendResult, renderedText: string | null): Promise<void> {
    pending.push({ id, at: at.getTime(), providerId: result.providerId ?? null, encoding: result.encoding ?? null, segments: result.segments ?? null, via: result.via ?? null, text: renderedText });
    return flush();
  };
}
