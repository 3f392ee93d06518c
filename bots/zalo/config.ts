import { z } from 'zod';
import { defineChannelEnv, envRate, envString, envUrl, type EnvOf } from '../../src/core/env.ts';

/** Zalo's environment variables (documented in .env.example). */
export const zaloEnv = defineChannelEnv({
  RATE_ZALO: envRate.default(50),
  ZALO_APP_ID: envString,
  ZALO_APP_SECRET: envString,
  ZALO_OA_SECRET_KEY: envString,
  ZALO_REFRESH_TOKEN: envString,
  ZALO_API_BASE: envUrl,
  ZALO_OAUTH_BASE: envUrl,
  /** Signed events older than this are refused (a replay, or a redelivery too late to act on). */
  ZALO_EVENT_MAX_AGE_HOURS: z.coerce.number().positive('must be a positive number of hours').default(24),
});

export type ZaloEnv = EnvOf<typeof zaloEnv>;
