import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/client.ts';
import { createSmsChannel } from '../../../bots/sms/index.ts';
import { loadConfig } from '../../../src/config.ts';
import type { ChannelDeps } from '../../../src/core/channel.ts';
import { fixedClock } from '../../../src/core/clock.ts';
import { createLogger } from '../../../src/core/log.ts';
import { captureLog } from '../../support/service.ts';

const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.$client.close();
});

function depsFor(env: Record<string, string>) {
  const captured = captureLog();
  const db = openDb(':memory:');
  dbs.push(db);
  const config = loadConfig(env);
  const deps: ChannelDeps = {
    db,
    publicBaseUrl: config.publicBaseUrl,
    log: createLogger({ level: 'debug', destination: captured.stream }),
    clock: fixedClock('2026-05-20T03:00:00Z'),
    submit: () => Promise.resolve({ status: 'ignored', outboxIds: [] }),
  };
  return { deps, env: config.env, logs: captured.text };
}

const TWILIO = { TWILIO_ACCOUNT_SID: 'AC' + '0'.repeat(32), TWILIO_AUTH_TOKEN: 'tok', TWILIO_FROM: '+15005550006' };
const ANDROID = { ANDROID_SMS_URL: 'http://127.0.0.1:9', ANDROID_SMS_USER: 'sms', ANDROID_SMS_PASSWORD: 'pw' };

describe('createSmsChannel', () => {
  it('is null, with one info line, when no SMS provider is configured', () => {
    const { deps, env, logs } = depsFor({});
    expect(createSmsChannel(deps, env)).toBeNull();
    const lines = logs().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 30, msg: expect.stringMatching(/SMS channel off/) });
  });

  it.each([
    ['twilio when both are configured', { ...TWILIO, ...ANDROID }, 'twilio'],
    ['android when only the gateway is configured', ANDROID, 'android'],
    ['android when SMS_PROVIDER=android, even with Twilio configured', { ...TWILIO, ...ANDROID, SMS_PROVIDER: 'android' }, 'android'],
    ['the gateway when Twilio has no sender (inbound-only Twilio)', { ...TWILIO, TWILIO_FROM: '', ...ANDROID }, 'android'],
  ])('sends with %s', (_name, vars, provider) => {
    const { deps, env, logs } = depsFor(vars);
    const channel = createSmsChannel(deps, env);
    expect(channel).toMatchObject({ name: 'sms', ratePerSecond: 1, capabilities: { sms: true } });
    expect(logs()).toContain(`"outbound":"${provider}"`);
  });

  it.each([
    ['SMS_PROVIDER=android without the gateway variables', { ...TWILIO, SMS_PROVIDER: 'android' }, /ANDROID_SMS_URL/],
    ['SMS_PROVIDER=twilio without Twilio credentials', { ...ANDROID, SMS_PROVIDER: 'twilio' }, /TWILIO_ACCOUNT_SID/],
  ])('refuses to start with %s, naming the variables', (_name, env, message) => {
    // The configuration check stops start-up before any channel is built.
    expect(() => depsFor(env)).toThrow(message);
  });

  it('with only a signing key it receives but cannot send, and says what to set', async () => {
    const { deps, env } = depsFor({ ANDROID_SMS_SIGNING_KEY: 'k' });
    const channel = createSmsChannel(deps, env);
    expect(channel?.routes.map((r) => r.path)).toEqual(['/webhooks/android-sms']);
    await expect(channel?.send({ id: 1, to: 'tel:+84912345678', text: 'x', priority: 'reply' })).rejects.toMatchObject({
      kind: 'fatal',
      message: expect.stringMatching(/ANDROID_SMS_URL/),
    });
  });
});
