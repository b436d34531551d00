import { describe, expect, it } from 'vitest';
import { buildListedParty } from '../../../test/factories/listed-party.ts';
import { compareNames } from './compare-names.ts';
import { buildScreeningIndex, listingKeyOf, normaliseIdentifier } from './screening-index.ts';
import { bandOf, defaultThresholds } from './score-names.ts';

describe(compareNames.name, () => {
  it('scores a Cyrillic name and its BGN/PCGN spelling as the same name', () => {
    const comparison = compareNames(
      'Позитив Текнолоджиз',
      'AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ',
    );
    // As near as two names can be without being the same name as written: 1.00 is kept for that.
    expect(comparison).toMatchObject({ score: 0.99, band: 'strong', problems: [] });
    expect(comparison.explanation.compared.query.scheme).toBe('bgn-pcgn');
    expect(comparison.explanation.adjustments).toContainEqual(
      expect.objectContaining({ kind: 'not-identical' }),
    );
  });

  it('scores two spellings of one name as written 1.00, whatever case, punctuation and legal form', () => {
    const comparison = compareNames('Huawei Technologies Co., Ltd.', 'HUAWEI TECHNOLOGIES CO LTD');
    expect(comparison).toMatchObject({ score: 1, band: 'strong' });
    expect(comparison.explanation.summary).toContain('identical name');
    // A one-word name with a different legal form is another name, not the same one.
    expect(compareNames('Lia S.A.', 'LIA COMPANY').score).toBeLessThan(1);
  });

  it('matches Arabic script to a Latin listing on consonant skeletons, at review at most', () => {
    const comparison = compareNames('قاسم سليماني', 'SOLEIMANI, Qasem');
    expect(comparison.band).toBe('review');
    expect(comparison.explanation.compared.space).toBe('skeleton');
    expect(comparison.explanation.summary).toContain('on consonant skeletons');
  });

  it('reads Hangul and Greek names against their listed Latin spellings', () => {
    expect(compareNames('김정은', 'KIM, Jong Un').band).toBe('strong');
    expect(compareNames('Αλέξης Τσίπρας', 'Alexis TSIPRAS').band).toBe('strong');
  });

  it('does not let a shared family name make two people one', () => {
    expect(compareNames('Olaf Scholz', 'Octavian Scholz').band).toBeUndefined();
  });

  it('gives "CORP" nothing against a company that merely has the same legal form', () => {
    expect(compareNames('CORP', 'ACME CORP').score).toBe(0);
  });

  it('counts an extra word in the query against it, but not out of review', () => {
    const comparison = compareNames('Almaz Antey Telecom', 'Almaz-Antey');
    expect(comparison.band).toBe('review');
    expect(comparison.explanation.coverage).toEqual({ query: expect.any(Number), listed: 1 });
    expect(comparison.explanation.coverage.query).toBeLessThan(1);
  });

  it('adds a little for legal forms of the same family and takes a little off for incompatible ones', () => {
    const same = compareNames('Gazprom JSC', 'OAO Gazprom');
    const different = compareNames('Gazprom FZE', 'Gazprom GbR');
    expect(same.explanation.legalForms).toBe('same-family');
    expect(same.explanation.adjustments).toContainEqual(
      expect.objectContaining({ kind: 'legal-form', delta: 0.02 }),
    );
    expect(different.explanation.legalForms).toBe('different');
    expect(different.score).toBeLessThan(same.score);
  });

  it('scores an empty name 0 and says which side was empty', () => {
    const comparison = compareNames('', 'Hikvision');
    expect(comparison.score).toBe(0);
    expect(comparison.band).toBeUndefined();
    expect(comparison.problems).toEqual([{ kind: 'empty', side: 'a' }]);
  });

  it('explains a fuzzy pair with its similarity, credit and weight', () => {
    const comparison = compareNames('Rosoboroneksport', 'ROSOBORONEXPORT');
    const [line] = comparison.explanation.alignment;
    expect(line).toMatchObject({
      query: 'rosoboroneksport',
      listed: 'rosoboronexport',
      kind: 'fuzzy',
    });
    expect(line?.similarity).toBeGreaterThan(0.85);
    expect(line?.similarity).toBeLessThan(1);
    expect(comparison.explanation.summary).toMatch(/^0\.\d\d (strong|review): /);
  });

  it('compares a name with each name a listed name embeds ("A/K/A", a slash), saying which', () => {
    const alias = compareNames('Frank Sun', 'FUYI SUN A/K/A FRANK SUN');
    expect(alias).toMatchObject({ score: 0.99, band: 'strong' });
    expect(alias.explanation.compared.listed).toEqual({ scheme: 'alternative', text: 'frank sun' });
    expect(alias.explanation.summary).toContain(
      "one of the names written in it, with '/', 'a/k/a' or in parentheses",
    );
    expect(compareNames('Al Kifah', 'MAKHTAB AL-KHIDAMAT/AL KIFAH').band).toBe('strong');
    expect(
      compareNames('7th of Tir Industries of Esfahan', '7TH OF TIR INDUSTRIES OF ISFAHAN/ESFAHAN')
        .band,
    ).toBe('strong');
    // The whole name is still the name as written.
    expect(compareNames('FUYI SUN A/K/A FRANK SUN', 'FUYI SUN A/K/A FRANK SUN').score).toBe(1);
  });

  it('compares two names in a syllabary on their readings too, not only letter by letter', () => {
    // Ethiopic writes one syllable per letter, and several letters sound alike (ሴ/ሤ, ሬ/ረ): two
    // spellings of one name differ in whole letters but not in their romanised consonants.
    for (const [a, b] of [
      ['ተስፋዬ ገብሬ', 'ተስፋዬ ገብረ'],
      ['ኃይለ ሥላሴ', 'ኃይለ ሥላሤ'],
    ] as const)
      expect(compareNames(a, b).score, `${a} / ${b}`).toBeGreaterThanOrEqual(0.8);
    // An abjad is still compared in its own script: Hassan (حسن) is not Hussein (حسين), though
    // their consonant skeletons agree.
    const arabic = compareNames('محمد حسن', 'محمد حسين');
    expect(arabic.explanation.compared.space).toBe('latin');
    expect(arabic.explanation.compared.query.text).toBe('محمد حسن');
  });

  it('weighs words by their frequency in the lists when given an index', () => {
    const index = buildScreeningIndex([
      buildListedParty({ names: [{ value: 'HIKVISION TECHNOLOGY', type: 'primary' }] }),
      ...Array.from({ length: 40 }, (_, i) =>
        buildListedParty({ names: [{ value: `ORBITA${i} TECHNOLOGY`, type: 'primary' }] }),
      ),
    ]);
    const weighted = compareNames('Hikvision', 'HIKVISION TECHNOLOGY', { index });
    const uniform = compareNames('Hikvision', 'HIKVISION TECHNOLOGY');
    expect(weighted.score).toBeGreaterThan(uniform.score);
    const technology = weighted.explanation.alignment.find((l) => l.listed === 'technology');
    const hikvision = weighted.explanation.alignment.find((l) => l.listed === 'hikvision');
    expect(technology?.weight).toBeLessThan(hikvision?.weight ?? 0);
  });
});

