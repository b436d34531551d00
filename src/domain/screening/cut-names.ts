/**
 * Screening a name cut at a message field's length (see truncated-names.ts) against the lists:
 * the listed names that begin with it are candidates, and one that begins with it word for word
 * is worth a look, however much of the listed name the field left out.
 */
import type { PreparedName } from './prepare-name.ts';
import type { ScreeningIndex } from './screening-index.ts';
import { writtenKey } from './truncated-names.ts';
import { wordsBits } from './word-frequency.ts';

/** Most listed names that a cut query brings in as candidates (the first in order of their words). */
export const maxCutCandidates = 64;

interface SortedNames {
  readonly keys: readonly string[];
  readonly names: readonly number[];
}

// The listed names sorted by `writtenKey`, per index, made on the first cut query.
const sortedNames = new WeakMap<ScreeningIndex, SortedNames>();

function sortedOf(index: ScreeningIndex): SortedNames {
  let sorted = sortedNames.get(index);
  if (!sorted) {
    const keyed = index.names.map((name, id) => ({ key: writtenKey(name.value), id }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
    sorted = { keys: keyed.map((k) => k.key), names: keyed.map((k) => k.id) };
    sortedNames.set(index, sorted);
  }
  return sorted;
}

/**
 * The listed names that begin, as written, with a query cut at a field length, its last word
 * possibly cut ("guangzhou hongyu technology co lt" begins "guangzhou hongyu technology co ltd a
 * subordinate ..."): at most `limit`, found by binary search. Nothing for a query not cut.
 */
export function cutNameCandidates(
  index: ScreeningIndex,
  query: PreparedName,
  limit = maxCutCandidates,
): number[] {
  if (!query.cutAtFieldLength) return [];
  const start = writtenKey(query.normalised.original);
  if (start === '') return [];
  const { keys, names } = sortedOf(index);
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] ?? '') < start) low = middle + 1;
    else high = middle;
  }
  const out: number[] = [];
  for (let k = low; k < keys.length && out.length < limit; k += 1) {
    if (!(keys[k] ?? '').startsWith(start)) break;
    out.push(names[k] ?? 0);
  }
  return out;
}

/**
 * When a query cut at a field length is the beginning of the listed name as written (its last
 * word possibly the start of the listed word): the information in bits of its own words, the
 * cut one aside, which says how telling that beginning is; undefined otherwise.
 *
 * @example
 * // 'HANGZHOU HIKVISION DIGITAL TECHNOLO' (35 characters) / 'Hangzhou Hikvision Digital
 * // Technology Co., Ltd.': the bits of hangzhou, hikvision and digital
 */
export function cutBeginning(
  index: ScreeningIndex,
  query: PreparedName,
  listedOriginal: string,
): number | undefined {
  if (!query.cutAtFieldLength) return undefined;
  const start = writtenKey(query.normalised.original);
  if (start === '' || !writtenKey(listedOriginal).startsWith(start)) return undefined;
  const words = query.normalised.tokens;
  const cutWord = start.slice(start.lastIndexOf(' ') + 1);
  const whole = words[words.length - 1] === cutWord ? words.slice(0, -1) : words;
  return wordsBits(index.frequencies, whole);
}
