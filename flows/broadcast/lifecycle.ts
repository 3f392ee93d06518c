/**
 * A broadcast's life: draft (with its preview) → confirm → scheduled, or sending at once → done; or cancelled
 * (unsent rows dropped), or missed (its time passed while the service was down: never sent late).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { transaction, type Db } from '../../db/client.ts';
import { broadcastStats, dropUnsentRows, maxContactId, type BroadcastStats } from '../../db/queries/broadcasts.ts';
import { isWithin } from '../../db/queries/unit-scope.ts';
import { broadcasts, campaigns, type BroadcastRow, type CampaignRow } from '../../db/schema/index.ts';
import { AudienceOutOfScope, AudienceSchema, scopedAudience, storedAudience } from './audience.ts';
import { previewBroadcast, type BroadcastPreview, type TemplateInput } from './preview.ts';
import { unknownPlaceholders } from './render.ts';
import { formatLocalTime, launchFireTime, LaunchOffsetSchema, parseLocalTime } from './schedule.ts';

/** Who is acting: their name (for the record), unit scope ('VN' = nation) and chat contact, if any. */
export interface Sender {
  name: string;
  unitScope: string;
  contactId: number | null;
}

/** A refusal with the HTTP status that fits it; chat commands show the message. */
export class BroadcastError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** `POST /admin/broadcasts` body: a text, an audience, and a time (absolute, or relative to the launch) or none. */
export const CreateBroadcastSchema = z
  .object({
    text: z.string().trim().min(1).max(1000),
    audience: AudienceSchema.default({ roles: ['resident'] }),
    /** ISO date-time; without an offset it is Hà Nội time. Omitted (and no launchOffset): sent when confirmed. */
    sendAt: z.string().optional(),
    launchOffset: LaunchOffsetSchema.optional(),
    keepDiacritics: z.boolean().default(false),
  })
  .strict()
  .refine((b) => !(b.sendAt !== undefined && b.launchOffset !== undefined), { message: 'give sendAt or launchOffset, not both' });
export type CreateBroadcast = z.infer<typeof CreateBroadcastSchema>;

/** The active campaign (its launch and hotline fill the placeholders). */
export async function activeCampaign(db: Db): Promise<CampaignRow | undefined> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.active, true)).orderBy(campaigns.id).limit(1);
  return campaign;
}

/** The template of a stored broadcast with the active campaign's launch and hotline, for its preview. */
export async function templateOf(db: Db, b: BroadcastRow): Promise<TemplateInput> {
  const campaign = await activeCampaign(db);
  return { text: b.text, keepDiacritics: b.keepDiacritics, launchAt: campaign?.launchAt ?? null, hotline: campaign?.hotline ?? null };
}

/** Preview of a stored broadcast (its audience counted in short ranges, the event loop free between them). */
export async function previewOf(db: Db, b: BroadcastRow): Promise<BroadcastPreview> {
  return previewBroadcast(db, await templateOf(db, b), storedAudience(b.audience));
}

