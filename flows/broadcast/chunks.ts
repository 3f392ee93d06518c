import { performance } from 'node:perf_hooks';

/**
 * Target time of one chunk of work on a million-person audience (one queueing transaction, one counting query):
 * the longest the event loop is held, so the web chat and webhooks are answered between chunks.
 */
export const CHUNK_BUDGET_MS = 5;
/**
 * On PostgreSQL a chunk holds no event loop (the process waits on the socket) and each costs a transaction's round
 * trips and commit: longer chunks, so the queueing is not spent on commits (at 5 ms, 200,000 rows took 1.8 × a bare
 * INSERT … SELECT; at 50 ms, 0.95 ×).
 */
export const PG_CHUNK_BUDGET_MS = 50;
const FIRST_CHUNK_IDS = 1_000;
// Not below: on a loaded machine a chunk's wall time overstates its work, and tiny chunks only add overhead.
const MIN_CHUNK_IDS = 500;
const MAX_CHUNK_IDS = 50_000;

/**
 * How many contact ids the next chunk covers, sized from the last one's time so that a chunk takes about
 * CHUNK_BUDGET_MS. It at most doubles per step, so one quick chunk (ids with nobody behind them) cannot make the
 * next one huge. A fixed size (tests) turns the sizing off.
 */
export class ChunkSizer {
  private ids: number;
  private started = 0;

  constructor(
    private readonly fixed?: number,
    private readonly budgetMs = CHUNK_BUDGET_MS,
  ) {
    this.ids = fixed ?? FIRST_CHUNK_IDS;
  }

  /** Ids for the chunk about to run (and its start time). */
  begin(): number {
    this.started = performance.now();
    return this.ids;
  }

  /** The chunk ended: size the next one. */
  end(): void {
    if (this.fixed !== undefined) return;
    const fit = (this.ids * this.budgetMs) / Math.max(0.5, performance.now() - this.started);
    this.ids = Math.round(Math.min(MAX_CHUNK_IDS, this.ids * 2, Math.max(MIN_CHUNK_IDS, fit)));
  }
}
