import type { Application, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Db } from '../../../db/client.ts';
import { inSubtree, isWithin } from '../../../db/queries/unit-scope.ts';
import { sessionUser, userForToken } from '../../../db/queries/users.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import type { SQLWrapper, SQL } from 'drizzle-orm';
import { NATION_SCOPE, principalOfUser, roleAllows, type Action, type Principal } from '../../core/access.ts';
import type { Clock } from '../../core/channel.ts';
import { safeEqual, sha256 } from '../../core/secrets.ts';
import type { Config } from '../../config.ts';
import { HttpError } from '../errors.ts';

/** What a route requires: an action of the policy, any signed-in user, or nothing (sign-in itself, the console's files). */
export type Access = Action | 'signed-in' | 'public';
export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** Name of the console's session cookie. */
export const SESSION_COOKIE = 'bhxh_session';

/** What the guard needs to know who is calling. */
export interface GuardDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'adminToken' | 'access'>;
}

const declared = new WeakMap<Application, Map<string, Access>>();

/** Every route declared with `adminRoute` on this app, as "METHOD path" → access (the route test walks the router with it). */
export function declaredRoutes(app: Application): ReadonlyMap<string, Access> {
  return declared.get(app) ?? new Map();
}

/** Read one cookie from the Cookie header (no dependency needed for one value). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A caller, and for a session its CSRF token (the console reads it back from GET /admin/session). */
interface Caller {
  principal: Principal;
  csrfToken?: string;
}

/** Who is calling: bearer token (bootstrap or stored), else the session cookie (with its CSRF token on writes). */
async function identify(req: Request, deps: GuardDeps): Promise<Caller | null> {
  const now = deps.clock.now();
  const bearer = /^Bearer\s+(\S{16,256})$/.exec(req.get('authorization') ?? '')?.[1];
  if (bearer) {
    if (deps.config.adminToken && safeEqual(deps.config.adminToken, bearer)) {
      return { principal: { userId: null, name: 'admin-token', role: 'admin', unitScope: NATION_SCOPE, contactId: null, via: 'bootstrap' } };
    }
    const user = await userForToken(deps.db, sha256(bearer), now);
    return user ? { principal: principalOfUser(user, 'token') } : null;
  }
  const cookie = readCookie(req, SESSION_COOKIE);
  if (!cookie) return null;
  const found = await sessionUser(deps.db, sha256(cookie), now, deps.config.access.sessionIdleMs);
  if (!found) return null;
  if (!SAFE_METHODS.has(req.method)) {
    const csrf = req.get('x-csrf-token') ?? '';
    if (!safeEqual(found.csrfToken, csrf)) throw new HttpError(403, 'missing or wrong X-CSRF-Token');
  }
  return { principal: principalOfUser(found.user, 'session'), csrfToken: found.csrfToken };
}

/**
 * Middleware enforcing `access`: 401 without credentials, 403 when the role may not do the action at all.
 * Async: Express 5 passes a rejection (an HttpError, a database failure) to the error handler like a throw.
 */
export function guard(access: Access, deps: GuardDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (access === 'public') return next();
    const caller = await identify(req, deps);
    if (!caller) {
      res.set('WWW-Authenticate', 'Bearer').status(401).json({ error: 'sign in first (session cookie or Authorization: Bearer <token>)' });
      return;
    }
    const { principal } = caller;
    if (access !== 'signed-in' && !roleAllows(principal.role, access)) {
      throw new HttpError(403, `role ${principal.role} may not ${access}`);
    }
    res.locals['principal'] = principal;
    res.locals['csrfToken'] = caller.csrfToken;
    next();
  };
}

/** Mount a route that declares what it needs; nothing under /admin is mounted any other way. */
export function adminRoute(app: Application, deps: GuardDeps, method: Method, path: string, access: Access, ...handlers: RequestHandler[]): void {
  let routes = declared.get(app);
  if (!routes) declared.set(app, (routes = new Map()));
  routes.set(`${method.toUpperCase()} ${path}`, access);
  app[method](path, guard(access, deps), ...handlers);
}

/** The caller of a guarded route. */
/** The CSRF token of the caller's session (undefined for a bearer token), as the guard found it. */
export function csrfTokenOf(res: Response): string | undefined {
  return res.locals['csrfToken'] as string | undefined;
}

export function principalOf(res: Response): Principal {
  const p = res.locals['principal'] as Principal | undefined;
  if (!p) throw new HttpError(401, 'not signed in');
  return p;
}

/**
 * Refuse a unit outside the caller's scope. Unknown units and units outside the scope both answer 404, so a
 * caller learns nothing about units they may not see.
 */
export async function requireUnit(res: Response, db: Db, unitCode: string | null | undefined, what = 'unit'): Promise<void> {
  const p = principalOf(res);
  if (unitCode === null || unitCode === undefined) {
    if (p.unitScope !== NATION_SCOPE) throw new HttpError(404, `no such ${what}`);
    return;
  }
  if (!(await isWithin(db, unitCode, p.unitScope))) throw new HttpError(404, `no such ${what} in your scope`);
}

/** A WHERE condition keeping rows of the caller's subtree (undefined for national scopes). */
export function scopeCondition(res: Response, column: SQLWrapper): SQL | undefined {
  return inSubtree(column, principalOf(res).unitScope);
}

/** Audit a write made by the caller. */
export async function auditBy(db: Db, principal: Principal, action: string, subject: string | null, at: Date, detail?: unknown): Promise<void> {
  await recordAudit(db, { actor: principal.userId === null ? principal.name : `${principal.name} (#${principal.userId})`, action, subject, detail, at });
}
