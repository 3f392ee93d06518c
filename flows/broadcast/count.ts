/**
 * Counting an audience by channel without holding the event loop: contact ids are walked in short ranges
 * (chunks.ts), as queueing does. Up to a million people take ~0.5 s of SQLite in all; a chat step may spend a few
 * milliseconds of it at once (countWithin), the rest runs between other work (finishCount). On PostgreSQL each
 * range is a round trip and the event loop is free anyway; the ranges keep each query short.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Db } from '../../db/client.ts';
import { countAudienceRange, maxContactId, type AudienceFilter } from '../../db/queries/broadcasts.ts';
import { ChunkSizer } from './chunks.ts';

/** An audience count in progress: people per channel ('none' = unreachable) and the first person per channel. */
export class AudienceCount {
  total = 0;
  readonly byChannel: Record<string, number> = {};
  /** The lowest contact id per channel: the sample recipient the preview renders the message for. */
  readonly firstByChannel: Record<string, number> = {};
  private through = 0;
  private readonly sizer = new ChunkSizer();

  private constructor(
    private readonly db: Db,
    readonly audience: AudienceFilter,
    private readonly until: number,
  ) {}

  /** A count up to the highest contact id now: people added while counting are not counted (queueing stops at the highest id at confirmation, likewise). */
  static async begin(db: Db, audience: AudienceFilter): Promise<AudienceCount> {
    return new AudienceCount(db, audience, await maxContactId(db));
  }

  get done(): boolean {
    return this.through >= this.until;
  }

  /** Count the next range of ids. */
  async step(): Promise<void> {
    if (this.done) return;
    const to = Math.min(this.until, this.through + this.sizer.begin());
    for (const s of await countAudienceRange(this.db, this.audience, this.through, to)) {
      this.byChannel[s.channel] = (this.byChannel[s.channel] ?? 0) + s.n;
      this.total += s.n;
      // Ranges go up, so the first range a channel appears in holds its lowest id.
      this.firstByChannel[s.channel] ??= s.first;
    }
    this.sizer.end();
    this.through = to;
  }
}

/** Count for at most `budgetMs` now (without yielding to other work); the result says whether it is done. */
export async function countWithin(db: Db, audience: AudienceFilter, budgetMs: number): Promise<AudienceCount> {
  const count = await AudienceCount.begin(db, audience);
  const until = performance.now() + budgetMs;
  while (!count.done && performance.now() < until) await count.step();
  return count;
}

/** Finish a count, yielding to the event loop between ranges. */
export async function finishCount(count: AudienceCount): Promise<AudienceCount> {
  while (!count.done) {
    await yieldToEventLoop();
    await count.step();
  }
  return count;
}

/** Count a whole audience, yielding to the event loop between ranges. */
export async function countAudience(db: Db, audience: AudienceFilter): Promise<AudienceCount> {
  return finishCount(await AudienceCount.begin(db, audience));
}
