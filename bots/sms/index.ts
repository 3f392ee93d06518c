/**
 * The `sms` channel: one channel, two providers. Twilio for one-way notices (it cannot do two-way SMS in Vietnam)
 * and SMS Gateway for Android for two-way SMS with a local SIM. Inbound routes are mounted for each provider that
 * is configured; outbound goes through SMS_PROVIDER (default: whichever is configured, Twilio if both).
 */
import type { Application } from 'express';
import type { ChannelAdapter, ChannelDeps, OutboundChannel, SendResult } from '../../src/core/channel.ts';
import { DEFAULT_CAPABILITIES, SendError } from '../../src/core/channel.ts';
import { addressId, channelOf, type OutboundMessage } from '../../src/core/message.ts';
import { maskAddress } from '../../src/core/log.ts';
import { measureSms, normalisePhone, prepareSms, splitSms, type SmsEncoding, type VietnameseMobile } from '../../src/text/sms.ts';
import { createAndroidSender, mountAndroidWebhook, type AndroidSettings } from './android.ts';
import { createTwilioSender, mountTwilioWebhooks, type TwilioSettings } from './twilio.ts';

export { ANDROID_WEBHOOK_PATH, androidSignature } from './android.ts';
export { TWILIO_INBOUND_PATH, TWILIO_STATUS_PATH } from './twilio.ts';

export type SmsProvider = 'twilio' | 'android';

/** What the environment says about the two providers. */
interface SmsSettings {
  twilio: TwilioSettings | null;
  android: AndroidSettings | null;
  androidSigningKey: string | undefined;
  outbound: SmsProvider | null;
}

