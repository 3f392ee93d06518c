import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compare a secret or signature with what a request carried, in constant time. Both sides are hashed first, so
 * neither the length nor the first differing byte shows in the timing.
 */
export function safeEqual(expected: string | Buffer, given: string | Buffer | undefined): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
