import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/client.ts';
import { settings } from '../../db/schema/index.ts';
import type { Clock } from '../../src/core/channel.ts';
import type { ZaloClient } from './client.ts';

/** Keys of the `settings` rows that hold the OA's tokens. */
export const ZALO_SETTING_KEYS = {
  accessToken: 'zalo.access_token',
  accessTokenExpiresAt: 'zalo.access_token_expires_at',
  refreshToken: 'zalo.refresh_token',
  /** SHA-256 of the ZALO_REFRESH_TOKEN value last taken from the environment (a new value means a new seed). */
  refreshTokenSeed: 'zalo.refresh_token_seed_sha256',
} as const;

/** Refresh this long before Zalo's stated expiry, so a send never carries a token that dies in flight. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/** Thrown when there is no usable refresh token: an operator must set a new ZALO_REFRESH_TOKEN. */
export class ZaloRefreshTokenMissing extends Error {
  constructor() {
    super('no Zalo refresh token: set ZALO_REFRESH_TOKEN (from the Zalo developer console) and restart');
    this.name = 'ZaloRefreshTokenMissing';
  }
}

/** The OA's access token, kept in the database and refreshed in a single flight. */
export interface ZaloTokenStore {
  /** A live access token, refreshing first when the stored one is missing or about to expire. */
  accessToken(): Promise<string>;
  /**
   * Replace `stale` (a token Zalo just refused) with a fresh one. Concurrent callers share one refresh; a caller
   * whose stale token was already replaced gets the new token without another refresh.
   */
  refresh(stale: string): Promise<string>;
}

export function createZaloTokenStore(opts: { db: Db; clock: Clock; client: ZaloClient; seedRefreshToken: string | undefined }): ZaloTokenStore {
  const { db, clock, client } = opts;
  let inFlight: Promise<string> | undefined;

  const read = (key: string): string | undefined =>
    db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;

  const write = (entries: [string, string][]): void => {
    const now = clock.now();
    inTransaction(db, () => {
      for (const [key, value] of entries) {
        db.insert(settings)
          .values({ key, value, updatedAt: now })
          .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
          .run();
      }
    });
  };

  const liveAccessToken = (): string | undefined => {
    const token = read(ZALO_SETTING_KEYS.accessToken);
    const expiresAt = Number(read(ZALO_SETTING_KEYS.accessTokenExpiresAt) ?? 0);
    return token && expiresAt - EXPIRY_MARGIN_MS > clock.now().getTime() ? token : undefined;
  };

  /** The refresh token to spend: a new ZALO_REFRESH_TOKEN from the operator wins; otherwise the stored one. */
  const currentRefreshToken = (): string | undefined => {
    const seed = opts.seedRefreshToken;
    if (seed) {
      const seedHash = createHash('sha256').update(seed).digest('hex');
      if (read(ZALO_SETTING_KEYS.refreshTokenSeed) !== seedHash) {
        write([
          [ZALO_SETTING_KEYS.refreshToken, seed],
          [ZALO_SETTING_KEYS.refreshTokenSeed, seedHash],
        ]);
        return seed;
      }
    }
    return read(ZALO_SETTING_KEYS.refreshToken);
  };

  const runRefresh = async (): Promise<string> => {
    const refreshToken = currentRefreshToken();
    if (!refreshToken) throw new ZaloRefreshTokenMissing();
    const fresh = await client.refreshAccessToken(refreshToken);
    // The old refresh token is spent now: store its successor before anything else can fail or use the new token.
    write([[ZALO_SETTING_KEYS.refreshToken, fresh.refreshToken]]);
    write([
      [ZALO_SETTING_KEYS.accessToken, fresh.accessToken],
      [ZALO_SETTING_KEYS.accessTokenExpiresAt, String(clock.now().getTime() + fresh.expiresInS * 1000)],
    ]);
    return fresh.accessToken;
  };

  const singleFlight = (): Promise<string> => {
    inFlight ??= runRefresh().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    async accessToken() {
      if (inFlight) return inFlight;
      return liveAccessToken() ?? singleFlight();
    },
    async refresh(stale) {
      if (inFlight) return inFlight;
      const current = liveAccessToken();
      if (current && current !== stale) return current;
      return singleFlight();
    },
  };
}
