import { describe, expect, it } from 'vitest';
import { buildPartyMatch, fakePartyScreener } from '../../../test/fakes/fake-party-screener.ts';
import { assessmentDeps } from '../../../test/fakes/shipped-human-rights.ts';
import type { DenialNotificationBody } from '../../domain/exchange/exchange-message.ts';
import type { PartyScreener } from '../ports/party-screener.ts';
import { assessApplication, type Assessment, type AssessmentDeps } from './assess-application.ts';

/** An application with defaults; only what a scenario is about is given. */
const buildApplication = (overrides: Record<string, unknown> = {}) => ({
  jurisdiction: 'GB',
  exporter: { name: 'Example Exporter Ltd', country: 'GB' },
  destination: { country: 'JP' },
  parties: [{ role: 'end-user', name: 'Example End User', country: 'JP', type: 'commercial' }],
  items: [{ description: 'Office printer', controlEntries: ['EAR99'], capabilities: ['none'] }],
  endUse: 'Office printing',
  ...overrides,
});

async function assess(
  application: unknown,
  deps: Partial<AssessmentDeps> & { screener?: PartyScreener } = {},
): Promise<Assessment> {
  const result = await assessApplication(
    { application },
    { ...assessmentDeps(deps.screener), ...deps },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const snapshot = (source: string, dataDate: string) => ({
  id: `${source}@${dataDate}.t`,
  source,
  dataDate,
});

describe('coverage and freshness of the binding lists', () => {
  it('lists a binding list that was not screened, and makes "no match" on it at least refer', async () => {
    const screener = fakePartyScreener({}, { snapshots: [snapshot('us-ofac-sdn', '2026-07-23')] });
    const a = await assess(buildApplication(), { screener });
    expect(a.screeningCoverage.lists).toEqual([
      expect.objectContaining({ source: 'uk-hmt-ofsi', status: 'not-screened' }),
    ]);
    expect(a.screeningCoverage.complete).toBe(false);
    expect(a.recommendation.outcome).toBe('refer');
    expect(a.recommendation.criteria.find((c) => c.id === 'list-not-screened')?.reason).toMatch(
      /binds GB but was not screened/,
    );
  });

  it('flags a binding list older than CORDON_LIST_MAX_AGE_DAYS, counting from the assessment date', async () => {
    const screener = fakePartyScreener({}, { snapshots: [snapshot('uk-hmt-ofsi', '2024-01-10')] });
    const a = await assess(buildApplication(), { screener, listMaxAgeDays: 30 });
    expect(a.screeningCoverage).toMatchObject({
      maxAgeDays: 30,
      asOf: '2026-08-01',
      lists: [{ source: 'uk-hmt-ofsi', status: 'stale', ageDays: 934 }],
    });
    expect(a.recommendation.outcome).toBe('refer');
    const fresh = await assess(buildApplication(), { screener, listMaxAgeDays: 1000 });
    expect(fresh.recommendation.outcome).toBe('no-licence-required');
  });
});

describe('party matches', () => {
  const intellexa = buildPartyMatch({
    name: 'Intellexa S.A.',
    licenceRequirement: 'For all items subject to the EAR. (See § 744.11 of the EAR)',
    licenceReviewPolicy: 'Presumption of denial',
  });
  const app = buildApplication({
    jurisdiction: 'US',
    exporter: { name: 'Example Systems Inc.', country: 'US' },
    destination: { country: 'GR' },
    parties: [{ role: 'end-user', name: 'Intellexa S.A.', country: 'GR', type: 'commercial' }],
  });

  it('never approves an exact listed name, and says who may clear the match', async () => {
    const a = await assess(app, { screener: fakePartyScreener({ 'Intellexa S.A.': [intellexa] }) });
    expect(a.recommendation.outcome).toBe('refuse');
    expect(a.recommendation.partyMatches).toEqual([
      expect.objectContaining({
        party: 'Intellexa S.A.',
        standing: 'binding',
        status: 'to-clear',
        whoMayClear: expect.stringContaining('caseworker or senior officer'),
      }),
    ]);
    expect(a.recommendation.criteria.find((c) => c.id === 'us-ear-744-11')).toMatchObject({
      status: 'met',
      facts: [expect.stringContaining('Intellexa S.A.')],
    });
  });

  it('records a cleared match with who cleared it and why, and lets it decide nothing', async () => {
    const cleared = await assess(
      {
        ...app,
        parties: [
          {
            role: 'end-user',
            name: 'Intellexa S.A.',
            country: 'GR',
            type: 'commercial',
            matchClearances: [
              {
                source: 'us-bis-entity-list',
                entityId: intellexa.entityId,
                clearedBy: 'caseworker j.smith',
                reason: 'different registration number (GR 123456) and address',
                date: '2026-07-30',
              },
            ],
          },
        ],
      },
      { screener: fakePartyScreener({ 'Intellexa S.A.': [intellexa] }) },
    );
    expect(cleared.recommendation.partyMatches[0]).toMatchObject({
      status: 'cleared',
      clearedBy: 'caseworker j.smith',
      clearedBecause: expect.stringContaining('registration number'),
    });
    expect(cleared.recommendation.outcome).toBe('no-licence-required');
    expect(cleared.licence['US']?.basis.find((b) => b.rule === 'us-entity-list')?.summary).toMatch(
      /cleared by caseworker j\.smith/,
    );
  });

  it('prohibits dealings with an SDN unless a licence from OFAC is cited, which an officer then verifies', async () => {
    const sdn = buildPartyMatch({
      name: 'INTELLEXA S.A.',
      source: 'us-ofac-sdn',
      entityId: 'us-ofac-sdn:1',
      programmes: ['CYBER2'],
    });
    const screener = fakePartyScreener({ 'Intellexa S.A.': [sdn] });
    const blocked = await assess(app, { screener });
    expect(blocked.recommendation.outcome).toBe('prohibited');
    const licensed = await assess(
      { ...app, sanctionsLicences: [{ authority: 'OFAC', reference: 'CYBER-2026-123' }] },
      { screener },
    );
    expect(licensed.licence['US']?.status).toBe('required');
    expect(licensed.licence['US']?.basis.find((b) => b.rule === 'us-ofac-sdn')?.summary).toMatch(
      /cites licence CYBER-2026-123 of OFAC/,
    );
    expect(licensed.recommendation.outcome).not.toMatch(/^approve|no-licence-required/);
  });

  it('treats another state listing as evidence under GB law: referral, and no 744.11 among the legal bases', async () => {
    const a = await assess(
      { ...app, jurisdiction: 'GB', exporter: { name: 'Example Ltd', country: 'GB' } },
      { screener: fakePartyScreener({ 'Intellexa S.A.': [intellexa] }) },
    );
    expect(a.licence['GB']?.status).toBe('not-required');
    expect(a.recommendation.outcome).toBe('refer');
    expect(a.recommendation.partyMatches[0]?.standing).toBe('evidence');
    expect(a.recommendation.summary).toMatch(/not a legal basis in GB/);
    expect(JSON.stringify(a.licence['GB'])).not.toMatch(/744\.11/);
  });
});

describe('legal tests on their own conditions', () => {
  it('does not meet 15 CFR 744.11 without a listed party, whatever the risk', async () => {
    const a = await assess(
      buildApplication({
        jurisdiction: 'US',
        exporter: { name: 'Example Inc.', country: 'US' },
        destination: { country: 'CN', region: 'Xinjiang' },
        parties: [{ role: 'end-user', name: 'Kashgar Police', country: 'CN', type: 'police' }],
        items: [
          {
            description: 'IMSI catcher',
            controlEntries: ['5A001.f'],
            capabilities: ['location-tracking'],
          },
        ],
      }),
    );
    expect(a.humanRights.risk).toBe('unacceptable');
    expect(a.recommendation.criteria.find((c) => c.id === 'us-ear-744-11')?.status).toBe('not-met');
    expect(a.recommendation.criteria.find((c) => c.id === 'us-el-review-policy')?.status).toBe(
      'not-met',
    );
  });

  it('meets EU Art. 5(1) only when the authority informed the exporter, and it requires authorisation, it is no refusal ground', async () => {
    const base = buildApplication({
      jurisdiction: 'EU',
      exporter: { name: 'Example GmbH', country: 'DE' },
      destination: { country: 'EG' },
      parties: [{ role: 'end-user', name: 'Cairo Police', country: 'EG', type: 'police' }],
      items: [{ description: 'Video analytics software', capabilities: ['video-analytics'] }],
    });
    const informed = await assess({ ...base, endUseFacts: { informedByAuthority: true } });
    const art51 = informed.recommendation.criteria.find((c) => c.id === 'eu-art-5-1');
    expect(art51?.status).toBe('met');
    expect(
      informed.licence['EU']?.basis.find((b) => b.rule === 'eu-art5-cyber-surveillance')?.effect,
    ).toBe('licence-required');
    expect(informed.recommendation.floors.map((f) => f.criterion)).not.toContain('eu-art-5-1');
    const notInformed = await assess({ ...base, endUseFacts: { informedByAuthority: false } });
    expect(notInformed.recommendation.criteria.find((c) => c.id === 'eu-art-5-1')?.status).toBe(
      'not-met',
    );
  });
});

describe('sanctions articles as tests of their own', () => {
  it('shows each article met, not met or unknown for the item, with the instrument and the item', async () => {
    const camera = (description: string, controlEntries: string[]) =>
      buildApplication({
        jurisdiction: 'EU',
        exporter: { name: 'Beispiel Optik GmbH', country: 'DE' },
        destination: { country: 'RU' },
        parties: [{ role: 'end-user', name: 'OOO Example', country: 'RU', type: 'commercial' }],
        items: [{ description, controlEntries }],
      });
    const listed = await assess(camera('Uncooled thermal imaging camera', ['6A003.b.4']));
    const status = (a: Assessment, id: string) =>
      a.recommendation.criteria.find((c) => c.id === id)?.status;
    expect(status(listed, 'eu-833/2014:art-2')).toBe('met');
    expect(status(listed, 'eu-833/2014:art-2a')).toBe('not-met');
    const printer = await assess(
      buildApplication({
        jurisdiction: 'EU',
        exporter: { name: 'Beispiel GmbH', country: 'DE' },
        destination: { country: 'RU' },
        parties: [{ role: 'end-user', name: 'OOO Example', country: 'RU', type: 'commercial' }],
      }),
    );
    expect(status(printer, 'eu-833/2014:art-2')).toBe('not-met');
    // Annex VII is not shipped: whether a printer is in it is for the officer to check.
    expect(status(printer, 'eu-833/2014:art-2a')).toBe('unknown');
    expect(printer.recommendation.outcome).toBe('refer');
  });

  it('catches a sale to a buyer in Russia even when the goods are shipped elsewhere', async () => {
    const a = await assess(
      buildApplication({
        jurisdiction: 'EU',
        exporter: { name: 'Beispiel Optik GmbH', country: 'DE' },
        destination: { country: 'AM' },
        parties: [
          { role: 'purchaser', name: 'OOO Example Trading', country: 'RU', type: 'commercial' },
          { role: 'end-user', name: 'Example LLC', country: 'AM', type: 'commercial' },
        ],
        items: [{ description: 'Uncooled thermal imaging camera', controlEntries: ['6A003.b.4'] }],
      }),
    );
    expect(a.recommendation.outcome).toBe('prohibited');
    expect(a.licence['EU']?.basis.find((b) => b.effect === 'prohibited')?.regime?.id).toBe(
      'eu-833/2014:art-2',
    );
  });
});

describe('controlled goods to Russia and Belarus under every shipped policy', () => {
  it('is never approvable and never needs no licence, whatever the state', async () => {
    for (const country of ['RU', 'BY']) {
      for (const jurisdiction of ['US', 'GB', 'EU', 'DE', 'DK', 'NL', 'FR', 'NO', 'CA', 'AU']) {
        const a = await assess(
          buildApplication({
            jurisdiction,
            exporter: {
              name: 'Example Optics',
              country: jurisdiction === 'EU' ? 'DE' : jurisdiction,
            },
            destination: { country },
            parties: [{ role: 'end-user', name: 'Example Buyer', country, type: 'commercial' }],
            items: [
              { description: 'Uncooled thermal imaging camera', controlEntries: ['6A003.b.4'] },
            ],
          }),
        );
        expect({ jurisdiction, country, outcome: a.recommendation.outcome }).toEqual({
          jurisdiction,
          country,
          outcome: expect.stringMatching(/^(prohibited|refuse|refer)$/),
        });
      }
    }
  });
});

describe('arms embargoes', () => {
  it('prohibits military goods (rated on the Common Military List) to Russia under the EU arms embargo, and leaves a seeded embargo undetermined', async () => {
    const app = (country: string) =>
      buildApplication({
        jurisdiction: 'EU',
        exporter: { name: 'Beispiel Defence GmbH', country: 'DE' },
        destination: { country },
        parties: [{ role: 'end-user', name: 'Example Works', country, type: 'military' }],
        items: [{ description: 'Night-vision weapon sight', controlEntries: ['ML15'] }],
      });
    const russia = await assess(app('RU'));
    expect(russia.recommendation.outcome).toBe('prohibited');
    expect(
      russia.licence['EU']?.basis.find((b) => b.regime?.id === 'eu-arms-embargo:RU')?.effect,
    ).toBe('prohibited');
    expect(russia.items[0]?.classification.find((c) => c.regime === 'eu')?.outcome).toBe(
      'undetermined',
    );
    const iran = await assess(app('IR'));
    expect(
      iran.licence['EU']?.basis.find((b) => b.regime?.id === 'eu-arms-embargo:others')?.effect,
    ).toBe('undetermined');
    expect(iran.recommendation.outcome).not.toMatch(/^approve|no-licence-required/);
  });
});

describe('EAR jurisdiction over a foreign exporter', () => {
  const german = (item: Record<string, unknown>) =>
    buildApplication({
      jurisdiction: 'US',
      exporter: { name: 'Beispiel GmbH', country: 'DE' },
      destination: { country: 'EG' },
      parties: [{ role: 'end-user', name: 'Nile Telecom', country: 'EG', type: 'commercial' }],
      items: [{ description: 'IP network probe', controlEntries: ['5A001.j'], ...item }],
    });

  it('applies no EAR rule to a German-made item under the de minimis level, and asks when nothing is stated', async () => {
    const below = await assess(
      german({ origin: 'DE', usControlledContentPercent: 12, foreignDirectProduct: false }),
    );
    expect(below.licence['US']?.basis.find((b) => b.rule === 'us-subject-to-ear')?.summary).toMatch(
      /not subject to the EAR/,
    );
    expect(below.licence['US']?.status).toBe('not-required');
    const above = await assess(
      german({ origin: 'DE', usControlledContentPercent: 40, foreignDirectProduct: false }),
    );
    expect(above.licence['US']?.status).not.toBe('not-required');
    const unknown = await assess(german({}));
    expect(unknown.licence['US']?.missing.map((m) => m.field)).toContain('items[0].origin');
  });
});

describe('partner denials from the exchange', () => {
  const denial: DenialNotificationBody = {
    reference: 'NL-2026-0042',
    deniedOn: '2026-06-01',
    controlEntries: ['5A001.f'],
    itemDescription: 'IMSI catcher for locating mobile phones',
    destination: 'IR',
    endUse: 'Police surveillance',
    parties: [{ role: 'end-user', name: 'Tehran Police Command' }],
    criteria: [],
    reviewBy: '2029-06-01',
  };
  const app = buildApplication({
    destination: { country: 'IR' },
    parties: [{ role: 'end-user', name: 'Tehran Police Command', country: 'IR', type: 'police' }],
    items: [
      {
        description: 'IMSI catcher',
        controlEntries: ['5A001.f'],
        capabilities: ['location-tracking'],
      },
    ],
  });

  it('feeds an essentially identical denial into the factor, with its sender, reference and dates', async () => {
    const a = await assess(app, {
      partnerDenials: {
        activeDenials: () =>
          Promise.resolve([
            {
              sender: 'NL-CDIU',
              reference: 'NL-2026-0042',
              denial,
              updatedAt: new Date('2026-06-02T09:00:00Z'),
            },
          ]),
      },
    });
    const factor = a.humanRights.factors.find((f) => f.id === 'partner-denials');
    expect(factor?.severity).toBe(1);
    expect(factor?.evidence[0]).toMatch(
      /Essentially identical to NL-CDIU denial NL-2026-0042 of 2026-06-01 \(received 2026-06-02/,
    );
    expect(a.partnerDenials[0]).toMatchObject({
      authority: 'NL-CDIU',
      essentiallyIdentical: true,
      provenance: { deniedOn: '2026-06-01', channel: 'exchange' },
    });
  });

  it('says the factor could not be checked when no exchange is connected', async () => {
    const a = await assess(app);
    expect(a.humanRights.factors.find((f) => f.id === 'partner-denials')?.evidence[0]).toMatch(
      /could not be checked/,
    );
  });
});
