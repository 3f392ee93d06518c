/**
 * The `sms` channel: one channel, two providers. Twilio for one-way notices (it cannot do two-way SMS in Vietnam)
 * and SMS Gateway for Android for two-way SMS with a local SIM. Webhooks are answered for each provider that is
 * configured; outbound goes through SMS_PROVIDER (default: whichever is configured, Twilio if both).
 */
import type { Channel, ChannelCapabilities, ChannelDeps, ChannelRequest } from '../../src/core/channel.ts';
import { createAndroidSender } from './android-send.ts';
import { androidWebhook } from './android-webhook.ts';
import type { SmsEnv } from './config.ts';
import { sendSms, type SmsSender } from './send.ts';
import { readSmsSettings } from './settings.ts';
import { TWILIO_MAX_BODY, createTwilioSender } from './twilio-send.ts';
import { twilioWebhooks } from './twilio-webhooks.ts';
import type { SmsWebhook } from './webhook.ts';

export { ANDROID_WEBHOOK_PATH, androidSignature } from './android-webhook.ts';
export { TWILIO_INBOUND_PATH, TWILIO_STATUS_PATH } from './twilio-webhooks.ts';

/** What SMS renders: numbered options instead of buttons, 10 GSM-7 segments, unaccented by default. */
export const SMS_CAPABILITIES: ChannelCapabilities = { quickReplies: false, maxLength: 1530, sms: true };

/**
 * Build the SMS channel from its variables, or null (with one info line) when no SMS provider is configured.
 * Throws when SMS_PROVIDER names a provider whose variables are missing.
 */
export function createSmsChannel(deps: ChannelDeps, env: SmsEnv): Channel | null {
  const settings = readSmsSettings(env, deps.publicBaseUrl);
  if (!settings.twilio && !settings.android && !settings.androidSigningKey) {
    deps.log.info('SMS channel off: set TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN or ANDROID_SMS_URL/ANDROID_SMS_USER/ANDROID_SMS_PASSWORD to enable it');
    return null;
  }
  const log = deps.log.child({ channel: 'sms' });

  let sender: SmsSender | null = null;
  if (settings.outbound === 'twilio' && settings.twilio) sender = { ...createTwilioSender(settings.twilio, deps), maxChars: TWILIO_MAX_BODY };
  if (settings.outbound === 'android' && settings.android) sender = { ...createAndroidSender(settings.android, deps), maxChars: Number.POSITIVE_INFINITY };
  if (settings.outbound === 'twilio' && !deps.publicBaseUrl) {
    log.warn('PUBLIC_BASE_URL is not set: Twilio messages go out without a StatusCallback, so delivery is not tracked');
  }

  // Each configured provider answers its own routes.
  const webhooks: SmsWebhook[] = [];
  const mounted: string[] = [];
  if (settings.twilio) {
    if (deps.publicBaseUrl) {
      webhooks.push(twilioWebhooks({ authToken: settings.twilio.authToken, publicBaseUrl: deps.publicBaseUrl }, { clock: deps.clock, log }));
      mounted.push('twilio');
    } else {
      log.warn('Twilio webhooks not mounted: set PUBLIC_BASE_URL (the exact public URL Twilio signs)');
    }
  }
  if (settings.androidSigningKey) {
    webhooks.push(androidWebhook(settings.androidSigningKey, { clock: deps.clock, log }));
    mounted.push('android');
  } else if (settings.android) {
    log.warn('Android gateway webhook not mounted: set ANDROID_SMS_SIGNING_KEY (Settings → Webhooks → Signing Key in the app)');
  }
  log.info({ outbound: settings.outbound, webhooks: mounted }, 'SMS channel ready');

  const byPath = new Map(webhooks.flatMap((w) => w.routes.map((r) => [r.path, w] as const)));
  const webhookOf = (request: ChannelRequest): SmsWebhook => {
    const webhook = byPath.get(request.path);
    if (!webhook) throw new Error(`no SMS webhook answers ${request.path} (bug: route mounted without a provider)`);
    return webhook;
  };

  return {
    name: 'sms',
    capabilities: SMS_CAPABILITIES,
    ratePerSecond: env.RATE_SMS,
    routes: webhooks.flatMap((w) => w.routes),
    verify: (request) => webhookOf(request).verify(request),
    parse: (request) => ({ events: webhookOf(request).parse(request) }),
    ack: ({ request }) => webhookOf(request).ack,
    send: (message) => sendSms(sender, message, { keepDiacritics: settings.keepDiacritics, log }),
  };
}
