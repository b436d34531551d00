import { describe, expect, it } from 'vitest';
import { inMemoryRegulationSources } from '../../../test/fakes/in-memory-regulation-sources.ts';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { determineLicenceRequirements } from './determine-licence-requirements.ts';
import type { TransactionRequest } from './parse-transaction.ts';

const { regulation, policies } = shippedRegulation();
const sources = inMemoryRegulationSources(
  { catalogue: regulation.catalogue, measures: regulation.measures, texts: regulation.texts },
  policies.current,
);
const deps = { catalogue: sources, reference: sources, policies: sources };

// The two example applications of the outward contract (../shared/spec/examples/), as transactions.
const ipSurveillanceToTelecom: TransactionRequest = {
  jurisdictions: ['GB'],
  destination: { country: 'EG' },
  parties: [
    {
      role: 'end-user',
      name: 'National Telecommunications Regulatory Authority',
      country: 'EG',
      type: 'government-security',
      hits: [],
    },
    {
      role: 'consignee',
      name: 'Nile Systems Integration S.A.E.',
      country: 'EG',
      type: 'commercial',
      hits: [],
    },
  ],
  items: [
    {
      description:
        'Carrier-grade IP traffic analysis platform: layer-7 decoding, metadata and content extraction, indexing, search by e-mail and phone number, relationship graphs',
      controlEntries: ['5A001.j'],
      capabilities: ['ip-network-surveillance', 'deep-packet-inspection'],
    },
  ],
};
const officeEquipmentToUniversity: TransactionRequest = {
  jurisdictions: ['NO'],
  destination: { country: 'DK' },
  parties: [
    { role: 'end-user', name: 'Aarhus Universitet', country: 'DK', type: 'academic', hits: [] },
  ],
  items: [
    {
      description: 'Laser printers for a university library',
      controlEntries: ['EAR99'],
      capabilities: ['none'],
    },
  ],
};

describe(determineLicenceRequirements.name, () => {
  it('requires a UK licence for the spec example: a carrier-grade IP analysis platform (5A001.j) to an Egyptian regulator', async () => {
    const result = await determineLicenceRequirements(ipSurveillanceToTelecom, deps);
    if (!result.ok) throw new Error(result.error.message);
    const [gb] = result.value.determinations;
    expect(gb).toMatchObject({
      jurisdiction: 'GB',
      required: true,
      policies: [{ id: 'cordon.GB', version: 2 }],
    });
    expect(gb?.basis.find((b) => b.rule === 'uk-listed-items')).toMatchObject({
      effect: 'licence-required',
      item: 0,
    });
    expect(result.value.items[0]?.regimes.find((r) => r.regime === 'uk')?.outcome).toMatchObject({
      kind: 'listed',
      entries: ['5A001.j'],
    });
  });

  it('requires no Norwegian licence for the spec example of laser printers to a Danish university', async () => {
    const result = await determineLicenceRequirements(officeEquipmentToUniversity, deps);
    expect(result.ok && result.value.determinations[0]).toMatchObject({
      jurisdiction: 'NO',
      required: false,
    });
  });

  it('refuses unknown country codes and jurisdictions, naming each field, all at once', async () => {
    const result = await determineLicenceRequirements(
      {
        jurisdictions: ['GB', 'JP', 'Narnia'],
        destination: { country: 'UK' },
        parties: [{ role: 'end-user', name: 'X', country: 'ZZ', type: 'spy-agency', hits: [] }],
        items: [{ description: 'Box', controlEntries: ['5A001.j', '???'] }],
      },
      deps,
    );
    expect(result.ok ? [] : result.error.fields?.map((f) => f.field)).toEqual([
      'jurisdictions[1]',
      'jurisdictions[2]',
      'destination.country',
      'parties[0].type',
      'parties[0].country',
      'items[0].controlEntries[1]',
    ]);
    expect(
      result.ok
        ? undefined
        : result.error.fields?.find((f) => f.field === 'destination.country')?.problem,
    ).toBe('"UK" is not an ISO 3166-1 alpha-2 country code; did you mean GB?');
    expect(result.ok ? undefined : result.error.fields?.[0]?.problem).toContain(
      'Cordon has no policy for JP',
    );
  });

  it('refuses contradictory answers in an item of the transaction, naming the answer', async () => {
    const result = await determineLicenceRequirements(
      {
        ...officeEquipmentToUniversity,
        items: [
          {
            description: 'Extractor',
            answers: { 'extracts-raw-data': 'yes', 'jailbreak-rooting-only': 'yes' },
          },
        ],
      },
      deps,
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        fields: [
          {
            field: 'items[0].answers.jailbreak-rooting-only',
            problem: expect.stringContaining('contradicts answers.extracts-raw-data'),
          },
        ],
      },
    });
  });
});
