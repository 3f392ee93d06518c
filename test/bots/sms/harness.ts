/**
 * The SMS channel's test harness (courier's handlertest, in small): the whole service on 127.0.0.1 (real Express
 * app, real dispatcher, in-memory database from the real migrations) with the SMS channel built from the
 * environment and pointed at the fake providers. Every dispatched event and its result is recorded; every request
 * that would leave 127.0.0.1 is refused; `assertNoSecrets()` checks that no credential reached the logs.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createSmsChannel } from '../../../bots/sms/index.ts';
import { SendError, type ChannelAdapter, type DispatchResult, type SendErrorKind, type SendResult } from '../../../src/core/channel.ts';
import type { OutboundMessage } from '../../../src/core/message.ts';
import type { InboundEvent } from '../../../src/core/message.ts';
import { startTestService, type TestService } from '../../support/service.ts';
import { startFakeAndroidSms, signAndroidWebhook, type FakeAndroidSms, type FakeAndroidSmsFailure } from '../../support/fakes/android-sms.ts';
import { startFakeTwilio, signTwilioWebhook, type FakeTwilio, type FakeTwilioFailure } from '../../support/fakes/twilio.ts';

/** Where the service thinks it lives: the URL Twilio signs. Deliberately not the URL the test connects to. */
export const PUBLIC_BASE_URL = 'https://bhxh.example.vn';
export const SIGNING_KEY = 'test-signing-key-7f3a9c';
export const MESSAGING_SERVICE_SID = 'MG0123456789abcdef0123456789abcdef';
/** 10:00 in Hà Nội on 2026-05-20. */
export const NOW = '2026-05-20T03:00:00Z';

/** A captured payload from test/fixtures/sms/, as text. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/sms/${name}`, import.meta.url), 'utf8').trim();
}

/** A captured Twilio form payload from test/fixtures/sms/ as fields. */
export function twilioFixture(name: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields = { ...(JSON.parse(fixture(name)) as Record<string, string>), ...overrides };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

export interface SmsHarness {
  t: TestService;
  url: string;
  twilio: FakeTwilio;
  android: FakeAndroidSms;
  /** The SMS channel under test (null when the environment configures no provider). */
  channel: ChannelAdapter | null;
  events: InboundEvent[];
  results: DispatchResult[];
  /** POST a raw body to the service. */
  post(path: string, body: string | Buffer, headers?: Record<string, string>): Promise<{ status: number; text: string; contentType: string }>;
  /** POST a form to a Twilio route, signed (or not) as Twilio would for PUBLIC_BASE_URL + path. */
  postTwilio(path: string, fields: Record<string, string>, sign?: 'valid' | 'missing' | 'wrong'): ReturnType<SmsHarness['post']>;
  /** POST a JSON body to the gateway route, signed with SIGNING_KEY at `at` (default: the service clock). */
  postAndroid(body: string, sign?: 'valid' | 'missing' | 'wrong' | 'stale' | 'future'): ReturnType<SmsHarness['post']>;
  logs(): string;
  /** Fail when an auth token, signing key, password or an unmasked phone number appears in the logs. */
  assertNoSecrets(): void;
  close(): Promise<void>;
}

/** Which SMS variables to set: both providers by default, pointed at the fakes. */
export interface HarnessEnv {
  provider?: 'twilio' | 'android';
  /** Extra or overriding environment (use '' to unset a variable). */
  env?: Record<string, string>;
}

let fetchGuarded = false;

/** Refuse any request that would leave 127.0.0.1: the channel must only ever talk to the fakes in tests. */
function guardFetch(): void {
  if (fetchGuarded) return;
  fetchGuarded = true;
  const real = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      return Promise.reject(new Error(`test harness: refused a request to ${url.origin} (only 127.0.0.1 is allowed)`));
    }
    return real(input, init);
  };
}

