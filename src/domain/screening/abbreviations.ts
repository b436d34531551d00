/**
 * Abbreviated words of organisation names ("Inst" for institute, "Tech" for technology, "Natl"
 * for national, "Mfg" for manufacturing), read as ISO 4 forms abbreviations: a word is either
 * truncated (its first letters: "univ", "acad") or contracted (its first letter, some of its
 * letters in order and its last letter: "natl", "dept", "govt", "mfg"). Only the generic words of
 * organisation names (`genericOrganisationWords`, a dictionary independent of the lists) are read
 * this way: they are the words trade documents abbreviate, and a distinctive word abbreviated
 * would say too little to be matched.
 */
import { genericOrganisationWords } from './word-frequency.ts';

/** Similarity of an abbreviation to the generic word it abbreviates ("inst" / "institute"). */
export const abbreviationSimilarity = 0.9;

/** The fewest letters an abbreviation keeps ("eng", "sci", "mfg"). */
const minimumLetters = 3;

/** The fewest letters an abbreviation leaves out: "secur" is a misspelling, not "security" cut. */
const minimumLeftOut = 2;

/**
 * True when `short` abbreviates `word` by truncation or contraction (see the module comment).
 *
 * @example
 * abbreviates('inst', 'institute') // true (truncation)
 * abbreviates('natl', 'national') // true (contraction)
 * abbreviates('nal', 'national') // false (neither its start nor its last letter)
 */
export function abbreviates(short: string, word: string): boolean {
  if (short.length < minimumLetters || word.length - short.length < minimumLeftOut) return false;
  if (short.charCodeAt(0) !== word.charCodeAt(0)) return false;
  if (word.startsWith(short)) return true;
  if (short.charCodeAt(short.length - 1) !== word.charCodeAt(word.length - 1)) return false;
  // Contraction: every letter of the short form, in order, within the word.
  let at = 1;
  for (let i = 1; i < short.length; i += 1) {
    const code = short.charCodeAt(i);
    while (at < word.length && word.charCodeAt(at) !== code) at += 1;
    if (at === word.length) return false;
    at += 1;
  }
  return true;
}

const letters = /^[a-z]+$/;

const genericWords: readonly string[] = [...genericOrganisationWords];

// The generic words each token met abbreviates, remembered (names repeat their words).
const met = new Map<string, readonly string[]>();

/**
 * The generic words of organisation names that a token abbreviates ("tech" -> technology;
 * "sci" -> science, sciences), or none. A generic word itself abbreviates nothing.
 */
export function abbreviatedWords(token: string): readonly string[] {
  let words = met.get(token);
  if (words === undefined) {
    words =
      letters.test(token) && !genericOrganisationWords.has(token)
        ? genericWords.filter((word) => abbreviates(token, word))
        : [];
    if (met.size >= 50_000) met.clear();
    met.set(token, words);
  }
  return words;
}

/** True when one of two tokens abbreviates the other, a generic word of organisation names. */
export const sameWordAbbreviated = (a: string, b: string): boolean =>
  a.length < b.length ? abbreviatedWords(a).includes(b) : abbreviatedWords(b).includes(a);
