import { describe, expect, it } from 'vitest';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { buildProposedEntry } from '../../../test/factories/proposed-entry.ts';
import type { ProposedEntry } from './control-proposal.ts';
import {
  dryRunProposedEntry,
  itemCapture,
  proposedControlEntry,
  type CaseToTest,
} from './proposal-impact.ts';

const { catalogue } = shippedRegulation().regulation;

const facialRecognition: ProposedEntry = buildProposedEntry();
const entry = proposedControlEntry(facialRecognition, {
  proposalId: 'NL-ILT-proposal-1',
  version: 1,
  authority: 'NL-ILT',
  date: '2026-12-07',
});

const aCase = (overrides: Partial<CaseToTest>): CaseToTest => ({
  caseId: 'c1',
  reference: 'DK-2026-0001',
  stage: 'under-review',
  open: true,
  destination: 'EG',
  endUserType: 'government-security',
  items: [{ description: 'Facial recognition system for crowd scanning in public squares' }],
  ...overrides,
});

describe(itemCapture.name, () => {
  it('captures an item the description shows to meet the proposed criteria, to be confirmed', () => {
    const found = itemCapture(catalogue, entry, {
      description: 'Facial recognition system for crowd scanning in public squares',
    });
    expect(found).toMatchObject({ capture: 'captured', status: 'likely', alreadyListedUnder: [] });
  });

  it('does not capture an item the exporter answered is not facial recognition for mass surveillance', () => {
    const found = itemCapture(catalogue, entry, {
      description: 'Facial recognition door lock for a private house',
      answers: { 'facial-recognition-mass-surveillance': 'no' },
    });
    expect(found.capture).toBe('not-captured');
  });

  it('names the entries that list an item already, so a licence is needed whatever the proposal', () => {
    const found = itemCapture(catalogue, entry, {
      description: 'IMSI catcher with facial recognition of crowds',
      capabilities: ['location-tracking'],
    });
    expect(found.capture).toBe('captured');
    expect(found.alreadyListedUnder).toContain('5A001.f');
  });
});

describe(dryRunProposedEntry.name, () => {
  it('lists the captured cases and tallies them by destination and end-user type', () => {
    const report = dryRunProposedEntry(catalogue, entry, [
      aCase({}),
      aCase({
        caseId: 'c2',
        reference: 'DK-2026-0002',
        destination: 'AE',
        endUserType: 'commercial',
      }),
      aCase({
        caseId: 'c3',
        reference: 'DK-2026-0003',
        items: [{ description: 'Industrial robot arm', capabilities: ['none'] }],
      }),
    ]);
    expect(report).toMatchObject({
      examined: 3,
      captured: 2,
      possiblyCaptured: 0,
      newlyControlled: 2,
    });
    expect(report.cases.map((c) => c.reference)).toEqual(['DK-2026-0001', 'DK-2026-0002']);
    expect(report.byDestination.map((t) => [t.key, t.captured])).toEqual([
      ['AE', 1],
      ['EG', 1],
    ]);
    expect(report.byEndUserType.map((t) => t.key)).toEqual(['commercial', 'government-security']);
  });
});
