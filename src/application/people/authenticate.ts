import {
  defaultLoginThrottlePolicy,
  retryAfter,
  throttleKey,
} from '../../domain/people/login-throttle.ts';
import {
  parseTokenString,
  tokenProblem,
  type Principal,
  type User,
} from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { constantTimeEqual } from './constant-time-equal.ts';
import type { PeopleDeps } from './people-deps.ts';

/** How long a web session lives. */
export const sessionHours = 8;

export interface NewSession {
  /** The cookie value: shown to the browser only, stored as a hash. */
  readonly sessionId: string;
  /** Sent back in `x-csrf-token` on every unsafe request made with the session cookie. */
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly principal: Principal;
}

const refused = (message: string): CordonError => cordonError('CORDON_UNAUTHENTICATED', message);

async function principalOf(
  deps: PeopleDeps,
  user: User,
  via: string,
  scopes?: Principal['scopes'],
): Promise<Principal | undefined> {
  const organisation = await deps.store.getOrganisation(user.organisationId);
  if (organisation === undefined) return undefined;
  return {
    userId: user.id,
    username: user.username,
    organisationId: organisation.id,
    organisationKind: organisation.kind,
    roles: user.roles,
    via,
    ...(scopes === undefined ? {} : { scopes }),
    // Only a session is held to the forced change: a token was created on purpose, for a machine.
    ...(via === 'session' && user.mustChangePassword ? { passwordChangeRequired: true } : {}),
  };
}

/** A refused sign-in; `retryAt` when the back-off refused it (the HTTP layer sends retry-after). */
export type SignInRefusal = CordonError & { readonly retryAt?: Date };

/**
 * The back-off of sign-ins (and other password checks) per name tried and client address: the
 * time until which the next attempt is refused, or undefined. The key is a hash (no name or
 * address is stored) and the same whether the account exists or not.
 */
export async function signInBackoff(
  deps: PeopleDeps,
  username: string,
  address: string,
): Promise<{ readonly key: string; readonly until: Date | undefined }> {
  const key = deps.sha256(`login-failure:${throttleKey(username, address)}`);
  return { key, until: retryAfter(await deps.loginFailures.failuresOf(key), deps.clock.now()) };
}

/** Counts a failed password check against the name tried and the client address. */
export async function countSignInFailure(deps: PeopleDeps, key: string): Promise<void> {
  const now = deps.clock.now();
  const forgetBefore = new Date(
    now.getTime() - defaultLoginThrottlePolicy.forgetAfterHours * 3_600_000,
  );
  await deps.loginFailures.recordFailure(key, now, forgetBefore);
}

export const backedOff = (until: Date): SignInRefusal => ({
  ...cordonError(
    'CORDON_RATE_LIMITED',
    `Too many failed attempts with this username from your address: wait until ${until.toISOString()} and try again.`,
  ),
  retryAt: until,
});

/**
 * Password login. Unknown, disabled and not-yet-enrolled accounts and wrong passwords get the same
 * answer after the same work (one password hash check); failures slow down further attempts at
 * that name from that client address only (`login-throttle.ts`), so nobody can lock another
 * person out. A user whose password someone else set gets a session that may only change it.
 * Each outcome is audited.
 */
export async function login(
  deps: PeopleDeps,
  input: {
    readonly username: string;
    readonly password: string;
    /** The client address, for the back-off. */
    readonly address?: string;
    readonly requestId?: string;
  },
): Promise<Result<NewSession, SignInRefusal>> {
  const now = deps.clock.now();
  const audit = (action: string, details: Record<string, unknown> = {}) =>
    deps.audit.append({
      actor: `user:${input.username}`,
      action,
      objectType: 'user',
      objectId: input.username,
      requestId: input.requestId,
      details,
    });
  const backoff = await signInBackoff(deps, input.username, input.address ?? 'unknown');
  if (backoff.until !== undefined) {
    await audit('auth.login-refused', { reason: 'back-off', until: backoff.until.toISOString() });
    return err(backedOff(backoff.until));
  }
  const credentials = await deps.store.findCredentials(input.username);
  // Always one hash check, against the account's hash or a dummy, so that timing tells nothing.
  const matches = await deps.passwords.verify(
    input.password,
    credentials?.passwordHash ?? (await dummyHash(deps)),
  );
  const reason =
    credentials === undefined
      ? 'unknown user'
      : credentials.passwordHash === null
        ? 'no password yet'
        : credentials.user.disabled
          ? 'disabled'
          : matches
            ? undefined
            : 'wrong password';
  if (reason !== undefined || credentials === undefined) {
    await countSignInFailure(deps, backoff.key);
    await audit('auth.login-failed', { reason: reason ?? 'unknown user' });
    return err(refused('Unknown username or wrong password.'));
  }
  await deps.loginFailures.clear(backoff.key);
  const sessionId = deps.secrets.secret();
  const csrfToken = deps.secrets.secret();
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
  const principal = await principalOf(deps, credentials.user, `session`);
  if (principal === undefined) return err(refused("The user's organisation no longer exists."));
  await deps.store.addSession(deps.sha256(sessionId), {
    userId: credentials.user.id,
    csrfToken,
    createdAt: now,
    expiresAt,
  });
  await audit(
    'auth.login',
    credentials.user.mustChangePassword ? { mustChangePassword: true } : {},
  );
  return ok({ sessionId, csrfToken, expiresAt, principal });
}

let cachedDummy: string | undefined;
const dummyHash = async (deps: PeopleDeps): Promise<string> =>
  (cachedDummy ??= await deps.passwords.hash('cordon-dummy-password'));

/** The principal of a session cookie, with its CSRF token; undefined when unknown or expired. */
export async function sessionPrincipal(
  deps: PeopleDeps,
  sessionId: string,
): Promise<{ readonly principal: Principal; readonly csrfToken: string } | undefined> {
  const session = await deps.store.findSession(deps.sha256(sessionId));
  if (session === undefined || session.expiresAt <= deps.clock.now()) return undefined;
  const user = await deps.store.getUser(session.userId);
  if (user === undefined || user.disabled) return undefined;
  const principal = await principalOf(deps, user, 'session');
  return principal && { principal, csrfToken: session.csrfToken };
}

export async function logout(deps: PeopleDeps, sessionId: string): Promise<void> {
  await deps.store.deleteSession(deps.sha256(sessionId));
}

/** The principal of an API token string (`cdn_<id>_<secret>`), or why it does not authenticate. */
export async function tokenPrincipal(
  deps: PeopleDeps,
  presented: string,
): Promise<Result<Principal, CordonError>> {
  const parsed = parseTokenString(presented);
  if (parsed === undefined) return err(refused('The bearer token is not a Cordon API token.'));
  const stored = await deps.store.findToken(parsed.id);
  if (stored === undefined || !constantTimeEqual(stored.secretHash, deps.sha256(parsed.secret))) {
    return err(refused('The API token is not valid.'));
  }
  const user = await deps.store.getUser(stored.token.userId);
  if (user === undefined) return err(refused('The API token is not valid.'));
  const problem = tokenProblem(stored.token, user, deps.clock.now());
  if (problem !== undefined)
    return err(refused(`The API token does not authenticate: ${problem}.`));
  const principal = await principalOf(deps, user, `token:${stored.token.id}`, stored.token.scopes);
  return principal ? ok(principal) : err(refused('The API token is not valid.'));
}
