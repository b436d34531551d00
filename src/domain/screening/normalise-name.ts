import anyAscii from 'any-ascii';
import {
  applyBidiControls,
  foldConfusables,
  type BidiStep,
  type FoldedWord,
} from './confusables.ts';
import { shortLegalForms, splitLegalForms, type LegalForm } from './legal-forms.ts';

/** Limits that keep a hostile or broken input from costing more than a normal one. */
export interface NameLimits {
  /** Characters kept from the raw input (after trimming); the rest is ignored and reported. */
  readonly maxLength: number;
  /** Tokens kept after normalisation; the rest is ignored and reported. */
  readonly maxTokens: number;
}

export const defaultNameLimits: NameLimits = { maxLength: 300, maxTokens: 16 };

/** Something about an input name that the result should say. */
export type NameProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'truncated'; readonly originalLength: number; readonly keptLength: number }
  | { readonly kind: 'too-many-tokens'; readonly tokens: number; readonly kept: number }
  | { readonly kind: 'control-characters-removed'; readonly count: number }
  | { readonly kind: 'only-legal-form'; readonly legalForm: string }
  | { readonly kind: 'mixed-scripts'; readonly scripts: readonly string[] }
  /**
   * Letters of another script that look like the name's own were read as the letters they
   * imitate ("Нikvision" with a Cyrillic Н): a signal worth an officer's attention, never a
   * reason to miss a match.
   */
  | { readonly kind: 'look-alikes-folded'; readonly words: readonly FoldedWord[] }
  /** Bidirectional controls were applied as a reader sees them (a reversed run put right). */
  | { readonly kind: 'bidi-controls-applied'; readonly steps: readonly BidiStep[] };

/** A name after normalisation, before transliteration. */
export interface NormalisedName {
  /** The input as given (capped at `maxLength`). */
  readonly original: string;
  /** NFKC, control characters removed, whitespace collapsed, "LAST, First" put in order. */
  readonly cleaned: string;
  /** True when "LAST, First" was turned into "First LAST". */
  readonly reordered: boolean;
  /** Lower-case tokens of the name proper (no legal forms, honorifics or suffixes). */
  readonly tokens: readonly string[];
  readonly legalForms: readonly LegalForm[];
  /** Honorifics and generational suffixes taken out ("mr", "sheikh", "jr"). */
  readonly honorifics: readonly string[];
  readonly problems: readonly NameProblem[];
}

// Leading titles, taken out when something else remains.
const honorifics: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'sheikh',
  'shaikh',
  'sheik',
  'shaykh',
  'haji',
  'hajji',
  'hadji',
  'alhaji',
  'mullah',
  'mulla',
  'maulana',
  'mawlawi',
  'maulvi',
  'ayatollah',
  'hojatoleslam',
  'general',
  'gen',
  'colonel',
  'col',
  'lieutenant',
  'lt',
  'captain',
  'capt',
  'admiral',
  'adm',
  'brigadier',
  'commander',
  'cmdr',
  'sergeant',
  'sgt',
  'herr',
  'frau',
  'monsieur',
  'mme',
  'madame',
  'mlle',
  'senor',
  'senora',
  'sra',
  'rev',
  'reverend',
  'hon',
  'honourable',
  'honorable',
  'excellency',
  'president',
  'prasident',
  'presidente',
  'minister',
  'prince',
  'princess',
  'eng',
  'engineer',
  'ing',
  'dipl',
  'господин',
  'госпожа',
]);

// Roman numerals stay (they weigh little as series markers): "MARIA III" is a vessel, not Maria.
const suffixes: ReadonlySet<string> = new Set(['jr', 'sr', 'junior', 'senior']);

// English number words and ordinals, written as digits so that "Trust 2" meets "Trust Two".
// Word tables are Maps: a plain object would answer "constructor" or "toString" from its prototype
// and turn a word of a name into a function.
const numberWords: ReadonlyMap<string, string> = new Map(
  Object.entries({
    one: '1',
    two: '2',
    three: '3',
    four: '4',
    five: '5',
    six: '6',
    seven: '7',
    eight: '8',
    nine: '9',
    ten: '10',
    first: '1',
    second: '2',
    third: '3',
    fourth: '4',
    fifth: '5',
    sixth: '6',
    seventh: '7',
    eighth: '8',
    ninth: '9',
    tenth: '10',
    '1st': '1',
    '2nd': '2',
    '3rd': '3',
    '4th': '4',
    '5th': '5',
    '6th': '6',
    '7th': '7',
    '8th': '8',
    '9th': '9',
    '10th': '10',
  }),
);

// An English ordinal written with digits ("54th", "43rd", "2nd"): the number it is, so that
// "54th Research Institute" meets "54 Research Institute".
const digitOrdinal = /^(\d+)(?:st|nd|rd|th)$/;

// Words that only say a number follows ("No. 54", "Nr 7", "№ 3", which NFKC writes "No").
const numberSigns: ReadonlySet<string> = new Set(['no', 'nr', 'nos', 'number']);

