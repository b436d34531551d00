import { describe, expect, it } from 'vitest';
import { compareLegalForms, splitLegalForms } from './legal-forms.ts';
import { defaultNameLimits, foldLatin, normaliseName } from './normalise-name.ts';

// Names are as the shipped lists (data/lists) write them, unless a test is about a variant.
describe(normaliseName.name, () => {
  describe('Unicode, case and punctuation', () => {
    it('applies NFKC, so full-width letters read as ordinary ones', () => {
      expect(normaliseName('ＨＩＫＶＩＳＩＯＮ').tokens).toEqual(['hikvision']);
    });

    it('keeps words that are also names of Object.prototype members ("Constructor Bureau")', () => {
      expect(normaliseName('Constructor Bureau').tokens).toEqual(['constructor', 'bureau']);
      expect(normaliseName('ToString hasOwnProperty valueOf __proto__').tokens).toEqual([
        'tostring',
        'hasownproperty',
        'valueof',
        'proto',
      ]);
    });

    it('folds case and Latin diacritics (é, č, ß, ø) to ASCII', () => {
      expect(normaliseName('Société Générale').tokens).toEqual(['societe', 'generale']);
      expect(normaliseName('Aleksandar VUČIĆ').tokens).toEqual(['aleksandar', 'vucic']);
      expect(normaliseName('Straße Øresund').tokens).toEqual(['strasse', 'oresund']);
      expect(foldLatin('łódź')).toBe('lodz');
    });

    it('keeps the letters of other scripts for the transliterators (Cyrillic й is not folded to и)', () => {
      expect(normaliseName('Сергей Шойгу').tokens).toEqual(['сергей', 'шойгу']);
    });

    it('breaks tokens at punctuation, drops apostrophes and reads & as "and"', () => {
      expect(normaliseName('ALMAZ-ANTEY').tokens).toEqual(['almaz', 'antey']);
      expect(normaliseName("O'Brien").tokens).toEqual(['obrien']);
      expect(normaliseName('Black & Veatch').tokens).toEqual(['black', 'and', 'veatch']);
    });

    it('writes English number words as digits and reads look-alike digits inside words', () => {
      expect(normaliseName('Trust Two').tokens).toEqual(['trust', '2']);
      expect(normaliseName('Ig0r Sech1n').tokens).toEqual(['igor', 'sechin']);
      expect(normaliseName('Plant 17').tokens).toEqual(['plant', '17']);
    });

    it('reads ordinals written with digits as the number, and leaves out "No." before one', () => {
      expect(normaliseName('54th Research Institute').tokens).toEqual([
        '54',
        'research',
        'institute',
      ]);
      expect(normaliseName('Academy 43rd').tokens).toEqual(['academy', '43']);
      expect(normaliseName('CETC No. 54 Research Institute').tokens).toEqual([
        'cetc',
        '54',
        'research',
        'institute',
      ]);
      expect(normaliseName('Factory № 7').tokens).toEqual(['factory', '7']);
      // Not before a number, or first in the name, "No" is a word (a Korean surname, say).
      expect(normaliseName('No Kwang Chol').tokens).toEqual(['no', 'kwang', 'chol']);
      expect(normaliseName('Nord No Limit').tokens).toEqual(['nord', 'no', 'limit']);
      expect(normaliseName('Bath 4th').tokens).toEqual(['bath', '4']);
      expect(normaliseName('Forth Ports').tokens).toEqual(['forth', 'ports']);
    });

    it('spells the Arabic particles one way: ibn as bin, el as al', () => {
      expect(normaliseName('Abdullah ibn Zayed el Nahyan').tokens).toEqual([
        'abdullah',
        'bin',
        'zayed',
        'al',
        'nahyan',
      ]);
    });
  });

  describe('legal forms', () => {
    it.each([
      [
        'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.',
        ['hangzhou', 'hikvision', 'digital', 'technology'],
        'co ltd',
        'limited',
      ],
      [
        'LIMITED LIABILITY COMPANY POZITIVINFO',
        ['pozitivinfo'],
        'limited liability company',
        'limited-liability',
      ],
      ['OOO Sovfrakht', ['sovfrakht'], 'ooo', 'limited-liability'],
      ['ООО «Газпром экспорт»', ['газпром', 'экспорт'], 'ооо', 'limited-liability'],
      ['АО «Позитив Текнолоджиз»', ['позитив', 'текнолоджиз'], 'ао', 'joint-stock'],
      [
        'AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ',
        ['pozitiv', 'teknolodzhiz'],
        'aktsionernoe obshchestvo',
        'joint-stock',
      ],
      [
        'JOINT STOCK COMPANY AEROSPACE DEFENSE CONCERN ALMAZ-ANTEY',
        ['aerospace', 'defense', 'concern', 'almaz', 'antey'],
        'joint stock company',
        'joint-stock',
      ],
      ['Rosoboronexport GmbH', ['rosoboronexport'], 'gmbh', 'limited-liability'],
      ['Banco Nacional de Cuba S.A.', ['banco', 'nacional', 'de', 'cuba'], 'sa', 'joint-stock'],
      ['Magyar Telekom Nyrt', ['magyar', 'telekom'], 'nyrt', 'joint-stock'],
      ['Danube Logistics Zrt', ['danube', 'logistics'], 'zrt', 'joint-stock'],
      [
        'FEDERAL STATE UNITARY ENTERPRISE ROSMORPORT',
        ['rosmorport'],
        'federal state unitary enterprise',
        'state-enterprise',
      ],
    ])('takes the legal form out of %j and keeps it as a signal', (name, tokens, text, family) => {
      const normalised = normaliseName(name);
      expect(normalised.tokens).toEqual(tokens);
      expect(normalised.legalForms).toEqual([{ text, family }]);
    });

    it('takes short ambiguous forms (AS, SA, CO, AO) only at the start or the end of a name', () => {
      expect(normaliseName('AS Tallinna Vesi').legalForms).toEqual([
        { text: 'as', family: 'joint-stock' },
      ]);
      expect(normaliseName('Fly As Eagles Trading').legalForms).toEqual([]);
      expect(normaliseName('Fly As Eagles Trading').tokens).toContain('as');
    });

    it('keeps a name that is nothing but a legal form, and says so', () => {
      const corp = normaliseName('CORP');
      expect(corp.tokens).toEqual(['corp']);
      expect(corp.legalForms).toEqual([]);
      expect(corp.problems).toContainEqual({ kind: 'only-legal-form', legalForm: 'corp' });
    });

    it('compares legal forms as a weak signal: same family, compatible, different, absent', () => {
      const jsc = splitLegalForms(['gazprom', 'jsc']).legalForms;
      const oao = splitLegalForms(['oao', 'gazprom']).legalForms;
      const ltd = splitLegalForms(['gazprom', 'ltd']).legalForms;
      const fze = splitLegalForms(['gazprom', 'fze']).legalForms;
      const gbr = splitLegalForms(['gazprom', 'gbr']).legalForms;
      expect(compareLegalForms(jsc, oao)).toBe('same-family');
      expect(compareLegalForms(jsc, ltd)).toBe('compatible');
      expect(compareLegalForms(fze, gbr)).toBe('different');
      expect(compareLegalForms(jsc, [])).toBe('absent');
    });
  });

  describe('people', () => {
    it('turns "LAST, First" into "First LAST"', () => {
      const putin = normaliseName('PUTIN, Vladimir Vladimirovich');
      expect(putin.reordered).toBe(true);
      expect(putin.tokens).toEqual(['vladimir', 'vladimirovich', 'putin']);
      expect(normaliseName('CHEN, Quanguo').tokens).toEqual(['quanguo', 'chen']);
    });

    it('does not reorder around a comma that precedes a legal form', () => {
      const name = 'Almaz-Antey Air Defense Concern Main System Design Bureau, JSC';
      const normalised = normaliseName(name);
      expect(normalised.reordered).toBe(false);
      expect(normalised.tokens[0]).toBe('almaz');
      expect(normalised.legalForms).toEqual([{ text: 'jsc', family: 'joint-stock' }]);
    });

    it('does not reorder a name with several commas', () => {
      expect(normaliseName('SMITH, John, Jr.').reordered).toBe(false);
    });

    it('takes out leading honorifics and trailing generational suffixes', () => {
      expect(normaliseName('Dr. Ayman al-Zawahiri')).toMatchObject({
        tokens: ['ayman', 'al', 'zawahiri'],
        honorifics: ['dr'],
      });
      expect(normaliseName('Gen. Qasem Soleimani').tokens).toEqual(['qasem', 'soleimani']);
      expect(normaliseName('Shaikh Mohammed bin Rashid').tokens).toEqual([
        'mohammed',
        'bin',
        'rashid',
      ]);
      expect(normaliseName('Mr. John SMITH Jr.')).toMatchObject({
        tokens: ['john', 'smith'],
        honorifics: ['mr', 'jr'],
      });
    });

    it('keeps an honorific that is the whole name', () => {
      expect(normaliseName('General').tokens).toEqual(['general']);
    });

    it('keeps "II" in an organisation name, where it is a series, not a generation', () => {
      expect(normaliseName('Ocean Carrier II Ltd').tokens).toEqual(['ocean', 'carrier', 'ii']);
    });

    it('joins a run of three or more initials into one acronym and keeps shorter runs as initials', () => {
      expect(normaliseName('A.B.C. Tactical Missiles').tokens[0]).toBe('abc');
      // Joined letters that spell a legal form are that legal form.
      const jsc = normaliseName('J.S.C. Tactical Missiles');
      expect(jsc.tokens).toEqual(['tactical', 'missiles']);
      expect(jsc.legalForms.map((f) => f.text)).toEqual(['jsc']);
      expect(normaliseName('A.A. Raspletin').tokens).toEqual(['a', 'a', 'raspletin']);
    });

    it('keeps a dotted legal form after a space apart from the single letters before it', () => {
      // Not "fund xlp" nor "abcllc": the fund's series and the legal form stay what they are.
      const fund = normaliseName('Summit Growth Fund V L.P.');
      expect(fund.tokens).toEqual(['summit', 'growth', 'fund', 'v']);
      expect(fund.legalForms.map((f) => f.text)).toEqual(['lp']);
      const abc = normaliseName('A.B.C. L.L.C.');
      expect(abc.tokens).toEqual(['abc']);
      expect(abc.legalForms.map((f) => f.text)).toEqual(['llc']);
      expect(normaliseName('Nordic A S.A.').tokens).toEqual(['nordic', 'a']);
      // Letters written apart inside a word, or dotted initials that spell no legal form, stay.
      expect(normaliseName('S.p.a.c.e. Industries').tokens).toEqual(['space', 'industries']);
      expect(normaliseName('John F.K. Smith').tokens).toEqual(['john', 'f', 'k', 'smith']);
    });
  });

  describe('bad input', () => {
    it('reports an empty or blank name as empty', () => {
      expect(normaliseName('').problems).toEqual([{ kind: 'empty' }]);
      expect(normaliseName(' \t\n ').tokens).toEqual([]);
      expect(normaliseName('--- ... ---').problems).toEqual([{ kind: 'empty' }]);
    });

    it('removes control and invisible characters and counts them', () => {
      const name = normaliseName('Hik\u0000vi\u200Bsion\u202E');
      expect(name.tokens).toEqual(['hikvision']);
      expect(name.problems).toEqual([{ kind: 'control-characters-removed', count: 3 }]);
    });

    it('cuts a name of 10,000 characters to the limit and says so', () => {
      const name = normaliseName(`Hikvision ${'a'.repeat(9_990)}`);
      expect(name.original.length).toBeLessThanOrEqual(defaultNameLimits.maxLength * 4);
      expect(name.tokens[0]).toBe('hikvision');
      expect(name.problems).toContainEqual(
        expect.objectContaining({ kind: 'truncated', keptLength: defaultNameLimits.maxLength }),
      );
    });

    it('keeps at most the token limit of a name made of many words', () => {
      const name = normaliseName(Array.from({ length: 200 }, (_, i) => `w${i}x`).join(' '));
      expect(name.tokens).toHaveLength(defaultNameLimits.maxTokens);
      expect(name.problems.map((p) => p.kind)).toContain('too-many-tokens');
    });
  });
});
