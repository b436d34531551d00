import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  confusablesSource,
  cyrillicLookAlikes,
  greekLookAlikes,
  latinReadings,
} from './confusables-table.ts';
import { applyBidiControls, foldConfusables, latinLookAlikeReading } from './confusables.ts';

const RLO = '\u202e';
const LRO = '\u202d';
const PDF = '\u202c';
const RLE = '\u202b';
const LRI = '\u2066';
const RLI = '\u2067';
const PDI = '\u2069';

describe('the confusables table', () => {
  const reading = (letter: string): string | undefined =>
    Object.values(latinReadings).find((letters) => letter in letters)?.[letter];

  it('is derived from Unicode confusables.txt 17.0.0', () => {
    expect(confusablesSource).toMatchObject({ version: '17.0.0', date: '2025-07-22' });
  });

  it('reads the everyday Cyrillic and Greek look-alikes as Latin letters', () => {
    expect(reading('\u0430')).toBe('a'); // Cyrillic а
    expect(reading('\u041d')).toBe('H'); // Cyrillic Н
    expect(reading('\u0405')).toBe('S'); // Cyrillic Ѕ
    expect(reading('\u0391')).toBe('A'); // Greek Α
    expect(reading('\u0406')).toBe('I'); // Cyrillic І: prototype "l", but a capital
    expect(reading('\u04cf')).toBe('l'); // Cyrillic ӏ (small palochka)
  });

  it('leaves full-width and mathematical letters to NFKC', () => {
    expect(reading('\uff21')).toBeUndefined(); // FULLWIDTH LATIN CAPITAL LETTER A
    expect('\uff21'.normalize('NFKC')).toBe('A');
    expect(reading('\u{1d400}')).toBeUndefined(); // MATHEMATICAL BOLD CAPITAL A
  });

  it('has, for each Latin letter, Cyrillic and Greek look-alikes that read back as that letter', () => {
    for (const lookAlikes of [cyrillicLookAlikes, greekLookAlikes]) {
      for (const [latin, lookAlike] of Object.entries(lookAlikes)) {
        expect(reading(lookAlike), `${latin} <- ${lookAlike}`).toBe(latin);
      }
    }
    expect(cyrillicLookAlikes['o']).toBe('\u043e');
    expect(greekLookAlikes['o']).toBe('\u03bf'); // omicron, not sigma
    expect(cyrillicLookAlikes['Y']).toBe('\u0423'); // У, not Ү
  });
});

