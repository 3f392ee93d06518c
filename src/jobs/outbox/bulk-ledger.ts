import type { BulkFacts, OutboxQueries } from '../../../db/queries/outbox.ts';

/** What the daily cap needs about one bulk recipient: the facts last read, and bulk rows let through since. */
export interface BulkCounts {
  /** Opted out and bulk messages sent in the last 24 h, as last read from the database. */
  factsOf(contactId: number): BulkFacts | undefined;
  /** Bulk rows let through that the last read may not have counted (being sent, or finished after it began). */
  pendingOf(contactId: number): number;
  /** A bulk row to this contact goes out now. */
  letThrough(contactId: number): void;
}

interface Entry {
  facts: BulkFacts | undefined;
  /** Batches in flight that hold rows of this contact. */
  refs: number;
  /** Rows let through and not yet counted by a read. */
  pending: number;
  /** Of those, rows finished (recorded, or failed) since the last read began. */
  settled: number;
}

/**
 * The daily cap while batches overlap (the send loop claims the next batch while the last one is still being sent).
 * Each batch reads its bulk recipients' facts in one query (`bulkFacts`); a row let through counts as pending until
 * a read that began after it finished has counted it from the database. A row that finishes while a read runs is
 * counted twice for a moment (the safe side: held an hour, never over the cap). Entries live while a batch holds
 * rows of their contact, so a million-person broadcast keeps only its batches' recipients in memory.
 */
export function createBulkLedger(q: Pick<OutboxQueries, 'bulkFacts'>) {
  const entries = new Map<number, Entry>();

  return {
    /** Read the facts of a batch's bulk recipients (call `release` with the same ids when the batch is done). */
    async read(contactIds: readonly number[], since: number): Promise<void> {
      const settledBefore = contactIds.map((id) => {
        let e = entries.get(id);
        if (!e) entries.set(id, (e = { facts: undefined, refs: 0, pending: 0, settled: 0 }));
        e.refs++;
        return e.settled;
      });
      const fresh = await q.bulkFacts(contactIds, since);
      contactIds.forEach((id, i) => {
        const e = entries.get(id);
        if (!e) return;
        // Rows that finished before this read began are in its counts now.
        const counted = settledBefore[i] ?? 0;
        e.facts = fresh.get(id);
        e.pending -= counted;
        e.settled -= counted;
      });
    },
    /** The batch that read these recipients is done. */
    release(contactIds: readonly number[]): void {
      for (const id of contactIds) {
        const e = entries.get(id);
        if (e && --e.refs <= 0) entries.delete(id);
      }
    },
    /** A row let through has finished (recorded as sent, or failed): the next read counts it from the database. */
    settle(contactId: number): void {
      const e = entries.get(contactId);
      if (e) e.settled++;
    },
    counts: {
      factsOf: (id) => entries.get(id)?.facts,
      pendingOf: (id) => entries.get(id)?.pending ?? 0,
      letThrough(id) {
        const e = entries.get(id);
        if (e) e.pending++;
      },
    } satisfies BulkCounts,
  };
}

export type BulkLedger = ReturnType<typeof createBulkLedger>;
