import { describe, expect, it } from 'vitest';
import { buildDecision } from '../../../test/factories/decision.ts';
import { draftCase } from './case-transitions.ts';
import type { CaseOutcome } from './case-state.ts';
import type { LicenceCase } from './licence-case.ts';
import { transparencyReport, transparencyReportRows } from './transparency-report.ts';

const submitted = new Date('2026-03-01T10:00:00Z');

const reported = (
  id: string,
  destination: string,
  controlEntries: readonly string[],
  outcome?: CaseOutcome,
  decidedAt = new Date('2026-06-01T10:00:00Z'),
) => {
  const draft = draftCase({
    id,
    reference: id,
    jurisdiction: 'GB',
    exporterOrganisationId: 'o',
    now: submitted,
  });
  const licenceCase: LicenceCase =
    outcome === undefined
      ? { ...draft, stage: 'under-review', submittedAt: submitted }
      : {
          ...draft,
          stage: 'finalised',
          submittedAt: submitted,
          outcome,
          finalisedAt: decidedAt,
          decision: buildDecision(outcome, decidedAt),
        };
  return { licenceCase, destination, controlEntries };
};

const cyber = new Set(['5A001.j', '4A005']);

describe(transparencyReport.name, () => {
  it('counts licences and refusals by destination and control entry, a decision once per entry', () => {
    const report = transparencyReport(
      [
        reported('c1', 'CN', ['5A001.j', '5D001.e'], 'refused'),
        reported('c2', 'CN', ['5A001.j'], 'approved-with-provisos'),
        reported('c3', 'AE', ['EAR99'], 'approved'),
        reported('c4', 'AE', ['4A005'], 'refused', new Date('2025-12-31T23:59:59Z')),
      ],
      { authority: 'GB', year: 2026, cyberSurveillanceEntries: cyber },
    );
    expect(report.totals).toEqual({ decisions: 3, licences: 2, refusals: 1, noLicenceRequired: 0 });
    expect(report.byDestination).toEqual([
      { destination: 'AE', licences: 1, refusals: 0, noLicenceRequired: 0 },
      { destination: 'CN', licences: 1, refusals: 1, noLicenceRequired: 0 },
    ]);
    expect(report.byDestinationAndEntry).toEqual([
      {
        destination: 'AE',
        controlEntry: 'not listed',
        licences: 1,
        refusals: 0,
        noLicenceRequired: 0,
      },
      {
        destination: 'CN',
        controlEntry: '5A001.j',
        licences: 1,
        refusals: 1,
        noLicenceRequired: 0,
      },
      {
        destination: 'CN',
        controlEntry: '5D001.e',
        licences: 0,
        refusals: 1,
        noLicenceRequired: 0,
      },
    ]);
  });

  it('reports cyber-surveillance applications received in the year per entry and destination, with the decisions on them and those pending', () => {
    const report = transparencyReport(
      [
        reported('c1', 'CN', ['5A001.j'], 'refused'),
        reported('c2', 'CN', ['5A001.j']),
        reported('c3', 'EG', ['4A005'], 'approved'),
        reported('c4', 'EG', ['6A003.b.4'], 'approved'),
      ],
      { authority: 'GB', year: 2026, cyberSurveillanceEntries: cyber },
    );
    expect(report.cyberSurveillance).toEqual({
      entries: ['4A005', '5A001.j'],
      rows: [
        {
          controlEntry: '4A005',
          destination: 'EG',
          received: 1,
          licences: 1,
          refusals: 0,
          noLicenceRequired: 0,
          pending: 0,
        },
        {
          controlEntry: '5A001.j',
          destination: 'CN',
          received: 2,
          licences: 0,
          refusals: 1,
          noLicenceRequired: 0,
          pending: 1,
        },
      ],
    });
    expect(transparencyReportRows(report)[0]).toEqual([
      'section',
      'destination',
      'control_entry',
      'received',
      'licences',
      'refusals',
      'no_licence_required',
      'pending',
    ]);
  });
});
