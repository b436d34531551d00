// Perturbations of listed names, for the recall figures of the screening benchmark and the
// recall test (issue 16, items 1, 2 and 4): each kind is one way a name is mistyped, disguised
// or qualified in real records, applied once, deterministically (a seeded generator).
import { countryCodeOf, countryNameVariants } from '../../src/domain/lists/country-codes.ts';
import type { ListedParty } from '../../src/domain/lists/listed-party.ts';
import { normaliseName } from '../../src/domain/screening/normalise-name.ts';
import {
  genericOrganisationWords,
  geographicWords,
} from '../../src/domain/screening/word-frequency.ts';

export const perturbationKinds = [
  'homoglyph-per-word',
  'zero-width-inside-word',
  'soft-hyphen-inside-word',
  'full-width',
  'transposition',
  'dotted-letters',
  'spaced-letters',
  'legal-form-dropped-or-changed',
  'word-order',
  'appended-qualifier',
  'right-to-left-override',
  'cut-at-field-length',
  'generic-words-abbreviated',
  'acronym-in-parentheses-left-out',
  'country-added-generic-word-left-out',
  'given-names-as-initials',
] as const;

export type PerturbationKind = (typeof perturbationKinds)[number];

/**
 * The recall each kind must reach in a sample (issue 16: 99% of each). A name cut where a
 * 35-character field line ends is reported without a target: the cut often leaves only a legal
 * form and generic words ("Joint Stock Company Scientific Rese"), which no screening can tell
 * apart. An acronym left out is measured over every listed name (`everyNameKinds`). A country
 * added and a generic word left out ("Sberbank Russia" for "Sberbank Insurance") is reported
 * only: the affiliates of a group share its distinctive words, and the one whose name the
 * query is closer to (Sberbank of Russia) rightly ranks first. A person's given names cut to
 * initials ("KADYROV R. A.") is reported only: initials say little, and a common surname with
 * them ("ZHANG K.") is rightly no alert.
 */
export const perturbationTarget = (kind: PerturbationKind): number | undefined =>
  kind === 'cut-at-field-length' ||
  kind === 'acronym-in-parentheses-left-out' ||
  kind === 'country-added-generic-word-left-out' ||
  kind === 'given-names-as-initials'
    ? undefined
    : 0.99;

/**
 * Kinds that apply to few names of a sample (an acronym in parentheses: about one name in a
 * hundred), measured over every shipped name instead (`everyListedName`), target 99%.
 */
export const everyNameKinds: readonly PerturbationKind[] = ['acronym-in-parentheses-left-out'];

/** Every name and alias of every listed party, for the kinds measured over all of them. */
export function everyListedName(
  parties: readonly ListedParty[],
): { party: ListedParty; value: string }[] {
  const out: { party: ListedParty; value: string }[] = [];
  for (const party of parties)
    for (const name of party.names) if (name.value.trim()) out.push({ party, value: name.value });
  return out;
}

/** A small seeded generator (mulberry32), so that every run perturbs the same way. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Cyrillic and Greek letters that look like Latin ones (each is in Unicode's confusables.txt).
const lookAlikes: Readonly<Record<string, readonly string[]>> = {
  a: ['\u0430'],
  c: ['\u0441'],
  e: ['\u0435'],
  i: ['\u0456'],
  j: ['\u0458'],
  o: ['\u043e', '\u03bf'],
  p: ['\u0440', '\u03c1'],
  s: ['\u0455'],
  x: ['\u0445'],
  y: ['\u0443'],
  A: ['\u0410', '\u0391'],
  B: ['\u0412', '\u0392'],
  C: ['\u0421'],
  E: ['\u0415', '\u0395'],
  H: ['\u041d', '\u0397'],
  I: ['\u0406', '\u0399'],
  J: ['\u0408'],
  K: ['\u041a', '\u039a'],
  M: ['\u041c', '\u039c'],
  N: ['\u039d'],
  O: ['\u041e', '\u039f'],
  P: ['\u0420', '\u03a1'],
  S: ['\u0405'],
  T: ['\u0422', '\u03a4'],
  X: ['\u0425', '\u03a7'],
  Y: ['\u03a5'],
  Z: ['\u0396'],
};

const qualifiers = [
  'Branch Office',
  'Representative Office',
  'of the Russian Federation',
  'International',
  'Holding',
] as const;

const isPlainLatin = (value: string): boolean => /^[\x20-\x7e]+$/.test(value);

/** Words of a name, split on spaces (punctuation kept with the word). */
const wordsOf = (value: string): string[] => value.split(/\s+/).filter(Boolean);

function pick<T>(random: () => number, items: readonly T[]): T | undefined {
  return items[Math.floor(random() * items.length)];
}

function replaceWord(words: string[], index: number, word: string): string {
  return words.map((w, i) => (i === index ? word : w)).join(' ');
}

