import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPartyMatch, fakePartyScreener } from '../../../test/fakes/fake-party-screener.ts';
import {
  assessmentDeps,
  shippedHumanRightsPolicies,
} from '../../../test/fakes/shipped-human-rights.ts';
import type { HumanRightsPolicy } from '../../domain/human-rights/human-rights-policy.ts';
import { isLegalText } from '../../domain/policy/text-provenance.ts';
import { assessApplication, type Assessment } from './assess-application.ts';
import { dryRunPolicy } from './dry-run-policy.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'applications');
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')) as unknown;

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
  options: {
    screener?: ReturnType<typeof fakePartyScreener>;
    selfAssessment?: boolean;
    policy?: HumanRightsPolicy;
  } = {},
): Promise<Assessment> {
  const result = await assessApplication(
    {
      application,
      ...(options.selfAssessment ? { selfAssessment: true } : {}),
      ...(options.policy ? { policy: options.policy } : {}),
    },
    assessmentDeps(options.screener),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const imsiCatcher = {
  description:
    'IMSI catcher: extracts IMSI and IMEI identifiers over the air interface to locate phones',
  controlEntries: ['5A001.f'],
  capabilities: ['location-tracking', 'communications-interception'],
};

describe(assessApplication.name, () => {
  it('assesses parties named like object internals (__proto__, constructor) as names, nothing more (found by the HTTP fuzzer)', async () => {
    const a = await assess(
      buildApplication({
        parties: [
          { role: 'end-user', name: '__proto__', country: 'JP', type: 'commercial' },
          { role: 'consignee', name: 'constructor', country: 'JP', type: 'commercial' },
        ],
      }),
    );
    expect(a.parties.map((p) => [p.name, p.matches.length])).toEqual([
      ['__proto__', 0],
      ['constructor', 0],
    ]);
  });

  describe('the spec examples', () => {
    it('refers an IP-surveillance platform for an Egyptian security regulator: licence required (5A001.j), high risk, presumption for security end users in a high-risk destination', async () => {
      const a = await assess(fixture('ip-surveillance-to-telecom'));
      expect(a.recommendation.outcome).toBe('refer');
      expect(a.humanRights.risk).toBe('high');
      expect(a.licence['GB']?.required).toBe(true);
      expect(a.humanRights.presumptions.map((p) => p.id)).toContain(
        'surveillance-for-security-services-in-high-risk-destination',
      );
      expect(a.recommendation.provisos.map((p) => p.id)).toEqual([
        'end-use-certificate',
        'no-re-export',
        'post-shipment-verification',
      ]);
      expect(a.provenance.policy).toMatchObject({ id: 'cordon.GB.human-rights', version: 2 });
      expect(a.provenance.codeVersion).toBe('0.0.0-test');
      expect(a.provenance.listSnapshots.length).toBeGreaterThan(0);
    });

    it('needs no licence for laser printers to a Danish university from Norway: EAR99, no capability, academic end user, low risk', async () => {
      const a = await assess(fixture('office-equipment-to-university'));
      expect(a.recommendation.outcome).toBe('no-licence-required');
      expect(a.humanRights.risk).toBe('low');
      expect(a.licence['NO']).toMatchObject({ required: false, status: 'not-required' });
      expect(a.parties[0]).toMatchObject({ name: 'Aarhus Universitet', matches: [] });
      expect(a.items[0]?.classification.length).toBeGreaterThan(0);
    });
  });

  describe('scenarios', () => {
    it('refuses an IMSI catcher for the police in Xinjiang: the authority assesses the region unacceptable (UN-documented repression), so the clear-risk test is met', async () => {
      const a = await assess(
        buildApplication({
          destination: { country: 'CN', region: 'Xinjiang' },
          parties: [
            {
              role: 'end-user',
              name: 'Kashgar City Police Department',
              country: 'CN',
              type: 'police',
            },
          ],
          items: [imsiCatcher],
          endUse: 'Public security operations',
        }),
      );
      expect(a.humanRights.risk).toBe('unacceptable');
      expect(a.recommendation.outcome).toBe('refuse');
      expect(a.recommendation.criteria.find((c) => c.id === 'uk-selc-c2')?.status).toBe('met');
    });

    it('refers the same IMSI catcher for the police elsewhere in China: the country (not the region) is assessed high, so a senior officer weighs it', async () => {
      const a = await assess(
        buildApplication({
          destination: { country: 'CN' },
          parties: [
            { role: 'end-user', name: 'Shanghai Police Bureau', country: 'CN', type: 'police' },
          ],
          items: [imsiCatcher],
        }),
      );
      expect(a.humanRights.risk).toBe('high');
      expect(a.recommendation.outcome).toBe('refer');
    });

    it('prohibits intrusion software for the intelligence service of Iran under EU law: Reg. 359/2011 Art. 1b forbids authorising monitoring equipment for the state, whatever else the risk says', async () => {
      const a = await assess(
        buildApplication({
          jurisdiction: 'EU',
          exporter: { name: 'Example GmbH', country: 'DE' },
          destination: { country: 'IR' },
          parties: [
            {
              role: 'end-user',
              name: 'Ministry of Intelligence',
              country: 'IR',
              type: 'intelligence',
            },
          ],
          items: [
            {
              description: 'Remote device exploitation and implant platform',
              controlEntries: ['4D004'],
              capabilities: ['intrusion-software'],
            },
          ],
          endUse: 'Intelligence collection',
        }),
      );
      expect(a.humanRights.risk).toBe('unacceptable');
      expect(a.recommendation.outcome).toBe('prohibited');
      expect(a.recommendation.summary).toMatch(/^Prohibited: /);
      expect(a.licence['EU']?.status).toBe('prohibited');
      expect(
        a.licence['EU']?.basis.find((b) => b.effect === 'prohibited')?.citations.map((c) => c.text),
      ).toContainEqual(expect.stringMatching(/shall not grant any authorisation/));
      expect(a.humanRights.presumptions.map((p) => p.id)).toContain(
        'intrusion-software-to-embargoed-destination',
      );
    });

    it('refuses video analytics for an end user written in Chinese script that screening matched to Hikvision on the Entity List: a human-rights listing (Xinjiang surveillance) creates a presumption of denial', async () => {
      const screener = fakePartyScreener({
        杭州海康威视数字技术股份有限公司: [
          buildPartyMatch({
            name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
            matchedName: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
            programmes: ['EL'],
            licenceRequirement: 'For all items subject to the EAR. (See § 744.11 of the EAR)',
            licenceReviewPolicy: 'Presumption of denial',
          }),
        ],
      });
      const a = await assess(
        buildApplication({
          jurisdiction: 'US',
          exporter: { name: 'Example Inc.', country: 'US' },
          destination: { country: 'CN' },
          parties: [
            {
              role: 'end-user',
              name: '杭州海康威视数字技术股份有限公司',
              country: 'CN',
              type: 'commercial',
            },
          ],
          items: [
            { description: 'Video analytics server software', capabilities: ['video-analytics'] },
          ],
          endUse: 'Product integration',
        }),
        { screener },
      );
      expect(a.parties[0]?.matches[0]?.name).toBe(
        'Hangzhou Hikvision Digital Technology Co., Ltd.',
      );
      expect(a.humanRights.presumptions.map((p) => p.id)).toContain('human-rights-listed-party');
      expect(a.humanRights.risk).toBe('unacceptable');
      expect(a.recommendation.outcome).toBe('refuse');
      expect(a.licence['US']?.required).toBe(true);
    });

    it('approves a listed interception probe for a Danish university with provisos only because the item is surveillance-capable: partner state, academic end user', async () => {
      const a = await assess(
        buildApplication({
          jurisdiction: 'NO',
          exporter: { name: 'Fjord Networks AS', country: 'NO' },
          destination: { country: 'DK' },
          parties: [
            { role: 'end-user', name: 'Aarhus Universitet', country: 'DK', type: 'academic' },
          ],
          items: [
            {
              description: 'IP network monitoring probe for a research testbed',
              controlEntries: ['5A001.j'],
              capabilities: ['ip-network-surveillance'],
            },
          ],
          endUse: 'Network security research on the university testbed',
        }),
      );
      expect(a.humanRights.risk).toBe('medium');
      expect(a.recommendation.outcome).toBe('approve-with-provisos');
    });

    it('approves (or needs no licence for) a cryptanalysis teaching kit for a Japanese university: low risk, as Japan has no adverse assessment and the end user is academic', async () => {
      const a = await assess(
        buildApplication({
          destination: { country: 'JP' },
          parties: [
            { role: 'end-user', name: 'Kyoto University', country: 'JP', type: 'academic' },
          ],
          items: [
            {
              description: 'Cryptanalysis teaching kit',
              controlEntries: ['5A004'],
              capabilities: ['cryptanalysis'],
            },
          ],
          endUse: 'Teaching cryptography',
        }),
      );
      expect(a.humanRights.risk).toBe('low');
      expect(['approve', 'no-licence-required']).toContain(a.recommendation.outcome);
    });

    it('refers location-tracking equipment sold to a reseller in a transshipment hub with no end user named: undisclosed end user, diversion risk', async () => {
      const a = await assess(
        buildApplication({
          destination: { country: 'AE' },
          parties: [
            { role: 'consignee', name: 'Gulf Tech Trading FZE', country: 'AE', type: 'commercial' },
          ],
          items: [imsiCatcher],
          endUse: 'For resale to customers in the region',
        }),
      );
      expect(a.humanRights.factors.find((f) => f.id === 'end-user')?.evidence.join(' ')).toMatch(
        /transshipment hub/,
      );
      expect(a.humanRights.risk).toBe('high');
      expect(a.recommendation.outcome).toBe('refer');
    });

    it('needs no UK licence for non-listed social-media monitoring even when the end use is to track protesters: the risk is unacceptable (CS-06), but UK law has no human-rights catch-all, and the answer says so rather than inventing one; under EU law Art. 5 can reach it', async () => {
      const a = await assess(
        buildApplication({
          destination: { country: 'BR' },
          parties: [
            { role: 'end-user', name: 'State Military Police', country: 'BR', type: 'police' },
          ],
          items: [
            {
              description: 'Social media monitoring suite',
              capabilities: ['social-media-monitoring'],
            },
          ],
          endUse: 'Identify and track protesters organising online',
        }),
      );
      expect(a.humanRights.presumptions.map((p) => p.id)).toContain('end-use-targets-people');
      expect(a.humanRights.risk).toBe('unacceptable');
      expect(a.licence['GB']?.status).toBe('not-required');
      expect(a.recommendation.outcome).toBe('no-licence-required');
      expect(a.recommendation.summary).toMatch(/no human-rights catch-all/);
      const eu = await assess(
        buildApplication({
          jurisdiction: 'EU',
          exporter: { name: 'Example GmbH', country: 'DE' },
          destination: { country: 'BR' },
          parties: [
            { role: 'end-user', name: 'State Military Police', country: 'BR', type: 'police' },
          ],
          items: [
            {
              description: 'Social media monitoring suite',
              capabilities: ['social-media-monitoring'],
            },
          ],
          endUse: 'Identify and track protesters organising online',
        }),
      );
      // EU law can reach it: Art. 5 is undetermined until the authority informs the exporter,
      // and Art. 5(1) is not "met" merely because the risk is high: nobody has informed anyone.
      expect(eu.licence['EU']?.status).toBe('undetermined');
      expect(eu.recommendation.criteria.find((c) => c.id === 'eu-art-5-1')?.status).toBe('unknown');
      expect(eu.recommendation.outcome).toBe('refuse');
    });

    it('needs no licence and keeps a low risk for office printers to the Iranian police: the context weighs little for an item with no surveillance capability', async () => {
      const a = await assess(
        buildApplication({
          destination: { country: 'IR' },
          parties: [{ role: 'end-user', name: 'Tehran Police', country: 'IR', type: 'police' }],
        }),
      );
      expect(riskIsBelowHigh(a)).toBe(true);
    });

    it('prohibits a monitoring centre for Russia under UK law: the UK interception and monitoring sanctions and the Russia dual-use prohibition apply whatever the risk score', async () => {
      const a = await assess(
        buildApplication({
          destination: { country: 'RU' },
          parties: [
            { role: 'end-user', name: 'Example Telecom', country: 'RU', type: 'telecom-operator' },
          ],
          items: [
            {
              description: 'Lawful interception monitoring centre',
              controlEntries: ['5A001.j'],
              capabilities: ['communications-interception'],
            },
          ],
        }),
      );
      expect(a.recommendation.outcome).toBe('prohibited');
      expect(a.licence['GB']?.basis.some((b) => b.effect === 'prohibited')).toBe(true);
    });

    it('counts an exporter-observed red flag (end user refuses an end-use statement, CS-09) towards the risk', async () => {
      const without = await assess(buildApplication({ items: [imsiCatcher] }));
      const withFlag = await assess(
        buildApplication({ items: [imsiCatcher], redFlags: ['CS-09'] }),
      );
      expect(withFlag.humanRights.score).toBeGreaterThan(without.humanRights.score);
    });
  });

  it('gives every factor, criterion and proviso a source and a textStatus, and never shows a paraphrase as legal text', async () => {
    const a = await assess(fixture('ip-surveillance-to-telecom'));
    for (const f of a.humanRights.factors) {
      expect(f.source.title).not.toBe('');
      expect(['verbatim', 'paraphrase', 'seed-unverified']).toContain(f.textStatus);
      for (const c of f.citations) expect(isLegalText(c)).toBe(c.textStatus === 'verbatim');
    }
    for (const c of a.recommendation.criteria) expect(c.source.title).not.toBe('');
    expect(a.recommendation.criteria.find((c) => c.id === 'uk-selc-c2')?.textStatus).toBe(
      'paraphrase',
    );
  });

  it('names every bad field at once', async () => {
    const result = await assessApplication(
      {
        application: buildApplication({
          destination: { country: 'UK' },
          parties: [
            { role: 'end-user', name: 'A' },
            { role: 'buyer', name: 'B' },
            { role: 'consignee', name: 'C', type: 'spy' },
          ],
          items: [{ description: 'x', capabilities: ['mind-reading'] }],
          redFlags: ['XX-1'],
        }),
      },
      assessmentDeps(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CORDON_VALIDATION_FAILED');
    expect(result.error.fields?.map((f) => f.field)).toEqual([
      'destination.country',
      'parties[1].role',
      'parties[2].type',
      'items[0].capabilities[0]',
      'redFlags[0]',
    ]);
  });

  it('passes --as-of through to screening and records it', async () => {
    const screener = fakePartyScreener();
    const result = await assessApplication(
      { application: buildApplication(), asOf: '2024-01-01' },
      assessmentDeps(screener),
    );
    expect(screener.calls).toEqual([{ asOf: '2024-01-01' }]);
    expect(result.ok && result.value.provenance.asOf).toBe('2024-01-01');
  });

  it("leaves officer-only factors and assessments out of an exporter's self-assessment and lists the due-diligence steps answered and missing", async () => {
    const app = buildApplication({
      destination: { country: 'AE' },
      parties: [
        {
          role: 'end-user',
          name: 'Dubai Ports Authority',
          country: 'AE',
          type: 'government-other',
        },
      ],
      items: [imsiCatcher],
      dueDiligence: { 'DD-5': 'Contract includes a human-rights clause and audit rights' },
    });
    const officer = await assess(app);
    const exporter = await assess(app, { selfAssessment: true });
    expect(officer.humanRights.factors.map((f) => f.id)).toContain('partner-denials');
    expect(exporter.humanRights.factors.map((f) => f.id)).not.toContain('partner-denials');
    expect(
      officer.humanRights.factors.find((f) => f.id === 'destination')?.severity,
    ).toBeGreaterThan(0);
    expect(exporter.humanRights.factors.find((f) => f.id === 'destination')?.severity).toBe(0);
    const checklist = new Map(exporter.dueDiligence?.map((d) => [d.step, d.status]));
    expect(checklist.get('DD-5')).toBe('answered');
    expect(checklist.get('DD-3')).toBe('answered');
    expect(checklist.get('DD-7')).toBe('missing');
    expect(officer.dueDiligence).toBeUndefined();
  });
});

describe(dryRunPolicy.name, () => {
  it('lists the applications whose outcome changes when a new policy version raises one weight', async () => {
    const current = shippedHumanRightsPolicies().current.get('GB' as never);
    if (!current) throw new Error('no GB policy');
    const v2: HumanRightsPolicy = {
      ...current,
      version: current.version + 1,
      factors: {
        ...current.factors,
        destination: { ...current.factors.destination, weight: 0.45 },
      },
    };
    const report = await dryRunPolicy(
      {
        policy: v2,
        applications: [
          { name: 'egypt.json', application: fixture('ip-surveillance-to-telecom') },
          { name: 'printers.json', application: buildApplication() },
          { name: 'norway.json', application: fixture('office-equipment-to-university') },
        ],
      },
      assessmentDeps(),
    );
    expect(report.changed).toBe(1);
    expect(report.rows.find((r) => r.name === 'egypt.json')).toMatchObject({
      status: 'changed',
      before: { outcome: 'refer', risk: 'high', policyVersion: 2 },
      after: { outcome: 'refuse', risk: 'unacceptable', policyVersion: 3 },
    });
    expect(report.rows.find((r) => r.name === 'printers.json')?.status).toBe('unchanged');
    expect(report.rows.find((r) => r.name === 'norway.json')?.status).toBe('not-assessed');
  });
});

const riskIsBelowHigh = (a: Assessment) =>
  a.humanRights.risk === 'low' || a.humanRights.risk === 'medium';

describe('country indicators the user imported', () => {
  const gb = shippedHumanRightsPolicies().current.get('GB' as never) as HumanRightsPolicy;
  const withIndicator: HumanRightsPolicy = {
    ...gb,
    version: 2,
    countryIndicators: [
      {
        id: 'vdem-civlib',
        source: 'vdem',
        indicator: 'v2x_civlib',
        higherIs: 'better',
        riskAt: { medium: 0.7, high: 0.5, unacceptable: 0.2 },
        basis: {
          text: 'Weak civil liberties point to a risk of internal repression.',
          textStatus: 'paraphrase',
          source: { title: 'Test policy', date: '2026-11-30' },
        },
      },
    ],
  };
  const vdem = {
    dataset: {
      id: 'vdem@3',
      source: 'vdem',
      version: 3,
      fileName: 'synthetic-vdem-layout.csv',
      contentHash: 'b'.repeat(64),
      year: 2023,
      indicators: ['v2x_civlib'],
      rowCount: 1,
      skippedEntities: [],
      importedAt: new Date('2026-11-30T10:00:00Z'),
      importerVersion: 'test',
    },
    rows: [{ country: 'BR' as never, year: 2023, values: { v2x_civlib: 0.4 } }],
  };
  const brazil = buildApplication({
    destination: { country: 'BR' },
    parties: [{ role: 'end-user', name: 'Policia Exemplo', country: 'BR', type: 'police' }],
  });

  it('records the dataset and version it read when the policy references an imported indicator, and the destination factor cites the value', async () => {
    let reads = 0;
    const deps = {
      ...assessmentDeps(),
      indicators: {
        currentDatasets: () => {
          reads += 1;
          return Promise.resolve([vdem]);
        },
      },
    };
    const result = await assessApplication({ application: brazil, policy: withIndicator }, deps);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.provenance.indicators).toEqual([
      {
        id: 'vdem@3',
        source: 'vdem',
        version: 3,
        contentHash: 'b'.repeat(64),
        fileName: 'synthetic-vdem-layout.csv',
        year: 2023,
      },
    ]);
    const destination = result.value.humanRights.factors.find((f) => f.id === 'destination');
    expect(destination?.evidence.join(' ')).toMatch(/v2x_civlib for BR in 2023 is 0\.4/);
    expect(destination?.severity).toBe(gb.countryRiskSeverity.high);

    const shipped = await assessApplication({ application: brazil }, deps);
    expect(shipped.ok && shipped.value.provenance.indicators).toBeUndefined();
    expect(reads).toBe(1);
  });

  it('records that no dataset was read when the policy references one that is not imported', async () => {
    const result = await assessApplication(
      { application: brazil, policy: withIndicator },
      assessmentDeps(),
    );
    expect(result.ok && result.value.provenance.indicators).toEqual([]);
  });
});
