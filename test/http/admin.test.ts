import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/service.ts';
import { seedPerson } from '../support/seed.ts';
import { auditLog } from '../../db/schema/index.ts';

const TOKEN = 'test-admin-token-0123456789';
let t: TestService;
beforeEach(async () => {
  t = await startTestService({ env: { ADMIN_TOKEN: TOKEN } });
});
afterEach(async () => {
  await t.close();
});

const get = (path: string, token?: string) => fetch(`${t.url}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

describe('admin API', () => {
  it.each(['/admin/progress', '/admin/progress.csv', '/admin/progress.json'])('refuses %s without a token', async (path) => {
    expect((await get(path)).status).toBe(401);
    expect((await get(path, 'wrong-token-wrong-token')).status).toBe(401);
  });

  it('shows progress against target after staff report through the chat', async () => {
    seedPerson(t.service.db, 'lan');
    const chat = t.chat('lan');
    await chat.send('BC 12');
    expect(chat.text).toMatch(/12/);
    const res = await get('/admin/progress?unit=01', TOKEN);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { unit: { code: string; total: number; target: number }; children: { code: string; total: number }[] };
    expect(body.unit).toMatchObject({ code: '01', total: 12 });
    expect(body.unit.target).toBeGreaterThanOrEqual(50);
    expect(body.children.find((c) => c.code === '017')?.total).toBe(12);
  });

  it('exports progress as CSV with a BOM so Excel shows Vietnamese', async () => {
    seedPerson(t.service.db, 'lan');
    await t.chat('lan').send('BC 7');
    const res = await get('/admin/progress.csv', TOKEN);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('Huyện Đông Anh');
  });

  it('issues a link code for a staff phone and audits it', async () => {
    seedPerson(t.service.db, 'lan');
    const res = await fetch(`${t.url}/admin/link-codes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: '0912345678' }),
    });
    expect(res.status).toBe(201);
    const { code } = (await res.json()) as { code: string };
    expect(code).toMatch(/^\d{6}$/);
    expect(await t.service.db.select().from(auditLog)).toHaveLength(1);
    const web = t.chat('new-web-session');
    await web.send(`DK ${code}`);
    expect(web.text).toMatch(/chỉ dùng trên Telegram hoặc Zalo/);
    const r = await t.service.dispatcher.handle({ kind: 'text', channel: 'telegram', providerId: 'dk1', from: 'telegram:5551', text: `DK ${code}`, receivedAt: t.clock.now() });
    expect((r.replies ?? []).map((x) => x.text).join('\n')).toMatch(/Đã liên kết/);
    const { outbox } = await import('../../db/schema/index.ts');
    const notices = (await t.service.db.select().from(outbox)).filter((o) => o.text.includes('vừa được liên kết'));
    expect(notices.map((n) => n.address).sort()).toEqual(['tel:+84912345678', 'web:lan']);
    expect((await t.service.db.select().from(auditLog)).map((a) => a.action)).toEqual(['link-code.issue', 'staff.link-account']);
  });

  it('refuses a link code for a resident or a bad phone', async () => {
    seedPerson(t.service.db, 'hoa');
    const post = (phone: string) =>
      fetch(`${t.url}/admin/link-codes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone }),
      });
    expect((await post('0911222333')).status).toBe(404);
    expect((await post('12345678')).status).toBe(400);
  });
});

describe('scheduled jobs in the running service', () => {
  it('remind staff who have not reported by 16:30, once, and send the supervisor digest at 18:00', async () => {
    seedPerson(t.service.db, 'lan');
    seedPerson(t.service.db, 'minh');
    const { outbox } = await import('../../db/schema/index.ts');
    t.clock.set('2026-05-20T09:31:00Z'); // 16:31 in Hà Nội
    const first = await t.service.scheduler.tick();
    expect(first['remind-reporters']).toMatchObject({ due: true, queued: 1 });
    expect((await t.service.scheduler.tick())['remind-reporters']).toMatchObject({ queued: 0 });
    t.clock.set('2026-05-20T11:01:00Z'); // 18:01
    expect((await t.service.scheduler.tick())['supervisor-digest']).toMatchObject({ queued: 1 });
    const bulk = (await t.service.db.select().from(outbox)).filter((r) => r.priority === 1);
    expect(bulk.map((r) => r.address).sort()).toEqual(['tel:+84912345678', 'tel:+84987654321']);
  });
});
