import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../../application/ports/password-hasher.ts';

/** OWASP's scrypt minimum (N=2^17, r=8, p=1) costs 128 MiB per hash; tests may pass a lower N. */
const defaultCost = { N: 2 ** 17, r: 8, p: 1 };

const derive = (password: string, salt: Buffer, options: ScryptOptions, length: number) =>
  new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });

/**
 * Passwords hashed with scrypt (node:crypto), stored as `scrypt$N$r$p$salt$key` (base64url) so that
 * the cost can be raised later without invalidating stored hashes.
 */
export function scryptPasswordHasher(
  cost: { N: number; r: number; p: number } = defaultCost,
): PasswordHasher {
  const maxmem = 256 * cost.N * cost.r + 1024 * 1024;
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, { ...cost, maxmem }, 32);
      return [
        'scrypt',
        cost.N,
        cost.r,
        cost.p,
        salt.toString('base64url'),
        key.toString('base64url'),
      ].join('$');
    },
    async verify(password, stored) {
      const [scheme, n, r, p, salt, key] = stored.split('$');
      if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
      const options = { N: Number(n), r: Number(r), p: Number(p) };
      const expected = Buffer.from(key, 'base64url');
      const actual = await derive(
        password,
        Buffer.from(salt, 'base64url'),
        {
          ...options,
          maxmem: 256 * options.N * options.r + 1024 * 1024,
        },
        expected.length,
      );
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}
