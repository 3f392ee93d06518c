/** SMS Gateway for Android, outbound: `POST <ANDROID_SMS_URL>/message` with basic auth. */
import type { Clock } from '../../src/core/channel.ts';
import { SendError } from '../../src/core/channel.ts';
import type { VietnameseMobile } from '../../src/text/sms.ts';
import { PROVIDER_TIMEOUT_MS, basicAuth, joinUrl, parseRetryAfter, providerDetail } from './http.ts';
import { AndroidErrorBodySchema, AndroidSendResponseSchema } from './schemas.ts';

export interface AndroidSettings {
  /** Local mode `http://<phone-ip>:8080`, or cloud `https://api.sms-gate.app/3rdparty/v1`: `/message` is appended. */
  url: string;
  user: string;
  password: string;
}

/** One outbound SMS through the gateway. */
export interface AndroidSender {
  sendOne(to: VietnameseMobile, text: string): Promise<string>;
}

/** Build the gateway sender. The phone splits long texts into a multipart SMS itself. */
export function createAndroidSender(settings: AndroidSettings, deps: { clock: Clock }): AndroidSender {
  const endpoint = joinUrl(settings.url, 'message');
  const authorization = basicAuth(settings.user, settings.password);
  return {
    async sendOne(to, text) {
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ textMessage: { text }, phoneNumbers: [to] }),
          signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
        });
      } catch (err) {
        throw new SendError('retry', 'the Android SMS gateway did not answer: is the phone on, online and the app\'s server running at ANDROID_SMS_URL? Retry later', { cause: err });
      }
      const bodyText = await res.text().catch(() => '');
      const retryAfter = parseRetryAfter(res.headers.get('retry-after'), deps.clock.now());
      const retryOpts = { providerCode: String(res.status), ...(retryAfter !== undefined && { retryAfterMs: retryAfter }) };
      if (res.ok) {
        let json: unknown;
        try {
          json = JSON.parse(bodyText);
        } catch {
          json = undefined;
        }
        const parsed = AndroidSendResponseSchema.safeParse(json);
        // The phone accepted the message; without an id we cannot match delivery reports, but must not resend it.
        if (!parsed.success) throw new SendError('fatal', `the Android SMS gateway accepted the message but answered without an id (HTTP ${res.status}); not retried to avoid a duplicate`);
        return parsed.data.id;
      }
      let detail = '';
      try {
        const e = AndroidErrorBodySchema.safeParse(JSON.parse(bodyText));
        detail = e.success ? providerDetail(e.data.message) : '';
      } catch {
        detail = providerDetail(bodyText);
      }
      if (res.status === 401 || res.status === 403) {
        throw new SendError('fatal', `the Android SMS gateway refused the credentials (HTTP ${res.status}): check ANDROID_SMS_USER and ANDROID_SMS_PASSWORD against the app's Home tab`, retryOpts);
      }
      if (res.status === 429 || res.status >= 500) {
        throw new SendError('retry', `the Android SMS gateway is busy or failing (HTTP ${res.status}${detail ? `: ${detail}` : ''}): retry later`, retryOpts);
      }
      throw new SendError('fatal', `the Android SMS gateway refused the message (HTTP ${res.status}${detail ? `: ${detail}` : ''}); not retried`, retryOpts);
    },
  };
}
