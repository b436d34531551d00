import type { Role } from './role.ts';

/** The kinds of organisation Cordon knows. Exporters see only their own organisation's data. */
export const organisationKinds = [
  'exporter',
  'licensing-authority',
  'advising-department',
  'partner-authority',
  'industry',
  'academia',
  'civil-society',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/**
 * The kinds of the public's organisations: their users comment on public consultations and see
 * no case, screening, assessment or person.
 */
export const commenterOrganisationKinds = ['industry', 'academia', 'civil-society'] as const;
export type CommenterOrganisationKind = (typeof commenterOrganisationKinds)[number];

/** True for an organisation of the public (industry, academia, civil society). */
export const isCommenterOrganisation = (
  kind: OrganisationKind,
): kind is CommenterOrganisationKind =>
  (commenterOrganisationKinds as readonly string[]).includes(kind);

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
  /** Their password was set by someone else (an operator, a generator): change it at sign-in. */
  readonly mustChangePassword: boolean;
}

/** A user as the password check sees them: with the hash (none until they enrol). */
export interface Credentials {
  readonly user: User;
  readonly passwordHash: string | null;
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
  /**
   * A session of someone whose password another person set: it may only change the password (or
   * sign out) until they do.
   */
  readonly passwordChangeRequired?: true;
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
 * others, so that ids of other organisations' records leak nothing); the public's organisations
 * see none.
 */
export const maySeeOwnedBy = (principal: Principal, ownerOrganisationId: string): boolean =>
  !isCommenterOrganisation(principal.organisationKind) &&
  (principal.organisationKind !== 'exporter' || principal.organisationId === ownerOrganisationId);

/** The audit actor string of a principal. */
export const actorOf = (principal: Principal): string => `user:${principal.username}`;

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
