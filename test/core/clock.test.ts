import { describe, expect, it } from 'vitest';
import { localDay, localMinutes } from '../../src/core/clock.ts';

describe('the Vietnamese calendar day of an instant', () => {
  it('turns at midnight in Hà Nội (17:00 UTC), whichever day was asked for before', () => {
    const seq: [string, string][] = [
      ['2026-12-31T16:59:59.999Z', '2026-12-31'],
      ['2026-12-31T17:00:00.000Z', '2027-01-01'],
      ['2026-12-31T16:59:59.999Z', '2026-12-31'], // back again: not the day remembered
      ['2027-01-01T16:59:59.999Z', '2027-01-01'],
      ['2027-01-01T17:00:00.000Z', '2027-01-02'],
      ['2020-05-22T17:00:00.000Z', '2020-05-23'],
      ['2027-01-01T10:00:00.000Z', '2027-01-01'],
    ];
    for (const [iso, day] of seq) expect(localDay(new Date(iso)), iso).toBe(day);
    expect(localMinutes(new Date('2026-12-31T17:30:00Z'))).toBe(30);
  });

  it('gives an empty day for an invalid date, and remembers nothing from it', () => {
    expect(localDay(new Date('nonsense'))).toBe('');
    expect(localDay(new Date('2027-05-23T01:00:00Z'))).toBe('2027-05-23');
  });
});
