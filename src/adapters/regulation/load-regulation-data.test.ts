import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { criterionNodes } from '../../domain/classification/control-entry.ts';
import type { CitedText } from '../../domain/policy/text-provenance.ts';
import {
  loadRegulationData,
  parseRegulationData,
  regulationFileNames,
  type RegulationData,
  type RegulationFile,
} from './load-regulation-data.ts';

const dir = join(import.meta.dirname, '..', '..', '..', 'data', 'regulation');
const shippedFiles = (): RegulationFile[] =>
  Object.values(regulationFileNames).map((name) => ({
    name,
    text: readFileSync(join(dir, name), 'utf8'),
    sha256: 'a'.repeat(64),
  }));
const withFile = (name: string, edit: (json: Record<string, unknown>) => void): RegulationFile[] =>
  shippedFiles().map((f) => {
    if (f.name !== name) return f;
    const json = JSON.parse(f.text) as Record<string, unknown>;
    edit(json);
    return { ...f, text: JSON.stringify(json) };
  });
const problemsOf = (files: RegulationFile[]) => {
  const r = parseRegulationData(files);
  return r.ok ? [] : r.error;
};

/** The value at a JSON pointer of a parsed file. */
const at = (json: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], json);

function allTexts(data: RegulationData): CitedText[] {
  const texts: CitedText[] = [...data.texts.values()];
  for (const e of data.catalogue.entries) {
    texts.push(e.title, ...e.notes, ...e.exclusions.map((x) => x.text));
    for (const n of criterionNodes(e.criteria)) if (n.text) texts.push(n.text);
  }
  for (const d of data.catalogue.definitions.values())
    texts.push(d.text, ...d.notes, ...d.alternatives);
  for (const m of data.measures.monitoringMeasures) texts.push(m.licenceProvision);
  return texts;
}

