import type { Kysely } from 'kysely';
import { kyselyAuditLog } from '../adapters/db/kysely-audit-log.ts';
import { kyselyCredentialStore } from '../adapters/db/kysely-credential-store.ts';
import { kyselyGrantStore } from '../adapters/db/kysely-grant-store.ts';
import { kyselyLoginFailureStore } from '../adapters/db/kysely-login-failure-store.ts';
import { kyselyPeopleStore } from '../adapters/db/kysely-people-store.ts';
import { commonPasswordList } from '../adapters/runtime/common-password-list.ts';
import type { Database } from '../adapters/db/schema.ts';
import type { Authenticator } from '../adapters/http/auth/authenticator.ts';
import { nodeContentHasher } from '../adapters/runtime/node-content-hasher.ts';
import { randomSecrets } from '../adapters/runtime/random-secrets.ts';
import { scryptPasswordHasher } from '../adapters/runtime/scrypt-password-hasher.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import { sessionPrincipal, tokenPrincipal } from '../application/people/authenticate.ts';
import type { PeopleDeps } from '../application/people/people-deps.ts';
import type { GrantStore } from '../application/ports/grant-store.ts';
import type { PeopleStore } from '../application/ports/people-store.ts';
import {
  cachedAuthenticator,
  type CachedAuthenticator,
} from '../adapters/http/auth/cached-authenticator.ts';

export const sha256Text = (text: string): string => nodeContentHasher.sha256(text);

/** The people use cases on a database: users, tokens and sessions, audited. */
export function peopleDepsFor(db: Kysely<Database>): PeopleDeps {
  return {
    store: kyselyPeopleStore(db),
    credentials: kyselyCredentialStore(db),
    grants: kyselyGrantStore(db, systemClock, sha256Text),
    loginFailures: kyselyLoginFailureStore(db),
    commonPasswords: commonPasswordList(),
    passwords: scryptPasswordHasher(),
    secrets: randomSecrets,
    clock: systemClock,
    audit: kyselyAuditLog(db, systemClock, sha256Text),
    sha256: sha256Text,
  };
}

/**
 * The people use cases and the authenticator of a server: verified API tokens are remembered for
 * `authCacheMs` (see `cachedAuthenticator`), and the cache is cleared whenever this process
 * disables a user, changes roles or revokes a token, so such changes apply here at once (and on
 * other instances within `authCacheMs`).
 */
export function servingPeople(
  db: Kysely<Database>,
  options: { readonly authCacheMs: number },
): { readonly people: PeopleDeps; readonly authenticator: CachedAuthenticator } {
  const base = peopleDepsFor(db);
  const authenticator = cachedAuthenticator(authenticatorFor(base), {
    ttlMs: options.authCacheMs,
    now: () => systemClock.now().getTime(),
  });
  const afterwardsClear =
    <A extends unknown[], R>(change: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await change(...args);
      } finally {
        authenticator.clear();
      }
    };
  const store: PeopleStore = {
    ...base.store,
    setDisabled: afterwardsClear(base.store.setDisabled.bind(base.store)),
    setRoles: afterwardsClear(base.store.setRoles.bind(base.store)),
    revokeToken: afterwardsClear(base.store.revokeToken.bind(base.store)),
  };
  const grants: GrantStore = {
    ...base.grants,
    decide: afterwardsClear(base.grants.decide.bind(base.grants)),
  };
  return { people: { ...base, store, grants }, authenticator };
}

/** Cordon's own credentials: API tokens as bearer credentials, and web sessions. */
export function authenticatorFor(people: PeopleDeps): Authenticator {
  return {
    bearer: (credential) => tokenPrincipal(people, credential),
    session: (sessionId) => sessionPrincipal(people, sessionId),
  };
}
