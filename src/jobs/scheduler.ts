import type { Db } from '../../db/client.ts';
import type { Config } from '../config.ts';
import type { ChannelCapabilities, Clock } from '../core/channel.ts';
import type { ChannelName } from '../core/message.ts';
import type { Logger } from '../core/log.ts';

/** What every job receives. */
export interface JobDeps {
  db: Db;
  config: Config;
  log: Logger;
  capabilities: (channel: ChannelName) => ChannelCapabilities;
}

/** A periodic job: one pass at `now`, returning stats. Jobs only write rows (the outbox sends). */
export interface Job {
  name: string;
  run(deps: JobDeps, now: Date): object | Promise<object>;
}

export interface Scheduler {
  /** Run every job once now (tests and the CLI call this), one after another. Resolves with each job's stats. */
  tick(): Promise<Record<string, object | { error: string }>>;
  start(): void;
  stop(): void;
}

/**
 * Runs each job once a minute. A job that throws is logged and skipped; the others still run, and it runs again
 * next minute (jobs are idempotent, so a missed or repeated minute does no harm).
 */
export function createScheduler(deps: {
  db: Db;
  config: Config;
  log: Logger;
  clock: Clock;
  jobs: readonly Job[];
  capabilities: (channel: ChannelName) => ChannelCapabilities;
  /** Called when a pass queued messages, to wake the outbox. */
  onQueued?: () => void;
  intervalMs?: number;
}): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  async function tick() {
    const now = deps.clock.now();
    const results: Record<string, object | { error: string }> = {};
    for (const job of deps.jobs) {
      try {
        results[job.name] = await job.run({ db: deps.db, config: deps.config, log: deps.log, capabilities: deps.capabilities }, now);
      } catch (err) {
        deps.log.error({ err, job: job.name }, 'job failed; it runs again next minute');
        results[job.name] = { error: (err as Error).message };
      }
    }
    const queued = Object.values(results).some((r) => 'queued' in r && typeof r.queued === 'number' && r.queued > 0);
    if (queued) {
      deps.log.info({ jobs: results }, 'jobs queued messages');
      deps.onQueued?.();
    }
    return results;
  }
  return {
    tick,
    start() {
      // tick never rejects: each job's failure is caught and logged inside it.
      timer = setInterval(() => void tick(), deps.intervalMs ?? 60_000);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
