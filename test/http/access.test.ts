import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from 'express';
import { startTestService, type TestService } from '../support/service.ts';
import { seedPerson } from '../support/seed.ts';
import { createAccount, createApiToken } from '../../src/core/accounts.ts';
import { declaredRoutes } from '../../src/http/admin/route.ts';
import { eq } from 'drizzle-orm';
import { callbackRequests, contacts, units } from '../../db/schema/index.ts';

const BOOTSTRAP = 'bootstrap-token-0123456789';
let t: TestService;
/** Tokens of named users: Hà Nội (01) supervisor, viewer and consultant; Hồ Chí Minh City (79) supervisor; a national admin. */
const tok: Record<'admin' | 'hnSupervisor' | 'hnViewer' | 'hnConsultant' | 'hcmSupervisor', string> = {
  admin: '',
  hnSupervisor: '',
  hnViewer: '',
  hnConsultant: '',
  hcmSupervisor: '',
};
const uid: Partial<Record<keyof typeof tok, number>> = {};
let hcmStaffPhone = '';
let hcmStaffId = 0;
let hnCallback = 0;
let hcmCallback = 0;

beforeAll(async () => {
  t = await startTestService({ env: { ADMIN_TOKEN: BOOTSTRAP, SIGNIN_RATE_PER_ADDRESS: '1000' } });
  const db = t.service.db;
  const now = t.clock.now();
  const make = async (key: keyof typeof tok, role: 'admin' | 'supervisor' | 'viewer' | 'consultant', unit: string) => {
    const user = await createAccount(db, { name: key, role, unit, email: `${key}@bhxh.test`, password: 'mat-khau-rat-dai' }, { actor: 'test', now });
    tok[key] = (await createApiToken(db, user.id, { days: 30, actor: 'test', now })).token;
    uid[key] = user.id;
  };
  await make('admin', 'admin', 'VN');
  await make('hnSupervisor', 'supervisor', '01');
  await make('hnViewer', 'viewer', '01');
  await make('hnConsultant', 'consultant', '01');
  await make('hcmSupervisor', 'supervisor', '79');
  seedPerson(db, 'lan'); // staff of 017 (Hà Nội)
  const [hcmDistrict] = await db.select({ code: units.code }).from(units).where(eq(units.parentCode, '79')).limit(1);
  if (!hcmDistrict) throw new Error('no district under 79');
  hcmStaffPhone = '+84987000111';
  hcmStaffId = (await db.insert(contacts).values({ name: 'Cán bộ HCM', phone: hcmStaffPhone, role: 'staff', unitCode: hcmDistrict.code, createdAt: now }).returning())[0]!.id;
  const resident = seedPerson(db, 'hoa');
  // The Hà Nội request is assigned to the Hà Nội consultant (only the assignee or a supervisor may change it).
  const cb = async (unitCode: string, reference: string, assigneeId: number | null) =>
    (await db
      .insert(callbackRequests)
      .values({ reference, contactId: resident.id, phone: '+84911222333', unitCode, status: 'assigned', assigneeId, createdAt: now, updatedAt: now })
      .returning())[0]!.id;
  hnCallback = await cb('017', 'HN0001', uid.hnConsultant ?? null);
  hcmCallback = await cb(hcmDistrict.code, 'HC0001', null);
});
afterAll(async () => {
  await t.close();
});

/** A request as a script makes it: JSON bodies, or CSV text (a body given as { csv }). */
async function call(method: string, path: string, token?: string, body?: unknown): Promise<Response> {
  const csv = typeof body === 'object' && body !== null && 'csv' in body ? String((body as { csv: string }).csv) : undefined;
  return fetch(`${t.url}${path}`, {
    method,
    headers: {
      ...(token && { Authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'Content-Type': csv !== undefined ? 'text/csv' : 'application/json' }),
    },
    ...(body !== undefined && { body: csv ?? JSON.stringify(body) }),
  });
}

/** Routes that are not admin routes: channel webhooks and the web chat, each guarded by its own signature or open by design. */
const CHANNEL_ROUTES = /^(\/|\/healthz|\/web\/chat(\.js|\.css)?|\/webhooks\/.*)$/;
/** The console's static files: they hold no data (everything comes from the guarded API). */
const CONSOLE_FILES = /^(\/console,\/console\/|\/console\/.*)$/;

