/**
 * Several instances on one PostgreSQL, as real processes (`bhxh-outreach serve` with DATABASE_URL), driven the way
 * a deployment is: signed Telegram webhooks spread over three instances, each delivered to two of them at once, a
 * bulk send through a counting fake Bot API with a rate limit, and the leader killed with SIGKILL mid-send and
 * started again. Shared
 * by test/db/pg-instances.test.ts (which asserts on what it returns) and bench/instances.ts (which reports it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { closeDb, execute, pgHandle, row, rows } from '../../db/client.ts';
import { openPgDb } from '../../db/pg/client.ts';
import { startFakeTelegram, type FakeTelegram, type FakeTelegramCall } from './fakes/telegram.ts';
import { until as waitUntil } from './until.ts';

const BIN = fileURLToPath(new URL('../../bin/bhxh-outreach.js', import.meta.url));
const SECRET = 'multi-instance-secret';
/** Bulk recipients' chat ids start here; webhook senders' are below. */
const BULK_CHAT_BASE = 5_000_000;

export interface InstancesOptions {
  people: number;
  rate: number;
  updates: number;
  /** Shorter than the default minute, so the dead leader's rows come back while the broadcast is still going out. */
  leaseSeconds: number;
}

export interface InstancesOutcome {
  /** Webhook answers that were not 2xx (each update posted to two instances at once). */
  failedPosts: number;
  /** The killed instance, started again on its port, answers its health check by the end. */
  restarted: boolean;
  /** Bulk messages the fake had received when the leader was killed. */
  sentBeforeKill: number;
  /** Rows under the dead leader's lease when it died, and when their lease ended. */
  leased: { chat: string; until: number }[];
  killedAt: number;
  /** Bulk sendMessage calls the fake received, and the bulk recipients reached. */
  bulkSends: number;
  people: number;
  /** Chats (bulk recipients or webhook senders) that got a message twice, and the last time each chat got one. */
  duplicates: number;
  lastSendTo: Map<string, number>;
  /** The most sends in any one-second window, the hand-over's gap and the rate after it. */
  peak: number;
  gapMs: number;
  steady: number;
  /** Inbound rows stored for the webhooks, and replies sent to their senders. */
  inbound: number;
  replies: number;
  replyChats: number;
  /** When the fake received each send, in order. */
  stamps: number[];
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

const until = (what: string, ok: () => boolean | Promise<boolean>, ms = 90_000) => waitUntil(what, ok, ms, 50);

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

const sends = (t: FakeTelegram): FakeTelegramCall[] => t.calls.filter((c) => c.method === 'sendMessage');
const bulkTo = (t: FakeTelegram) => sends(t).filter((c) => Number(c.body['chat_id']) >= BULK_CHAT_BASE);
const repliesTo = (t: FakeTelegram) => sends(t).filter((c) => Number(c.body['chat_id']) < BULK_CHAT_BASE);

/** The most messages received in any one-second window. */
export function peakPerSecond(stamps: readonly number[]): number {
  const sorted = [...stamps].sort((a, b) => a - b);
  let peak = 0;
  let from = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[from]! >= 1000) from++;
    peak = Math.max(peak, i - from + 1);
  }
  return peak;
}

/**
 * The hand-over: the longest gap between two sends after `from` (the kill: a stall before it, while three
 * processes start on two cores, is not the hand-over), and the rate from the first send after it to the last one.
 */
export function rateAfterHandOver(sorted: readonly number[], from: number): { gapMs: number; steady: number } {
  const first = Math.max(1, sorted.findIndex((t) => t >= from));
  let gapAt = first;
  for (let i = first; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! > sorted[gapAt]! - sorted[gapAt - 1]!) gapAt = i;
  const after = sorted.slice(gapAt);
  return { gapMs: sorted[gapAt]! - sorted[gapAt - 1]!, steady: (after.length - 1) / ((after.at(-1)! - after[0]!) / 1000) };
}

