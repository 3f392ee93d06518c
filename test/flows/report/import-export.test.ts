import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addresses, contacts, settings, staffUnits } from '../../../db/schema/index.ts';
import { exportProgress, buildProgressTable } from '../../../flows/report/export-progress.ts';
import { importStaff } from '../../../flows/report/import-staff.ts';
import { freshDb } from '../../support/db.ts';
import { createWorld } from './helpers.ts';

const NOW = new Date('2026-05-21T03:00:00Z');
const HEADER = 'name,phone,unit_code,role,telegram,zalo';
const GOOD = [
  'Nguyễn Thị Lan,0912345678,017,staff,,',
  'Trần Văn Minh,+84 987 654 321,01,supervisor,@minh_bhxh,',
  'Đỗ Văn Hải,84912000222,001,staff,123456789,8427000000000000001',
  'Đỗ Văn Hải,84912000222,002,staff,,',
];

const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('importStaff', () => {
  it.each([
    ['a wrong phone', 'Bad Phone,0123456789,017,staff,,', 'phone "0123456789" is not a valid Vietnamese number'],
    ['an obsolete 012x mobile', 'Old Mobile,01223456789,017,staff,,', 'not a valid Vietnamese number'],
    ['a foreign phone', 'Foreign,+14155552671,017,staff,,', 'not a valid Vietnamese number'],
    ['an unknown unit', 'No Unit,0912000333,999,staff,,', 'unit_code 999 is not a known unit'],
    ['a wrong role', 'Wrong Role,0912000444,017,admin,,', 'role must be staff or supervisor, not "admin"'],
    ['an empty name', ',0912000555,017,staff,,', 'name is empty'],
    ['a bad telegram', 'Bad Tg,0912000666,017,staff,a b,', 'telegram "a b" is neither a chat id nor a username'],
    ['a bad zalo id', 'Bad Zalo,0912000777,017,staff,,abc', 'zalo "abc" is not a Zalo user id'],
    ['a repeated row', 'Nguyễn Thị Lan,0912345678,017,staff,,', 'phone repeats line 2 for the same unit'],
  ])('reports %s with its line and imports nothing', async (_what, row, reason) => {
    const db = await freshDb(NOW);
    const result = await importStaff(db, csv(...GOOD, row), { now: NOW });
    expect(result).toEqual({ imported: 0, updated: 0, bad: [{ line: 6, reason: expect.stringContaining(reason) }] });
    expect(await db.select().from(contacts)).toHaveLength(0);
  });

  it('lists every bad row on a dry run and writes nothing', async () => {
    const db = await freshDb(NOW);
    const result = await importStaff(db, csv(...GOOD, 'X,123,017,staff,,', 'Y,0912000888,999,boss,,'), { now: NOW, dryRun: true, skipBad: true });
    expect(result.imported).toBe(3);
    expect(result.bad.map((b) => b.line)).toEqual([6, 7]);
    expect(result.bad[1]?.reason).toContain('; role must be');
    expect(await db.select().from(contacts)).toHaveLength(0);
  });

  it('imports the good rows of a bad file with skipBad', async () => {
    const db = await freshDb(NOW);
    const result = await importStaff(db, csv(...GOOD, 'X,123,017,staff,,'), { now: NOW, skipBad: true });
    expect(result).toMatchObject({ imported: 3, updated: 0, bad: [{ line: 6 }] });
    const hai = (await db.select().from(contacts).where(eq(contacts.phone, '+84912000222')))[0];
    expect(hai).toMatchObject({ name: 'Đỗ Văn Hải', role: 'staff', unitCode: '001' });
    expect(await db.select().from(staffUnits)).toEqual([{ contactId: hai?.id, unitCode: '002' }]);
    const addrs = (await db.select().from(addresses).where(eq(addresses.contactId, hai?.id ?? 0))).map((a) => a.address).sort();
    expect(addrs).toEqual(['tel:+84912000222', 'telegram:123456789', 'zalo:8427000000000000001']);
    const minh = (await db.select().from(contacts).where(eq(contacts.phone, '+84987654321')))[0];
    expect((await db.select().from(settings).where(eq(settings.key, 'staff.telegram-username:minh_bhxh')))[0]?.value).toBe(String(minh?.id));
  });

  it('updates people already known by phone, such as a resident who texted before', async () => {
    const db = await freshDb(NOW);
    const [before] = await db.insert(contacts).values({ phone: '+84912345678', role: 'resident', createdAt: NOW }).returning();
    const result = await importStaff(db, csv(...GOOD), { now: NOW });
    expect(result).toEqual({ imported: 2, updated: 1, bad: [] });
    expect((await db.select().from(contacts).where(eq(contacts.id, before!.id)))[0]).toMatchObject({ role: 'staff', unitCode: '017', name: 'Nguyễn Thị Lan' });
    expect(await importStaff(db, csv(...GOOD), { now: NOW })).toEqual({ imported: 0, updated: 3, bad: [] });
  });

  it('reads a BOM and Vietnamese headers, and rejects a file without the needed columns', async () => {
    const db = await freshDb(NOW);
    expect((await importStaff(db, '\uFEFFHọ tên,SĐT,unit_code,role\nLan,0912345678,017,staff', { now: NOW, dryRun: true })).bad).toEqual([]);
    expect((await importStaff(db, 'name,phone\nLan,0912345678', { now: NOW })).bad.map((b) => b.reason)).toEqual([
      'missing column "unit_code"',
      'missing column "role"',
    ]);
  });
});

describe('exportProgress', async () => {
  async function reported() {
    const w = await createWorld();
    await w.as('lan', 'BC 26 20/5');
    await w.as('lan', 'BC 12');
    await w.as('tuan', 'BC 3');
    await w.as('hai', 'BC 5 DV 001');
    return w;
  }

  it('writes a CSV with a UTF-8 BOM, a column per day and totals', async () => {
    const w = await reported();
    const buf = await exportProgress(w.db, { format: 'csv', now: w.clock.now() });
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.toString('utf8').slice(1).trim().split('\n');
    expect(lines[0]).toBe('Cấp,Mã tỉnh,Tỉnh,Mã đơn vị,Đơn vị,20/05/2026,21/05/2026,Tổng,Chỉ tiêu,Tỷ lệ (%)');
    expect(lines).toContain('Huyện,01,Thành phố Hà Nội,017,Huyện Đông Anh,26,15,41,50,82');
    expect(lines).toContain('Huyện,01,Thành phố Hà Nội,001,Quận Ba Đình,0,5,5,50,10');
    expect(lines).toContain('Tổng tỉnh,01,Thành phố Hà Nội,01,Thành phố Hà Nội,26,20,46,1500,3');
    expect(lines.at(-1)).toMatch(/^Toàn quốc,,,VN,Toàn quốc,26,20,46,\d+,0$/);
    expect(lines).toHaveLength(1 + 696 + 63 + 1);
  });

  it('writes the same table as an xlsx workbook', async () => {
    const w = await reported();
    const buf = await exportProgress(w.db, { format: 'xlsx', now: w.clock.now() });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tiến độ');
    const table = await buildProgressTable(w.db, { now: w.clock.now() });
    expect(ws?.rowCount).toBe(table.rows.length + 1);
    expect(ws?.getRow(1).getCell(6).value).toBe('20/05/2026');
  });
});
