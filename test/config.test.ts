import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('config', () => {
  it('starts with no variables at all, on the embedded defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: './data', dbPath: './data/bhxh-outreach.db', quietHours: { start: '21:00', end: '07:00' } });
    expect(c.env.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['QUIET_HOURS', '9pm-7am'],
    ['SMS_PROVIDER', 'nokia'],
    ['LOG_LEVEL', 'loud'],
    ['CAMPAIGN_LAUNCH_AT', '23/5/2027'],
    ['TELEGRAM_WEBHOOK_SECRET', 'has spaces in it'],
    ['ADMIN_TOKEN', 'short'],
    ['REPORT_REMINDER_AT', '25:00'],
  ])('names %s when its value %j is wrong', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.variable)).toContain(variable);
    expect((error as Error).message).toContain(variable);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', PUBLIC_BASE_URL: '' }).publicBaseUrl).toBeUndefined();
  });
});

describe('.env.example', () => {
  it('documents every variable the service reads, each with a comment', async () => {
    const { readFileSync, readdirSync, existsSync } = await import('node:fs');
    const example = readFileSync('.env.example', 'utf8');
    // The core's variables and each channel's own (bots/<name>/config.ts).
    const channelConfigs = readdirSync('bots').map((d) => `bots/${d}/config.ts`).filter((f) => existsSync(f));
    expect(channelConfigs.length).toBeGreaterThanOrEqual(4);
    const source = ['src/config.ts', ...channelConfigs].map((f) => readFileSync(f, 'utf8')).join('\n');
    const variables = [...source.matchAll(/^ {2,4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(30);
    const lines = example.split('\n');
    for (const v of variables) {
      const at = lines.findIndex((l) => l.startsWith(`${v}=`));
      expect(at, `${v} missing from .env.example`).toBeGreaterThan(0);
      expect(lines[at - 1], `${v} needs a comment line above it`).toMatch(/^#/);
    }
  });
});

describe('SMS provider settings', () => {
  it.each([
    [{ SMS_PROVIDER: 'android' }, ['ANDROID_SMS_URL', 'ANDROID_SMS_USER', 'ANDROID_SMS_PASSWORD']],
    [{ SMS_PROVIDER: 'twilio' }, ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM']],
  ])('names what %j is missing', (env, names) => {
    try {
      loadConfig(env);
      expect.fail('should have thrown');
    } catch (e) {
      expect((e as ConfigError).issues.map((i) => i.variable)).toEqual(names);
    }
  });

  it('accepts Twilio for inbound only, without a sender', () => {
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't' })).not.toThrow();
  });
});
