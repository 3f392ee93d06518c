/**
 * Signed provider requests for the channel benchmarks (bench/channels.ts, bench/sms-reports.ts): what Telegram,
 * Zalo, Twilio and the Android SMS gateway send, signed with the child service's secrets, and how to start that
 * child so it never outlives the benchmark.
 */
import autocannon from 'autocannon';
import { startChild, summarise, type ChildServer, type LoadResult } from './support.ts';
import { BENCH_SECRETS } from './servers/channels-service.ts';
import { signZaloEvent } from '../test/support/fakes/zalo.ts';
import { signTwilioWebhook } from '../test/support/fakes/twilio.ts';
import { signAndroidWebhook } from '../test/support/fakes/android-sms.ts';

export const CHANNEL_SERVER = 'bench/servers/channels-service.ts';

/** One request: path, headers (with the signature) and the raw body. */
export interface SignedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Start a child server, and make sure it is killed when this process ends, whatever happens. */
export async function startGuarded(script: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const server = await startChild(script, env);
  const kill = () => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  };
  process.once('exit', kill);
  return {
    ...server,
    async stop() {
      process.off('exit', kill);
      if (server.child.exitCode !== null || server.child.signalCode !== null) return;
      const timer = setTimeout(kill, 15_000);
      await server.stop();
      clearTimeout(timer);
    },
  };
}

/** autocannon POSTs where each request gets its own body and headers (signatures differ per request). */
export async function loadSigned(
  url: string,
  opts: { seconds: number; connections: number; rate?: number; make: () => SignedRequest },
): Promise<LoadResult & { total: number; ok2xx: number }> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: opts.connections,
    duration: opts.seconds,
    ...(opts.rate && { overallRate: opts.rate }),
    requests: [
      {
        setupRequest: (req) => {
          const r = opts.make();
          return { ...req, method: 'POST', path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
  return summarise(result);
}

export const SENDERS = 1000;
const TEXTS = ['menu', '4', 'bhxh tu nguyen la gi'];

/** Request makers per channel; each call returns the next unique, correctly signed request. */
export function requestMakers(): Record<'telegram' | 'zalo' | 'twilio' | 'android', () => SignedRequest> {
  const s = BENCH_SECRETS;
  const counters = { telegram: 0, zalo: 0, twilio: 0, android: 0 };
  const run = Date.now();
  return {
    telegram: () => {
      const i = counters.telegram++;
      const id = 5_100_000_000 + (i % SENDERS);
      const body = JSON.stringify({
        update_id: 700_000_000 + i,
        message: {
          message_id: i + 1,
          from: { id, is_bot: false, first_name: 'Lan', language_code: 'vi' },
          chat: { id, first_name: 'Lan', type: 'private' },
          date: Math.floor(Date.now() / 1000),
          text: TEXTS[i % TEXTS.length],
        },
      });
      return {
        path: '/webhooks/telegram',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': s.telegramWebhookSecret },
        body,
      };
    },
    zalo: () => {
      const i = counters.zalo++;
      const ts = String(Date.now());
      const body = JSON.stringify({
        app_id: s.zaloAppId,
        user_id_by_app: String(5_523_847_723_945_000_000n + BigInt(i % SENDERS)),
        event_name: 'user_send_text',
        timestamp: ts,
        sender: { id: String(8_427_315_641_292_000_000n + BigInt(i % SENDERS)) },
        recipient: { id: '2921835610734293862' },
        message: { msg_id: `bench${run}z${i}`, text: TEXTS[i % TEXTS.length] },
      });
      return { path: '/webhooks/zalo', headers: signZaloEvent({ appId: s.zaloAppId, oaSecretKey: s.zaloOaSecretKey }, body, ts, 'body'), body };
    },
    twilio: () => {
      const i = counters.twilio++;
      const sid = `SM${i.toString(16).padStart(32, '0')}`;
      const params: Record<string, string> = {
        MessageSid: sid,
        SmsSid: sid,
        AccountSid: s.twilioAccountSid,
        From: `+84913${String(i % SENDERS).padStart(6, '0')}`,
        To: s.twilioFrom,
        Body: TEXTS[i % TEXTS.length]!,
        NumMedia: '0',
        NumSegments: '1',
      };
      const signature = signTwilioWebhook(s.twilioAuthToken, `${s.publicBaseUrl}/webhooks/twilio`, params);
      return {
        path: '/webhooks/twilio',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      };
    },
    android: () => {
      const i = counters.android++;
      return androidReceived(`+84914${String(i % SENDERS).padStart(6, '0')}`, TEXTS[i % TEXTS.length]!, `bench${run}a${i}`);
    },
  };
}

/** A signed `sms:received` webhook from the Android gateway. */
export function androidReceived(phone: string, text: string, messageId: string): SignedRequest {
  const body = JSON.stringify({
    deviceId: 'ffffffffceb0b1db0000018e937c815b',
    event: 'sms:received',
    id: `evt-${messageId}`,
    payload: { messageId, message: text, phoneNumber: phone, simNumber: 1, receivedAt: new Date().toISOString() },
    webhookId: 'bench',
  });
  return {
    path: '/webhooks/android-sms',
    headers: { 'content-type': 'application/json', ...signAndroidWebhook(BENCH_SECRETS.androidSigningKey, body) },
    body,
  };
}

export type ChannelKey = 'telegram' | 'zalo' | 'twilio' | 'android';
