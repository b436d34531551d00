import { countryNameVariants } from '../lists/country-codes.ts';
import { chineseGenericTerms } from './chinese-terms.ts';
import { latinWordSkeleton } from './consonant-skeleton.ts';
import type { Space, TokenWeighting } from './score-names.ts';

/**
 * How often each word occurs in one group of ordinary names (organisations; people written in
 * one script): a corpus that knows nothing of the restricted lists. `latin` and `skeleton`
 * count, per token of each comparison space, the names containing it; skeletons are counted
 * among the `consonantalNames` (names written in a script without most vowels). Rare tokens are
 * left out: a token absent here is rare.
 */
export interface CorpusGroup {
  readonly name: string;
  readonly names: number;
  readonly consonantalNames: number;
  readonly latin: ReadonlyMap<string, number>;
  readonly skeleton: ReadonlyMap<string, number>;
}

/** The groups words are weighed by; see data/screening/corpus/README.md. */
export interface WordFrequencies {
  readonly groups: readonly CorpusGroup[];
  /** Where the counts come from (file names and hashes), for explanations and provenance. */
  readonly source: string;
}

/**
 * Bits of information at which a word counts in full: a word found in fewer than one ordinary
 * name in 2^12 (4,096) is as distinctive as a word can be for screening.
 */
export const fullWeightBits = 12;

/** The weight of particles ("al", "bin", "de", "van", "of", "and"), whatever their frequency. */
export const particleWeight = 0.2;

/**
 * The weight at most of a generic word of organisation names ("bureau", "institute",
 * "technology", "public", "security"): such words name a kind of body, not which one, and are
 * common in the names of organisations the company corpus under-represents (ministries, state
 * bodies, research institutes). Only weights are capped; a name's information (`wordBits`)
 * stays its frequency in ordinary names.
 */
export const genericWordWeight = 0.35;

/**
 * Generic words of organisation names: every word of the English renderings in the dictionary of
 * Chinese business and administrative vocabulary (`chineseGenericTerms`), a general dictionary
 * of how organisations are named, independent of the lists.
 */
export const genericOrganisationWords: ReadonlySet<string> = new Set(
  Object.values(chineseGenericTerms)
    .flatMap((english) => english.split(' '))
    .filter((word) => word.length > 1),
);

/**
 * The weight at most of a word of a country's or a continent's name or nationality ("russian",
 * "federation", "europe", "iranian"): in an organisation's name it qualifies ("Faberlic Europe",
 * "... of the Russian Federation") rather than names.
 */
export const geographicWordWeight = 0.5;

/** The UN M49 regions (continents) and their adjectives. */
export const continents: readonly string[] = [
  'africa',
  'african',
  'america',
  'americas',
  'asia',
  'asian',
  'europe',
  'european',
  'oceania',
];

let geographic: ReadonlySet<string> | undefined;

/**
 * The words of a place's name as screening reads them: diacritics and apostrophes dropped, lower
 * case, words of one letter and particles left out ("The Gambia" -> gambia).
 */
export function placeNameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .split(/[^a-z]+/)
    .filter((word) => word.length > 1 && !particles.has(word));
}

/**
 * Qualifier words of geography: the UN M49 regions (continents), nationalities, and the words of
 * country names of more than one word ("Russian Federation", "United Arab Emirates": russian,
 * federation, united, arab, emirates), from ISO 3166-1 and the lists' spellings in
 * `country-codes.ts`; lower case, particles left out. A one-word country name is left out: it is
 * also a surname ("Jordan", "Montenegro", "Chad").
 */
export function geographicWords(): ReadonlySet<string> {
  if (!geographic) {
    const wordsOf = placeNameWords;
    const single = new Set<string>();
    for (const name of countryNameVariants.names) {
      const words = wordsOf(name);
      if (words.length === 1 && words[0] !== undefined) single.add(words[0]);
    }
    const words = new Set<string>(continents);
    for (const nationality of countryNameVariants.nationalities)
      for (const word of wordsOf(nationality)) words.add(word);
    for (const name of countryNameVariants.names) {
      const parts = wordsOf(name);
      if (parts.length > 1) for (const word of parts) if (!single.has(word)) words.add(word);
    }
    geographic = words;
  }
  return geographic;
}

/** Particles of names that say little about who is meant, in any corpus. */
export const particles: ReadonlySet<string> = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'binti',
  'de',
  'da',
  'di',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'la',
  'le',
  'du',
  'dos',
  'das',
  'the',
  'of',
  'and',
  'for',
  'y',
  'e',
  'ul',
  'ud',
]);

/**
 * The share of ordinary names that contain `token`: its largest share in any group (a word
 * common among organisation names, or among the names of one culture, is common: "kim" is in a
 * fifth of Korean names however few Korean names the corpus holds). Consonant skeletons are
 * counted among the names written in a consonantal script, where they collide. A token rare in
 * every group gets the share of one name among all.
 */
export function wordShare(frequencies: WordFrequencies, token: string, space: Space): number {
  let total = 0;
  let share = 0;
  for (const group of frequencies.groups) {
    const names = group.names;
    total += names;
    if (names === 0) continue;
    const count = (space === 'latin' ? group.latin : group.skeleton).get(token) ?? 0;
    share = Math.max(share, count / names);
  }
  return Math.max(share, 1 / Math.max(1, total));
}

