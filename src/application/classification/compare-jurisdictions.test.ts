import { describe, expect, it } from 'vitest';
import { inMemoryRegulationSources } from '../../../test/fakes/in-memory-regulation-sources.ts';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { compareJurisdictions } from './compare-jurisdictions.ts';

const { regulation, policies } = shippedRegulation();
const sources = inMemoryRegulationSources(
  { catalogue: regulation.catalogue, measures: regulation.measures, texts: regulation.texts },
  policies.current,
);
const deps = { catalogue: sources, reference: sources, policies: sources };

describe(compareJurisdictions.name, () => {
  it('compares every shipped policy when no jurisdictions are named, and reports where partners differ', async () => {
    const result = await compareJurisdictions(
      {
        destination: { country: 'IR' },
        parties: [{ role: 'end-user', name: 'Police', country: 'IR', type: 'police', hits: [] }],
        items: [
          {
            description: 'IMSI catcher',
            answers: { 'air-interface-identifier-extraction': 'yes' },
          },
        ],
      },
      deps,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.comparison.determinations.map((d) => d.jurisdiction).sort()).toEqual([
      'AU',
      'CA',
      'DE',
      'DK',
      'EU',
      'FR',
      'GB',
      'NL',
      'NO',
      'US',
    ]);
    expect(result.value.comparison.agreement).toBe('all-require');
    expect(
      result.value.comparison.differences.map((d) => d.kind === 'rule' && d.ruleKind),
    ).toContain('monitoring-equipment-measures');
  });
});
