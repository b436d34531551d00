// The other names one written name embeds: "FUYI SUN A/K/A FRANK SUN", "Al-Qa'ida/Islamic Army".
import { countryCodeOf } from '../lists/country-codes.ts';

/**
 * Words inside one written name that introduce another name of the same party: "also known as",
 * "formerly known as", "doing business as" and "trading as", spelt out or abbreviated the way
 * sanctions lists and company registers write them ("a/k/a", "a.k.a.", "f/k/a", "d/b/a", "t/a").
 * The bare "aka" and "dba" are left alone: they are also words of names.
 */
const aliasMarker =
  /\s+(?:a\/k\/a|a\.k\.a\.?|f\/k\/a|f\.k\.a\.?|d\/b\/a|d\.b\.a\.?|t\/a|also known as|formerly known as|doing business as|trading as)\s+/iu;

// A slash between two words of two letters or more, one of them three or more ("PARTY/FRONT",
// "KHIDAMAT/AL KIFAH", "Al-Qa'ida / Islamic Army"), not an abbreviation ("A/S", "C/O", "I/E",
// "M/S", "LRM/A") or a number ("140/14").
const wordSlash = /(\p{L}[\p{L}'\u2019]+)\s*\/\s*(\p{L}[\p{L}'\u2019]+)/u;
const wordOfThree = /\p{L}{3}/u;

const markerWord = /\s(?:a\.k\.a|f\.k\.a|d\.b\.a|also|formerly|doing|trading)\b/iu;

/**
 * False for a name that cannot embed another (no slash, no alias marker): nearly every name, told
 * apart cheaply before any further reading is tried.
 */
export const mayEmbedNames = (written: string): boolean =>
  written.includes('/') || written.includes('(') || markerWord.test(written);

/** A part of a name in parentheses: "(NUDT)", "(a subordinate institute of CETC-7)". */
const parenthesised = /\(([^()]*)\)/gu;

/** The parts of a name in parentheses, as written: `['(UAE)']` for "Enerquip Ltd. (UAE)". */
export const parenthesesOf = (written: string): string[] => written.match(parenthesised) ?? [];

/** A name with its parts in parentheses left out: "Enerquip Ltd." for "Enerquip Ltd. (UAE)". */
export const withoutParentheses = (written: string): string =>
  written.replace(parenthesised, ' ').replace(/\s+/gu, ' ').trim();

/**
 * One word of three to ten capitals and digits, two capitals at least, as acronyms are written:
 * "NUDT", "CASC", "AVIC", "CETC14"; never a country's code or name ("(HK)", "(U.K.)", "(PRC)").
 */
const acronymShape = /^(?=(?:\P{Lu}*\p{Lu}){2})[\p{Lu}\p{N}&.-]{3,10}$/u;

const isAcronym = (text: string): boolean =>
  acronymShape.test(text) && countryCodeOf(text.replace(/\./gu, '')) === undefined;

/** Words that open a parenthesis naming the party otherwise: "(formerly ...)", "(a.k.a. ...)". */
const aliasOpening =
  /^(?:a\/k\/a|a\.k\.a\.?|aka|f\/k\/a|f\.k\.a\.?|fka|formerly(?: known as)?|also known as|d\/b\/a|d\.b\.a\.?|doing business as|t\/a|trading as)\s+/iu;

/**
 * The names a parenthesis embeds when it holds another name of the party: an acronym ("NUDT" in
 * "National University of Defense Technology (NUDT)") or a name it introduces ("(formerly ...)").
 * The name without the parenthesis is read as a name, and so is what it holds when it ends the
 * name (within a name, "(CETC)" names the body before it, not the whole). A parenthesis holding
 * anything else says which body is meant ("(Hong Kong)", "(Holdings)", "(Branch)", "(a subordinate
 * institute of CETC-7)") and is never left out. An acronym is one word of capitals, no country's
 * code or name and no word of geography or generic word of organisations ("(HK)", "(U.K.)",
 * "(SPAIN)" and "(HOLDINGS)" are none).
 */