/**
 * Information of a word, in bits: -log2 of its share of ordinary names. "holdings" (in 7% of
 * company names) carries 3.8 bits, "maria" (1.1% of people) 6.5, a word in no ordinary name 16.
 */
export function wordBits(frequencies: WordFrequencies, token: string, space: Space): number {
  return -Math.log2(wordShare(frequencies, token, space));
}

const digit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * The information of a name's Latin own words in bits (see `wordBits`), particles counting
 * nothing: how telling those words are together ("enerquip" about 16 bits, "maria garcia" 13).
 */
export function wordsBits(frequencies: WordFrequencies, words: readonly string[]): number {
  let bits = 0;
  for (const word of words) if (!particles.has(word)) bits += wordBits(frequencies, word, 'latin');
  return bits;
}

/**
 * A consonant skeleton carrying at most this many bits among names written in Arabic script (in
 * one name in 64 or more: "mhmd", "hsn", "hmd") is one of their commonest names: a Latin word
 * spelling it is taken to be that name.
 */
export const commonSkeletonBits = 6;

/** The corpus group of people's names written in Arabic script (Arabic, Persian, Urdu ...). */
export const arabicScriptGroup = 'people:arabic';

/**
 * Endings of East Slavic, Turkic and other patronymics ("Ivanovich", "Petrovna", "Aliyevich",
 * "Mammadoglu", "Nazarbayuly"): lists and customers often leave a patronymic out, so it weighs
 * little (see ICAO Doc 9303 and the naming conventions of those languages).
 */
const patronymicEndings = /(ovich|evich|ovych|evych|ovna|evna|ivna|ichna|ogly|oglu|uly|kyzy|qizi)$/;

/** The weight at most of a patronymic (see `patronymicEndings`). */
export const patronymicWeight = 0.3;

/**
 * The weight of a word for screening, in [0.05, 1]: its information over `fullWeightBits`, so
 * that rare words count fully and common ones ("group", "technology", "maria") little. A Latin
 * word whose consonant skeleton (three consonants or more) is among the commonest of names
 * written in a consonantal script ("hassan": "hsn", see `commonSkeletonBits`) is as common.
 * Particles weigh `particleWeight`; numbers and Roman numerals at most 0.3 (they tell members
 * of a series apart, see `isSeriesMarker`); generic words of organisation names at most
 * `genericWordWeight`, words of country and continent names at most `geographicWordWeight`. How many listings contain a word plays no part:
 * a group listed with a hundred affiliates does not make its own name common.
 *
 * @example
 * wordWeight(shipped, 'huawei', 'latin') // 1 (in no ordinary name)
 * wordWeight(shipped, 'holdings', 'latin') // ~0.32
 */
export function wordWeight(
  frequencies: WordFrequencies,
  token: string,
  space: Space,
  seriesMarker: (token: string) => boolean,
): number {
  if (space === 'latin' && particles.has(token)) return particleWeight;
  if (space === 'skeleton' && token.length <= 1) return particleWeight;
  let bits = wordBits(frequencies, token, space);
  if (space === 'latin') {
    // A Latin spelling of one of the commonest Arabic-script names ("ahmad", "hassan") is as
    // common as that name: the corpus writes such names in their own script. Only the commonest
    // skeletons of that one group count, since skeletons collide across languages ("Sechin" and
    // the Indian "Sachin" share "sxn").
    const skeleton = latinWordSkeleton(token);
    const arabic = frequencies.groups.find((group) => group.name === arabicScriptGroup);
    if (skeleton.length >= 3 && arabic && arabic.names > 0) {
      const count = arabic.skeleton.get(skeleton) ?? 0;
      const skeletonBits = count > 0 ? -Math.log2(count / arabic.names) : Infinity;
      if (skeletonBits <= commonSkeletonBits) bits = Math.min(bits, skeletonBits);
    }
  }
  const weight = Math.min(1, Math.max(0.05, bits / fullWeightBits));
  if (space === 'latin' && (digit(token.charCodeAt(0)) || seriesMarker(token)))
    return Math.min(0.3, weight);
  if (space === 'latin' && token.length >= 6 && patronymicEndings.test(token))
    return Math.min(patronymicWeight, weight);
  if (space === 'latin' && genericOrganisationWords.has(token))
    return Math.min(genericWordWeight, weight);
  if (space === 'latin' && geographicWords().has(token))
    return Math.min(geographicWordWeight, weight);
  return weight;
}

/**
 * Token weights from the word-frequency corpus (see `wordWeight`), cached per token. `learnt`
 * is true: coverage is scaled when the matched words of a side are all common, and a rare word
 * left over outweighs common ones matched (see `blendCoverage`).
 */
export function corpusWeighting(
  frequencies: WordFrequencies,
  seriesMarker: (token: string) => boolean,
): TokenWeighting {
  const cache = { latin: new Map<string, number>(), skeleton: new Map<string, number>() };
  return {
    learnt: true,
    weight(token: string, space: Space): number {
      const memo = cache[space];
      let weight = memo.get(token);
      if (weight === undefined) {
        weight = wordWeight(frequencies, token, space, seriesMarker);
        if (memo.size > 200_000) memo.clear();
        memo.set(token, weight);
      }
      return weight;
    },
  };
}
