// Romanisation of the nine Brahmic scripts of India that Unicode encodes in parallel (Devanagari,
// Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, U+0900-U+0D7F): each
// block of 128 code points keeps the layout of ISCII (IS 13194:1991), so that one letter has one
// offset in every block (क U+0915, ক U+0995, க U+0B95 are all KA at 0x15), as the Unicode
// Standard's chapter on South Asian scripts and ICU's InterIndic transliterators use it.
//
// The letters are read by the Hunterian system, India's national system of romanisation (the
// one Indian names are spelt by in passports and in the lists: Sharma, Chandra, Mukherjee), in
// its plain-letter form: retroflex and dental letters alike (ट and त both t), long and short
// vowels alike (आ and अ both a), as Cordon's normalisation folds diacritics anyway. Every
// consonant carries the vowel a unless a vowel sign or a virama follows; after the UNGEGN report
// on Hindi (Working Group on Romanization Systems, version 4.0, 2016), the a "should always be
// romanized except when it ends a name" (कानपुर Kanpur): in the scripts of northern India a
// word's last consonant drops it, unless it closes a conjunct (मिश्र Mishra, चन्द्र Chandra) or
// is the word's only syllable. Hindi, Punjabi and Gujarati also drop it inside a word between a
// vowelled syllable and a consonant with its vowel (Ohala's rule, V C _ C V, right to left:
// सरला Sarla, कासकर Kaskar, हरमोहन Harmohan). The Dravidian scripts write a word-final consonant
// with an explicit virama, so their a stays where it is written (రామ Rama).
//
// Any-ascii, which other scripts fall back to, drops the inherent vowels (हरमोहन सिंह became
// "hrmohn simh"), so Indic names could only be compared on consonant skeletons, where they missed
// their own listings ("Harmohan Singh") and met every name with the same consonants.

/** The blocks, in code point order (U+0900 + 0x80 * k). */
const blocks = [
  'devanagari',
  'bengali',
  'gurmukhi',
  'gujarati',
  'oriya',
  'tamil',
  'telugu',
  'kannada',
  'malayalam',
] as const;

type Block = (typeof blocks)[number];

/** Blocks whose words drop the inherent a of their last consonant (northern India). */
const dropsFinalVowel: ReadonlySet<Block> = new Set([
  'devanagari',
  'bengali',
  'gurmukhi',
  'gujarati',
  'oriya',
]);

/** Blocks whose words also drop it inside (Hindi, Punjabi, Gujarati: Ohala's rule). */
const dropsMedialVowel: ReadonlySet<Block> = new Set(['devanagari', 'gurmukhi', 'gujarati']);

/** Consonants by offset in the block, each with its inherent vowel taken off. */
const consonants: ReadonlyMap<number, string> = new Map([
  [0x15, 'k'],
  [0x16, 'kh'],
  [0x17, 'g'],
  [0x18, 'gh'],
  [0x19, 'n'],
  [0x1a, 'ch'],
  [0x1b, 'chh'],
  [0x1c, 'j'],
  [0x1d, 'jh'],
  [0x1e, 'n'],
  [0x1f, 't'],
  [0x20, 'th'],
  [0x21, 'd'],
  [0x22, 'dh'],
  [0x23, 'n'],
  [0x24, 't'],
  [0x25, 'th'],
  [0x26, 'd'],
  [0x27, 'dh'],
  [0x28, 'n'],
  [0x29, 'n'],
  [0x2a, 'p'],
  [0x2b, 'ph'],
  [0x2c, 'b'],
  [0x2d, 'bh'],
  [0x2e, 'm'],
  [0x2f, 'y'],
  [0x30, 'r'],
  [0x31, 'r'],
  [0x32, 'l'],
  [0x33, 'l'],
  [0x34, 'zh'],
  [0x35, 'v'],
  [0x36, 'sh'],
  [0x37, 'sh'],
  [0x38, 's'],
  [0x39, 'h'],
  // Letters with nukta, precomposed (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़, and their Bengali, Gurmukhi, Oriya
  // kin).
  [0x58, 'q'],
  [0x59, 'kh'],
  [0x5a, 'gh'],
  [0x5b, 'z'],
  [0x5c, 'r'],
  [0x5d, 'rh'],
  [0x5e, 'f'],
  [0x5f, 'y'],
]);