/** Run the whole scenario on the (empty) database at `url`; the processes and the fake are gone when it returns. */
export async function runInstances(url: string, opts: InstancesOptions): Promise<InstancesOutcome> {
  const children: ChildProcess[] = [];
  const telegram = await startFakeTelegram();
  const instance = (port: number): ChildProcess => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        LEADER_RETRY_SECONDS: '1',
        OUTBOX_LEASE_SECONDS: String(opts.leaseSeconds),
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        RATE_TELEGRAM: String(opts.rate),
        QUIET_HOURS: '00:00-00:00',
        BULK_DAILY_CAP: '5',
      },
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  };
  const ports = [await freePort(), await freePort(), await freePort()];
  const db = pgHandle(await openPgDb(url, { max: 2 }));
  try {
    // The first instance migrates and seeds, and leads.
    const leader = instance(ports[0]!);
    await until('the first instance', () => healthy(ports[0]!));

    // The bulk messages queued at once, as a broadcast leaves them.
    const now = Date.now();
    await execute(db, sql`INSERT INTO contacts (role, subscribed, created_at) SELECT 'resident', true, ${now} FROM generate_series(1, ${opts.people})`);
    await execute(
      db,
      sql`INSERT INTO outbox (contact_id, address, channel, text, priority, status, attempts, next_attempt_at, created_at)
          SELECT id, 'telegram:' || (${BULK_CHAT_BASE} + id), 'telegram', 'Lễ ra quân 23/5', 1, 'queued', 0, ${now}, ${now} FROM contacts WHERE role = 'resident'`,
    );

    instance(ports[1]!);
    instance(ports[2]!);
    await until('all three instances', async () => (await healthy(ports[1]!)) && (await healthy(ports[2]!)));

    // Webhooks while the broadcast goes out: each update to two instances at once.
    const posts: Promise<Response>[] = [];
    for (let i = 1; i <= opts.updates; i++) {
      const a = ports[i % 3]!;
      const b = ports[(i + 1) % 3]!;
      posts.push(postUpdate(a, 7_000_000 + i, 1000 + i), postUpdate(b, 7_000_000 + i, 1000 + i));
    }
    const answers = await Promise.all(posts);

    // Kill the leader in the middle of the sends; another instance takes over.
    await until('the first sends', () => bulkTo(telegram).length >= Math.min(1500, opts.people / 4));
    const killedAt = Date.now();
    leader.kill('SIGKILL');
    await new Promise((r) => leader.once('exit', r));
    const sentBeforeKill = bulkTo(telegram).length;
    // Started again, as a process supervisor (systemd, Kubernetes) would: it joins the others on the database.
    instance(ports[0]!);
    // What the dead leader had claimed (often nothing: a batch is sent in a few ms of each tenth of a second): its
    // lease says when another instance may send it again.
    const leased = await rows<{ chat: string; until: number }>(
      db,
      sql`SELECT substr(address, 10) AS chat, claimed_until AS until FROM outbox WHERE status = 'sending' AND channel = 'telegram'`,
    );

    await until('everyone reached', () => new Set(bulkTo(telegram).map((c) => c.body['chat_id'])).size === opts.people, 180_000);
    const restarted = await healthy(ports[0]!);
    await until('the replies', () => new Set(repliesTo(telegram).map((c) => c.body['chat_id'])).size === opts.updates);
    await new Promise((r) => setTimeout(r, 1000));

    // Bulk messages and replies alike: a reply in flight when the leader died is leased and sent again too.
    const perChat = new Map<string, number>();
    const lastSendTo = new Map<string, number>();
    for (const c of sends(telegram)) {
      const chat = String(c.body['chat_id']);
      perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
      lastSendTo.set(chat, c.at);
    }
    // Replies share the channel's limit with the bulk messages: every send counts.
    const stamps = sends(telegram).map((c) => c.at).sort((a, b) => a - b);
    const inbound = await row<{ n: number }>(db, sql`SELECT count(*) AS n FROM inbound_messages WHERE channel = 'telegram'`);
    return {
      failedPosts: answers.filter((r) => !r.ok).length,
      restarted,
      sentBeforeKill,
      leased,
      killedAt,
      bulkSends: bulkTo(telegram).length,
      people: new Set(bulkTo(telegram).map((c) => c.body['chat_id'])).size,
      duplicates: [...perChat.values()].filter((n) => n > 1).length,
      lastSendTo,
      peak: peakPerSecond(stamps),
      ...rateAfterHandOver(stamps, killedAt),
      inbound: Number(inbound?.n),
      replies: repliesTo(telegram).length,
      replyChats: new Set(repliesTo(telegram).map((c) => c.body['chat_id'])).size,
      stamps,
    };
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await closeDb(db);
    await telegram.close();
    await new Promise((r) => setTimeout(r, 200));
  }
}
