import type { OutboxStatus } from '../../db/schema/index.ts';

/** A status a provider's delivery report can give. */
export type ReportedStatus = 'sent' | 'delivered' | 'failed';

/** How far along delivery each outbox status is. `delivered` and `failed` are both final. */
const PROGRESS: Record<OutboxStatus, number> = { queued: 0, sending: 0, skipped: 0, sent: 1, delivered: 2, failed: 2 };

/**
 * Whether a delivery report may change an outbox row: statuses only move forward (sent < delivered, sent < failed),
 * and a final status (delivered or failed) is never overwritten, whatever order the provider's callbacks arrive
 * in. A skipped row was never sent, so no report applies to it.
 */
export function deliveryReportApplies(current: OutboxStatus, reported: ReportedStatus): boolean {
  if (current === 'skipped') return false;
  return PROGRESS[reported] > PROGRESS[current];
}
