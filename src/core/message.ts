/** Channels the service speaks. `web` is the built-in web chat (and the terminal chat). */
export const CHANNELS = ['web', 'telegram', 'zalo', 'sms'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/**
 * An address is written like a URN: `tel:+84912345678`, `telegram:123456789`, `zalo:8427…`, `web:<session>`.
 * The scheme `tel` belongs to the `sms` channel. Provider ids are always strings (they can exceed 2^53).
 */
export type Address = `${'tel' | 'telegram' | 'zalo' | 'web'}:${string}`;

const SCHEME_TO_CHANNEL = { tel: 'sms', telegram: 'telegram', zalo: 'zalo', web: 'web' } as const satisfies Record<
  string,
  ChannelName
>;

/** The channel that delivers to an address. */
export function channelOf(address: Address): ChannelName {
  const scheme = address.slice(0, address.indexOf(':')) as keyof typeof SCHEME_TO_CHANNEL;
  return SCHEME_TO_CHANNEL[scheme];
}

/** Build an address from a channel and a provider id. */
export function toAddress(channel: ChannelName, id: string): Address {
  const scheme = channel === 'sms' ? 'tel' : channel;
  return `${scheme}:${id}` as Address;
}

/** The provider-side id of an address (`telegram:42` → `42`). */
export function addressId(address: Address): string {
  return address.slice(address.indexOf(':') + 1);
}

/** What a channel's parse step produces: one normalised inbound event, free of provider words. */
export type InboundEvent =
  | {
      kind: 'text';
      channel: ChannelName;
      /** Provider message id (Telegram update_id, Twilio MessageSid, Zalo msg_id …): the dedupe key. */
      providerId: string;
      from: Address;
      text: string;
      /** Display name the provider gave, if any (kept in the database, never logged). */
      name?: string;
      /** A public handle (Telegram @username): staff imported by username are recognised by it. */
      username?: string;
      receivedAt: Date;
    }
  | {
      /** A phone number the person proved on this channel (Telegram contact share, Zalo submit info). */
      kind: 'phone';
      channel: ChannelName;
      providerId: string;
      from: Address;
      phone: string;
      name?: string;
      receivedAt: Date;
    }
  | { kind: 'subscribe' | 'unsubscribe'; channel: ChannelName; providerId: string; from: Address; username?: string; receivedAt: Date }
  | {
      /** Delivery report for a message we sent earlier. */
      kind: 'status';
      channel: ChannelName;
      providerId: string;
      /** The provider's id of the outbound message. */
      messageId: string;
      status: 'sent' | 'delivered' | 'failed';
      /** Set when the provider says the recipient refused messages (Twilio 21610 …). */
      stopped?: boolean;
      error?: string;
      receivedAt: Date;
    };

/** One reply a flow produces. Quick replies are rendered per channel (buttons, keyboard, or numbered SMS options). */
export interface Reply {
  text: string;
  quickReplies?: string[];
  /** Ask the person to share their phone number (Telegram request_contact); other channels ignore it. */
  requestPhone?: boolean;
}

/** An outbound message as the outbox hands it to a channel. */
export interface OutboundMessage {
  /** Outbox row id: stable across retries, usable as an idempotency key. */
  id: number;
  to: Address;
  text: string;
  quickReplies?: string[];
  requestPhone?: boolean;
  priority: 'reply' | 'bulk';
  /** SMS only: keep diacritics instead of sending unaccented text. */
  keepDiacritics?: boolean;
}
