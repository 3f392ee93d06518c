import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/client.ts';
import { seedDefaults } from '../../db/seed/seed.ts';
import { buildFlows } from '../../flows/index.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { SendError, type ChannelAdapter, type ChannelDeps, type DispatchResult, type SendErrorKind, type SendResult } from '../../src/core/channel.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { createDispatcher } from '../../src/core/dispatcher.ts';
import { createLogger, type Logger } from '../../src/core/log.ts';
import type { Address, InboundEvent, OutboundMessage } from '../../src/core/message.ts';
import { createHttpApp } from '../../src/http/app.ts';

// The courier-style harness: each channel's test file is data (captured payloads, a table of inbound cases, a
// table of outbound cases) run through these few functions. Requests go through the real Express app and the
// real dispatcher, on a fresh in-memory database per test; nothing may leave 127.0.0.1; secrets never reach logs.

/** 2026-05-20 10:00 in Asia/Ho_Chi_Minh: daytime, so Zalo's night rule does not interfere. */
export const DEFAULT_NOW = '2026-05-20T03:00:00Z';

export interface BotHarness {
  url: string;
  db: Db;
  config: Config;
  log: Logger;
  clock: ReturnType<typeof fixedClock>;
  adapter: ChannelAdapter;
  /** Every event the adapter handed to the dispatcher, with what the dispatcher did. */
  dispatched: { event: InboundEvent; result: DispatchResult }[];
  logs(): string;
  post(path: string, request: WebhookRequest): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

/** A webhook delivery as the provider would make it. */
export interface WebhookRequest {
  headers: Record<string, string>;
  body: string | Buffer;
}

/**
 * Build the service's Express app with only this adapter mounted, the real dispatcher and flows, a captured
 * debug logger and a fixed clock, and listen on 127.0.0.1. Global fetch refuses anything but localhost.
 */
export async function startBotHarness(opts: {
  env: Record<string, string>;
  create: (deps: ChannelDeps) => ChannelAdapter | null;
  now?: string;
}): Promise<BotHarness> {
  const restoreFetch = refuseNonLocalFetch();
  const captured: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      captured.push(String(chunk));
      cb();
    },
  });
  const log = createLogger({ level: 'debug', destination });
  const clock = fixedClock(opts.now ?? DEFAULT_NOW);
  const config = loadConfig({ LOG_LEVEL: 'debug', ...opts.env });
  const db = openDb(':memory:');
  seedDefaults(db, { now: clock.now(), unitTree: '2025-03' });
  const dispatcher = createDispatcher({ db, clock, log, ...buildFlows(config) });
  const dispatched: BotHarness['dispatched'] = [];
  const deps: ChannelDeps = {
    db,
    config,
    log,
    clock,
    dispatch(event) {
      const result = dispatcher.handle(event);
      dispatched.push({ event, result });
      return result;
    },
    async submit(event, opts) {
      const result = await dispatcher.submit(event, opts);
      dispatched.push({ event, result });
      return result;
    },
  };
  const adapter = opts.create(deps);
  if (!adapter) throw new Error('the adapter is off: the test env lacks its variables');
  const app = createHttpApp({ db, log, channels: [adapter] });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    config,
    log,
    clock,
    adapter,
    dispatched,
    logs: () => captured.join(''),
    async post(path, request) {
      const res = await fetch(url + path, { method: 'POST', headers: request.headers, body: request.body });
      return { status: res.status, body: await res.text() };
    },
    async close() {
      await adapter.stop?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.$client.close();
      restoreFetch();
    },
  };
}

/** One inbound case: deliveries in (a replay sends the same one twice) → statuses and normalised events out. */
export interface InboundCase {
  name: string;
  requests: WebhookRequest[];
  /** HTTP status of each request, in order. */
  statuses: number[];
  /** Events handed to the dispatcher, in order (partial match); [] means nothing was dispatched. */
  events: Partial<InboundEvent>[];
  /** What the dispatcher did with each event (e.g. ['handled', 'duplicate'] for a replay). */
  results?: DispatchResult['status'][];
  /** inbound_messages rows stored at the end (nothing stored for refused requests). */
  stored?: number;
  /** Strings that must not reach the logs in this case (texts, phone numbers), on top of the channel's secrets. */
  neverLogged?: string[];
  /** Extra assertions on what the core did with the events (one line each, e.g. the phone linked). */
  check?: (h: BotHarness) => void;
}

