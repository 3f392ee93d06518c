import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { row, type Db } from '../../db/client.ts';
import { addresses, contacts } from '../../db/schema/index.ts';
import { loadConfig, type Env } from '../../src/config.ts';
import { SendError, type Channel, type ChannelDeps, type DispatchResult, type SendErrorKind, type SendResult } from '../../src/core/channel.ts';
import type { fixedClock } from '../../src/core/clock.ts';
import type { Logger } from '../../src/core/log.ts';
import { channelOf, type Address, type InboundEvent, type OutboundMessage } from '../../src/core/message.ts';
import { guardNetwork } from '../support/network-guard.ts';
import { PEOPLE } from '../support/seed.ts';
import { startTestService, type TestService } from '../support/service.ts';

// The courier-style harness, one for every channel: each channel's test file is data (captured payloads, a table
// of inbound cases, a table of outbound cases) run through these few functions. Requests go through the real
// service (its Express app, the one webhook module, the real dispatcher) on a fresh in-memory database per test;
// nothing may leave 127.0.0.1; secrets and the named people's phone numbers never reach the logs.

/** 2026-05-20 10:00 in Asia/Ho_Chi_Minh: daytime, so Zalo's night rule does not interfere. */
export const DEFAULT_NOW = '2026-05-20T03:00:00Z';

/** Build one channel from the service's deps and the parsed environment (each channel's `create…Channel`). */
export type CreateChannel = (deps: ChannelDeps, env: Env) => Channel | null;

export interface BotHarness {
  url: string;
  t: TestService;
  db: Db;
  log: Logger;
  clock: ReturnType<typeof fixedClock>;
  /** The channel under test, as the service mounted it. */
  channel: Channel;
  /** Every event the channel handed to the dispatcher (webhook or polling), with what the dispatcher did. */
  dispatched: { event: InboundEvent; result: DispatchResult }[];
  logs(): string;
  /** POST a delivery to the service (to `request.path`, or `path`). */
  post(path: string, request: WebhookRequest): Promise<{ status: number; body: string; contentType: string }>;
  close(): Promise<void>;
}

/** A webhook delivery as the provider would make it. */
export interface WebhookRequest {
  /** Where it goes when not the table's path. */
  path?: string;
  headers: Record<string, string>;
  body: string | Buffer;
}

/**
 * Start the whole service (manual outbox) with the channel under test built by `create` from `env`, on 127.0.0.1,
 * with a captured debug log and a fixed clock. Requests leaving 127.0.0.1 are refused until `close()`.
 */
export async function startBotHarness(opts: { env: Record<string, string>; create: CreateChannel; now?: string }): Promise<BotHarness> {
  const restoreNetwork = guardNetwork();
  const env = loadConfig(opts.env).env;
  const dispatched: BotHarness['dispatched'] = [];
  let channel: Channel | null = null;
  let t: TestService;
  try {
    t = await startTestService({
      now: opts.now ?? DEFAULT_NOW,
      env: opts.env,
      options: {
        manualOutbox: true,
        extraChannels: (deps) => {
          const recordingDeps: ChannelDeps = {
            ...deps,
            async submit(event, o) {
              const result = await deps.submit(event, o);
              dispatched.push({ event, result });
              return result;
            },
          };
          const built = opts.create(recordingDeps, env);
          // Webhook events are dispatched by the HTTP module; ack sees each with its result.
          channel = built && {
            ...built,
            ack(input) {
              input.events.forEach((event, i) => {
                const result = input.results[i];
                if (result) dispatched.push({ event, result });
              });
              return built.ack(input);
            },
          };
          return channel ? [channel] : [];
        },
      },
    });
  } catch (err) {
    restoreNetwork();
    throw err;
  }
  if (!channel) {
    await t.close();
    restoreNetwork();
    throw new Error('the channel is off: the test env lacks its variables');
  }
  const mounted: Channel = channel;
  return {
    url: t.url,
    t,
    db: t.service.db,
    log: t.service.log,
    clock: t.clock,
    channel: mounted,
    dispatched,
    logs: t.logs,
    async post(path, request) {
      const res = await fetch(t.url + (request.path ?? path), { method: 'POST', headers: request.headers, body: request.body });
      return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') ?? '' };
    },
    async close() {
      try {
        await t.close();
      } finally {
        restoreNetwork();
      }
    },
  };
}

