import { defineChannelEnv, envRate, type EnvOf } from '../../src/core/env.ts';

/** The web chat's environment variables (documented in .env.example). */
export const webEnv = defineChannelEnv({
  RATE_WEB: envRate.default(0),
});

export type WebEnv = EnvOf<typeof webEnv>;
