import { z } from 'zod';
import { defineChannelEnv, envBool, envRate, envString, envUrl, type EnvIssue, type EnvOf } from '../../src/core/env.ts';

/** The SMS channel's environment variables, both providers (documented in .env.example). */
export const smsEnv = defineChannelEnv(
  {
    RATE_SMS: envRate.default(1),
    SMS_PROVIDER: z.enum(['twilio', 'android']).optional(),
    SMS_KEEP_DIACRITICS: envBool.default(false),
    TWILIO_ACCOUNT_SID: envString,
    TWILIO_AUTH_TOKEN: envString,
    TWILIO_MESSAGING_SERVICE_SID: envString,
    TWILIO_FROM: envString,
    TWILIO_API_BASE: envUrl,
    ANDROID_SMS_URL: envUrl,
    ANDROID_SMS_USER: envString,
    ANDROID_SMS_PASSWORD: envString,
    ANDROID_SMS_SIGNING_KEY: envString,
  },
  (env) => {
    const problems: EnvIssue[] = [];
    const need = (provider: string, names: (keyof typeof env)[]) => {
      for (const name of names) if (!env[name]) problems.push({ variable: name, message: `required when SMS_PROVIDER=${provider}` });
    };
    if (env.SMS_PROVIDER === 'twilio') {
      need('twilio', ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN']);
      if (!env.TWILIO_MESSAGING_SERVICE_SID && !env.TWILIO_FROM) {
        problems.push({ variable: 'TWILIO_FROM', message: 'set TWILIO_MESSAGING_SERVICE_SID or TWILIO_FROM when SMS_PROVIDER=twilio' });
      }
    }
    if (env.SMS_PROVIDER === 'android') need('android', ['ANDROID_SMS_URL', 'ANDROID_SMS_USER', 'ANDROID_SMS_PASSWORD']);
    return problems;
  },
);

export type SmsEnv = EnvOf<typeof smsEnv>;
