import {
  afterFailedPassword,
  beforePasswordCheck,
  parseTokenString,
  tokenProblem,
  type Principal,
  type User,
} from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
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
  };
}

/**
 * Password login. Failures say the same thing for an unknown user and a wrong password; the fifth
 * consecutive failure locks the account for a while (`defaultLockoutPolicy`). Each outcome is
 * audited.
 */
export async function login(
  deps: PeopleDeps,
  input: { readonly username: string; readonly password: string; readonly requestId?: string },
): Promise<Result<NewSession, CordonError>> {
  const now = deps.clock.now();
  const credentials = await deps.store.findCredentials(input.username);
  const audit = (action: string, details: Record<string, unknown> = {}) =>
    deps.audit.append({
      actor: `user:${input.username}`,
      action,
      objectType: 'user',
      objectId: input.username,
      requestId: input.requestId,
      details,
    });
  if (credentials?.passwordHash == null) {
    // Spend the same time as a real check so that timing does not reveal which usernames exist.
    await deps.passwords.verify(input.password, await dummyHash(deps));
    await audit('auth.login-failed', { reason: 'unknown user or no password' });
    return err(refused('Unknown username or wrong password.'));
  }
  const decision = beforePasswordCheck(credentials, now);
  if (decision.kind === 'disabled') {
    await audit('auth.login-failed', { reason: 'disabled' });
    return err(refused('Unknown username or wrong password.'));
  }
  if (decision.kind === 'locked') {
    await audit('auth.login-failed', { reason: 'locked' });
    return err(
      refused(
        `Too many failed attempts: this account is locked until ${decision.until.toISOString()}.`,
      ),
    );
  }
  if (!(await deps.passwords.verify(input.password, credentials.passwordHash))) {
    const counters = afterFailedPassword(credentials, now);
    await deps.store.recordLoginOutcome(credentials.user.id, counters);
    await audit('auth.login-failed', {
      reason: 'wrong password',
      locked: counters.lockedUntil !== null && counters.lockedUntil > now,
    });
    return err(refused('Unknown username or wrong password.'));
  }
  await deps.store.recordLoginOutcome(credentials.user.id, {
    failedAttempts: 0,
    lockedUntil: null,
  });
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
  await audit('auth.login');
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

/** Compares two equal-length hex digests without an early exit. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
