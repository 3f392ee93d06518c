import type { AndroidSettings } from './android-send.ts';
import type { SmsEnv } from './config.ts';
import type { TwilioSettings } from './twilio-send.ts';

export type SmsProvider = 'twilio' | 'android';

/** What the environment says about the two providers. */
export interface SmsSettings {
  twilio: TwilioSettings | null;
  android: AndroidSettings | null;
  androidSigningKey: string | undefined;
  /** The provider outbound SMS go through, if any can send. */
  outbound: SmsProvider | null;
  keepDiacritics: boolean;
}

/**
 * Read the SMS settings: outbound through SMS_PROVIDER, or whichever provider can send (Twilio if both). Throws an
 * Error naming the variables when the chosen provider cannot work (start-up stops before that: src/config.ts).
 */
export function readSmsSettings(env: SmsEnv, publicBaseUrl: string | undefined): SmsSettings {
  const twilio: TwilioSettings | null =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
      ? {
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
          messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
          from: env.TWILIO_FROM,
          apiBase: env.TWILIO_API_BASE,
          publicBaseUrl,
        }
      : null;
  const android: AndroidSettings | null =
    env.ANDROID_SMS_URL && env.ANDROID_SMS_USER && env.ANDROID_SMS_PASSWORD
      ? { url: env.ANDROID_SMS_URL, user: env.ANDROID_SMS_USER, password: env.ANDROID_SMS_PASSWORD }
      : null;
  const twilioCanSend = twilio !== null && Boolean(twilio.messagingServiceSid ?? twilio.from);

  let outbound: SmsProvider | null;
  if (env.SMS_PROVIDER === 'twilio') {
    if (!twilio) throw new Error('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
    if (!twilioCanSend) throw new Error('SMS_PROVIDER=twilio needs TWILIO_MESSAGING_SERVICE_SID or TWILIO_FROM');
    outbound = 'twilio';
  } else if (env.SMS_PROVIDER === 'android') {
    if (!android) throw new Error('SMS_PROVIDER=android needs ANDROID_SMS_URL, ANDROID_SMS_USER and ANDROID_SMS_PASSWORD');
    outbound = 'android';
  } else {
    outbound = twilioCanSend ? 'twilio' : android ? 'android' : null;
  }
  return { twilio, android, androidSigningKey: env.ANDROID_SMS_SIGNING_KEY, outbound, keepDiacritics: env.SMS_KEEP_DIACRITICS };
}
