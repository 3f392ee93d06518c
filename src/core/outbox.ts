import { and, eq } from 'drizzle-orm';
import { inTransaction, type Db } from '../../db/client.ts';
import { hotQueries } from '../../db/queries/hot.ts';
import { outbox } from '../../db/schema/index.ts';
import { channelOf, type Address, type Reply } from './message.ts';
import { DEFAULT_CAPABILITIES, type ChannelCapabilities } from './channel.ts';

/** One message to queue. Flows, broadcasts, reminders and jobs only ever call this; they never call a channel. */
export interface QueueItem {
  contactId: number | null;
  address: Address;
  text: string;
  priority: 'reply' | 'bulk';
  quickReplies?: string[];
  requestPhone?: boolean;
  keepDiacritics?: boolean;
  broadcastId?: number;
  inboundId?: number;
  /** Earliest send time (default: now). */
  notBefore?: Date;
}

/**
 * Render quick replies for channels without buttons: numbered options and a line saying what to type
 * ("Soạn 1, 2 hoặc 3"), so a person on a basic phone can answer with a digit.
 */
export function renderReplyText(reply: Reply, capabilities: ChannelCapabilities): string {
  const options = reply.quickReplies ?? [];
  if (capabilities.quickReplies || options.length === 0) return reply.text;
  const lines = options.map((o, i) => `${i + 1}. ${o}`);
  const digits = options.map((_o, i) => String(i + 1));
  const last = digits.pop();
  const prompt = digits.length > 0 ? `Soạn ${digits.join(', ')} hoặc ${last}` : `Soạn ${last}`;
  return `${reply.text}\n${lines.join('\n')}\n${prompt}`;
}

/**
 * Insert outbox rows (in the caller's transaction, if any) and return their ids in order. With `deliveredByCaller`
 * the caller hands the texts over itself, in its own response (web chat, terminal chat): the rows are the record of
 * what was said and are written as sent.
 */
export function queueMessages(db: Db, now: Date, items: QueueItem[], opts: { deliveredByCaller?: boolean } = {}): number[] {
  if (items.length === 0) return [];
  const insert = hotQueries(db).insertOutbox;
  const status = opts.deliveredByCaller ? 'sent' : 'queued';
  const sentAt = opts.deliveredByCaller ? now.getTime() : null;
  return inTransaction(db, () => {
    const ids: number[] = [];
    for (const item of items) {
      const channel = channelOf(item.address);
      const quick = item.quickReplies && item.quickReplies.length > 0 ? item.quickReplies : undefined;
      // A broadcast row that already exists for this contact is skipped (unique broadcast × contact).
      const inserted = insert.get(
        item.contactId,
        item.address,
        channel,
        renderReplyText({ text: item.text, quickReplies: quick }, DEFAULT_CAPABILITIES[channel]),
        quick ? JSON.stringify(quick) : null,
        item.requestPhone ? 1 : 0,
        item.priority === 'reply' ? 0 : 1,
        status,
        opts.deliveredByCaller ? 1 : 0,
        sentAt,
        (item.notBefore ?? now).getTime(),
        item.keepDiacritics ? 1 : 0,
        item.broadcastId ?? null,
        item.inboundId ?? null,
        now.getTime(),
      );
      if (inserted) ids.push(inserted.id);
    }
    return ids;
  });
}

/** Record a delivery report from a provider (matched by the provider's message id). Idempotent. */
export function recordDeliveryStatus(
  db: Db,
  channel: string,
  providerMessageId: string,
  status: 'sent' | 'delivered' | 'failed',
  error?: string,
): number | null {
  const row = db
    .select({ id: outbox.id, contactId: outbox.contactId, status: outbox.status })
    .from(outbox)
    .where(and(eq(outbox.channel, channel), eq(outbox.providerId, providerMessageId)))
    .get();
  if (!row) return null;
  // Never move a row backwards (a late "sent" after "delivered").
  if (status === 'sent' && (row.status === 'delivered' || row.status === 'failed')) return row.contactId;
  db.update(outbox)
    .set({ status, error: error ?? null })
    .where(eq(outbox.id, row.id))
    .run();
  return row.contactId;
}
