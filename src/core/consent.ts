// Consent to campaign news: the one place that writes a contact's opt-in and opt-out.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts, type ContactRow } from '../../db/schema/index.ts';

/** The person asked to stop campaign news: opted out and unsubscribed. Returns the updated contact. */
export async function recordOptOut(db: Db, contactId: number, now: Date): Promise<ContactRow | undefined> {
  const [row] = await db
    .update(contacts)
    .set({ optedOut: true, optedOutAt: now, subscribed: false })
    .where(eq(contacts.id, contactId))
    .returning();
  return row;
}

/** The person agreed to campaign news: when, on which channel, and the exact wording they were shown. */
export async function recordOptIn(db: Db, contactId: number, now: Date, channel: string, wording: string): Promise<ContactRow | undefined> {
  const [row] = await db
    .update(contacts)
    .set({ optedOut: false, optedOutAt: null, subscribed: true, consentAt: now, consentChannel: channel, consentText: wording })
    .where(eq(contacts.id, contactId))
    .returning();
  return row;
}
