import { describe, expect, it } from 'vitest';
import { inMemoryRegulationSources } from '../../../test/fakes/in-memory-regulation-sources.ts';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { classifyItem } from './classify-item.ts';

const { regulation, policies } = shippedRegulation();
const sources = inMemoryRegulationSources(
  { catalogue: regulation.catalogue, measures: regulation.measures, texts: regulation.texts },
  policies.current,
);
const deps = { catalogue: sources, reference: sources, policies: sources };

describe(classifyItem.name, () => {
  it('prefixes every problem with the field of the item, so a caller sees items[2].capabilities[0]', async () => {
    const result = await classifyItem(
      { item: { description: 'x', capabilities: ['mind-reading'] }, field: 'items[2]' },
      deps,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CORDON_VALIDATION_FAILED',
        fields: [expect.objectContaining({ field: 'items[2].capabilities[0]' })],
      },
    });
  });
});
