import type { Role } from './role.ts';

/** The kinds of organisation Cordon knows. Exporters see only their own organisation's data. */
export const organisationKinds = [
  'exporter',
  'licensing-authority',
  'advising-department',
  'partner-authority',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  /** ISO 3166-1 alpha-2, or `EU`. */
  readonly country: string;
  readonly createdAt: Date;
}

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly organisationId: string;
  readonly roles: readonly Role[];
  readonly disabled: boolean;
  readonly createdAt: Date;
}

/** A user as the password check sees them: the hash and the lockout counters. */
export interface Credentials {
  readonly user: User;
  readonly passwordHash: string | null;
  readonly failedAttempts: number;
  readonly lockedUntil: Date | null;
}

/** Who is acting on a request: resolved from a session, an API token, or the test authenticator. */
export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  readonly roles: readonly Role[];
  /** How they proved it: `session:<id>`, `token:<id>`, `oidc:<issuer>`. */
  readonly via: string;
  /** API tokens may be narrowed to some roles of their user; sessions carry all of them. */
  readonly scopes?: readonly Role[];
}

/** The roles a principal may act under now (a token's scopes, within the user's roles). */
export const effectiveRoles = (principal: Principal): readonly Role[] =>
  principal.scopes === undefined
    ? principal.roles
    : principal.roles.filter((role) => principal.scopes?.includes(role) === true);

/** True when the principal holds one of the `allowed` roles. */
export const holdsAnyRole = (principal: Principal, allowed: readonly Role[]): boolean =>
  effectiveRoles(principal).some((role) => allowed.includes(role));

/**
 * Whether the principal may see a record owned by `ownerOrganisationId`: authority staff see every
 * exporter's records; an exporter sees only its own organisation's (and is told "not found" for the
 * others, so that ids of other organisations' records leak nothing).
 */
export const maySeeOwnedBy = (principal: Principal, ownerOrganisationId: string): boolean =>
  principal.organisationKind !== 'exporter' || principal.organisationId === ownerOrganisationId;

/** The audit actor string of a principal. */
export const actorOf = (principal: Principal): string => `user:${principal.username}`;

/** Lockout policy: after `maxFailures` consecutive failed logins, refuse for `lockMinutes`. */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockMinutes: number;
}
export const defaultLockoutPolicy: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

export type LoginDecision =
  | { readonly kind: 'locked'; readonly until: Date }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'check-password' };

/** What to do with a login attempt before the password is checked. */
export function beforePasswordCheck(credentials: Credentials, now: Date): LoginDecision {
  if (credentials.user.disabled) return { kind: 'disabled' };
  if (credentials.lockedUntil !== null && credentials.lockedUntil > now) {
    return { kind: 'locked', until: credentials.lockedUntil };
  }
  return { kind: 'check-password' };
}

/** The counters after a failed password: a lock starts when the failures reach the policy's maximum. */
export function afterFailedPassword(
  credentials: Credentials,
  now: Date,
  policy: LockoutPolicy = defaultLockoutPolicy,
): { readonly failedAttempts: number; readonly lockedUntil: Date | null } {
  const failedAttempts = credentials.failedAttempts + 1;
  return failedAttempts >= policy.maxFailures
    ? { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) }
    : { failedAttempts, lockedUntil: credentials.lockedUntil };
}

/** An API token as stored: never the secret, only its hash. */
export interface ApiToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly scopes: readonly Role[];
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

/** Why a presented token does not authenticate, or undefined when it does. */
export function tokenProblem(token: ApiToken, user: User, now: Date): string | undefined {
  if (token.revokedAt !== null) return 'the token was revoked';
  if (token.expiresAt <= now) return 'the token has expired';
  if (user.disabled) return "the token's user is disabled";
  return undefined;
}

/**
 * API tokens are `cdn_<id>_<secret>`: the id finds the stored row, the secret is compared with its
 * hash. Returns undefined for anything else.
 */
export function parseTokenString(
  text: string,
): { readonly id: string; readonly secret: string } | undefined {
  const match = /^cdn_([A-Za-z0-9]{8,32})_([A-Za-z0-9_-]{20,128})$/.exec(text);
  return match?.[1] !== undefined && match[2] !== undefined
    ? { id: match[1], secret: match[2] }
    : undefined;
}

export const formatTokenString = (id: string, secret: string): string => `cdn_${id}_${secret}`;
