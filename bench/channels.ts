/**
 * Channel benchmarks. Run directly: `node --import tsx bench/channels.ts` (BENCH_SECONDS shortens the inbound runs,
 * BENCH_OUTBOUND_SECONDS the outbound window).
 *
 * a. Inbound: signed webhooks/s per channel (Telegram, Zalo, Twilio, Android SMS gateway) through the whole path —
 *    the real service in a child process (bench/servers/channels-service.ts) with every channel configured against
 *    fake providers the child runs itself — beside a bare Express app with the same paths and body parsers in the
 *    same run. Every request is unique (update_id / msg_id / MessageSid / messageId) and senders rotate.
 * b. Outbound: rows queued for each provider with rate limits on, sent by the real outbox worker against the fakes;
 *    the send rate is measured from the times the fakes received the calls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LoadResult } from './support.ts';
import type { Address } from '../src/core/message.ts';
import { BENCH_SECRETS } from './servers/channels-service.ts';
import { CHANNEL_SERVER, SENDERS, loadSigned, requestMakers, startGuarded, type ChannelKey } from './signed-requests.ts';

const CHANNELS: ChannelKey[] = ['telegram', 'zalo', 'twilio', 'android'];
const LABEL: Record<ChannelKey, string> = {
  telegram: 'Telegram `/webhooks/telegram`',
  zalo: 'Zalo `/webhooks/zalo`',
  twilio: 'Twilio `/webhooks/twilio`',
  android: 'Android SMS `/webhooks/android-sms`',
};

async function inbound(seconds: number, connections: number): Promise<string[]> {
  const results: Record<ChannelKey, { bare?: LoadResult; svc?: LoadResult }> = {
    telegram: {},
    zalo: {},
    twilio: {},
    android: {},
  };
  const bare = await startGuarded(CHANNEL_SERVER, { BENCH_MODE: 'bare' });
  try {
    const make = requestMakers();
    for (const ch of CHANNELS) {
      await loadSigned(bare.url, { seconds: 1, connections, make: make[ch] });
      results[ch].bare = await loadSigned(bare.url, { seconds, connections, make: make[ch] });
    }
  } finally {
    await bare.stop();
  }
  const svc = await startGuarded(CHANNEL_SERVER, { BENCH_MODE: 'service', LOG_LEVEL: 'error' });
  let rss = 0;
  try {
    const make = requestMakers();
    for (const ch of CHANNELS) {
      await loadSigned(svc.url, { seconds: 1, connections, make: make[ch] });
      results[ch].svc = await loadSigned(svc.url, { seconds, connections, make: make[ch] });
    }
    rss = svc.peakRssMiB();
  } finally {
    await svc.stop();
  }
  const lines = [
    `Signed webhooks, ${connections} connections, ${seconds} s per run after 1 s warm-up; every request unique, ${SENDERS} rotating senders per channel.`,
    '',
    '| channel | bare req/s | service req/s | service / bare | p50 ms | p99 ms | errors | non-2xx |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const ch of CHANNELS) {
    const b = results[ch].bare!;
    const r = results[ch].svc!;
    const ratio = b.requestsPerSec > 0 ? Math.round((r.requestsPerSec / b.requestsPerSec) * 100) : 0;
    lines.push(`| ${LABEL[ch]} | ${b.requestsPerSec} | ${r.requestsPerSec} | **${ratio} %** | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
  }
  lines.push('', `Bare Express: same paths and body parsers, no verification, no database. Peak RSS of the service: ${rss} MiB.`);
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// Outbound: rate limits against the fakes (in this process).

interface RateStats {
  calls: number;
  overall: number;
  steady: number;
  peakWindow: number;
}

function rateStats(stamps: number[]): RateStats {
  const t = [...stamps].sort((a, b) => a - b);
  const n = t.length;
  if (n < 2) return { calls: n, overall: 0, steady: 0, peakWindow: n };
  const overall = ((n - 1) / (t[n - 1]! - t[0]!)) * 1000;
  // The token bucket starts with a small burst and the first sends also pay for connection set-up, so
  // the steady rate is the least-squares slope of (arrival time, call number) after the first second.
  const pts = t.map((x, i) => [x, i] as const).filter(([x]) => x >= t[0]! + 1000);
  let steady = 0;
  if (pts.length >= 2) {
    const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
    const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
    const cov = pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
    const varx = pts.reduce((a, [x]) => a + (x - mx) ** 2, 0);
    steady = varx > 0 ? (cov / varx) * 1000 : 0;
  }
  let peakWindow = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (t[i]! - t[j]! >= 1000) j++;
    peakWindow = Math.max(peakWindow, i - j + 1);
  }
  return { calls: n, overall, steady, peakWindow };
}

/** Record the arrival time of each entry a fake pushes to its `calls` array. */
function stampCalls<T>(calls: T[], keep: (c: T) => boolean): number[] {
  const stamps: number[] = [];
  const push = calls.push.bind(calls);
  calls.push = (...items: T[]) => {
    for (const item of items) if (keep(item)) stamps.push(performance.now());
    return push(...items);
  };
  return stamps;
}

