import { describe, expect, it } from 'vitest';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import type { CountryCode } from '../policy/country-code.ts';
import type { JurisdictionCode } from '../policy/jurisdiction.ts';
import { classifyItem, type ItemToClassify } from './classify-item.ts';
import { compareJurisdictions, synchronisationGaps } from './compare-jurisdictions.ts';

const { regulation, policies } = shippedRegulation();
const reference = {
  catalogue: regulation.catalogue,
  measures: regulation.measures,
  texts: regulation.texts,
};
const partners = ['US', 'GB', 'EU', 'DK', 'NL', 'FR', 'NO', 'CA', 'AU'] as JurisdictionCode[];

const item = (raw: ItemToClassify) => {
  const c = classifyItem(regulation.catalogue, raw);
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  return { label: raw.description, classification: c.value };
};
const cc = (code: string) => code as CountryCode;

describe(compareJurisdictions.name, () => {
  it('shows that only the EU and its member states require authorisation for non-listed video analytics to Egyptian police the exporter knows will misuse it: the Art. 5 catch-all has no counterpart in the US, UK, Norway, Canada or Australia', () => {
    const result = compareJurisdictions(reference, policies.current, partners, {
      destination: { country: cc('EG') },
      items: [
        item({
          description: 'Video analytics for CCTV',
          capabilities: ['video-analytics'],
          answers: { 'covert-surveillance-of-persons': 'yes' },
        }),
      ],
      parties: [
        {
          role: 'end-user',
          name: 'Ministry of Interior',
          country: cc('EG'),
          type: 'police',
          hits: [],
        },
      ],
      endUse: { awareOfMisuse: true },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.agreement).toBe('differ');
    expect(result.value.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'outcome',
          required: ['EU', 'DK', 'NL', 'FR'],
          notRequired: ['US', 'GB', 'NO', 'CA', 'AU'],
        }),
        expect.objectContaining({
          kind: 'rule',
          ruleKind: 'cyber-surveillance-catch-all',
          requiring: ['EU', 'DK', 'NL', 'FR'],
          absent: ['US', 'GB', 'NO', 'CA', 'AU'],
        }),
      ]),
    );
  });

  it('finds every partner agreeing that a confirmed 5A001.j system to Egypt needs a licence, except where the US Country Chart column is not shipped', () => {
    const result = compareJurisdictions(
      reference,
      policies.current,
      ['GB', 'EU', 'NO'] as JurisdictionCode[],
      {
        destination: { country: cc('EG') },
        items: [
          item({
            description: 'IP backbone interception',
            answers: {
              'carrier-class-ip-network': 'yes',
              'application-layer-analysis': 'yes',
              'extracts-metadata-and-content': 'yes',
              'indexes-extracted-data': 'yes',
              'hard-selector-search': 'yes',
              'relationship-mapping': 'yes',
              'designed-for-marketing-qos-qoe': 'no',
              'law-enforcement-monitoring-software': 'no',
            },
          }),
        ],
        parties: [
          {
            role: 'end-user',
            name: 'NTRA',
            country: cc('EG'),
            type: 'government-security',
            hits: [],
          },
        ],
      },
    );
    expect(result.ok && result.value.agreement).toBe('all-require');
    expect(result.ok && result.value.differences).toEqual([]);
  });

  it('highlights that only the US licenses a surreptitious-listening device (5A980) by its own list', () => {
    const result = compareJurisdictions(
      reference,
      policies.current,
      ['US', 'GB', 'EU'] as JurisdictionCode[],
      {
        destination: { country: cc('BR') },
        items: [
          item({
            description: 'Covert listening device',
            answers: { 'surreptitious-interception-device': 'yes' },
          }),
        ],
        parties: [
          {
            role: 'end-user',
            name: 'Private detective agency',
            country: cc('BR'),
            type: 'commercial',
            hits: [],
          },
        ],
        endUse: { informedByAuthority: false, awareOfMisuse: false },
      },
    );
    expect(
      result.ok && result.value.determinations.map((d) => [d.jurisdiction, d.required]),
    ).toEqual([
      ['US', true],
      ['GB', false],
      ['EU', false],
    ]);
    const gb = result.ok ? result.value.determinations[1] : undefined;
    expect(gb?.basis[0]?.summary).toContain(
      'the entries proposed for it (5A980) are not on the uk list',
    );
  });
});

describe(synchronisationGaps.name, () => {
  const report = synchronisationGaps(regulation.catalogue, policies.current, partners);
  if (!report.ok) throw new Error(report.error.message);

  it('reports the US-only entries (5A980, the crime-control group) as controlled in the US and nowhere else among the partners', () => {
    expect(report.value.entries.find((e) => e.entryId === '5A980')).toMatchObject({
      controlledIn: ['US'],
      notControlledIn: ['GB', 'EU', 'DK', 'NL', 'FR', 'NO', 'CA', 'AU'],
    });
    expect(report.value.entries.map((e) => e.entryId)).toContain('US-CC-BIOMETRIC');
  });

  it('reports no gap for entries every partner lists under the shared Wassenaar numbers (5A001.j)', () => {
    expect(report.value.entries.map((e) => e.entryId)).not.toContain('5A001.j');
  });

  it('reports the EU Art. 5 catch-all as a rule only the EU block has, and the proposed US facial-recognition control as in force nowhere', () => {
    expect(
      report.value.rules.find((r) => r.ruleKind === 'cyber-surveillance-catch-all'),
    ).toMatchObject({
      presentIn: [
        { jurisdiction: 'EU', rules: ['eu-art5-cyber-surveillance'] },
        { jurisdiction: 'DK', rules: ['eu-art5-cyber-surveillance'] },
        { jurisdiction: 'NL', rules: ['eu-art5-cyber-surveillance'] },
        { jurisdiction: 'FR', rules: ['eu-art5-cyber-surveillance'] },
      ],
      absentIn: ['US', 'GB', 'NO', 'CA', 'AU'],
    });
    expect(
      report.value.entries.find((e) => e.entryId === 'US-PROPOSED-FACIAL-RECOGNITION'),
    ).toMatchObject({
      status: 'proposed',
      controlledIn: [],
    });
  });
});
