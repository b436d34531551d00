import { describe, expect, it } from 'vitest';
import { inMemoryRegulationSources } from '../../../test/fakes/in-memory-regulation-sources.ts';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { showControlEntry } from './show-control-entry.ts';

const { regulation, policies } = shippedRegulation();
const sources = inMemoryRegulationSources(
  { catalogue: regulation.catalogue, measures: regulation.measures, texts: regulation.texts },
  policies.current,
);
const deps = { catalogue: sources, reference: sources, policies: sources };

describe(showControlEntry.name, () => {
  it('shows 5A001.j in every regime with its definitions and questionnaire, EU texts verbatim', async () => {
    const result = await showControlEntry({ id: '5a001.j' }, deps);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.entries.map((e) => e.regime)).toEqual(['wassenaar', 'eu', 'uk', 'us']);
    expect(result.value.definitions.map((d) => d.term)).toEqual(['hard selectors']);
    expect(result.value.questionnaire[0]?.text.textStatus).toBe('verbatim');
    expect(result.value.catalogueVersion).toHaveLength(2);
  });

  it('answers "not found" for an entry outside the catalogue and a validation error naming `id` for a malformed one', async () => {
    expect(await showControlEntry({ id: '5A999' }, deps)).toMatchObject({
      ok: false,
      error: {
        code: 'CORDON_NOT_FOUND',
        message: expect.stringContaining("5A999 is not in Cordon's catalogue"),
      },
    });
    expect(await showControlEntry({ id: 'printer' }, deps)).toMatchObject({
      ok: false,
      error: {
        code: 'CORDON_VALIDATION_FAILED',
        fields: [expect.objectContaining({ field: 'id' })],
      },
    });
  });
});
