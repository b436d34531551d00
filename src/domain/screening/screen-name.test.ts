import { beforeAll, describe, expect, it } from 'vitest';
import {
  shippedParty,
  shippedScreeningIndex,
} from '../../../test/support/shipped-screening-index.ts';
import { compareNames } from './compare-names.ts';
import { buildScreeningIndex, type ScreeningIndex } from './screening-index.ts';
import { screenName, type ScreeningQuery, type ScreeningResult } from './screen-name.ts';

// Screening against every list Cordon ships: candidates, ties and caps depend on what the lists
// hold (130 listings share "huawei"), so the behaviour under test needs the real thing. Word
// weights come from the corpus of ordinary names, never from the lists.
let index: ScreeningIndex;
beforeAll(() => {
  index = shippedScreeningIndex().index;
});

const screen = (query: ScreeningQuery | string, limit = 10): ScreeningResult =>
  screenName(index, typeof query === 'string' ? { name: query } : query, { limit });
const ids = (result: ScreeningResult): string[] => result.matches.map((m) => m.entityId);

const hikvisionEntityList = 'us-bis-entity-list:CN:hangzhou-hikvision-digital-technology-co-ltd';
const hikvisionCmic = 'us-ofac-nonsdn:30946';
const positiveSdn = 'us-ofac-sdn:31455';
const positiveEntityList = 'us-bis-entity-list:RU:aktsionernoe-obshchestvo-pozitiv-teknolodzhiz';

