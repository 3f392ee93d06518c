import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { closeDb, openDatabase, type Db } from '../db/client.ts';
import { seedDefaults, seedOptions } from '../db/seed/seed.ts';
import { adminUsers, type AdminUserRow } from '../db/schema/index.ts';
import { listUsers, userById, userByLogin } from '../db/queries/users.ts';
import { AccountError, changeAccount, createAccount, createApiToken, parseLogin, publicTokens, resetPassword, revokeApiToken } from './core/accounts.ts';
import { NATION_SCOPE, USER_ROLES, type UserRole } from './core/access.ts';
import { loadConfig, type Config } from './config.ts';
import { flag, parseArgs, type CliIo } from './cli-args.ts';

const ACTOR = 'cli';

/** Read one line: from a terminal with the echo muted (passwords), else the next line of stdin. */
async function readSecretLine(io: CliIo, prompt: string): Promise<string> {
  const tty = (io.stdin as NodeJS.ReadStream).isTTY === true;
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) io.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: io.stdin, output: tty ? output : undefined, terminal: tty });
  if (tty) io.stderr.write(prompt);
  muted = true;
  try {
    const line = await new Promise<string | null>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(null));
    });
    if (tty) io.stderr.write('\n');
    if (line === null) throw new AccountError('no password given (type it, or pipe it on stdin)');
    return line.replace(/\r$/, '');
  } finally {
    rl.close();
  }
}

/** A password typed twice on a terminal, or read once from stdin. */
async function askPassword(io: CliIo): Promise<string> {
  const first = await readSecretLine(io, 'Mật khẩu (ít nhất 10 ký tự): ');
  if ((io.stdin as NodeJS.ReadStream).isTTY === true) {
    const again = await readSecretLine(io, 'Nhập lại mật khẩu: ');
    if (again !== first) throw new AccountError('the two passwords differ');
  }
  return first;
}

/** A user named by id or by sign-in name. */
async function findUser(db: Db, ref: string | undefined): Promise<AdminUserRow> {
  if (!ref) throw new AccountError('name the user by id, e-mail or phone');
  const user = /^\d+$/.test(ref) ? await userById(db, Number(ref)) : await userByLogin(db, parseLogin(ref));
  if (!user) throw new AccountError(`no user ${ref}`);
  return user;
}

async function withDb<T>(io: CliIo, fn: (db: Db, config: Config) => Promise<T> | T): Promise<T> {
  const config = loadConfig(io.env);
  const db = await openDatabase(config);
  try {
    await seedDefaults(db, seedOptions(config, new Date()));
    return await fn(db, config);
  } finally {
    await closeDb(db);
  }
}

function line(user: AdminUserRow): string {
  const login = [user.email, user.phone].filter(Boolean).join(' ') || '(token only)';
  return `${user.id}\t${user.role}\t${user.unitScope ?? NATION_SCOPE}\t${user.active ? 'active' : 'disabled'}\t${user.name}\t${login}`;
}

/** The account commands: create-admin, user …, token …, create-admin-token. Null for other commands. */
export async function runAccountCommand(command: string, argv: string[], io: CliIo): Promise<number | null> {
  const out = (text: string) => io.stdout.write(`${text}\n`);
  const err = (text: string) => io.stderr.write(`${text}\n`);
  try {
    switch (command) {
      case 'create-admin':
        return await createAdmin(argv, io, out);
      case 'user':
        return await user(argv, io, out, err);
      case 'token':
        return await token(argv, io, out, err);
      case 'create-admin-token':
        return await createAdminToken(argv, io, out, err);
      default:
        return null;
    }
  } catch (e) {
    if (e instanceof AccountError) {
      err(e.message);
      return 1;
    }
    throw e;
  }
}

async function createAdmin(argv: string[], io: CliIo, out: (t: string) => void): Promise<number> {
  const { flags } = parseArgs(argv);
  const tty = (io.stdin as NodeJS.ReadStream).isTTY === true;
  return withDb(io, async (db) => {
    const existing = await db.select().from(adminUsers).where(and(eq(adminUsers.role, 'admin'), eq(adminUsers.active, true)));
    if (existing.some((u) => u.passwordHash !== null)) throw new AccountError('an admin who can sign in already exists: use "user add --role admin" (or "user reset-password")');
    let login = flag(flags, 'email') ?? flag(flags, 'phone');
    if (!login && tty) login = (await readSecretLineVisible(io, 'E-mail hoặc số điện thoại để đăng nhập: ')).trim();
    if (!login) throw new AccountError('give --email or --phone: the name you will sign in with');
    const parsed = parseLogin(login);
    if (!parsed.email && !parsed.phone) throw new AccountError(`not an e-mail address or a phone number: ${login}`);
    const password = await askPassword(io);
    const user = await createAccount(db, { name: flag(flags, 'name') ?? 'Quản trị', role: 'admin', unit: NATION_SCOPE, ...parsed, password }, { actor: ACTOR, now: new Date() });
    out(`admin ${user.id} created: sign in at /console as ${user.email ?? user.phone}`);
    return 0;
  });
}

async function readSecretLineVisible(io: CliIo, prompt: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question(prompt, resolve));
  } finally {
    rl.close();
  }
}

