import type { InboundEvent } from '../../src/core/message.ts';
import { toAddress } from '../../src/core/message.ts';
import { FollowEvent, UserSendText, UserSubmitInfo } from './schema.ts';

/** What parsing one verified webhook body gave: an event to dispatch, an event we ignore, or a body we do not understand. */
export type ZaloParse = { ok: true; event: InboundEvent | null } | { ok: false; reason: string };

/**
 * Turn one Zalo OA webhook event into a normalised inbound event. Echoes of our own sends (`oa_send_*`) and
 * events we do not act on are `event: null`. Events without a message id get a key built from the user and the
 * timestamp the event was signed with (body or header): part of the signed content, so a redelivery repeats it,
 * and never the arrival time.
 */
export function parseZaloEvent(eventName: string, body: unknown, signedTimestamp: string, receivedAt: Date): ZaloParse {
  const ts = signedTimestamp;
  switch (eventName) {
    case 'user_send_text': {
      const p = UserSendText.safeParse(body);
      if (!p.success) return { ok: false, reason: 'user_send_text without sender.id, message.text or message.msg_id' };
      const from = toAddress('zalo', p.data.sender.id);
      return { ok: true, event: { kind: 'text', channel: 'zalo', providerId: p.data.message.msg_id, from, text: p.data.message.text, receivedAt } };
    }
    case 'follow':
    case 'unfollow': {
      const p = FollowEvent.safeParse(body);
      if (!p.success) return { ok: false, reason: `${eventName} without follower.id` };
      const kind = eventName === 'follow' ? 'subscribe' : 'unsubscribe';
      const from = toAddress('zalo', p.data.follower.id);
      return { ok: true, event: { kind, channel: 'zalo', providerId: `${eventName}:${p.data.follower.id}:${ts}`, from, receivedAt } };
    }
    case 'user_submit_info': {
      const p = UserSubmitInfo.safeParse(body);
      if (!p.success) return { ok: false, reason: 'user_submit_info without sender.id or info.phone' };
      const from = toAddress('zalo', p.data.sender.id);
      const name = p.data.info.name?.trim();
      return {
        ok: true,
        event: {
          kind: 'phone',
          channel: 'zalo',
          providerId: `user_submit_info:${p.data.sender.id}:${ts}`,
          from,
          phone: p.data.info.phone,
          ...(name ? { name } : {}),
          receivedAt,
        },
      };
    }
    default:
      return { ok: true, event: null };
  }
}
