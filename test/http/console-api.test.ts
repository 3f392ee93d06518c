import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/service.ts';
import { addConsoleUser, addReport, call, type ConsoleUser } from '../support/console.ts';

interface Listing {
  code: string;
  name: string;
  target: number;
  ownTarget: number | null;
  childCount: number;
}
interface UnitsAnswer {
  parent: Listing;
  path: { code: string; name: string }[];
  units: Listing[];
}
interface Summary {
  today: string;
  path: { code: string; name: string }[];
  unit: { code: string; total: number; target: number; todayCount: number };
  children: { code: string; name: string; total: number }[];
  daily: { day: string; count: number }[];
  missing: { count: number; units: { code: string; name: string }[] };
}

// 2026-05-21 10:00 in Hà Nội, on the current tree: Hà Nội (01) ⊃ Phường Ba Đình (00004); Hồ Chí Minh City is 79.
const NOW = '2026-05-21T03:00:00Z';
const TODAY = '2026-05-21';

describe('the console API on the current unit tree', () => {
  let t: TestService;
  let admin: ConsoleUser;
  let hanoi: ConsoleUser;
  let viewer: ConsoleUser;
  let consultant: ConsoleUser;
  beforeAll(async () => {
    t = await startTestService({ now: NOW, env: { UNIT_TREE: '2025-07' } });
    const db = t.service.db;
    const now = new Date(NOW);
    admin = await addConsoleUser(db, { name: 'Quản trị', role: 'admin', email: 'admin@example.vn', now });
    hanoi = await addConsoleUser(db, { name: 'Giám sát Hà Nội', role: 'supervisor', unit: '01', email: 'hn@example.vn', now });
    viewer = await addConsoleUser(db, { name: 'Người xem Hà Nội', role: 'viewer', unit: '01', email: 'xem@example.vn', now });
    consultant = await addConsoleUser(db, { name: 'Tư vấn Hà Nội', role: 'consultant', unit: '01', email: 'tv@example.vn', now });
    await addReport(db, '00004', '2026-05-20', 4, now);
    await addReport(db, '00004', TODAY, 7, now);
    await addReport(db, '00008', TODAY, 2, now);
    await addReport(db, '25747', TODAY, 30, now); // a commune of Hồ Chí Minh City
  }, 60_000);
  afterAll(() => t.close());

  it("lists a unit's children with names and targets, the default 50 on each commune", async () => {
    const r = await call<UnitsAnswer>(`${t.url}/admin/units?parent=01`, admin.token);
    expect(r.status).toBe(200);
    expect(r.body.parent).toMatchObject({ code: '01', name: 'Thành phố Hà Nội', ownTarget: null });
    expect(r.body.units.find((u) => u.code === '00004')).toMatchObject({ name: 'Phường Ba Đình', target: 50, ownTarget: null, childCount: 0 });
    expect(r.body.parent.target).toBe(50 * r.body.units.length);
    expect(r.body.path.map((p) => p.name)).toEqual(['Toàn quốc', 'Thành phố Hà Nội']);
    const top = await call<UnitsAnswer>(`${t.url}/admin/units`, admin.token);
    expect(top.body.units).toHaveLength(34);
  });

  it("starts a province supervisor at their province and hides every other unit as not found", async () => {
    const mine = await call<UnitsAnswer>(`${t.url}/admin/units`, hanoi.token);
    expect(mine.body.parent.code).toBe('01');
    expect(mine.body.path.map((p) => p.code)).toEqual(['01']);
    expect((await call(`${t.url}/admin/units?parent=79`, hanoi.token)).status).toBe(404);
    expect((await call(`${t.url}/admin/units?parent=VN`, hanoi.token)).status).toBe(404);
    expect((await call(`${t.url}/admin/units?parent=nope`, admin.token)).status).toBe(404);
    expect((await fetch(`${t.url}/admin/units`)).status).toBe(401);
  });

  it('lets a supervisor set a target in their province, refuses one outside it and refuses a viewer, and audits the change', async () => {
    const set = await call<Listing>(`${t.url}/admin/units/00004/target`, hanoi.token, { method: 'PUT', json: { target: 120 } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ code: '00004', target: 120, ownTarget: 120 });
    expect((await call(`${t.url}/admin/units/25747/target`, hanoi.token, { method: 'PUT', json: { target: 1 } })).status).toBe(404);
    expect((await call(`${t.url}/admin/units/00004/target`, viewer.token, { method: 'PUT', json: { target: 1 } })).status).toBe(403);
    expect((await call(`${t.url}/admin/units/00004/target`, hanoi.token, { method: 'PUT', json: { target: -5 } })).status).toBe(400);
    const audit = await call<{ entries: { action: string; subject: string }[] }>(`${t.url}/admin/audit`, admin.token);
    expect(audit.body.entries.some((e) => e.action === 'unit.target' && e.subject === 'unit:00004')).toBe(true);
    await call(`${t.url}/admin/units/00004/target`, hanoi.token, { method: 'PUT', json: { target: null } });
  });

  it('imports targets from a CSV after a dry run that shows the changes and changes nothing', async () => {
    const csv = 'code,name,target\n00004,Phường Ba Đình,90\n00008,Phường Ngọc Hà,70\n';
    const dry = await call<{ changes: unknown[]; applied: boolean }>(`${t.url}/admin/units/targets?dryRun=1`, hanoi.token, { method: 'POST', csv });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ applied: false, changes: [{ code: '00004', before: null, after: 90 }, { code: '00008', before: null, after: 70 }] });
    expect((await call<UnitsAnswer>(`${t.url}/admin/units?parent=01`, hanoi.token)).body.units.find((u) => u.code === '00004')?.ownTarget).toBeNull();
    const outside = await call<{ bad: { line: number }[] }>(`${t.url}/admin/units/targets`, hanoi.token, { method: 'POST', csv: 'code,target\n25747,5\n' });
    expect(outside.status).toBe(422);
    expect(outside.body.bad[0]?.line).toBe(2);
    const real = await call<{ applied: boolean }>(`${t.url}/admin/units/targets`, hanoi.token, { method: 'POST', csv });
    expect(real.body.applied).toBe(true);
    expect((await call<UnitsAnswer>(`${t.url}/admin/units?parent=01`, hanoi.token)).body.units.find((u) => u.code === '00008')?.target).toBe(70);
  });

  it('lets only a national admin import a unit tree, after a dry run', async () => {
    const csv = 'code,name,type,level,parent_code\n01,Thành phố Hà Nội,Thành phố trung ương,province,\n99901,Xã Thử Nghiệm,Xã,commune,01\n';
    expect((await call(`${t.url}/admin/units/import?dryRun=1`, hanoi.token, { method: 'POST', csv })).status).toBe(403);
    const dry = await call(`${t.url}/admin/units/import?dryRun=1`, admin.token, { method: 'POST', csv });
    expect(dry.body).toMatchObject({ imported: 2, added: 1, dryRun: true });
    expect((await call(`${t.url}/admin/units?parent=99901`, admin.token)).status).toBe(404);
    const bad = await call(`${t.url}/admin/units/import`, admin.token, { method: 'POST', csv: 'code,name\n1,x\n' });
    expect(bad.status).toBe(422);
  });

  it("summarises a province for the progress page: children, named breadcrumb, daily line and who has not reported", async () => {
    const r = await call<Summary>(`${t.url}/admin/progress/summary?unit=01`, hanoi.token);
    expect(r.status).toBe(200);
    expect(r.body.today).toBe(TODAY);
    expect(r.body.path.map((p) => p.name)).toEqual(['Thành phố Hà Nội']);
    expect(r.body.unit).toMatchObject({ code: '01', total: 13, todayCount: 9 });
    expect(r.body.children.find((c) => c.code === '00004')).toMatchObject({ name: 'Phường Ba Đình', total: 11 });
    expect(r.body.daily).toEqual([{ day: '2026-05-20', count: 4 }, { day: TODAY, count: 9 }]);
    expect(r.body.missing.count).toBe(r.body.children.length - 2);
    expect(r.body.missing.units.map((m) => m.code)).not.toContain('00004');
    const nation = await call<Summary>(`${t.url}/admin/progress/summary`, admin.token);
    expect(nation.body.unit.total).toBe(43);
    expect((await call(`${t.url}/admin/progress/summary?unit=79`, hanoi.token)).status).toBe(404);
    expect((await call(`${t.url}/admin/progress/summary?unit=01`, consultant.token)).status).toBe(403);
  });

  it('exports the subtree shown, and a province supervisor only their province', async () => {
    const csv = await call(`${t.url}/admin/progress/export?unit=01&format=csv`, hanoi.token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    // fetch's text() drops the BOM; the bytes keep it, so Excel shows Vietnamese.
    const raw = await fetch(`${t.url}/admin/progress/export?unit=01&format=csv`, { headers: { Authorization: `Bearer ${hanoi.token}` } });
    expect([...Buffer.from(await raw.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain('Phường Ba Đình');
    expect(csv.text).not.toContain('Hồ Chí Minh');
    const xlsx = await fetch(`${t.url}/admin/progress/export?unit=00004&format=xlsx`, { headers: { Authorization: `Bearer ${hanoi.token}` } });
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect((await call(`${t.url}/admin/progress/export?unit=79&format=csv`, hanoi.token)).status).toBe(404);
  });

  it('shows and changes the campaign: launch in Hà Nội time, messages, default target; supervisors may only read', async () => {
    const read = await call<{ launchAt: string; defaultTarget: number; messages: string[] }>(`${t.url}/admin/campaign`, hanoi.token);
    expect(read.status).toBe(200);
    expect(read.body.messages).toHaveLength(11);
    expect(read.body.defaultTarget).toBe(50);
    expect((await call(`${t.url}/admin/campaign`, hanoi.token, { method: 'PATCH', json: { defaultTarget: 60 } })).status).toBe(403);
    const patch = await call<{ launchAt: string; startsOn: string; defaultTarget: number }>(`${t.url}/admin/campaign`, admin.token, {
      method: 'PATCH',
      json: { launchAt: '2026-06-01T08:00', defaultTarget: 60 },
    });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ launchAt: '2026-06-01T01:00:00.000Z', startsOn: '2026-06-01', defaultTarget: 60 });
    expect((await call<UnitsAnswer>(`${t.url}/admin/units?parent=01`, admin.token)).body.units.find((u) => u.code === '00025')?.target).toBe(60);
    expect((await call(`${t.url}/admin/campaign`, admin.token, { method: 'PATCH', json: { launchAt: 'thứ bảy' } })).status).toBe(400);
    expect((await call(`${t.url}/admin/campaign`, admin.token, { method: 'PATCH', json: { colour: 'red' } })).status).toBe(400);
    await call(`${t.url}/admin/campaign`, admin.token, { method: 'PATCH', json: { launchAt: '2026-05-23T08:00', defaultTarget: 50 } });
  });

  it('imports staff of the province after a dry run, lists them, and deactivates one', async () => {
    const csv = 'name,phone,unit_code,role\nNguyễn Thị Lan,0912345678,00004,staff\nTrần Văn Minh,0987654321,00008,staff\n';
    const dry = await call(`${t.url}/admin/staff/import?dryRun=1`, hanoi.token, { method: 'POST', csv });
    expect(dry.body).toMatchObject({ imported: 2, updated: 0, bad: [], dryRun: true });
    expect((await call<{ staff: unknown[] }>(`${t.url}/admin/staff`, hanoi.token)).body.staff.filter((s) => (s as { phone: string }).phone === '+84912345678')).toHaveLength(0);
    const outside = await call<{ bad: { line: number }[] }>(`${t.url}/admin/staff/import`, hanoi.token, { method: 'POST', csv: `${csv}Lê Văn C,0911111111,25747,staff\n` });
    expect(outside.status).toBe(422);
    expect(outside.body.bad.map((b) => b.line)).toEqual([4]);
    expect((await call(`${t.url}/admin/staff/import`, hanoi.token, { method: 'POST', csv })).body).toMatchObject({ imported: 2, dryRun: false });
    const list = await call<{ staff: { id: number; name: string; unitName: string; channels: string[] }[] }>(`${t.url}/admin/staff`, hanoi.token);
    const lan = list.body.staff.find((s) => s.name === 'Nguyễn Thị Lan');
    expect(lan).toMatchObject({ unitName: 'Phường Ba Đình', channels: ['sms'] });
    expect((await call(`${t.url}/admin/staff/${lan?.id}/deactivate`, viewer.token, { method: 'POST' })).status).toBe(403);
    expect((await call(`${t.url}/admin/staff/${lan?.id}/deactivate`, hanoi.token, { method: 'POST' })).body).toEqual({ id: lan?.id, active: false });
    expect((await call<{ staff: { name: string }[] }>(`${t.url}/admin/staff`, hanoi.token)).body.staff.map((s) => s.name)).not.toContain('Nguyễn Thị Lan');
  });

  it('measures a text as SMS: unaccented GSM-7 as sent, UCS-2 as written', async () => {
    const r = await call(`${t.url}/admin/sms/measure`, hanoi.token, { method: 'POST', json: { text: 'Tham gia BHXH tự nguyện' } });
    expect(r.body).toEqual({
      sms: { text: 'Tham gia BHXH tu nguyen', encoding: 'GSM-7', segments: 1, characters: 23 },
      asWritten: { encoding: 'UCS-2', segments: 1, characters: 23 },
    });
    expect((await call(`${t.url}/admin/sms/measure`, viewer.token, { method: 'POST', json: { text: 'x' } })).status).toBe(403);
  });

  it('lists who may take the callback requests of a commune, within the caller\'s scope', async () => {
    const r = await call<{ assignees: { name: string; role: string }[] }>(`${t.url}/admin/assignees?unit=00004`, hanoi.token);
    expect(r.body.assignees.map((a) => a.name).sort()).toEqual(['Giám sát Hà Nội', 'Tư vấn Hà Nội']);
    expect((await call(`${t.url}/admin/assignees?unit=25747`, hanoi.token)).status).toBe(404);
    const central = await call<{ assignees: { name: string }[] }>(`${t.url}/admin/assignees?unit=25747`, admin.token);
    expect(central.body.assignees.map((a) => a.name)).toEqual(['Quản trị']);
  });

  it('publishes the admin API as an OpenAPI document, with the schemas the routes validate with', async () => {
    const res = await fetch(`${t.url}/admin/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { 'x-access': string; parameters?: { name: string }[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/admin/units']?.['get']?.['x-access']).toBe('units.read');
    expect(doc.paths['/admin/units']?.['get']?.parameters?.map((p) => p.name)).toEqual(['parent']);
    expect(doc.paths['/admin/units/{code}/target']?.['put']?.requestBody?.content['application/json']?.schema.properties).toHaveProperty('target');
    expect(doc.paths['/admin/session']?.['post']?.['x-access']).toBe('public');
    expect(doc.paths['/admin/callbacks']?.['get']?.['x-access']).toBe('callbacks.read');
  });
});
