import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestService, type TestService } from '../support/service.ts';
import { addresses, contacts, units } from '../../db/schema/index.ts';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
});
afterEach(async () => {
  await t.close();
});

async function unitOf(session: string): Promise<string | null | undefined> {
  const [a] = await t.service.db.select().from(addresses).where(eq(addresses.address, `web:${session}`)).limit(1);
  return a && (await t.service.db.select().from(contacts).where(eq(contacts.id, a.contactId)).limit(1))[0]?.unitCode;
}

async function subscribed(session: string) {
  const chat = t.chat(session);
  await chat.send('nhận tin');
  await chat.send('đồng ý');
  expect(chat.text).toMatch(/Cảm ơn anh\/chị đã đăng ký nhận tin[\s\S]*xã\/phường, huyện hoặc tỉnh nào/);
  return chat;
}

describe('subscription asks for the place, optionally', () => {
  it('matches a place written without diacritics and keeps it on the contact', async () => {
    const chat = await subscribed('a');
    await chat.send('me linh');
    expect(chat.text).toBe('Đã ghi nhận địa phương: Huyện Mê Linh (Thành phố Hà Nội). Anh/chị sẽ nhận tin của địa phương mình.');
    expect(await unitOf('a')).toBe('250');
  });

  it('asks which one when two communes share a name, and takes the number', async () => {
    await t.service.db
      .insert(units)
      .values([
        { code: '90001', name: 'Xã Tân Lập', level: 'commune', parentCode: '250', nameFolded: 'xa tan lap' },
        { code: '90002', name: 'Xã Tân Lập', level: 'commune', parentCode: '017', nameFolded: 'xa tan lap' },
        { code: '90003', name: 'Phường Tân Lập Mới', level: 'commune', parentCode: '017', nameFolded: 'phuong tan lap moi' },
      ]);
    const chat = await subscribed('b');
    await chat.send('xa tan lap');
    // Each choice names its parent, so the two communes can be told apart; the longer "Tân Lập Mới" is not offered.
    expect(chat.last[0]?.quickReplies).toEqual(['Xã Tân Lập (Huyện Mê Linh)', 'Xã Tân Lập (Huyện Đông Anh)', 'Bỏ qua']);
    await chat.send('2');
    expect(await unitOf('b')).toBe('90002');
  });

  it('lets the person skip, and asks again when the place is unknown', async () => {
    const chat = await subscribed('c');
    await chat.send('sao hỏa');
    expect(chat.text).toMatch(/Chưa tìm thấy địa phương này/);
    await chat.send('bỏ qua');
    expect(chat.text).toMatch(/vẫn nhận tin chung/);
    expect(await unitOf('c')).toBeNull();
  });
});
