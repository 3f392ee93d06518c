import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Check `X-ZEvent-Signature: mac=<hex>` where hex = SHA-256(app_id + rawBody + timestamp + OA secret key).
 * Sources disagree on where the timestamp comes from (the body's `timestamp` or an `X-ZEvent-Timestamp` header),
 * so each candidate is tried; the comparison is constant-time.
 */
export function verifyZaloSignature(input: {
  appId: string;
  oaSecretKey: string;
  rawBody: string;
  header: string | undefined;
  timestamps: (string | undefined)[];
}): boolean {
  const given = /^\s*mac=([0-9a-fA-F]{64})\s*$/.exec(input.header ?? '')?.[1]?.toLowerCase();
  if (!given) return false;
  const givenBytes = Buffer.from(given, 'hex');
  let ok = false;
  for (const timestamp of new Set(input.timestamps)) {
    if (timestamp === undefined || timestamp === '') continue;
    const expected = createHash('sha256').update(input.appId + input.rawBody + timestamp + input.oaSecretKey).digest();
    // No early exit: every candidate is compared, so timing says nothing about which one matched.
    ok = timingSafeEqual(expected, givenBytes) || ok;
  }
  return ok;
}