/** What a nukta (U+093C and kin) makes of the consonant before it: क + ़ is क़ q. */
const withNukta: ReadonlyMap<string, string> = new Map([
  ['k', 'q'],
  ['g', 'gh'],
  ['j', 'z'],
  ['d', 'r'],
  ['dh', 'rh'],
  ['ph', 'f'],
]);

/** Vowels written as letters of their own (at the start of a syllable). */
const independentVowels: ReadonlyMap<number, string> = new Map([
  [0x04, 'a'],
  [0x05, 'a'],
  [0x06, 'a'],
  [0x07, 'i'],
  [0x08, 'i'],
  [0x09, 'u'],
  [0x0a, 'u'],
  [0x0b, 'ri'],
  [0x0c, 'li'],
  [0x0d, 'e'],
  [0x0e, 'e'],
  [0x0f, 'e'],
  [0x10, 'ai'],
  [0x11, 'o'],
  [0x12, 'o'],
  [0x13, 'o'],
  [0x14, 'au'],
  [0x60, 'ri'],
  [0x61, 'li'],
]);

/** Vowel signs (matras): the vowel of the consonant they follow. */
const vowelSigns: ReadonlyMap<number, string> = new Map([
  [0x3e, 'a'],
  [0x3f, 'i'],
  [0x40, 'i'],
  [0x41, 'u'],
  [0x42, 'u'],
  [0x43, 'ri'],
  [0x44, 'ri'],
  [0x45, 'e'],
  [0x46, 'e'],
  [0x47, 'e'],
  [0x48, 'ai'],
  [0x49, 'o'],
  [0x4a, 'o'],
  [0x4b, 'o'],
  [0x4c, 'au'],
  [0x62, 'li'],
  [0x63, 'li'],
]);

const nukta = 0x3c;
const virama = 0x4d;
const candrabindu = 0x01;
const anusvara = 0x02;
const visarga = 0x03;
/** Signs that add nothing to a name's letters: avagraha, stress and length marks. */
const silent: ReadonlySet<number> = new Set([0x3d, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57]);
const labials: ReadonlySet<string> = new Set(['p', 'ph', 'b', 'bh', 'm']);

/** Letters outside the parallel layout, by code point: consonants that carry no vowel. */
const vowellessLetters: ReadonlyMap<number, string> = new Map([
  [0x09ce, 't'], // Bengali khanda ta
  [0x0d7a, 'n'], // Malayalam chillu letters
  [0x0d7b, 'n'],
  [0x0d7c, 'r'],
  [0x0d7d, 'l'],
  [0x0d7e, 'l'],
  [0x0d7f, 'k'],
]);

/** Gurmukhi tippi (U+0A70), a nasal like the anusvara. */
const tippi = 0x0a70;
/** Gurmukhi addak (U+0A71, doubles the next consonant) and the vowel bearers iri and ura. */
const gurmukhiSilent: ReadonlySet<number> = new Set([0x0a71, 0x0a72, 0x0a73]);

const first = 0x0900;
const end = 0x0d80;

/** True for a code point of the nine parallel blocks. */
export const isParallelIndic = (codePoint: number): boolean =>
  codePoint >= first && codePoint < end;

/**
 * One unit of a word: a consonant with its vowel (`inherent` when it is the unwritten a; no vowel
 * after a virama), a vowel letter, a nasal sign (anusvara, candrabindu, tippi), written n or m, or
 * a visarga (h).
 */
interface Unit {
  readonly kind: 'consonant' | 'vowel' | 'nasal' | 'other';
  letters: string;
  vowel: string;
  inherent: boolean;
  /** The consonant follows a virama: it closes a conjunct (न्द्र). */
  conjunct: boolean;
}