function parenthesisNames(written: string, words: NameWords): string[] {
  if (!written.includes('(')) return [];
  const inner: string[] = [];
  for (const match of written.matchAll(parenthesised)) {
    const inside = (match[1] ?? '').trim();
    // Only what ends the name names all of it: in "Xinjiang Production and Construction Corps
    // (XPCC) Public Security Bureau" the acronym is the corps', not its bureau's.
    const last = written.slice(match.index + match[0].length).trim() === '';
    const alias = aliasOpening.exec(inside);
    if (alias) {
      if (last) inner.push(inside.slice(alias[0].length));
    } else if (
      isAcronym(inside) &&
      words.ownWords(inside).every((word) => words.distinctive(word))
    ) {
      if (last) inner.push(inside);
    } else return [];
  }
  return [withoutParentheses(written), ...inner];
}

/** How a name's own words are told, for deciding whether a side of a slash is a name. */
export interface NameWords {
  /** The own words of a name (normalised; legal forms, honorifics and punctuation out). */
  ownWords(text: string): readonly string[];
  /** True for a word that can tell a body apart (rare in ordinary names, not generic). */
  distinctive(word: string): boolean;
}

/**
 * Two sides of a slash are two names when each has two own words or more and one of them says
 * which body is meant with a distinctive word: "Al-Qa'ida/Islamic Army", not "IMPORT/EXPORT
 * CORPORATION" (one own word on the right, the legal form aside) nor two generic halves.
 */
function twoNames(left: string, right: string, words: NameWords): boolean {
  const a = words.ownWords(left);
  const b = words.ownWords(right);
  const named = (side: readonly string[]): boolean =>
    side.some((w) => w.length > 2 && words.distinctive(w));
  return a.length >= 2 && b.length >= 2 && (named(a) || named(b));
}

/**
 * The names one written name embeds, as written, the whole name excepted: each side of an alias
 * marker, and for the first slash between two words both ways of reading it, as two words that
 * alternate ("LIBERATION PARTY/FRONT": "LIBERATION PARTY", "LIBERATION FRONT") and, where each
 * side is a name, as two names ("NEW PEOPLE'S ARMY / COMMUNIST PARTY OF THE PHILIPPINES").
 * At most six, in the order found; none for a name without either.
 *
 * @example
 * embeddedNames('FUYI SUN A/K/A FRANK SUN', words) // ['FUYI SUN', 'FRANK SUN']
 * embeddedNames('7TH OF TIR INDUSTRIES OF ISFAHAN/ESFAHAN', words)
 * // ['7TH OF TIR INDUSTRIES OF ISFAHAN', '7TH OF TIR INDUSTRIES OF ESFAHAN']
 */
export function embeddedNames(written: string, words: NameWords): readonly string[] {
  if (!mayEmbedNames(written)) return [];
  const out: string[] = [];
  const add = (name: string): void => {
    const trimmed = name.replace(/^[\s,;:/-]+|[\s,;:/-]+$/gu, '');
    if (
      trimmed &&
      trimmed !== written &&
      words.ownWords(trimmed).length > 0 &&
      !out.includes(trimmed)
    )
      out.push(trimmed);
  };
  for (const name of parenthesisNames(written, words)) add(name);
  const parts = written.split(aliasMarker);
  if (parts.length > 1) for (const part of parts) add(part);
  for (const part of parts) {
    const slash = wordSlash.exec(part);
    if (!slash || !(wordOfThree.test(slash[1] ?? '') || wordOfThree.test(slash[2] ?? ''))) continue;
    const before = part.slice(0, slash.index);
    const after = part.slice(slash.index + slash[0].length);
    const left = slash[1] ?? '';
    const right = slash[2] ?? '';
    // Read as two words that alternate only within a longer name: "EDO/ELEMED" alone is not
    // the one-word names "EDO" and "ELEMED".
    if (words.ownWords(`${before}${after}`).length > 0) {
      add(`${before}${left}${after}`);
      add(`${before}${right}${after}`);
    }
    const leftName = `${before}${left}`;
    const rightName = `${right}${after}`;
    if (twoNames(leftName, rightName, words)) {
      add(leftName);
      add(rightName);
    }
  }
  return out.slice(0, 6);
}
