import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, transaction } from '../../db/client.ts';
import { addresses, contacts } from '../../db/schema/index.ts';
import { seedDefaults } from '../../db/seed/seed.ts';
import { confirmBroadcast, createDraft } from '../../flows/broadcast/lifecycle.ts';
import { drainQueue } from '../../flows/broadcast/queue.ts';
import { OUTBOX_IN_FLIGHT } from '../../src/jobs/send-outbox.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fakes/telegram.ts';
import { until as waitUntil } from '../support/until.ts';

const BIN = fileURLToPath(new URL('../../bin/bhxh-outreach.js', import.meta.url));
const PEOPLE = 1500;

let fake: FakeTelegram | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await fake?.close();
});

/** A database file holding a broadcast to PEOPLE subscribed Telegram residents, queued and not yet sent. */
async function queuedBroadcast(dataDir: string): Promise<number> {
  const db = openDb(join(dataDir, 'bhxh-outreach.db'));
  const now = new Date();
  await seedDefaults(db, { now });
  await transaction(db, async () => {
    const people = await db
      .insert(contacts)
      .values(Array.from({ length: PEOPLE }, () => ({ role: 'resident' as const, subscribed: true, createdAt: now })))
      .returning({ id: contacts.id });
    await db.insert(addresses).values(people.map((p, i) => ({ address: `telegram:${1001 + i}`, channel: 'telegram' as const, contactId: p.id, createdAt: now })));
  });
  const { broadcast } = await createDraft(db, { text: 'Mời {ten} dự Lễ ra quân', audience: { roles: ['resident'] }, keepDiacritics: false }, { name: 'test', unitScope: 'VN', contactId: null }, now);
  await confirmBroadcast(db, broadcast, now);
  const queued = await drainQueue(db, broadcast.id, { now: () => now });
  await closeDb(db);
  return queued;
}

/** The real service in its own process, sending through the fake Bot API with no rate limit. */
function serve(dataDir: string, telegram: FakeTelegram): ChildProcess {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      RATE_TELEGRAM: '0',
      QUIET_HOURS: '00:00-00:00',
      BULK_DAILY_CAP: '5',
    },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

const sentTo = (t: FakeTelegram) => t.calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.body['chat_id']));

const until = (what: string, ok: () => boolean, ms = 60_000) => waitUntil(what, ok, ms, 5);

describe('a crash in the middle of a broadcast', () => {
  it('kill -9 while sending, then restart: no recipient lost, duplicates at most the in-flight window', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bhxh-crash-'));
    expect(await queuedBroadcast(dataDir)).toBe(PEOPLE);
    fake = await startFakeTelegram();
    const telegram = fake;

    const first = serve(dataDir, telegram);
    await until('the first sends', () => sentTo(telegram).length >= 200);
    first.kill("SIGKILL");
    await new Promise((r) => first.once('exit', r));
    const beforeCrash = sentTo(telegram).length;
    expect(beforeCrash).toBeLessThan(PEOPLE);

    serve(dataDir, telegram);
    await until('everyone reached', () => new Set(sentTo(telegram)).size === PEOPLE);
    // Anything still arriving would be a duplicate: give the restarted service a moment to show it.
    await new Promise((r) => setTimeout(r, 500));
    const all = sentTo(telegram);
    const seen = new Map<string, number>();
    for (const chat of all) seen.set(chat, (seen.get(chat) ?? 0) + 1);
    const duplicates = [...seen.values()].filter((n) => n > 1).length;
    expect(seen.size).toBe(PEOPLE);
    expect(duplicates).toBeLessThanOrEqual(OUTBOX_IN_FLIGHT);
  }, 120_000);
});
