import { createHash } from 'node:crypto';
import { safeEqual } from '../../src/core/secrets.ts';

/**
 * Check `X-ZEvent-Signature: mac=<hex>` where hex = SHA-256(app_id + rawBody + timestamp + OA secret key), and
 * return the timestamp the mac was made with (undefined when none matches). Sources disagree on where the
 * timestamp comes from (the body's `timestamp` or an `X-ZEvent-Timestamp` header), so each candidate is tried;
 * every candidate is compared, in constant time, so timing says nothing about which one matched.
 */
export function signedTimestamp(input: {
  appId: string;
  oaSecretKey: string;
  rawBody: string;
  header: string | undefined;
  timestamps: (string | undefined)[];
}): string | undefined {
  const given = /^\s*mac=([0-9a-fA-F]{64})\s*$/.exec(input.header ?? '')?.[1]?.toLowerCase();
  if (!given) return undefined;
  let matched: string | undefined;
  for (const timestamp of new Set(input.timestamps)) {
    if (timestamp === undefined || timestamp === '') continue;
    const expected = createHash('sha256').update(input.appId + input.rawBody + timestamp + input.oaSecretKey).digest('hex');
    if (safeEqual(expected, given)) matched ??= timestamp;
  }
  return matched;
}
