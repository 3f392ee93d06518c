import { z } from 'zod';
import { defineChannelEnv, envBool, envRate, envString, envUrl, type EnvOf } from '../../src/core/env.ts';

/** Telegram's environment variables (documented in .env.example). */
export const telegramEnv = defineChannelEnv({
  RATE_TELEGRAM: envRate.default(25),
  TELEGRAM_BOT_TOKEN: envString,
  TELEGRAM_WEBHOOK_SECRET: envString.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'may only contain A-Z, a-z, 0-9, _ and - (Telegram rule)').optional(),
  ),
  TELEGRAM_API_ROOT: envUrl,
  TELEGRAM_POLLING: envBool.default(false),
});

export type TelegramEnv = EnvOf<typeof telegramEnv>;