/** Ordinals written with digits read as the number, and a sign before a number left out. */
function numbersAsDigits(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    const next = tokens[i + 1] ?? '';
    if (numberSigns.has(token) && out.length > 0 && /^\d/.test(next)) continue;
    out.push(digitOrdinal.exec(token)?.[1] ?? token);
  }
  return out;
}

// Spellings of the same Arabic particle: "ibn"/"bin" (son of), "el"/"al" (the).
const particleSpellings: ReadonlyMap<string, string> = new Map([
  ['ibn', 'bin'],
  ['el', 'al'],
  ['ul', 'al'],
]);

// Digits written for look-alike letters inside a word ("Ig0r Sech1n").
const lookAlikeDigits: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
};
const hasLetter = /\p{L}/u;
const hasDigit = /[0-9]/;

/** "ig0r" -> "igor", "sech1n" -> "sechin"; a token of digits, or starting with one, is kept. */
function readLookAlikeDigits(token: string): string {
  if (!hasDigit.test(token) || !hasLetter.test(token) || /^[0-9]/.test(token)) return token;
  return token.replace(/[0-9]/g, (d) => lookAlikeDigits[d] ?? d);
}

/** Runs of three or more single letters are an acronym: "A.B.C." -> "abc", "L.L.C." -> "llc". */
function joinAcronyms(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length >= 3) out.push(run.join(''));
    else out.push(...run);
    run = [];
  };
  for (const token of tokens) {
    if (token.length === 1 && hasLetter.test(token)) run.push(token);
    else {
      flush();
      out.push(token);
    }
  }
  flush();
  return out;
}

// Cc and Cf (format characters such as zero-width joiners and bidi marks), but not tab/newline,
// which count as spaces.
const controlCharacters =
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;
const apostrophes = /['\u2018\u2019\u02bc\u02bb\u02bf\u02be`\u00b4]/g;
const separators = /[^\p{L}\p{M}\p{N}]+/u;
const asciiSeparators = /[^a-z0-9]+/;
const printableAscii = /^[\u0020-\u007e]*$/;
const latinExtended = /[\u00c0-\u024f\u1e00-\u1eff]/;
// eslint-disable-next-line no-control-regex -- the full ASCII range, NUL included
const nonAscii = /[^\u0000-\u007f]/;

/**
 * Folds Latin letters with diacritics to ASCII (é -> e, ß -> ss, ø -> o, ł -> l) and leaves other
 * scripts alone for the transliterators.
 */
export function foldLatin(token: string): string {
  if (!nonAscii.test(token)) return token;
  let out = '';
  let previousLatin = false;
  for (const char of token) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x300 && code <= 0x36f) {
      // A combining mark: dropped after a Latin letter, kept after any other (Cyrillic й).
      if (!previousLatin) out += char;
      continue;
    }
    if (latinExtended.test(char)) {
      out += anyAscii(char).toLowerCase();
      previousLatin = true;
    } else {
      out += char;
      previousLatin = code < 0x80;
    }
  }
  return out;
}

// A word of three letters or more in lower case, then a capitalised or upper-case legal form that
// ends the word ("SiemensAG", "AcmeGmbH", "VoltaLLC").
const gluedLegalForm = /([a-z]{3,})([A-Z][A-Za-z]{1,4})(?=[^A-Za-z]|$)/g;

/** "SiemensAG" -> "Siemens AG", when the capitalised tail is a legal form. */
function splitGluedLegalForms(text: string): string {
  if (!/[a-z][A-Z]/.test(text)) return text;
  return text.replace(gluedLegalForm, (whole, name: string, tail: string) =>
    shortLegalForms.has(tail.toLowerCase()) ? `${name} ${tail}` : whole,
  );
}

// A group of two to five letters each followed by a dot, standing alone after a space.
const dottedGroup = /(?<=\s)(?:\p{L}\.){2,5}(?=[\s,;)]|$)/gu;

/**
 * A legal form written with dots after a space is one word ("Fund X L.P." -> "Fund X LP",
 * "A.B.C. L.L.C." -> "A.B.C. LLC"): otherwise its letters would be joined with the single letters
 * before them into one acronym ("xlp", "abcllc") and the legal form lost. Letters written apart
 * inside a word ("S.p.a.c.e.") are not a group standing alone and stay as they are.
 */
function closeDottedLegalForms(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(dottedGroup, (group) => {
    const letters = group.replace(/\./g, '');
    return shortLegalForms.has(letters.toLowerCase()) ? letters : group;
  });
}

/** "LAST, First" (one comma, a short name on each side, no legal form after it) -> "First LAST". */
function reorder(text: string): { text: string; reordered: boolean } {
  const comma = text.indexOf(',');
  if (comma < 0 || text.indexOf(',', comma + 1) >= 0) return { text, reordered: false };
  const last = text.slice(0, comma).trim();
  const first = text.slice(comma + 1).trim();
  if (!last || !first) return { text, reordered: false };
  const lastWords = last.split(/\s+/).length;
  const firstWords = first.split(/\s+/).length;
  if (lastWords > 4 || firstWords > 5) return { text, reordered: false };
  const firstTokens = first.toLowerCase().split(separators).filter(Boolean);
  if (splitLegalForms(['x', ...firstTokens]).legalForms.length > 0)
    return { text, reordered: false };
  return { text: `${first} ${last}`, reordered: true };
}

