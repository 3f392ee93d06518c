/**
 * Broadcasts over the admin API: `POST /admin/broadcasts` (a draft and its preview), `POST …/:id/confirm`,
 * `GET …/:id` (with stats), `DELETE …/:id` (cancel), the list, a preview without storing, and launch reminders.
 * Everything is limited to the caller's unit subtree (a supervisor broadcasts only to theirs); every change is audited.
 */
import express, { type Application, type Response } from 'express';
import { z } from 'zod';
import { listBroadcasts } from '../../../db/queries/broadcasts.ts';
import { AudienceOutOfScope, scopedAudience } from '../../../flows/broadcast/audience.ts';
import {
  activeCampaign,
  BroadcastError,
  cancelBroadcast,
  confirmBroadcast,
  createDraft,
  CreateBroadcastSchema,
  describeBroadcast,
  findBroadcast,
  previewOf,
} from '../../../flows/broadcast/lifecycle.ts';
import { previewBroadcast } from '../../../flows/broadcast/preview.ts';
import { drainQueue } from '../../../flows/broadcast/queue.ts';
import { PlanRemindersSchema, planLaunchReminders } from '../../../flows/broadcast/reminders.ts';
import type { Logger } from '../../core/log.ts';
import { HttpError } from '../errors.ts';
import { adminRoute, auditBy, principalOf, type GuardDeps } from './route.ts';
import { parseId } from './accounts.ts';

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

/** Run a handler body, mapping broadcast refusals to their HTTP status (out-of-scope units answer 404). */
async function refusals<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof BroadcastError) throw new HttpError(err.status, err.message);
    if (err instanceof AudienceOutOfScope) throw new HttpError(404, 'no such unit in your scope');
    throw err;
  }
}

/** Mount the broadcast routes. */
export function mountBroadcastRoutes(app: Application, deps: GuardDeps & { log?: Logger }): void {
  const { db, clock } = deps;
  const json = express.json({ limit: '32kb' });
  /** The broadcast named in the path, if the caller's subtree holds it (else 404: never revealed). */
  const mine = async (res: Response, raw: unknown) => {
    const b = await findBroadcast(db, parseId(raw), principalOf(res).unitScope);
    if (!b) throw new HttpError(404, 'no such broadcast');
    return b;
  };

  // Previews count the audience in short ranges (flows/broadcast/count.ts): at a million people the handler
  // answers after ~0.5 s, and the event loop stays free for the web chat and webhooks meanwhile.
  adminRoute(app, deps, 'post', '/admin/broadcasts/preview', 'broadcasts.read', json, async (req, res) => {
    const body = CreateBroadcastSchema.safeParse(req.body);
    if (!body.success) throw new HttpError(400, issues(body.error));
    const campaign = await activeCampaign(db);
    const input = { text: body.data.text, keepDiacritics: body.data.keepDiacritics, launchAt: campaign?.launchAt ?? null, hotline: campaign?.hotline ?? null };
    const audience = await refusals(() => scopedAudience(db, body.data.audience, principalOf(res).unitScope));
    res.json(await previewBroadcast(db, input, audience));
  });

  adminRoute(app, deps, 'post', '/admin/broadcasts', 'broadcasts.write', json, async (req, res) => {
    const body = CreateBroadcastSchema.safeParse(req.body);
    if (!body.success) throw new HttpError(400, issues(body.error));
    const p = principalOf(res);
    const now = clock.now();
    const { broadcast } = await refusals(() => createDraft(db, body.data, p, now));
    await auditBy(db, p, 'broadcast.create', `broadcast:${broadcast.id}`, now, { sendAt: broadcast.sendAt?.toISOString() ?? null, audience: broadcast.audience });
    res.status(201).json({ ...broadcast, preview: await previewOf(db, broadcast) });
  });

  adminRoute(app, deps, 'post', '/admin/broadcasts/:id/confirm', 'broadcasts.write', async (req, res) => {
    const b = await mine(res, req.params['id']);
    const now = clock.now();
    const confirmed = await refusals(() => confirmBroadcast(db, b, now));
    await auditBy(db, principalOf(res), 'broadcast.confirm', `broadcast:${b.id}`, now, { before: b.status, after: confirmed.status });
    if (confirmed.status === 'sending') void drainQueue(db, b.id, { now: () => now, log: deps.log });
    res.json(await describeBroadcast(db, confirmed));
  });

  adminRoute(app, deps, 'get', '/admin/broadcasts', 'broadcasts.read', async (_req, res) => {
    res.json({ broadcasts: await listBroadcasts(db, principalOf(res).unitScope) });
  });

  adminRoute(app, deps, 'get', '/admin/broadcasts/:id', 'broadcasts.read', async (req, res) => {
    res.json(await describeBroadcast(db, await mine(res, req.params['id'])));
  });

  adminRoute(app, deps, 'delete', '/admin/broadcasts/:id', 'broadcasts.write', async (req, res) => {
    const b = await mine(res, req.params['id']);
    const now = clock.now();
    const { broadcast, dropped } = await refusals(() => cancelBroadcast(db, b, now));
    await auditBy(db, principalOf(res), 'broadcast.cancel', `broadcast:${b.id}`, now, { before: b.status, after: 'cancelled', dropped });
    res.json({ id: broadcast.id, status: broadcast.status, dropped });
  });

  // Launch reminders: one per day before the launch (0 = launch day); planning again updates instead of duplicating.
  adminRoute(app, deps, 'post', '/admin/reminders', 'broadcasts.write', json, async (req, res) => {
    const body = PlanRemindersSchema.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError(400, issues(body.error));
    const campaign = await activeCampaign(db);
    if (!campaign) throw new HttpError(409, 'no active campaign');
    const p = principalOf(res);
    const now = clock.now();
    const planned = await refusals(() => planLaunchReminders(db, campaign, body.data, p, now));
    await auditBy(db, p, 'reminders.plan', `campaign:${campaign.id}`, now, { daysBefore: body.data.daysBefore, audience: body.data.audience });
    res.status(201).json({ ...planned, ...(planned.skippedDaysBefore.length > 0 && { reason: 'already past' }) });
  });
}
