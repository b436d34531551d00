import fs from 'node:fs';
import path from 'node:path';

/** The parts of data/screening/places/xinjiang-tibet.json the module is generated from. */
interface Gazetteer {
  readonly entries: readonly {
    readonly code: string;
    readonly name: string;
    readonly fullName: string;
    readonly preferred: string;
    readonly latin: readonly { readonly reading: string }[];
  }[];
}

/** The parts of data/screening/places/administrative-terms.json the module is generated from. */
interface TermDictionary {
  readonly terms: readonly {
    readonly term: string;
    readonly renderings: readonly { readonly english: string }[];
  }[];
}

export const xinjiangTibetPlacesModulePath = 'src/domain/screening/xinjiang-tibet-places.ts';

/**
 * Generates src/domain/screening/xinjiang-tibet-places.ts from the gazetteer and the
 * administrative-term dictionary under data/screening/places (read from `root`), so that the
 * domain gets the data as plain constants and the JSON stays the one place it is edited.
 */
export function xinjiangTibetPlacesModule(root: string): string {
  const dir = path.join(root, 'data/screening/places');
  const gazetteer = JSON.parse(
    fs.readFileSync(path.join(dir, 'xinjiang-tibet.json'), 'utf8'),
  ) as Gazetteer;
  const dictionary = JSON.parse(
    fs.readFileSync(path.join(dir, 'administrative-terms.json'), 'utf8'),
  ) as TermDictionary;

  // One key per name proper; a one-character name (朗县, 索县) keeps its suffix, because a
  // one-character key would match inside unrelated words. Entries come in code order, so a
  // prefecture's preferred reading comes before its seat's.
  const readings = new Map<string, string[]>();
  for (const entry of gazetteer.entries) {
    const key = Array.from(entry.name).length === 1 ? entry.fullName : entry.name;
    const list = readings.get(key) ?? [];
    const others = entry.latin
      .map((v) => v.reading)
      .filter((r) => r !== entry.preferred)
      .sort();
    for (const reading of [entry.preferred, ...others]) {
      if (!list.includes(reading)) list.push(reading);
    }
    readings.set(key, list);
  }
  const terms = new Map<string, string[]>();
  for (const term of dictionary.terms) {
    terms.set(term.term, [...new Set(term.renderings.map((r) => readingOf(r.english)))]);
  }
  const singleTokenGroups = [...readings.values()]
    .map((list) => list.filter((r) => !r.includes(' ')))
    .filter((group) => group.length > 1);
  const multiWordGroups = [...readings.values()]
    .filter((list) => list.some((r) => r.includes(' ')))
    .map((list) => [list[0] ?? '', ...list.filter((r) => r.includes(' ') && r !== list[0])]);

  return [
    '// Generated from data/screening/places/xinjiang-tibet.json and administrative-terms.json by',
    '// `npm run generate` (src/main/xinjiang-tibet-places-module.ts); do not edit by hand. The',
    '// sources of every reading (MCA codes, CC-CEDICT, GeoNames) are in those files and README.md.',
    '',
    '/**',
    ' * Place names proper of the Xinjiang Uyghur and Tibet autonomous regions (prefecture and county',
    ' * level, without the administrative suffix or ethnic qualifier) and their Latin readings: lower',
    ' * case ASCII, words separated by spaces, the conventional form first, Hanyu Pinyin included.',
    ' * A one-character name is keyed with its suffix (朗县, 索县).',
    ' */',
    `export const placeReadings: Readonly<Record<string, readonly string[]>> = ${objectLiteral(readings)};`,
    '',
    '/**',
    ' * Administrative-division, state-organ, facility and ethnic-group terms and the English',
    ' * renderings restricted lists use, lower case, apostrophes dropped.',
    ' */',
    `export const administrativeTerms: Readonly<Record<string, readonly string[]>> = ${objectLiteral(terms)};`,
    '',
    '/**',
    ' * Groups of one-word Latin names of one place (Kashgar, Kashi, Qeshqer...), for token',
    ' * equivalence; no token is in two groups. Multi-word names are in `latinPlaceMultiWordVariants`.',
    ' */',
    `export const latinPlaceVariants: readonly (readonly string[])[] = ${arrayOfArrays(singleTokenGroups)};`,
    '',
    '/** Places with multi-word Latin names: the conventional one-word form first, then those names. */',
    `export const latinPlaceMultiWordVariants: readonly (readonly string[])[] = ${arrayOfArrays(multiWordGroups)};`,
    '',
  ].join('\n');
}

/** A rendering as Cordon's normaliser reads it: ASCII lower case, apostrophes dropped. */
function readingOf(english: string): string {
  return english
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Prettier's layout, reproduced so that the generated file passes `prettier --check`: a list that
// fits in the print width stays on one line, otherwise one element a line. Wide (CJK) characters
// count two columns, as Prettier counts them.
const printWidth = 100;
const width = (text: string): number =>
  Array.from(text).reduce((sum, ch) => sum + (/\p{Script=Han}/u.test(ch) ? 2 : 1), 0);
const quote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function list(items: readonly string[], indent: string, prefix: string, suffix: string): string {
  const flat = `${indent}${prefix}[${items.map(quote).join(', ')}]${suffix}`;
  if (width(flat) <= printWidth) return flat;
  const inner = items.map((item) => `${indent}  ${quote(item)},`).join('\n');
  return `${indent}${prefix}[\n${inner}\n${indent}]${suffix}`;
}

function objectLiteral(map: ReadonlyMap<string, readonly string[]>): string {
  const lines = [...map].map(([key, values]) => list(values, '  ', `${key}: `, ','));
  return `{\n${lines.join('\n')}\n}`;
}

function arrayOfArrays(groups: readonly (readonly string[])[]): string {
  if (groups.length === 0) return '[]';
  return `[\n${groups.map((group) => list(group, '  ', '', ',')).join('\n')}\n]`;
}
