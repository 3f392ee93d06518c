import type { Channel, ChannelDeps } from '../src/core/channel.ts';
import type { SmsEnv } from './sms/config.ts';
import { createSmsChannel } from './sms/index.ts';
import type { TelegramEnv } from './telegram/config.ts';
import { createTelegramChannel } from './telegram/index.ts';
import type { ZaloEnv } from './zalo/config.ts';
import { createZaloChannel } from './zalo/index.ts';

/** Build every provider channel that has credentials; each one that is off logs how to turn it on. */
export function buildProviderChannels(deps: ChannelDeps, env: TelegramEnv & ZaloEnv & SmsEnv): Channel[] {
  return [createTelegramChannel(deps, env), createZaloChannel(deps, env), createSmsChannel(deps, env)].filter(
    (c): c is Channel => c !== null,
  );
}
