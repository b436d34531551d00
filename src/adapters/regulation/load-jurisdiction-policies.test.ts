import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedRegulation } from '../../../test/fakes/shipped-regulation.ts';
import type { JurisdictionCode } from '../../domain/policy/jurisdiction.ts';
import { renderPolicyJsonSchema, validatePolicyFile } from './jurisdiction-policy-schema.ts';
import {
  loadJurisdictionPolicies,
  parseJurisdictionPolicies,
  type PolicyFile,
} from './load-jurisdiction-policies.ts';

const policiesDir = join(import.meta.dirname, '..', '..', '..', 'data', 'policies');
const { regulation } = shippedRegulation();
const read = (path: string) =>
  JSON.parse(readFileSync(join(policiesDir, path), 'utf8')) as Record<string, unknown>;
const file = (path: string, json: unknown): PolicyFile => ({
  path,
  text: JSON.stringify(json),
  sha256: 'b'.repeat(64),
});
const shipped = (): PolicyFile[] =>
  ['US', 'GB', 'EU', 'DK', 'NL', 'FR', 'NO', 'CA', 'AU'].map((j) =>
    file(`${j}/policy-v1.json`, read(`${j}/policy-v1.json`)),
  );
const problemsOf = (files: PolicyFile[]) => {
  const r = parseJurisdictionPolicies(files, regulation);
  return r.ok ? [] : r.error;
};
/** The problems of the shipped policies with one jurisdiction's current file edited. */
const problemsOfEdited = (jurisdiction: string, edit: (doc: Record<string, unknown>) => void) => {
  const doc = read(`${jurisdiction}/policy-v2.json`);
  edit(doc);
  return problemsOf([...shipped(), file(`${jurisdiction}/policy-v2.json`, doc)]);
};

describe(loadJurisdictionPolicies.name, () => {
  it('loads the shipped policies of US, GB, the EU block and the ECHRI partners NO, DE, DK, NL, FR, CA, AU, each with an id, a version and a content hash', async () => {
    const result = await loadJurisdictionPolicies(policiesDir, regulation);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect([...result.value.current.keys()].sort()).toEqual([
      'AU',
      'CA',
      'DE',
      'DK',
      'EU',
      'FR',
      'GB',
      'NL',
      'NO',
      'US',
    ]);
    // Version 2 added the sanctions regimes where a state's own law has them; the member states
    // inherit the block's.
    const withSanctions = ['AU', 'CA', 'EU', 'GB', 'NO', 'US'];
    for (const p of result.value.current.values()) {
      const version = withSanctions.includes(p.jurisdiction) ? 2 : 1;
      expect(p.id).toBe(`cordon.${p.jurisdiction}`);
      expect(p.version).toBe(version);
      expect(p.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(p.file).toBe(`data/policies/${p.jurisdiction}/policy-v${version}.json`);
    }
  });

  it("refuses a policy that applies another authority's sanctions regime: other states' measures are evidence, never a legal basis", () => {
    const problems = problemsOfEdited('GB', (doc) => {
      const rules = (doc.controls as { rules: Record<string, unknown>[] }).rules;
      rules.push({
        id: 'gb-applies-eu-law',
        kind: 'sanctions-regimes',
        title: 'EU Russia sanctions',
        regimes: ['eu-833/2014:art-2'],
        citations: [],
      });
    });
    expect(problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining('"eu-833/2014:art-2" is EU law: GB applies only its own (UK)'),
    );
  });

  it('resolves the texts a policy cites from the shipped regulation data, so the EU Art. 5 rule quotes the regulation verbatim', async () => {
    const result = await loadJurisdictionPolicies(policiesDir, regulation);
    if (!result.ok) throw new Error('load failed');
    const art5 = result.value.current
      .get('EU')
      ?.controls.rules.find((r) => r.kind === 'cyber-surveillance-catch-all');
    expect(art5?.kind === 'cyber-surveillance-catch-all' && art5.informed).toMatchObject({
      textStatus: 'verbatim',
      source: {
        file: 'data/regulation/eu_2021_821_cyber_surveillance_extracts.json',
        pointer: '/articles/5/1',
      },
    });
  });

  it('labels what the shipped data does not support: the Norwegian, Canadian and Australian lists rest on seed-unverified texts', async () => {
    const result = await loadJurisdictionPolicies(policiesDir, regulation);
    if (!result.ok) throw new Error('load failed');
    for (const j of ['NO', 'CA', 'AU'] as const) {
      const listed = result.value.current
        .get(j as JurisdictionCode)
        ?.controls.rules.find((r) => r.kind === 'listed-items');
      expect(listed?.textStatus).toBe('seed-unverified');
    }
  });

  it('keeps every version and makes the highest one current', () => {
    const gb = read('GB/policy-v1.json');
    const result = parseJurisdictionPolicies(
      [...shipped(), file('GB/policy-v2.json', { ...gb, version: 2, name: 'GB, revised' })],
      regulation,
    );
    expect(result.ok && result.value.current.get('GB' as JurisdictionCode)?.name).toBe(
      'GB, revised',
    );
    expect(
      result.ok && result.value.all.filter((p) => p.jurisdiction === 'GB').map((p) => p.version),
    ).toEqual([1, 2]);
  });

  it('refuses a reference to a legal text the data does not hold, an unknown country, country group or list source, each at its JSON pointer', () => {
    const us = read('US/policy-v1.json') as { controls: { rules: Record<string, unknown>[] } };
    us.controls.rules[1] = {
      ...us.controls.rules[1],
      citations: [{ ref: 'hr:US-EAR-999' }],
      listSources: ['us-bis-entity-lits'],
    };
    us.controls.rules[4] = { ...us.controls.rules[4], countryGroups: ['E:9'] };
    us.controls.rules[5] = { ...us.controls.rules[5], country: 'UK' };
    const problems = problemsOf([
      ...shipped().filter((f) => !f.path.startsWith('US/')),
      file('US/policy-v1.json', us),
    ]);
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [
        '/controls/rules/1/citations/0/ref',
        'no legal text "hr:US-EAR-999" in the shipped regulation data',
      ],
      [
        '/controls/rules/1/listSources/0',
        expect.stringContaining('"us-bis-entity-lits" is not a list source Cordon knows'),
      ],
      ['/controls/rules/4/countryGroups/0', 'no EAR country group "E:9" in the shipped data'],
      [
        '/controls/rules/5/country',
        '"UK" is not an ISO 3166-1 alpha-2 country code; did you mean GB?',
      ],
    ]);
    expect(problems.every((p) => p.file === 'data/policies/US/policy-v1.json')).toBe(true);
  });

  it('refuses a member-state policy whose block policy is missing, and a memberOf EU for a non-member', () => {
    expect(problemsOf(shipped().filter((f) => !f.path.startsWith('EU/')))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'data/policies/DK/policy-v1.json', path: '/memberOf' }),
      ]),
    );
    const no = { ...read('NO/policy-v1.json'), memberOf: 'EU' };
    expect(
      problemsOf([
        ...shipped().filter((f) => !f.path.startsWith('NO/')),
        file('NO/policy-v1.json', no),
      ]),
    ).toEqual([
      expect.objectContaining({ path: '/memberOf', message: 'NO is not an EU member state' }),
    ]);
  });

  it('refuses a file whose folder or name disagrees with its jurisdiction or version', () => {
    expect(problemsOf([file('GB/policy-v2.json', read('GB/policy-v1.json'))])).toEqual([
      expect.objectContaining({ path: '/version', message: 'is 1, but the file name says v2' }),
    ]);
    expect(problemsOf([file('FR/policy-v1.json', read('GB/policy-v1.json'))])).toEqual([
      expect.objectContaining({
        path: '/jurisdiction',
        message: 'is GB, but the file sits in FR/',
      }),
    ]);
  });
});