function mountedRoutes(app: Application): string[] {
  const router = (app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
  return router.stack
    .filter((l) => l.route)
    .flatMap((l) => Object.keys(l.route?.methods ?? {}).map((m) => `${m.toUpperCase()} ${l.route?.path}`));
}

describe('every route declares who may use it', () => {
  it('finds no admin or console route mounted without a declared action', () => {
    const declared = declaredRoutes(t.service.app);
    const routes = mountedRoutes(t.service.app);
    expect(routes.length).toBeGreaterThan(10);
    const undeclared = routes.filter((r) => !declared.has(r) && !CHANNEL_ROUTES.test(r.split(' ')[1] ?? '') && !CONSOLE_FILES.test(r.split(' ')[1] ?? ''));
    expect(undeclared).toEqual([]);
  });
});

type Case = { route: string; path?: string; body?: unknown; ok: keyof typeof tok; denied: keyof typeof tok; status?: number };
/**
 * One row per declared route: the request, a caller who may (2xx) and one who may not — by role (403) or by scope
 * (404, or a list without the other province's rows). The table must cover every declared route.
 */
const CASES = (): Case[] => [
  { route: 'GET /admin/progress', path: '/admin/progress?unit=01', ok: 'hnViewer', denied: 'hcmSupervisor' },
  { route: 'GET /admin/progress.json', ok: 'hnViewer', denied: 'hnConsultant' },
  { route: 'GET /admin/progress.:format', path: '/admin/progress.csv', ok: 'hnViewer', denied: 'hnConsultant' },
  { route: 'POST /admin/link-codes', body: { phone: '{hcmStaffPhone}' }, ok: 'hcmSupervisor', denied: 'hnSupervisor', status: 201 },
  { route: 'GET /admin/callbacks', ok: 'hnConsultant', denied: 'hcmSupervisor' },
  { route: 'PATCH /admin/callbacks/:id', path: '/admin/callbacks/{hnCallback}', body: { note: 'đã gọi' }, ok: 'hnConsultant', denied: 'hcmSupervisor' },
  { route: 'GET /admin/callbacks.:format', path: '/admin/callbacks.csv', ok: 'hnConsultant', denied: 'hcmSupervisor' },
  { route: 'GET /admin/callbacks/:id', path: '/admin/callbacks/{hnCallback}', ok: 'hnConsultant', denied: 'hcmSupervisor' },
  { route: 'POST /admin/callbacks/:id/assign', path: '/admin/callbacks/{hnCallback}/assign', body: { assigneeId: '{hnConsultantId}' }, ok: 'hnSupervisor', denied: 'hnConsultant' },
  { route: 'POST /admin/callbacks/:id/notes', path: '/admin/callbacks/{hnCallback}/notes', body: { text: 'đã gọi' }, ok: 'hnConsultant', denied: 'hnViewer', status: 201 },
  { route: 'POST /admin/broadcasts/preview', body: { text: 'Xin chào', audience: { roles: ['staff'], unitCode: '01' } }, ok: 'hnViewer', denied: 'hcmSupervisor' },
  { route: 'POST /admin/broadcasts', body: { text: 'Nhắc báo cáo', audience: { roles: ['staff'], unitCode: '01' }, sendAt: '2026-05-21T09:00' }, ok: 'hnSupervisor', denied: 'hnViewer', status: 201 },
  { route: 'GET /admin/broadcasts', ok: 'hnViewer', denied: 'hnConsultant' },
  { route: 'GET /admin/broadcasts/:id', path: '/admin/broadcasts/1', ok: 'hnViewer', denied: 'hcmSupervisor' },
  { route: 'POST /admin/broadcasts/:id/confirm', path: '/admin/broadcasts/1/confirm', ok: 'hnSupervisor', denied: 'hcmSupervisor' },
  { route: 'DELETE /admin/broadcasts/:id', path: '/admin/broadcasts/1', ok: 'hnSupervisor', denied: 'hcmSupervisor' },
  { route: 'POST /admin/reminders', body: { daysBefore: [1], audience: { roles: ['staff'], unitCode: '01' } }, ok: 'hnSupervisor', denied: 'hnViewer', status: 201 },
  { route: 'GET /admin/users', ok: 'admin', denied: 'hnSupervisor' },
  { route: 'POST /admin/users', body: { name: 'Viewer HCM', role: 'viewer', unit: '79', email: 'v79@bhxh.test' }, ok: 'admin', denied: 'hnSupervisor', status: 201 },
  { route: 'PATCH /admin/users/:id', path: '/admin/users/3', body: { name: 'hnViewer 2' }, ok: 'admin', denied: 'hnSupervisor' },
  { route: 'POST /admin/users/:id/password', path: '/admin/users/3/password', body: { password: 'mat-khau-moi-dai' }, ok: 'admin', denied: 'hnSupervisor', status: 204 },
  { route: 'GET /admin/tokens', ok: 'hnViewer', denied: 'hnViewer' },
  { route: 'POST /admin/tokens', body: { label: 'script' }, ok: 'hnViewer', denied: 'hnViewer', status: 201 },
  { route: 'DELETE /admin/tokens/:id', path: '/admin/tokens/nope', ok: 'admin', denied: 'hnViewer', status: 404 },
  { route: 'GET /admin/audit', ok: 'admin', denied: 'hnSupervisor' },
  { route: 'GET /admin/units', path: '/admin/units?parent=01', ok: 'hnViewer', denied: 'hcmSupervisor' },
  { route: 'PUT /admin/units/:code/target', path: '/admin/units/017/target', body: { target: 80 }, ok: 'hnSupervisor', denied: 'hcmSupervisor' },
  { route: 'POST /admin/units/targets', path: '/admin/units/targets?dryRun=1', body: { csv: 'code,target\n017,90\n' }, ok: 'hnSupervisor', denied: 'hnViewer' },
  { route: 'POST /admin/units/import', path: '/admin/units/import?dryRun=1', body: { csv: 'code,name,type,level,parent_code\n01,Thành phố Hà Nội,Thành phố,province,\n' }, ok: 'admin', denied: 'hnSupervisor' },
  { route: 'GET /admin/progress/summary', path: '/admin/progress/summary?unit=01', ok: 'hnViewer', denied: 'hcmSupervisor' },
  { route: 'GET /admin/progress/export', path: '/admin/progress/export?unit=01&format=csv', ok: 'hnViewer', denied: 'hcmSupervisor' },
  { route: 'GET /admin/campaign', ok: 'hnViewer', denied: 'hnConsultant' },
  { route: 'PATCH /admin/campaign', body: { hotline: '1900 9068' }, ok: 'admin', denied: 'hnSupervisor' },
  { route: 'GET /admin/staff', ok: 'hnViewer', denied: 'hnConsultant' },
  { route: 'POST /admin/staff/import', path: '/admin/staff/import?dryRun=1', body: { csv: 'name,phone,unit_code,role\nNguyễn Văn Nam,0912000111,017,staff\n' }, ok: 'hnSupervisor', denied: 'hnViewer' },
  { route: 'POST /admin/staff/:id/deactivate', path: '/admin/staff/{hcmStaffId}/deactivate', ok: 'hcmSupervisor', denied: 'hnSupervisor' },
  { route: 'POST /admin/sms/measure', body: { text: 'Xin chào' }, ok: 'hnSupervisor', denied: 'hnViewer' },
  { route: 'GET /admin/assignees', path: '/admin/assignees?unit=01', ok: 'hnViewer', denied: 'hcmSupervisor' },
];

describe('route × caller', () => {
  it('covers every declared route that needs a signed-in caller', () => {
    const covered = new Set(CASES().map((c) => c.route));
    const needed = [...declaredRoutes(t.service.app)].filter(([, access]) => access !== 'public').map(([route]) => route);
    expect(needed.filter((r) => !covered.has(r) && !r.startsWith('GET /admin/session') && !r.startsWith('DELETE /admin/session'))).toEqual([]);
  });

  it.each(CASES().map((c) => [c.route, c] as const))('%s: 401 without credentials, refused for the wrong role or scope, allowed in scope', async (_name, row) => {
    let c = row;
    const [method, route] = c.route.split(' ') as [string, string];
    // Ids made in beforeAll are filled in here: the table is built before the data exists.
    const fill = (text: string) =>
      text.replace('{hnCallback}', String(hnCallback)).replace('{hcmStaffPhone}', hcmStaffPhone).replace('{hcmStaffId}', String(hcmStaffId)).replace('"{hnConsultantId}"', String(uid.hnConsultant));
    const path = fill(c.path ?? route);
    c = { ...c, ...(c.body !== undefined && { body: JSON.parse(fill(JSON.stringify(c.body))) as unknown }) };
    expect((await call(method, path, undefined, c.body)).status).toBe(401);
    expect((await call(method, path, 'not-a-real-token-0000000000', c.body)).status).toBe(401);
    if (c.denied !== c.ok) {
      const denied = await call(method, path, tok[c.denied], c.body);
      if (method === 'GET' && denied.status === 200) {
        // A list answered to a caller of another scope must not contain the other province's rows.
        expect(await denied.text()).not.toMatch(/"unitCode":"017"|Đông Anh/);
      } else expect([403, 404]).toContain(denied.status);
    }
    const ok = await call(method, path, tok[c.ok], c.body);
    expect(ok.status, await ok.clone().text()).toBe(c.status ?? 200);
  });
});

describe('each caller sees exactly their subtree', () => {
  it("gives a province supervisor a CSV of their province only, and another province's unit as 404", async () => {
    const csv = await (await call('GET', '/admin/progress.csv', tok.hnSupervisor)).text();
    const provinces = new Set(csv.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[1]));
    expect([...provinces]).toEqual(['01']);
    expect(csv).not.toContain('Toàn quốc');
    expect((await call('GET', '/admin/progress?unit=79', tok.hnSupervisor)).status).toBe(404);
    expect((await call('GET', '/admin/progress?unit=9999', tok.admin)).status).toBe(404);
  });

  it("lists only the caller's callbacks and hides the other province's request", async () => {
    const hn = (await (await call('GET', '/admin/callbacks', tok.hnConsultant)).json()) as { callbacks: { id: number }[] };
    expect(hn.callbacks.map((c) => c.id)).toEqual([hnCallback]);
    expect((await call('PATCH', `/admin/callbacks/${hcmCallback}`, tok.hnConsultant, { status: 'done' })).status).toBe(404);
    expect((await call('PATCH', `/admin/callbacks/${hnCallback}`, tok.hnViewer, { status: 'done' })).status).toBe(403);
  });

  it('refuses a link code for staff of another province, so no one can take over their identity', async () => {
    const res = await call('POST', '/admin/link-codes', tok.hnSupervisor, { phone: hcmStaffPhone });
    expect(res.status).toBe(404);
    expect((await call('POST', '/admin/link-codes', tok.hnViewer, { phone: '0912345678' })).status).toBe(403);
  });
});

