import { desc, eq } from 'drizzle-orm';
import express, { type Application, type RequestHandler, type Response } from 'express';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { auditLog, broadcasts, campaigns } from '../../db/schema/index.ts';
import { AudienceSchema, previewBroadcast, queueBroadcast } from '../../db/queries/broadcasts.ts';
import type { Clock } from '../core/channel.ts';
import { TIMEZONE } from '../core/clock.ts';
import { HttpError } from './errors.ts';
import type { AdminActor } from './admin.ts';

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
export function mountBroadcastRoutes(app: Application, deps: { db: Db; clock: Clock; auth: RequestHandler }): void {
  const { db, clock, auth } = deps;
  const actorOf = (res: Response) => res.locals['actor'] as AdminActor;
  const json = express.json({ limit: '32kb' });
  const requireEditor = (res: Response) => {
    if (actorOf(res).role === 'viewer') throw new HttpError(403, 'viewers cannot send broadcasts');
  };

  app.post('/admin/broadcasts/preview', auth, json, (req, res) => {
    const body = BroadcastBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, issues(body.error));
    res.json(previewBroadcast(db, body.data.text, body.data.audience, body.data.keepDiacritics));
  });

  app.post('/admin/broadcasts', auth, json, (req, res) => {
    requireEditor(res);
    const body = BroadcastBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, issues(body.error));
    const now = clock.now();
    const sendAt = parseWhen(body.data.sendAt, now);
    const campaign = db.select().from(campaigns).where(eq(campaigns.active, true)).get();
    const row = db
      .insert(broadcasts)
      .values({
        campaignId: campaign?.id ?? null,
        text: body.data.text,
        audience: body.data.audience,
        sendAt,
        keepDiacritics: body.data.keepDiacritics,
        createdBy: actorOf(res).name,
        createdAt: now,
      })
      .returning()
      .get();
    db.insert(auditLog).values({ actor: actorOf(res).name, action: 'broadcast.create', subject: `broadcast:${row.id}`, detail: { sendAt: sendAt.toISOString() }, at: now }).run();
    // Due now: queue at once rather than wait for the next minute.
    const queued = sendAt.getTime() <= now.getTime() ? queueBroadcast(db, row, now) : 0;
    res.status(201).json({ ...row, ...(queued > 0 && { status: 'queued', queuedCount: queued }), preview: previewBroadcast(db, row.text, body.data.audience, row.keepDiacritics) });
  });

  app.get('/admin/broadcasts', auth, (_req, res) => {
    res.json({ broadcasts: db.select().from(broadcasts).orderBy(desc(broadcasts.sendAt)).limit(200).all() });
  });

  app.delete('/admin/broadcasts/:id', auth, (req, res) => {
    requireEditor(res);
    const id = Number(req.params['id']);
    const row = Number.isInteger(id) ? db.select().from(broadcasts).where(eq(broadcasts.id, id)).get() : undefined;
    if (!row) throw new HttpError(404, 'no such broadcast');
    if (row.status !== 'scheduled') throw new HttpError(409, `broadcast is ${row.status}; only scheduled ones can be cancelled`);
    db.update(broadcasts).set({ status: 'cancelled' }).where(eq(broadcasts.id, id)).run();
    db.insert(auditLog).values({ actor: actorOf(res).name, action: 'broadcast.cancel', subject: `broadcast:${id}`, at: clock.now() }).run();
    res.json({ id, status: 'cancelled' });
  });

  // Reminders before the launch: one broadcast per day in daysBefore, each with a different campaign message.
  app.post('/admin/reminders', auth, json, (req, res) => {
    requireEditor(res);
    const body = ReminderBody.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError(400, issues(body.error));
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
          .values({ campaignId: campaign.id, text: reminderText(campaign, days, i), audience: body.data.audience, sendAt, createdBy: actorOf(res).name, createdAt: now })
          .returning()
          .get(),
      );
    }
    db.insert(auditLog).values({ actor: actorOf(res).name, action: 'reminders.schedule', subject: `campaign:${campaign.id}`, detail: { daysBefore: body.data.daysBefore }, at: now }).run();
    res.status(201).json({ reminders: created, ...(skipped.length > 0 && { skippedDaysBefore: skipped, reason: 'already past' }) });
  });
}
