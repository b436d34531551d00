import type { Principal } from '../../../domain/people/people.ts';
import type { CordonError } from '../../../domain/shared/errors.ts';
import type { Result } from '../../../domain/shared/result.ts';

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
