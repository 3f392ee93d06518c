import { describe, expect, it } from 'vitest';
import type { OutboxStatus } from '../../db/schema/index.ts';
import { deliveryReportApplies, type ReportedStatus } from '../../src/core/delivery-status.ts';

// current row status × reported status → does the report change the row?
const table: [OutboxStatus, ReportedStatus, boolean][] = [
  ['sending', 'sent', true],
  ['sending', 'delivered', true],
  ['sending', 'failed', true],
  ['sent', 'sent', false],
  ['sent', 'delivered', true],
  ['sent', 'failed', true],
  ['delivered', 'sent', false],
  ['delivered', 'failed', false],
  ['delivered', 'delivered', false],
  ['failed', 'sent', false],
  ['failed', 'delivered', false],
  ['failed', 'failed', false],
  ['skipped', 'delivered', false],
];

describe('delivery reports', () => {
  it.each(table)('a report of %2$s on a %1$s row applies: %3$s', (current, reported, applies) => {
    expect(deliveryReportApplies(current, reported)).toBe(applies);
  });
});