/** Create a draft (nothing is sent until it is confirmed); its preview is previewOf's (counting takes a while). */
export async function createDraft(
  db: Db,
  input: CreateBroadcast,
  sender: Sender,
  now: Date,
  kind: 'broadcast' | 'reminder' = 'broadcast',
): Promise<{ broadcast: BroadcastRow }> {
  const unknown = unknownPlaceholders(input.text);
  if (unknown.length > 0) throw new BroadcastError(400, `unknown placeholder ${unknown.join(', ')}: use {ten}, {don_vi}, {ngay_ra_quan} or {hotline}`);
  let audience;
  try {
    audience = await scopedAudience(db, input.audience, sender.unitScope);
  } catch (err) {
    if (err instanceof AudienceOutOfScope) throw new BroadcastError(404, err.message);
    throw err;
  }
  const campaign = await activeCampaign(db);
  let sendAt: Date | null = null;
  if (input.sendAt !== undefined) {
    sendAt = parseLocalTime(input.sendAt);
    if (!sendAt) throw new BroadcastError(400, 'sendAt must be an ISO date-time such as 2027-05-20T09:00');
  } else if (input.launchOffset) {
    if (!campaign) throw new BroadcastError(409, 'no active campaign: launchOffset needs its launch time');
    sendAt = launchFireTime(campaign.launchAt, input.launchOffset.daysBefore, input.launchOffset.at);
  }
  if (sendAt && sendAt.getTime() <= now.getTime()) {
    throw new BroadcastError(400, `the send time ${formatLocalTime(sendAt)} has already passed; pick a later time, or omit it and confirm to send now`);
  }
  const [broadcast] = await db
    .insert(broadcasts)
    .values({
      campaignId: campaign?.id ?? null,
      kind,
      text: input.text,
      audience: { roles: audience.roles, unitCode: audience.unitCode, ...(audience.channels && { channels: audience.channels }) },
      sendAt,
      launchOffsetDays: input.launchOffset?.daysBefore ?? null,
      launchTime: input.launchOffset?.at ?? null,
      status: 'draft',
      scopeCode: sender.unitScope,
      keepDiacritics: input.keepDiacritics,
      createdBy: sender.name,
      createdByContactId: sender.contactId,
      createdAt: now,
    })
    .returning();
  if (!broadcast) throw new Error('createDraft: the insert returned no row');
  return { broadcast };
}

/** A broadcast the sender may see (created within their subtree); undefined otherwise (never revealed). */
export async function findBroadcast(db: Db, id: number, scope: string): Promise<BroadcastRow | undefined> {
  const [row] = await db.select().from(broadcasts).where(eq(broadcasts.id, id));
  if (!row) return undefined;
  if (!(await isWithin(db, row.scopeCode, scope))) return undefined;
  return row;
}

/** Start queueing now: status `sending`; the queue pump (queue.ts) walks the audience in chunks. */
export async function markSending(db: Db, id: number, now: Date): Promise<void> {
  await db.update(broadcasts).set({ status: 'sending', firedAt: now, queueUntilId: await maxContactId(db), queuedThrough: 0 }).where(eq(broadcasts.id, id));
}

/** Confirm a draft: scheduled when it has a time, else sending now. Returns the updated row. */
export async function confirmBroadcast(db: Db, b: BroadcastRow, now: Date): Promise<BroadcastRow> {
  return transaction(db, async () => {
    if (b.status !== 'draft') throw new BroadcastError(409, `broadcast ${b.id} is ${b.status}; only a draft can be confirmed`);
    if (b.sendAt && b.sendAt.getTime() <= now.getTime()) {
      throw new BroadcastError(409, `its send time ${formatLocalTime(b.sendAt)} has passed; create it again with a later time or none (send now)`);
    }
    if (b.sendAt) await db.update(broadcasts).set({ status: 'scheduled' }).where(eq(broadcasts.id, b.id));
    else await markSending(db, b.id, now);
    const [confirmed] = await db.select().from(broadcasts).where(eq(broadcasts.id, b.id));
    if (!confirmed) throw new BroadcastError(404, `broadcast ${b.id} is gone`);
    return confirmed;
  });
}

/** Cancel a draft, scheduled or sending broadcast: its unsent rows are dropped. */
export async function cancelBroadcast(db: Db, b: BroadcastRow, now: Date): Promise<{ broadcast: BroadcastRow; dropped: number }> {
  return transaction(db, async () => {
    if (!['draft', 'scheduled', 'sending'].includes(b.status)) throw new BroadcastError(409, `broadcast ${b.id} is ${b.status}; it cannot be cancelled`);
    const [broadcast] = await db.update(broadcasts).set({ status: 'cancelled', finishedAt: now }).where(eq(broadcasts.id, b.id)).returning();
    if (!broadcast) throw new BroadcastError(404, `broadcast ${b.id} is gone`);
    return { broadcast, dropped: await dropUnsentRows(db, b.id) };
  });
}

/** A broadcast as the API answers it, with its statistics. */
export async function describeBroadcast(db: Db, b: BroadcastRow): Promise<BroadcastRow & { stats: BroadcastStats }> {
  return { ...b, stats: await broadcastStats(db, b.id) };
}
