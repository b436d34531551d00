import { describe, expect, it } from 'vitest';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import {
  classifyItem,
  entryQuestionnaire,
  type ItemClassification,
  type ItemToClassify,
} from './classify-item.ts';
import type { Regime } from './control-entry.ts';

const { catalogue } = shippedRegulation().regulation;

const classify = (item: ItemToClassify): ItemClassification => {
  const result = classifyItem(catalogue, item);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};
const outcome = (c: ItemClassification, regime: Regime) =>
  c.regimes.find((r) => r.regime === regime)!.outcome;
const candidate = (c: ItemClassification, regime: Regime, id: string) =>
  c.regimes.find((r) => r.regime === regime)!.candidates.find((x) => x.entryId === id);

const yes = (...facts: string[]) => Object.fromEntries(facts.map((f) => [f, 'yes']));

const backboneAnswers = yes(
  'carrier-class-ip-network',
  'application-layer-analysis',
  'extracts-metadata-and-content',
  'indexes-extracted-data',
  'hard-selector-search',
  'relationship-mapping',
);

describe(classifyItem.name, () => {
  it('classifies an IP-backbone interception system with layer-7 analysis, content extraction, indexing, hard-selector search and relationship mapping as 5A001.j, confirmed by the answers, in every regime', () => {
    const c = classify({
      description: 'National IP backbone monitoring system',
      capabilities: ['ip-network-surveillance'],
      answers: { ...backboneAnswers, 'designed-for-marketing-qos-qoe': 'no' },
    });
    for (const regime of ['wassenaar', 'eu', 'uk', 'us'] as const) {
      expect(outcome(c, regime)).toMatchObject({
        kind: 'listed',
        entries: ['5A001.j'],
        confirmed: true,
      });
    }
    const eu = candidate(c, 'eu', '5A001.j')!;
    expect(eu.status).toBe('meets-criteria');
    expect(eu.met.map((m) => m.criterion)).toEqual([
      'j.1.network',
      'j.1.a',
      'j.1.b',
      'j.1.c',
      'j.2.a',
      'j.2.b',
    ]);
    expect(eu.exclusions).toEqual([
      expect.objectContaining({ id: 'note', status: 'does-not-apply' }),
    ]);
    expect(eu.definitions.map((d) => d.term)).toEqual(['hard selectors']);
    expect(c.cyberSurveillance.status).toBe('listed');
  });

  it('calls the spec example platform "likely" 5A001.j from its description and tags alone, and lists the questions that would confirm it', () => {
    const c = classify({
      description:
        'Carrier-grade IP traffic analysis platform: layer-7 decoding, metadata and content extraction, indexing, search by e-mail and phone number, relationship graphs',
      controlEntries: ['5A001.j'],
      capabilities: ['ip-network-surveillance', 'deep-packet-inspection'],
    });
    expect(outcome(c, 'eu')).toMatchObject({
      kind: 'listed',
      entries: ['5A001.j'],
      confirmed: false,
    });
    const eu = candidate(c, 'eu', '5A001.j')!;
    expect(eu.status).toBe('likely');
    expect(eu.met.find((m) => m.criterion === 'j.1.a')?.facts[0]?.evidence).toEqual({
      kind: 'capability',
      tag: 'deep-packet-inspection',
    });
    expect(eu.questions.map((q) => q.fact)).toEqual(
      expect.arrayContaining([
        'carrier-class-ip-network',
        'relationship-mapping',
        'designed-for-marketing-qos-qoe',
      ]),
    );
    expect(c.flags).toEqual([]);
  });

  it('does not classify a DPI system built for marketing or QoS as 5A001.j: the note excludes it, and the outcome cites the verbatim note', () => {
    const c = classify({
      description: 'DPI appliance for an ISP',
      capabilities: ['deep-packet-inspection'],
      answers: {
        ...backboneAnswers,
        'designed-for-marketing-qos-qoe': 'yes',
        // Its hard-selector search makes 5D001.e a candidate too, until this answer rules it out.
        'law-enforcement-monitoring-software': 'no',
      },
    });
    expect(candidate(c, 'eu', '5D001.e')?.status).toBe('ruled-out');
    const eu = candidate(c, 'eu', '5A001.j')!;
    expect(eu.status).toBe('excluded');
    expect(eu.exclusions[0]).toMatchObject({
      status: 'applies',
      text: { textStatus: 'verbatim', text: expect.stringContaining('Marketing purpose') },
    });
    expect(outcome(c, 'eu')).toMatchObject({ kind: 'not-listed' });
  });

  it('suspects the marketing/QoS exclusion from the description alone but says so as evidence to confirm', () => {
    const c = classify({
      description: 'DPI appliance for marketing analytics and QoS',
      capabilities: ['deep-packet-inspection'],
    });
    const eu = candidate(c, 'eu', '5A001.j')!;
    expect(eu.status).toBe('excluded');
    expect(eu.exclusions[0]?.status).toBe('likely-applies');
    expect(eu.questions.map((q) => q.fact)).toContain('designed-for-marketing-qos-qoe');
  });

  it('classifies an IMSI catcher as 5A001.f on criterion f.2 (identifiers over the air interface)', () => {
    const c = classify({
      description: 'Portable IMSI catcher',
      capabilities: ['location-tracking'],
      answers: {
        'air-interface-identifier-extraction': 'yes',
        'designed-for-mobile-network-operators': 'no',
        'analogue-pmr-or-wlan-only': 'no',
        'designed-for-mobile-equipment-development': 'no',
      },
    });
    expect(outcome(c, 'eu')).toMatchObject({
      kind: 'listed',
      entries: ['5A001.f'],
      confirmed: true,
    });
    const f = candidate(c, 'eu', '5A001.f')!;
    expect(f.met.map((m) => m.criterion)).toEqual(['f.2']);
    expect(c.interception.functions).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'g', strength: 'yes' })]),
    );
  });

  it('takes an IMSI catcher built for mobile network operators out of 5A001.f.1 and f.2 by the note', () => {
    const c = classify({
      description: 'Network test tool',
      answers: {
        'air-interface-identifier-extraction': 'yes',
        'designed-for-mobile-network-operators': 'yes',
        'selective-mobile-jamming': 'no',
        'detects-mobile-interception-equipment': 'no',
      },
    });
    expect(candidate(c, 'eu', '5A001.f')).toMatchObject({ status: 'excluded' });
  });

  it('proposes an exploit delivery platform as 4A005 and 4D004, with the "intrusion software" definition linked', () => {
    const c = classify({
      description:
        'Exploit delivery platform: zero-click infection and command-and-control of implants',
      capabilities: ['intrusion-software'],
      answers: { 'intrusion-software-tooling': 'yes', 'authorised-update-only': 'no' },
    });
    expect(outcome(c, 'eu')).toMatchObject({ kind: 'listed', confirmed: true });
    for (const id of ['4A005', '4D004']) {
      const x = candidate(c, 'eu', id)!;
      expect(x.status).toBe('meets-criteria');
      expect(x.definitions[0]).toMatchObject({
        term: 'intrusion software',
        text: { textStatus: 'verbatim' },
      });
    }
    expect(outcome(c, 'eu').kind === 'listed' && outcome(c, 'eu')).toMatchObject({
      entries: expect.arrayContaining(['4A005', '4D004']),
    });
  });

  it('proposes a phone forensic extraction tool as 5A004.b (raw data extraction that circumvents authentication)', () => {
    const c = classify({
      description:
        'Mobile phone forensic extraction tool: physical extraction, bypasses the lock screen',
      capabilities: ['forensic-extraction'],
    });
    const x = candidate(c, 'eu', '5A004')!;
    expect(x.status).toBe('likely');
    expect(x.met.map((m) => m.criterion)).toEqual(['b']);
    expect(x.exclusions.map((e) => e.id)).toEqual(['note-1', 'note-2']);
    expect(x.questions.map((q) => q.fact)).toEqual(
      expect.arrayContaining(['extracts-raw-data', 'logical-extraction-only', 'chip-off-or-jtag']),
    );
  });

  it('leaves a forensic tool limited to logical extraction out of 5A004.b, by Note 2', () => {
    const c = classify({
      description: 'Backup reader',
      capabilities: ['forensic-extraction'],
      answers: {
        'cryptanalytic-functions': 'no',
        'circumvents-device-authentication': 'yes',
        'logical-extraction-only': 'yes',
      },
    });
    expect(candidate(c, 'eu', '5A004')?.status).toBe('excluded');
  });

  it('finds laser printers not listed, like EAR99, and says why (no surveillance capability, no matching entry, the rating agrees, the catalogue covers surveillance entries only)', () => {
    const c = classify({
      description: 'Laser printers for a university library',
      controlEntries: ['EAR99'],
      capabilities: ['none'],
    });
    for (const regime of ['wassenaar', 'eu', 'uk', 'us'] as const) {
      const o = outcome(c, regime);
      expect(o.kind).toBe('not-listed');
      expect(o.reasons).toEqual(
        expect.arrayContaining([
          'the item has no surveillance capability (capabilities: none)',
          'the description matches no catalogue entry or criterion',
          'the exporter rates it EAR99 (on no ECCN of the Commerce Control List)',
        ]),
      );
    }
    expect(c.cyberSurveillance.status).toBe('no');
    expect(c.interception.status).toBe('no');
  });

  it('never calls an item "not listed" when nothing says what it does: undetermined, asking for its capabilities', () => {
    const c = classify({ description: 'Widget' });
    expect(outcome(c, 'eu')).toMatchObject({
      kind: 'undetermined',
      missing: [expect.objectContaining({ fact: 'capabilities' })],
    });
    expect(c.questions.map((q) => q.fact)).toEqual(['capabilities']);
  });

  it('keeps a non-listed video-analytics product not listed but flags it as possibly a cyber-surveillance item for Article 5, with the question to settle it', () => {
    const c = classify({
      description: 'Video analytics for city CCTV',
      capabilities: ['video-analytics'],
    });
    expect(outcome(c, 'eu').kind).toBe('not-listed');
    expect(c.cyberSurveillance.status).toBe('possibly-non-listed');
    expect(c.questions.map((q) => q.fact)).toContain('covert-surveillance-of-persons');
  });

  it('flags an exporter rating of 5A001.j that the answers contradict (no relationship mapping)', () => {
    const c = classify({
      description: 'Traffic probe',
      controlEntries: ['5A001.j'],
      answers: { ...backboneAnswers, 'relationship-mapping': 'no' },
    });
    expect(candidate(c, 'eu', '5A001.j')?.status).toBe('ruled-out');
    expect(c.flags).toEqual([
      expect.objectContaining({
        kind: 'rating-contradicted',
        rating: '5A001.j',
        message: expect.stringContaining('j.2.b is not met'),
      }),
    ]);
  });

  it('flags an EAR99 rating when the answers meet a listed entry', () => {
    const c = classify({
      description: 'Box',
      controlEntries: ['EAR99'],
      answers: { 'air-interface-identifier-extraction': 'yes' },
    });
    expect(c.flags).toEqual([
      expect.objectContaining({
        kind: 'rating-contradicted',
        rating: 'EAR99',
        message: expect.stringContaining('5A001.f'),
      }),
    ]);
  });

  it("takes a rating outside the catalogue as the exporter's own unchecked claim, and flags it", () => {
    const c = classify({
      description: 'Radar',
      controlEntries: ['6A008.j'],
      capabilities: ['none'],
    });
    expect(outcome(c, 'eu')).toMatchObject({
      kind: 'listed',
      entries: ['6A008.j'],
      confirmed: false,
    });
    expect(c.flags[0]).toMatchObject({ kind: 'rating-outside-catalogue', rating: '6A008.j' });
  });

  it('shows the proposed US facial-recognition control as a flag, never as a listed entry', () => {
    const c = classify({
      description: 'Face matching for stadium crowds',
      capabilities: ['facial-recognition'],
    });
    expect(c.flags).toEqual([
      expect.objectContaining({
        kind: 'proposed-control',
        entry: 'US-PROPOSED-FACIAL-RECOGNITION',
      }),
    ]);
    expect(outcome(c, 'us').kind).not.toBe('listed');
  });

  describe('bad input', () => {
    const problems = (item: ItemToClassify) => {
      const r = classifyItem(catalogue, item);
      return r.ok ? [] : r.error.problems;
    };

    it('names an unknown capability tag, a malformed rating and an unknown question by their fields, all at once', () => {
      expect(
        problems({
          description: 'x',
          capabilities: ['teleportation'],
          controlEntries: ['5A001.j', 'not-an-entry'],
          answers: { 'is-it-blue': 'yes', 'carrier-class-ip-network': 'perhaps' },
        }).map((p) => p.field),
      ).toEqual([
        'capabilities[0]',
        'answers.is-it-blue',
        'answers.carrier-class-ip-network',
        'controlEntries[1]',
      ]);
    });

    it('refuses "none" together with real capabilities, and "none" with a surveillance answer', () => {
      expect(problems({ description: 'x', capabilities: ['none', 'video-analytics'] })).toEqual([
        expect.objectContaining({
          field: 'capabilities',
          problem: expect.stringContaining('"none" contradicts video-analytics'),
        }),
      ]);
      expect(
        problems({
          description: 'x',
          capabilities: ['none'],
          answers: { 'air-interface-identifier-extraction': 'yes' },
        }),
      ).toEqual([
        expect.objectContaining({ field: 'answers.air-interface-identifier-extraction' }),
      ]);
    });

    it('refuses contradictory answers: raw-data extraction by a tool limited to logical extraction, and one question answered twice differently', () => {
      expect(
        problems({
          description: 'x',
          answers: { 'extracts-raw-data': 'yes', 'logical-extraction-only': 'yes' },
        }),
      ).toEqual([
        expect.objectContaining({
          field: 'answers.logical-extraction-only',
          problem: expect.stringContaining('contradicts answers.extracts-raw-data'),
        }),
      ]);
      expect(
        problems({
          description: 'x',
          answers: { 'Relationship-Mapping': 'yes', 'relationship-mapping': 'no' },
        }),
      ).toEqual([expect.objectContaining({ field: 'answers.relationship-mapping' })]);
    });

    it('refuses an empty description', () => {
      expect(problems({ description: '  ' })).toEqual([
        expect.objectContaining({ field: 'description' }),
      ]);
    });
  });
});

describe(entryQuestionnaire.name, () => {
  it('turns the criteria tree of 5A001.j into questions such as "Is it designed to work on a carrier-class IP network?"', () => {
    const entry = catalogue.entries.find((e) => e.key === 'eu:5A001.j')!;
    const q = entryQuestionnaire(catalogue, entry);
    expect(q[0]?.questions[0]?.question).toMatch(
      /^Is it designed to work on a carrier-class IP network/,
    );
    expect(q.at(-1)?.criterion).toBe('exclusion note');
  });

  it('asks of 5A001.f.2 whether it extracts IMSI/IMEI over the air interface', () => {
    const entry = catalogue.entries.find((e) => e.key === 'eu:5A001.f')!;
    const f2 = entryQuestionnaire(catalogue, entry).find((x) => x.criterion === 'f.2');
    expect(f2?.questions[0]?.question).toMatch(/IMSI, TMSI, IMEI.*air interface/);
  });
});
