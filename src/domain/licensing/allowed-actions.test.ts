import { describe, expect, it } from 'vitest';
import type { Principal } from '../people/people.ts';
import { allowedCaseActions } from './allowed-actions.ts';
import { draftCase } from './case-transitions.ts';
import type { LicenceCase } from './licence-case.ts';
import { defaultSeparationOfDuties } from './separation-of-duties.ts';

const at = new Date('2026-12-06T10:00:00Z');
const person = (username: string, roles: Principal['roles']): Principal => ({
  userId: `u-${username}`,
  username,
  organisationId: 'authority',
  organisationKind: 'licensing-authority',
  roles,
  via: 'session:s',
});
const sam = person('sam', ['senior-officer']);
const sue = person('sue', ['senior-officer']);

const awaitingCountersignature: LicenceCase = {
  ...draftCase({
    id: 'c1',
    reference: 'GB-2026-00001',
    jurisdiction: 'GB',
    exporterOrganisationId: 'org-x',
    now: at,
  }),
  stage: 'awaiting-countersignature',
  decision: {
    by: { userId: 'u-sam', role: 'senior-officer', name: 'sam' },
    outcome: 'approved',
    criteria: [],
    provisos: [],
    text: 'Approved.',
    at,
  },
};

describe(allowedCaseActions.name, () => {
  it('does not offer the decider the countersignature, and says why', () => {
    const forSam = allowedCaseActions(awaitingCountersignature, sam, defaultSeparationOfDuties);
    expect(forSam.allowed).not.toContain('countersign');
    expect(forSam.allowed).toContain('return-for-review');
    expect(forSam.withheld).toEqual([
      { kind: 'countersign', reason: expect.stringMatching(/another senior officer/) as string },
    ]);
  });

  it('offers another senior officer the countersignature', () => {
    const forSue = allowedCaseActions(awaitingCountersignature, sue, defaultSeparationOfDuties);
    expect(forSue.allowed).toEqual(['countersign', 'return-for-review']);
    expect(forSue.withheld).toEqual([]);
  });

  it('offers nothing to a role the stage does not call for, and never the automatic steps', () => {
    const submitted = { ...awaitingCountersignature, stage: 'submitted' as const };
    expect(
      allowedCaseActions(submitted, person('cara', ['caseworker']), defaultSeparationOfDuties),
    ).toEqual({ allowed: [], withheld: [] });
    expect(
      allowedCaseActions(submitted, person('aud', ['auditor']), defaultSeparationOfDuties).allowed,
    ).toEqual([]);
  });
});
