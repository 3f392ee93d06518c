import type { ChannelRequest, ChannelResponse, ChannelRoute } from '../../src/core/channel.ts';
import type { InboundEvent } from '../../src/core/message.ts';

/** One SMS provider's inbound half; the sms channel answers each route with the provider that owns it. */
export interface SmsWebhook {
  routes: ChannelRoute[];
  /** Throw WebhookRefusal unless the provider signed the request. */
  verify(request: ChannelRequest): void;
  parse(request: ChannelRequest): InboundEvent[];
  /** The answer the provider expects. */
  ack: ChannelResponse;
}