async function outbound(seconds: number): Promise<string[]> {
  const { loadConfig } = await import('../src/config.ts');
  const { createService } = await import('../src/service.ts');
  const { createLogger } = await import('../src/core/log.ts');
  const { startFakeTelegram } = await import('../test/support/fakes/telegram.ts');
  const { startFakeZalo } = await import('../test/support/fakes/zalo.ts');
  const { startFakeTwilio } = await import('../test/support/fakes/twilio.ts');
  const { startFakeAndroidSms } = await import('../test/support/fakes/android-sms.ts');

  const rates = { telegram: 20, zalo: 20, sms: 5 };
  const s = BENCH_SECRETS;
  const telegram = await startFakeTelegram({ token: s.telegramToken });
  const zalo = await startFakeZalo({ appId: s.zaloAppId, appSecret: s.zaloAppSecret, oaSecretKey: s.zaloOaSecretKey });
  const twilio = await startFakeTwilio({ accountSid: s.twilioAccountSid, authToken: s.twilioAuthToken });
  const android = await startFakeAndroidSms({ user: s.androidUser, password: s.androidPassword });
  const stamps = {
    telegram: stampCalls(telegram.calls, (c) => c.method === 'sendMessage'),
    zalo: stampCalls(zalo.calls, (c) => c.path === '/v3.0/oa/message/cs'),
    twilio: stampCalls(twilio.calls, () => true),
    android: stampCalls(android.calls, () => true),
  };
  const dirs: string[] = [];
  const common = {
    LOG_LEVEL: 'error',
    QUIET_HOURS: '21:00-07:00',
    RATE_TELEGRAM: String(rates.telegram),
    RATE_ZALO: String(rates.zalo),
    RATE_SMS: String(rates.sms),
  };
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'bhxh-bench-outbound-'));
    dirs.push(d);
    return d;
  };
  // Service A: Telegram, Zalo and SMS through the Android gateway. Service B: SMS through Twilio.
  const a = await createService(
    loadConfig({
      ...common,
      DATA_DIR: dir(),
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_BOT_TOKEN: s.telegramToken,
      TELEGRAM_WEBHOOK_SECRET: s.telegramWebhookSecret,
      ZALO_API_BASE: zalo.url,
      ZALO_OAUTH_BASE: zalo.url,
      ZALO_APP_ID: s.zaloAppId,
      ZALO_APP_SECRET: s.zaloAppSecret,
      ZALO_OA_SECRET_KEY: s.zaloOaSecretKey,
      ZALO_REFRESH_TOKEN: zalo.refreshToken,
      ANDROID_SMS_URL: android.url,
      ANDROID_SMS_USER: s.androidUser,
      ANDROID_SMS_PASSWORD: s.androidPassword,
      SMS_PROVIDER: 'android',
    }),
    { log: createLogger({ level: 'error' }) },
  );
  const b = await createService(
    loadConfig({
      ...common,
      DATA_DIR: dir(),
      TWILIO_API_BASE: twilio.url,
      TWILIO_ACCOUNT_SID: s.twilioAccountSid,
      TWILIO_AUTH_TOKEN: s.twilioAuthToken,
      TWILIO_FROM: s.twilioFrom,
      SMS_PROVIDER: 'twilio',
    }),
    { log: createLogger({ level: 'error' }) },
  );
  // One inbound "menu" per person (the Zalo 7-day rule needs a recent inbound), dispatched before the worker
  // starts: each queues its reply rows. Enough people for the burst (one second's worth) plus `seconds` at the limit.
  const people = { telegram: rates.telegram * (seconds + 1), zalo: rates.zalo * (seconds + 1), sms: rates.sms * (seconds + 1) };
  const sendMenus = (svc: typeof a, n: number, channel: 'telegram' | 'zalo' | 'sms', from: (i: number) => Address) => {
    for (let i = 0; i < n; i++) {
      svc.dispatcher.handle({ kind: 'text', channel, providerId: `out-${channel}-${i}`, from: from(i), text: 'menu', receivedAt: new Date() });
    }
  };
  try {
    sendMenus(a, people.telegram, 'telegram', (i) => `telegram:${6_000_000_000 + i}`);
    sendMenus(a, people.zalo, 'zalo', (i) => `zalo:${String(8_427_315_641_293_000_000n + BigInt(i))}`);
    sendMenus(a, people.sms, 'sms', (i) => `tel:+84915${String(i).padStart(6, '0')}`);
    sendMenus(b, people.sms, 'sms', (i) => `tel:+84916${String(i).padStart(6, '0')}`);
    const queued = (svc: typeof a, channel: string) =>
      (svc.db.$client.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE channel = ? AND priority = 0`).get(channel) as { n: number }).n;
    const rows = { telegram: queued(a, 'telegram'), zalo: queued(a, 'zalo'), android: queued(a, 'sms'), twilio: queued(b, 'sms') };
    await a.listen(0, '127.0.0.1');
    await b.listen(0, '127.0.0.1');
    const pending = (svc: typeof a) =>
      (svc.db.$client.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status IN ('queued', 'sending')`).get() as { n: number }).n;
    const deadline = Date.now() + (seconds + 1) * 3000 + 5000;
    while ((pending(a) > 0 || pending(b) > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const statusOf = (svc: typeof a) =>
      svc.db.$client
        .prepare(`SELECT channel, status, COUNT(*) AS n, SUM(attempts) AS attempts FROM outbox GROUP BY channel, status`)
        .all() as { channel: string; status: string; n: number; attempts: number }[];
    if (process.env['BENCH_DEBUG']) {
      const rel = (xs: number[]) => xs.map((x) => Math.round(x - (xs[0] ?? 0))).join(' ');
      for (const [name, xs] of Object.entries(stamps)) console.error(name, rel(xs));
      console.error(a.db.$client.prepare(`SELECT channel, status, error, COUNT(*) AS n FROM outbox GROUP BY 1, 2, 3`).all());
    }
    const sa = statusOf(a);
    const sb = statusOf(b);
    const summary = (list: typeof sa, channel: string) => {
      const mine = list.filter((r) => r.channel === channel);
      const sent = mine.filter((r) => r.status === 'sent' || r.status === 'delivered').reduce((n, r) => n + r.n, 0);
      const total = mine.reduce((n, r) => n + r.n, 0);
      const attempts = mine.reduce((n, r) => n + r.attempts, 0);
      return { sent, notSent: total - sent, retries: attempts - total };
    };
    const table = [
      { label: 'Telegram (sendMessage)', rate: rates.telegram, queued: rows.telegram, st: rateStats(stamps.telegram), sum: summary(sa, 'telegram') },
      { label: 'Zalo (OA CS message)', rate: rates.zalo, queued: rows.zalo, st: rateStats(stamps.zalo), sum: summary(sa, 'zalo') },
      { label: 'SMS via Twilio', rate: rates.sms, queued: rows.twilio, st: rateStats(stamps.twilio), sum: summary(sb, 'sms') },
      { label: 'SMS via Android gateway', rate: rates.sms, queued: rows.android, st: rateStats(stamps.android), sum: summary(sa, 'sms') },
    ];
    const lines = [
      `Each of ${people.telegram} Telegram, ${people.zalo} Zalo and ${people.sms}+${people.sms} SMS people sends "menu" (dispatched in-process, so the Zalo 7-day rule is met); the replies are then sent by the real outbox worker (OUTBOX_TICK_MS default) to the fakes with limits on, measured from the fakes' arrival times over ~${seconds} s. The bucket bursts to a tenth of a second's worth; "steady" is the slope after the first second, "peak 1-s window" the most calls the fake saw in any one second. No failures were injected.`,
      '',
      '| provider | limit /s | rows | calls at fake | steady rate /s | vs limit | overall /s | peak 1-s window | not sent | retries |',
      '|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const r of table) {
      const dev = r.rate > 0 ? ((r.st.steady - r.rate) / r.rate) * 100 : 0;
      lines.push(
        `| ${r.label} | ${r.rate} | ${r.queued} | ${r.st.calls} | ${r.st.steady.toFixed(2)} | ${dev >= 0 ? '+' : ''}${dev.toFixed(1)} % ${Math.abs(dev) <= 5 ? 'ok' : 'MISS'} | ${r.st.overall.toFixed(2)} | ${r.st.peakWindow} | ${r.sum.notSent} | ${r.sum.retries} |`,
      );
    }
    lines.push('', `Provider 429s: 0 served (the fakes answer 429 only on demand and none was asked for); "not sent" counts rows that ended failed/stopped or still queued (any non-2xx or provider error ends there or in retries).`);
    return lines;
  } finally {
    await a.close().catch(() => undefined);
    await b.close().catch(() => undefined);
    await Promise.all([telegram.close(), zalo.close(), twilio.close(), android.close()]).catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

/** Both parts; markdown lines. */
export async function benchChannels(): Promise<{ name: string; lines: string[] }> {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 4);
  // Under ~5 s too few calls follow the initial burst for the steady-rate slope to mean anything.
  const outboundSeconds = Math.max(5, Number(process.env['BENCH_OUTBOUND_SECONDS'] ?? 10));
  // BENCH_PART=inbound|outbound runs one half only.
  const part = process.env['BENCH_PART'];
  const inLines = part === 'outbound' ? ['(skipped)'] : await inbound(seconds, 10);
  const outLines = part === 'inbound' ? ['(skipped)'] : await outbound(outboundSeconds);
  return {
    name: 'Channels: signed webhooks vs bare Express, and outbound rate limits against the fakes',
    lines: ['### Inbound', '', ...inLines, '', '### Outbound', '', ...outLines],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchChannels();
  console.log(`## ${r.name}\n\n${r.lines.join('\n')}`);
  process.exit(0);
}
