import anyAscii from 'any-ascii';
import { readChinese, type ChineseSegment } from './chinese.ts';
import { arabicWordSkeleton, latinWordSkeleton } from './consonant-skeleton.ts';
import { cyrillicStandards, romaniseCyrillic } from './cyrillic.ts';
import { hangulConventions, romaniseHangul } from './hangul.ts';
import { romaniseIndic } from './indic.ts';
import { readJapaneseName } from './japanese-names.ts';
import { splitLegalForms, type LegalForm } from './legal-forms.ts';
import { consonantalScripts, scriptRuns, type Script } from './scripts.ts';
import { readPinyinTerms } from './pinyin-terms.ts';
import { readWadeGiles } from './wade-giles.ts';

/**
 * How a form of a name was obtained: `as-written` for Latin input, and `wade-giles` for a Latin
 * name read from Wade-Giles into pinyin; a Cyrillic standard; `pinyin` or `translated` for
 * Chinese; a Hangul convention; `hunterian` for the Indic scripts of India; `any-ascii` for the
 * other scripts.
 */
export type FormScheme =
  | 'as-written'
  /** A name the written name embeds ("FRANK SUN" in "FUYI SUN A/K/A FRANK SUN"). */
  | 'alternative'
  | 'bgn-pcgn'
  | 'iso9'
  | 'passport'
  | 'popular'
  | 'french'
  | 'german'
  | 'ukrainian'
  | 'pinyin'
  | 'wade-giles'
  /** A Latin name whose Chinese administrative terms, written in pinyin, are read in English. */
  | 'pinyin-terms'
  | 'translated'
  | 'hepburn'
  | 'revised'
  | 'mccune'
  | 'northern'
  /** The Hunterian reading of a name in an Indic script (see indic.ts). */
  | 'hunterian'
  | 'any-ascii';

/** One Latin-letter reading of a name, as tokens. */
export interface NameForm {
  readonly scheme: FormScheme;
  readonly tokens: readonly string[];
  /**
   * True when the form comes from a script written without most vowels (Arabic, Hebrew, Thai,
   * Indic ...): it is then compared on consonant skeletons only.
   */
  readonly consonantal: boolean;
  /** Consonant skeletons of the tokens (always for consonantal forms; see consonant-skeleton.ts). */
  readonly skeleton: readonly string[];
}

/** Every reading of a name, plus what the transliteration learnt on the way. */
export interface Transliteration {
  readonly forms: readonly NameForm[];
  /** Legal forms found inside a non-Latin script (股份有限公司). */
  readonly legalForms: readonly LegalForm[];
  /** The scripts of the name, other than digits and punctuation. */
  readonly scripts: readonly Script[];
  /** How a Chinese name was segmented, for the explanation. */
  readonly chineseSegments?: readonly ChineseSegment[];
}

interface RunVariant {
  readonly scheme: FormScheme;
  readonly text: string;
  readonly consonantal: boolean;
  /** Skeleton text straight from the source letters (Arabic), else derived from `text`. */
  readonly skeletonText?: string;
}

const splitter = /[^a-z0-9]+/;
// eslint-disable-next-line no-control-regex -- the full ASCII range, NUL included
const asciiOnly = /^[\u0000-\u007f]*$/;

const tokenise = (text: string): string[] =>
  anyAscii(text)
    .toLowerCase()
    .split(splitter)
    .filter((t) => t.length > 0);

/**
 * Gives every Latin-letter reading of a normalised name (its tokens, lower case, legal forms
 * already out). Latin input has one form, plus its reading as pinyin when it is written in
 * Wade-Giles and its English when it spells Chinese administrative terms in pinyin; Cyrillic one
 * per standard (BGN/PCGN, ISO 9, passport, popular, French, German); Chinese its pinyin and, for
 * organisations, its English reading from the generic-term dictionary; Hangul three conventions;
 * the Indic scripts of India their Hunterian reading; Arabic and Persian one consonantal form
 * compared on skeletons; other scripts one any-ascii form. A name in several scripts combines its
 * runs, variant by variant.
 *
 * @example
 * transliterate(['позитив', 'текнолоджиз']).forms[0]
 * // { scheme: 'bgn-pcgn', tokens: ['pozitiv', 'teknolodzhiz'], consonantal: false, ... }
 */
