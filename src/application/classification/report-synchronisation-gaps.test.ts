import { describe, expect, it } from 'vitest';
import { inMemoryRegulationSources } from '../../../test/fakes/in-memory-regulation-sources.ts';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { reportSynchronisationGaps } from './report-synchronisation-gaps.ts';

const { regulation, policies } = shippedRegulation();
const sources = inMemoryRegulationSources(
  { catalogue: regulation.catalogue, measures: regulation.measures, texts: regulation.texts },
  policies.current,
);
const deps = { catalogue: sources, reference: sources, policies: sources };

describe(reportSynchronisationGaps.name, () => {
  it('reports the gaps among the named partners and refuses an unknown one', async () => {
    const ok = await reportSynchronisationGaps({ jurisdictions: ['US', 'EU'] }, deps);
    expect(ok.ok && ok.value.entries.map((e) => e.entryId)).toEqual(
      expect.arrayContaining(['5A980', 'US-CC-BIOMETRIC']),
    );
    expect(await reportSynchronisationGaps({ jurisdictions: ['XX'] }, deps)).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'jurisdictions[0]' }] },
    });
  });
});
