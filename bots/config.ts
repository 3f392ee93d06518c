/**
 * Every channel's environment variables, gathered for the composition root (src/config.ts parses them once at
 * start-up). Adding a channel adds its `config.ts` here.
 */
import type { EnvIssue, EnvOf } from '../src/core/env.ts';
import { smsEnv } from './sms/config.ts';
import { telegramEnv } from './telegram/config.ts';
import { webEnv } from './web/config.ts';
import { zaloEnv } from './zalo/config.ts';

/** The variables of all channels, one zod shape. */
export const CHANNEL_ENV_SHAPE = { ...webEnv.shape, ...telegramEnv.shape, ...zaloEnv.shape, ...smsEnv.shape };

/** Problems that span several variables of one channel (each channel's own checks), for parsed values. */
export function checkChannelEnv(env: EnvOf<typeof webEnv> & EnvOf<typeof telegramEnv> & EnvOf<typeof zaloEnv> & EnvOf<typeof smsEnv>): EnvIssue[] {
  return [...webEnv.check(env), ...telegramEnv.check(env), ...zaloEnv.check(env), ...smsEnv.check(env)];
}
