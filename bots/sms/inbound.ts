/** What both SMS providers' webhooks do with what they receive, written once: inbound texts and delivery reports. */
import type { InboundEvent } from '../../src/core/message.ts';
import type { Logger } from '../../src/core/log.ts';
import { normalisePhone } from '../../src/text/sms.ts';
import { normaliseInbound } from '../../src/text/vietnamese.ts';

/**
 * One received SMS as a text event keyed by the provider's message id, or none: a sender that is not a
 * Vietnamese mobile number (short codes, landlines) or an empty text is acknowledged and ignored.
 */
export function inboundSms(sms: { messageId: string; from: string; text: string }, receivedAt: Date, log: Logger): InboundEvent[] {
  const from = normalisePhone(sms.from);
  const text = normaliseInbound(sms.text);
  if (!from || text === '') {
    log.debug({ reason: from ? 'empty text' : 'sender is not a Vietnamese mobile number' }, 'inbound SMS ignored');
    return [];
  }
  return [{ kind: 'text', channel: 'sms', providerId: sms.messageId, from: `tel:${from}`, text, receivedAt }];
}

/** A delivery report for a message we sent, keyed by the message id and the provider's own status word. */
export function deliveryReport(
  report: { messageId: string; providerStatus: string; status: 'sent' | 'delivered' | 'failed'; stopped?: boolean; error?: string },
  receivedAt: Date,
): InboundEvent {
  return {
    kind: 'status',
    channel: 'sms',
    providerId: `${report.messageId}:${report.providerStatus}`,
    messageId: report.messageId,
    status: report.status,
    ...(report.stopped && { stopped: true }),
    ...(report.error && { error: report.error }),
    receivedAt,
  };
}
