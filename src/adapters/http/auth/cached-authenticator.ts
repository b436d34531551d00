import type { Principal } from '../../../domain/people/people.ts';
import type { CordonError } from '../../../domain/shared/errors.ts';
import { ok, type Result } from '../../../domain/shared/result.ts';
import type { Authenticator } from './authenticator.ts';

/** Options of `cachedAuthenticator`. */
export interface AuthCacheOptions {
  /** How long a verified bearer credential is believed without asking the store again. */
  readonly ttlMs: number;
  /** At most this many credentials are remembered; the oldest is forgotten first. */
  readonly maxEntries?: number;
  /** Milliseconds since the epoch (the system clock in production). */
  readonly now: () => number;
}

/** An authenticator that remembers verified API tokens for a short time; `clear()` forgets all. */
export interface CachedAuthenticator extends Authenticator {
  clear(): void;
}

/**
 * Remembers successful bearer authentications for `ttlMs`, so that a machine client calling
 * screening thousands of times a second costs one token lookup per interval instead of three
 * database queries per request. Refusals are never remembered (a new token works at once), and
 * web sessions are never cached (signing out ends a session at once). A token revoked or a user
 * disabled elsewhere (another instance, the CLI) stops authenticating here within `ttlMs`; the
 * composition root clears the cache when this process changes credentials itself.
 */
export function cachedAuthenticator(
  inner: Authenticator,
  options: AuthCacheOptions,
): CachedAuthenticator {
  const maxEntries = options.maxEntries ?? 10_000;
  const remembered = new Map<string, { readonly principal: Principal; readonly until: number }>();
  return {
    async bearer(credential): Promise<Result<Principal, CordonError>> {
      const now = options.now();
      const hit = remembered.get(credential);
      if (hit !== undefined && hit.until > now) return ok(hit.principal);
      remembered.delete(credential);
      const verified = await inner.bearer(credential);
      if (verified.ok && options.ttlMs > 0) {
        if (remembered.size >= maxEntries) {
          const oldest = remembered.keys().next();
          if (oldest.done !== true) remembered.delete(oldest.value);
        }
        remembered.set(credential, { principal: verified.value, until: now + options.ttlMs });
      }
      return verified;
    },
    session: (sessionId) => inner.session(sessionId),
    clear: () => {
      remembered.clear();
    },
  };
}
