import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListedParty } from '../../domain/lists/listed-party.ts';
import { federalRegisterCitations, parseEntityListEcfr } from './parse-entity-list-ecfr.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const xml = fs.readFileSync(
  path.join(root, 'data/lists/us_bis_entity_list/2026-07-23/ecfr_title-15_part-744.xml'),
  'utf8',
);
const named = (records: readonly ListedParty[], name: string) =>
  records.find((r) => r.names[0]?.value === name);

describe(parseEntityListEcfr.name, () => {
  const parsed = parseEntityListEcfr({ name: 'ecfr_title-15_part-744.xml', text: xml });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const { records, skipped } = parsed.value;
  const parents = records.filter((r) => r.parentEntityId === undefined);

  it('reads every row of Supplement No. 4 (about 3,400), each with a unique id', () => {
    expect(parents).toHaveLength(3_411);
    expect(skipped).toEqual([]);
    expect(new Set(records.map((r) => r.entityId)).size).toBe(records.length);
  });

  it('reads NSO Group: name, address, country, licence terms verbatim and its citation', () => {
    expect(named(records, 'NSO Group')).toMatchObject({
      entityId: 'us-bis-entity-list:IL:nso-group',
      kind: 'organisation',
      names: [{ value: 'NSO Group', type: 'primary' }],
      addresses: [
        { text: '22 Galgalei Haplada, Herzliya, Tel Aviv-Yafo, Israel 4672222', country: 'IL' },
      ],
      countries: ['IL'],
      programmes: ['EL'],
      licenceRequirement: 'All items subject to the EAR. (See § 744.11 of the EAR)',
      licenceReviewPolicy: 'Presumption of denial',
      citations: ['86 FR 60760, 11/4/21'],
      dates: [{ type: 'listed', value: '2021-11-04' }],
      entryText: 'NSO Group, 22 Galgalei Haplada, Herzliya, Tel Aviv-Yafo, Israel 4672222.',
    });
  });

  it('splits the aliases of Candiru, keeping the periods of "Ltd."', () => {
    expect(named(records, 'Candiru')?.names).toEqual([
      { value: 'Candiru', type: 'primary' },
      { value: 'Candiru Ltd.', type: 'aka' },
      { value: 'DF Associates Ltd.', type: 'aka' },
      { value: 'Grindavik Solutions Ltd.', type: 'aka' },
      { value: 'Taveta Ltd.', type: 'aka' },
      { value: 'Saito Tech Ltd.', type: 'aka' },
      { value: 'Greenwick Solutions', type: 'aka' },
      { value: 'Tabatha Ltd.', type: 'aka' },
    ]);
    expect(named(records, 'Candiru')?.addresses).toEqual([
      { text: '21 Haarbaa, Tel Aviv-Yafo, Israel 6473921', country: 'IL' },
    ]);
  });

  it('reads Hikvision with its alias and its three addresses, and the China country cell as CN', () => {
    const hikvision = named(records, 'Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(hikvision?.names).toEqual([
      { value: 'Hangzhou Hikvision Digital Technology Co., Ltd.', type: 'primary' },
      { value: 'Hikvision', type: 'aka' },
    ]);
    expect(hikvision?.addresses.map((a) => a.text)).toEqual([
      'No. 555 Qianmo Road, Binjiang District, Hangzhou 310052, China',
      '23rd Floor, Block A, Yingke Plaza, No. 217 Gaoxin Street, Gaoxin District, Urumqi, China',
      '700 Dongliu Road, Binjiang District, Hanzhou, China',
    ]);
    expect(hikvision?.citations).toEqual([
      '84 FR 54004, 10/9/19',
      '85 FR 34505, 6/5/20',
      '85 FR 44161, 7/22/20',
    ]);
    expect(hikvision?.licenceReviewPolicy).toMatch(/^Case-by-case review for ECCNs 1A004\.c/);
  });

  it('separates the names of the XUAR public security bureaus from their addresses', () => {
    const bureaus = records.filter(
      (r) => /Public Security Bureau$/.test(r.names[0]?.value ?? '') && r.countries.includes('CN'),
    );
    expect(bureaus.length).toBeGreaterThanOrEqual(19);
    expect(named(records, 'Altay Municipality Public Security Bureau')?.addresses).toEqual([
      { text: 'North West Rd., Altay City, XUAR, China', country: 'CN' },
    ]);
    expect(
      named(
        records,
        "Xinjiang Uyghur Autonomous Region (XUAR) People's Government Public Security Bureau",
      )?.addresses,
    ).toEqual([
      {
        text: '28 Qiantangjiang Rd., Shayibake District, Urumqi, XUAR, 830006, China',
        country: 'CN',
      },
    ]);
    expect(
      named(records, 'Kelamayi Municipality Public Security Bureau')?.names.map((n) => n.value),
    ).toEqual([
      'Kelamayi Municipality Public Security Bureau',
      'Karamay Municipality Public Security Bureau',
      'Qaramay Municipality Public Security Bureau',
    ]);
  });

  it('splits several addresses joined by "; and" or by ", and" after a country', () => {
    expect(
      named(records, 'Afghan-German Construction Company')?.addresses.map((a) => a.text),
    ).toEqual([
      'Golaye Park, Shari Naw, Kabul, Afghanistan',
      'Dasht Qala, Takhar Province, Afghanistan',
    ]);
    expect(named(records, 'Emal Bilal Construction Company (EBCC)')).toMatchObject({
      names: [
        { value: 'Emal Bilal Construction Company (EBCC)', type: 'primary' },
        { value: 'Imal Bilal Road Construction Company', type: 'aka' },
        { value: 'Aimal and Balal Company', type: 'aka' },
      ],
      addresses: [
        { text: 'Kolola Pushta, Charahi Gul-e-Surkh, Kabul, Afghanistan', country: 'AF' },
        { text: 'Maidan Sahr, Hetefaq Market, Paktiya, Afghanistan', country: 'AF' },
      ],
    });
  });

  it("lists Huawei's 22 affiliated entities as parties of their own, under Huawei's licence terms", () => {
    const huawei = named(records, 'Huawei Technologies Co., Ltd.');
    const affiliates = records.filter((r) => r.parentEntityId === huawei?.entityId);
    expect(affiliates).toHaveLength(22);
    expect(affiliates.map((a) => a.names[0]?.value)).toContain('Hangzhou Huawei Enterprises');
    expect(affiliates.every((a) => a.licenceRequirement === huawei?.licenceRequirement)).toBe(true);
    expect(huawei?.licenceRequirement).toBe(
      'For all items subject to the EAR, see §§ 734.9(e) ¹ and 744.11 of the EAR ²',
    );
    expect(huawei?.remarks).toMatch(
      /^¹ For this entity, “items subject to the EAR” includes foreign-produced items/,
    );
    expect(huawei?.names.map((n) => n.value)).toEqual([
      'Huawei Technologies Co., Ltd.',
      'Shenzhen Huawei Technologies',
      'Huawei Technology',
    ]);
    expect(huawei?.addresses[0]).toEqual({
      text: 'Bantian Huawei Base, Longgang District, Shenzhen, 518129, China',
      country: 'CN',
    });
  });

  it('reads aliases written inline and in parentheses', () => {
    expect(
      named(records, 'Higher Institute of Applied Science and Technology (HIAST)')?.names.map(
        (n) => n.value,
      ),
    ).toEqual([
      'Higher Institute of Applied Science and Technology (HIAST)',
      'Institut Superieur des Sciences Appliquées et de Technologie (ISSAT)',
      'Institut des Sciences Appliquées et de Technologie (ISAT)',
    ]);
    expect(named(records, 'Rosneft')?.names.map((n) => n.value)).toContain(
      'OJSC Rosneft Oil Company',
    );
  });

  it('fails a document that is not part 744, and malformed XML, naming the element or line', () => {
    const other = parseEntityListEcfr({
      name: 'x.xml',
      text: '<DIV5 N="740"><DIV9 N="Supplement No. 1 to Part 740"/></DIV5>',
    });
    expect(!other.ok && other.error.problems[0]).toMatchObject({
      element: '<DIV9 N="Supplement No. 4 to Part 744">',
      message: expect.stringMatching(/expected the eCFR XML of 15 CFR part 744/),
    });
    const truncated = parseEntityListEcfr({ name: 'x.xml', text: xml.slice(0, 200_000) });
    expect(!truncated.ok && truncated.error.problems[0]).toMatchObject({
      file: 'x.xml',
      message: expect.stringMatching(/^malformed XML/),
    });
    const broken = parseEntityListEcfr({ name: 'x.xml', text: '<DIV5>\n<TR><TD>x</TR>\n</DIV5>' });
    expect(!broken.ok && broken.error.problems[0]).toMatchObject({
      line: 2,
      element: expect.stringMatching(/^column \d+$/),
    });
  });

  it('fails a table without its five columns', () => {
    const noPolicy = xml.replace(/<TH[^>]*>License review<br\/>policy<\/TH>/, '');
    const result = parseEntityListEcfr({ name: 'x.xml', text: noPolicy });
    expect(!result.ok && result.error.problems[0]?.message).toMatch(
      /^missing column License review/,
    );
  });
});

describe(federalRegisterCitations.name, () => {
  it('lists each citation of the column, as written', () => {
    expect(federalRegisterCitations('84 FR 54004, 10/9/19.\n85 FR 34505, 6/5/20.')).toEqual([
      '84 FR 54004, 10/9/19',
      '85 FR 34505, 6/5/20',
    ]);
    expect(federalRegisterCitations('')).toEqual([]);
  });
});
