import { describe, expect, it } from 'vitest';
import { buildListedParty } from '../../../test/factories/listed-party.ts';
import { compareNames } from '../../domain/screening/compare-names.ts';
import { buildScreeningIndex } from '../../domain/screening/screening-index.ts';
import { defaultThresholds } from '../../domain/screening/score-names.ts';
import { screenName } from '../../domain/screening/screen-name.ts';
import { comparisonText, describeNameProblem, screeningReportText } from './screening-text.ts';

const index = buildScreeningIndex([
  buildListedParty({
    source: 'us-ofac-nonsdn',
    entityNumber: '30946',
    names: [
      { value: 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.', type: 'primary' },
      { value: 'HIKVISION', type: 'aka' },
    ],
    countries: ['CN'],
    programmes: ['CMIC-EO13959'],
  }),
  ...Array.from({ length: 10 }, (_, i) =>
    buildListedParty({ names: [{ value: `NORTHERN STAR SHIPPING ${i}`, type: 'primary' }] }),
  ),
]);

const report = (name: string) => {
  const result = screenName(index, { name }, {});
  return {
    query: result.query,
    snapshot: ['us-ofac-nonsdn@2025-12-19.b9c73ebc'],
    matches: result.matches,
    problems: result.problems,
    thresholds: defaultThresholds,
  };
};

describe(screeningReportText.name, () => {
  it('shows each match with its band, score, listed and matched names, listing and explanation', () => {
    const text = screeningReportText(report('Hikvision'));
    expect(text).toContain('Screened "Hikvision" against 1 list snapshot(s): 1 match(es).');
    expect(text).toContain('1. STRONG 1.00  HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.');
    expect(text).toContain('matched "HIKVISION"  us-ofac-nonsdn:30946  CMIC-EO13959  CN');
    expect(text).toContain("1.00 strong: identical name, 'hikvision' vs 'hikvision'");
    expect(text).toContain('Snapshots: us-ofac-nonsdn@2025-12-19.b9c73ebc.');
  });

  it('says plainly when nothing matched, and why a name was odd', () => {
    const text = screeningReportText(report('CORP'));
    expect(text).toContain('no match at or above 0.80.');
    expect(text).toContain('Note: the name is only a legal form ("corp"): no match can be strong.');
  });
});

describe(comparisonText.name, () => {
  it('shows the score, the forms compared and one line per aligned token', () => {
    const text = comparisonText('Позитив', 'Pozitiv', compareNames('Позитив', 'Pozitiv'));
    // 1.00 is kept for names identical as written: a transliteration scores at most 0.99.
    expect(text.split('\n')[0]).toBe('"Позитив" vs "Pozitiv": 0.99 strong');
    expect(text).toContain("compared 'pozitiv' (bgn-pcgn) with 'pozitiv' (as-written)");
    expect(text).toMatch(/pozitiv +pozitiv +exact +similarity 1\.00/);
  });
});

describe(describeNameProblem.name, () => {
  it('explains a cut name with both lengths', () => {
    expect(
      describeNameProblem({ kind: 'truncated', originalLength: 10_000, keptLength: 300 }),
    ).toBe('the name is 10000 characters long; only the first 300 were screened');
  });
});
