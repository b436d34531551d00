import { isDigitCode } from './align-tokens.ts';
import type { Space } from './score-names.ts';
import { deletionKeys, fuzzyKeyKinds, trigrams, type SpaceIndex } from './screening-index.ts';
import { skeletonSimilarity, tokenSimilarity } from './token-similarity.ts';

// Looking up one query token in a space's vocabulary, for candidate generation: the token
// itself, and the listed words one edit away (deletion keys) or sharing enough trigrams.

/** Per-token counters of a lookup, reused from query to query (see candidate-generation.ts). */
export interface GramScratch {
  readonly gramCounts: Uint16Array;
  readonly gramTouched: Int32Array;
  readonly gramLive: Int32Array;
}

/** A vocabulary token similar enough to a query token to credit the names that contain it. */
export interface TokenHit {
  readonly id: number;
  readonly similarity: number;
  /**
   * True for another form of a given name, place or term ("juan" for "john"): it credits only
   * the names the query's other words found, never opens new ones (unless nothing else did).
   */
  readonly equivalent?: boolean;
}

/** Binary search for `value` in the sorted slice [start, end) of `array`. */
export function contains(array: Int32Array, start: number, end: number, value: number): boolean {
  let low = start;
  let high = end - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = array[middle] ?? 0;
    if (found === value) return true;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Marks a token already rejected (by length) in `GramScratch.gramCounts`. */
const rejected = 0xffff;

/**
 * Vocabulary tokens similar enough to `token` to earn credit: the token itself, then its one-edit
 * neighbours through deletion keys (tokens of up to seven letters) or trigrams (longer ones).
 */
export function lookupToken(
  spaceIndex: SpaceIndex,
  scratch: GramScratch,
  token: string,
  space: Space,
  minimum: number,
): TokenHit[] {
  const hits: TokenHit[] = [];
  const exact = spaceIndex.vocabulary.get(token);
  if (exact !== undefined) hits.push({ id: exact, similarity: 1 });
  const length = token.length;
  // Initials have no neighbours worth finding, and tokens with digits must be equal.
  if (length <= 1 || isDigitCode(token.charCodeAt(0))) return hits;
  const { gramCounts, gramTouched } = scratch;
  let touchedCount = 0;
  const useTrigrams = space === 'latin' && length >= 8;
  if (!useTrigrams) {
    if (space === 'skeleton' && !fuzzyKeyKinds(token, space).deletions) return hits;
    // One-deletion neighbourhood: every vocabulary token one edit away shares a key (a two-letter
    // query meets the three-letter tokens it is one insertion from: "al" -> "ali").
    for (const key of deletionKeys(token)) {
      const gramId = spaceIndex.gramIds.get(key);
      if (gramId === undefined) continue;
      const end = spaceIndex.gramStart[gramId + 1] ?? 0;
      for (let k = spaceIndex.gramStart[gramId] ?? 0; k < end; k += 1) {
        const id = spaceIndex.gramPostings[k] ?? 0;
        if (gramCounts[id] === 0) {
          gramTouched[touchedCount++] = id;
          gramCounts[id] = 1;
        }
      }
    }
    for (let k = 0; k < touchedCount; k += 1) {
      const id = gramTouched[k] ?? 0;
      gramCounts[id] = 0;
      if (id === exact) continue;
      const candidate = spaceIndex.tokens[id] ?? '';
      const similarity =
        space === 'latin'
          ? tokenSimilarity(token, candidate)
          : skeletonSimilarity(token, candidate);
      if (similarity >= minimum) hits.push({ id, similarity });
    }
    return hits;
  }
  // Prefix filtering: a token sharing fewer than `needed` of the query's trigrams cannot pass
  // the Dice bound below, so candidates are collected from the rarest grams only, and their
  // other shared grams counted (gram postings are sorted by token id). Tokens whose length rules
  // them out are rejected as soon as they are met.
  const gramIds: number[] = [];
  for (const gram of trigrams(token)) {
    const gramId = spaceIndex.gramIds.get(gram);
    if (gramId !== undefined) gramIds.push(gramId);
  }
  const postingLength = (g: number): number =>
    (spaceIndex.gramStart[g + 1] ?? 0) - (spaceIndex.gramStart[g] ?? 0);
  gramIds.sort((x, y) => postingLength(x) - postingLength(y));
  const needed = Math.max(1, Math.ceil(0.3 * length));
  const collectFrom = Math.max(0, gramIds.length - needed + 1);
  const lengths = spaceIndex.tokenLength;
  for (let g = 0; g < collectFrom; g += 1) {
    const gramId = gramIds[g] ?? 0;
    const end = spaceIndex.gramStart[gramId + 1] ?? 0;
    for (let k = spaceIndex.gramStart[gramId] ?? 0; k < end; k += 1) {
      const id = spaceIndex.gramPostings[k] ?? 0;
      const count = gramCounts[id] ?? 0;
      if (count === 0) {
        gramTouched[touchedCount++] = id;
        const other = lengths[id] ?? 0;
        gramCounts[id] =
          Math.abs(other - length) > Math.max(length, other) * 0.4 || id === exact ? rejected : 1;
      } else if (count !== rejected) gramCounts[id] = count + 1;
    }
  }
  // The tokens still in the running, for the commoner grams.
  const live = scratch.gramLive;
  let liveCount = 0;
  for (let k = 0; k < touchedCount; k += 1) {
    const id = gramTouched[k] ?? 0;
    if (gramCounts[id] !== rejected) live[liveCount++] = id;
  }
  for (let g = collectFrom; g < gramIds.length && liveCount > 0; g += 1) {
    const gramId = gramIds[g] ?? 0;
    const start = spaceIndex.gramStart[gramId] ?? 0;
    const end = spaceIndex.gramStart[gramId + 1] ?? 0;
    if (end - start < liveCount * Math.log2(end - start + 1)) {
      // Cheaper to walk the whole posting list than to search it once per live token.
      for (let k = start; k < end; k += 1) {
        const id = spaceIndex.gramPostings[k] ?? 0;
        const count = gramCounts[id] ?? 0;
        if (count !== 0 && count !== rejected) gramCounts[id] = count + 1;
      }
    } else {
      for (let k = 0; k < liveCount; k += 1) {
        const id = live[k] ?? 0;
        if (contains(spaceIndex.gramPostings, start, end, id))
          gramCounts[id] = (gramCounts[id] ?? 0) + 1;
      }
    }
  }
  for (let k = 0; k < liveCount; k += 1) {
    const id = live[k] ?? 0;
    const shared = gramCounts[id] ?? 0;
    // Trigram Dice first: most tokens sharing a trigram are far off.
    if ((2 * shared) / (length + (lengths[id] ?? 0)) < 0.3) continue;
    const similarity = tokenSimilarity(token, spaceIndex.tokens[id] ?? '');
    if (similarity >= minimum) hits.push({ id, similarity });
  }
  for (let k = 0; k < touchedCount; k += 1) gramCounts[gramTouched[k] ?? 0] = 0;
  return hits;
}
