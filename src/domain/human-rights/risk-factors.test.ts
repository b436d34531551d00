import { describe, expect, it } from 'vitest';
import { shippedHumanRightsPolicies } from '../../../test/fakes/shipped-human-rights.ts';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import { classifyItem } from '../classification/classify-item.ts';
import type { PartyScreening } from '../classification/licence-requirement.ts';
import type { CountryCode } from '../policy/country-code.ts';
import type { HumanRightsPolicy } from './human-rights-policy.ts';
import {
  destinationFactor,
  endUseFactor,
  endUserFactor,
  itemCapabilityFactor,
  partnerDenialsFactor,
  redFlagsFactor,
  screeningFactor,
  type AssessedItem,
} from './risk-factors.ts';

const { regulation } = shippedRegulation();
const policy = shippedHumanRightsPolicies().current.get('GB' as CountryCode) as HumanRightsPolicy;
const data = {
  measures: regulation.measures,
  entityListHumanRightsListings: regulation.humanRights.entityListHumanRightsListings,
};
const cc = (c: string) => c as CountryCode;
const item = (
  description: string,
  capabilities: string[],
  controlEntries: string[] = [],
): AssessedItem => {
  const c = classifyItem(regulation.catalogue, { description, capabilities, controlEntries });
  if (!c.ok) throw new Error('bad item');
  return { description, capabilities, classification: c.value };
};

describe(destinationFactor.name, () => {
  it('takes the regional assessment over the country one (Xinjiang is unacceptable, China high)', () => {
    const xinjiang = destinationFactor(policy, data, {
      destination: { country: cc('CN'), region: 'Xinjiang' },
    });
    const china = destinationFactor(policy, data, { destination: { country: cc('CN') } });
    expect(xinjiang.severity).toBe(1);
    expect(china.severity).toBe(0.8);
    expect(xinjiang.citations.some((c) => c.source.title.includes('OHCHR'))).toBe(true);
  });

  it('weighs arms embargoes and monitoring-equipment bans (Iran) and nothing for a partner state (Denmark)', () => {
    const iran = destinationFactor(policy, data, { destination: { country: cc('IR') } });
    expect(iran.severity).toBe(1);
    expect(iran.evidence.join(' ')).toMatch(/monitoring and interception equipment/);
    expect(destinationFactor(policy, data, { destination: { country: cc('DK') } }).severity).toBe(
      0,
    );
  });

  it("hides an officer-only assessment from an exporter's self-assessment", () => {
    const ae = { destination: { country: cc('AE') } };
    expect(destinationFactor(policy, data, ae, 'officer').severity).toBe(0.4);
    expect(destinationFactor(policy, data, ae, 'exporter').severity).toBe(0);
  });
});

describe(endUserFactor.name, () => {
  const party = (p: Partial<PartyScreening>): PartyScreening => ({
    role: 'end-user',
    name: 'X',
    hits: [],
    ...p,
  });
  it('weighs police and intelligence end users most and universities not at all', () => {
    expect(
      endUserFactor(policy, {
        destination: { country: cc('JP') },
        parties: [party({ type: 'police' })],
      }).severity,
    ).toBe(1);
    expect(
      endUserFactor(policy, {
        destination: { country: cc('JP') },
        parties: [party({ type: 'academic' })],
      }).severity,
    ).toBe(0);
  });
  it('treats an undisclosed end user behind a reseller in a transshipment hub as a diversion risk', () => {
    const f = endUserFactor(policy, {
      destination: { country: cc('AE') },
      parties: [party({ role: 'consignee', country: cc('AE'), type: 'commercial' })],
    });
    expect(f.severity).toBe(0.9);
    expect(f.evidence.join(' ')).toMatch(/transshipment hub/);
  });
});

