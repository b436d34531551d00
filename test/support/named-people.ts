import type { Authenticator } from '../../src/adapters/http/auth/authenticator.ts';
import type { OrganisationKind, Principal } from '../../src/domain/people/people.ts';
import type { Role } from '../../src/domain/people/role.ts';
import { cordonError } from '../../src/domain/shared/errors.ts';
import { err, ok } from '../../src/domain/shared/result.ts';

/**
 * Named people for `app.inject()` tests that follow a case or a message through several hands:
 * each is a bearer token `Bearer <username>` (see `as`). One person may hold several roles, and
 * organisations have kinds; `buildTestApp`'s own authenticator gives one role per token instead.
 */
export const namedPeople = {
  erin: ['exporter', 'org-vista', ['exporter']],
  otto: ['exporter', 'org-other', ['exporter']],
  cara: ['licensing-authority', 'org-authority', ['caseworker']],
  adam: ['licensing-authority', 'org-authority', ['advisor']],
  sam: ['licensing-authority', 'org-authority', ['senior-officer']],
  sue: ['licensing-authority', 'org-authority', ['senior-officer']],
  ada: ['licensing-authority', 'org-authority', ['administrator']],
  aud: ['licensing-authority', 'org-authority', ['auditor']],
} as const satisfies Readonly<Record<string, [OrganisationKind, string, readonly Role[]]>>;

export type NamedPerson = keyof typeof namedPeople;

/** Accepts `Bearer <name>` for each of `namedPeople`, and nobody else. */
export const namedAuthenticator: Authenticator = {
  bearer(credential) {
    const person = (namedPeople as Record<string, (typeof namedPeople)[NamedPerson]>)[credential];
    if (person === undefined) {
      return Promise.resolve(err(cordonError('CORDON_UNAUTHENTICATED', 'Unknown person.')));
    }
    const [organisationKind, organisationId, roles] = person;
    const principal: Principal = {
      userId: `u-${credential}`,
      username: credential,
      organisationId,
      organisationKind,
      roles,
      via: 'token:test',
    };
    return Promise.resolve(ok(principal));
  },
  session: () => Promise.resolve(undefined),
};

/** The headers of a request made by `person`. */
export const as = (person: NamedPerson): Record<string, string> => ({
  authorization: `Bearer ${person}`,
});
