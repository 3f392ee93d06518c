// Child process for the channel benchmarks (bench/channels.ts, bench/sms-reports.ts).
//
// BENCH_MODE=service (default): starts fake Telegram, Zalo, Twilio and Android SMS providers on 127.0.0.1 in this
// process, then the real service with all four webhooks configured against them (fixed secrets below, exported
// as BENCH_SECRETS for the parent that signs the requests), on a fresh SQLite file (BENCH_DATA_DIR, or a new temp
// folder that is removed at exit). BENCH_STAFF=<n> imports n field staff first (importStaff, phones
// 0912000000+i, one district each). Prints `PORT <n>`, `DATA_DIR <path>` and `STAFF <n>` on stdout.
//
// BENCH_MODE=bare: a bare Express app with the same four webhook paths and body parsers, no verification and no
// database, answering 200 — the baseline the service is compared with.
//
// Other variables (RATE_*, CAMPAIGN_LAUNCH_AT, ADMIN_TOKEN, …) pass through to the service's config.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { Server } from 'node:http';

/** The fixed credentials the child configures and the parent signs with. */
export const BENCH_SECRETS = {
  telegramToken: '123456789:bench-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  telegramWebhookSecret: 'bench-telegram-secret',
  zaloAppId: '1234567890123456789',
  zaloAppSecret: 'bench-zalo-app-secret',
  zaloOaSecretKey: 'bench-zalo-oa-secret',
  twilioAccountSid: 'AC00000000000000000000000000000000',
  twilioAuthToken: 'bench-twilio-auth-token',
  twilioFrom: '+15005550006',
  publicBaseUrl: 'https://bench.example',
  androidUser: 'sms',
  androidPassword: 'bench-android-password',
  androidSigningKey: 'bench-android-signing-key',
} as const;

/** Phone of the i-th imported staff member, as the gateway reports it (E.164). */
export function staffPhoneE164(i: number): string {
  return `+84912${String(i).padStart(6, '0')}`;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;

// Exit if the parent benchmark dies without stopping us (no IPC channel: watch for re-parenting).
function watchParent(stop: () => void): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1000).unref();
}

async function runBare(): Promise<void> {
  const app = express();
  const raw = express.raw({ limit: '256kb', type: () => true });
  app.post('/webhooks/telegram', express.json({ limit: '256kb' }), (_req, res) => {
    res.status(200).json({ ok: true });
  });
  app.post('/webhooks/zalo', raw, (_req, res) => {
    res.status(200).json({ ok: true });
  });
  app.post('/webhooks/twilio', express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 }), (_req, res) => {
    res.status(200).type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });
  app.post('/webhooks/android-sms', raw, (_req, res) => {
    res.status(200).json({ ok: true });
  });
  const server: Server = app.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.stdout.write(`PORT ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  watchParent(stop);
}

async function runService(): Promise<void> {
  const { loadConfig } = await import('../../src/config.ts');
  const { createService } = await import('../../src/service.ts');
  const { startFakeTelegram } = await import('../../test/support/fakes/telegram.ts');
  const { startFakeZalo } = await import('../../test/support/fakes/zalo.ts');
  const { startFakeTwilio } = await import('../../test/support/fakes/twilio.ts');
  const { startFakeAndroidSms } = await import('../../test/support/fakes/android-sms.ts');

  const s = BENCH_SECRETS;
  const ownDir = !process.env['BENCH_DATA_DIR'];
  const dataDir = process.env['BENCH_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'bhxh-bench-channels-'));

  const telegram = await startFakeTelegram({ token: s.telegramToken });
  const zalo = await startFakeZalo({ appId: s.zaloAppId, appSecret: s.zaloAppSecret, oaSecretKey: s.zaloOaSecretKey });
  const twilio = await startFakeTwilio({ accountSid: s.twilioAccountSid, authToken: s.twilioAuthToken });
  const android = await startFakeAndroidSms({ user: s.androidUser, password: s.androidPassword });
  const closeFakes = () => Promise.all([telegram.close(), zalo.close(), twilio.close(), android.close()]).catch(() => undefined);

  const config = loadConfig({
    LOG_LEVEL: 'warn',
    ...process.env,
    DATA_DIR: dataDir,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_BOT_TOKEN: s.telegramToken,
    TELEGRAM_WEBHOOK_SECRET: s.telegramWebhookSecret,
    TELEGRAM_POLLING: 'false',
    ZALO_API_BASE: zalo.url,
    ZALO_OAUTH_BASE: zalo.url,
    ZALO_APP_ID: s.zaloAppId,
    ZALO_APP_SECRET: s.zaloAppSecret,
    ZALO_OA_SECRET_KEY: s.zaloOaSecretKey,
    ZALO_REFRESH_TOKEN: zalo.refreshToken,
    TWILIO_API_BASE: twilio.url,
    TWILIO_ACCOUNT_SID: s.twilioAccountSid,
    TWILIO_AUTH_TOKEN: s.twilioAuthToken,
    TWILIO_FROM: s.twilioFrom,
    PUBLIC_BASE_URL: s.publicBaseUrl,
    ANDROID_SMS_URL: android.url,
    ANDROID_SMS_USER: s.androidUser,
    ANDROID_SMS_PASSWORD: s.androidPassword,
    ANDROID_SMS_SIGNING_KEY: s.androidSigningKey,
    SMS_PROVIDER: process.env['SMS_PROVIDER'] ?? 'android',
  });
  const service = await createService(config);

  let staff = 0;
  const wanted = Number(process.env['BENCH_STAFF'] ?? 0);
  if (wanted > 0) {
    const { importStaff } = await import('../../flows/report/import-staff.ts');
    // Field staff report for the lowest level of the tree: communes on today's map (since 1/7/2025), districts on the old one.
    const districts = service.db.$client
      .prepare(`SELECT code FROM units WHERE level = (SELECT CASE WHEN count(*) > 0 THEN 'commune' ELSE 'district' END FROM units WHERE level = 'commune') ORDER BY code`)
      .all() as { code: string }[];
    if (districts.length === 0) throw new Error('no communes or districts seeded');
    const rows = ['name,phone,unit_code,role'];
    for (let i = 0; i < wanted; i++) {
      rows.push(`Can bo ${i},0${staffPhoneE164(i).slice(3)},${districts[i % districts.length]!.code},staff`);
    }
    const result = await importStaff(service.db, rows.join('\n'), { now: new Date() });
    if (result.bad.length > 0) throw new Error(`importStaff: ${JSON.stringify(result.bad.slice(0, 3))}`);
    staff = result.imported + result.updated;
  }

  const port = await service.listen(0, '127.0.0.1');
  process.stdout.write(`DATA_DIR ${dataDir}\nSTAFF ${staff}\nPORT ${port}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const hard = setTimeout(() => process.exit(1), 10_000);
    hard.unref();
    void service
      .close()
      .catch(() => undefined)
      .then(closeFakes)
      .then(() => {
        if (ownDir) rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  watchParent(stop);
}

if (isMain) {
  if (process.env['BENCH_MODE'] === 'bare') await runBare();
  else await runService();
}