describe(validatePolicyFile.name, () => {
  it('checks each rule against the schema of its own kind and names the field, rather than "matches no branch"', () => {
    const gb = read('GB/policy-v1.json') as { controls: { rules: Record<string, unknown>[] } };
    gb.controls.rules[0] = { ...gb.controls.rules[0], scope: 'everywhere' };
    gb.controls.rules[1] = { ...gb.controls.rules[1], kind: 'telepathy' };
    const result = validatePolicyFile('GB/policy-v1.json', gb);
    expect(result.ok ? [] : result.error.map((p) => [p.path, p.message])).toEqual([
      [
        '/controls/rules/0/scope',
        'must be one of "all-destinations", "outside-customs-union", "us-reasons-for-control"',
      ],
      [
        '/controls/rules/1/kind',
        expect.stringContaining('"telepathy" is not a rule kind; use one of listed-items'),
      ],
    ]);
  });

  it('forbids a policy file to carry verbatim law of its own: legal texts are cited by ref from the shipped data', () => {
    const gb = read('GB/policy-v1.json') as { verification: unknown[] };
    gb.verification = [
      {
        text: 'A licence is required.',
        textStatus: 'verbatim',
        source: { title: 'Me', date: '2026-11-22' },
      },
    ];
    const result = validatePolicyFile('GB/policy-v1.json', gb);
    expect(result.ok ? [] : result.error.map((p) => p.path)).toEqual([
      '/verification/0/textStatus',
    ]);
  });

  it('refuses unknown top-level sections but reserves `humanRights` for the human-rights assessment', () => {
    const gb = read('GB/policy-v1.json');
    expect(validatePolicyFile('x', { ...gb, riskWeights: {} })).toMatchObject({
      ok: false,
      error: [expect.objectContaining({ path: '/', message: 'unknown field(s) ["riskWeights"]' })],
    });
    expect(validatePolicyFile('x', { ...gb, humanRights: { riskFactors: [] } }).ok).toBe(true);
  });
});

describe(renderPolicyJsonSchema.name, () => {
  it('matches the committed data/policies/schema/jurisdiction-policy.schema.json (regenerate it from the TypeBox schema when this fails)', () => {
    expect(
      readFileSync(join(policiesDir, 'schema', 'jurisdiction-policy.schema.json'), 'utf8'),
    ).toBe(renderPolicyJsonSchema());
  });
});
