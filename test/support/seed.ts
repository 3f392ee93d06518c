import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { addresses, contacts, type ContactRow } from '../../db/schema/index.ts';

/**
 * Named people for tests, the same on every channel. Units come from the default tree (01 = Hà Nội, 017 = Huyện
 * Đông Anh). Lan's Telegram and Zalo ids are the senders of the captured payloads in test/fixtures/.
 */
export const PEOPLE = {
  lan: { name: 'Nguyễn Thị Lan', phone: '+84912345678', role: 'staff', unitCode: '017', telegramId: '5123456789', zaloId: '8427315641292839145' },
  minh: { name: 'Trần Văn Minh', phone: '+84987654321', role: 'supervisor', unitCode: '01' },
  hoa: { name: 'Lê Thị Hoa', phone: '+84911222333', role: 'resident', unitCode: null },
} as const;

export type PersonKey = keyof typeof PEOPLE;

/** Create a named person and a web chat address `web:<key>` for them. */
export async function seedPerson(db: Db, key: PersonKey, now = new Date('2026-05-01T00:00:00Z')): Promise<ContactRow> {
  const p = PEOPLE[key];
  const [existing] = await db.select().from(contacts).where(eq(contacts.phone, p.phone)).limit(1);
  const contact =
    existing ?? (await db.insert(contacts).values({ name: p.name, phone: p.phone, role: p.role, unitCode: p.unitCode, createdAt: now }).returning())[0]!;
  await db.insert(addresses).values({ address: `web:${key}`, channel: 'web', contactId: contact.id, createdAt: now }).onConflictDoNothing();
  await db.insert(addresses).values({ address: `tel:${p.phone}`, channel: 'sms', contactId: contact.id, createdAt: now }).onConflictDoNothing();
  return contact;
}