describe(screenName.name, () => {
  describe('across scripts', () => {
    it('says when common words scale a score down, and keeps such names from alerting', () => {
      const below = screenName(
        index,
        { name: 'Ahmad Hassan' },
        { thresholds: { review: 0.5, strong: 0.95 } },
      ).matches.find((m) => m.matchedName === 'AHMAD, Hasan');
      expect(below?.explanation.distinctiveness).toMatchObject({ minimum: 0.7 });
      expect(below?.explanation.distinctiveness?.query).toBeLessThan(0.7);
      expect(below?.explanation.summary).toMatch(/common words: query coverage x0\.\d\d/);
      expect(below?.score).toBeLessThan(0.8);
      expect(screen('Ahmad Hassan').matches).toEqual([]);
    });

    it('finds the listed Hikvision from its Chinese legal name 杭州海康威视数字技术股份有限公司', () => {
      const result = screen({ name: '杭州海康威视数字技术股份有限公司', country: 'CN' });
      expect(ids(result).slice(0, 2).sort()).toEqual([hikvisionEntityList, hikvisionCmic]);
      const top = result.matches[0];
      expect(top?.band).toBe('strong');
      expect(top?.explanation.compared.query).toEqual({
        scheme: 'translated',
        text: 'hangzhou hikvision digital technology',
      });
      expect(top?.explanation.query.segments).toContain('海康威视 trade-name hikvision');
      expect(top?.explanation.summary).toContain('translated from Chinese');
    });

    it('finds the listed "Pozitiv Teknolodzhiz" from the Cyrillic Позитив Текнолоджиз (BGN/PCGN)', () => {
      const result = screen('Позитив Текнолоджиз');
      expect(ids(result).sort()).toEqual([positiveEntityList, positiveSdn]);
      expect(result.matches.every((m) => m.band === 'strong')).toBe(true);
      expect(result.matches[0]?.explanation.compared.query.scheme).toBe('bgn-pcgn');
      // The listed legal form (Aktsionernoe Obshchestvo) is set aside, not counted as missing words.
      expect(result.matches[0]?.explanation.alignment.every((l) => l.kind === 'exact')).toBe(true);
    });

    it('finds the same listing from its Latin spelling, a misspelling, and its English alias', () => {
      expect(ids(screen('Pozitiv Teknolodzhiz'))).toContain(positiveSdn);
      const misspelt = screen('Pozitiv Teknolodzhis').matches.find(
        (m) => m.entityId === positiveSdn,
      );
      expect(misspelt?.explanation.alignment.map((l) => l.kind)).toEqual(['exact', 'fuzzy']);
      const english = screen('Positive Technologies').matches.find(
        (m) => m.entityId === positiveSdn,
      );
      expect(english?.matchedName).toBe('JSC POSITIVE TECHNOLOGIES');
    });

    it('finds listed Indian names written in Devanagari or Gurmukhi, read with their vowels (Hunterian)', () => {
      const found = (name: string, entityId: string) =>
        screen(name).matches.find((m) => m.entityId === entityId);
      // Read by any-ascii without their vowels ("akhlesh kumar"), these found nothing at all.
      const akhilesh = found('अखिलेश कुमार', 'us-ofac-sdn:27305');
      expect(akhilesh?.band).toBe('strong');
      expect(akhilesh?.explanation.compared.query).toEqual({
        scheme: 'hunterian',
        text: 'akhilesh kumar',
      });
      expect(akhilesh?.explanation.summary).toContain('(Hunterian romanisation)');
      expect(found('ਹਰਮੋਹਨ ਸਿੰਘ', 'us-ofac-sdn:21844')?.score).toBeGreaterThanOrEqual(0.8);
      // A Hunterian reading is compared on consonant skeletons as well: its vowels are its least
      // certain part (नरेंद्र "narendra" is listed as NARENDER).
      const narender = found('नरेंद्र शर्मा', 'us-bis-dpl:narender-sharma:2018-07-30');
      expect(narender?.score).toBeGreaterThanOrEqual(0.8);
      expect(narender?.explanation.compared.space).toBe('skeleton');
      // An Arabic name in Devanagari: दाऊद "daud" is a form of the listed Dawood.
      expect(found('दाऊद इब्राहिम कासकर', 'us-ofac-sdn:9758')?.score).toBeGreaterThanOrEqual(0.8);
      expect(found('दाऊद इब्राहिम', 'us-ofac-sdn:9758')?.score).toBeGreaterThanOrEqual(0.8);
      expect(found('Daud Ibrahim', 'us-ofac-sdn:9758')?.score).toBeGreaterThanOrEqual(0.8);
    });

    it('finds Kim Jong Un from Hangul and Putin from Cyrillic in "LAST, First" listings', () => {
      expect(ids(screen('김정은'))[0]).toBe('us-ofac-sdn:20157');
      const putin = screen('Путин Владимир Владимирович');
      expect(putin.matches[0]).toMatchObject({ entityId: 'us-ofac-sdn:35096', band: 'strong' });
    });
  });

  describe('false alerts', () => {
    it('does not score "CORP" (or any bare legal form) high', () => {
      for (const name of ['CORP', 'LLC', 'Co., Ltd.', 'OOO']) {
        const result = screen(name);
        expect(
          result.matches.filter((m) => m.band === 'strong'),
          name,
        ).toEqual([]);
        expect(
          result.problems.map((p) => p.kind),
          name,
        ).toContain('only-legal-form');
      }
      expect(screen('CORP').matches).toEqual([]);
    });

    it('does not match a Hindi name to whatever shares its consonants', () => {
      // On consonant skeletons alone, दिलीप राय (dlp r) met DILBAR (dlbr) at 0.92.
      expect(screen('दिलीप राय').matches).toEqual([]);
    });

    it('does not match a common first name to a company, unless that is the listed name itself', () => {
      for (const name of ['Mohammed', 'Ali', 'Ahmad Ali', 'Maria Elena']) {
        const organisations = screen(name).matches.filter((m) => m.listedKind !== 'person');
        expect(organisations, name).toEqual([]);
      }
      // A vessel listed as MARIA is found by its own name (the recall guarantee), and only so.
      const maria = screen('Maria').matches.filter((m) => m.listedKind !== 'person');
      expect(maria.length).toBeGreaterThan(0);
      for (const match of maria) {
        expect(match.matchedName.toLowerCase()).toBe('maria');
        expect(match.explanation.adjustments).toContainEqual(
          expect.objectContaining({ kind: 'exact-name' }),
        );
      }
    });

    it("does not alert on a person whose initials spell a listed acronym ('SAM', 'STS COMPANY')", () => {
      for (const name of ['Susan Amanda Mathews', 'Sharon Tamara Smith', 'Sean Kevin Thompson']) {
        const result = screen(name);
        expect(result.matches, name).toEqual([]);
      }
      // Pairwise, the initials do spell the acronym: it is screening that keeps it from alerting.
      const pairwise = compareNames('Susan Amanda Mathews', 'SAM');
      expect(pairwise.explanation.alignment.map((l) => l.kind)).toEqual(['acronym']);
      expect(pairwise.band).toBe('review');
    });

    it("does not alert on listed people whose initials spell a short acronym query ('AO AST')", () => {
      const result = screen('AKTSIONERNOE OBSHCHESTVO AST');
      // The listings named AST itself are found...
      expect(ids(result)).toContain('us-ofac-sdn:31611');
      // ...but not Aleksey Sambuyevich TSYDENOV or Anton Sergeyevich TROFIMOV through A-S-T.
      expect(ids(result)).not.toContain('us-ofac-sdn:40994');
      expect(ids(result)).not.toContain('us-ofac-sdn:43274');
      expect(
        result.matches.every((m) => m.explanation.alignment.every((l) => l.kind !== 'acronym')),
      ).toBe(true);
    });

    it('gives no alert for generic words alone, however many listings use them', () => {
      for (const name of ['Technology Co., Ltd.', 'Public Security Bureau', 'Digital Technology'])
        expect(screen(name).matches, name).toEqual([]);
    });

    it('is strong on a one-word listed name only when the query is that name, however many listings share the word', () => {
      const almaz = screen('Almaz');
      const strong = almaz.matches.filter((m) => m.band === 'strong');
      expect(strong.length).toBeGreaterThan(0);
      for (const match of strong)
        expect(match.explanation.adjustments).toContainEqual(
          expect.objectContaining({ kind: 'exact-name' }),
        );
      // Almaz-Antey and the other longer names that merely contain the word stay at review.
      const longer = almaz.matches.filter((m) => m.matchedName.toLowerCase().includes('antey'));
      for (const match of longer) expect(match.band).toBe('review');
    });
  });

  describe('partial names', () => {
    it('flags "Almaz Antey Telecom" against the Almaz-Antey concern, with the extra word shown and below 1.00', () => {
      const result = screen('Almaz Antey Telecom');
      expect(result.matches.length).toBeGreaterThan(0);
      for (const match of result.matches) {
        expect(match.name.toLowerCase()).toContain('almaz');
        // A listed name plus a generic word ("telecom") is a likely affiliate: at least review,
        // never the listed name itself.
        expect(match.score).toBeLessThan(1);
      }
      expect(result.matches[0]?.explanation.alignment).toContainEqual(
        expect.objectContaining({ query: 'telecom', listed: null, kind: 'unmatched' }),
      );
    });
  });

  describe('acronyms in parentheses and abbreviated words', () => {
    const nudt = 'us-bis-entity-list:CN:national-university-of-defense-technology-nudt';
    it('finds "National University of Defense Technology (NUDT)" by its name alone and by NUDT', () => {
      for (const query of ['National University of Defense Technology', 'NUDT']) {
        const own = screen(query).matches.find((m) => m.entityId === nudt);
        expect(own?.band, query).toBe('strong');
        expect(own?.explanation.summary, query).toContain('one of the names written in it');
      }
    });

    it('finds Entity List universities and institutes with their generic words abbreviated', () => {
      for (const [query, entityId] of [
        ['Natl Univ of Defense Tech', nudt],
        ['Beijing Inst of Tech', 'us-bis-entity-list:CN:beijing-institute-of-technology'],
        ['Harbin Inst of Tech', 'us-bis-entity-list:CN:harbin-institute-of-technology'],
        ['Sichuan Univ', 'us-bis-entity-list:CN:sichuan-university'],
      ] as const) {
        const result = screen(query);
        expect(result.matches[0]?.entityId, query).toBe(entityId);
        expect(result.matches[0]?.explanation.alignment, query).toContainEqual(
          expect.objectContaining({ similarity: 0.9 }),
        );
      }
    });

    it("reads an acronym within a name as the preceding body's, not the whole listing's", () => {
      // "Xinjiang Production and Construction Corps (XPCC) Public Security Bureau": XPCC is the
      // corps, listed on its own; the bureau is not "XPCC".
      const result = screen('XPCC');
      expect(result.matches[0]?.entityId).toBe(
        'us-bis-entity-list:CN:xinjiang-production-and-construction-corps-xpcc',
      );
      const bureau = result.matches.find((m) => m.entityId.endsWith('xpcc-public-security-bureau'));
      expect(bureau?.band).not.toBe('strong');
    });

    it('finds a listed name written with a parenthesis when the query leaves it out', () => {
      for (const [query, entityId] of [
        ['Enerquip Ltd.', 'us-bis-entity-list:AE:enerquip-ltd-uae'],
        [
          'ARITP',
          'us-bis-entity-list:RU:all-russian-scientific-research-institute-of-technical-physics-vniitf',
        ],
      ] as const) {
        const own = screen(query).matches.find((m) => m.entityId === entityId);
        expect(own?.band, query).toBe('review');
        expect(own?.explanation.adjustments, query).toContainEqual(
          expect.objectContaining({
            kind: 'containment',
            detail: expect.stringContaining('the listed name is the query with (') as unknown,
          }),
        );
      }
    });

    it('finds a numbered institute whatever way its number is written', () => {
      const fiftyFourth = 'us-bis-entity-list:CN:54th-research-institute-of-china';
      for (const query of [
        'China Electronics Technology Group Corporation 54 Research Institute',
        'China Electronics Technology Group Corporation No. 54 Research Institute',
      ])
        expect(screen(query).matches[0]?.entityId, query).toBe(fiftyFourth);
    });

    it('keeps a parenthesis that tells affiliates apart', () => {
      // "(Hong Kong)" says which Bank of China: not left out, so another one is not the same name.
      const hongKong = compareNames(
        'Bank of China (Hong Kong) Limited',
        'Bank of China (Australia) Limited',
      );
      expect(hongKong.score).toBeLessThan(0.95);
    });
  });

  describe('names cut at a message field length', () => {
    it('finds the listing a 35-character field cut from, at review, and says so', () => {
      // 'Guangzhou Hongyu Technology Co., Ltd. (a subordinate institute of CETC-7)' in a
      // SWIFT MT line of 35 characters.
      const result = screen('Guangzhou Hongyu Technology Co., Lt');
      const own = result.matches.find(
        (m) =>
          m.entityId ===
          'us-bis-entity-list:CN:guangzhou-hongyu-technology-co-ltd-a-subordinate-institute-of-cetc-7',
      );
      expect(own?.band).toBe('review');
      expect(own?.explanation.adjustments).toContainEqual(
        expect.objectContaining({
          kind: 'cut-at-field-length',
          detail: expect.stringContaining('35 characters long') as unknown,
        }),
      );
    });

    it('lifts nothing when the cut leaves only a legal form and generic words', () => {
      const result = screen('Joint Stock Company Scientific Rese');
      for (const match of result.matches)
        expect(match.explanation.adjustments.map((a) => a.kind)).not.toContain(
          'cut-at-field-length',
        );
      // One character more is not a field's length: no listing is read as cut.
      const longer = screen('Guangzhou Hongyu Technology Co., Ltd');
      for (const match of longer.matches)
        expect(match.explanation.adjustments.map((a) => a.kind)).not.toContain(
          'cut-at-field-length',
        );
    });
  });

  describe('bonuses and penalties', () => {
    it('adds a little for the listed country and takes a little off for another one', () => {
      const inChina = screen({ name: 'Hikvision', country: 'CN' }).matches[0];
      const inRussia = screen({ name: 'Hikvision', country: 'RU' }).matches[0];
      expect(inChina?.explanation.adjustments).toContainEqual(
        expect.objectContaining({ kind: 'country', delta: 0.03 }),
      );
      expect(inRussia?.explanation.adjustments).toContainEqual(
        expect.objectContaining({ kind: 'country', delta: -0.05 }),
      );
      expect(inRussia?.score).toBeLessThan(inChina?.score ?? 0);
    });

    it('takes off for a person screened against an organisation', () => {
      const match = screen({ name: 'Hikvision', kind: 'person' }).matches[0];
      expect(match?.band).toBe('review');
      expect(match?.explanation.adjustments).toContainEqual(
        expect.objectContaining({ kind: 'entity-kind', delta: -0.15 }),
      );
    });

    it('adds for an identifier that the listing carries', () => {
      const listed = shippedParty(positiveSdn).identifiers.find((i) => /tax/i.test(i.type));
      expect(listed).toBeDefined();
      const match = screen({
        name: 'Pozitiv Teknolodzhis',
        identifiers: [{ type: listed?.type ?? '', value: listed?.value ?? '' }],
      }).matches.find((m) => m.entityId === positiveSdn);
      expect(match?.explanation.adjustments).toContainEqual(
        expect.objectContaining({ kind: 'identifier', delta: 0.15 }),
      );
    });
  });

  describe('listings repeated across sources', () => {
    it('reports an OFAC listing once, naming the Consolidated Screening List copy in alsoListed', () => {
      const result = screen('Hikvision');
      const cmic = result.matches.find((m) => m.entityId === hikvisionCmic);
      expect(cmic?.alsoListed.map((a) => a.source)).toContain('us-csl');
      expect(ids(result).filter((id) => id.startsWith('us-csl:CMIC:'))).toEqual([]);
    });
  });

  describe('candidate generation', () => {
    it('scores a few dozen candidates, never the whole list', () => {
      for (const name of [
        '杭州海康威视数字技术股份有限公司',
        'Позитив Текнолоджиз',
        'Rosoboronexport',
      ])
        expect(screen(name).candidatesScored, name).toBeLessThanOrEqual(64);
    });

    it('does not let joined pairs of common words crowd out a listing with the rare word', () => {
      // Dozens of listings are "Research and Production Association ..."; "kvant" decides.
      expect(ids(screen('JSC RESEARCH AND PRODUCTION ASSOCIATION KVANT'))).toEqual(
        expect.arrayContaining([
          'us-ofac-sdn:35343',
          'us-bis-entity-list:RU:research-and-production-association-kvant',
        ]),
      );
    });

    it('finds a listed word written as two words ("Rosoboron Export" / ROSOBORONEXPORT)', () => {
      // Joined pairs of eight letters or more are looked up exactly only (see candidate-generation.ts).
      const top = screen('Rosoboron Export').matches[0];
      expect(top?.name).toMatch(/ROSOBORONE(X|KS)PORT/i);
      expect(['review', 'strong']).toContain(top?.band);
    });

    it('finds listed words one letter longer than a short query word ("yon" / "yong", "al" / "ali")', () => {
      // Candidate generation, not the score, is under test: a low review threshold shows every
      // candidate scored in full.
      const low = { review: 0.5, strong: 0.95 };
      const found = (name: string): string[] =>
        screenName(index, { name }, { thresholds: low, limit: 100 }).matches.map((m) => m.entityId);
      expect(found('CHOE, Chun Yong')).toContain('us-ofac-sdn:20124'); // CHO, Yon Chun
      expect(found("AL-SA'ADI, Mansur")).toContain('us-ofac-sdn:34954'); // SAADI, Ali
    });

    it('loses none of the matches that scoring every listed name finds', () => {
      // The Entity List alone keeps the exhaustive scan short.
      const entityList = buildScreeningIndex(
        shippedScreeningIndex().parties.filter((p) => p.source === 'us-bis-entity-list'),
      );
      for (const name of [
        '杭州海康威视数字技术股份有限公司',
        'Позитив Текнолоджиз',
        'Almaz Antey Telecom',
      ]) {
        const indexed = screenName(entityList, { name }, { limit: 5 });
        const exhaustive = screenName(entityList, { name }, { limit: 5, exhaustive: true });
        expect(exhaustive.candidatesScored).toBe(entityList.names.length);
        expect(exhaustive.matches.length, name).toBeGreaterThan(0);
        expect(ids(indexed), name).toEqual(ids(exhaustive));
      }
    }, 60_000);
  });

  describe('bad input', () => {
    it('gives no matches and the problem "empty" for an empty or symbol-only name', () => {
      for (const name of ['', '   ', '---', '🙂🙂']) {
        const result = screen(name);
        expect(result.matches, name).toEqual([]);
        expect(result.problems, name).toContainEqual({ kind: 'empty' });
      }
    });

    it('screens the first part of a 10,000-character name and says it was cut', () => {
      const result = screen(`Hikvision ${'x'.repeat(9_990)}`);
      expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'truncated' }));
      expect(result.candidatesScored).toBeLessThanOrEqual(64);
    });

    it('strips control characters and still finds the name', () => {
      const result = screen('Hik\u0000vi\u200Bsion');
      expect(ids(result)).toContain(hikvisionCmic);
      expect(result.problems).toContainEqual({ kind: 'control-characters-removed', count: 2 });
    });

    it('gives a defined result for a name in several scripts, saying which', () => {
      const result = screen('Hikvision 海康威视 Хиквижн');
      expect(result.problems).toContainEqual({
        kind: 'mixed-scripts',
        scripts: ['latin', 'han', 'cyrillic'],
      });
      expect(Array.isArray(result.matches)).toBe(true);
    });

    it('caps the number of matches at the limit asked for', () => {
      expect(screen('Almaz Antey', 2).matches).toHaveLength(2);
    });

    it('never splits a tie at the limit: every listing as strong as the last one kept comes back', () => {
      const result = screen('Intellexa S.A.', 1);
      expect(result.matches.length).toBeGreaterThan(1);
      for (const match of result.matches) expect(match.score).toBe(1);
    });
  });

  describe('the listed parties it once missed (issue 16)', () => {
    const found = (name: string, entityId: string) =>
      screen(name, 20).matches.find((m) => m.entityId === entityId);

    it('finds Huawei Technologies, typed as the Entity List writes it, strong at 1.00 however many affiliates share the word', () => {
      const match = found(
        'Huawei Technologies Co., Ltd.',
        'us-bis-entity-list:CN:huawei-technologies-co-ltd',
      );
      expect(match).toMatchObject({ band: 'strong', score: 1 });
      expect(match?.explanation.summary).toContain('identical name');
      // The bare word and the Chinese legal name find the group too.
      expect(screen('Huawei').matches.length).toBeGreaterThan(0);
      expect(
        found('华为技术有限公司', 'us-bis-entity-list:CN:huawei-technologies-co-ltd')?.band,
      ).toBe('strong');
    });

    it('finds Intellexa S.A. on the Entity List and the SDN list, strong', () => {
      expect(found('Intellexa S.A.', 'us-bis-entity-list:GR:intellexa-s-a')?.band).toBe('strong');
      expect(found('Intellexa S.A.', 'us-ofac-sdn:48059')?.band).toBe('strong');
    });

    it('finds the FSB from "Federal Security Service of the Russian Federation", saying what was extra', () => {
      const match = found(
        'Federal Security Service of the Russian Federation',
        'us-ofac-sdn:21344',
      );
      expect(match?.score).toBeGreaterThanOrEqual(0.8);
      const lines = match?.explanation.alignment ?? [];
      expect(lines.filter((l) => l.kind === 'unmatched').map((l) => l.query)).toEqual(
        expect.arrayContaining(['russian', 'federation']),
      );
    });

    it('finds the Urumqi Municipal Public Security Bureau from 乌鲁木齐市公安局', () => {
      const match = found(
        '乌鲁木齐市公安局',
        'us-bis-entity-list:CN:urumqi-municipal-public-security-bureau',
      );
      expect(match?.score).toBeGreaterThanOrEqual(0.8);
      expect(match?.explanation.query.segments).toContain('乌鲁木齐 place urumqi');
    });

    it('finds a listed company named with its place, or without its line of business', () => {
      const containmentOf = (name: string, entityId: string) =>
        found(name, entityId)?.explanation.adjustments.find((a) => a.kind === 'containment');
      // A place's name is a qualifier ("where", not "who"), in front or behind.
      for (const name of ['Shenzhen Hikvision', 'Hikvision Russia'])
        expect(found(name, hikvisionEntityList)?.score, name).toBeGreaterThanOrEqual(0.8);
      // The listed name's generic word ("Technology") may be missing from the query.
      const dahua = 'us-bis-entity-list:CN:dahua-technology';
      expect(found('Zhejiang Dahua', dahua)?.score).toBeGreaterThanOrEqual(0.8);
      expect(containmentOf('Zhejiang Dahua', dahua)?.detail).toContain(
        'extra: zhejiang; generic words of the listed name not in the query: technology',
      );
      expect(
        found('Megvii Holdings', 'us-bis-entity-list:CN:megvii-technology')?.score,
      ).toBeGreaterThanOrEqual(0.8);
      // A person's given name is no qualifier: "Blanc" of BLANC BANK with a first name is not it.
      expect(found('Tristan Blanc', 'us-ofac-sdn:45809')).toBeUndefined();
    });

    it('finds a listed person written as surname and initial', () => {
      // The initial is paired with "Ramzan" by the full score; candidate generation no longer
      // weighs it as a word the listed name lacks.
      for (const name of ['Kadyrov R.', 'R. Kadyrov'])
        expect(found(name, 'us-ofac-sdn:23343')?.score, name).toBeGreaterThanOrEqual(0.8);
    });

    it('finds Xinjiang organs whose administrative terms are written in pinyin', () => {
      const urumqi = found(
        'Wulumuqi Shi Gong-an-ju',
        'us-bis-entity-list:CN:urumqi-municipal-public-security-bureau',
      );
      expect(urumqi?.score).toBeGreaterThanOrEqual(0.8);
      expect(urumqi?.explanation.compared.query.scheme).toBe('pinyin-terms');
      expect(urumqi?.explanation.summary).toContain(
        "'wulumuqi city public security bureau' (Chinese administrative terms written in pinyin, read in English)",
      );
      const xpcc = found(
        'Xinjiang Shengchan Jianshe Bingtuan Gonganju',
        'us-bis-entity-list:CN:xinjiang-production-and-construction-corps-xpcc-public-security-bureau',
      );
      expect(xpcc?.band).toBe('strong');
    });

    it('sees through look-alike letters, right-to-left overrides and transposed letters', () => {
      const hikvision = 'us-bis-entity-list:CN:hangzhou-hikvision-digital-technology-co-ltd';
      for (const name of ['\u041dikvision', '\u0397ikvision', '\u202enoisivkih']) {
        const match = found(name, hikvision);
        expect(match?.band, name).toBe('strong');
      }
      const folded = found('\u041dikvision', hikvision);
      expect(folded?.explanation.summary).toContain("'\u041dikvision' -> 'Hikvision' (Cyrillic)");
      expect(screen('\u041dikvision').problems.map((p) => p.kind)).toContain('look-alikes-folded');
      expect(found('\u202enoisivkih', hikvision)?.explanation.summary).toContain(
        'reversed by a right-to-left override',
      );
      for (const name of ['Dahu\u0430', 'Dahau Technology'])
        expect(
          found(name, 'us-bis-entity-list:CN:dahua-technology')?.score,
          name,
        ).toBeGreaterThanOrEqual(0.8);
    });

    it('finds a party by a name its listed name embeds with "D/B/A" or a slash', () => {
      const s7 = found('S7 Airlines', 'us-bis-dpl:siberian-airlines-d-b-a-s7-airlines:2022-06-24');
      expect(s7?.band).toBe('strong');
      expect(s7?.explanation.compared.listed.scheme).toBe('alternative');
      for (const name of ['Al Kifah', 'Makhtab al-Khidamat'])
        expect(found(name, 'us-ofac-sdn:6910')?.band, name).toBe('strong');
    });

    it('finds short and alphanumeric listed names exactly', () => {
      const cases: [string, string][] = [
        [
          'CETC 43',
          'us-bis-entity-list:CN:china-electronics-technology-group-corporation-43-research-institute',
        ],
        ['AO BAZ', 'us-bis-entity-list:RU:joint-stock-company-bryansk-automobile-plant'],
        ['P-561', 'us-ofac-sdn:20544'],
        [
          '611 Research and Design Institute',
          'us-bis-entity-list:CN:chengdu-aircraft-design-and-research-institute',
        ],
      ];
      for (const [name, entityId] of cases)
        expect(found(name, entityId), name).toMatchObject({ band: 'strong', score: 1 });
    });
  });
});
