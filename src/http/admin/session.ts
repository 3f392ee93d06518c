import express, { type Application, type Request, type Response } from 'express';
import { z } from 'zod';
import { recordAudit } from '../../../db/queries/audit.ts';
import { insertSession, recordFailedSignIn, recordSignIn, revokeSession, userByLogin } from '../../../db/queries/users.ts';
import { sql } from 'drizzle-orm';
import { row } from '../../../db/client.ts';
import { parseLogin, publicUser } from '../../core/accounts.ts';
import { principalOfUser, type Principal } from '../../core/access.ts';
import { createRateWindow } from '../../core/rate-window.ts';
import { randomSecret, sha256, verifyPassword } from '../../core/secrets.ts';
import { HttpError } from '../errors.ts';
import { adminRoute, csrfTokenOf, principalOf, readCookie, SESSION_COOKIE, type GuardDeps } from './route.ts';

const SignInBody = z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(200) }).strict();
const WRONG = 'Sai tên đăng nhập hoặc mật khẩu.';

/** The console's view of who is signed in. */
async function whoAmI(deps: GuardDeps, p: Principal, csrfToken: string | null) {
  const unit = await row<{ name: string }>(deps.db, sql`SELECT name FROM units WHERE code = ${p.unitScope}`);
  return {
    user: { id: p.userId, name: p.name, role: p.role, unitCode: p.unitScope, unitName: unit?.name ?? 'Toàn quốc' },
    csrfToken,
  };
}

/**
 * Console sign-in and sign-out. Sessions live in the database (revocable); the cookie is HttpOnly,
 * SameSite=Strict, and Secure when the public URL is https. Wrong passwords never reveal whether the account
 * exists; failures lock the account for a while and each client address is rate-limited.
 */
export function mountSessionRoutes(app: Application, deps: GuardDeps & { secureCookies: boolean }): void {
  const perAddress = createRateWindow(deps.config.access.signInPerAddressPer15Min, 15 * 60_000);
  const json = express.json({ limit: '4kb' });
  // Unknown sign-in names "lock" like real ones, so a lock-out does not reveal that an account exists.
  const unknownLogins = createRateWindow(deps.config.access.signInMaxFailures, deps.config.access.signInLockMs);

  adminRoute(app, deps, 'post', '/admin/session', 'public', json, async (req: Request, res: Response) => {
    const now = deps.clock.now();
    const address = req.socket.remoteAddress ?? 'unknown';
    if (!perAddress.hit(address, now.getTime())) {
      res.set('Retry-After', String(perAddress.retryAfter(address, now.getTime())));
      throw new HttpError(429, 'Quá nhiều lần đăng nhập. Vui lòng thử lại sau ít phút.');
    }
    const body = SignInBody.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'body must be {"login":"e-mail or phone","password":"…"}');
    const login = parseLogin(body.data.login);
    const user = await userByLogin(deps.db, login);
    const loginKey = login.email ?? login.phone ?? body.data.login.trim().toLowerCase();
    // The password is checked even for unknown or disabled accounts (against a decoy), so timing says nothing.
    const ok = await verifyPassword(body.data.password, user?.passwordHash ?? null);
    const unknownLocked = !user && !unknownLogins.hit(loginKey, now.getTime());
    if (unknownLocked || (user?.lockedUntil && user.lockedUntil > now)) {
      throw new HttpError(429, 'Tài khoản tạm khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau.');
    }
    if (!user || !ok || !user.active) {
      if (user && !ok) {
        const lockedUntil = await recordFailedSignIn(deps.db, user.id, now, { maxFailures: deps.config.access.signInMaxFailures, lockMs: deps.config.access.signInLockMs });
        if (lockedUntil) await recordAudit(deps.db, { actor: 'sign-in', action: 'user.locked', subject: `user:${user.id}`, detail: { until: lockedUntil.toISOString() }, at: now });
      }
      throw new HttpError(401, WRONG);
    }
    await recordSignIn(deps.db, user.id);
    const sessionId = randomSecret(32);
    const csrfToken = randomSecret(24);
    await insertSession(deps.db, { idHash: sha256(sessionId), userId: user.id, csrfToken, expiresAt: new Date(now.getTime() + deps.config.access.sessionMaxMs) }, now);
    await recordAudit(deps.db, { actor: `${user.name} (#${user.id})`, action: 'session.sign-in', subject: `user:${user.id}`, at: now });
    res.cookie(SESSION_COOKIE, sessionId, {
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.secureCookies,
      path: '/',
      maxAge: deps.config.access.sessionMaxMs,
    });
    res.json({ ...(await whoAmI(deps, principalOfUser(user, 'session'), csrfToken)), account: publicUser(user) });
  });

  adminRoute(app, deps, 'get', '/admin/session', 'signed-in', async (_req, res) => {
    res.json(await whoAmI(deps, principalOf(res), csrfTokenOf(res) ?? null));
  });

  adminRoute(app, deps, 'delete', '/admin/session', 'signed-in', async (req, res) => {
    const cookie = readCookie(req, SESSION_COOKIE);
    if (cookie) await revokeSession(deps.db, sha256(cookie), deps.clock.now());
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.secureCookies });
    res.status(204).end();
  });
}
