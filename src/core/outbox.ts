import { withinTransaction, type Db } from '../../db/client.ts';
import { messagePathQueries } from '../../db/queries/message-path.ts';
import { applyDeliveryReport, markWebDelivered, rowByProviderId, webWaiting } from '../../db/queries/outbox.ts';
import { channelOf, type Address, type Reply } from './message.ts';
import type { ChannelCapabilities } from './channel.ts';

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
 * what was said and are written as delivered. The text is stored as the flow wrote it, with its quick replies
 * beside it: the sender renders them for the channel that actually sends (buttons, or numbered options).
 */
export async function queueMessages(db: Db, now: Date, items: QueueItem[], opts: { deliveredByCaller?: boolean } = {}): Promise<number[]> {
  if (items.length === 0) return [];
  const q = messagePathQueries(db);
  // Handed over by the caller in its own response: delivered (web chat's pickup only collects `sent` rows).
  const status = opts.deliveredByCaller ? 'delivered' : 'queued';
  const sentAt = opts.deliveredByCaller ? now.getTime() : null;
  return withinTransaction(db, async () => {
    const ids: number[] = [];
    for (const item of items) {
      const quick = item.quickReplies && item.quickReplies.length > 0 ? item.quickReplies : undefined;
      // A broadcast row that already exists for this contact is skipped (unique broadcast × contact).
      const id = await q.insertOutbox({
        contactId: item.contactId,
        address: item.address,
        channel: channelOf(item.address),
        text: item.text,
        quickReplies: quick ? JSON.stringify(quick) : null,
        requestPhone: item.requestPhone === true,
        priority: item.priority === 'reply' ? 0 : 1,
        status,
        attempts: opts.deliveredByCaller ? 1 : 0,
        sentAt,
        nextAttemptAt: (item.notBefore ?? now).getTime(),
        keepDiacritics: item.keepDiacritics === true,
        broadcastId: item.broadcastId ?? null,
        inboundId: item.inboundId ?? null,
        createdAt: now.getTime(),
      });
      if (id !== undefined) ids.push(id);
    }
    return ids;
  });
}

/**
 * Record a delivery report from a provider (matched by the provider's message id). Idempotent, and a row never
 * moves backwards: `sent` < `delivered`, and a final status (delivered, failed, skipped) is never overwritten.
 * Returns the row's contact, or null when no row has this provider id.
 */
export async function recordDeliveryStatus(
  db: Db,
  channel: string,
  providerMessageId: string,
  status: 'sent' | 'delivered' | 'failed',
  error?: string,
): Promise<number | null> {
  const row = await rowByProviderId(db, channel, providerMessageId);
  if (!row) return null;
  await applyDeliveryReport(db, row.id, status, error ?? null);
  return row.contactId;
}

/** Most waiting web chat messages handed over in one response. */
const WEB_PICKUP_LIMIT = 50;

/**
 * Hand over the messages waiting for a web chat session (broadcasts, reminders, a consultant's note): the outbox
 * marks web rows `sent` when they are stored for the page, and they become `delivered` only here, when the page
 * collects them. Durable: they survive a restart, and nothing is marked delivered that the page did not receive.
 * Inside the caller's transaction when there is one (the web chat's message), else in one of its own (a poll).
 */
export async function collectWebMessages(db: Db, address: Address): Promise<{ text: string; quickReplies: string[] }[]> {
  // Almost every request finds nothing waiting: look first, and write only to hand something over.
  if (!(await messagePathQueries(db).webMessageWaiting(address))) return [];
  return withinTransaction(db, async () => {
    const rows = await webWaiting(db, address, WEB_PICKUP_LIMIT);
    await markWebDelivered(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ text: r.text, quickReplies: r.quickReplies ?? [] }));
  });
}
