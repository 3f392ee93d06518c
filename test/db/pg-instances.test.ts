/**
 * Several instances on one PostgreSQL, as real processes (`bhxh-outreach serve` with DATABASE_URL):
 * - signed Telegram webhooks spread over three instances, each delivered twice (to two instances at once):
 *   every update is processed once and answered once;
 * - 10,000 bulk messages sent through a counting fake Bot API with a rate limit: only the leader sends, so the
 *   deployment never goes over the limit;
 * - the leader is killed with SIGKILL mid-send: another instance takes over, nobody is lost, the rows the dead
 *   leader had claimed are sent again only once their lease has expired, and duplicates stay within the in-flight
 *   window (OUTBOX_IN_FLIGHT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, execute, pgHandle, row, rows } from '../../db/client.ts';
import { openPgDb } from '../../db/pg/client.ts';
import { OUTBOX_IN_FLIGHT } from '../../src/jobs/send-outbox.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fakes/telegram.ts';
import { createTestDatabase, hasPg } from '../support/pg.ts';

const BIN = fileURLToPath(new URL('../../bin/bhxh-outreach.js', import.meta.url));
const PEOPLE = 10_000;
const RATE = 250;
const SECRET = 'multi-instance-secret';
const UPDATES = 300;
/** Shorter than the default minute, so the dead leader's rows come back while the broadcast is still going out. */
const LEASE_SECONDS = 15;

const children: ChildProcess[] = [];
let fake: FakeTelegram | undefined;
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await fake?.close();
});

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** One instance: the real service in its own process, on the shared database. */
function instance(url: string, port: number, telegram: FakeTelegram): ChildProcess {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      LEADER_RETRY_SECONDS: '1',
      OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      RATE_TELEGRAM: String(RATE),
      QUIET_HOURS: '00:00-00:00',
      BULK_DAILY_CAP: '5',
    },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

function postUpdate(port: number, updateId: number, chat: number): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({
      update_id: updateId,
      message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'A' }, text: 'menu' },
    }),
  });
}

const bulkTo = (t: FakeTelegram) => t.calls.filter((c) => c.method === 'sendMessage' && Number(c.body['chat_id']) >= 5_000_000);
const repliesTo = (t: FakeTelegram) => t.calls.filter((c) => c.method === 'sendMessage' && Number(c.body['chat_id']) < 5_000_000);

/** The most messages the fake received in any one-second window. */
function peakPerSecond(stamps: number[]): number {
  const sorted = [...stamps].sort((a, b) => a - b);
  let peak = 0;
  let from = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[from]! >= 1000) from++;
    peak = Math.max(peak, i - from + 1);
  }
  return peak;
}

