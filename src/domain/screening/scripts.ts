/**
 * Writing systems that name matching treats differently. `latin` covers ASCII and Latin with
 * diacritics; the abjads (`arabic`, `hebrew`) and the Brahmic abugidas (`indic`, `thai`,
 * `khmer`, ...) are romanised without most vowels, so they are compared on consonant skeletons,
 * except the Indic scripts of India, which indic.ts reads with their vowels.
 */
export type Script =
  | 'latin'
  | 'cyrillic'
  | 'greek'
  | 'arabic'
  | 'hebrew'
  | 'han'
  | 'hangul'
  | 'kana'
  | 'thai'
  | 'khmer'
  | 'indic'
  | 'ethiopic'
  | 'armenian'
  | 'georgian'
  | 'other'
  | 'common';

/** A maximal run of characters of one script (digits, spaces and punctuation count as `common`). */
export interface ScriptRun {
  readonly script: Script;
  readonly text: string;
}

/**
 * The script of one UTF-16 code unit, or of a code point above the BMP (CJK extensions).
 * A plain table of ranges: cheaper than a Unicode property regex per character.
 */
export function scriptOf(codePoint: number): Script {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return lower >= 0x61 && lower <= 0x7a ? 'latin' : 'common';
  }
  if (codePoint < 0x250)
    return codePoint === 0xd7 || codePoint === 0xf7 || codePoint < 0xc0 ? 'common' : 'latin';
  if (codePoint < 0x2b0) return 'latin'; // IPA extensions
  if (codePoint < 0x300) return 'common'; // spacing modifier letters (ʻ ʼ ˈ)
  if (codePoint >= 0x1e00 && codePoint <= 0x1eff) return 'latin';
  if (codePoint >= 0x300 && codePoint <= 0x36f) return 'common'; // combining marks
  if (codePoint >= 0x370 && codePoint <= 0x3ff) return 'greek';
  if (codePoint >= 0x1f00 && codePoint <= 0x1fff) return 'greek';
  if (codePoint >= 0x400 && codePoint <= 0x52f) return 'cyrillic';
  if (codePoint >= 0x530 && codePoint <= 0x58f) return 'armenian';
  if (codePoint >= 0x590 && codePoint <= 0x5ff) return 'hebrew';
  if (codePoint >= 0x600 && codePoint <= 0x6ff) return 'arabic';
  if (codePoint >= 0x750 && codePoint <= 0x77f) return 'arabic';
  if (codePoint >= 0xfb50 && codePoint <= 0xfdff) return 'arabic';
  if (codePoint >= 0xfe70 && codePoint <= 0xfeff) return 'arabic';
  if (codePoint >= 0x900 && codePoint <= 0xdff) return 'indic';
  if (codePoint >= 0xe00 && codePoint <= 0xe7f) return 'thai';
  if (codePoint >= 0xe80 && codePoint <= 0xeff) return 'thai'; // Lao behaves alike
  if (codePoint >= 0x1000 && codePoint <= 0x109f) return 'indic'; // Myanmar
  if (codePoint >= 0x10a0 && codePoint <= 0x10ff) return 'georgian';
  if (codePoint >= 0x1100 && codePoint <= 0x11ff) return 'hangul';
  if (codePoint >= 0x1200 && codePoint <= 0x139f) return 'ethiopic';
  if (codePoint >= 0x1780 && codePoint <= 0x17ff) return 'khmer';
  if (codePoint >= 0x2000 && codePoint <= 0x2bff) return 'common';
  if (codePoint >= 0x3000 && codePoint <= 0x303f) return 'common';
  if (codePoint >= 0x3040 && codePoint <= 0x30ff) return 'kana';
  if (codePoint >= 0x3130 && codePoint <= 0x318f) return 'hangul';
  if (codePoint >= 0x31f0 && codePoint <= 0x31ff) return 'kana';
  if (codePoint >= 0x3400 && codePoint <= 0x4dbf) return 'han';
  if (codePoint >= 0x4e00 && codePoint <= 0x9fff) return 'han';
  if (codePoint >= 0xac00 && codePoint <= 0xd7af) return 'hangul';
  if (codePoint >= 0xf900 && codePoint <= 0xfaff) return 'han';
  if (codePoint >= 0xff00 && codePoint <= 0xff65) return 'common';
  if (codePoint >= 0xff66 && codePoint <= 0xff9f) return 'kana';
  if (codePoint >= 0x20000 && codePoint <= 0x3134f) return 'han';
  return 'other';
}

/**
 * Splits text into runs of one script each; `common` characters (spaces, digits, punctuation)
 * join the run before them, so "ООО \"БАЙ\"" stays one Cyrillic run.
 *
 * @example
 * scriptRuns('Huawei 华为') // [{ script: 'latin', text: 'Huawei ' }, { script: 'han', text: '华为' }]
 */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let current: Script = 'common';
  let start = 0;
  let index = 0;
  for (const char of text) {
    const script = scriptOf(char.codePointAt(0) ?? 0);
    if (script !== 'common' && script !== current) {
      if (current === 'common') {
        current = script;
      } else {
        runs.push({ script: current, text: text.slice(start, index) });
        current = script;
        start = index;
      }
    }
    index += char.length;
  }
  if (index > start) runs.push({ script: current, text: text.slice(start) });
  return runs;
}

/**
 * Scripts whose usual romanisation leaves out most vowels: compare them on consonant skeletons.
 * The Indic scripts of India are read with their vowels (indic.ts); `indic` stays here for the
 * others (Sinhala, Myanmar), which any-ascii reads.
 */
export const consonantalScripts: ReadonlySet<Script> = new Set<Script>([
  'arabic',
  'hebrew',
  'thai',
  'khmer',
  'indic',
  'ethiopic',
]);

/**
 * Scripts whose letters are whole syllables (the Ethiopic fidel, Japanese kana): comparing two
 * names letter by letter in such a script counts a changed vowel ("ዮ" yo for "ይ" y) as a wholly
 * different letter, so two names in one of them are compared in their own script and on their
 * romanised readings, the better of the two. Hangul, also written in syllable blocks, is left
 * out: two Hangul names that romanise alike may still differ (김종은, 김정은).
 */
export const syllabicScripts: ReadonlySet<Script> = new Set<Script>(['ethiopic', 'kana']);