describe(applyBidiControls.name, () => {
  it('returns text without controls as it is', () => {
    const text = 'Hikvision محمد';
    expect(applyBidiControls(text)).toEqual({ text, applied: [] });
  });

  it('reverses a right-to-left override over Latin, as a reader sees it', () => {
    expect(applyBidiControls(`${RLO}noisivkih`)).toEqual({
      text: 'hikvision',
      applied: [
        { kind: 'override-reversed', text: 'noisivkih' },
        { kind: 'controls-removed', count: 1 },
      ],
    });
    expect(applyBidiControls(`${RLO}latigid noisivkih${PDF} Co`).text).toBe('hikvision digital Co');
  });

  it('reverses an unterminated override up to the end of the text', () => {
    expect(applyBidiControls(`Zhejiang ${RLO}auhad`).text).toBe('Zhejiang dahua');
  });

  it('ends an override at the end of the paragraph', () => {
    expect(applyBidiControls(`${RLO}auhad\nHikvision`).text).toBe('dahua\nHikvision');
  });

  it('ends an override at the end of the isolate that holds it', () => {
    expect(applyBidiControls(`${RLI}${RLO}auhad${PDI} Technology`).text).toBe('dahua Technology');
  });

  it('keeps an override over Arabic or Hebrew letters in logical order', () => {
    expect(applyBidiControls(`${RLO}محمد${PDF} Ali`)).toEqual({
      text: 'محمد Ali',
      applied: [
        { kind: 'override-kept', text: 'محمد' },
        { kind: 'controls-removed', count: 2 },
      ],
    });
    expect(applyBidiControls(`${RLO}שלום`).text).toBe('שלום');
  });

  it('removes left-to-right overrides, embeddings, isolates and marks', () => {
    expect(
      applyBidiControls(`${LRO}Hik${PDF}${RLE}vi${PDF}${LRI}si${PDI}o\u200en\u200f\u061c`),
    ).toEqual({ text: 'Hikvision', applied: [{ kind: 'controls-removed', count: 9 }] });
  });

  it('places a nested override as one unit inside the reversed run', () => {
    // Levels: "ab" and "ef" at 1, "cd" at 2 (left to right): shown "fe" "cd" "ba".
    expect(applyBidiControls(`${RLO}ab${LRO}cd${PDF}ef${PDF}`).text).toBe('fecdba');
    // An override inside an override is reversed twice over: the whole run reads backwards.
    expect(applyBidiControls(`${RLO}ab${RLO}cd${PDF}ef${PDF}`).text).toBe('fedcba');
  });

  it('keeps combining marks on their letter and mirrors brackets in a reversed run', () => {
    expect(applyBidiControls(`${RLO}e\u0301lle`).text).toBe('elle\u0301');
    expect(applyBidiControls(`${RLO})oc(`).text).toBe(')co(');
    expect(applyBidiControls(`${RLO}(oc)`).text).toBe('(co)');
  });

  it('ignores a stray PDF or PDI and still removes it', () => {
    expect(applyBidiControls(`Dahua${PDF}${PDI}`)).toEqual({
      text: 'Dahua',
      applied: [{ kind: 'controls-removed', count: 2 }],
    });
  });
});

describe(foldConfusables.name, () => {
  const fold = (text: string): string => foldConfusables(text).text;

  it('returns a Latin-only input as the same string, with nothing folded', () => {
    const text = 'Hangzhou Hikvision Digital Technology Co., Ltd.';
    const result = foldConfusables(text);
    expect(result.text).toBe(text);
    expect(result.folded).toEqual([]);
    expect(foldConfusables('Müller Straße GmbH').folded).toEqual([]);
  });

  it('folds a Cyrillic look-alike inside a Latin word to Latin', () => {
    expect(foldConfusables('\u041dikvision Digital')).toEqual({
      text: 'Hikvision Digital',
      folded: [
        {
          original: '\u041dikvision',
          folded: 'Hikvision',
          scripts: ['Cyrillic'],
          into: 'Latin',
          letters: [{ letter: '\u041d', script: 'Cyrillic', replacement: 'H' }],
        },
      ],
    });
    expect(fold('Dahu\u0430')).toBe('Dahua');
  });

  it('folds a Greek look-alike inside a Latin word to Latin', () => {
    expect(fold('\u0397ikvisi\u03bfn')).toBe('Hikvision');
  });

  it('folds a word of mostly Cyrillic look-alikes to Latin when a Latin letter has no Cyrillic look-alike', () => {
    expect(fold('\u0412\u0410\u0405F')).toBe('BASF');
  });

  it('folds a Latin look-alike inside a Cyrillic word to Cyrillic', () => {
    const result = foldConfusables('\u041fo\u0437\u0438\u0442\u0438\u0432');
    expect(result.text).toBe('Позитив');
    expect(result.folded[0]).toMatchObject({ scripts: ['Latin'], into: 'Cyrillic' });
    expect(fold('Москвa')).toBe('Москва');
  });

  it('reads a Cyrillic look-alike capital I as I, not as its prototype l', () => {
    expect(fold('\u0406gor Sechin')).toBe('Igor Sechin');
  });

  it('folds a whole word of Cyrillic look-alikes when the rest of the name is Latin', () => {
    expect(foldConfusables('ОАО \u041dikvision Digital').text).toBe('OAO Hikvision Digital');
    expect(fold('\u0410\u0412\u0412 Trading')).toBe('ABB Trading');
  });

  it('leaves the Cyrillic words of a name that is partly genuinely Russian', () => {
    const text = 'ООО Рога и Копыта Trading';
    expect(fold(text)).toBe(text);
  });

  it('leaves a Cyrillic word with a stray Latin letter in Cyrillic when it is mostly Cyrillic', () => {
    expect(fold('ПАО KАМАЗ')).toBe('ПАО КАМАЗ');
  });

  it('leaves a pure Cyrillic name untouched, even one of look-alike letters', () => {
    for (const text of ['Газпром', 'ООО «Газпром экспорт»', 'АВВ', 'СЕРГЕЙ']) {
      expect(foldConfusables(text)).toEqual({ text, folded: [] });
    }
  });

  it('leaves a pure Greek name untouched', () => {
    for (const text of ['Αθήνα', 'ΑΒΒ', 'Ελληνικά Πετρέλαια']) expect(fold(text)).toBe(text);
  });

  it('leaves Chinese and Arabic untouched', () => {
    for (const text of ['华为技术有限公司', 'Huawei 华为', 'محمد علي', 'Hikvision محمد']) {
      expect(foldConfusables(text)).toEqual({ text, folded: [] });
    }
  });

  it('never changes digits', () => {
    expect(fold('\u0417M 2024')).toBe('3M 2024'); // Cyrillic З reads as the digit 3
    expect(fold('Б-52 \u0406gor 7')).toBe('Б-52 Igor 7');
    expect(fold('Hikvisi\u043en \u0663\u0664')).toBe('Hikvision \u0663\u0664');
  });

  it('keeps combining marks and the text between words', () => {
    expect(fold('Sa\u0301nch\u0435z, Jos\u0435\u0301!')).toBe('Sa\u0301nchez, Jose\u0301!');
  });
});

