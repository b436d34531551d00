import { describe, expect, it } from 'vitest';
import type { OrganisationKind, Principal } from '../people/people.ts';
import type { Role } from '../people/role.ts';
import { liveEventFor, type LiveEvent } from './live-event.ts';

const person = (kind: OrganisationKind, organisationId: string, role: Role): Principal => ({
  userId: `u-${role}-${organisationId}`,
  username: role,
  organisationId,
  organisationKind: kind,
  roles: [role],
  via: 'test',
});
const vista = person('exporter', 'org-vista', 'exporter');
const caseworker = person('licensing-authority', 'org-authority', 'caseworker');
const partner = person('partner-authority', 'org-partner', 'caseworker');

const changed: LiveEvent = {
  kind: 'case-changed',
  caseId: 'c1',
  version: 4,
  organisationId: 'org-vista',
};
const toCaseworkers: LiveEvent = {
  kind: 'notification',
  notificationId: 'c1:4:0',
  caseId: 'c1',
  recipient: { kind: 'role', role: 'caseworker' },
};

describe(liveEventFor.name, () => {
  it('sends a case change to its exporter and the authority, without the organisation id', () => {
    expect(liveEventFor(changed, vista)).toEqual({
      kind: 'case-changed',
      caseId: 'c1',
      version: 4,
    });
    expect(liveEventFor(changed, caseworker)).toEqual({
      kind: 'case-changed',
      caseId: 'c1',
      version: 4,
    });
  });

  it('sends nothing of a case to another exporter or to a partner authority', () => {
    expect(liveEventFor(changed, person('exporter', 'org-other', 'exporter'))).toBeUndefined();
    expect(liveEventFor(changed, partner)).toBeUndefined();
  });

  it('sends a notification only to those it is addressed to; a role never reaches an exporter or a partner authority', () => {
    expect(liveEventFor(toCaseworkers, caseworker)).toEqual({
      kind: 'notification',
      id: 'c1:4:0',
      caseId: 'c1',
    });
    expect(
      liveEventFor(toCaseworkers, person('exporter', 'org-vista', 'caseworker')),
    ).toBeUndefined();
    expect(
      liveEventFor(toCaseworkers, person('licensing-authority', 'org-authority', 'advisor')),
    ).toBeUndefined();
  });
});
