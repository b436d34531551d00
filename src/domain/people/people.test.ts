import { describe, expect, it } from 'vitest';
import {
  effectiveRoles,
  formatTokenString,
  maySeeOwnedBy,
  parseTokenString,
  tokenProblem,
  type ApiToken,
  type Principal,
  type User,
} from './people.ts';

const user: User = {
  id: 'u1',
  username: 'alice',
  displayName: 'Alice',
  organisationId: 'org-a',
  roles: ['caseworker', 'auditor'],
  disabled: false,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  mustChangePassword: false,
};
const now = new Date('2026-11-29T12:00:00Z');

describe('API tokens', () => {
  const token: ApiToken = {
    id: 'abcdEFGH1234',
    userId: 'u1',
    name: 'ci',
    scopes: ['auditor'],
    createdAt: now,
    expiresAt: new Date('2026-12-29T12:00:00Z'),
    revokedAt: null,
  };

  it('round-trips the token string and rejects anything else', () => {
    const text = formatTokenString(token.id, 'S'.repeat(43));
    expect(parseTokenString(text)).toEqual({ id: token.id, secret: 'S'.repeat(43) });
    expect(parseTokenString('Bearer nonsense')).toBeUndefined();
    expect(parseTokenString(`cdn_${token.id}_short`)).toBeUndefined();
  });

  it('is refused once revoked, once expired, or when its user is disabled', () => {
    expect(tokenProblem(token, user, now)).toBeUndefined();
    expect(tokenProblem({ ...token, revokedAt: now }, user, now)).toMatch(/revoked/);
    expect(tokenProblem(token, user, new Date('2026-12-29T12:00:00Z'))).toMatch(/expired/);
    expect(tokenProblem(token, { ...user, disabled: true }, now)).toMatch(/disabled/);
  });

  it("narrows a principal to the token's scopes within the user's roles", () => {
    const principal: Principal = {
      userId: 'u1',
      username: 'alice',
      organisationId: 'org-a',
      organisationKind: 'licensing-authority',
      roles: ['caseworker', 'auditor'],
      via: 'token:x',
      scopes: ['auditor', 'administrator'],
    };
    expect(effectiveRoles(principal)).toEqual(['auditor']);
  });
});

describe('organisation isolation', () => {
  const exporter: Principal = {
    userId: 'e1',
    username: 'exp',
    organisationId: 'org-x',
    organisationKind: 'exporter',
    roles: ['exporter'],
    via: 'session:s',
  };
  it('lets an exporter see only its own organisation, and authority staff see all', () => {
    expect(maySeeOwnedBy(exporter, 'org-x')).toBe(true);
    expect(maySeeOwnedBy(exporter, 'org-y')).toBe(false);
    expect(maySeeOwnedBy({ ...exporter, organisationKind: 'licensing-authority' }, 'org-y')).toBe(
      true,
    );
  });
});
