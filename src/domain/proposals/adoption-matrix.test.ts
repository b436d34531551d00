import { describe, expect, it } from 'vitest';
import { adoptionMatrix } from './adoption-matrix.ts';

describe(adoptionMatrix.name, () => {
  it('shows a row per partner and a column per version, with the latest position of each', () => {
    const rows = adoptionMatrix(
      [1, 2],
      ['NO-DEXU', 'DK-ERST'],
      [
        { authority: 'DK-ERST', version: 1, position: 'studying' },
        { authority: 'NO-DEXU', version: 1, position: 'support' },
        {
          authority: 'NO-DEXU',
          version: 2,
          position: 'adopted',
          adoption: {
            nationalEntryId: 'NO-5A991',
            legalInstrument: 'FOR-2026-12',
            effectiveOn: '2027-01-01',
          },
        },
        { authority: 'DK-ERST', version: 1, position: 'support' },
      ],
    );
    expect(rows.map((r) => r.authority)).toEqual(['DK-ERST', 'NO-DEXU']);
    expect(rows[0]?.cells).toEqual([
      { version: 1, position: { authority: 'DK-ERST', version: 1, position: 'support' } },
      { version: 2 },
    ]);
    expect(rows[1]?.latest?.position).toBe('adopted');
  });

  it('adds an authority that took a position without being a named partner', () => {
    const rows = adoptionMatrix(
      [1],
      [],
      [{ authority: 'SE-ISP', version: 1, position: 'oppose', reasons: 'too wide' }],
    );
    expect(rows).toEqual([
      {
        authority: 'SE-ISP',
        cells: [
          {
            version: 1,
            position: { authority: 'SE-ISP', version: 1, position: 'oppose', reasons: 'too wide' },
          },
        ],
        latest: { authority: 'SE-ISP', version: 1, position: 'oppose', reasons: 'too wide' },
      },
    ]);
  });
});
