import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, callbackRequests } from '../../db/schema/index.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { addConsoleUser, askForCallback, queuedTo, referenceIn, tokenFor, type ConsoleUser, type StaffKey } from '../flows/callback/support.ts';

// Wednesday 20 May 2026, 10:00 in Hà Nội. Requests: two in Mê Linh (250, Hà Nội), one in Hồng Bàng (303, Hải Phòng).
let t: TestService;
let people: Record<StaffKey, ConsoleUser>;
let refs: { meLinh1: string; meLinh2: string; hongBang: string };
beforeEach(async () => {
  t = await startTestService({ options: { manualOutbox: true } });
  const db = t.service.db;
  const entries: [StaffKey, ConsoleUser][] = [];
  for (const k of ['an', 'binh', 'cuong', 'dung', 'giang', 'hanh', 'viet'] as const) entries.push([k, await addConsoleUser(db, k)]);
  people = Object.fromEntries(entries) as Record<StaffKey, ConsoleUser>;
  const meLinh1 = referenceIn(await askForCallback(t.chat(), { phone: '0912000001', name: 'Trần Thị Bé' }));
  t.clock.advance(2 * 3600_000);
  const meLinh2 = referenceIn(await askForCallback(t.chat(), { phone: '0912000002', question: '=1+1 <script>alert(1)</script>' }));
  const hongBang = referenceIn(await askForCallback(t.chat(), { phone: '0912000003', place: 'quận Hồng Bàng' }));
  refs = { meLinh1, meLinh2, hongBang };
});
afterEach(async () => {
  await t.close();
});

