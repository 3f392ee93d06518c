/**
 * Leader election (db/pg/leader.ts) on a real PostgreSQL, two elections standing for two instances: one leads;
 * when its connection is killed (pg_terminate_backend) or it stops, the other takes over within the retry
 * interval; a leader that hangs is cut off by the server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startLeaderElection, leaderLockId, prepareLeaderSession, type LeaderElection } from '../../db/pg/leader.ts';
import { LOCK_SPACE } from '../../db/pg/lock-keys.ts';
import { hasPg, useTestDatabase } from '../support/pg.ts';

const RETRY_MS = 500;

/** An election that records what it was told, as an instance's job runner would. */
function instance(url: string, name: string, events: string[]): LeaderElection {
  return startLeaderElection({
    url,
    name: 'test-jobs',
    retryMs: RETRY_MS,
    onGain: () => events.push(`${name}+`),
    onLose: () => events.push(`${name}-`),
  });
}

async function until(cond: () => boolean, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
}

/** The backend holding the election's lock, as PostgreSQL sees it. */
async function holderPid(admin: pg.Client): Promise<number | undefined> {
  const r = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::int::oid AND objid = $2::int::oid AND objsubid = 2
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [LOCK_SPACE.leader, leaderLockId('test-jobs')],
  );
  return r.rows[0]?.pid;
}

describe.skipIf(!hasPg)('leader election with an advisory lock', () => {
  const database = useTestDatabase();
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0)) await fn();
  });

  async function admin(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: database.url() });
    await c.connect();
    cleanup.push(() => c.end());
    return c;
  }

  it('elects one leader; when its connection is killed the other takes over within the retry interval', async () => {
    const events: string[] = [];
    const a = instance(database.url(), 'a', events);
    const b = instance(database.url(), 'b', events);
    cleanup.push(() => a.stop(), () => b.stop());
    await until(() => a.isLeader() || b.isLeader(), 5_000);
    // Give the other a few tries: it must stay a follower.
    await new Promise((r) => setTimeout(r, RETRY_MS * 3));
    expect([a.isLeader(), b.isLeader()].filter(Boolean)).toHaveLength(1);
    const [leader, follower, ln, fn] = a.isLeader() ? [a, b, 'a', 'b'] : [b, a, 'b', 'a'];

    const sql = await admin();
    const pid = await holderPid(sql);
    expect(pid).toBeDefined();
    await sql.query('SELECT pg_terminate_backend($1)', [pid]);
    const tookMs = await until(() => follower.isLeader(), 5_000);
    expect(tookMs).toBeLessThan(RETRY_MS * 2 + 500);
    await until(() => !leader.isLeader(), 1_000);
    // The old leader hears of the kill at once, the follower at its next try; either may be told first.
    expect(events[0]).toBe(`${ln}+`);
    expect(events.slice(1).sort()).toEqual([`${fn}+`, `${ln}-`].sort());

    // The old leader reconnects as a follower; the lock now belongs to the new leader's session.
    await new Promise((r) => setTimeout(r, RETRY_MS * 3));
    expect(leader.isLeader()).toBe(false);
    expect(await holderPid(sql)).not.toBe(pid);
  });

  it('a leader that stops hands over: onLose at once, the other leads within the retry interval', async () => {
    const events: string[] = [];
    const a = instance(database.url(), 'a', events);
    await until(() => a.isLeader(), 5_000);
    const b = instance(database.url(), 'b', events);
    cleanup.push(() => b.stop());
    await new Promise((r) => setTimeout(r, RETRY_MS * 2));
    expect(b.isLeader()).toBe(false);
    await a.stop();
    expect(events).toEqual(['a+', 'a-']);
    await until(() => b.isLeader(), RETRY_MS * 2 + 500);
    expect(events).toEqual(['a+', 'a-', 'b+']);
  });

  it('a leader that hangs holding the lock is disconnected by the server, and the other takes over', async () => {
    // A hung instance: its session took the lock with the leader's settings and then sent nothing more.
    const hung = new pg.Client({ connectionString: database.url() });
    hung.on('error', () => {});
    await hung.connect();
    cleanup.push(() => hung.end().catch(() => {}));
    await prepareLeaderSession(hung, RETRY_MS);
    const got = await hung.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_SPACE.leader, leaderLockId('test-jobs')]);
    expect(got.rows[0]?.ok).toBe(true);

    const events: string[] = [];
    const b = instance(database.url(), 'b', events);
    cleanup.push(() => b.stop());
    await new Promise((r) => setTimeout(r, RETRY_MS * 2));
    expect(b.isLeader()).toBe(false);
    // idle_session_timeout is three retry intervals; the follower tries once per interval after that.
    const tookMs = await until(() => b.isLeader(), RETRY_MS * 8);
    expect(tookMs).toBeLessThan(RETRY_MS * 5);
  });
});