async function user(argv: string[], io: CliIo, out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const [sub, ...rest] = argv;
  const { positional, flags } = parseArgs(rest, ['password-stdin']);
  return withDb(io, async (db) => {
    const now = new Date();
    switch (sub) {
      case 'add': {
        const role = flag(flags, 'role');
        if (!role || !(USER_ROLES as readonly string[]).includes(role)) throw new AccountError(`--role must be one of ${USER_ROLES.join(', ')}`);
        const password = flags['password-stdin'] === true ? await askPassword(io) : undefined;
        const u = await createAccount(
          db,
          {
            name: flag(flags, 'name') ?? '',
            role: role as UserRole,
            ...(flag(flags, 'unit') && { unit: flag(flags, 'unit') }),
            ...(flag(flags, 'email') && { email: flag(flags, 'email') }),
            ...(flag(flags, 'phone') && { phone: flag(flags, 'phone') }),
            ...(password !== undefined && { password }),
          },
          { actor: ACTOR, now },
        );
        out(line(u));
        if (!password) err('No password set: the user signs in after "user reset-password", or uses a token.');
        return 0;
      }
      case 'list':
        for (const u of await listUsers(db, flag(flags, 'unit') ?? NATION_SCOPE)) out(line(u));
        return 0;
      case 'disable': {
        const u = await findUser(db, positional[0]);
        out(line(await changeAccount(db, u.id, { active: false }, { actor: ACTOR, now })));
        return 0;
      }
      case 'reset-password': {
        const u = await findUser(db, positional[0]);
        await resetPassword(db, u.id, await askPassword(io), { actor: ACTOR, now });
        out(`password of user ${u.id} changed; their sessions were ended`);
        return 0;
      }
      default:
        err('usage: bhxh-outreach user add|list|disable|reset-password …');
        return 2;
    }
  });
}

async function token(argv: string[], io: CliIo, out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const [sub, ...rest] = argv;
  const { positional, flags } = parseArgs(rest);
  return withDb(io, async (db, config) => {
    const now = new Date();
    switch (sub) {
      case 'create': {
        const u = await findUser(db, flag(flags, 'user'));
        const days = flag(flags, 'days') ? Number(flag(flags, 'days')) : config.access.tokenDays;
        if (!Number.isInteger(days) || days < 1 || days > 3650) throw new AccountError('--days must be a whole number from 1 to 3650');
        const created = await createApiToken(db, u.id, { label: flag(flags, 'label') ?? null, days, actor: ACTOR, now });
        out(created.token);
        err(`Token ${created.row.id} for ${u.name}, valid until ${created.row.expiresAt?.toISOString()}. Shown once: only its SHA-256 is stored.`);
        return 0;
      }
      case 'list': {
        const owner = flag(flags, 'user') ? (await findUser(db, flag(flags, 'user'))).id : null;
        for (const t of await publicTokens(db, owner)) {
          const state = t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt <= now ? 'expired' : 'active';
          out(`${t.id}\t${state}\t${t.userName}\t${t.label ?? ''}\texpires ${t.expiresAt?.toISOString() ?? 'never'}`);
        }
        return 0;
      }
      case 'revoke': {
        if (!positional[0]) throw new AccountError('usage: bhxh-outreach token revoke <id>');
        await revokeApiToken(db, positional[0], { ownerId: null, actor: ACTOR, now });
        out(`token ${positional[0]} revoked`);
        return 0;
      }
      default:
        err('usage: bhxh-outreach token create|list|revoke …');
        return 2;
    }
  });
}

/** The scripts' contract: the token alone on stdout's one line; the user is reused when name, role and unit match. */
async function createAdminToken(argv: string[], io: CliIo, out: (t: string) => void, err: (t: string) => void): Promise<number> {
  const { flags } = parseArgs(argv);
  const name = flag(flags, 'name');
  const role = flag(flags, 'role') ?? 'supervisor';
  if (!name || !['admin', 'supervisor', 'consultant', 'viewer'].includes(role)) {
    err('usage: bhxh-outreach create-admin-token --name "<who>" --role admin|supervisor|consultant|viewer --unit CODE');
    return 2;
  }
  return withDb(io, async (db, config) => {
    const now = new Date();
    const unit = flag(flags, 'unit') ?? (role === 'admin' ? NATION_SCOPE : undefined);
    const [reuse] = await db
      .select()
      .from(adminUsers)
      .where(and(eq(adminUsers.name, name), eq(adminUsers.role, role as UserRole), eq(adminUsers.unitScope, unit ?? ''), eq(adminUsers.active, true)))
      .limit(1);
    const u = reuse ?? (await createAccount(db, { name, role: role as UserRole, ...(unit && { unit }) }, { actor: ACTOR, now }));
    const created = await createApiToken(db, u.id, { label: 'create-admin-token', days: config.access.tokenDays, actor: ACTOR, now });
    out(created.token);
    err(`Shown once: only its SHA-256 is stored. Use it as "Authorization: Bearer <token>" (user ${u.id}, ${u.role}, unit ${u.unitScope}).`);
    return 0;
  });
}
