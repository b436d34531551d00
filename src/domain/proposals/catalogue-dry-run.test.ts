import { describe, expect, it } from 'vitest';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { buildProposedEntry } from '../../../test/factories/proposed-entry.ts';
import { dryRunCatalogue } from './catalogue-dry-run.ts';
import { proposedControlEntry } from './proposal-impact.ts';

const { catalogue } = shippedRegulation().regulation;

const entry = proposedControlEntry(buildProposedEntry(), {
  proposalId: 'NL-ILT-proposal-1',
  version: 1,
  authority: 'NL-ILT',
  date: '2026-12-07',
});

describe(dryRunCatalogue.name, () => {
  it('answers every item in the catalogue’s order, with its reference, capture and reason', () => {
    const run = dryRunCatalogue(catalogue, entry, [
      { ref: 'FR-200', description: 'Facial recognition system for crowd scanning in stadiums' },
      { ref: 'ARM-1', description: 'Industrial robot arm', capabilities: ['none'] },
      {
        description: 'Facial recognition door lock for a private house',
        answers: { 'facial-recognition-mass-surveillance': 'no' },
      },
    ]);
    expect(run.items.map((i) => [i.position, i.ref, i.capture])).toEqual([
      [1, 'FR-200', 'captured'],
      [2, 'ARM-1', 'not-captured'],
      [3, undefined, 'not-captured'],
    ]);
    expect(run.items.every((i) => i.reason !== '')).toBe(true);
    expect(run).toMatchObject({
      entryId: 'NL-PROP-FRT-1',
      examined: 3,
      counts: { captured: 1, 'possibly-captured': 0, 'not-captured': 2, unclassifiable: 0 },
      newlyControlled: 1,
    });
  });

  it('marks an item it cannot classify as unclassifiable, naming the problem, and goes on with the rest', () => {
    const run = dryRunCatalogue(catalogue, entry, [
      { ref: 'X-1', description: 'Camera', capabilities: ['mind-reading'] },
      { ref: 'FR-200', description: 'Facial recognition system for crowd scanning' },
    ]);
    expect(run.items[0]).toMatchObject({ ref: 'X-1', capture: 'unclassifiable' });
    expect(run.items[0]?.reason).toMatch(/mind-reading.*is not a capability tag/);
    expect(run.items[1]?.capture).toBe('captured');
    expect(run.counts).toMatchObject({ captured: 1, unclassifiable: 1 });
  });

  it('counts as newly controlled only the captured items no current entry lists', () => {
    const run = dryRunCatalogue(catalogue, entry, [
      {
        description: 'IMSI catcher with facial recognition of crowds',
        capabilities: ['location-tracking'],
      },
    ]);
    expect(run.items[0]?.capture).toBe('captured');
    expect(run.items[0]?.alreadyListedUnder).toContain('5A001.f');
    expect(run.newlyControlled).toBe(0);
  });

  it('answers an empty catalogue with nothing examined', () => {
    expect(dryRunCatalogue(catalogue, entry, [])).toMatchObject({ examined: 0, items: [] });
  });
});
