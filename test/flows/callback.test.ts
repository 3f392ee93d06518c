import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/service.ts';
import { seedPerson } from '../support/seed.ts';
import { callbackRequests, contacts } from '../../db/schema/index.ts';

const TOKEN = 'test-admin-token-0123456789';
let t: TestService;
beforeEach(async () => {
  t = await startTestService({ env: { ADMIN_TOKEN: TOKEN } });
});
afterEach(async () => {
  await t.close();
});

describe('callback requests', () => {
  it('takes a phone, a time and a topic from the menu, and queues a request for consultants', async () => {
    const chat = t.chat();
    await chat.send('menu');
    await chat.send('3');
    expect(chat.text).toMatch(/số điện thoại/);
    await chat.send('0912 345 678');
    expect(chat.last[0]?.quickReplies).toContain('Buổi sáng');
    await chat.send('2');
    await chat.send('muốn hỏi lương hưu');
    expect(chat.text).toMatch(/Đã ghi nhận yêu cầu #1/);
    expect(chat.text).toMatch(/0912\*\*\*678/);
    const row = t.service.db.select().from(callbackRequests).get();
    expect(row).toMatchObject({ phone: '+84912345678', preferredTime: 'Buổi chiều', topic: 'muốn hỏi lương hưu', status: 'new' });
    expect(t.service.db.select().from(contacts).get()?.phone).toBe('+84912345678');
  });

  it('re-asks a wrong phone number', async () => {
    const chat = t.chat();
    await chat.send('gọi lại cho tôi');
    await chat.send('12345');
    expect(chat.text).toMatch(/chưa đúng/);
  });

  it('uses the phone the contact already has, without offering "Đúng" (an opt-out word)', async () => {
    seedPerson(t.service.db, 'hoa');
    const chat = t.chat('hoa');
    await chat.send('goi lai');
    expect(chat.last[0]?.quickReplies).toEqual(['Gọi số này', 'Số khác']);
    await chat.send('Gọi số này');
    await chat.send('Lúc nào cũng được');
    await chat.send('Bỏ qua');
    expect(t.service.db.select().from(callbackRequests).get()).toMatchObject({ phone: '+84911222333', topic: null });
    await chat.send('goi lai');
    expect(chat.text).toMatch(/đang chờ tư vấn viên/);
  });

  it('lets a consultant work the queue through the admin API, audited', async () => {
    const chat = t.chat();
    await chat.send('gọi lại');
    await chat.send('0912345678');
    await chat.send('1');
    await chat.send('Bỏ qua');
    const list = await fetch(`${t.url}/admin/callbacks`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const { callbacks } = (await list.json()) as { callbacks: { id: number }[] };
    expect(callbacks).toHaveLength(1);
    const patch = (body: unknown) =>
      fetch(`${t.url}/admin/callbacks/${callbacks[0]!.id}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await patch({ status: 'called', assignee: 'Tư vấn viên A', notes: 'Đã tư vấn' })).status).toBe(200);
    expect((await patch({ status: 'lost' })).status).toBe(400);
    expect((await patch({ other: 1 })).status).toBe(400);
    expect(t.service.db.select().from(callbackRequests).get()?.status).toBe('called');
    expect((await fetch(`${t.url}/admin/callbacks`)).status).toBe(401);
  });
});
