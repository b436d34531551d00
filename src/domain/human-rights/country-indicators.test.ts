import { describe, expect, it } from 'vitest';
import { shippedHumanRightsPolicies } from '../../../test/fakes/shipped-human-rights.ts';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import type { CountryCode } from '../policy/country-code.ts';
import {
  indicatorLevel,
  readIndicators,
  type CountryIndicatorRule,
  type IndicatorDataset,
  type LoadedIndicatorDataset,
} from './country-indicators.ts';
import type { HumanRightsPolicy } from './human-rights-policy.ts';
import { destinationFactor } from './risk-factors.ts';

const cc = (c: string) => c as CountryCode;

/** V-Dem's physical violence index: 1 = people are safe from political killings and torture. */
const clphy: CountryIndicatorRule = {
  id: 'vdem-clphy',
  source: 'vdem',
  indicator: 'v2x_clphy',
  higherIs: 'better',
  riskAt: { medium: 0.7, high: 0.5, unacceptable: 0.25 },
  basis: {
    text: 'Low protection from political killings and torture points to a risk of internal repression.',
    textStatus: 'paraphrase',
    source: { title: 'Test policy', date: '2026-11-30' },
  },
};

const dataset: IndicatorDataset = {
  id: 'vdem@1',
  source: 'vdem',
  version: 1,
  fileName: 'synthetic-vdem-layout.csv',
  contentHash: 'a'.repeat(64),
  indicators: ['v2x_civlib', 'v2x_clphy'],
  rowCount: 3,
  skippedEntities: [],
  importedAt: new Date('2026-11-30T10:00:00Z'),
  importerVersion: 'test',
};
const vdem: LoadedIndicatorDataset = {
  dataset,
  rows: [
    { country: cc('BR'), year: 2022, values: { v2x_clphy: 0.6 } },
    { country: cc('BR'), year: 2023, values: { v2x_clphy: 0.45 } },
    { country: cc('NO'), year: 2023, values: { v2x_civlib: 0.96 } },
  ],
};

describe(indicatorLevel.name, () => {
  it('reads low values as risky when higher is better, and high values when higher is worse', () => {
    expect(indicatorLevel(clphy, 0.8)).toBe('low');
    expect(indicatorLevel(clphy, 0.7)).toBe('medium');
    expect(indicatorLevel(clphy, 0.45)).toBe('high');
    expect(indicatorLevel(clphy, 0.25)).toBe('unacceptable');
    const pts = { higherIs: 'worse' as const, riskAt: { medium: 3, high: 4, unacceptable: 5 } };
    expect(indicatorLevel(pts, 2)).toBe('low');
    expect(indicatorLevel(pts, 4)).toBe('high');
  });
});

describe(readIndicators.name, () => {
  it("takes the country's most recent year with a value, and says when there is no dataset or no value", () => {
    const [brazil] = readIndicators([clphy], [vdem], cc('BR'));
    expect(brazil).toMatchObject({ kind: 'value', year: 2023, value: 0.45, level: 'high' });
    expect(readIndicators([clphy], [vdem], cc('NO'))[0]?.kind).toBe('no-value');
    expect(readIndicators([clphy], [], cc('BR'))[0]?.kind).toBe('no-dataset');
  });
});

describe('the destination factor with an imported indicator', () => {
  const { regulation } = shippedRegulation();
  const gb = shippedHumanRightsPolicies().current.get(cc('GB')) as HumanRightsPolicy;
  const policy: HumanRightsPolicy = { ...gb, countryIndicators: [clphy] };
  const data = {
    measures: regulation.measures,
    entityListHumanRightsListings: regulation.humanRights.entityListHumanRightsListings,
  };

  it('raises a destination the authority has not assessed to the level the indicator gives, citing the dataset version as unverified data', () => {
    const without = destinationFactor(
      gb,
      { ...data, indicators: [vdem] },
      {
        destination: { country: cc('BR') },
      },
    );
    const withIndicator = destinationFactor(
      policy,
      { ...data, indicators: [vdem] },
      {
        destination: { country: cc('BR') },
      },
    );
    expect(without.severity).toBe(0);
    expect(withIndicator.severity).toBe(gb.countryRiskSeverity.high);
    expect(withIndicator.evidence.join(' ')).toMatch(
      /vdem v2x_clphy for BR in 2023 is 0\.45 \(imported dataset vdem@1\): high risk/,
    );
    const datum = withIndicator.citations.find((c) => c.text.startsWith('v2x_clphy = 0.45'));
    expect(datum?.textStatus).toBe('seed-unverified');
    expect(datum?.source.title).toMatch(/vdem@1 \(synthetic-vdem-layout\.csv/);
    expect(withIndicator.textStatus).toBe('seed-unverified');
  });

  it('does not raise the risk when no dataset is imported, and says the indicator was not considered', () => {
    const f = destinationFactor(policy, data, { destination: { country: cc('BR') } });
    expect(f.severity).toBe(0);
    expect(f.evidence.join(' ')).toMatch(/no vdem dataset is imported: not considered/);
  });
});