export async function startSmsHarness(opts: HarnessEnv = {}): Promise<SmsHarness> {
  guardFetch();
  const twilio = await startFakeTwilio();
  const android = await startFakeAndroidSms();
  const events: InboundEvent[] = [];
  const results: DispatchResult[] = [];
  let channel: ChannelAdapter | null = null;
  const env: Record<string, string> = {
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_MESSAGING_SERVICE_SID: MESSAGING_SERVICE_SID,
    TWILIO_API_BASE: twilio.url,
    ANDROID_SMS_URL: android.url,
    ANDROID_SMS_USER: android.user,
    ANDROID_SMS_PASSWORD: android.password,
    ANDROID_SMS_SIGNING_KEY: SIGNING_KEY,
    ...(opts.provider && { SMS_PROVIDER: opts.provider }),
    // `$FAKE_ANDROID` / `$FAKE_TWILIO` in a value stand for the fakes' URLs (e.g. a cloud-style path on the fake).
    ...Object.fromEntries(
      Object.entries(opts.env ?? {}).map(([k, v]) => [k, v.replace('$FAKE_ANDROID', android.url).replace('$FAKE_TWILIO', twilio.url)]),
    ),
  };
  const t = await startTestService({
    now: NOW,
    env,
    options: {
      manualOutbox: true,
      extraChannels: (deps) => {
        channel = createSmsChannel({
          ...deps,
          dispatch: (event) => {
            events.push(event);
            const result = deps.dispatch(event);
            results.push(result);
            return result;
          },
          submit: async (event, opts) => {
            events.push(event);
            const result = await deps.submit(event, opts);
            results.push(result);
            return result;
          },
        });
        return channel ? [channel] : [];
      },
    },
  });

  const post: SmsHarness['post'] = async (path, body, headers = {}) => {
    const res = await fetch(t.url + path, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') ?? '' };
  };
  const secrets = [
    twilio.authToken,
    android.password,
    SIGNING_KEY,
    Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64'),
    Buffer.from(`${android.user}:${android.password}`).toString('base64'),
  ];

  return {
    t,
    url: t.url,
    twilio,
    android,
    get channel() {
      return channel;
    },
    events,
    results,
    post,
    postTwilio(path, fields, sign = 'valid') {
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (sign !== 'missing') {
        const token = sign === 'wrong' ? 'not-the-auth-token' : twilio.authToken;
        headers['x-twilio-signature'] = signTwilioWebhook(token, PUBLIC_BASE_URL + path, fields);
      }
      return post(path, new URLSearchParams(fields).toString(), headers);
    },
    postAndroid(body, sign = 'valid') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const now = t.clock.now();
      const at = sign === 'stale' ? new Date(now.getTime() - 6 * 60_000) : sign === 'future' ? new Date(now.getTime() + 6 * 60_000) : now;
      if (sign !== 'missing') Object.assign(headers, signAndroidWebhook(sign === 'wrong' ? 'another-key' : SIGNING_KEY, body, at));
      return post('/webhooks/android-sms', body, headers);
    },
    logs: t.logs,
    assertNoSecrets() {
      const logs = t.logs();
      for (const secret of secrets) expect(logs.includes(secret), `a secret reached the logs: ${secret.slice(0, 3)}…`).toBe(false);
      // Phone numbers are personal data: only masked forms (+8491*****78) may appear.
      expect(logs, 'an unmasked phone number reached the logs').not.toMatch(/912345678/);
    },
    async close() {
      const pending = { twilio: twilio.pendingFailures(), android: android.pendingFailures() };
      await t.close();
      await twilio.close();
      await android.close();
      expect(pending, 'provider failures queued but never served (an unused mock)').toEqual({ twilio: 0, android: 0 });
    },
  };
}

/** How a case's request is made. */
export type InboundRequest =
  | { twilio: string; fields: Record<string, string>; sign?: 'valid' | 'missing' | 'wrong' }
  | { android: string; sign?: 'valid' | 'missing' | 'wrong' | 'stale' | 'future' }
  | { raw: string; body: string | Buffer; headers?: Record<string, string> };

/** One inbound case: a request in → HTTP status (and body), normalised events out, what the dispatcher did. */
export interface InboundCase {
  name: string;
  request: InboundRequest;
  /** Deliver the same request this many times (a provider retrying). */
  repeat?: number;
  status: number;
  body?: RegExp;
  contentType?: RegExp;
  /** The events handed to the dispatcher, in order (matched with toMatchObject). */
  events: Record<string, unknown>[];
  /** What the dispatcher answered for each event. */
  results?: DispatchResult['status'][];
  env?: HarnessEnv;
}

