/**
 * Broadcasts over the admin API: `POST /admin/broadcasts` (a draft and its preview), `POST …/:id/confirm`,
 * `GET …/:id` (with stats), `DELETE …/:id` (cancel), the list, a preview without storing, and launch reminders.
 * Everything is limited to the caller's unit subtree; every change is audited.
 */
import express, { type Application, type RequestHandler, type Response } from 'express';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { listBroadcasts } from '../../../db/queries/broadcasts.ts';
import { auditLog, campaigns } from '../../../db/schema/index.ts';
import { AudienceOutOfScope, scopedAudience } from '../../../flows/broadcast/audience.ts';
import {
  BroadcastError,
  cancelBroadcast,
  confirmBroadcast,
  createDraft,
  CreateBroadcastSchema,
  describeBroadcast,
  findBroadcast,
  type Sender,
} from '../../../flows/broadcast/lifecycle.ts';
import { previewBroadcast } from '../../../flows/broadcast/preview.ts';
import { drainQueue } from '../../../flows/broadcast/queue.ts';
import { PlanRemindersSchema, planLaunchReminders } from '../../../flows/broadcast/reminders.ts';
import type { Clock } from '../../core/channel.ts';
import type { Logger } from '../../core/log.ts';
import { HttpError } from '../errors.ts';

export interface BroadcastRouteDeps {
  db: Db;
  clock: Clock;
  log?: Logger;
  /** Authenticates the request (401 otherwise). */
  auth: RequestHandler;
  /** Who is calling, once authenticated; null when they may not write broadcasts (403). */
  senderOf(res: Response, write: boolean): Sender | null;
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

function parseId(raw: unknown): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new HttpError(400, 'id must be a positive whole number');
  return id;
}

/** Map a broadcast refusal to its HTTP status. */
function rethrow(err: unknown): never {
  if (err instanceof BroadcastError) throw new HttpError(err.status, err.message);
  if (err instanceof AudienceOutOfScope) throw new HttpError(404, err.message);
  throw err;
}

/** Mount the broadcast routes. */
export function mountBroadcastRoutes(app: Application, deps: BroadcastRouteDeps): void {
  const { db, clock, auth } = deps;
  const json = express.json({ limit: '32kb' });
  const sender = (res: Response, write: boolean): Sender => {
    const s = deps.senderOf(res, write);
    if (!s) throw new HttpError(403, write ? 'your role may not send broadcasts' : 'your role may not see broadcasts');
    return s;
  };
  const audit = (s: Sender, action: string, id: number, detail?: Record<string, unknown>) =>
    db.insert(auditLog).values({ actor: s.name, action, subject: `broadcast:${id}`, ...(detail && { detail }), at: clock.now() }).run();
  const mine = (res: Response, raw: unknown, write: boolean) => {
    const s = sender(res, write);
    const b = findBroadcast(db, parseId(raw), s.unitScope);
    if (!b) throw new HttpError(404, 'no such broadcast');
    return { s, b };
  };

  app.post('/admin/broadcasts/preview', auth, json, (req, res) => {
    const s = sender(res, false);
    const body = CreateBroadcastSchema.safeParse(req.body);
    if (!body.success) throw new HttpError(400, issues(body.error));
    const campaign = db.select().from(campaigns).where(eq(campaigns.active, true)).get();
    try {
      const audience = scopedAudience(db, body.data.audience, s.unitScope);
      res.json(previewBroadcast(db, { text: body.data.text, keepDiacritics: body.data.keepDiacritics, launchAt: campaign?.launchAt ?? null, hotline: campaign?.hotline ?? null }, audience));
    } catch (err) {
      rethrow(err);
    }
  });

  app.post('/admin/broadcasts', auth, json, (req, res) => {
    const s = sender(res, true);
    const body = CreateBroadcastSchema.safeParse(req.body);
    if (!body.success) throw new HttpError(400, issues(body.error));
    try {
      const { broadcast, preview } = createDraft(db, body.data, s, clock.now());
      audit(s, 'broadcast.create', broadcast.id, { sendAt: broadcast.sendAt?.toISOString() ?? null });
      res.status(201).json({ ...broadcast, preview });
    } catch (err) {
      rethrow(err);
    }
  });

  app.post('/admin/broadcasts/:id/confirm', auth, (req, res) => {
    const { s, b } = mine(res, req.params['id'], true);
    try {
      const now = clock.now();
      const confirmed = confirmBroadcast(db, b, now);
      audit(s, 'broadcast.confirm', b.id, { status: confirmed.status });
      if (confirmed.status === 'sending') void drainQueue(db, b.id, { now: () => now, log: deps.log });
      res.json(describeBroadcast(db, confirmed));
    } catch (err) {
      rethrow(err);
    }
  });

  app.get('/admin/broadcasts', auth, (_req, res) => {
    res.json({ broadcasts: listBroadcasts(db, sender(res, false).unitScope) });
  });

  app.get('/admin/broadcasts/:id', auth, (req, res) => {
    const { b } = mine(res, req.params['id'], false);
    res.json(describeBroadcast(db, b));
  });

  app.delete('/admin/broadcasts/:id', auth, (req, res) => {
    const { s, b } = mine(res, req.params['id'], true);
    try {
      const { broadcast, dropped } = cancelBroadcast(db, b, clock.now());
      audit(s, 'broadcast.cancel', b.id, { dropped });
      res.json({ id: broadcast.id, status: broadcast.status, dropped });
    } catch (err) {
      rethrow(err);
    }
  });

  // Launch reminders: one per day before the launch; planning again updates instead of duplicating.
  app.post('/admin/reminders', auth, json, (req, res) => {
    const s = sender(res, true);
    const body = PlanRemindersSchema.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError(400, issues(body.error));
    const campaign = db.select().from(campaigns).where(eq(campaigns.active, true)).get();
    if (!campaign) throw new HttpError(409, 'no active campaign');
    try {
      const now = clock.now();
      const planned = planLaunchReminders(db, campaign, body.data, s, now);
      db.insert(auditLog).values({ actor: s.name, action: 'reminders.plan', subject: `campaign:${campaign.id}`, detail: { daysBefore: body.data.daysBefore }, at: now }).run();
      res.status(201).json({ ...planned, ...(planned.skippedDaysBefore.length > 0 && { reason: 'already past' }) });
    } catch (err) {
      rethrow(err);
    }
  });
}
