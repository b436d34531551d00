import type { Authenticator } from '../../src/adapters/http/auth/authenticator.ts';
import type { Principal } from '../../src/domain/people/people.ts';
import { roles, type Role } from '../../src/domain/people/role.ts';
import { cordonError } from '../../src/domain/shared/errors.ts';
import { err, ok } from '../../src/domain/shared/result.ts';

/** Organisation of test exporters unless a test names another (`Bearer test-exporter@org-b`). */
export const testExporterOrganisation = 'org-test-exporter';
export const testAuthorityOrganisation = 'org-test-authority';

/**
 * Accepts `Bearer test-<role>` or `Bearer test-<role>@<organisation id>` and nothing else: a
 * stand-in for real credentials in HTTP tests, never wired into a running server.
 */
export function testAuthenticator(): Authenticator {
  return {
    bearer(credential) {
      const match = /^test-([a-z-]+)(?:@([A-Za-z0-9-]+))?$/.exec(credential);
      const role = match?.[1] as Role | undefined;
      if (role === undefined || !roles.includes(role)) {
        return Promise.resolve(err(cordonError('CORDON_UNAUTHENTICATED', 'Unknown test token.')));
      }
      const exporter = role === 'exporter';
      const organisationId =
        match?.[2] ?? (exporter ? testExporterOrganisation : testAuthorityOrganisation);
      const principal: Principal = {
        userId: `test-${role}-${organisationId}`,
        username: `test-${role}`,
        organisationId,
        organisationKind: exporter
          ? 'exporter'
          : role === 'commenter'
            ? 'industry'
            : 'licensing-authority',
        roles: [role],
        via: 'token:test',
      };
      return Promise.resolve(ok(principal));
    },
    session: () => Promise.resolve(undefined),
  };
}
