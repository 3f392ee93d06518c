import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/service.ts';
import { seedPerson } from '../support/seed.ts';
import { broadcasts, contacts, outbox } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';

const TOKEN = 'test-admin-token-0123456789';
let t: TestService;
beforeEach(async () => {
  // 2026-05-20 10:00 in Hà Nội, three days before the launch on 23/5 08:00.
  t = await startTestService({ env: { ADMIN_TOKEN: TOKEN }, options: { manualOutbox: true } });
});
afterEach(async () => {
  await t.close();
});

function admin(path: string, body?: unknown, method = 'POST') {
  return fetch(`${t.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

async function subscribe(session: string) {
  const chat = t.chat(session);
  await chat.send('DANG KY');
  return chat;
}

describe('broadcasts', () => {
  it('previews the audience and what one SMS costs', async () => {
    await subscribe('a');
    seedPerson(t.service.db, 'hoa');
    t.service.db.update(contacts).set({ subscribed: true }).where(eq(contacts.name, 'Lê Thị Hoa')).run();
    const res = await admin('/admin/broadcasts/preview', { text: 'Hãy tham gia bảo hiểm xã hội tự nguyện vì cuộc sống an lành.' });
    const body = (await res.json()) as { recipients: number; byChannel: Record<string, number>; sms: { encoding: string; segments: number; text: string } };
    expect(body.recipients).toBe(2);
    expect(body.sms.encoding).toBe('GSM-7');
    expect(body.sms.segments).toBe(1);
    expect(body.sms.text).toMatch(/Soan HUY de tu choi nhan tin/);
  });

  it('queues one bulk row per subscribed person, with the refusal instruction, and never twice', async () => {
    await subscribe('a');
    await subscribe('b');
    await t.chat('c').send('menu'); // not subscribed
    const optedOut = await subscribe('d');
    await optedOut.send('HUY');
    const res = await admin('/admin/broadcasts', { text: 'Bảo hiểm xã hội tự nguyện giảm nỗi lo tài chính khi về già.' });
    expect(res.status).toBe(201);
    const rows = t.service.db.select().from(outbox).where(eq(outbox.priority, 1)).all();
    expect(rows.map((r) => r.address).sort()).toEqual(['web:a', 'web:b']);
    expect(rows[0]?.text).toMatch(/Gõ HUY để ngừng nhận tin/);
    const { run } = await import('../../src/jobs/fire-broadcasts.ts');
    expect(run({ db: t.service.db }, t.clock.now()).queued).toBe(0);
    expect(t.service.db.select().from(outbox).where(eq(outbox.priority, 1)).all()).toHaveLength(2);
  });

  it('schedules reminders before the launch, and the job queues each when its time comes', async () => {
    await subscribe('a');
    const res = await admin('/admin/reminders', { daysBefore: [7, 2, 1], at: '09:00' });
    const body = (await res.json()) as { reminders: { text: string; sendAt: string }[]; skippedDaysBefore?: number[] };
    expect(res.status).toBe(201);
    expect(body.skippedDaysBefore).toEqual([7]);
    expect(body.reminders.map((r) => r.sendAt)).toEqual(['2026-05-21T02:00:00.000Z', '2026-05-22T02:00:00.000Z']);
    expect(body.reminders[0]?.text).toMatch(/Còn 2 ngày đến Lễ ra quân/);
    const { run } = await import('../../src/jobs/fire-broadcasts.ts');
    expect(run({ db: t.service.db }, t.clock.now()).due).toBe(0);
    expect(run({ db: t.service.db }, new Date('2026-05-21T02:00:00Z'))).toMatchObject({ due: 1, queued: 1 });
    expect(t.service.db.select().from(broadcasts).all().map((b) => b.status)).toEqual(['queued', 'scheduled']);
  });

  it('cancels a scheduled broadcast, and refuses bad bodies', async () => {
    const created = (await (await admin('/admin/broadcasts', { text: 'x', sendAt: '2026-05-22T09:00' })).json()) as { id: number };
    expect((await admin(`/admin/broadcasts/${created.id}`, undefined, 'DELETE')).status).toBe(200);
    expect((await admin(`/admin/broadcasts/${created.id}`, undefined, 'DELETE')).status).toBe(409);
    expect((await admin('/admin/broadcasts', { text: '' })).status).toBe(400);
    expect((await admin('/admin/broadcasts', { text: 'x', audience: { roles: ['martian'] } })).status).toBe(400);
    expect((await admin('/admin/broadcasts', { text: 'x', sendAt: 'tomorrow' })).status).toBe(400);
  });

  it('reaches staff of a unit and the units below it', async () => {
    seedPerson(t.service.db, 'lan'); // staff of 017 (in 01)
    seedPerson(t.service.db, 'minh'); // supervisor of 01
    const res = await admin('/admin/broadcasts/preview', { text: 'Nhắc báo cáo', audience: { roles: ['staff', 'supervisor'], unitCode: '01' } });
    expect(((await res.json()) as { recipients: number }).recipients).toBe(2);
    const other = await admin('/admin/broadcasts/preview', { text: 'Nhắc báo cáo', audience: { roles: ['staff'], unitCode: '79' } });
    expect(((await other.json()) as { recipients: number }).recipients).toBe(0);
  });
});
