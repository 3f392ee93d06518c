import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.ts';
import { matchPlaces, placeLabel } from '../../../db/queries/places.ts';
import { importUnits } from '../../../db/seed/units.ts';
import { freshDb } from '../../support/db.ts';

// The default tree (provinces and districts, March 2025) plus a sample of the July 2025 tree (its communes named
// Tân Lập or Mê Linh, from /work/shared/data/units-vn-2025-07.csv).
let db: Db;
beforeAll(async () => {
  db = await freshDb();
  const result = await importUnits(db, readFileSync(new URL('../../fixtures/units/communes-2025-07-sample.csv', import.meta.url), 'utf8'));
  expect(result.bad).toEqual([]);
});

describe('matching a place typed freely against the unit tree', () => {
  it('finds a district typed with diacritics', async () => {
    const m = await matchPlaces(db, 'huyện Mê Linh');
    expect(m[0]).toEqual({ code: '250', name: 'Huyện Mê Linh', level: 'district', parentName: 'Thành phố Hà Nội' });
    expect(m).toHaveLength(1);
  });

  it('offers every unit of a name when the kind is not given ("Mê Linh": district and commune)', async () => {
    expect((await matchPlaces(db, 'Mê Linh')).map((m) => m.code)).toEqual(['250', '09022']);
  });

  it('finds communes without diacritics and lists each one of the same name ("xa tan lap")', async () => {
    const m = await matchPlaces(db, 'xa tan lap');
    expect(m.length).toBeGreaterThan(1);
    expect(m.every((x) => x.name === 'Xã Tân Lập' && x.level === 'commune')).toBe(true);
    expect(new Set(m.map(placeLabel)).size).toBe(m.length);
  });

  it('narrows by the province written after a comma or just after the name', async () => {
    const province = (await matchPlaces(db, 'xa tan lap'))[0]!.parentName!;
    const short = province.replace(/^(Tỉnh|Thành phố) /, '');
    expect(await matchPlaces(db, `Tân Lập, ${short}`)).toHaveLength(1);
    expect((await matchPlaces(db, `tan lap ${short}`))[0]?.parentName).toBe(province);
  });

  it('reads "tôi ở …" and abbreviations such as "tp"', async () => {
    expect((await matchPlaces(db, 'tôi ở huyện Đông Anh'))[0]?.code).toBe('017');
    expect((await matchPlaces(db, 'tp ha noi'))[0]?.code).toBe('01');
  });

  it('returns nothing for a place that does not exist, or for text that is not a place', async () => {
    expect(await matchPlaces(db, 'Xã Không Tồn Tại')).toEqual([]);
    expect(await matchPlaces(db, "'; DROP TABLE units; --")).toEqual([]);
    expect(await matchPlaces(db, '<b>x</b>')).toEqual([]);
    expect(await matchPlaces(db, '🙂')).toEqual([]);
  });

  it('respects the limit', async () => {
    expect((await matchPlaces(db, 'tan', { limit: 3 })).length).toBeLessThanOrEqual(3);
  });
});