describe('console sessions', () => {
  const signIn = (login: string, password: string) => call('POST', '/admin/session', undefined, { login, password });

  it('signs in with a cookie, needs the CSRF token to write, and signs out', async () => {
    const res = await signIn('hnSupervisor@bhxh.test', 'mat-khau-rat-dai');
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0] ?? '';
    const body = (await res.json()) as { csrfToken: string; user: { role: string; unitCode: string; unitName: string } };
    expect(body.user).toMatchObject({ role: 'supervisor', unitCode: '01' });
    expect(body.user.unitName).toMatch(/Hà Nội/);
    const withCookie = (method: string, path: string, csrf?: string, json?: unknown) =>
      fetch(`${t.url}${path}`, {
        method,
        headers: { Cookie: cookie, ...(csrf && { 'X-CSRF-Token': csrf }), ...(json !== undefined && { 'Content-Type': 'application/json' }) },
        ...(json !== undefined && { body: JSON.stringify(json) }),
      });
    expect((await withCookie('GET', '/admin/progress')).status).toBe(200);
    const preview = { text: 'Chào', audience: { roles: ['staff'] } };
    expect((await withCookie('POST', '/admin/broadcasts/preview', undefined, preview)).status).toBe(403);
    expect((await withCookie('POST', '/admin/broadcasts/preview', body.csrfToken, preview)).status).toBe(200);
    expect((await withCookie('DELETE', '/admin/session', body.csrfToken)).status).toBe(204);
    expect((await withCookie('GET', '/admin/progress')).status).toBe(401);
  });

  it('answers a wrong password and an unknown account alike, and locks the account after repeated failures', async () => {
    const unknown = await signIn('nobody@bhxh.test', 'whatever-password');
    const wrong = await signIn('hnConsultant@bhxh.test', 'wrong-password!');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await unknown.text()).toBe(await wrong.text());
    for (let i = 0; i < 4; i++) await signIn('hnConsultant@bhxh.test', 'wrong-password!');
    const locked = await signIn('hnConsultant@bhxh.test', 'mat-khau-rat-dai');
    expect(locked.status).toBe(429);
    // An unknown name locks after as many tries, so a lock-out says nothing about whether an account exists.
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push((await signIn('ghost@bhxh.test', 'wrong-password!')).status);
    expect(tries).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await (await signIn('ghost@bhxh.test', 'x-password')).text()).toBe(await locked.clone().text().catch(() => ''));
  });

  it("stops a disabled user's token and sessions at once", async () => {
    const db = t.service.db;
    const user = await createAccount(db, { name: 'Tạm', role: 'viewer', unit: '01', email: 'tam@bhxh.test', password: 'mat-khau-rat-dai' }, { actor: 'test', now: t.clock.now() });
    const token = (await createApiToken(db, user.id, { days: 1, actor: 'test', now: t.clock.now() })).token;
    const session = (await signIn('tam@bhxh.test', 'mat-khau-rat-dai')).headers.get('set-cookie')?.split(';')[0] ?? '';
    expect((await call('GET', '/admin/progress', token)).status).toBe(200);
    expect((await call('PATCH', `/admin/users/${user.id}`, tok.admin, { active: false })).status).toBe(200);
    expect((await call('GET', '/admin/progress', token)).status).toBe(401);
    expect((await fetch(`${t.url}/admin/progress`, { headers: { Cookie: session } })).status).toBe(401);
  });

  it('refuses unknown units and roles with a clear message', async () => {
    const bad = await call('POST', '/admin/users', tok.admin, { name: 'X', role: 'viewer', unit: '9999', email: 'x@bhxh.test' });
    expect(bad.status).toBe(404);
    const role = await call('POST', '/admin/users', tok.admin, { name: 'X', role: 'boss', unit: '01' });
    expect(role.status).toBe(400);
    expect(await role.text()).toMatch(/role must be one of/);
  });
});