/** Read and check the SMS settings; throws an Error naming the variables when the choice cannot work. */
function readSettings(deps: ChannelDeps): SmsSettings {
  const env = deps.config.env;
  const twilio: TwilioSettings | null =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
      ? {
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
          messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
          from: env.TWILIO_FROM,
          apiBase: env.TWILIO_API_BASE,
          publicBaseUrl: deps.config.publicBaseUrl,
        }
      : null;
  const android: AndroidSettings | null =
    env.ANDROID_SMS_URL && env.ANDROID_SMS_USER && env.ANDROID_SMS_PASSWORD
      ? { url: env.ANDROID_SMS_URL, user: env.ANDROID_SMS_USER, password: env.ANDROID_SMS_PASSWORD }
      : null;
  const twilioCanSend = twilio !== null && Boolean(twilio.messagingServiceSid ?? twilio.from);

  let outbound: SmsProvider | null;
  const chosen = deps.config.sms.provider;
  if (chosen === 'twilio') {
    if (!twilio) throw new Error('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
    if (!twilioCanSend) throw new Error('SMS_PROVIDER=twilio needs TWILIO_MESSAGING_SERVICE_SID or TWILIO_FROM');
    outbound = 'twilio';
  } else if (chosen === 'android') {
    if (!android) throw new Error('SMS_PROVIDER=android needs ANDROID_SMS_URL, ANDROID_SMS_USER and ANDROID_SMS_PASSWORD');
    outbound = 'android';
  } else {
    outbound = twilioCanSend ? 'twilio' : android ? 'android' : null;
  }
  return { twilio, android, androidSigningKey: env.ANDROID_SMS_SIGNING_KEY, outbound };
}

/** Send one provider message; resolves with the provider's id for it. */
/** Send one provider message; `key` is stable across retries of the same part (an idempotency key where the provider takes one). */
type SendOne = (to: VietnameseMobile, text: string, key: string) => Promise<string>;

/** Build the outbound half: prepare (unaccented unless asked), split when over 10 segments, send each part. */
function createOutbound(deps: ChannelDeps, provider: SmsProvider | null, sendOne: SendOne | null): OutboundChannel {
  const log = deps.log.child({ channel: 'sms', ...(provider && { provider }) });
  return {
    name: 'sms',
    capabilities: DEFAULT_CAPABILITIES.sms,
    ratePerSecond: deps.config.rates.sms,
    async send(message: OutboundMessage): Promise<SendResult> {
      if (!sendOne) {
        throw new SendError('fatal', 'no SMS provider can send: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM, or ANDROID_SMS_URL, ANDROID_SMS_USER and ANDROID_SMS_PASSWORD');
      }
      if (channelOf(message.to) !== 'sms') throw new SendError('fatal', `address ${maskAddress(message.to)} is not an SMS address (bug: wrong channel)`);
      const to = normalisePhone(addressId(message.to));
      if (!to) {
        throw new SendError('stopped', `${maskAddress(message.to)} is not a Vietnamese mobile number, so no SMS can reach it: fix the contact's phone number`);
      }
      const keepDiacritics = message.keepDiacritics === true || deps.config.sms.keepDiacritics;
      const prepared = prepareSms(message.text, { keepDiacritics });
      const parts = splitSms(prepared.text);
      if (parts.length === 0) throw new SendError('fatal', 'empty SMS text (bug in the caller): nothing sent');

      const ids: string[] = [];
      let segments = 0;
      let encoding: SmsEncoding = 'GSM-7';
      for (const [i, part] of parts.entries()) {
        const measure = measureSms(part);
        try {
          ids.push(await sendOne(to, part, parts.length === 1 ? `outbox-${message.id}` : `outbox-${message.id}-${i + 1}`));
        } catch (err) {
          const e = err instanceof SendError ? err : new SendError('retry', 'SMS send failed unexpectedly: retry later', { cause: err });
          log.warn({ outboxId: message.id, part: i + 1, parts: parts.length, kind: e.kind, code: e.providerCode, reason: e.message }, 'SMS not sent');
          // Parts already sent cannot be recalled; say so, so an operator reading the row understands a duplicate.
          if (i > 0) throw new SendError(e.kind, `${e.message} (part ${i + 1} of ${parts.length}; earlier parts were sent)`, { ...(e.retryAfterMs !== undefined && { retryAfterMs: e.retryAfterMs }), ...(e.providerCode && { providerCode: e.providerCode }), cause: e });
          throw e;
        }
        segments += measure.segments;
        if (measure.encoding === 'UCS-2') encoding = 'UCS-2';
      }
      log.debug({ outboxId: message.id, encoding, segments, parts: parts.length }, 'SMS sent');
      // The first part's id matches delivery reports; later parts' reports find no row and are ignored.
      const providerId = ids[0];
      return { ...(providerId !== undefined && { providerId }), encoding, segments };
    },
  };
}

/**
 * Build the SMS channel from the configuration, or null (with one info line) when no SMS provider is configured.
 * Throws when SMS_PROVIDER names a provider whose variables are missing.
 */
export function createSmsChannel(deps: ChannelDeps): ChannelAdapter | null {
  const settings = readSettings(deps);
  if (!settings.twilio && !settings.android && !settings.androidSigningKey) {
    deps.log.info('SMS channel off: set TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN or ANDROID_SMS_URL/ANDROID_SMS_USER/ANDROID_SMS_PASSWORD to enable it');
    return null;
  }
  const log = deps.log.child({ channel: 'sms' });

  let sendOne: SendOne | null = null;
  if (settings.outbound === 'twilio' && settings.twilio) sendOne = createTwilioSender(settings.twilio, deps).sendOne;
  if (settings.outbound === 'android' && settings.android) sendOne = createAndroidSender(settings.android, deps).sendOne;
  if (settings.outbound === 'twilio' && !settings.twilio?.publicBaseUrl) {
    log.warn('PUBLIC_BASE_URL is not set: Twilio messages go out without a StatusCallback, so delivery is not tracked');
  }

  const routes: string[] = [];
  return {
    outbound: createOutbound(deps, settings.outbound, sendOne),
    mount(app: Application) {
      const twilio = settings.twilio;
      if (twilio) {
        if (twilio.publicBaseUrl) {
          mountTwilioWebhooks(app, deps, { ...twilio, publicBaseUrl: twilio.publicBaseUrl });
          routes.push('twilio');
        } else {
          log.warn('Twilio webhooks not mounted: set PUBLIC_BASE_URL (the exact public URL Twilio signs)');
        }
      }
      if (settings.androidSigningKey) {
        mountAndroidWebhook(app, deps, settings.androidSigningKey);
        routes.push('android');
      } else if (settings.android) {
        log.warn('Android gateway webhook not mounted: set ANDROID_SMS_SIGNING_KEY (Settings → Webhooks → Signing Key in the app)');
      }
      log.info({ outbound: settings.outbound, webhooks: routes }, 'SMS channel ready');
    },
  };
}