describe(screeningFactor.name, () => {
  const hit = (name: string, programmes: string[] = [], source = 'us-bis-entity-list') => ({
    source,
    entityId: `${source}:1`,
    name,
    programmes,
    band: 'strong' as const,
  });
  it('recognises an Entity List human-rights listing (a Xinjiang public security bureau) at full severity', () => {
    const f = screeningFactor(policy, data, {
      parties: [
        { role: 'end-user', name: 'x', hits: [hit('Aksu District Public Security Bureau')] },
      ],
    });
    expect(f.severity).toBe(1);
    expect(f.evidence.join(' ')).toMatch(/84 FR 54004/);
  });
  it('recognises GLOMAG and CYBER sanctions programmes, and weighs other hits less', () => {
    const glomag = screeningFactor(policy, data, {
      parties: [{ role: 'end-user', name: 'x', hits: [hit('Someone', ['GLOMAG'], 'us-ofac-sdn')] }],
    });
    const other = screeningFactor(policy, data, {
      parties: [{ role: 'end-user', name: 'x', hits: [hit('Someone', ['SDGT'], 'us-ofac-sdn')] }],
    });
    expect(glomag.severity).toBe(1);
    expect(other.severity).toBe(0.6);
  });
});

describe(itemCapabilityFactor.name, () => {
  it('rates intrusion software at full severity and a printer at none', () => {
    expect(
      itemCapabilityFactor(policy, {
        items: [item('Exploit platform', ['intrusion-software'], ['4D004'])],
      }).severity,
    ).toBe(1);
    expect(
      itemCapabilityFactor(policy, { items: [item('Laser printer', ['none'], ['EAR99'])] })
        .severity,
    ).toBe(0);
  });
});

describe(endUseFactor.name, () => {
  it('reads "track protesters" as red flag CS-06 and a missing statement as KYC-02', () => {
    const protest = endUseFactor(policy, { endUse: 'Track protesters on social media' });
    expect(protest.severity).toBe(1);
    expect(protest.evidence.join(' ')).toMatch(/CS-06/);
    const none = endUseFactor(policy, { endUse: ' ' });
    expect(none.severity).toBe(0.4);
    expect(endUseFactor(policy, { endUse: 'Printing in a library' }).severity).toBe(0);
  });
});

describe(redFlagsFactor.name, () => {
  it('adds observed red flags and derives national-scale deployment (CS-07) from the description', () => {
    const f = redFlagsFactor(policy, {
      redFlags: ['KYC-10'],
      items: [item('Carrier-grade backbone probe', ['deep-packet-inspection'])],
    });
    expect(f.severity).toBe(1);
    expect(f.evidence.join(' ')).toMatch(/CS-07/);
  });
});

describe(partnerDenialsFactor.name, () => {
  const denial = (essentiallyIdentical: boolean) => ({
    authority: 'NL-CDIU',
    reference: 'D-1',
    summary: 'IMSI catcher (5A001.f) to IR, end use "police"',
    essentiallyIdentical,
    because: 'end-user "Farajа" matches the denied end-user "Faraja" (0.97); same destination IR',
    provenance: {
      deniedOn: '2026-10-01',
      receivedAt: '2026-10-02T08:00:00.000Z',
      channel: 'exchange' as const,
    },
  });

  it('says it could not check when no exchange is connected, and that none resembles when one is', () => {
    const off = partnerDenialsFactor(policy, { partnerDenials: [] });
    expect(off.severity).toBe(0);
    expect(off.evidence.join(' ')).toMatch(/could not be checked/);
    const on = partnerDenialsFactor(policy, { partnerDenials: [], partnerDenialsConnected: true });
    expect(on.evidence.join(' ')).toMatch(/No partner denial in force resembles/);
    expect(on.evidence.join(' ')).not.toMatch(/not connected/);
  });

  it('weighs an essentially identical denial fully and a similar one half, citing sender, reference and dates', () => {
    const full = partnerDenialsFactor(policy, {
      partnerDenials: [denial(true)],
      partnerDenialsConnected: true,
    });
    expect(full.severity).toBe(1);
    expect(full.evidence[0]).toMatch(/Essentially identical to NL-CDIU denial D-1 of 2026-10-01/);
    expect(full.citations.at(-1)).toMatchObject({ textStatus: 'paraphrase' });
    const half = partnerDenialsFactor(policy, {
      partnerDenials: [denial(false)],
      partnerDenialsConnected: true,
    });
    expect(half.severity).toBe(0.5);
  });
});
