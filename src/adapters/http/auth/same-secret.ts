import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether a secret the caller sent equals the one we hold, in time that depends on neither value:
 * both are hashed to 32 bytes first, so `timingSafeEqual` always compares equal-length buffers
 * and the comparison leaks neither where they first differ nor the expected length.
 */
export function sameSecret(
  given: string | readonly string[] | undefined,
  expected: string,
): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(expected));
}
