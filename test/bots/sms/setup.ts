/**
 * The SMS channel's setup for the shared harness (test/bots/harness.ts): both provider fakes, the environment that
 * points the channel at them, and deliveries signed as each provider signs them. Data, not a second harness.
 */
import { readFileSync } from 'node:fs';
import { createSmsChannel } from '../../../bots/sms/index.ts';
import { startFakeAndroidSms, signAndroidWebhook, type FakeAndroidSms } from '../../support/fakes/android-sms.ts';
import { startFakeTwilio, signTwilioWebhook, type FakeTwilio } from '../../support/fakes/twilio.ts';
import { DEFAULT_NOW, startBotHarness, type BotHarness, type WebhookRequest } from '../harness.ts';

/** Where the service thinks it lives: the URL Twilio signs. Deliberately not the URL the test connects to. */
export const PUBLIC_BASE_URL = 'https://bhxh.example.vn';
export const SIGNING_KEY = 'test-signing-key-7f3a9c';
export const MESSAGING_SERVICE_SID = 'MG0123456789abcdef0123456789abcdef';
export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH_TOKEN = 'test-twilio-auth-token-5e1d';

/** A captured payload from test/fixtures/sms/, as text. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/sms/${name}`, import.meta.url), 'utf8').trim();
}

/** A captured Twilio form payload from test/fixtures/sms/ as fields (an undefined override drops the field). */
export function twilioFixture(name: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields = { ...(JSON.parse(fixture(name)) as Record<string, string>), ...overrides };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Both provider fakes, as one fake for the outbound table. */
export interface SmsFakes {
  twilio: FakeTwilio;
  android: FakeAndroidSms;
  pendingFailures(): number;
  close(): Promise<void>;
}

/**
 * Start the fakes and the service with the SMS channel configured for both providers. `env` overrides ('' unsets;
 * `$FAKE_ANDROID` / `$FAKE_TWILIO` in a value stand for the fakes' URLs).
 */
export async function startSms(env: Record<string, string> = {}): Promise<{ h: BotHarness; fakes: SmsFakes; secrets: () => string[] }> {
  const twilio = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  const android = await startFakeAndroidSms();
  const fakes: SmsFakes = {
    twilio,
    android,
    pendingFailures: () => twilio.pendingFailures() + android.pendingFailures(),
    close: async () => {
      await twilio.close();
      await android.close();
    },
  };
  const expand = (v: string) => v.replace('$FAKE_ANDROID', android.url).replace('$FAKE_TWILIO', twilio.url);
  try {
    const h = await startBotHarness({
      env: {
        PUBLIC_BASE_URL,
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        TWILIO_MESSAGING_SERVICE_SID: MESSAGING_SERVICE_SID,
        TWILIO_API_BASE: twilio.url,
        ANDROID_SMS_URL: android.url,
        ANDROID_SMS_USER: android.user,
        ANDROID_SMS_PASSWORD: android.password,
        ANDROID_SMS_SIGNING_KEY: SIGNING_KEY,
        ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, expand(v)])),
      },
      create: createSmsChannel,
    });
    const secrets = () => [
      twilio.authToken,
      android.password,
      SIGNING_KEY,
      Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64'),
      Buffer.from(`${android.user}:${android.password}`).toString('base64'),
    ];
    return { h, fakes, secrets };
  } catch (err) {
    await fakes.close();
    throw err;
  }
}

/** Start for an inbound table: the harness, closing the fakes with it. */
export async function startSmsInbound(env?: Record<string, string>): Promise<BotHarness> {
  const { h, fakes } = await startSms(env);
  return {
    ...h,
    close: async () => {
      await h.close();
      await fakes.close();
    },
  };
}

/** A form delivery to a Twilio route, signed (or not) as Twilio would for PUBLIC_BASE_URL + path. */
export function twilioRequest(path: string, fields: Record<string, string>, sign: 'valid' | 'missing' | 'wrong' = 'valid'): WebhookRequest {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (sign !== 'missing') headers['x-twilio-signature'] = signTwilioWebhook(sign === 'wrong' ? 'not-the-auth-token' : AUTH_TOKEN, PUBLIC_BASE_URL + path, fields);
  return { path, headers, body: new URLSearchParams(fields).toString() };
}

/** A JSON delivery to the gateway route, signed with SIGNING_KEY at the harness's time (or 6 minutes off). */
export function androidRequest(body: string, sign: 'valid' | 'missing' | 'wrong' | 'stale' | 'future' = 'valid'): WebhookRequest {
  const now = Date.parse(DEFAULT_NOW);
  const at = new Date(sign === 'stale' ? now - 6 * 60_000 : sign === 'future' ? now + 6 * 60_000 : now);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (sign !== 'missing') Object.assign(headers, signAndroidWebhook(sign === 'wrong' ? 'another-key' : SIGNING_KEY, body, at));
  return { path: '/webhooks/android-sms', headers, body };
}

/** Start for an outbound table: the service sending through `provider`, and what that provider's fake received. */
export function startSmsOutbound(provider: 'twilio' | 'android') {
  return async (env?: Record<string, string>) => {
    const { h, fakes, secrets } = await startSms({ SMS_PROVIDER: provider, ...env });
    const requests = () => (provider === 'twilio' ? fakes.twilio.calls.map((c) => c.form) : fakes.android.calls.map((c) => c.body));
    return { h, fake: fakes, requests, secrets };
  };
}