describe.skipIf(!hasPg)('three instances on one PostgreSQL', () => {
  it('process each webhook once, send each message once (within the in-flight window), hold the rate limit, and survive the leader dying', async () => {
    const database = await createTestDatabase();
    fake = await startFakeTelegram();
    const telegram = fake;
    const ports = [await freePort(), await freePort(), await freePort()];
    try {
      // The first instance migrates and seeds, and leads.
      const leader = instance(database.url, ports[0]!, telegram);
      await until('the first instance', () => healthy(ports[0]!));

      // 10,000 bulk messages queued at once, as a broadcast leaves them.
      const db = pgHandle(await openPgDb(database.url, { max: 2 }));
      const now = Date.now();
      await execute(
        db,
        sql`INSERT INTO contacts (role, subscribed, created_at) SELECT 'resident', true, ${now} FROM generate_series(1, ${PEOPLE})`,
      );
      await execute(
        db,
        sql`INSERT INTO outbox (contact_id, address, channel, text, priority, status, attempts, next_attempt_at, created_at)
            SELECT id, 'telegram:' || (5000000 + id), 'telegram', 'Lễ ra quân 23/5', 1, 'queued', 0, ${now}, ${now} FROM contacts WHERE role = 'resident'`,
      );

      instance(database.url, ports[1]!, telegram);
      instance(database.url, ports[2]!, telegram);
      await until('all three instances', async () => (await healthy(ports[1]!)) && (await healthy(ports[2]!)));

      // Webhooks while the broadcast goes out: each update to two instances at once.
      const posts: Promise<Response>[] = [];
      for (let i = 1; i <= UPDATES; i++) {
        const a = ports[i % 3]!;
        const b = ports[(i + 1) % 3]!;
        posts.push(postUpdate(a, 7_000_000 + i, 1000 + i), postUpdate(b, 7_000_000 + i, 1000 + i));
      }
      const answers = await Promise.all(posts);
      expect(answers.every((r) => r.ok)).toBe(true);

      // Kill the leader in the middle of the sends; another instance takes over.
      await until('the first sends', () => bulkTo(telegram).length >= 1500);
      const killedAt = Date.now();
      leader.kill('SIGKILL');
      await new Promise((r) => leader.once('exit', r));
      expect(bulkTo(telegram).length).toBeLessThan(PEOPLE);
      // What the dead leader had claimed (often nothing: a batch is sent in a few ms of each tenth of a second): its
      // lease says when another instance may send it again. test/jobs/send-outbox-lease.test.ts always has some.
      const leased = await rows<{ chat: string; until: number }>(
        db,
        sql`SELECT substr(address, 10) AS chat, claimed_until AS until FROM outbox WHERE status = 'sending' AND channel = 'telegram'`,
      );
      expect(leased.every((r) => r.until > killedAt && r.until <= killedAt + LEASE_SECONDS * 1000)).toBe(true);

      await until('everyone reached', () => new Set(bulkTo(telegram).map((c) => c.body['chat_id'])).size === PEOPLE, 120_000);
      await new Promise((r) => setTimeout(r, 1000));

      const sent = bulkTo(telegram);
      const perChat = new Map<unknown, number>();
      for (const c of sent) perChat.set(c.body['chat_id'], (perChat.get(c.body['chat_id']) ?? 0) + 1);
      const duplicates = [...perChat.values()].filter((n) => n > 1).length;
      expect(perChat.size).toBe(PEOPLE);
      expect(duplicates).toBeLessThanOrEqual(OUTBOX_IN_FLIGHT);
      // Never sent again while the dead leader's lease covered them; sent once it had expired.
      const lastSendTo = new Map<string, number>();
      for (const c of sent) lastSendTo.set(String(c.body['chat_id']), c.at);
      for (const r of leased) expect(lastSendTo.get(r.chat), `chat ${r.chat}`).toBeGreaterThanOrEqual(r.until);
      // One sender at a time: the whole deployment never goes over the channel's limit (the sender counts each
      // request until a second after the provider answered it, so 250/s exactly in every run; 5 % kept for clock
      // jitter), and sends close to it after the hand-over. The goal is within 5 %; measured 234-236/s on this
      // 2-core machine while other work ran on it (docs/BENCHMARKS.md), so the test holds a floor of 85 %.
      // Replies share the channel's limit with the bulk messages: count every send.
      const stamps = telegram.calls.filter((c) => c.method === 'sendMessage').map((c) => c.at).sort((a, b) => a - b);
      const peak = peakPerSecond(stamps);
      expect(peak).toBeLessThanOrEqual(RATE * 1.05);
      let gapAt = 1;
      for (let i = 1; i < stamps.length; i++) if (stamps[i]! - stamps[i - 1]! > stamps[gapAt]! - stamps[gapAt - 1]!) gapAt = i;
      const after = stamps.slice(gapAt);
      const steady = (after.length - 1) / ((after.at(-1)! - after[0]!) / 1000);
      expect(steady).toBeGreaterThanOrEqual(RATE * 0.85);
      process.stderr.write(
        `three instances: ${PEOPLE} sent to ${perChat.size} people, ${duplicates} duplicates (in-flight window ${OUTBOX_IN_FLIGHT}), ` +
          `${leased.length} rows leased by the dead leader, hand-over gap ${stamps[gapAt]! - stamps[gapAt - 1]!} ms, steady ${steady.toFixed(1)}/s and peak ${peak}/s against ${RATE}/s\n`,
      );

      // Every update processed once and answered once, whichever instances received it.
      const inbound = await row<{ n: number }>(db, sql`SELECT count(*) AS n FROM inbound_messages WHERE channel = 'telegram'`);
      expect(Number(inbound?.n)).toBe(UPDATES);
      await until('the replies', () => new Set(repliesTo(telegram).map((c) => c.body['chat_id'])).size === UPDATES);
      expect(repliesTo(telegram)).toHaveLength(UPDATES);
      await closeDb(db);
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 200));
      await database.drop();
    }
  }, 240_000);
});
