/**
 * Waking the sender on another instance. With several instances, the outbox rows of rate-limited channels are sent
 * by the leader only (README "Several instances on PostgreSQL"), but a reply is written by whichever instance got
 * the person's message. That instance notifies (pg_notify); the leader listens and runs a pass at once instead of
 * at its next tick. A notification sent in a transaction is delivered at commit, so the woken sender always sees
 * the new rows. Notifications are a shortcut, not the guarantee: the sender's regular tick still finds every row.
 *
 * Wired in src/service.ts: an instance that does not lead notifies after each message that queued rows
 * (`createWakeNotifier`), and the leader listens while it leads (`listenForWakes`).
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { PgDb } from './client.ts';
import type { PgTx } from './contact-lock.ts';

export const OUTBOX_WAKE_CHANNEL = 'bhxh_outbox';

/** Tell the listening senders that `channel` (e.g. 'zalo') has new rows. */
export async function wakeSenders(db: PgDb | PgTx, channel: string): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${OUTBOX_WAKE_CHANNEL}, ${channel})`);
}

/**
 * Wakes sent one at a time: while one is on its way, further calls are folded into a single next one. So a burst of
 * messages costs a few notifications, not one round trip each, and the last of them is never skipped.
 */
export function createWakeNotifier(db: PgDb, onError: (err: unknown) => void): (channel?: string) => void {
  let sending = false;
  let pending = new Set<string>();
  const send = (): void => {
    if (sending || pending.size === 0) return;
    const channel = pending.size === 1 ? [...pending][0]! : '*';
    pending = new Set();
    sending = true;
    wakeSenders(db, channel)
      .catch(onError)
      .finally(() => {
        sending = false;
        send();
      });
  };
  return (channel = '*') => {
    pending.add(channel);
    send();
  };
}

export interface WakeListener {
  stop(): Promise<void>;
}

/**
 * Listen on a dedicated connection (LISTEN cannot share a pooled one). When the connection is lost it reconnects
 * after `retryMs` and calls onWake('*'): wakes sent meanwhile were lost, so the sender should look at every channel.
 */
export function listenForWakes(opts: { url: string; onWake(channel: string): void; onError?(err: unknown): void; retryMs?: number }): WakeListener {
  const retryMs = opts.retryMs ?? 5_000;
  let client: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let first = true;

  const retry = (c: pg.Client, err: unknown) => {
    if (client !== c) return;
    client = undefined;
    void c.end().catch(() => {});
    opts.onError?.(err);
    if (!stopped) timer = setTimeout(() => void connect(), retryMs);
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString: opts.url, application_name: 'bhxh-outreach wake', keepAlive: true });
    client = c;
    c.on('error', (err) => retry(c, err));
    c.on('notification', (n) => {
      if (n.channel === OUTBOX_WAKE_CHANNEL) opts.onWake(n.payload ?? '*');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${OUTBOX_WAKE_CHANNEL}`);
      if (stopped) await c.end();
      else if (!first) opts.onWake('*');
      first = false;
    } catch (err) {
      retry(c, err);
    }
  };
  const ready = connect();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await ready;
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