/** Run a table of inbound cases, each on a fresh harness, through `path`. */
export function runInboundCases(opts: {
  path: string;
  cases: InboundCase[];
  start: () => Promise<BotHarness>;
  secrets: () => string[];
}): void {
  for (const c of opts.cases) {
    it(c.name, async () => {
      const h = await opts.start();
      try {
        const statuses: number[] = [];
        for (const request of c.requests) statuses.push((await h.post(opts.path, request)).status);
        expect(statuses).toEqual(c.statuses);
        expect(h.dispatched.map((d) => d.event)).toMatchObject(c.events);
        expect(h.dispatched).toHaveLength(c.events.length);
        if (c.results) expect(h.dispatched.map((d) => d.result.status)).toEqual(c.results);
        if (c.stored !== undefined) expect(countRows(h.db, 'inbound_messages')).toBe(c.stored);
        c.check?.(h);
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
  /** Overrides of the default message of the table. */
  message?: Partial<OutboundMessage>;
  /** Queue provider failures, seed the database … before the first attempt. */
  arrange?: (fake: Fake, h: BotHarness) => void | Promise<void>;
  /** The same message is sent once per entry, as the outbox would retry it. */
  attempts: AttemptExpectation[];
  /** Sends made concurrently in the first attempt (default 1): all must give attempts[0]. */
  concurrent?: number;
  /** Provider requests made, in order (partial match); omitted: not checked. */
  requests?: unknown[];
  /** Extra assertions (database, fake state) after the attempts. */
  check?: (fake: Fake, h: BotHarness) => void | Promise<void>;
}

/** A provider fake as the outbound runner sees it. */
export interface OutboundFake {
  pendingFailures(): number;
}

/** Run a table of outbound cases, each on a fresh harness and fake. */
export function runOutboundCases<Fake extends OutboundFake>(opts: {
  cases: OutboundCase<Fake>[];
  message: OutboundMessage;
  start: () => Promise<{ h: BotHarness; fake: Fake; requests: () => unknown[]; secrets: () => string[] }>;
  close: (fake: Fake) => Promise<void>;
}): void {
  for (const c of opts.cases) {
    it(c.name, async () => {
      const { h, fake, requests, secrets } = await opts.start();
      try {
        await c.arrange?.(fake, h);
        const message: OutboundMessage = { ...opts.message, ...c.message };
        for (const [i, expected] of c.attempts.entries()) {
          const n = i === 0 ? (c.concurrent ?? 1) : 1;
          const outcomes = await Promise.allSettled(Array.from({ length: n }, () => h.adapter.outbound.send(message)));
          for (const outcome of outcomes) expectAttempt(outcome, expected, i);
        }
        if (c.requests) expect(requests()).toMatchObject(c.requests);
        if (c.requests) expect(requests()).toHaveLength(c.requests.length);
        await c.check?.(fake, h);
        expect(fake.pendingFailures(), 'provider failures queued but never served').toBe(0);
        expectNeverLogged(h.logs(), secrets());
      } finally {
        await h.close();
        await opts.close(fake);
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

/** Fail when any of these strings reached the logs. */
export function expectNeverLogged(logs: string, secrets: string[]): void {
  for (const secret of secrets) {
    if (secret === '') continue;
    expect(logs.includes(secret), `"${secret.slice(0, 6)}…" reached the logs`).toBe(false);
  }
}

/** Seed a contact owning `address` whose last inbound message was at `lastInboundAt` (null: never). */
export function seedAddress(db: Db, address: Address, lastInboundAt: Date | null, now: Date): void {
  const contact = db.$client.prepare('INSERT INTO contacts (role, created_at) VALUES (?, ?) RETURNING id').get('resident', now.getTime()) as {
    id: number;
  };
  const channel = address.slice(0, address.indexOf(':')) === 'tel' ? 'sms' : address.slice(0, address.indexOf(':'));
  db.$client
    .prepare('INSERT INTO addresses (address, channel, contact_id, last_inbound_at, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(address, channel, contact.id, lastInboundAt?.getTime() ?? null, now.getTime());
}

/** One row of a table, by a column value, as plain SQL (keeps table-driven checks to one line). */
export function rowWhere(db: Db, table: 'contacts' | 'addresses', column: string, value: string | number): Record<string, unknown> | undefined {
  return db.$client.prepare(`SELECT * FROM ${table} WHERE ${column} = ?`).get(value) as Record<string, unknown> | undefined;
}

export function countRows(db: Db, table: 'inbound_messages' | 'outbox' | 'contacts' | 'addresses'): number {
  return (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Make global fetch refuse anything but 127.0.0.1/localhost for the life of a harness. */
function refuseNonLocalFetch(): () => void {
  const real = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      return Promise.reject(new Error(`test tried to reach ${url.host}: only 127.0.0.1 is allowed`));
    }
    return real(input, init);
  };
  return () => {
    globalThis.fetch = real;
  };
}

/** Run before/after hooks that build a value per test (for tests outside the tables). */
export function perTest<T>(start: () => Promise<T>, stop: (value: T) => Promise<void>): () => T {
  let value: T | undefined;
  beforeEach(async () => {
    value = await start();
  });
  afterEach(async () => {
    if (value !== undefined) await stop(value);
    value = undefined;
  });
  return () => {
    if (value === undefined) throw new Error('perTest value used outside a test');
    return value;
  };
}
