import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/client.ts';
import {
  countsByUnitDay,
  descendants,
  furthestBehind,
  notReportedToday,
  rollUp,
  unitStanding,
} from '../../../db/queries/progress.ts';
import { contacts, signupReports } from '../../../db/schema/index.ts';
import { smallTree } from './helpers.ts';

const NOW = new Date('2026-05-21T03:00:00Z');

/** A db with the small tree (P1: D11, D12 (target 80) ⊃ C121; P2 (target 300): D21) and two reporters. */
async function world(): Promise<{ db: Db; report: (unit: string, day: string, count: number, reporter?: 'a' | 'b') => Promise<void> }> {
  const db = openDb(':memory:');
  await smallTree(db);
  const [a] = await db.insert(contacts).values({ name: 'A', role: 'staff', createdAt: NOW }).returning();
  const [b] = await db.insert(contacts).values({ name: 'B', role: 'staff', createdAt: NOW }).returning();
  const report = async (unit: string, day: string, count: number, reporter: 'a' | 'b' = 'a') => {
    const reporterId = reporter === 'a' ? a!.id : b!.id;
    const prev = (await db.select().from(signupReports)).find(
      (r) => r.unitCode === unit && r.day === day && r.reporterId === reporterId && r.supersededBy === null,
    );
    const [row] = await db.insert(signupReports).values({ unitCode: unit, reporterId, day, count, createdAt: NOW }).returning();
    if (prev) await db.update(signupReports).set({ supersededBy: row!.id }).where(eq(signupReports.id, prev.id));
  };
  return { db, report };
}

describe('rollUp', () => {
  it('sums districts into provinces and provinces into the nation', async () => {
    const { db, report } = await world();
    await report('D11', '2026-05-20', 10);
    await report('D11', '2026-05-21', 5);
    await report('D12', '2026-05-21', 7);
    await report('D21', '2026-05-19', 30);
    const r = await rollUp(db, { today: '2026-05-21', districtTarget: 50 });
    const at = (c: string) => r.units.get(c);
    expect([at('D11')?.total, at('D12')?.total, at('P1')?.total, at('D21')?.total, at('P2')?.total, r.root.total]).toEqual([15, 7, 22, 30, 30, 52]);
    expect([at('D11')?.todayCount, at('P1')?.todayCount, at('P2')?.todayCount, r.root.todayCount]).toEqual([5, 12, 0, 12]);
  });

  it('takes the district default, an explicit target, and a province target as the sum of its districts unless set', async () => {
    const { db } = await world();
    const r = await rollUp(db, { today: '2026-05-21', districtTarget: 50 });
    expect(r.units.get('D11')?.target).toBe(50);
    expect(r.units.get('D12')?.target).toBe(80);
    expect(r.units.get('P1')?.target).toBe(130);
    expect(r.units.get('P2')?.target).toBe(300);
    expect(r.root.target).toBe(430);
  });

  it('counts only the latest report per unit × day × reporter, summed over reporters', async () => {
    const { db, report } = await world();
    await report('D11', '2026-05-21', 12, 'a');
    await report('D11', '2026-05-21', 10, 'a');
    await report('D11', '2026-05-21', 8, 'b');
    expect((await rollUp(db, { today: '2026-05-21', districtTarget: 50 })).units.get('D11')?.total).toBe(18);
    expect(await countsByUnitDay(db)).toEqual([{ unitCode: 'D11', day: '2026-05-21', count: 18 }]);
  });

  it('rolls a commune report into its district', async () => {
    const { db, report } = await world();
    await report('C121', '2026-05-21', 3);
    const r = await rollUp(db, { today: '2026-05-21', districtTarget: 50 });
    expect([r.units.get('C121')?.total, r.units.get('D12')?.total, r.units.get('D12')?.reportedToday]).toEqual([3, 3, true]);
    expect(await unitStanding(db, 'D12', { districtTarget: 50 })).toEqual({ code: 'D12', name: 'Huyện Một Hai', total: 3, target: 80 });
  });

  it('counts a report of zero as having reported today', async () => {
    const { db, report } = await world();
    await report('D11', '2026-05-21', 0);
    await report('D21', '2026-05-20', 4);
    const r = await rollUp(db, { today: '2026-05-21', districtTarget: 50 });
    expect(notReportedToday(r, r.root.code).map((u) => u.code)).toEqual(['D12', 'D21']);
    expect(notReportedToday(r, 'P1').map((u) => u.code)).toEqual(['D12']);
  });

  it('ranks the children furthest behind by share of target', async () => {
    const { db, report } = await world();
    await report('D11', '2026-05-21', 25); // 50%
    await report('D12', '2026-05-21', 20); // 25%
    const r = await rollUp(db, { today: '2026-05-21', districtTarget: 50 });
    expect(furthestBehind(r, 'P1', 5).map((u) => u.code)).toEqual(['D12', 'D11']);
    expect(furthestBehind(r, r.root.code, 1).map((u) => u.code)).toEqual(['P2']);
    expect(descendants(r, 'P1').map((u) => u.code)).toEqual(['D11', 'D12', 'C121']);
  });

  it('filters the per unit × day rows by day range', async () => {
    const { db, report } = await world();
    await report('D11', '2026-05-19', 1);
    await report('D11', '2026-05-20', 2);
    await report('D21', '2026-05-21', 3);
    expect(await countsByUnitDay(db, { from: '2026-05-20', to: '2026-05-20' })).toEqual([{ unitCode: 'D11', day: '2026-05-20', count: 2 }]);
  });
});
