import { describe, expect, it } from 'vitest';
import type { ScreeningMatch } from '../../domain/screening/screen-name.ts';
import type { BatchItem } from '../screening/screen-batch.ts';
import { compareRowResults } from './batch-changes.ts';

const match = (entityId: string, score: number): ScreeningMatch =>
  ({
    entityId,
    source: entityId.split(':')[0] ?? '',
    name: `Listed ${entityId}`,
    score,
    band: score >= 0.95 ? 'strong' : 'review',
  }) as ScreeningMatch;

const screened = (matches: readonly ScreeningMatch[], row = 7): BatchItem => ({
  kind: 'screened',
  row,
  reference: 'c7',
  query: { name: 'Quillbright Optronic Surveillance Ltd' },
  matches,
  problems: [],
});

describe(compareRowResults.name, () => {
  it('reports a listing found now and not before, with the full match', () => {
    const found = match('us-bis-dpl:quillbright', 0.97);
    expect(compareRowResults(screened([]), screened([found]))).toEqual({
      row: 7,
      reference: 'c7',
      name: 'Quillbright Optronic Surveillance Ltd',
      added: [found],
      removed: [],
      bandChanged: [],
    });
  });

  it('reports a listing no longer found, and a band change, but not a score change within a band', () => {
    const change = compareRowResults(
      screened([
        match('us-ofac-sdn:1', 0.9),
        match('us-ofac-sdn:2', 0.82),
        match('us-ofac-sdn:3', 0.96),
      ]),
      screened([match('us-ofac-sdn:2', 0.97), match('us-ofac-sdn:3', 0.99)]),
    );
    expect(change?.added).toEqual([]);
    expect(change?.removed).toEqual([
      {
        entityId: 'us-ofac-sdn:1',
        source: 'us-ofac-sdn',
        name: 'Listed us-ofac-sdn:1',
        score: 0.9,
        band: 'review',
      },
    ]);
    expect(change?.bandChanged).toEqual([
      {
        entityId: 'us-ofac-sdn:2',
        name: 'Listed us-ofac-sdn:2',
        before: { score: 0.82, band: 'review' },
        after: { score: 0.97, band: 'strong' },
      },
    ]);
    expect(
      compareRowResults(
        screened([match('us-ofac-sdn:3', 0.96)]),
        screened([match('us-ofac-sdn:3', 0.99)]),
      ),
    ).toBeUndefined();
  });

  it('treats a row rejected or missing in the earlier run as having had no matches', () => {
    const rejected: BatchItem = { kind: 'rejected', row: 7, reasons: ['name is empty'] };
    const found = match('us-bis-dpl:x', 0.85);
    expect(compareRowResults(rejected, screened([found]))?.added).toEqual([found]);
    expect(compareRowResults(undefined, screened([found]))?.added).toEqual([found]);
    expect(compareRowResults(undefined, screened([]))).toBeUndefined();
  });
});