describe(bandOf.name, () => {
  it('puts scores at or above each threshold in its band and nothing below review', () => {
    expect(bandOf(0.95, defaultThresholds)).toBe('strong');
    expect(bandOf(0.8, defaultThresholds)).toBe('review');
    expect(bandOf(0.799, defaultThresholds)).toBeUndefined();
  });
});

describe(buildScreeningIndex.name, () => {
  it('weighs words by their frequency in ordinary names, never by how many listings use them', () => {
    const index = buildScreeningIndex([
      buildListedParty({
        names: [{ value: 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.', type: 'primary' }],
      }),
      ...Array.from({ length: 40 }, (_, i) =>
        buildListedParty({
          names: [{ value: `NOVA${i} DIGITAL TECHNOLOGY CO., LTD.`, type: 'primary' }],
        }),
      ),
    ]);
    const weight = (token: string) => index.latin.weights[index.latin.vocabulary.get(token) ?? -1];
    // "technology" is common in company names, "hikvision" in no ordinary name...
    expect(weight('technology')).toBeLessThan(0.5);
    expect(weight('hikvision')).toBe(1);
    // ...and forty listings of "NOVA... DIGITAL TECHNOLOGY" do not make their words commoner.
    const alone = buildScreeningIndex([
      buildListedParty({
        names: [{ value: 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.', type: 'primary' }],
      }),
    ]);
    for (const token of ['technology', 'digital', 'hikvision'])
      expect(weight(token)).toBe(alone.latin.weights[alone.latin.vocabulary.get(token) ?? -1]);
    expect(index.latin.vocabulary.has('ltd')).toBe(false); // legal forms are not words of the name
  });

  it('counts a listing repeated by the CSL once, under its OFAC number', () => {
    const sdn = buildListedParty({ source: 'us-ofac-sdn', entityNumber: '31455' });
    const csl = buildListedParty({
      source: 'us-csl',
      entityNumber: '31455',
      subList: 'Specially Designated Nationals (SDN) - Treasury Department',
    });
    const entityList = buildListedParty({
      source: 'us-csl',
      entityNumber: '6d6808216ebc',
      subList: 'Entity List (EL) - Bureau of Industry and Security',
    });
    expect(listingKeyOf(sdn)).toBe('ofac:31455');
    expect(listingKeyOf(csl)).toBe('ofac:31455');
    expect(listingKeyOf(entityList)).toBe(entityList.entityId);
  });

  it('compares identifiers on letters and digits only', () => {
    expect(normaliseIdentifier('ab-123 456')).toBe('AB123456');
  });
});
