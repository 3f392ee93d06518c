import type { ChannelAdapter, ChannelDeps } from '../src/core/channel.ts';
import { createTelegramChannel } from './telegram/index.ts';
import { createZaloChannel } from './zalo/index.ts';
import { createSmsChannel } from './sms/index.ts';

/** Build every provider channel that has credentials; each one that is off logs how to turn it on. */
export function buildProviderChannels(deps: ChannelDeps): ChannelAdapter[] {
  return [createTelegramChannel(deps), createZaloChannel(deps), createSmsChannel(deps)].filter(
    (c): c is ChannelAdapter => c !== null,
  );
}
