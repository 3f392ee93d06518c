import type { Db } from '../../db/client.ts';
import { contacts, signupReports } from '../../db/schema/index.ts';
import { createAccount, createApiToken } from '../../src/core/accounts.ts';
import type { UserRole } from '../../src/core/access.ts';

/** A console user with a password (for the browser) and an API token (for HTTP tests). */
export interface ConsoleUser {
  id: number;
  login: string;
  password: string;
  token: string;
}

/** Password every test user gets (long enough for the policy; never a real one). */
export const TEST_PASSWORD = 'mat-khau-thu-nghiem-42';

/**
 * Create a console user of a role on a unit with a bearer token, and a password when `password` is true (hashing
 * one costs scrypt time: API tests go without).
 */
export async function addConsoleUser(
  db: Db,
  opts: { name: string; role: UserRole; unit?: string; email: string; now: Date; password?: boolean },
): Promise<ConsoleUser> {
  const user = await createAccount(
    db,
    { name: opts.name, role: opts.role, email: opts.email, ...(opts.password && { password: TEST_PASSWORD }), ...(opts.unit && { unit: opts.unit }) },
    { actor: 'test', now: opts.now },
  );
  const { token } = await createApiToken(db, user.id, { days: 30, actor: 'test', now: opts.now });
  return { id: user.id, login: opts.email, password: TEST_PASSWORD, token };
}

/** Store one current report of `count` for a unit and day, by a new reporter. */
export function addReport(db: Db, unitCode: string, day: string, count: number, now: Date): void {
  const reporter = db.insert(contacts).values({ name: `Cán bộ ${unitCode}`, role: 'staff', unitCode, createdAt: now }).returning().get();
  db.insert(signupReports).values({ unitCode, reporterId: reporter.id, day, count, createdAt: now }).run();
}

/** `fetch` with a bearer token and JSON; `T` is the shape the test expects of the answer. */
export async function call<T = Record<string, unknown>>(
  url: string,
  token: string,
  init: { method?: string; json?: unknown; csv?: string } = {},
): Promise<{ status: number; body: T; text: string; headers: Headers }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.csv !== undefined) {
    headers['Content-Type'] = 'text/csv';
    body = init.csv;
  }
  const res = await fetch(url, { method: init.method ?? 'GET', headers, ...(body !== undefined && { body }) });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed as T, text, headers: res.headers };
}