/**
 * Normalises a name for matching: Unicode NFKC, control and format characters removed, case
 * folded, Latin diacritics folded, punctuation turned into token breaks (apostrophes dropped:
 * O'Brien -> obrien; "&" -> and), "LAST, First" put in order, leading honorifics and trailing
 * generational suffixes taken out, English number words written as digits, and legal forms split
 * off as a separate signal. Hostile input is capped (`limits`) and every such step is reported in
 * `problems`, never thrown.
 *
 * @example
 * normaliseName('ANGLO-CARIBBEAN CO., LTD.')
 * // tokens ['anglo', 'caribbean'], legalForms [{ text: 'co ltd', family: 'limited' }]
 * normaliseName('CHEN, Quanguo').tokens // ['quanguo', 'chen']
 */
export function normaliseName(raw: string, limits: NameLimits = defaultNameLimits): NormalisedName {
  const problems: NameProblem[] = [];
  let original = raw;
  if (original.length > limits.maxLength * 4) original = original.slice(0, limits.maxLength * 4);
  // Printable ASCII (most list names) needs no Unicode normalisation.
  const ascii = printableAscii.test(original);
  let text = original;
  let controls = 0;
  if (!ascii) {
    // What a reader sees is what is screened: bidi overrides applied (a reversed run put right),
    // then compatibility forms (full-width, ligatures) unified, invisible characters removed,
    // and look-alike letters of another script read as the letters they imitate.
    const bidi = applyBidiControls(text);
    const reordered = bidi.applied.some((step) => step.kind !== 'controls-removed');
    if (reordered) problems.push({ kind: 'bidi-controls-applied', steps: bidi.applied });
    text = bidi.text.normalize('NFKC').replace(controlCharacters, () => {
      controls += 1;
      return '';
    });
    for (const step of bidi.applied) if (step.kind === 'controls-removed') controls += step.count;
    const folded = foldConfusables(text);
    if (folded.folded.length > 0) {
      problems.push({ kind: 'look-alikes-folded', words: folded.folded });
      text = folded.text;
    }
  }
  if (controls > 0) problems.push({ kind: 'control-characters-removed', count: controls });
  text = text.replace(/\s+/g, ' ').trim();
  if (text.length > limits.maxLength) {
    problems.push({ kind: 'truncated', originalLength: text.length, keptLength: limits.maxLength });
    text = text.slice(0, limits.maxLength);
  }
  if (raw.length > limits.maxLength * 4 && !problems.some((p) => p.kind === 'truncated')) {
    problems.push({ kind: 'truncated', originalLength: raw.length, keptLength: limits.maxLength });
  }
  const { text: cleaned, reordered } = reorder(splitGluedLegalForms(text));

  const lower = closeDottedLegalForms(cleaned)
    .toLowerCase()
    .replace(apostrophes, '')
    .replace(/&/g, ' and ');
  let tokens = (
    ascii
      ? lower.split(asciiSeparators)
      : lower
          .split(separators)
          .filter((t) => t.length > 0)
          .map(foldLatin)
          .flatMap((t) => t.split(separators))
  ).filter((t) => t.length > 0);

  if (tokens.length > limits.maxTokens * 2) {
    problems.push({ kind: 'too-many-tokens', tokens: tokens.length, kept: limits.maxTokens });
    tokens = tokens.slice(0, limits.maxTokens * 2);
  }

  // Letters written apart are joined first ("S.p.a.c.e." is "space", not "S.p.A." and "c e"),
  // then number words written as digits ("O n e" is "one", is "1").
  const split = splitLegalForms(
    numbersAsDigits(
      joinAcronyms(tokens).map(
        (t) => numberWords.get(t) ?? particleSpellings.get(t) ?? readLookAlikeDigits(t),
      ),
    ),
  );
  let core = [...split.tokens];
  if (split.onlyLegalForms) {
    problems.push({ kind: 'only-legal-form', legalForm: core.join(' ') });
  }

  const removed: string[] = [];
  // Titles lead people's names; an organisation's name ("General Technology Limited") keeps them.
  if (split.legalForms.length === 0)
    while (core.length > 1 && honorifics.has(core[0] ?? '')) removed.push(core.shift() ?? '');
  // Generational suffixes of people ("Jr", "III"); in an organisation's name "II" is a series.
  if (split.legalForms.length === 0) {
    for (let i = core.length - 1; i > 0 && core.length > 1; i -= 1) {
      if (suffixes.has(core[i] ?? '')) removed.push(...core.splice(i, 1));
    }
  }

  if (core.length > limits.maxTokens) {
    if (!problems.some((p) => p.kind === 'too-many-tokens'))
      problems.push({ kind: 'too-many-tokens', tokens: core.length, kept: limits.maxTokens });
    core = core.slice(0, limits.maxTokens);
  }
  if (core.length === 0) problems.push({ kind: 'empty' });

  return {
    original,
    cleaned,
    reordered,
    tokens: core,
    legalForms: split.legalForms,
    honorifics: removed,
    problems,
  };
}
