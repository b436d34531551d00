import { describe, expect, it } from 'vitest';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import type { CountryCode } from '../policy/country-code.ts';
import { classifyItem, type ItemToClassify } from './classify-item.ts';
import {
  aggregateRequired,
  determineLicenceRequirement,
  type LicenceDetermination,
  type LicenceQuery,
  type PartyScreening,
  type ScreeningHit,
} from './licence-requirement.ts';

const { regulation, policies } = shippedRegulation();
const reference = {
  catalogue: regulation.catalogue,
  measures: regulation.measures,
  texts: regulation.texts,
};

const item = (raw: ItemToClassify) => {
  const c = classifyItem(regulation.catalogue, raw);
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  return { label: raw.description, classification: c.value };
};
const cc = (code: string) => code as CountryCode;
const determine = (jurisdiction: string, query: LicenceQuery): LicenceDetermination => {
  const d = determineLicenceRequirement(
    reference,
    policies.current,
    jurisdiction as CountryCode,
    query,
  );
  if (!d.ok) throw new Error(d.error.message);
  return d.value;
};
const effects = (d: LicenceDetermination) =>
  d.basis.filter((b) => b.effect !== 'not-applicable').map((b) => `${b.rule}:${b.effect}`);

const printers = item({
  description: 'Laser printers for a university library',
  controlEntries: ['EAR99'],
  capabilities: ['none'],
});
const imsiCatcher = item({
  description: 'IMSI catcher',
  capabilities: ['location-tracking'],
  answers: {
    'air-interface-identifier-extraction': 'yes',
    'designed-for-mobile-network-operators': 'no',
    'analogue-pmr-or-wlan-only': 'no',
    'designed-for-mobile-equipment-development': 'no',
  },
});
const videoAnalytics = item({
  description: 'Video analytics for CCTV networks: tracks persons across cameras',
  capabilities: ['video-analytics'],
  answers: { 'covert-surveillance-of-persons': 'yes' },
});
const party = (
  overrides: Partial<PartyScreening> & Pick<PartyScreening, 'name'>,
): PartyScreening => ({
  role: 'end-user',
  hits: [],
  ...overrides,
});

// A real Entity List row (human-rights subset of the shipped data): its own columns, verbatim.
const aksu = regulation.humanRights.entityListHumanRightsListings.find((l) =>
  l.name.startsWith('Aksu District'),
)!;
const entityListHit: ScreeningHit = {
  source: 'us-bis-entity-list',
  entityId: 'us-bis-entity-list:aksu',
  name: aksu.name,
  programmes: ['EL'],
  licenceRequirement: aksu.licenceRequirement,
  licenceReviewPolicy: aksu.licenceReviewPolicy,
  band: 'strong',
  snapshot: { id: 'us-bis-entity-list@2026-07-23', dataDate: '2026-07-23' },
};