export function transliterate(tokens: readonly string[]): Transliteration {
  const text = tokens.join(' ');
  if (asciiOnly.test(text)) {
    const latin = text.split(splitter).filter((t) => t.length > 0);
    const form = (scheme: FormScheme, words: readonly string[]): NameForm => ({
      scheme,
      tokens: words,
      consonantal: false,
      skeleton: words.map(latinWordSkeleton).filter((t) => t.length > 0),
    });
    const terms = readPinyinTerms(latin);
    return {
      // A Chinese name in Wade-Giles ("Hsi Chin-p'ing") is also read in pinyin ("xi jin ping").
      // Administrative terms spelt in pinyin ("Wulumuqi Shi Gonganju") are read in English.
      forms: [
        form('as-written', latin),
        ...readWadeGiles(latin).map((reading) => form('wade-giles', reading)),
        ...(terms !== undefined ? [form('pinyin-terms', terms)] : []),
      ],
      legalForms: [],
      scripts: latin.some((t) => /[a-z]/.test(t)) ? ['latin'] : [],
    };
  }
  const runs = scriptRuns(text);
  const scripts: Script[] = [];
  const legalForms: LegalForm[] = [];
  let chineseSegments: ChineseSegment[] | undefined;
  const runVariants: RunVariant[][] = runs.map((run) => {
    if (run.script !== 'common' && !scripts.includes(run.script)) scripts.push(run.script);
    switch (run.script) {
      case 'cyrillic': {
        const seen = new Set<string>();
        const variants: RunVariant[] = [];
        for (const standard of cyrillicStandards) {
          if (standard === 'ukrainian' && /[ыэъё]/.test(run.text)) continue;
          const romanised = romaniseCyrillic(run.text, standard);
          if (seen.has(romanised)) continue;
          seen.add(romanised);
          variants.push({ scheme: standard, text: romanised, consonantal: false });
        }
        return variants;
      }
      case 'han': {
        const reading = readChinese(run.text);
        chineseSegments = [...(chineseSegments ?? []), ...reading.segments];
        // Each phrase is nothing but a legal form, which `splitLegalForms` would keep as the name:
        // a placeholder name in front lets it take the phrase out as the legal form it is.
        for (const phrase of reading.legalForms) {
          legalForms.push(...splitLegalForms(['_', ...phrase.split(' ')]).legalForms);
        }
        const variants: RunVariant[] = [
          { scheme: 'pinyin', text: reading.pinyin, consonantal: false },
        ];
        if (reading.translated !== undefined)
          variants.push({ scheme: 'translated', text: reading.translated, consonantal: false });
        const japanese = reading.personal
          ? readJapaneseName(run.text.replace(/\s+/g, ''))
          : undefined;
        if (japanese !== undefined)
          variants.push({ scheme: 'hepburn', text: japanese, consonantal: false });
        return variants;
      }
      case 'hangul': {
        const seen = new Set<string>();
        const variants: RunVariant[] = [];
        for (const convention of hangulConventions) {
          const romanised = romaniseHangul(run.text, convention);
          if (seen.has(romanised)) continue;
          seen.add(romanised);
          variants.push({ scheme: convention, text: romanised, consonantal: false });
        }
        return variants;
      }
      case 'arabic':
        return [
          {
            scheme: 'any-ascii',
            text: anyAscii(run.text),
            consonantal: true,
            skeletonText: run.text
              .split(/[^\p{L}\p{N}]+/u)
              .map(arabicWordSkeleton)
              .join(' '),
          },
        ];
      case 'latin':
      case 'common':
        return [{ scheme: 'as-written', text: run.text, consonantal: false }];
      case 'indic': {
        // The nine scripts of India's parallel layout keep their vowels in the Hunterian reading;
        // Sinhala and Myanmar fall back to any-ascii and consonant skeletons.
        const hunterian = romaniseIndic(run.text);
        return [
          hunterian !== undefined
            ? { scheme: 'hunterian', text: hunterian, consonantal: false }
            : { scheme: 'any-ascii', text: anyAscii(run.text), consonantal: true },
        ];
      }
      case 'greek':
      case 'hebrew':
      case 'kana':
      case 'thai':
      case 'khmer':
      case 'ethiopic':
      case 'armenian':
      case 'georgian':
      case 'other':
        return [
          {
            scheme: 'any-ascii',
            text: anyAscii(run.text),
            consonantal: consonantalScripts.has(run.script),
          },
        ];
    }
  });

  const count = Math.max(1, ...runVariants.map((v) => v.length));
  const forms: NameForm[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < count; k += 1) {
    const parts = runVariants.map((variants) => variants[Math.min(k, variants.length - 1)]);
    const defined = parts.filter((p): p is RunVariant => p !== undefined);
    const formTokens = tokenise(defined.map((p) => p.text).join(' '));
    const key = formTokens.join(' ');
    if (formTokens.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const consonantal = defined.some((p) => p.consonantal);
    const skeleton = defined
      .flatMap((p) =>
        p.skeletonText !== undefined
          ? p.skeletonText.split(' ')
          : tokenise(p.text).map(latinWordSkeleton),
      )
      .filter((t) => t.length > 0);
    const scheme = defined.find((p) => p.scheme !== 'as-written')?.scheme ?? 'as-written';
    forms.push({ scheme, tokens: formTokens, consonantal, skeleton });
  }
  return {
    forms,
    legalForms,
    scripts,
    ...(chineseSegments ? { chineseSegments } : {}),
  };
}
