/**
 * Leader election on PostgreSQL: the instance that holds a session-level advisory lock runs the jobs (broadcasts
 * firing, reminders, digests, callback deadlines, and the rate-limited sends, see README "Several instances on
 * PostgreSQL"). No home-made clustering: the lock belongs to one database session, and PostgreSQL frees it when
 * that session ends, however it ends.
 *
 * Each instance keeps one dedicated connection for this (never a pooled one: a pooled client would carry the lock
 * back into the pool). Every `retryMs` a follower tries `pg_try_advisory_lock`, and the leader pings its
 * connection. When the leader's connection dies (server restart, pg_terminate_backend, network), the leader hears
 * it and steps down (onLose), and a follower takes the lock at its next try: within `retryMs`.
 *
 * A leader that hangs or is cut off without the connection closing would keep the lock while the server waits for
 * TCP to notice (hours by default). The session therefore sets idle_session_timeout (PostgreSQL ≥ 14) to three
 * pings: a leader that stops pinging is disconnected by the server and its lock freed. Two leaders can overlap
 * for at most one ping interval (the old one has not noticed yet), so jobs must stay safe to run twice — they are:
 * each claims its rows in the database.
 */
import pg from 'pg';
import { LOCK_SPACE, lockIdOf } from './lock-keys.ts';

export interface LeaderElectionOptions {
  /** The database (same as DATABASE_URL). */
  url: string;
  /** Which election; instances with the same name elect one leader. */
  name?: string;
  /** How often a follower tries to take the lock and the leader checks its connection (default 10 s). */
  retryMs?: number;
  /** This instance became the leader: start the leader's jobs. */
  onGain(): void;
  /** This instance is no longer the leader (connection lost, or stop()): stop them at once. */
  onLose(): void;
  /** A failed connection or query (the election keeps retrying). */
  onError?(err: unknown): void;
}

export interface LeaderElection {
  isLeader(): boolean;
  /** Step down (onLose if leading), free the lock and close the connection. */
  stop(): Promise<void>;
}

export const DEFAULT_LEADER_RETRY_MS = 10_000;

/** The advisory lock's id in LOCK_SPACE.leader for an election's name. */
export const leaderLockId = lockIdOf;

/**
 * Settings of the leader's session: the server ends it (freeing the lock) when it has been idle for three pings,
 * and no query waits longer than one.
 */
export async function prepareLeaderSession(client: pg.Client, retryMs: number): Promise<void> {
  await client.query(`SELECT set_config('idle_session_timeout', $1, false)`, [String(3 * retryMs)]);
}

export function startLeaderElection(opts: LeaderElectionOptions): LeaderElection {
  const retryMs = opts.retryMs ?? DEFAULT_LEADER_RETRY_MS;
  const lockId = leaderLockId(opts.name ?? 'jobs');
  let client: pg.Client | undefined;
  let leader = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const report = (err: unknown) => {
    try {
      opts.onError?.(err);
    } catch {
      // A failing logger must not stop the election.
    }
  };
  const call = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      report(err);
    }
  };

  /** Forget connection `c` (if it is still ours): close it, and step down if we were leading on it. */
  const drop = (c: pg.Client, err?: unknown) => {
    if (client !== c) return;
    client = undefined;
    void c.end().catch(() => {});
    if (leader) {
      leader = false;
      call(opts.onLose);
    }
    if (err !== undefined) report(err);
  };

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({
      connectionString: opts.url,
      application_name: 'bhxh-outreach leader',
      keepAlive: true,
      connectionTimeoutMillis: retryMs,
      query_timeout: retryMs,
    });
    // Emitted when the server or the network ends the connection while no query runs.
    c.on('error', (err) => drop(c, err));
    try {
      await c.connect();
      await prepareLeaderSession(c, retryMs);
    } catch (err) {
      void c.end().catch(() => {});
      throw err;
    }
    return c;
  };

  const once = async () => {
    let c = client;
    try {
      if (!c) {
        c = await connect();
        if (stopped) {
          await c.end();
          return;
        }
        client = c;
      }
      if (leader) {
        await c.query('SELECT 1');
        return;
      }
      const r = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_SPACE.leader, lockId]);
      if (r.rows[0]?.ok && client === c && !stopped) {
        leader = true;
        call(opts.onGain);
      }
    } catch (err) {
      if (c) drop(c, err);
      else report(err);
    }
  };

  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      round = once().finally(() => {
        if (!stopped) schedule(retryMs);
      });
    }, delay);
  };
  schedule(0);

  return {
    isLeader: () => leader,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
      const c = client;
      if (!c) return;
      // Closing the session frees the lock; unlocking first lets a follower see it free without waiting for the close.
      if (leader) await c.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE.leader, lockId]).catch(() => {});
      drop(c);
    },
  };
}
