import { desc, eq } from 'drizzle-orm';
import express, { type Application, type Response } from 'express';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { broadcasts, campaigns } from '../../db/schema/index.ts';
import { AudienceSchema, previewBroadcast, queueBroadcast, type Audience } from '../../db/queries/broadcasts.ts';
import { TIMEZONE } from '../core/clock.ts';
import { HttpError } from './errors.ts';
import { isWithin } from '../../db/queries/unit-scope.ts';
import { NATION_SCOPE } from '../core/access.ts';
import { adminRoute, auditBy, principalOf, requireUnit, type GuardDeps } from './admin/route.ts';

const BroadcastBody = z
  .object({
    text: z.string().trim().min(1).max(1000),
    /** ISO date-time; without an offset it is Hà Nội time. Omitted: now. */
    sendAt: z.string().optional(),
    audience: AudienceSchema.default({ roles: ['resident'] }),
    keepDiacritics: z.boolean().default(false),
  })
  .strict();

const ReminderBody = z
  .object({
    /** Days before the launch, e.g. [7, 3, 1]. */
    daysBefore: z.array(z.number().int().min(1).max(60)).min(1).max(10).default([7, 3, 1]),
    /** Local time of day to send, HH:MM. */
    at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('09:00'),
    audience: AudienceSchema.default({ roles: ['resident'] }),
  })
  .strict();

function parseWhen(value: string | undefined, now: Date): Date {
  if (!value) return now;
  const dt = DateTime.fromISO(value, { zone: TIMEZONE });
  if (!dt.isValid) throw new HttpError(400, 'sendAt must be an ISO date-time such as 2027-05-20T09:00');
  return dt.toJSDate();
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

/** The text of the reminder sent `days` before the launch: countdown, time and place, one campaign message. */
export function reminderText(campaign: typeof campaigns.$inferSelect, days: number, index: number): string {
  const launch = DateTime.fromJSDate(campaign.launchAt, { zone: TIMEZONE });
  const message = campaign.messages[index % campaign.messages.length] ?? '';
  return `Còn ${days} ngày đến Lễ ra quân "${campaign.name}" (${launch.toFormat("HH'h'mm dd/MM/yyyy")}). ${message} Hỏi đáp: ${campaign.hotline}.`;
}

/**
 * Broadcasts and reminders before the launch. Creating one only stores it; the fire-broadcasts job turns it into
 * outbox rows when its time comes, and the outbox applies quiet hours, the daily cap, opt-outs and rate limits.
 */
export function mountBroadcastRoutes(app: Application, deps: GuardDeps): void {
  const { db, clock } = deps;
  const json = express.json({ limit: '32kb' });
  /** The audience limited to the caller's subtree: a unit outside it is refused, none means the caller's scope. */
  const scopedAudience = (res: Response, audience: Audience): Audience => {
    const scope = principalOf(res).unitScope;
    if (audience.unitCode) {
      requireUnit(res, db, audience.unitCode);
      return audience;
    }
    return scope === NATION_SCOPE ? audience : { ...audience, unitCode: scope };
  };
  const visible = (res: Response, row: typeof broadcasts.$inferSelect): boolean => {
    const scope = principalOf(res).unitScope;
    const unit = (row.audience as Audience | null)?.unitCode;
    return scope === NATION_SCOPE || (unit !== undefined && isWithin(db, unit, scope));
  };

  adminRoute(app, deps, 'post', '/admin/broadcasts/preview', 'broadcasts.read', json, (req, res) => {
    const body = BroadcastBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, issues(body.error));
    res.json(previewBroadcast(db, body.data.text, scopedAudience(res, body.data.audience), body.data.keepDiacritics));
  });

  adminRoute(app, deps, 'post', '/admin/broadcasts', 'broadcasts.write', json, (req, res) => {
    const body = BroadcastBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, issues(body.error));
    const audience = scopedAudience(res, body.data.audience);
    const now = clock.now();
    const sendAt = parseWhen(body.data.sendAt, now);
    const campaign = db.select().from(campaigns).where(eq(campaigns.active, true)).get();
    const row = db
      .insert(broadcasts)
      .values({
        campaignId: campaign?.id ?? null,
        text: body.data.text,
        audience,
        sendAt,
        keepDiacritics: body.data.keepDiacritics,
        createdBy: principalOf(res).name,
        createdAt: now,
      })
      .returning()
      .get();
    auditBy(db, principalOf(res), 'broadcast.create', `broadcast:${row.id}`, now, { sendAt: sendAt.toISOString(), audience });
    // Due now: queue at once rather than wait for the next minute.
    const queued = sendAt.getTime() <= now.getTime() ? queueBroadcast(db, row, now) : 0;
    res.status(201).json({ ...row, ...(queued > 0 && { status: 'queued', queuedCount: queued }), preview: previewBroadcast(db, row.text, audience, row.keepDiacritics) });
  });

  adminRoute(app, deps, 'get', '/admin/broadcasts', 'broadcasts.read', (_req, res) => {
    const rows = db.select().from(broadcasts).orderBy(desc(broadcasts.sendAt)).limit(2000).all();
    res.json({ broadcasts: rows.filter((r) => visible(res, r)).slice(0, 200) });
  });

  adminRoute(app, deps, 'delete', '/admin/broadcasts/:id', 'broadcasts.write', (req, res) => {
    const id = Number(req.params['id']);
    const row = Number.isInteger(id) ? db.select().from(broadcasts).where(eq(broadcasts.id, id)).get() : undefined;
    if (!row || !visible(res, row)) throw new HttpError(404, 'no such broadcast');
    if (row.status !== 'scheduled') throw new HttpError(409, `broadcast is ${row.status}; only scheduled ones can be cancelled`);
    db.update(broadcasts).set({ status: 'cancelled' }).where(eq(broadcasts.id, id)).run();
    auditBy(db, principalOf(res), 'broadcast.cancel', `broadcast:${id}`, clock.now(), { before: row.status, after: 'cancelled' });
    res.json({ id, status: 'cancelled' });
  });

  // Reminders before the launch: one broadcast per day in daysBefore, each with a different campaign message.
  adminRoute(app, deps, 'post', '/admin/reminders', 'broadcasts.write', json, (req, res) => {
    const body = ReminderBody.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError(400, issues(body.error));
    const audience = scopedAudience(res, body.data.audience);
    const campaign = db.select().from(campaigns).where(eq(campaigns.active, true)).get();
    if (!campaign) throw new HttpError(409, 'no active campaign');
    const now = clock.now();
    const [hour, minute] = body.data.at.split(':').map(Number) as [number, number];
    const launchDay = DateTime.fromJSDate(campaign.launchAt, { zone: TIMEZONE }).startOf('day');
    const created = [];
    const skipped: number[] = [];
    for (const [i, days] of [...new Set(body.data.daysBefore)].sort((a, b) => b - a).entries()) {
      const sendAt = launchDay.minus({ days }).set({ hour, minute }).toJSDate();
      if (sendAt.getTime() <= now.getTime()) {
        skipped.push(days);
        continue;
      }
      created.push(
        db
          .insert(broadcasts)
          .values({ campaignId: campaign.id, text: reminderText(campaign, days, i), audience, sendAt, createdBy: principalOf(res).name, createdAt: now })
          .returning()
          .get(),
      );
    }
    auditBy(db, principalOf(res), 'reminders.schedule', `campaign:${campaign.id}`, now, { daysBefore: body.data.daysBefore, audience });
    res.status(201).json({ reminders: created, ...(skipped.length > 0 && { skippedDaysBefore: skipped, reason: 'already past' }) });
  });
}