/** A country's name of one word ("China", "Russia", "Iran"), or undefined. */
function oneWordCountryName(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  return countryNameVariants.names.find(
    (name) => /^[A-Za-z]+$/.test(name) && countryCodeOf(name) === code,
  );
}

/**
 * The name with one perturbation of `kind`, or undefined when the kind does not apply to it
 * (no word of seven letters for a transposition, no Latin letters for look-alikes, a person for
 * a legal form or a qualifier, a single word for word order).
 */
export function perturb(
  value: string,
  kind: PerturbationKind,
  party: Pick<ListedParty, 'kind' | 'countries'>,
  random: () => number,
): string | undefined {
  const words = wordsOf(value);
  const letterWords = words
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => /[A-Za-z]{2,}/.test(word));
  const organisation = party.kind === 'organisation';
  switch (kind) {
    case 'homoglyph-per-word': {
      if (!isPlainLatin(value) || letterWords.length === 0) return undefined;
      let changed = 0;
      const out = words.map((word) => {
        const positions = Array.from(word)
          .map((char, i) => ({ char, i }))
          .filter(({ char }) => lookAlikes[char] !== undefined);
        const chosen = pick(random, positions);
        if (!chosen) return word;
        const replacement = pick(random, lookAlikes[chosen.char] ?? []) ?? chosen.char;
        changed += 1;
        return word.slice(0, chosen.i) + replacement + word.slice(chosen.i + 1);
      });
      return changed > 0 ? out.join(' ') : undefined;
    }
    case 'zero-width-inside-word':
    case 'soft-hyphen-inside-word': {
      const target = pick(
        random,
        letterWords.filter(({ word }) => word.length >= 3),
      );
      if (!target) return undefined;
      const at = 1 + Math.floor(random() * (target.word.length - 1));
      const mark = kind === 'zero-width-inside-word' ? '\u200b' : '\u00ad';
      return replaceWord(
        words,
        target.index,
        target.word.slice(0, at) + mark + target.word.slice(at),
      );
    }
    case 'full-width': {
      if (!isPlainLatin(value)) return undefined;
      return Array.from(value)
        .map((char) => {
          const code = char.charCodeAt(0);
          return code > 0x20 && code < 0x7f ? String.fromCharCode(code + 0xfee0) : char;
        })
        .join('');
    }
    case 'transposition': {
      const target = pick(
        random,
        letterWords.filter(({ word }) => /^[A-Za-z]{7,}$/.test(word)),
      );
      if (!target) return undefined;
      // Two adjacent letters after the first, which are not the same letter.
      const spots: number[] = [];
      for (let i = 1; i + 1 < target.word.length; i += 1)
        if (target.word[i] !== target.word[i + 1]) spots.push(i);
      const at = pick(random, spots);
      if (at === undefined) return undefined;
      const w = target.word;
      return replaceWord(
        words,
        target.index,
        w.slice(0, at) + (w[at + 1] ?? '') + (w[at] ?? '') + w.slice(at + 2),
      );
    }
    case 'dotted-letters':
    case 'spaced-letters': {
      const target = pick(
        random,
        letterWords.filter(({ word }) => /^[A-Za-z]{3,}$/.test(word)),
      );
      if (!target) return undefined;
      const letters = Array.from(target.word);
      return replaceWord(
        words,
        target.index,
        kind === 'dotted-letters' ? `${letters.join('.')}.` : letters.join(' '),
      );
    }
    case 'legal-form-dropped-or-changed': {
      if (!organisation) return undefined;
      const normalised = normaliseName(value);
      if (normalised.legalForms.length > 0) {
        // Dropped: the words of the name proper, as written.
        const kept = words.filter((word) => {
          const tokens = normaliseName(word).tokens;
          return tokens.some((t) => normalised.tokens.includes(t));
        });
        const dropped = kept.join(' ').replace(/[,\s]+$/, '');
        return dropped && dropped !== value ? dropped : undefined;
      }
      return `${value} ${pick(random, ['Co., Ltd.', 'LLC', 'GmbH', 'JSC']) ?? 'LLC'}`;
    }
    case 'word-order': {
      if (words.length < 2) return undefined;
      if (value.includes(',') && party.kind === 'person') {
        // "LAST, First" written "First LAST" without the comma.
        const [last, first] = value.split(',', 2);
        return `${(first ?? '').trim()} ${(last ?? '').trim()}`.trim();
      }
      if (organisation) {
        // The legal form moved to the other end ("OOO Rusmedtorg" / "Rusmedtorg OOO"), or, with
        // none, the first two words swapped.
        const normalised = normaliseName(value);
        const proper = words.filter((word) =>
          normaliseName(word).tokens.some((t) => normalised.tokens.includes(t)),
        );
        const legal = words.filter((word) => !proper.includes(word));
        if (legal.length > 0 && proper.length > 0)
          return words.indexOf(legal[0] ?? '') < words.indexOf(proper[0] ?? '')
            ? [...proper, ...legal].join(' ')
            : [...legal, ...proper].join(' ');
      }
      return [words[1], words[0], ...words.slice(2)].join(' ');
    }
    case 'appended-qualifier': {
      if (!organisation) return undefined;
      return `${value} ${pick(random, qualifiers) ?? qualifiers[0]}`;
    }
    case 'right-to-left-override': {
      const target = pick(
        random,
        letterWords.filter(({ word }) => /^[A-Za-z]{3,}$/.test(word)),
      );
      if (!target) return undefined;
      return replaceWord(
        words,
        target.index,
        `\u202e${Array.from(target.word).reverse().join('')}\u202c`,
      );
    }
    case 'generic-words-abbreviated': {
      // Each generic word of seven letters or more cut to its first four, as trade documents
      // write them: "Beijing Institute of Technology" -> "Beijing Inst of Tech".
      if (!organisation || !isPlainLatin(value)) return undefined;
      let changed = 0;
      const out = words.map((word) => {
        const lower = word.toLowerCase();
        if (lower.length < 7 || !genericOrganisationWords.has(lower)) return word;
        changed += 1;
        return word.slice(0, 4);
      });
      return changed > 0 ? out.join(' ') : undefined;
    }
    case 'acronym-in-parentheses-left-out': {
      // "National University of Defense Technology (NUDT)" -> "... Technology".
      // An acronym: three to ten capitals and digits, two capitals at least, no country.
      const acronym = /\s*\(([A-Z0-9&.-]{3,10})\)/g;
      const found = [...value.matchAll(acronym)];
      const country = (text: string): boolean =>
        countryCodeOf(text.replace(/\./g, '')) !== undefined ||
        normaliseName(text).tokens.some((t) => geographicWords().has(t));
      if (
        found.length === 0 ||
        found.some((m) => !/[A-Z].*[A-Z]/.test(m[1] ?? '') || country(m[1] ?? ''))
      )
        return undefined;
      const left = value.replace(acronym, '').replace(/\s+/g, ' ').trim();
      return left !== '' && left !== value ? left : undefined;
    }
    case 'country-added-generic-word-left-out': {
      // The line of business left out and the country added, as customers' records name a
      // subsidiary: "Dahua Technology" (CN) -> "Dahua China".
      if (!organisation || !isPlainLatin(value)) return undefined;
      const country = oneWordCountryName(party.countries[0]);
      const own = normaliseName(value).tokens;
      const last = own.findLastIndex((word) => genericOrganisationWords.has(word));
      if (country === undefined || last < 0) return undefined;
      const kept = own.filter((_, i) => i !== last);
      if (kept.every((word) => genericOrganisationWords.has(word))) return undefined;
      return `${kept.join(' ')} ${country}`;
    }
    case 'given-names-as-initials': {
      // A person's given names cut to their initials, as registers and letters write them:
      // "KADYROV, Ramzan Akhmatovich" -> "KADYROV R. A.". Only names written "LAST, Given".
      const comma = value.indexOf(',');
      if (party.kind !== 'person' || comma < 1 || !isPlainLatin(value)) return undefined;
      const surname = value.slice(0, comma).trim();
      const given = wordsOf(value.slice(comma + 1)).filter((word) => /^[A-Za-z]/.test(word));
      if (surname === '' || given.length === 0) return undefined;
      return `${surname} ${given.map((word) => `${word[0] ?? ''}.`).join(' ')}`;
    }
    case 'cut-at-field-length': {
      // Cut where a SWIFT MT line (35 characters) ends, inside a word: "... BELKASSEM DR".
      const letters = Array.from(value.trim());
      const [before, after] = [letters[34] ?? '', letters[35] ?? ''];
      if (!/\p{L}/u.test(before) || !/\p{L}/u.test(after)) return undefined;
      return letters.slice(0, 35).join('');
    }
  }
}

/**
 * A fixed sample of listed names (primary names and aliases) of the given sources, chosen with
 * a seeded generator: `perSource` names from each.
 */
export function sampleListedNames(
  parties: readonly ListedParty[],
  sources: readonly string[],
  perSource: number,
  seed: number,
): { party: ListedParty; value: string }[] {
  const random = seededRandom(seed);
  const out: { party: ListedParty; value: string }[] = [];
  for (const source of sources) {
    const pool: { party: ListedParty; value: string }[] = [];
    for (const party of parties) {
      if (party.source !== source) continue;
      for (const name of party.names)
        if (name.value.trim()) pool.push({ party, value: name.value });
    }
    for (let k = 0; k < perSource && pool.length > 0; k += 1) {
      const index = Math.floor(random() * pool.length);
      const [chosen] = pool.splice(index, 1);
      if (chosen) out.push(chosen);
    }
  }
  return out;
}
