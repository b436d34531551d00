import { describe, expect, it } from 'vitest';
import { draftCase } from './case-transitions.ts';
import type { Actor, LicenceCase } from './licence-case.ts';
import {
  defaultSeparationOfDuties,
  dutiesOn,
  organisationProblem,
  organisationSeesCases,
  separationProblem,
} from './separation-of-duties.ts';

const at = new Date('2026-12-06T10:00:00Z');
const anna: Actor = { userId: 'u-anna', role: 'advisor', name: 'anna' };
const bob: Actor = { userId: 'u-bob', role: 'senior-officer', name: 'bob' };

/** A case recorded before duties were kept: its duties are read from advice and decision. */
const legacy: LicenceCase = {
  ...draftCase({
    id: 'c1',
    reference: 'GB-2026-00001',
    jurisdiction: 'GB',
    exporterOrganisationId: 'org-x',
    now: at,
  }),
  advice: [
    {
      desk: 'human-rights',
      by: anna,
      outcome: 'refuse',
      criteria: [],
      provisos: [],
      text: '',
      givenAt: at,
    },
  ],
};

describe(separationProblem.name, () => {
  it('reads the duties of a case recorded before they were kept, and refuses a second one to the same person', () => {
    expect(dutiesOn(legacy)).toEqual([{ duty: 'advise', userId: 'u-anna', at }]);
    expect(
      separationProblem(
        legacy,
        'countersign',
        { ...anna, role: 'senior-officer' },
        defaultSeparationOfDuties,
      ),
    ).toMatch(/anna already gave advice on GB-2026-00001/);
    expect(
      separationProblem(legacy, 'countersign', bob, defaultSeparationOfDuties),
    ).toBeUndefined();
    // The same duty again (advice to a second desk) is no second duty.
    expect(separationProblem(legacy, 'advise', anna, defaultSeparationOfDuties)).toBeUndefined();
  });

  it('lets the system act without holding a duty', () => {
    expect(
      separationProblem(
        legacy,
        'decide',
        { userId: 'system', role: 'system' },
        defaultSeparationOfDuties,
      ),
    ).toBeUndefined();
  });
});

describe(organisationProblem.name, () => {
  it("keeps partner authorities and exporters away from the authority's work, and lets advising departments advise only", () => {
    const policy = defaultSeparationOfDuties;
    expect(organisationProblem('licensing-authority', 'countersign', policy)).toBeUndefined();
    expect(organisationProblem('advising-department', 'give-advice', policy)).toBeUndefined();
    expect(organisationProblem('advising-department', 'decide', policy)).toBeDefined();
    expect(organisationProblem('partner-authority', 'countersign', policy)).toBeDefined();
    expect(organisationSeesCases('partner-authority', policy)).toBe(false);
    expect(organisationSeesCases('exporter', policy)).toBe(true);
  });
});
