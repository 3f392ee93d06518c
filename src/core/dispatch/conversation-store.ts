// Where a person is in a conversation (flow, step, state), saved between messages with an expiry.
import type { Db } from '../../../db/client.ts';
import type { conversations } from '../../../db/schema/index.ts';
import { messagePathQueries } from '../../../db/queries/message-path.ts';
import type { Flow, FlowState } from '../flow.ts';

/** How long a conversation waits for the next message before the next one goes to the default flow. */
const DEFAULT_TTL_MINUTES = 60;

type ConversationRow = typeof conversations.$inferSelect;

/** Load, save and clear the one conversation each contact may have. */
export interface ConversationStore {
  /** The contact's conversation if it has not expired at `now`, and whether a row is stored at all (expired or not). */
  load(contactId: number, now: Date): Promise<{ active: ConversationRow | undefined; stored: boolean }>;
  /** Save the step a flow stays at, expiring after its TTL (default one hour). */
  save(contactId: number, flow: Flow, step: string, state: FlowState, now: Date, ttlMinutes?: number): Promise<void>;
  /** Forget the conversation (the next message starts afresh). */
  clear(contactId: number): Promise<void>;
}

/** Build the conversation store over this database's prepared queries. */
export function createConversationStore(db: Db): ConversationStore {
  const q = messagePathQueries(db);
  return {
    async load(contactId, now) {
      const conv = await q.conversationOf(contactId);
      return { active: conv && conv.expiresAt.getTime() > now.getTime() ? conv : undefined, stored: conv !== undefined };
    },
    async save(contactId, flow, step, state, now, ttlMinutes) {
      const expiresAt = new Date(now.getTime() + (ttlMinutes ?? DEFAULT_TTL_MINUTES) * 60_000);
      await q.upsertConversation({ contactId, flow: flow.id, step, state, version: flow.version, expiresAt, updatedAt: now });
    },
    async clear(contactId) {
      await q.deleteConversation(contactId);
    },
  };
}
