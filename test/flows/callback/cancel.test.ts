import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../../../db/schema/index.ts';
import { startTestService, type TestService } from '../../support/service.ts';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

describe('hủy inside the callback flow', () => {
  it('cancels the request without opting the person out of everything', async () => {
    const chat = t.chat('cancel-me');
    await chat.send('goi lai cho toi');
    expect(chat.text).toMatch(/họ tên|ho ten/i);
    await chat.send('hủy');
    expect(chat.text).not.toMatch(/Đã ngừng gửi tin|da ngung/i);
    const people = (await t.service.db.select().from(contacts));
    expect(people.every((c) => !c.optedOut)).toBe(true);
  });
});
