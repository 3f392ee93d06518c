import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { pgBaseOf, transaction, type Db } from '../../db/client.ts';
import { refreshOnce } from '../../db/pg/refresh-once.ts';
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

  const read = async (key: string, from: Db = db): Promise<string | undefined> =>
    (await from.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1))[0]?.value;

  /** Store settings rows together: in their own transaction, or through `inTx`, a transaction already open. */
  const write = async (entries: [string, string][], inTx?: Db): Promise<void> => {
    const now = clock.now();
    const store = async (to: Db) => {
      for (const [key, value] of entries) {
        await to
          .insert(settings)
          .values({ key, value, updatedAt: now })
          .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
      }
    };
    if (inTx) await store(inTx);
    else await transaction(db, () => store(db));
  };

  const liveAccessToken = async (from: Db = db): Promise<string | undefined> => {
    const token = await read(ZALO_SETTING_KEYS.accessToken, from);
    const expiresAt = Number((await read(ZALO_SETTING_KEYS.accessTokenExpiresAt, from)) ?? 0);
    return token && expiresAt - EXPIRY_MARGIN_MS > clock.now().getTime() ? token : undefined;
  };

  /** The refresh token to spend: a new ZALO_REFRESH_TOKEN from the operator wins; otherwise the stored one. */
  const currentRefreshToken = async (): Promise<string | undefined> => {
    const seed = opts.seedRefreshToken;
    if (seed) {
      const seedHash = createHash('sha256').update(seed).digest('hex');
      if ((await read(ZALO_SETTING_KEYS.refreshTokenSeed)) !== seedHash) {
        await write([
          [ZALO_SETTING_KEYS.refreshToken, seed],
          [ZALO_SETTING_KEYS.refreshTokenSeed, seedHash],
        ]);
        return seed;
      }
    }
    return read(ZALO_SETTING_KEYS.refreshToken);
  };

  /** The new tokens, as they are stored after a refresh. */
  const accessEntries = (fresh: { accessToken: string; expiresInS: number }): [string, string][] => [
    [ZALO_SETTING_KEYS.accessToken, fresh.accessToken],
    [ZALO_SETTING_KEYS.accessTokenExpiresAt, String(clock.now().getTime() + fresh.expiresInS * 1000)],
  ];

  const runRefresh = async (stale: string | undefined): Promise<string> => {
    const refreshToken = await currentRefreshToken();
    if (!refreshToken) throw new ZaloRefreshTokenMissing();
    const base = pgBaseOf(db);
    if (base) {
      // Several instances: the refresh token's row stays locked while it is spent, so it is spent once; an instance
      // that waited finds the access token the other one stored and uses it.
      return refreshOnce(base, {
        key: ZALO_SETTING_KEYS.refreshToken,
        now: clock.now(),
        alreadyDone: async () => {
          const live = await liveAccessToken();
          return live && live !== stale ? live : undefined;
        },
        spend: async (token, tx) => {
          const fresh = await client.refreshAccessToken(token);
          await write(accessEntries(fresh), tx as unknown as Db);
          return { next: fresh.refreshToken, result: fresh.accessToken };
        },
      });
    }
    const fresh = await client.refreshAccessToken(refreshToken);
    // The old refresh token is spent now: store its successor before anything else can fail or use the new token.
    await write([[ZALO_SETTING_KEYS.refreshToken, fresh.refreshToken]]);
    await write(accessEntries(fresh));
    return fresh.accessToken;
  };

  const singleFlight = (stale?: string): Promise<string> => {
    inFlight ??= runRefresh(stale).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    async accessToken() {
      if (inFlight) return inFlight;
      return (await liveAccessToken()) ?? singleFlight();
    },
    async refresh(stale) {
      if (inFlight) return inFlight;
      const current = await liveAccessToken();
      if (current && current !== stale) return current;
      return singleFlight(stale);
    },
  };
}