function send(h: SmsHarness, r: InboundRequest): ReturnType<SmsHarness['post']> {
  if ('twilio' in r) return h.postTwilio(r.twilio, r.fields, r.sign);
  if ('android' in r) return h.postAndroid(r.android, r.sign);
  return h.post(r.raw, r.body, r.headers);
}

/** Run a table of inbound cases, each against a fresh service and fresh fakes. */
export function runInboundCases(cases: InboundCase[]): void {
  for (const c of cases) {
    it(c.name, async () => {
      const h = await startSmsHarness(c.env);
      try {
        let res: Awaited<ReturnType<SmsHarness['post']>> | undefined;
        for (let i = 0; i < (c.repeat ?? 1); i++) res = await send(h, c.request);
        expect(res?.status).toBe(c.status);
        if (c.body) expect(res?.text).toMatch(c.body);
        if (c.contentType) expect(res?.contentType).toMatch(c.contentType);
        expect(h.events).toHaveLength(c.events.length);
        c.events.forEach((e, i) => expect(h.events[i]).toMatchObject(e));
        if (c.results) expect(h.results.map((r) => r.status)).toEqual(c.results);
        h.assertNoSecrets();
      } finally {
        await h.close();
      }
    });
  }
}

/** What one send() attempt should do: succeed with this result, or throw a SendError of this kind. */
export type Attempt =
  | { result: Record<string, unknown> }
  | { error: { kind: SendErrorKind; retryAfterMs?: number; providerCode?: string; message?: RegExp } };

/** One outbound case: provider answers in (failures queued on the fake) → exact requests out and send() outcomes. */
export interface OutboundCase {
  name: string;
  provider: 'twilio' | 'android';
  env?: Record<string, string>;
  message: Partial<OutboundMessage> & Pick<OutboundMessage, 'to' | 'text'>;
  failures?: (FakeTwilioFailure | FakeAndroidSmsFailure)[];
  /** One entry per send() call, in order (the outbox calls again after a retryable error). */
  attempts: Attempt[];
  /** What the fake received, one entry per provider request: Twilio form fields or the gateway's JSON body. */
  requests: Record<string, unknown>[];
  /** The paths the fake was called on, when the case is about the URL. */
  paths?: string[];
}

/** Run a table of outbound cases through the channel's real send() against the provider fakes. */
export function runOutboundCases(cases: OutboundCase[]): void {
  for (const c of cases) {
    it(c.name, async () => {
      const h = await startSmsHarness({ provider: c.provider, ...(c.env && { env: c.env }) });
      try {
        const fake = c.provider === 'twilio' ? h.twilio : h.android;
        for (const f of c.failures ?? []) fake.failNext(f);
        const message: OutboundMessage = { id: 1, priority: 'reply', ...c.message };
        for (const attempt of c.attempts) {
          let outcome: SendResult | SendError;
          try {
            if (!h.channel) throw new Error('the SMS channel is off in this environment');
            outcome = await h.channel.outbound.send(message);
          } catch (err) {
            if (!(err instanceof SendError)) throw err;
            outcome = err;
          }
          if ('result' in attempt) {
            expect(outcome, outcome instanceof SendError ? outcome.message : '').not.toBeInstanceOf(SendError);
            expect(outcome).toMatchObject(attempt.result);
          } else {
            expect(outcome).toBeInstanceOf(SendError);
            const e = outcome as SendError;
            expect({ kind: e.kind, retryAfterMs: e.retryAfterMs, providerCode: e.providerCode }).toMatchObject({
              kind: attempt.error.kind,
              ...(attempt.error.retryAfterMs !== undefined && { retryAfterMs: attempt.error.retryAfterMs }),
              ...(attempt.error.providerCode !== undefined && { providerCode: attempt.error.providerCode }),
            });
            if (attempt.error.message) expect(e.message).toMatch(attempt.error.message);
          }
        }
        const received =
          c.provider === 'twilio' ? h.twilio.calls.map((call) => call.form) : h.android.calls.map((call) => call.body);
        expect(received).toEqual(c.requests);
        if (c.paths) expect((c.provider === 'twilio' ? h.twilio.calls : h.android.calls).map((call) => call.path)).toEqual(c.paths);
        h.assertNoSecrets();
      } finally {
        await h.close();
      }
    });
  }
}