describe(loadRegulationData.name, () => {
  it('loads every shipped file into typed values, each file versioned by the SHA-256 of its bytes', async () => {
    const result = await loadRegulationData(dir);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.version.map((v) => v.file)).toEqual(
      Object.values(regulationFileNames).map((n) => `data/regulation/${n}`),
    );
    expect(result.value.version.every((v) => /^[0-9a-f]{64}$/.test(v.sha256))).toBe(true);
    expect(result.value.catalogue.version.map((v) => v.file.split('/').pop())).toEqual([
      'control_entries_surveillance.json',
      'eu_2021_821_cyber_surveillance_extracts.json',
    ]);
    expect(result.value.measures.countryGroups.map((g) => g.id)).toContain('E:1');
    expect(result.value.humanRights.echri.subscribingStates).toHaveLength(25);
    expect(result.value.humanRights.entityListHumanRightsListings).toHaveLength(71);
  });

  it('shows a text as verbatim only when it is word for word in the stored official copy at the pointer it cites', async () => {
    const result = await loadRegulationData(dir);
    if (!result.ok) throw new Error('load failed');
    const raw = new Map(
      Object.values(regulationFileNames).map((n) => [
        `data/regulation/${n}`,
        JSON.parse(readFileSync(join(dir, n), 'utf8')) as unknown,
      ]),
    );
    const verbatim = allTexts(result.value).filter(
      (t) =>
        t.textStatus === 'verbatim' &&
        t.source.file?.startsWith('data/regulation/') &&
        !t.source.file.startsWith('data/regulation/sources/'),
    );
    expect(verbatim.length).toBeGreaterThan(100);
    for (const t of verbatim) {
      const value = at(raw.get(t.source.file ?? ''), t.source.pointer ?? '');
      const haystack = typeof value === 'string' ? value : JSON.stringify(value);
      expect({
        pointer: `${t.source.file ?? ''}#${t.source.pointer ?? ''}`,
        found: haystack.includes(t.text),
      }).toEqual({
        pointer: `${t.source.file ?? ''}#${t.source.pointer ?? ''}`,
        found: true,
      });
    }
  });

  it('shows a sanctions text as verbatim only when it is a substring of the stored official copy it names', async () => {
    const result = await loadRegulationData(dir);
    if (!result.ok) throw new Error('load failed');
    const fromSources = [...result.value.texts.values()].filter((t) =>
      t.source.file?.startsWith('data/regulation/sources/'),
    );
    expect(fromSources.length).toBeGreaterThanOrEqual(20);
    for (const t of fromSources) {
      const file = join(dir, '..', '..', t.source.file ?? '');
      expect({ file: t.source.file, found: readFileSync(file, 'utf8').includes(t.text) }).toEqual({
        file: t.source.file,
        found: true,
      });
      expect(t.textStatus).toBe('verbatim');
    }
    // Every text of the sanctions file that is not cut from a stored copy says what it is.
    const raw = JSON.parse(readFileSync(join(dir, 'sanctions_regimes.json'), 'utf8')) as {
      texts: { id: string; status: string; source: string }[];
      sources: Record<string, { file?: string }>;
    };
    for (const t of raw.texts) {
      const stored = raw.sources[t.source]?.file !== undefined;
      expect({ id: t.id, status: t.status }).toEqual({
        id: t.id,
        status: stored ? 'verbatim' : expect.stringMatching(/^(paraphrase|seed-unverified)$/),
      });
    }
  });

  it('quotes 15 CFR 744.11 with ellipses only: every quoted part is word for word in the stored eCFR XML', async () => {
    const result = await loadRegulationData(dir);
    if (!result.ok) throw new Error('load failed');
    const xml = readFileSync(
      join(dir, '..', 'lists', 'us_bis_entity_list', '2026-07-23', 'ecfr_title-15_part-744.xml'),
      'utf8',
    )
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ');
    const text = result.value.texts.get('hr:US-EAR-744.11')?.text ?? '';
    const parts = text.split('...').map((p) => p.trim());
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts)
      expect({ part, found: xml.includes(part) }).toEqual({ part, found: true });
  });

  it('reads the sanctions regimes with the instrument, provision and texts of each, own authority per regime', async () => {
    const result = await loadRegulationData(dir);
    if (!result.ok) throw new Error('load failed');
    const byId = new Map(result.value.measures.sanctionsRegimes.map((r) => [r.id, r]));
    expect(byId.get('eu-833/2014:art-2')).toMatchObject({
      authority: 'eu',
      countries: ['RU'],
      goods: { kind: 'control-list', list: 'eu' },
      effect: 'prohibited',
      inForce: 'in-force',
    });
    expect(byId.get('eu-833/2014:art-2')?.texts[0]?.text).toMatch(
      /^1\. It shall be prohibited to sell, supply, transfer or export, directly or indirectly, dual-use goods and technology/,
    );
    expect(byId.get('eu-833/2014:art-2')?.texts[0]?.source).toMatchObject({
      date: '2023-04-27',
      licence: expect.stringContaining('CC BY 4.0'),
    });
    expect(byId.get('us-ear:746.8')?.reviewPolicy?.kind).toBe('denial');
    expect(byId.get('eu-765/2006:art-1e')?.countries).toEqual(['BY']);
    expect(byId.get('us-ofac:560.204')?.usPersonsOnly).toBe(true);
    expect(byId.get('uk-si-2019/855:dual-use')?.texts[0]?.textStatus).toBe('seed-unverified');
  });

  it('dates the EU texts by the consolidated version they were read in (2023-05-26), and cites EUR-Lex with its licence', async () => {
    const result = await loadRegulationData(dir);
    if (!result.ok) throw new Error('load failed');
    expect(result.value.texts.get('eu-2021/821:art-5(1)')?.source).toMatchObject({
      date: '2023-05-26',
      pointer: '/articles/5/1',
      licence: expect.stringContaining('CC BY 4.0'),
    });
  });

  it('keeps the seed rows (embargoes, D and E country groups, most monitoring bans) as seed-unverified', async () => {
    const result = await loadRegulationData(dir);
    if (!result.ok) throw new Error('load failed');
    const { measures } = result.value;
    expect(measures.armsEmbargoes.every((e) => e.textStatus === 'seed-unverified')).toBe(true);
    expect(measures.countryGroups.every((g) => g.textStatus === 'seed-unverified')).toBe(true);
    expect(measures.monitoringMeasures.filter((m) => !m.verified).map((m) => m.id)).toEqual([
      'eu:SY:seed',
      'eu:MM:seed',
      'eu:BY:seed',
      'eu:RU:seed',
    ]);
  });

  it('reports a missing file by name instead of serving half the data', async () => {
    const result = await loadRegulationData(join(dir, 'nowhere'));
    expect(result).toMatchObject({
      ok: false,
      error: expect.arrayContaining([
        expect.objectContaining({
          file: 'echri_code_of_conduct.json',
          message: expect.stringContaining('cannot read'),
        }),
      ]),
    });
  });

  it('names the file and JSON pointer of every problem, all at once', () => {
    const problems = [
      ...problemsOf(
        withFile('ear_country_groups_seed.json', (j) => {
          (j['groups'] as Record<string, { members: string[] }>)['A:1']!.members[3] = 'XX';
        }),
      ),
      ...problemsOf(
        withFile('control_entries_surveillance.json', (j) => {
          const entries = j['entries'] as { regimes: Record<string, unknown>; title: unknown }[];
          entries[0]!.regimes['JP'] = { ref: '5A001.f' };
          entries[1]!.title = 42;
        }),
      ),
    ];
    expect(problems).toEqual([
      {
        file: 'ear_country_groups_seed.json',
        path: '/groups/A:1/members/3',
        message: '"XX" is not an ISO 3166-1 alpha-2 country code',
      },
      {
        file: 'control_entries_surveillance.json',
        path: '/entries/0/regimes/JP',
        message: 'unknown regime "JP"; expected one of WA, EU, UK, US',
      },
      {
        file: 'control_entries_surveillance.json',
        path: '/entries/1/title',
        message: 'expected a non-empty string, found a number',
      },
    ]);
  });

  it('refuses a file that is not JSON, naming it', () => {
    const files = shippedFiles().map((f) =>
      f.name === 'sanctions_embargoes_seed.json' ? { ...f, text: '{ "meta": ' } : f,
    );
    expect(problemsOf(files)).toEqual([
      expect.objectContaining({
        file: 'sanctions_embargoes_seed.json',
        message: expect.stringContaining('not valid JSON'),
      }),
    ]);
  });

  it('refuses to build the catalogue when the EU text an anchor points at has changed, rather than show a paraphrase as verbatim', () => {
    const problems = problemsOf(
      withFile('eu_2021_821_cyber_surveillance_extracts.json', (j) => {
        const entries = j['annex_I_entries'] as Record<string, { items: Record<string, string> }>;
        delete entries['5A001.j']!.items['2'];
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'control_entries_surveillance.json',
          path: '/entries/1 (eu)',
          message: 'EU anchor: 5A001.j has no item 2',
        }),
      ]),
    );
  });
});
