/**
 * A single-use refresh token refreshed by several instances at once (db/pg/refresh-once.ts): spent exactly once,
 * every caller gets the one new access token. The provider is a fake at the network edge that, like Zalo, refuses
 * a refresh token it has already seen.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { PgDb } from '../../db/pg/client.ts';
import { settings } from '../../db/pg/schema/index.ts';
import { refreshOnce, RefreshTokenMissingError } from '../../db/pg/refresh-once.ts';
import type { PgTx } from '../../db/pg/contact-lock.ts';
import { hasPg, useTestDatabase, useTwoInstances } from '../support/pg.ts';

const NOW = new Date('2026-05-20T03:00:00Z');
const REFRESH = 'zalo.refresh_token';
const ACCESS = 'zalo.access_token';

/** Zalo's token endpoint: each refresh token works once and returns its successor. */
function fakeProvider() {
  const spent: string[] = [];
  return {
    spent,
    async refresh(token: string): Promise<{ refreshToken: string; accessToken: string }> {
      await new Promise((r) => setTimeout(r, 50));
      if (spent.includes(token)) throw new Error(`refresh token ${token} already used`);
      spent.push(token);
      const n = spent.length;
      return { refreshToken: `r${n}`, accessToken: `a${n}` };
    },
  };
}

async function read(db: PgDb | PgTx, key: string): Promise<string | undefined> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value;
}

/** What an instance does when the provider refused access token `stale`. */
function refreshAfter(db: PgDb, provider: ReturnType<typeof fakeProvider>, stale: string): Promise<string> {
  return refreshOnce(db, {
    key: REFRESH,
    now: NOW,
    async alreadyDone(tx) {
      const current = await read(tx, ACCESS);
      return current !== undefined && current !== stale ? current : undefined;
    },
    async spend(token, tx) {
      const fresh = await provider.refresh(token);
      await tx.update(settings).set({ value: fresh.accessToken, updatedAt: NOW }).where(eq(settings.key, ACCESS));
      return { next: fresh.refreshToken, result: fresh.accessToken };
    },
  });
}

describe.skipIf(!hasPg)('refreshing a single-use token once across instances', () => {
  const instances = useTwoInstances(useTestDatabase());
  beforeEach(async () => {
    await instances.a.execute(sql`DELETE FROM settings`);
    await instances.a.insert(settings).values([
      { key: REFRESH, value: 'r0', updatedAt: NOW },
      { key: ACCESS, value: 'a0', updatedAt: NOW },
    ]);
  });

  it('six callers on two instances: one refresh, everyone gets the new token', async () => {
    const provider = fakeProvider();
    const tokens = await Promise.all(Array.from({ length: 6 }, (_, i) => refreshAfter(i % 2 ? instances.a : instances.b, provider, 'a0')));
    expect(provider.spent).toEqual(['r0']);
    expect(new Set(tokens)).toEqual(new Set(['a1']));
    expect(await read(instances.a, REFRESH)).toBe('r1');
    // The next refusal spends the successor, once.
    await Promise.all([refreshAfter(instances.a, provider, 'a1'), refreshAfter(instances.b, provider, 'a1')]);
    expect(provider.spent).toEqual(['r0', 'r1']);
  });

  it('without the row lock the same callers spend the token twice (the failure this prevents)', async () => {
    const provider = fakeProvider();
    const naive = async (db: PgDb) => {
      const token = (await read(db, REFRESH)) as string;
      const fresh = await provider.refresh(token);
      await db.update(settings).set({ value: fresh.refreshToken }).where(eq(settings.key, REFRESH));
    };
    const results = await Promise.allSettled([naive(instances.a), naive(instances.b)]);
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
  });

  it('a refused refresh leaves the stored token as it was, and the lock free', async () => {
    const failing = {
      spent: [] as string[],
      async refresh(): Promise<{ refreshToken: string; accessToken: string }> {
        throw new Error('provider down');
      },
    };
    await expect(refreshAfter(instances.a, failing, 'a0')).rejects.toThrow('provider down');
    expect(await read(instances.a, REFRESH)).toBe('r0');
    const provider = fakeProvider();
    expect(await refreshAfter(instances.b, provider, 'a0')).toBe('a1');
  });

  it('says so when there is no token row to lock', async () => {
    await instances.a.execute(sql`DELETE FROM settings WHERE key = ${REFRESH}`);
    await expect(refreshAfter(instances.a, fakeProvider(), 'a0')).rejects.toThrow(RefreshTokenMissingError);
  });
});