/** One inbound case: deliveries in (a replay sends the same one twice) → statuses and normalised events out. */
export interface InboundCase {
  name: string;
  /** Environment overrides for this case ('' unsets a variable). */
  env?: Record<string, string>;
  requests: WebhookRequest[];
  /** HTTP status of each request, in order. */
  statuses: number[];
  /** The body of the last answer. */
  body?: RegExp;
  /** The Content-Type of the last answer. */
  contentType?: RegExp;
  /** Events handed to the dispatcher, in order (partial match); [] means nothing was dispatched. */
  events: Partial<InboundEvent>[];
  /** What the dispatcher did with each event (e.g. ['handled', 'duplicate'] for a replay). */
  results?: DispatchResult['status'][];
  /** inbound_messages rows stored at the end (nothing stored for refused requests). */
  stored?: number;
  /** Strings that must not reach the logs in this case (texts, names), on top of the table's secrets. */
  neverLogged?: string[];
  /** Move the clock before the requests (e.g. a redelivery hours later). */
  between?: (h: BotHarness, index: number) => void;
  /** Extra assertions on what the core did with the events (one line each, e.g. the phone linked). */
  check?: (h: BotHarness) => void | Promise<void>;
}

/** Run a table of inbound cases, each on a fresh service, through `path` (or each request's own path). */
export function runInboundCases(opts: {
  path: string;
  cases: InboundCase[];
  start: (env?: Record<string, string>) => Promise<BotHarness>;
  secrets: () => string[];
}): void {
  for (const c of opts.cases) {
    it(c.name, async () => {
      const h = await opts.start(c.env);
      try {
        const answers: Awaited<ReturnType<BotHarness['post']>>[] = [];
        for (const [i, request] of c.requests.entries()) {
          c.between?.(h, i);
          answers.push(await h.post(opts.path, request));
        }
        expect(answers.map((a) => a.status)).toEqual(c.statuses);
        if (c.body) expect(answers.at(-1)?.body).toMatch(c.body);
        if (c.contentType) expect(answers.at(-1)?.contentType).toMatch(c.contentType);
        expect(h.dispatched.map((d) => d.event)).toMatchObject(c.events);
        expect(h.dispatched).toHaveLength(c.events.length);
        if (c.results) expect(h.dispatched.map((d) => d.result.status)).toEqual(c.results);
        if (c.stored !== undefined) expect(await countRows(h.db, 'inbound_messages')).toBe(c.stored);
        await c.check?.(h);
        expectNeverLogged(h.logs(), [...opts.secrets(), ...(c.neverLogged ?? [])]);
      } finally {
        await h.close();
      }
    });
  }
}

/** What one send attempt should give: a result (partial match) or a SendError of this kind. */
export type AttemptExpectation =
  | { ok: Partial<SendResult> }
  | { error: { kind: SendErrorKind; retryAfterMs?: number; providerCode?: string; message?: RegExp } };

/** One outbound case: provider behaviour in → what each attempt gives and the exact requests made out. */
export interface OutboundCase<Fake> {
  name: string;
  /** Environment overrides for this case ('' unsets a variable). */
  env?: Record<string, string>;
  /** Overrides of the default message of the table. */
  message?: Partial<OutboundMessage>;
  /** Queue provider failures, seed the database … before the first attempt. */
  arrange?: (fake: Fake, h: BotHarness) => void | Promise<void>;
  /** The same message is sent once per entry, as the outbox would retry it. */
  attempts: AttemptExpectation[];
  /** Sends made concurrently in the first attempt (default 1): all must give attempts[0]. */
  concurrent?: number;
  /** Provider requests made, in order; omitted: not checked. */
  requests?: unknown[];
  /** Extra assertions (database, fake state) after the attempts. */
  check?: (fake: Fake, h: BotHarness) => void | Promise<void>;
}

/** A provider fake as the outbound runner sees it. */
export interface OutboundFake {
  pendingFailures(): number;
  close(): Promise<void>;
}

