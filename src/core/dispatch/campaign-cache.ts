// The active campaign, re-read every few seconds rather than on every message (it changes a few times a year).
import type { Db } from '../../../db/client.ts';
import type { CampaignRow } from '../../../db/schema/index.ts';
import { messagePathQueries } from '../../../db/queries/message-path.ts';

/** How long the active campaign row is reused before it is read again. */
const CAMPAIGN_CACHE_MS = 5_000;

/** Returns the active campaign at `now`, read from the database at most once per few seconds. */
export type ActiveCampaign = (now: Date) => Promise<CampaignRow>;

/** Build the cached reader of the active campaign; throws when the database has none (not seeded). */
export function createCampaignCache(db: Db): ActiveCampaign {
  const q = messagePathQueries(db);
  let cached: { row: CampaignRow; until: number } | undefined;
  return async (now) => {
    if (cached && cached.until > now.getTime()) return cached.row;
    const row = await q.activeCampaign();
    if (!row) throw new Error('no active campaign: run `bhxh-outreach seed`');
    cached = { row, until: now.getTime() + CAMPAIGN_CACHE_MS };
    return row;
  };
}
