import { randomBytes, randomInt } from 'node:crypto';
import type { SecretGenerator } from '../../application/ports/secret-generator.ts';

const alphanumeric = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

const pick = (length: number): string =>
  Array.from({ length }, () => alphanumeric[randomInt(alphanumeric.length)]).join('');

/** Identifiers and secrets from node:crypto's CSPRNG. */
export const randomSecrets: SecretGenerator = {
  id: () => pick(12),
  secret: () => randomBytes(32).toString('base64url'),
  // 20 characters from 55 symbols: about 115 bits, typed once and then changed.
  password: () => pick(20),
};
