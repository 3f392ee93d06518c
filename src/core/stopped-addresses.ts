// "Address stopped": the one place that marks an address unreachable (blocked, unfollowed, carrier opt-out).
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { addresses } from '../../db/schema/index.ts';
import type { ChannelName } from './message.ts';

/** Mark one address as unreachable. */
export async function markAddressStopped(db: Db, address: string, now: Date): Promise<void> {
  await db.update(addresses).set({ stoppedAt: now }).where(eq(addresses.address, address));
}

/** Mark every address a contact has on one channel as unreachable (a provider's status says they refused). */
export async function markChannelStopped(db: Db, contactId: number, channel: ChannelName, now: Date): Promise<void> {
  await db
    .update(addresses)
    .set({ stoppedAt: now })
    .where(and(eq(addresses.contactId, contactId), eq(addresses.channel, channel)));
}
