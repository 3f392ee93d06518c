/**
 * One instance wakes another's sender through PostgreSQL (db/pg/outbox-wake.ts): at commit, not before; and the
 * listener comes back after its connection is killed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { closePgDb, openPgDb, type PgDb } from '../../db/pg/client.ts';
import { createWakeNotifier, listenForWakes, wakeSenders, type WakeListener } from '../../db/pg/outbox-wake.ts';
import { hasPg, useTestDatabase } from '../support/pg.ts';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await pause(10);
  }
}

describe.skipIf(!hasPg)('waking the sender of another instance', () => {
  const database = useTestDatabase();
  let writer: PgDb;
  let listener: WakeListener | undefined;
  const woken: string[] = [];
  beforeAll(async () => {
    writer = await openPgDb(database.url());
    listener = listenForWakes({ url: database.url(), onWake: (c) => woken.push(c), retryMs: 100 });
    await pause(200);
  });
  afterAll(async () => {
    await listener?.stop();
    if (writer) await closePgDb(writer);
  });

  it('a wake sent in a transaction arrives at commit', async () => {
    woken.length = 0;
    await writer.transaction(async (tx) => {
      await wakeSenders(tx, 'zalo');
      await pause(150);
      expect(woken).toEqual([]);
    });
    await until(() => woken.length > 0, 1_000);
    expect(woken).toEqual(['zalo']);
  });

  it('a burst of wakes from one instance costs two notifications, and the last one is never skipped', async () => {
    woken.length = 0;
    const errors: unknown[] = [];
    const notify = createWakeNotifier(writer, (err) => errors.push(err));
    for (let i = 0; i < 100; i++) notify(i % 2 === 0 ? 'zalo' : 'sms');
    await until(() => woken.length >= 2, 1_000);
    await pause(200);
    // The first goes at once; the other 99 (two channels) fold into one that follows it.
    expect(woken).toEqual(['zalo', '*']);
    notify('sms');
    await until(() => woken.length === 3, 1_000);
    expect(woken[2]).toBe('sms');
    expect(errors).toEqual([]);
  });

  it('after its connection is killed the listener reconnects, says it may have missed wakes, and hears new ones', async () => {
    woken.length = 0;
    const admin = new pg.Client({ connectionString: database.url() });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bhxh-outreach wake' AND datname = current_database()`);
    } finally {
      await admin.end();
    }
    await until(() => woken.includes('*'), 2_000);
    await wakeSenders(writer, 'sms');
    await until(() => woken.includes('sms'), 1_000);
  });
});
