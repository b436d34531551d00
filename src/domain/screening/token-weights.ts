import type { Space, TokenWeighting } from './score-names.ts';

// The weights of a token list. A query's forms are compared with a few dozen candidates in a row,
// and a listed name's forms (kept by the index) with every query that finds them, so both are
// remembered: the listed ones per list in a weak map (they leave with their tokens), the query's
// as the last few lists met (their keys would be young garbage in a weak map, which the scavenger
// handles at a cost). Weightings are pure functions of a token and its space, so a remembered
// value never goes stale.
const weightCaches = new WeakMap<
  TokenWeighting,
  Record<Space, WeakMap<readonly string[], readonly number[]>>
>();
// As many as a query has token lists: each form (six Cyrillic standards, four Hangul conventions)
// in each space it is compared in. With four, a Cyrillic query's weights were recomputed for every
// candidate, its lists pushing each other out in turn.
const recentSize = 16;
const slots = <T>(): (T | undefined)[] => Array.from({ length: recentSize }, () => undefined);
const recentLists = slots<readonly string[]>();
const recentWeights = slots<readonly number[]>();
const recentOwners = slots<TokenWeighting>();
const recentSpaces = slots<Space>();
let recentNext = 0;

export function weightsOfQuery(
  weighting: TokenWeighting,
  tokens: readonly string[],
  space: Space,
): readonly number[] {
  for (let k = 0; k < recentSize; k += 1) {
    const weights = recentWeights[k];
    if (
      recentLists[k] === tokens &&
      recentOwners[k] === weighting &&
      recentSpaces[k] === space &&
      weights
    )
      return weights;
  }
  const weights = tokens.map((t) => weighting.weight(t, space));
  recentLists[recentNext] = tokens;
  recentWeights[recentNext] = weights;
  recentOwners[recentNext] = weighting;
  recentSpaces[recentNext] = space;
  recentNext = (recentNext + 1) % recentSize;
  return weights;
}

export function weightsOfListed(
  weighting: TokenWeighting,
  tokens: readonly string[],
  space: Space,
): readonly number[] {
  let caches = weightCaches.get(weighting);
  if (!caches) {
    caches = { latin: new WeakMap(), skeleton: new WeakMap() };
    weightCaches.set(weighting, caches);
  }
  const cache = caches[space];
  let weights = cache.get(tokens);
  if (!weights) {
    weights = tokens.map((t) => weighting.weight(t, space));
    cache.set(tokens, weights);
  }
  return weights;
}
