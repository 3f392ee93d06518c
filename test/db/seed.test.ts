import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDb } from '../../db/client.ts';
import { nextLaunch, seedDefaults, seedOptions } from '../../db/seed/seed.ts';
import { loadConfig } from '../../src/config.ts';
import { importUnits } from '../../db/seed/units.ts';
import { campaigns, units } from '../../db/schema/index.ts';

describe('seed', () => {
  it('creates the plan\'s campaign once, with the eleven messages and the next 23 May 08:00 launch', async () => {
    const db = await openDb(':memory:');
    const now = new Date('2026-11-25T10:00:00Z');
    const { campaign, unitsImported } = await seedDefaults(db, { now, unitTree: '2025-03' });
    expect(unitsImported).toBe(759);
    expect(campaign.messages).toHaveLength(11);
    expect(campaign.hotline).toBe('1900 9068');
    expect(campaign.districtTarget).toBe(50);
    expect(campaign.theme).toBe('Chính sách bảo hiểm xã hội - điểm tựa an sinh của người lao động và Nhân dân');
    expect(campaign.launchAt.toISOString()).toBe('2027-05-23T01:00:00.000Z');
    await seedDefaults(db, { now });
    expect((await db.select({ n: sql<number>`count(*)` }).from(campaigns).limit(1))[0]?.n).toBe(1);
    expect((await db.select({ n: sql<number>`count(*)` }).from(units).limit(1))[0]?.n).toBe(759);
  });

  it('seeds the tree in force since 1 July 2025 by default: 34 provinces and 3,321 communes', async () => {
    const db = await openDb(':memory:');
    expect((await seedDefaults(db, { now: new Date('2026-11-25T10:00:00Z') })).unitsImported).toBe(3355);
    const levels = (await db.select({ level: units.level, n: sql<number>`count(*)` }).from(units).groupBy(units.level));
    expect(Object.fromEntries(levels.map((l) => [l.level, l.n]))).toEqual({ province: 34, commune: 3321 });
  });

  it('seeds the 2020-era tree when UNIT_TREE asks for 2025-03, and keeps a tree already loaded', async () => {
    const config = loadConfig({ UNIT_TREE: '2025-03' });
    const db = await openDb(':memory:');
    expect((await seedDefaults(db, seedOptions(config, new Date()))).unitsImported).toBe(759);
    expect((await seedDefaults(db, { now: new Date() })).unitsImported).toBe(0);
    expect(() => loadConfig({ UNIT_TREE: '2030-01' })).toThrow(/UNIT_TREE/);
  });

  it('takes the launch from CAMPAIGN_LAUNCH_AT, read as Hà Nội time', async () => {
    const db = await openDb(':memory:');
    const { campaign } = await seedDefaults(db, { now: new Date(), launchAt: '2027-05-22T07:30' });
    expect(campaign.launchAt.toISOString()).toBe('2027-05-22T00:30:00.000Z');
    expect(campaign.startsOn).toBe('2027-05-01');
  });

  it('launches this year when 23 May 08:00 is still ahead', () => {
    expect(nextLaunch(new Date('2027-05-23T00:59:00Z')).toISOString()).toBe('2027-05-23T01:00:00.000Z');
    expect(nextLaunch(new Date('2027-05-23T01:01:00Z')).toISOString()).toBe('2028-05-23T01:00:00.000Z');
  });
});

describe('import-units', () => {
  const header = 'code,name,type,level,parent_code\n';

  it('imports a post-2025 tree of provinces and communes', async () => {
    const db = await openDb(':memory:');
    const r = await importUnits(db, `${header}01,Thành phố Hà Nội,Thành phố,province,\n00004,Phường Ba Đình,Phường,commune,01\n`);
    expect(r).toEqual({ imported: 2, added: 2, bad: [] });
    expect((await db.select().from(units)).map((u) => u.nameFolded)).toEqual(['thanh pho ha noi', 'phuong ba dinh']);
  });

  it('reports every bad row and imports nothing from a file with errors', async () => {
    const db = await openDb(':memory:');
    const r = await importUnits(
      db,
      `${header}01,Hà Nội,Thành phố,province,\n001,Ba Đình,Quận,district,99\n002,,Quận,district,01\n01,Dup,x,province,\n003,X,Quận,ward,01\n`,
    );
    expect(r.imported).toBe(0);
    expect(r.bad.map((b) => b.line)).toEqual([3, 4, 5, 6]);
    expect(r.bad.map((b) => b.reason).join('|')).toMatch(/unknown parent_code 99.*empty name.*duplicate code 01.*level must be/);
    expect((await db.select().from(units))).toHaveLength(0);
  });

  it('says which columns are missing', async () => {
    const r = await importUnits(await openDb(':memory:'), 'code,name\n01,Hà Nội\n');
    expect(r.bad[0]?.reason).toMatch(/missing column "level"/);
  });
});

describe('import-units with a dry run and targets', () => {
  const header = 'code,name,type,level,parent_code,target\n';

  it('counts what a dry run would import and writes nothing', async () => {
    const db = await openDb(':memory:');
    const r = await importUnits(db, `${header}01,Hà Nội,Thành phố,province,\n00004,Phường Ba Đình,Phường,commune,01,120\n`, { dryRun: true });
    expect(r).toEqual({ imported: 2, added: 2, bad: [] });
    expect((await db.select().from(units))).toHaveLength(0);
  });

  it('takes a target column, empty meaning derived, and refuses a target that is not a whole number', async () => {
    const db = await openDb(':memory:');
    await importUnits(db, `${header}01,Hà Nội,Thành phố,province,\n00004,Phường Ba Đình,Phường,commune,01,"1.200"\n00008,Phường Ngọc Hà,Phường,commune,01,\n`);
    expect((await db.select({ code: units.code, target: units.target }).from(units))).toEqual([
      { code: '01', target: null },
      { code: '00004', target: 1200 },
      { code: '00008', target: null },
    ]);
    const bad = await importUnits(db, `${header}00004,Phường Ba Đình,Phường,commune,01,nhiều\n`);
    expect(bad.bad[0]?.reason).toMatch(/target must be a whole number/);
  });
});
