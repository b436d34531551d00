import type { OrganisationKind, Principal } from '../../../domain/people/people.ts';
import type { Role } from '../../../domain/people/role.ts';
import { cordonError, type CordonError } from '../../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';

/**
 * How the HTTP layer learns who is calling. The composition root wires it to Cordon's own users,
 * sessions and API tokens; a deployment with a single sign-on provider adds `openIdConnect`
 * (see `OpenIdConnectVerifier`) and keeps the same principals, roles and audit trail.
 */
export interface Authenticator {
  /** An `Authorization: Bearer` credential: an API token, or an OIDC ID token when configured. */
  bearer(credential: string): Promise<Result<Principal, CordonError>>;
  /** A web session cookie; undefined when unknown or expired. */
  session(
    sessionId: string,
  ): Promise<{ readonly principal: Principal; readonly csrfToken: string } | undefined>;
}

/**
 * The OpenID Connect hook point: verifies an ID token issued by the deployment's provider (its
 * signature against the provider's keys, issuer, audience, expiry) and maps its claims to a
 * Cordon principal (e.g. a `groups` claim to roles, an `org` claim to an organisation id). Cordon
 * ships the shape and the mapping (`principalFromClaims`), not a provider.
 */
export interface OpenIdConnectVerifier {
  readonly issuer: string;
  verify(idToken: string): Promise<Result<Readonly<Record<string, unknown>>, CordonError>>;
}

/** How an OpenID Connect deployment maps its claims to Cordon principals. */
export interface ClaimMapping {
  /** Claim holding group names, e.g. `groups`. */
  readonly groupsClaim: string;
  /** Group name -> Cordon role. Groups not listed are ignored. */
  readonly roleOfGroup: Readonly<Record<string, Role>>;
  /** Claim holding the Cordon organisation id, e.g. `cordon_org`. */
  readonly organisationClaim: string;
  /** Organisation id -> its kind, from Cordon's own organisation table. */
  readonly organisationKind: (organisationId: string) => OrganisationKind | undefined;
}

/**
 * Maps verified OIDC claims to a principal: `sub` becomes the user id, `preferred_username` (or
 * `sub`) the name, groups become roles, and the organisation claim must name a known organisation.
 * Anything missing is a refusal, never a guess.
 */
export function principalFromClaims(
  issuer: string,
  claims: Readonly<Record<string, unknown>>,
  mapping: ClaimMapping,
): Result<Principal, CordonError> {
  const refuse = (why: string) =>
    err(cordonError('CORDON_UNAUTHENTICATED', `The identity token is not usable: ${why}.`));
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject === '') return refuse('it has no subject');
  const groups = claims[mapping.groupsClaim];
  const roles = [
    ...new Set(
      (Array.isArray(groups) ? groups : []).flatMap((g) =>
        typeof g === 'string' && mapping.roleOfGroup[g] !== undefined
          ? [mapping.roleOfGroup[g]]
          : [],
      ),
    ),
  ];
  if (roles.length === 0) return refuse('none of its groups grants a Cordon role');
  const organisationId = claims[mapping.organisationClaim];
  if (typeof organisationId !== 'string')
    return refuse(`it has no ${mapping.organisationClaim} claim`);
  const kind = mapping.organisationKind(organisationId);
  if (kind === undefined) return refuse(`organisation ${organisationId} is not known to Cordon`);
  const username = claims.preferred_username;
  return ok({
    userId: `oidc:${subject}`,
    username: typeof username === 'string' && username !== '' ? username : subject,
    organisationId,
    organisationKind: kind,
    roles,
    via: `oidc:${issuer}`,
  });
}