describe(determineLicenceRequirement.name, () => {
  it("requires a US licence for any item, even EAR99 printers, to a party on the Entity List, and gives the entry's own review policy verbatim", () => {
    const d = determine('US', {
      destination: { country: cc('CN') },
      items: [printers],
      parties: [
        party({
          name: 'Aksu District Public Security Bureau',
          country: cc('CN'),
          type: 'police',
          hits: [entityListHit],
        }),
      ],
    });
    expect(d.required).toBe(true);
    const el = d.basis.find((b) => b.rule === 'us-entity-list')!;
    expect(el).toMatchObject({
      effect: 'licence-required',
      party: { role: 'end-user', name: 'Aksu District Public Security Bureau' },
      reviewPolicy: {
        text: aksu.licenceReviewPolicy,
        textStatus: 'verbatim',
        source: { date: '2026-07-23' },
      },
    });
    expect(el.citations.map((c) => c.text)).toContain(
      'For all items subject to the EAR. (See § 744.11 of the EAR)',
    );
    expect(
      el.citations.some((c) => c.text.includes('protection of human rights throughout the world')),
    ).toBe(true);
    expect(d.basis.find((b) => b.rule === 'us-ccl-listed-items')?.effect).toBe(
      'no-licence-required',
    );
  });

  it('counts an Entity List row reached through the Consolidated Screening List, and leaves a possible (review) match undetermined until cleared', () => {
    const viaCsl = determine('US', {
      destination: { country: cc('CN') },
      items: [printers],
      parties: [
        party({
          name: 'Aksu PSB',
          hits: [
            {
              ...entityListHit,
              source: 'us-csl',
              subList: 'Entity List (EL) - Bureau of Industry and Security',
            },
          ],
        }),
      ],
    });
    expect(viaCsl.required).toBe(true);
    const review = determine('US', {
      destination: { country: cc('CN') },
      items: [printers],
      parties: [party({ name: 'Aksu Security Co', hits: [{ ...entityListHit, band: 'review' }] })],
    });
    expect(review.required).toBe('undetermined');
    expect(review.missing).toEqual([expect.objectContaining({ field: 'parties' })]);
  });

  it('requires EU authorisation for a non-listed video-analytics product for a police end user when the competent authority has informed the exporter (Art. 5(1), verbatim)', () => {
    const d = determine('EU', {
      destination: { country: cc('EG') },
      items: [videoAnalytics],
      parties: [party({ name: 'Ministry of Interior', country: cc('EG'), type: 'police' })],
      endUse: { informedByAuthority: true },
    });
    expect(d.required).toBe(true);
    const art5 = d.basis.find((b) => b.rule === 'eu-art5-cyber-surveillance')!;
    expect(art5.effect).toBe('licence-required');
    expect(art5.citations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          textStatus: 'verbatim',
          text: expect.stringMatching(
            /^An authorisation shall be required for the export of cyber-surveillance items not listed in Annex I if the exporter has been informed/,
          ),
        }),
      ]),
    );
    expect(d.basis.find((b) => b.rule === 'eu-annex-i-listed-items')?.effect).toBe(
      'no-licence-required',
    );
  });

  it('makes the exporter who is aware from due diligence notify the authority under Art. 5(2), which counts as requiring authorisation until the authority decides', () => {
    const d = determine('DK', {
      destination: { country: cc('EG') },
      items: [videoAnalytics],
      parties: [party({ name: 'Ministry of Interior', country: cc('EG'), type: 'police' })],
      endUse: { awareOfMisuse: true },
    });
    expect(d.required).toBe(true);
    expect(d.basis.find((b) => b.rule === 'eu-art5-cyber-surveillance')).toMatchObject({
      effect: 'notify-authority',
      textStatus: 'verbatim',
    });
    expect(d.policies.map((p) => p.id)).toEqual(['cordon.EU', 'cordon.DK']);
  });

  it('leaves Art. 5 undetermined, naming the missing endUse fields, when the exporter has not said whether it is informed or aware', () => {
    const d = determine('EU', {
      destination: { country: cc('EG') },
      items: [videoAnalytics],
      parties: [party({ name: 'Ministry of Interior', country: cc('EG'), type: 'police' })],
    });
    expect(d.required).toBe('undetermined');
    expect(d.missing.map((m) => m.field)).toEqual([
      'endUse.informedByAuthority',
      'endUse.awareOfMisuse',
    ]);
  });

  it('requires no Art. 5 authorisation when the exporter is neither informed nor aware, and says due diligence continues', () => {
    const d = determine('EU', {
      destination: { country: cc('EG') },
      items: [videoAnalytics],
      parties: [party({ name: 'Cairo Metro', country: cc('EG'), type: 'commercial' })],
      endUse: { informedByAuthority: false, awareOfMisuse: false },
    });
    expect(d.required).toBe(false);
    expect(d.basis.find((b) => b.rule === 'eu-art5-cyber-surveillance')?.summary).toMatch(
      /due diligence continues/,
    );
  });

  it('treats 5A001.f to Iran under EU law as listed (Art. 3(1)) and as banned monitoring equipment for a police end user (Reg. 359/2011 Art. 1b(2), verbatim)', () => {
    const d = determine('EU', {
      destination: { country: cc('IR') },
      items: [imsiCatcher],
      parties: [party({ name: 'FARAJA', country: cc('IR'), type: 'police' })],
    });
    expect(d.required).toBe(true);
    expect(effects(d)).toEqual(
      expect.arrayContaining([
        'eu-annex-i-listed-items:licence-required',
        'eu-monitoring-equipment:prohibited',
      ]),
    );
    const ban = d.basis.find((b) => b.rule === 'eu-monitoring-equipment')!;
    expect(ban.reviewPolicy).toMatchObject({
      textStatus: 'verbatim',
      text: expect.stringContaining('shall not grant any authorisation'),
    });
    expect(
      ban.citations.some((c) => c.textStatus === 'verbatim' && c.text.includes('Annex IV')),
    ).toBe(true);
    // Annex IV itself is not shipped: the match rests on the near-identical lists, and says so.
    expect(ban.textStatus).toBe('seed-unverified');
  });

  it('applies the Venezuela provision (Reg. 2017/2063 Art. 6) the same way, quoting Art. 6(2) as the review policy', () => {
    const d = determine('EU', {
      destination: { country: cc('VE') },
      items: [imsiCatcher],
      parties: [party({ name: 'SEBIN', country: cc('VE'), type: 'intelligence' })],
    });
    const ban = d.basis.find((b) => b.rule === 'eu-monitoring-equipment')!;
    expect(ban.effect).toBe('prohibited');
    expect(ban.reviewPolicy?.text).toContain('would be used for internal repression by Venezuela');
    expect(ban.citations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          text: 'IMSI, MSISDN, IMEI, TMSI interception and monitoring equipment',
          textStatus: 'verbatim',
        }),
      ]),
    );
  });

  it('leaves an unverified seed measure (EU monitoring ban on Syria) undetermined instead of deciding on it', () => {
    const d = determine('EU', {
      destination: { country: cc('SY') },
      items: [imsiCatcher],
      parties: [party({ name: 'Ministry', country: cc('SY'), type: 'government-security' })],
    });
    expect(d.basis.find((b) => b.rule === 'eu-monitoring-equipment')).toMatchObject({
      effect: 'undetermined',
      textStatus: 'seed-unverified',
    });
  });

  it('does not require a licence for laser printers from Denmark to Norway: not in Annex I, no catch-all, no measure, no listed party', () => {
    const d = determine('DK', {
      destination: { country: cc('NO') },
      items: [printers],
      parties: [party({ name: 'Universitetet i Oslo', country: cc('NO'), type: 'academic' })],
    });
    expect(d.required).toBe(false);
    expect(effects(d)).toEqual(['eu-annex-i-listed-items:no-licence-required']);
    expect(d.basis[0]?.citations[0]).toMatchObject({
      textStatus: 'verbatim',
      text: '1. An authorisation shall be required for the export of dual-use items listed in Annex I.',
    });
  });

  it('does not require a licence for the spec example either (printers from Norway to a Danish university)', () => {
    const d = determine('NO', {
      destination: { country: cc('DK') },
      items: [printers],
      parties: [party({ name: 'Aarhus Universitet', country: cc('DK'), type: 'academic' })],
    });
    expect(d.required).toBe(false);
  });

  it('leaves a listed item sent within the Union undetermined: only Annex IV items need authorisation, and Annex IV is not shipped', () => {
    const d = determine('FR', {
      destination: { country: cc('DE') },
      items: [imsiCatcher],
      parties: [],
    });
    expect(d.basis.find((b) => b.rule === 'eu-annex-i-listed-items')?.effect).toBe('undetermined');
  });

  it('requires a US licence for 5A001.f.1 to every destination, Canada included (SL), but leaves 5A001.f.2 to an A:1 country undetermined (Country Chart column not shipped)', () => {
    const interceptor = item({
      description: 'Off-air GSM interceptor',
      answers: { 'air-interface-voice-data-interception': 'yes' },
    });
    const toCanada = determine('US', {
      destination: { country: cc('CA') },
      items: [interceptor],
      parties: [],
    });
    expect(toCanada.basis.find((b) => b.rule === 'us-ccl-listed-items')).toMatchObject({
      effect: 'licence-required',
      summary: expect.stringContaining('(SL)'),
    });
    const toNorway = determine('US', {
      destination: { country: cc('NO') },
      items: [imsiCatcher],
      parties: [],
    });
    expect(toNorway.basis.find((b) => b.rule === 'us-ccl-listed-items')?.effect).toBe(
      'undetermined',
    );
    expect(toNorway.missing.some((m) => m.question.includes('Commerce Country Chart'))).toBe(true);
  });

  it('prohibits UK exports of interception goods to Russia under the UK sanctions (Schedule 3 function g)', () => {
    const d = determine('GB', {
      destination: { country: cc('RU') },
      items: [imsiCatcher],
      parties: [],
    });
    expect(d.basis.find((b) => b.rule === 'uk-interception-monitoring')).toMatchObject({
      effect: 'prohibited',
      citations: expect.arrayContaining([
        expect.objectContaining({
          text: 'IMSI, MSISDN, IMEI and TMSI interception and monitoring',
          textStatus: 'verbatim',
        }),
      ]),
    });
  });

  it("applies a monitoring ban to the end user's country too, so a transshipment through a third country does not escape it", () => {
    const d = determine('EU', {
      destination: { country: cc('AE') },
      items: [imsiCatcher],
      parties: [
        party({ name: 'Reseller FZE', role: 'consignee', country: cc('AE') }),
        party({ name: 'Unknown', country: cc('IR'), type: 'unknown' }),
      ],
    });
    expect(d.basis.find((b) => b.rule === 'eu-monitoring-equipment')?.effect).toBe(
      'licence-required',
    );
  });

  it('keeps end-user rules undetermined when no parties were screened, rather than assuming none is listed', () => {
    const d = determine('US', { destination: { country: cc('DK') }, items: [printers] });
    expect(d.required).toBe('undetermined');
    expect(d.missing).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'parties' })]),
    );
  });

  it('asks for the region when the destination country has regional measures (Ukraine), and applies them for Crimea', () => {
    const screened = [party({ name: 'Kyiv Polytechnic', country: cc('UA'), type: 'academic' })];
    const noRegion = determine('EU', {
      destination: { country: cc('UA') },
      items: [printers],
      parties: screened,
    });
    expect(noRegion.required).toBe('undetermined');
    expect(noRegion.missing).toEqual([expect.objectContaining({ field: 'destination.region' })]);
    const crimea = determine('EU', {
      destination: { country: cc('UA'), region: 'Crimea' },
      items: [printers],
      parties: screened,
    });
    expect(crimea.required).toBe(true);
    expect(crimea.basis.find((b) => b.ruleKind === 'regional-measure')?.textStatus).toBe(
      'seed-unverified',
    );
  });

  it('says which jurisdictions it has policies for when asked about another', () => {
    const d = determineLicenceRequirement(reference, policies.current, 'JP' as CountryCode, {
      destination: { country: cc('CN') },
      items: [printers],
    });
    expect(d).toMatchObject({
      ok: false,
      error: { kind: 'no-policy', message: expect.stringContaining('US') },
    });
  });
});

describe(aggregateRequired.name, () => {
  const basis = (effect: LicenceDetermination['basis'][number]['effect']) =>
    ({ effect }) as LicenceDetermination['basis'][number];
  it('requires a licence when any basis does, is undetermined when any basis is, and is false only when none is either', () => {
    expect(
      aggregateRequired([
        basis('no-licence-required'),
        basis('undetermined'),
        basis('notify-authority'),
      ]),
    ).toBe(true);
    expect(aggregateRequired([basis('no-licence-required'), basis('undetermined')])).toBe(
      'undetermined',
    );
    expect(
      aggregateRequired([
        basis('no-licence-required'),
        basis('not-applicable'),
        basis('information'),
      ]),
    ).toBe(false);
  });
});