async function api(who: StaffKey | null, method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown>; raw: Response }> {
  const headers: Record<string, string> = {};
  if (who) headers['Authorization'] = `Bearer ${await tokenFor(t.service.db, people[who].userId)}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const raw = await fetch(`${t.url}${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const type = raw.headers.get('content-type') ?? '';
  const json = type.includes('json') ? ((await raw.clone().json()) as Record<string, unknown>) : {};
  return { status: raw.status, json, raw };
}

type Item = { id: number; reference: string; status: string; unitCode: string; assignee: { id: number; name: string } | null };
const refsOf = (json: Record<string, unknown>) => (json['callbacks'] as Item[]).map((c) => c.reference).sort();

describe('the callback queue through the admin API, within the caller\'s units', () => {
  it('lists only the requests of the caller\'s subtree, with the contract fields', async () => {
    const hanoi = await api('giang', 'GET', '/admin/callbacks');
    expect(hanoi.status).toBe(200);
    expect(refsOf(hanoi.json)).toEqual([refs.meLinh1, refs.meLinh2].sort());
    const first = (hanoi.json['callbacks'] as Item[])[0]!;
    expect(first).toMatchObject({ reference: refs.meLinh1, status: 'assigned', unitCode: '250', assignee: { id: people.an.userId, name: 'Tư vấn viên An' } });
    expect(refsOf((await api('hanh', 'GET', '/admin/callbacks')).json)).toEqual([refs.hongBang]);
    expect(refsOf((await api('dung', 'GET', '/admin/callbacks')).json)).toEqual([refs.hongBang]);
  });

  it('filters by unit, status, assignee and age, and answers 404 for a unit outside the scope', async () => {
    expect(refsOf((await api('giang', 'GET', '/admin/callbacks?unit=250')).json)).toHaveLength(2);
    expect(refsOf((await api('giang', 'GET', '/admin/callbacks?unit=017')).json)).toEqual([]);
    expect((await api('giang', 'GET', '/admin/callbacks?unit=31')).status).toBe(404);
    expect(refsOf((await api('giang', 'GET', `/admin/callbacks?assignee=${people.binh.userId}`)).json)).toEqual([refs.meLinh2]);
    expect(refsOf((await api('giang', 'GET', '/admin/callbacks?age=1')).json)).toEqual([refs.meLinh1]);
    expect(refsOf((await api('giang', 'GET', '/admin/callbacks?status=called')).json)).toEqual([]);
    expect((await api('giang', 'GET', '/admin/callbacks?status=lost')).status).toBe(400);
    expect((await api('giang', 'GET', '/admin/callbacks?age=abc')).status).toBe(400);
  });

  it('shows one request with its history, by id or reference; outside the scope it does not exist', async () => {
    const one = await api('an', 'GET', `/admin/callbacks/${refs.meLinh1}`);
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ reference: refs.meLinh1, status: 'assigned', unitCode: '250', unitName: 'Huyện Mê Linh', name: 'Trần Thị Bé' });
    expect((one.json['history'] as { event: string }[]).map((h) => h.event)).toEqual(['created', 'assigned']);
    const byId = await api('an', 'GET', `/admin/callbacks/${one.json['id'] as number}`);
    expect(byId.json['reference']).toBe(refs.meLinh1);
    expect((await api('dung', 'GET', `/admin/callbacks/${refs.meLinh1}`)).status).toBe(404);
    expect((await api('an', 'GET', '/admin/callbacks/ZZ9999')).status).toBe(404);
    expect((await api(null, 'GET', `/admin/callbacks/${refs.meLinh1}`)).status).toBe(401);
  });

  it('lets a supervisor assign a request to a consultant of its unit, who is told; others may not assign', async () => {
    const res = await api('giang', 'POST', `/admin/callbacks/${refs.meLinh1}/assign`, { assigneeId: people.cuong.userId });
    expect(res.status).toBe(200);
    expect(res.json['assignee']).toEqual({ id: people.cuong.userId, name: 'Tư vấn viên Cường' });
    expect((await queuedTo(t.service.db, `tel:${people.cuong.phone}`)).at(-1)).toMatch(new RegExp(`${refs.meLinh1} được giao cho anh/chị`));
    expect((await api('giang', 'POST', `/admin/callbacks/${refs.meLinh1}/assign`, { assigneeId: people.dung.userId })).status).toBe(400);
    expect((await api('an', 'POST', `/admin/callbacks/${refs.meLinh2}/assign`, { assigneeId: people.an.userId })).status).toBe(403);
    expect((await api('viet', 'POST', `/admin/callbacks/${refs.meLinh2}/assign`, { assigneeId: people.an.userId })).status).toBe(403);
    expect((await api('hanh', 'POST', `/admin/callbacks/${refs.meLinh2}/assign`, { assigneeId: people.dung.userId })).status).toBe(404);
    expect((await api('giang', 'POST', `/admin/callbacks/${refs.meLinh2}/assign`, { assigneeId: 'x' })).status).toBe(400);
  });

  it('lets the assignee change the status and add notes, audited; another consultant and a viewer may not', async () => {
    const note = await api('an', 'POST', `/admin/callbacks/${refs.meLinh1}/notes`, { text: 'Gọi lúc 9h không nghe máy' });
    expect(note.status).toBe(201);
    const done = await api('an', 'PATCH', `/admin/callbacks/${refs.meLinh1}`, { status: 'called', note: 'Đã tư vấn' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'called', notes: 'Đã tư vấn' });
    expect((done.json['history'] as { event: string }[]).map((h) => h.event)).toEqual(['created', 'assigned', 'note', 'called', 'resident_told']);
    expect((await api('an', 'PATCH', `/admin/callbacks/${refs.meLinh1}`, { status: 'taken' })).status).toBe(409);
    expect((await api('an', 'PATCH', `/admin/callbacks/${refs.meLinh2}`, { status: 'called' })).status).toBe(403);
    expect((await api('viet', 'PATCH', `/admin/callbacks/${refs.meLinh2}`, { status: 'called' })).status).toBe(403);
    expect((await api('giang', 'PATCH', `/admin/callbacks/${refs.meLinh2}`, { status: 'lost' })).status).toBe(400);
    expect((await api('giang', 'PATCH', `/admin/callbacks/${refs.meLinh2}`, {})).status).toBe(400);
    expect((await api('giang', 'PATCH', `/admin/callbacks/${refs.meLinh2}`, { note: 'x'.repeat(2001) })).status).toBe(400);
    expect((await api('giang', 'PATCH', `/admin/callbacks/${refs.meLinh2}`, { status: 'cancelled' })).status).toBe(200);
    const actions = (await t.service.db.select().from(auditLog)).map((a) => a.action).filter((a) => a.startsWith('callback.'));
    expect(actions).toEqual(['callback.note', 'callback.update', 'callback.update']);
  });

  it('exports the caller\'s requests as CSV (UTF-8 with BOM, formulas neutralised) and XLSX', async () => {
    const csv = await api('giang', 'GET', '/admin/callbacks.csv');
    expect(csv.status).toBe(200);
    expect(csv.raw.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.raw.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Mã,Trạng thái,Mã đơn vị,Đơn vị,Họ tên');
    expect(text).toContain(refs.meLinh1);
    expect(text).not.toContain(refs.hongBang);
    expect(text).toContain("'=1+1 <script>alert(1)</script>");
    const xlsx = await api('giang', 'GET', '/admin/callbacks.xlsx?status=assigned');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.raw.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).getCell(1).value).toBe('Mã');
    expect((await api('giang', 'GET', '/admin/callbacks.pdf')).status).toBe(404);
    expect((await api(null, 'GET', '/admin/callbacks.csv')).status).toBe(401);
  });

  it('keeps every request intact when shown: names and questions come back exactly as typed', async () => {
    const rows = (await t.service.db.select().from(callbackRequests));
    expect(rows.map((r) => r.topic)).toContain('=1+1 <script>alert(1)</script>');
    const one = await api('giang', 'GET', `/admin/callbacks/${refs.meLinh2}`);
    expect(one.json['topic']).toBe('=1+1 <script>alert(1)</script>');
  });
});
