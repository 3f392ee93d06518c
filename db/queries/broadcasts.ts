import { z } from 'zod';
import type { Db } from '../client.ts';
import { inTransaction } from '../client.ts';
import { ROLES, type BroadcastRow } from '../schema/index.ts';
import { CHANNELS, channelOf, type Address, type ChannelName } from '../../src/core/message.ts';
import { queueMessages } from '../../src/core/outbox.ts';
import { prepareSms } from '../../src/text/sms.ts';

/** Who a broadcast goes to. Residents only get it if they subscribed (consent recorded); nobody who opted out. */
export const AudienceSchema = z
  .object({
    roles: z.array(z.enum(ROLES)).min(1).default(['resident']),
    /** Staff and supervisors of this unit and the units below it (residents have no unit). */
    unitCode: z.string().min(1).max(20).optional(),
    channels: z.array(z.enum(CHANNELS)).min(1).optional(),
  })
  .strict();
export type Audience = z.infer<typeof AudienceSchema>;

/** The refusal instruction every bulk message ends with (Decree 91/2020: say how to refuse, and honour it). */
export function withOptOutFooter(text: string, channel: ChannelName): string {
  return channel === 'sms' ? `${text}\nSoạn HUY để từ chối nhận tin.` : `${text}\n(Gõ HUY để ngừng nhận tin.)`;
}

/** One address per recipient: the most recently used, reachable address on an allowed channel. */
export function selectRecipients(db: Db, audience: Audience): { contactId: number; address: Address; channel: ChannelName }[] {
  const roles = audience.roles;
  const channels = audience.channels ?? [...CHANNELS];
  // Parameters in the order their placeholders appear in the SQL text.
  const params: unknown[] = [...channels, ...roles];
  let unitFilter = '';
  if (audience.unitCode) {
    unitFilter = `AND c.unit_code IN (
      WITH RECURSIVE sub(code) AS (SELECT ? UNION ALL SELECT u.code FROM units u JOIN sub ON u.parent_code = sub.code)
      SELECT code FROM sub)`;
    params.push(audience.unitCode);
  }
  const rows = db.$client
    .prepare(
      `SELECT c.id AS contactId, (
         SELECT a.address FROM addresses a
         WHERE a.contact_id = c.id AND a.stopped_at IS NULL AND a.channel IN (${channels.map(() => '?').join(',')})
         ORDER BY a.last_inbound_at IS NULL, a.last_inbound_at DESC LIMIT 1) AS address
       FROM contacts c
       WHERE c.role IN (${roles.map(() => '?').join(',')}) AND c.opted_out = 0
         AND (c.role <> 'resident' OR c.subscribed = 1) ${unitFilter}`,
    )
    .all(...params) as { contactId: number; address: string | null }[];
  return rows
    .filter((r): r is { contactId: number; address: string } => r.address !== null)
    .map((r) => ({ contactId: r.contactId, address: r.address as Address, channel: channelOf(r.address as Address) }));
}


/** What a broadcast would do: how many people on which channel, and what one SMS costs (encoding, segments). */
export function previewBroadcast(db: Db, text: string, audience: Audience, keepDiacritics: boolean) {
  const recipients = selectRecipients(db, audience);
  const byChannel: Record<string, number> = {};
  for (const r of recipients) byChannel[r.channel] = (byChannel[r.channel] ?? 0) + 1;
  const sms = prepareSms(withOptOutFooter(text, 'sms'), { keepDiacritics });
  return {
    recipients: recipients.length,
    byChannel,
    sms: { text: sms.text, encoding: sms.encoding, segments: sms.segments, totalSegments: sms.segments * (byChannel['sms'] ?? 0) },
  };
}

/** Create the outbox rows of a broadcast (one per contact, never twice) and mark it queued. Returns the count. */
export function queueBroadcast(db: Db, broadcast: BroadcastRow, now: Date): number {
  return inTransaction(db, () => {
    const audience = AudienceSchema.parse(broadcast.audience);
    const recipients = selectRecipients(db, audience);
    const ids = queueMessages(
      db,
      now,
      recipients.map((r) => ({
        contactId: r.contactId,
        address: r.address,
        text: withOptOutFooter(broadcast.text, r.channel),
        priority: 'bulk' as const,
        broadcastId: broadcast.id,
        keepDiacritics: broadcast.keepDiacritics,
      })),
    );
    db.$client
      .prepare(`UPDATE broadcasts SET status = 'queued', queued_count = coalesce(queued_count, 0) + ? WHERE id = ?`)
      .run(ids.length, broadcast.id);
    return ids.length;
  });
}