/** The romanised word: the inherent vowels dropped where the block's language drops them. */
function spell(units: Unit[], block: Block): string {
  const vowelled = (unit: Unit | undefined): boolean =>
    unit !== undefined &&
    (unit.kind === 'vowel' || (unit.kind === 'consonant' && unit.vowel !== ''));
  const last = units[units.length - 1];
  if (
    last?.kind === 'consonant' &&
    last.inherent &&
    !last.conjunct &&
    dropsFinalVowel.has(block) &&
    units.slice(0, -1).some(vowelled)
  )
    last.vowel = '';
  if (dropsMedialVowel.has(block)) {
    for (let i = units.length - 2; i >= 1; i -= 1) {
      const unit = units[i];
      const next = units[i + 1];
      if (
        unit?.kind === 'consonant' &&
        unit.inherent &&
        unit.vowel !== '' &&
        !unit.conjunct &&
        vowelled(units[i - 1]) &&
        next?.kind === 'consonant' &&
        !next.conjunct &&
        next.vowel !== ''
      )
        unit.vowel = '';
    }
  }
  let out = '';
  units.forEach((unit, i) => {
    if (unit.kind === 'nasal') {
      const next = units[i + 1];
      out +=
        next?.kind === 'consonant'
          ? labials.has(next.letters)
            ? 'm'
            : 'n'
          : next === undefined && !dropsFinalVowel.has(block)
            ? 'm'
            : 'n';
    } else out += unit.letters + unit.vowel;
  });
  return out;
}

/**
 * The Hunterian reading of a text in the parallel Indic scripts, in lower-case plain letters, or
 * undefined when it holds a letter outside them (Sinhala, Myanmar) or one the layout leaves
 * unassigned: the caller then falls back to any-ascii. Any other character (a space,
 * punctuation, a Latin letter, a danda) ends a word and is kept as it is (a danda as a space).
 *
 * @example
 * romaniseIndic('हरमोहन सिंह') // 'harmohan sinh'
 * romaniseIndic('नरेन्द्र मोदी') // 'narendra modi'
 */
export function romaniseIndic(text: string): string | undefined {
  let out = '';
  let units: Unit[] = [];
  let block: Block = 'devanagari';
  let afterVirama = false;
  const endWord = (): void => {
    if (units.length > 0) out += spell(units, block);
    units = [];
    afterVirama = false;
  };
  const push = (kind: Unit['kind'], letters: string, vowel: string, inherent = false): void => {
    units.push({ kind, letters, vowel, inherent, conjunct: kind === 'consonant' && afterVirama });
    afterVirama = false;
  };

  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (!isParallelIndic(code)) {
      // A letter of another Brahmic script (Sinhala, Myanmar) is not read here at all.
      if (code >= 0x0d80 && /[\p{L}\p{M}]/u.test(char)) return undefined;
      endWord();
      out += char;
      continue;
    }
    const charBlock = blocks[(code - first) >> 7] ?? 'devanagari';
    if (units.length === 0) block = charBlock;
    const offset = code & 0x7f;
    const previous = units[units.length - 1];
    const vowelless = vowellessLetters.get(code);
    const consonant = consonants.get(offset);
    const sign = vowelSigns.get(offset);
    const vowel = independentVowels.get(offset);
    if (vowelless !== undefined) push('consonant', vowelless, '');
    else if (code === tippi || offset === anusvara || offset === candrabindu) push('nasal', '', '');
    else if (gurmukhiSilent.has(code) || silent.has(offset)) continue;
    else if (consonant !== undefined) push('consonant', consonant, 'a', true);
    else if (offset === nukta) {
      const dotted = previous?.kind === 'consonant' ? withNukta.get(previous.letters) : undefined;
      if (previous !== undefined && dotted !== undefined) previous.letters = dotted;
    } else if (offset === virama) {
      if (previous?.kind === 'consonant' && previous.inherent) {
        previous.vowel = '';
        previous.inherent = false;
        afterVirama = true;
      }
    } else if (sign !== undefined) {
      if (previous?.kind === 'consonant' && previous.inherent) {
        previous.vowel = sign;
        previous.inherent = false;
      } else push('vowel', '', sign);
    } else if (vowel !== undefined) push('vowel', '', vowel);
    else if (offset === visarga) push('other', 'h', '');
    else if (offset === 0x50 && charBlock === 'devanagari') push('vowel', '', 'om');
    else if (offset === 0x64 || offset === 0x65) {
      // Danda and double danda: a sentence's end, a word's end in a name.
      endWord();
      out += ' ';
    } else if (offset >= 0x66 && offset <= 0x6f) {
      endWord();
      out += String(offset - 0x66);
    } else return undefined;
  }
  endWord();
  return out;
}
