import { SendError, DEFAULT_CAPABILITIES, type OutboundChannel, type SendResult } from '../../src/core/channel.ts';
import type { ChannelName, OutboundMessage } from '../../src/core/message.ts';

/** An outbound channel that records what it was asked to send and fails on demand. */
export interface FakeChannel extends OutboundChannel {
  sent: OutboundMessage[];
  /** Queue failures for the next sends, in order. */
  failNext(...errors: SendError[]): void;
}

export function fakeChannel(name: ChannelName, ratePerSecond = 0): FakeChannel {
  const failures: SendError[] = [];
  const sent: OutboundMessage[] = [];
  return {
    name,
    capabilities: DEFAULT_CAPABILITIES[name],
    ratePerSecond,
    sent,
    failNext: (...errors) => failures.push(...errors),
    send(message): Promise<SendResult> {
      const failure = failures.shift();
      if (failure) return Promise.reject(failure);
      sent.push(message);
      return Promise.resolve({ providerId: `${name}-${message.id}` });
    },
  };
}

export { SendError };
