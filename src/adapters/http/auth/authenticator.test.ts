import { describe, expect, it } from 'vitest';
import { principalFromClaims, type ClaimMapping } from './authenticator.ts';

const mapping: ClaimMapping = {
  groupsClaim: 'groups',
  roleOfGroup: { 'ecju-caseworkers': 'caseworker', 'ecju-auditors': 'auditor' },
  organisationClaim: 'cordon_org',
  organisationKind: (id) => (id === 'org-ecju' ? 'licensing-authority' : undefined),
};

describe('the OpenID Connect claim mapping', () => {
  it('maps a verified token to a principal with the roles of its groups', () => {
    expect(
      principalFromClaims(
        'https://sso.example.gov',
        {
          sub: 'abc',
          preferred_username: 'jane',
          groups: ['ecju-caseworkers', 'staff'],
          cordon_org: 'org-ecju',
        },
        mapping,
      ),
    ).toEqual({
      ok: true,
      value: {
        userId: 'oidc:abc',
        username: 'jane',
        organisationId: 'org-ecju',
        organisationKind: 'licensing-authority',
        roles: ['caseworker'],
        via: 'oidc:https://sso.example.gov',
      },
    });
  });

  it('refuses a token without a Cordon role or with an unknown organisation', () => {
    expect(
      principalFromClaims('i', { sub: 'a', groups: ['staff'], cordon_org: 'org-ecju' }, mapping),
    ).toMatchObject({
      ok: false,
      error: { code: 'CORDON_UNAUTHENTICATED', message: expect.stringMatching(/role/) as unknown },
    });
    expect(
      principalFromClaims(
        'i',
        { sub: 'a', groups: ['ecju-auditors'], cordon_org: 'org-x' },
        mapping,
      ),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not known/) as unknown },
    });
  });
});
