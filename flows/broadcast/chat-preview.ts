/**
 * The preview a supervisor gets in chat after GUI. A chat step runs inside the dispatcher's transaction, so it
 * counts the audience for a few milliseconds at most: a province's residents fit; the nation's (a million people,
 * ~0.5 s) do not, and then the answer says so and the preview follows as a message once the rest is counted
 * between other work, outside that transaction.
 */
import { eq } from 'drizzle-orm';
import { transaction } from '../../db/client.ts';
import { lockContact } from '../../db/locks.ts';
import { broadcasts, type BroadcastRow } from '../../db/schema/index.ts';
import type { FlowContext } from '../../src/core/flow.ts';
import { queueMessages } from '../../src/core/outbox.ts';
import { storedAudience } from './audience.ts';
import { countWithin, finishCount } from './count.ts';
import { detached } from './detached.ts';
import { templateOf } from './lifecycle.ts';
import { previewFromCount } from './preview.ts';
import { BROADCAST_TEXTS as T } from './texts.ts';

/** The longest a GUI command counts inside the chat step. */
export const PREVIEW_SYNC_MS = 20;
export const PREVIEW_QUICK_REPLIES = ['GUI OK', 'HUY'];

/** The answer to GUI for a new draft: its preview, or "counting" with the preview to follow as a message. */
export async function chatPreview(ctx: FlowContext, draft: BroadcastRow): Promise<string> {
  const { db } = ctx;
  const template = await templateOf(db, draft);
  const count = await countWithin(db, storedAudience(draft.audience), PREVIEW_SYNC_MS);
  if (count.done) return T.preview(draft.id, await previewFromCount(db, template, count));
  void detached(async () => {
    const done = await finishCount(count);
    const preview = await previewFromCount(db, template, done);
    // Under the supervisor's lock, as their messages are handled: the step that made the draft has committed.
    await transaction(db, async () => {
      await lockContact(db, ctx.contact.id);
      // Confirmed or dropped meanwhile: the preview is no longer news.
      const [now] = await db.select().from(broadcasts).where(eq(broadcasts.id, draft.id));
      if (now?.status !== 'draft') return;
      const text = T.preview(draft.id, preview);
      await queueMessages(db, ctx.now, [{ contactId: ctx.contact.id, address: ctx.address, text, priority: 'reply', quickReplies: PREVIEW_QUICK_REPLIES }]);
    });
  }).catch((err: unknown) => ctx.log.error({ err, broadcastId: draft.id }, 'counting a broadcast audience failed'));
  return T.counting(draft.id, count.total);
}