describe(latinLookAlikeReading.name, () => {
  it('reads a name written wholly in Cyrillic look-alikes as Latin', () => {
    expect(latinLookAlikeReading('\u0410\u0412\u0412')).toBe('ABB');
    expect(latinLookAlikeReading('НІКVІЅІОN')).toBe('HIKVISION');
  });

  it('gives nothing for a genuine Russian name or for Latin text', () => {
    expect(latinLookAlikeReading('Газпром')).toBeUndefined();
    expect(latinLookAlikeReading('Hikvision')).toBeUndefined();
    expect(latinLookAlikeReading('Müller')).toBeUndefined();
  });
});

describe('folding look-alikes (properties)', () => {
  const lookAlikes = [cyrillicLookAlikes, greekLookAlikes];
  const substitutable = /[A-Za-z]/;
  /** A Latin name: words of ASCII letters and digits. */
  const latinName = fc
    .array(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), { minLength: 1, maxLength: 5 })
    .map((words) => words.join(' '));
  /** Replaces the letters at the chosen positions by a Cyrillic or Greek look-alike, if any. */
  const substitute = (name: string, choices: readonly number[]): string =>
    Array.from(name)
      .map((char, i) => {
        const choice = choices[i % choices.length] ?? 0;
        if (choice === 0 || !substitutable.test(char)) return char;
        return lookAlikes[choice - 1]?.[char] ?? char;
      })
      .join('');
  const choices = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 60 });
  const latinShare = (word: string): number => {
    const letters = Array.from(word).filter((c) => /\p{L}/u.test(c));
    return letters.filter((c) => /[A-Za-z]/.test(c)).length / Math.max(letters.length, 1);
  };

  it('folds any substitution back to the Latin name while one word keeps at least half its letters Latin', () => {
    fc.assert(
      fc.property(latinName, choices, (name, picks) => {
        const substituted = substitute(name, picks);
        const words = substituted.split(' ').filter((w) => /\p{L}/u.test(w));
        fc.pre(words.some((w) => latinShare(w) >= 0.5));
        expect(foldConfusables(substituted).text).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any substitution, even a complete one, back as the Latin name', () => {
    fc.assert(
      fc.property(latinName, choices, (name, picks) => {
        const substituted = substitute(name, picks);
        expect(latinLookAlikeReading(substituted) ?? substituted).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});