/** Run a table of outbound cases, each on a fresh service and fake. */
export function runOutboundCases<Fake extends OutboundFake>(opts: {
  cases: OutboundCase<Fake>[];
  message: OutboundMessage;
  /** `exact`: the requests made must equal the case's (no extra fields); `partial` (default): match them. */
  requestMatch?: 'exact' | 'partial';
  start: (env?: Record<string, string>) => Promise<{ h: BotHarness; fake: Fake; requests: () => unknown[]; secrets: () => string[] | Promise<string[]> }>;
}): void {
  for (const c of opts.cases) {
    it(c.name, async () => {
      const { h, fake, requests, secrets } = await opts.start(c.env);
      try {
        await c.arrange?.(fake, h);
        const message: OutboundMessage = { ...opts.message, ...c.message };
        for (const [i, expected] of c.attempts.entries()) {
          const n = i === 0 ? (c.concurrent ?? 1) : 1;
          const outcomes = await Promise.allSettled(Array.from({ length: n }, () => h.channel.send(message)));
          for (const outcome of outcomes) expectAttempt(outcome, expected, i);
        }
        if (c.requests && opts.requestMatch === 'exact') expect(requests()).toEqual(c.requests);
        else if (c.requests) expect(requests()).toMatchObject(c.requests);
        if (c.requests) expect(requests()).toHaveLength(c.requests.length);
        await c.check?.(fake, h);
        expect(fake.pendingFailures(), 'provider failures queued but never served (an unused mock)').toBe(0);
        expectNeverLogged(h.logs(), await secrets());
      } finally {
        await h.close();
        await fake.close();
      }
    });
  }
}

function expectAttempt(outcome: PromiseSettledResult<SendResult>, expected: AttemptExpectation, index: number): void {
  if ('ok' in expected) {
    if (outcome.status === 'rejected') throw new Error(`attempt ${index + 1} failed: ${String(outcome.reason)}`);
    expect(outcome.value).toMatchObject(expected.ok);
    return;
  }
  if (outcome.status === 'fulfilled') throw new Error(`attempt ${index + 1} succeeded but should fail with ${expected.error.kind}`);
  const err: unknown = outcome.reason;
  expect(err).toBeInstanceOf(SendError);
  const e = err as SendError;
  expect({ kind: e.kind, retryAfterMs: e.retryAfterMs, providerCode: e.providerCode }).toMatchObject({
    kind: expected.error.kind,
    ...('retryAfterMs' in expected.error && { retryAfterMs: expected.error.retryAfterMs }),
    ...('providerCode' in expected.error && { providerCode: expected.error.providerCode }),
  });
  if (expected.error.message) expect(e.message).toMatch(expected.error.message);
}

/** The named people's phone numbers as they could leak (national digits): personal data, never logged unmasked. */
const PEOPLE_PHONES = Object.values(PEOPLE).map((p) => p.phone.slice(3));

/** Fail when any of these strings, or a named person's phone number, reached the logs. */
export function expectNeverLogged(logs: string, secrets: string[]): void {
  for (const secret of [...secrets, ...PEOPLE_PHONES]) {
    if (secret === '') continue;
    expect(logs.includes(secret), `"${secret.slice(0, 3)}…" reached the logs`).toBe(false);
  }
}

/** Seed a contact owning `address` whose last inbound message was at `lastInboundAt` (null: never). */
export async function seedAddress(db: Db, address: Address, lastInboundAt: Date | null, now: Date): Promise<void> {
  const [contact] = await db.insert(contacts).values({ role: 'resident', createdAt: now }).returning({ id: contacts.id });
  await db.insert(addresses).values({ address, channel: channelOf(address), contactId: contact!.id, lastInboundAt, createdAt: now });
}

/** One row of a table, by a column value, as plain SQL (keeps table-driven checks to one line). */
export async function rowWhere(db: Db, table: 'contacts' | 'addresses' | 'outbox', column: string, value: string | number): Promise<Record<string, unknown> | undefined> {
  return row<Record<string, unknown>>(db, sql`SELECT * FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${value}`);
}

export async function countRows(db: Db, table: 'inbound_messages' | 'outbox' | 'contacts' | 'addresses'): Promise<number> {
  return Number((await row<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))?.n ?? 0);
}
