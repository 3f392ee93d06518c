import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { addresses, contacts, settings, type AddressRow, type ContactRow } from '../../db/schema/index.ts';
import { addressId, channelOf, type Address } from './message.ts';
import { toE164 } from '../text/phone.ts';
import { messagePathQueries } from '../../db/queries/message-path.ts';
import { telegramUsernameKey } from '../../db/queries/staff.ts';

const TOUCH_PRECISION_MS = 60_000;

/**
 * Find the contact that owns an address, creating a resident contact (and the address) on first contact.
 * An SMS address belongs to whoever owns that phone number, so imported staff are recognised by phone.
 */
export async function resolveContact(
  db: Db,
  address: Address,
  now: Date,
  name?: string,
  username?: string,
): Promise<{ contact: ContactRow; address: AddressRow }> {
  const q = messagePathQueries(db);
  const known = await q.addressWithContact(address);
  if (known) {
    const { address: existing, contact } = known;
    // lastInboundAt serves day-scale rules (Zalo's 48 h and 7 days): a minute's precision spares a write per message.
    const fresh = existing.lastInboundAt !== null && now.getTime() - existing.lastInboundAt.getTime() < TOUCH_PRECISION_MS;
    if (!fresh || existing.stoppedAt !== null) await q.touchAddress(existing.id, now);
    return { contact, address: fresh ? { ...existing, stoppedAt: null } : { ...existing, lastInboundAt: now, stoppedAt: null } };
  }
  const channel = channelOf(address);
  const phone = channel === 'sms' ? toE164(addressId(address)) : null;
  let contact = phone ? await q.contactByPhone(phone) : username ? await claimUsername(db, channel, username) : undefined;
  contact ??= await q.insertContact({ name: name ?? null, phone, createdAt: now });
  const row = await q.insertAddress({ address, channel, contactId: contact.id, lastInboundAt: now, createdAt: now });
  return { contact, address: row };
}

/**
 * A phone number proven on a channel (contact share, Zalo submit info, inbound SMS): if another contact already
 * owns it (e.g. imported staff), this address moves to that contact, keeping their role and history; otherwise
 * the phone is recorded on this contact. Either way the contact gains a `tel:` address for SMS.
 */
export async function linkPhone(db: Db, address: Address, rawPhone: string, now: Date): Promise<{ contact: ContactRow; linked: boolean } | null> {
  const phone = toE164(rawPhone);
  if (!phone) return null;
  const current = await resolveContact(db, address, now);
  const [owner] = await db.select().from(contacts).where(eq(contacts.phone, phone)).limit(1);
  let contact: ContactRow;
  let linked = false;
  // Web chat sessions are never linked to staff or supervisors: typing a phone number proves nothing.
  if (owner && owner.id !== current.contact.id && channelOf(address) === 'web' && owner.role !== 'resident') return null;
  if (owner && owner.id !== current.contact.id) {
    await db.update(addresses).set({ contactId: owner.id }).where(eq(addresses.id, current.address.id));
    contact = owner;
    linked = true;
  } else {
    const [updated] = await db.update(contacts).set({ phone }).where(eq(contacts.id, current.contact.id)).returning();
    contact = updated ?? current.contact;
  }
  const tel: Address = `tel:${phone}`;
  const [telRow] = await db.select().from(addresses).where(eq(addresses.address, tel)).limit(1);
  if (!telRow) {
    await db.insert(addresses).values({ address: tel, channel: 'sms', contactId: contact.id, createdAt: now });
  } else if (telRow.contactId !== contact.id) {
    await db.update(addresses).set({ contactId: contact.id }).where(eq(addresses.id, telRow.id));
  }
  return { contact, linked };
}

/**
 * Staff imported with a Telegram @username (a chat can only be addressed by its id) are waiting under a settings
 * key; the first message from that username claims the contact, once.
 */
async function claimUsername(db: Db, channel: string, username: string): Promise<ContactRow | undefined> {
  if (channel !== 'telegram') return undefined;
  const key = telegramUsernameKey(username);
  // Deleting the key claims it: of two first messages racing on two instances, one gets the row back.
  const [row] = await db.delete(settings).where(eq(settings.key, key)).returning();
  if (!row) return undefined;
  const [contact] = await db.select().from(contacts).where(eq(contacts.id, Number(row.value))).limit(1);
  return contact;
}

/**
 * The address to reach a contact on for bulk messages: not stopped, most recent inbound first (the person is
 * active there; Zalo only delivers within 7 days of it), then SMS, then any other. Null when none is usable.
 */
export function pickAddress(rows: readonly AddressRow[], contactId: number): Address | null {
  const usable = rows.filter((a) => a.contactId === contactId && a.stoppedAt === null && !a.address.startsWith('web:'));
  usable.sort(
    (a, b) =>
      (b.lastInboundAt?.getTime() ?? 0) - (a.lastInboundAt?.getTime() ?? 0) ||
      Number(b.channel === 'sms') - Number(a.channel === 'sms') ||
      a.id - b.id,
  );
  return (usable[0]?.address as Address | undefined) ?? null;
}

/**
 * Where to tell a contact: `preferred` (the address a request came from) while it still takes messages, else the
 * address bulk messages would go to (`pickAddress`).
 */
export async function bestAddress(db: Db, contactId: number, preferred?: string | null): Promise<Address | null> {
  const rows = await db.select().from(addresses).where(eq(addresses.contactId, contactId));
  const hit = rows.find((r) => r.address === preferred && r.stoppedAt === null);
  return (hit?.address as Address | undefined) ?? pickAddress(rows, contactId);
}
