import { describe, expect, it } from 'vitest';
import { contacts, signupReports, units } from '../../db/schema/index.ts';
import { dailyCounts, notReportedToday, reportingUnits, rollUp, unitStanding } from '../../db/queries/progress.ts';
import { childListings, importTargets, setUnitTarget, unitPath } from '../../db/queries/units.ts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { freshDb } from '../support/db.ts';

const NOW = new Date('2026-05-21T03:00:00Z');
const TODAY = '2026-05-21';

/** The current tree: Hà Nội (01) has 126 communes, Phường Ba Đình is 00004, Phường Ngọc Hà 00008. */
async function currentTree(): Promise<Db> {
  return await freshDb(NOW, '2025-07');
}

async function report(db: Db, unitCode: string, day: string, count: number): Promise<void> {
  const [reporter] = await db.insert(contacts).values({ name: 'Người báo cáo', role: 'staff', unitCode, createdAt: NOW }).returning();
  await db.insert(signupReports).values({ unitCode, reporterId: reporter!.id, day, count, createdAt: NOW });
}

describe('targets on the current tree (provinces and communes)', () => {
  it('gives each commune the default 50 and each province the sum of its communes', async () => {
    const db = await currentTree();
    const rollup = await rollUp(db, { today: TODAY });
    const hanoi = rollup.units.get('01');
    expect(rollup.units.get('00004')?.target).toBe(50);
    expect(hanoi?.target).toBe(50 * (hanoi?.children.length ?? 0));
    expect(rollup.root.target).toBe(50 * 3321);
  });

  it('uses a commune\'s own target and a province\'s own target when set, and counts the change in the sum', async () => {
    const db = await currentTree();
    await setUnitTarget(db, '00004', 80);
    const before = (await rollUp(db, { today: TODAY })).units.get('01')?.target ?? 0;
    expect((await rollUp(db, { today: TODAY })).units.get('00004')?.target).toBe(80);
    await setUnitTarget(db, '01', 9000);
    const after = await rollUp(db, { today: TODAY });
    expect(after.units.get('01')?.target).toBe(9000);
    expect(after.root.target).toBe(50 * 3321 + 30 - before + 9000);
    expect((await unitStanding(db, '01'))?.target).toBe(9000);
    await setUnitTarget(db, '01', null);
    expect((await unitStanding(db, '01'))?.target).toBe(before);
  });

  it('agrees with the roll-up when one unit\'s standing is asked directly', async () => {
    const db = await currentTree();
    await setUnitTarget(db, '00008', 10);
    await report(db, '00004', TODAY, 7);
    await report(db, '00008', '2026-05-20', 3);
    const rollup = await rollUp(db, { today: TODAY });
    for (const code of ['01', '00004', '00008']) {
      const u = rollup.units.get(code);
      expect(await unitStanding(db, code)).toEqual({ code, name: u?.name, total: u?.total, target: u?.target });
    }
  });

  it('expects reports from communes, so a province lists the communes that have not reported today', async () => {
    const db = await currentTree();
    await report(db, '00004', TODAY, 7);
    const rollup = await rollUp(db, { today: TODAY });
    const hanoi = rollup.units.get('01');
    expect(reportingUnits(rollup, '01')).toHaveLength(hanoi?.children.length ?? -1);
    const missing = notReportedToday(rollup, '01').map((u) => u.code);
    expect(missing).not.toContain('00004');
    expect(missing).toContain('00008');
  });

  it('draws the daily line of a subtree from the current reports of its units', async () => {
    const db = await currentTree();
    await report(db, '00004', '2026-05-20', 4);
    await report(db, '00008', '2026-05-20', 6);
    await report(db, '00004', TODAY, 7);
    await report(db, '79', TODAY, 100); // another province: not in Hà Nội's line
    expect(await dailyCounts(db, '01')).toEqual([
      { day: '2026-05-20', count: 10 },
      { day: TODAY, count: 7 },
    ]);
    expect(await dailyCounts(db, 'VN', { from: TODAY })).toEqual([{ day: TODAY, count: 107 }]);
  });

  it('names every step of the path from the nation down to a commune', async () => {
    const db = await currentTree();
    expect((await unitPath(db, '00004')).map((c) => c.name)).toEqual(['Toàn quốc', 'Thành phố Hà Nội', 'Phường Ba Đình']);
    expect(await unitPath(db, 'VN')).toEqual([{ code: 'VN', name: 'Toàn quốc', level: 'nation' }]);
  });

  it('lists a unit\'s children with the target in force beside their own', async () => {
    const db = await currentTree();
    await setUnitTarget(db, '00004', 80);
    const rows = await childListings(db, await rollUp(db, { today: TODAY }), '01');
    expect(rows.find((r) => r.code === '00004')).toMatchObject({ name: 'Phường Ba Đình', target: 80, ownTarget: 80, childCount: 0 });
    expect(rows.find((r) => r.code === '00008')).toMatchObject({ target: 50, ownTarget: null });
    expect(await childListings(db, await rollUp(db, { today: TODAY }), 'VN')).toHaveLength(34);
  });
});

describe('targets on the 2020-era tree', () => {
  it('keeps 50 per district and the province sum, as the plan set them', async () => {
    const db = await freshDb(NOW, '2025-03');
    const rollup = await rollUp(db, { today: TODAY });
    expect(rollup.units.get('017')?.target).toBe(50);
    expect(rollup.units.get('01')?.target).toBe(50 * (rollup.units.get('01')?.children.length ?? 0));
    expect(reportingUnits(rollup, '01').every((u) => u.level === 'district')).toBe(true);
  });
});

describe('importing targets from a CSV', () => {
  const csv = 'code,name,target\n00004,Phường Ba Đình,120\n00008,Phường Ngọc Hà,\n01,Thành phố Hà Nội,7000\n';

  it('reports the changes of a dry run and changes nothing', async () => {
    const db = await currentTree();
    await setUnitTarget(db, '00008', 30);
    const r = await importTargets(db, csv, { dryRun: true, allowed: () => true });
    expect(r.bad).toEqual([]);
    expect(r.applied).toBe(false);
    expect(r.changes.map((c) => [c.code, c.before, c.after])).toEqual([
      ['00004', null, 120],
      ['00008', 30, null],
      ['01', null, 7000],
    ]);
    expect((await db.select({ t: units.target }).from(units).where(eq(units.code, '00004')))[0]?.t).toBeNull();
  });

  it('applies the file when every row is good, and nothing when one row is bad', async () => {
    const db = await currentTree();
    expect((await importTargets(db, csv, { dryRun: false, allowed: () => true })).applied).toBe(true);
    expect((await rollUp(db, { today: TODAY })).units.get('01')?.target).toBe(7000);
    const bad = await importTargets(db, 'code,target\n00004,10\n99999,5\n00025,-3\n', { dryRun: false, allowed: () => true });
    expect(bad.bad.map((b) => b.line)).toEqual([3, 4]);
    expect(bad.applied).toBe(false);
    expect((await rollUp(db, { today: TODAY })).units.get('00004')?.target).toBe(120);
  });

  it('treats units outside the caller\'s scope as unknown', async () => {
    const db = await currentTree();
    const r = await importTargets(db, 'code,target\n00004,10\n', { dryRun: true, allowed: (code) => code.startsWith('79') });
    expect(r.bad[0]?.reason).toMatch(/unknown unit code "00004"/);
  });

  it('says which column is missing', async () => {
    expect((await importTargets(await currentTree(), 'code,muc_tieu\n00004,10\n', { dryRun: true, allowed: () => true })).bad[0]?.reason).toMatch(/missing column "target"/);
  });
});
