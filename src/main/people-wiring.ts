import type { Kysely } from 'kysely';
import { kyselyAuditLog } from '../adapters/db/kysely-audit-log.ts';
import { kyselyPeopleStore } from '../adapters/db/kysely-people-store.ts';
import type { Database } from '../adapters/db/schema.ts';
import type { Authenticator } from '../adapters/http/auth/authenticator.ts';
import { nodeContentHasher } from '../adapters/runtime/node-content-hasher.ts';
import { randomSecrets } from '../adapters/runtime/random-secrets.ts';
import { scryptPasswordHasher } from '../adapters/runtime/scrypt-password-hasher.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import { sessionPrincipal, tokenPrincipal } from '../application/people/authenticate.ts';
import type { PeopleDeps } from '../application/people/people-deps.ts';

export const sha256Text = (text: string): string => nodeContentHasher.sha256(text);

/** The people use cases on a database: users, tokens and sessions, audited. */
export function peopleDepsFor(db: Kysely<Database>): PeopleDeps {
  return {
    store: kyselyPeopleStore(db),
    passwords: scryptPasswordHasher(),
    secrets: randomSecrets,
    clock: systemClock,
    audit: kyselyAuditLog(db, systemClock, sha256Text),
    sha256: sha256Text,
  };
}

/** Cordon's own credentials: API tokens as bearer credentials, and web sessions. */
export function authenticatorFor(people: PeopleDeps): Authenticator {
  return {
    bearer: (credential) => tokenPrincipal(people, credential),
    session: (sessionId) => sessionPrincipal(people, sessionId),
  };
}
