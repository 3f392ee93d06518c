import express, { type Application, type Response } from 'express';
import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import { listAudit } from '../../../db/queries/audit.ts';
import { listUsers, userById } from '../../../db/queries/users.ts';
import { AccountError, changeAccount, createAccount, createApiToken, NewAccountSchema, publicTokens, publicUser, resetPassword, revokeApiToken } from '../../core/accounts.ts';
import { USER_ROLES, manageableRoles, type Principal } from '../../core/access.ts';
import { HttpError } from '../errors.ts';
import { adminRoute, principalOf, requireUnit, type GuardDeps } from './route.ts';

const UserPatch = z
  .object({ name: z.string().trim().min(1).max(120).optional(), role: z.enum(USER_ROLES).optional(), unit: z.string().trim().min(1).max(20).optional(), active: z.boolean().optional() })
  .strict();
const PasswordBody = z.object({ password: z.string().min(1).max(200) }).strict();
const TokenBody = z.object({ label: z.string().trim().max(100).optional(), days: z.number().int().min(1).max(3650).optional(), userId: z.number().int().positive().optional() }).strict();

function actorName(p: Principal): string {
  return p.userId === null ? p.name : `${p.name} (#${p.userId})`;
}

function fail(err: unknown): never {
  if (err instanceof AccountError) throw new HttpError(err.status, err.message);
  throw err;
}

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

/** Users (admins), API tokens (each user their own; admins all) and the audit log (admins). */
export function mountAccountRoutes(app: Application, deps: GuardDeps): void {
  const { db, clock } = deps;
  const json = express.json({ limit: '8kb' });
  const userInScope = async (res: Response, id: number) => {
    const user = await userById(db, id);
    if (!user) throw new HttpError(404, `no user ${id}`);
    await requireUnit(res, db, user.unitScope, 'user');
    return user;
  };

  adminRoute(app, deps, 'get', '/admin/users', 'users.read', async (_req, res) => {
    res.json({ users: (await listUsers(db, principalOf(res).unitScope)).map(publicUser) });
  });

  adminRoute(app, deps, 'post', '/admin/users', 'users.write', json, async (req, res) => {
    const body = NewAccountSchema.safeParse(req.body);
    if (!body.success) throw new HttpError(400, zodMessage(body.error));
    const p = principalOf(res);
    if (!manageableRoles(p.role).includes(body.data.role)) throw new HttpError(403, `you may not create ${body.data.role} users`);
    if (body.data.unit) await requireUnit(res, db, body.data.unit);
    const user = await createAccount(db, body.data, { actor: actorName(p), now: clock.now() }).catch(fail);
    res.status(201).json(publicUser(user));
  });

  adminRoute(app, deps, 'patch', '/admin/users/:id', 'users.write', json, async (req, res) => {
    const body = UserPatch.safeParse(req.body);
    if (!body.success) throw new HttpError(400, zodMessage(body.error));
    const id = parseId(req.params['id']);
    await userInScope(res, id);
    if (body.data.unit) await requireUnit(res, db, body.data.unit);
    const p = principalOf(res);
    if (p.userId === id && (body.data.active === false || (body.data.role && body.data.role !== p.role))) throw new HttpError(409, 'you cannot disable yourself or change your own role');
    const changed = await changeAccount(db, id, body.data, { actor: actorName(p), now: clock.now() }).catch(fail);
    res.json(publicUser(changed));
  });

  adminRoute(app, deps, 'post', '/admin/users/:id/password', 'users.write', json, async (req, res) => {
    const body = PasswordBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'body must be {"password":"…"}');
    const id = parseId(req.params['id']);
    await userInScope(res, id);
    await resetPassword(db, id, body.data.password, { actor: actorName(principalOf(res)), now: clock.now() }).catch(fail);
    res.status(204).end();
  });

  adminRoute(app, deps, 'get', '/admin/tokens', 'tokens.own', async (_req, res) => {
    const p = principalOf(res);
    res.json({ tokens: await publicTokens(db, p.role === 'admin' ? null : (p.userId ?? -1)) });
  });

  adminRoute(app, deps, 'post', '/admin/tokens', 'tokens.own', json, async (req, res) => {
    const body = TokenBody.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError(400, zodMessage(body.error));
    const p = principalOf(res);
    const userId = body.data.userId ?? p.userId;
    if (userId === null) throw new HttpError(400, 'the bootstrap token has no user: give "userId"');
    if (userId !== p.userId) {
      if (p.role !== 'admin') throw new HttpError(403, 'you may create tokens only for yourself');
      await userInScope(res, userId);
    }
    try {
      const { token, row } = await createApiToken(db, userId, {
        label: body.data.label ?? null,
        days: body.data.days ?? deps.config.access.tokenDays,
        actor: actorName(p),
        now: clock.now(),
      });
      res.status(201).json({ token, id: row.id, expiresAt: row.expiresAt, note: 'Shown once: only its SHA-256 is stored.' });
    } catch (err) {
      fail(err);
    }
  });

  adminRoute(app, deps, 'delete', '/admin/tokens/:id', 'tokens.own', async (req, res) => {
    const p = principalOf(res);
    await revokeApiToken(db, String(req.params['id']), { ownerId: p.role === 'admin' ? null : (p.userId ?? -1), actor: actorName(p), now: clock.now() }).catch(fail);
    res.status(204).end();
  });

  adminRoute(app, deps, 'get', '/admin/audit', 'audit.read', async (req, res) => {
    const rows = await listAudit(db, { limit: 5000 });
    if (req.query['format'] === 'csv') {
      const csv = stringify(
        rows.map((r) => [r.at.toISOString(), r.actor, r.action, r.subject ?? '', r.detail === null ? '' : JSON.stringify(r.detail)]),
        { header: true, columns: ['at', 'actor', 'action', 'subject', 'detail'], bom: true },
      );
      res.type('text/csv; charset=utf-8').attachment('nhat-ky.csv').send(csv);
      return;
    }
    res.json({ entries: rows });
  });
}

/** A positive whole-number id from a route parameter. */
export function parseId(raw: unknown): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new HttpError(400, 'id must be a positive whole number');
  return id;
}
