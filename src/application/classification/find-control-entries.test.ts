import { describe, expect, it } from 'vitest';
import { inMemoryRegulationSources } from '../../../test/fakes/in-memory-regulation-sources.ts';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { findControlEntries } from './find-control-entries.ts';

const { regulation, policies } = shippedRegulation();
const sources = inMemoryRegulationSources(
  { catalogue: regulation.catalogue, measures: regulation.measures, texts: regulation.texts },
  policies.current,
);
const deps = { catalogue: sources, reference: sources, policies: sources };

describe(findControlEntries.name, () => {
  it('searches by text within a regime, best first', async () => {
    const result = await findControlEntries({ query: 'IMSI', regime: 'eu' }, deps);
    expect(result.ok && result.value.entries[0]?.entry.key).toBe('eu:5A001.f');
  });

  it('lists every entry without a query, and refuses an unknown regime naming the field', async () => {
    const all = await findControlEntries({}, deps);
    expect(all.ok && all.value.total).toBe(regulation.catalogue.entries.length);
    expect(await findControlEntries({ regime: 'nato' }, deps)).toMatchObject({
      ok: false,
      error: {
        code: 'CORDON_VALIDATION_FAILED',
        fields: [{ field: 'regime', problem: '"nato" is not one of wassenaar, eu, uk, us' }],
      },
    });
  });
});
