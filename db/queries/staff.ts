import { randomInt } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { row, rows, transaction, type Db } from '../client.ts';
import { addresses, contacts, linkCodes, staffUnits, type ContactRow, type UnitRow } from '../schema/index.ts';

/** How long a one-time link code (`DK 482913`) stays valid. */
/** Settings key under which a staff member imported by Telegram @username waits for their first message. */
export const telegramUsernameKey = (username: string) => `staff.telegram-username:${username.toLowerCase()}`;

export const LINK_CODE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// The lookups below run for every report ("BC 12"), a few hundred a second at peak: they are raw SQL, which costs a
// few microseconds, where drizzle's builder spends 20–30 µs building the same statement each time.

/** Codes of the units a staff member reports for: their own unit first, then any extra `staff_units`. */
export async function staffUnitCodes(db: Db, contact: Pick<ContactRow, 'id' | 'unitCode'>): Promise<string[]> {
  const extra = await rows<{ code: string }>(db, sql`SELECT unit_code AS code FROM staff_units WHERE contact_id = ${contact.id}`);
  const codes = contact.unitCode ? [contact.unitCode] : [];
  for (const e of extra) if (!codes.includes(e.code)) codes.push(e.code);
  return codes;
}

/** A unit by code. */
export async function findUnit(db: Db, code: string): Promise<UnitRow | undefined> {
  return row<UnitRow>(
    db,
    sql`SELECT code, name, type, level, parent_code AS "parentCode", target, name_folded AS "nameFolded" FROM units WHERE code = ${code}`,
  );
}

/** True when `code` is `ancestor` or lies below it. */
export async function isWithin(db: Db, code: string, ancestor: string): Promise<boolean> {
  let current: string | null = code;
  for (let hops = 0; current !== null && hops < 8; hops++) {
    if (current === ancestor) return true;
    const found: { parentCode: string | null } | undefined = await row(db, sql`SELECT parent_code AS "parentCode" FROM units WHERE code = ${current}`);
    current = found?.parentCode ?? null;
  }
  return false;
}

/**
 * Issue a one-time link code for a staff contact: 6 digits, valid 7 days, single use. Earlier unused codes of
 * the same contact stop working, so only the newest code printed for a person links.
 */
export async function issueLinkCode(db: Db, contactId: number, now: Date, random: () => number = () => randomInt(0, 1_000_000)): Promise<string> {
  return transaction(db, async (tx) => {
    await tx
      .update(linkCodes)
      .set({ expiresAt: now })
      .where(and(eq(linkCodes.contactId, contactId), isNull(linkCodes.usedAt), gt(linkCodes.expiresAt, now)));
    for (let attempt = 0; attempt < 50; attempt++) {
      const code = String(random()).padStart(6, '0').slice(-6);
      const [existing] = await tx.select().from(linkCodes).where(eq(linkCodes.code, code));
      if (existing && existing.usedAt === null && existing.expiresAt.getTime() > now.getTime()) continue;
      // A used or expired code may be handed out again; its old row has done its job.
      if (existing) await tx.delete(linkCodes).where(eq(linkCodes.code, code));
      await tx.insert(linkCodes).values({ code, contactId, expiresAt: new Date(now.getTime() + LINK_CODE_TTL_MS) });
      return code;
    }
    throw new Error('issueLinkCode: no free code after 50 attempts');
  });
}

export type RedeemResult = { ok: true; contact: ContactRow } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** Use a link code: marks it used and returns the staff contact that owns it. */
export async function redeemLinkCode(db: Db, code: string, now: Date): Promise<RedeemResult> {
  const [row] = await db.select().from(linkCodes).where(eq(linkCodes.code, code));
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.usedAt !== null) return { ok: false, reason: 'used' };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, row.contactId));
  if (!contact) return { ok: false, reason: 'unknown' };
  await db.update(linkCodes).set({ usedAt: now }).where(eq(linkCodes.code, code));
  return { ok: true, contact };
}

/** Move one address to another contact (linking a chat account to imported staff). */
export async function moveAddress(db: Db, address: string, toContactId: number): Promise<void> {
  await db.update(addresses).set({ contactId: toContactId }).where(eq(addresses.address, address));
}

/** One staff member as the import writes them. */
export interface StaffRecord {
  name: string;
  /** E.164. */
  phone: string;
  unitCode: string;
  role: 'staff' | 'supervisor';
  /** Extra units (same phone on several rows). */
  extraUnits: string[];
  /** Chat addresses to attach (`telegram:<chat id>`, `zalo:<user id>`). */
  addresses: (`telegram:${string}` | `zalo:${string}`)[];
}

/**
 * Create or update a staff contact by phone, with a `tel:` address and any chat addresses; an address that
 * belonged to another contact (e.g. the person texted before as a resident) moves to the staff contact.
 * Returns whether the contact was created.
 */
export async function upsertStaff(db: Db, rec: StaffRecord, now: Date): Promise<{ contactId: number; created: boolean }> {
  const [existing] = await db.select().from(contacts).where(eq(contacts.phone, rec.phone)).limit(1);
  let contactId: number;
  if (existing) {
    await db.update(contacts).set({ name: rec.name, role: rec.role, unitCode: rec.unitCode }).where(eq(contacts.id, existing.id));
    contactId = existing.id;
  } else {
    const [created] = await db
      .insert(contacts)
      .values({ name: rec.name, phone: rec.phone, role: rec.role, unitCode: rec.unitCode, createdAt: now })
      .returning({ id: contacts.id });
    if (!created) throw new Error(`upsertStaff: no row inserted for ${rec.phone}`);
    contactId = created.id;
  }
  await db.delete(staffUnits).where(eq(staffUnits.contactId, contactId));
  for (const code of rec.extraUnits) await db.insert(staffUnits).values({ contactId, unitCode: code });
  const all: { address: string; channel: 'sms' | 'telegram' | 'zalo' }[] = [
    { address: `tel:${rec.phone}`, channel: 'sms' },
    ...rec.addresses.map((a) => ({ address: a, channel: a.startsWith('telegram:') ? ('telegram' as const) : ('zalo' as const) })),
  ];
  for (const a of all) {
    const [row] = await db.select().from(addresses).where(eq(addresses.address, a.address));
    if (!row) await db.insert(addresses).values({ address: a.address, channel: a.channel, contactId, createdAt: now });
    else if (row.contactId !== contactId) await moveAddress(db, a.address, contactId);
  }
  return { contactId, created: !existing };
}
