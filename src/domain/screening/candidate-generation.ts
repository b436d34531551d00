import { abbreviatedWords, abbreviationSimilarity } from './abbreviations.ts';
import { acronymFillers, credit, isDigitCode } from './align-tokens.ts';
import { sameGivenNameCandidates } from './given-name-equivalents.ts';
import { samePlaceOrTermCandidates } from './place-equivalents.ts';
import type { PreparedName } from './prepare-name.ts';
import type { ScoringParameters, Space } from './score-names.ts';
import { compoundKey, exactKey, type ScreeningIndex, type SpaceIndex } from './screening-index.ts';
import { contains, lookupToken, type GramScratch, type TokenHit } from './token-lookup.ts';
import { particles, wordBits } from './word-frequency.ts';
import { qualifiedContainmentBits } from './score-adjustments.ts';

// Candidate generation for `screenName`: which listed names are worth scoring in full, found
// through the index's postings and fuzzy keys without ever scanning the lists.

interface Scratch extends GramScratch {
  /**
   * Per name, two slots side by side: [2n] what the query's tokens earned for name n so far, and
   * [2n + 1] the name's weight in this space (`SpaceIndex.nameWeight`), so that reading one after
   * the other touches one cache line: the postings visit names in no useful order, and a second
   * array read at random cost a tenth of candidate generation.
   */
  readonly accumulator: Float32Array;
  readonly touched: Int32Array;
  /** Per token: 1 when some name listed in a consonantal script contains it. */
  readonly inConsonantalName: Uint8Array;
}

interface Scratches {
  readonly latin: Scratch;
  readonly skeleton: Scratch;
  /** Per name: its best estimate over every form and space of the current query. */
  readonly best: Float32Array;
  readonly bestTouched: Int32Array;
  /** Scratch for selecting the best estimates (see `kthLargest`). */
  readonly values: Float64Array;
}

// Reused buffers, one set per index (screening is synchronous, so never shared mid-call).
const scratches = new WeakMap<ScreeningIndex, Scratches>();

function scratchesFor(index: ScreeningIndex): Scratches {
  let found = scratches.get(index);
  if (!found) {
    const make = (spaceIndex: SpaceIndex): Scratch => {
      const inConsonantalName = new Uint8Array(spaceIndex.tokens.length);
      for (let id = 0; id < spaceIndex.tokens.length; id += 1) {
        const end = spaceIndex.postingStart[id + 1] ?? 0;
        for (let k = spaceIndex.postingStart[id] ?? 0; k < end; k += 1) {
          if (index.consonantalName[spaceIndex.postings[k] ?? 0] === 1) {
            inConsonantalName[id] = 1;
            break;
          }
        }
      }
      return {
        gramCounts: new Uint16Array(spaceIndex.tokens.length),
        gramTouched: new Int32Array(spaceIndex.tokens.length),
        gramLive: new Int32Array(spaceIndex.tokens.length),
        accumulator: interleaveWeights(spaceIndex.nameWeight, index.names.length),
        touched: new Int32Array(index.names.length),
        inConsonantalName,
      };
    };
    found = {
      latin: make(index.latin),
      skeleton: make(index.skeleton),
      best: new Float32Array(index.names.length),
      bestTouched: new Int32Array(index.names.length),
      values: new Float64Array(index.names.length),
    };
    scratches.set(index, found);
  }
  return found;
}

/** The accumulator of a space: zero earnings, each beside its name's weight. */
function interleaveWeights(nameWeight: Float32Array, names: number): Float32Array {
  const slots = new Float32Array(2 * names);
  for (let name = 0; name < names; name += 1) slots[2 * name + 1] = nameWeight[name] ?? 0;
  return slots;
}

const scratchFor = (index: ScreeningIndex, space: Space): Scratch =>
  space === 'latin' ? scratchesFor(index).latin : scratchesFor(index).skeleton;

/** The longest run of query words looked up as a whole listed name. */
const maxContainedWords = 8;

/** Joined pairs of query words this long or longer are looked up exactly only. */
const fuzzyJoinedPairLength = 8;

/** Postings longer than this are visited only when a query has no rarer word. */
const crowdedPostings = 1500;

const consonantalCounts = new WeakMap<ScreeningIndex, boolean>();

/** True when some listed name is written in a consonantal script (Arabic, Hebrew ...). */
function hasConsonantalNames(index: ScreeningIndex): boolean {
  let known = consonantalCounts.get(index);
  if (known === undefined) {
    known = index.consonantalName.some((flag) => flag === 1);
    consonantalCounts.set(index, known);
  }
  return known;
}

/** What the index holds for one query token: its similar words, and itself as a word. */
interface TokenLookup {
  readonly hits: TokenHit[];
  /** The token's own vocabulary id as a listed word (not a compound), or -1. */
  readonly word: number;
  /** The token as two listed words joined (`compoundKey`): one exact hit, or none. */
  readonly joined: readonly TokenHit[];
}

// Lookups are pure functions of the index and the token: cached across queries (bounded).
const lookupCaches = new WeakMap<SpaceIndex, Map<string, TokenLookup>>();
const lookupCacheLimit = 100_000;

function cachedLookup(
  index: ScreeningIndex,
  space: Space,
  token: string,
  parameters: ScoringParameters,
): TokenLookup {
  const spaceIndex = space === 'latin' ? index.latin : index.skeleton;
  let cache = lookupCaches.get(spaceIndex);
  if (!cache) {
    cache = new Map();
    lookupCaches.set(spaceIndex, cache);
  }
  const found = cache.get(token);
  if (found) return found;
  const minimum = space === 'latin' ? parameters.candidateSimilarity : 0.5;
  const hits = lookupToken(spaceIndex, scratchFor(index, space), token, space, minimum);
  if (space === 'latin') {
    const equivalents: [readonly string[], number][] = [
      [sameGivenNameCandidates(token), parameters.givenNameEquivalence],
      [samePlaceOrTermCandidates(token), parameters.placeEquivalence],
      [abbreviatedWords(token), abbreviationSimilarity],
    ];
    for (const [tokens, similarity] of equivalents)
      for (const equivalent of tokens) {
        const id = spaceIndex.vocabulary.get(equivalent);
        if (id !== undefined && !hits.some((h) => h.id === id))
          hits.push({ id, similarity, equivalent: true });
      }
  }
  const word = spaceIndex.vocabulary.get(token);
  const joinedWord = spaceIndex.vocabulary.get(compoundKey(token));
  const lookup: TokenLookup = {
    hits,
    word: word !== undefined && spaceIndex.compound[word] === 0 ? word : -1,
    joined: joinedWord !== undefined ? [{ id: joinedWord, similarity: 1 }] : [],
  };
  if (cache.size >= lookupCacheLimit) cache.clear();
  cache.set(token, lookup);
  return lookup;
}

/** A hit whose postings are crowded, credited once the query's other words have been visited. */
interface DeferredHit {
  readonly id: number;
  readonly earned: number;
}

/** Adds `earned` to every name containing token `id`; returns the new number of touched names. */
function creditPostings(
  spaceIndex: SpaceIndex,
  id: number,
  earned: number,
  onlyConsonantal: Uint8Array | undefined,
  scratch: Scratch,
  touchedCount: number,
): number {
  const { accumulator, touched } = scratch;
  const end = spaceIndex.postingStart[id + 1] ?? 0;
  let count = touchedCount;
  for (let k = spaceIndex.postingStart[id] ?? 0; k < end; k += 1) {
    const name = spaceIndex.postings[k] ?? 0;
    if (onlyConsonantal !== undefined && onlyConsonantal[name] !== 1) continue;
    const slot = 2 * name;
    if (accumulator[slot] === 0) touched[count++] = name;
    accumulator[slot] = (accumulator[slot] ?? 0) + earned;
  }
  return count;
}

/**
 * Adds `earned` to the names already touched that contain token `id`: a word found in thousands
 * of names ("al", "company") still counts for the names the query's rarer words found, without
 * visiting all of them. Walks the postings or searches them, whichever is cheaper.
 */
function creditTouched(
  spaceIndex: SpaceIndex,
  id: number,
  earned: number,
  scratch: Scratch,
  touchedCount: number,
): void {
  const { accumulator, touched } = scratch;
  const start = spaceIndex.postingStart[id] ?? 0;
  const end = spaceIndex.postingStart[id + 1] ?? 0;
  if (end - start < touchedCount * Math.log2(end - start + 1)) {
    for (let k = start; k < end; k += 1) {
      const name = spaceIndex.postings[k] ?? 0;
      const slot = 2 * name;
      if (accumulator[slot] !== 0) accumulator[slot] = (accumulator[slot] ?? 0) + earned;
    }
  } else {
    for (let k = 0; k < touchedCount; k += 1) {
      const name = touched[k] ?? 0;
      if (contains(spaceIndex.postings, start, end, name))
        accumulator[2 * name] = (accumulator[2 * name] ?? 0) + earned;
    }
  }
}

/**
 * Candidate generation: every listed name whose own words are the query's (an exact name, see
 * `exactKey`) is always a candidate; then every query token (and every pair of adjacent tokens, joined) is looked
 * up exactly and through its fuzzy keys; each hit credits the listed names that contain the token
 * by `credit(similarity) x weight`. A joined pair of the query counts only against a listed word
 * ("aero caribbean" / "aerocaribbean"), never against a joined pair of the listed name, which the
 * two words alone already credit. Words in thousands of names credit only the names the rarer
 * words found. A name's approximate score then follows from how much of its weight and of the
 * query's weight was credited, and only the best names are scored in full.
 */
export function generateCandidates(
  index: ScreeningIndex,
  query: PreparedName,
  parameters: ScoringParameters,
  maxCandidates: number,
): number[] {
  const floor = parameters.alignment.floor;
  const exponent = parameters.alignment.exponent;
  const all = scratchesFor(index);
  const { best, bestTouched } = all;
  let bestCount = 0;
  const consonantalListed = hasConsonantalNames(index);
  for (const space of ['latin', 'skeleton'] as const) {
    // Latin queries search the skeleton space only for names listed in a consonantal script.
    if (space === 'skeleton' && !consonantalListed && query.forms.every((f) => !f.consonantal))
      continue;
    const spaceIndex = space === 'latin' ? index.latin : index.skeleton;
    const scratch = space === 'latin' ? all.latin : all.skeleton;
    const { accumulator, touched } = scratch;
    for (const form of query.forms) {
      if (space === 'latin' && form.consonantal) continue;
      const onlyConsonantal = space === 'skeleton' && !form.consonantal;
      if (onlyConsonantal && !consonantalListed) continue;
      const nameFilter = onlyConsonantal ? index.consonantalName : undefined;
      const tokens = space === 'latin' ? form.tokens : form.skeleton;
      let touchedCount = 0;
      let queryWeight = 0;
      const deferred: DeferredHit[] = [];
      const visit = (hits: readonly TokenHit[], listedWordsOnly: boolean): void => {
        for (const hit of hits) {
          if (listedWordsOnly && spaceIndex.compound[hit.id] === 1) continue;
          if (onlyConsonantal && scratch.inConsonantalName[hit.id] !== 1) continue;
          const earned =
            credit(hit.similarity, floor, exponent) * Math.min(1, spaceIndex.weights[hit.id] ?? 0);
          if (earned <= 0) continue;
          const postings =
            (spaceIndex.postingStart[hit.id + 1] ?? 0) - (spaceIndex.postingStart[hit.id] ?? 0);
          if (postings > crowdedPostings || hit.equivalent === true)
            deferred.push({ id: hit.id, earned });
          else
            touchedCount = creditPostings(
              spaceIndex,
              hit.id,
              earned,
              nameFilter,
              scratch,
              touchedCount,
            );
        }
      };
      for (let i = 0; i < tokens.length; i += 1) {
        const token = tokens[i] ?? '';
        const { hits, word, joined } = cachedLookup(index, space, token, parameters);
        // An initial ("R." of "Kadyrov R.") stands for any word with its letter, which only the
        // full score pairs it with: it does not count against the names it cannot credit here.
        if (token.length > 1 || space !== 'latin') {
          if (word >= 0) queryWeight += spaceIndex.weights[word] ?? 1;
          else if (hits.length > 0) {
            let top = 0;
            for (const hit of hits) top = Math.max(top, spaceIndex.weights[hit.id] ?? 0);
            queryWeight += top;
          } else queryWeight += 1;
        }
        visit(hits, false);
        // The query word against two listed words joined ("aerocaribbean" / "aero caribbean").
        if (joined.length > 0) visit(joined, false);
        // Two query words joined, against a listed word ("aero caribbean" / "aerocaribbean"):
        // looked up exactly, and fuzzily only when short. A long joined pair is nearly always a
        // new token, and its fuzzy lookup cost a quarter of a query's time, for names that are
        // both split and misspelt (two perturbations at once), which the words alone still find.
        const next = tokens[i + 1];
        if (next !== undefined) {
          const joinedPair = token + next;
          if (joinedPair.length < fuzzyJoinedPairLength)
            visit(cachedLookup(index, space, joinedPair, parameters).hits, true);
          else {
            const word = spaceIndex.vocabulary.get(joinedPair);
            if (word !== undefined) visit([{ id: word, similarity: 1 }], true);
          }
        }
      }
      // The query's initials, for listed acronyms ("Abdallah Azzam Brigades" -> AAB).
      if (space === 'latin' && tokens.length >= 3) {
        let initials = '';
        for (const token of tokens) if (!acronymFillers.has(token)) initials += token[0] ?? '';
        if (initials.length >= 3 && initials.length <= 6) {
          const acronym = spaceIndex.vocabulary.get(compoundKey(initials));
          if (acronym !== undefined) visit([{ id: acronym, similarity: 1 }], false);
        }
        // Any run of three to six words may be spelt by a listed acronym ("Sun Moon Star" / SMS).
        const acronymSimilarity = parameters.alignment.acronymSimilarity;
        for (let start = 0; start + 2 < tokens.length; start += 1) {
          let spelt = '';
          for (let k = start; k < tokens.length && spelt.length < 6; k += 1) {
            const token = tokens[k] ?? '';
            if (k > start && acronymFillers.has(token)) continue;
            spelt += token[0] ?? '';
            if (spelt.length < 3 || isDigitCode(spelt.charCodeAt(spelt.length - 1))) continue;
            const word = spaceIndex.vocabulary.get(spelt);
            if (word !== undefined && spaceIndex.compound[word] === 0)
              visit([{ id: word, similarity: spelt === initials ? 1 : acronymSimilarity }], false);
          }
        }
      }
      if (touchedCount === 0) {
        for (const hit of deferred)
          touchedCount = creditPostings(
            spaceIndex,
            hit.id,
            hit.earned,
            nameFilter,
            scratch,
            touchedCount,
          );
      } else {
        for (const hit of deferred)
          creditTouched(spaceIndex, hit.id, hit.earned, scratch, touchedCount);
      }
      for (let k = 0; k < touchedCount; k += 1) {
        const name = touched[k] ?? 0;
        const earned = accumulator[2 * name] ?? 0;
        accumulator[2 * name] = 0;
        const nameWeight = accumulator[2 * name + 1] ?? 0;
        const listedCoverage = nameWeight > 0 ? Math.min(1, earned / nameWeight) : 0;
        const queryCoverage = queryWeight > 0 ? Math.min(1, earned / queryWeight) : 0;
        const high = Math.max(listedCoverage, queryCoverage);
        // The estimate is at most `high`: a name whose better side is under the floor can never
        // become a candidate, so it is not remembered (most names a common word touched).
        if (high < parameters.candidateFloor) continue;
        const low = Math.min(listedCoverage, queryCoverage);
        const approx = high * (parameters.leniency + (1 - parameters.leniency) * low);
        const previous = best[name] ?? 0;
        if (approx > previous) {
          if (previous === 0) bestTouched[bestCount++] = name;
          best[name] = approx;
        }
      }
    }
  }
  // The best `maxCandidates`, plus any other that looks like a match already (a name shared by
  // many listings must not crowd out some of them).
  let ranked: number[] = [];
  for (let k = 0; k < bestCount; k += 1) {
    const name = bestTouched[k] ?? 0;
    if ((best[name] ?? 0) >= parameters.candidateFloor) ranked.push(name);
  }
  // At most `kept` come out: when far more passed the floor (a query of common words), those
  // below the kept-th best estimate are dropped first, so that only the rest are sorted.
  const kept = Math.max(maxCandidates, sureCandidates);
  if (ranked.length > 2 * kept) {
    const cut = kthLargest(best, ranked, kept, all.values);
    ranked = ranked.filter((name) => (best[name] ?? 0) >= cut);
  }
  ranked.sort((a, b) => (best[b] ?? 0) - (best[a] ?? 0) || a - b);
  let end = Math.min(ranked.length, maxCandidates);
  while (
    end < ranked.length &&
    end < sureCandidates &&
    (best[ranked[end] ?? 0] ?? 0) >= parameters.candidateSure
  )
    end += 1;
  for (let k = 0; k < bestCount; k += 1) best[bestTouched[k] ?? 0] = 0;
  const candidates = ranked.slice(0, end);
  // Names identical to the query are candidates however many listings share their words, and so
  // are names that are a run of the query's words carrying enough information to be contained
  // in it ("CHINA MOBILE" in "China Mobile Ltd Branch Office"; see `qualifiedContainmentBits`).
  const words = query.normalised.tokens;
  const whole = index.exactNames.get(exactKey(query));
  if (whole) addCandidates(candidates, whole);
  for (let start = 0; start < words.length; start += 1) {
    let key = '';
    let bits = 0;
    const end = Math.min(words.length, start + maxContainedWords);
    for (let k = start; k < end; k += 1) {
      const word = words[k] ?? '';
      key = k === start ? word : `${key} ${word}`;
      bits += runWordBits(index, word);
      if (k - start + 1 === words.length || bits < qualifiedContainmentBits) continue;
      const names = index.exactNames.get(key);
      if (names) addCandidates(candidates, names);
    }
  }
  return candidates;
}

/** Names estimated at or above `candidateSure` are all kept, up to this many candidates. */
const sureCandidates = 64;

/**
 * The `k`-th largest of `estimates[name]` over `names` (1-based `k`, at most `names.length`), by
 * selection in `values` (a scratch array at least as long as `names`): linear time on average.
 */
export function kthLargest(
  estimates: Float32Array,
  names: readonly number[],
  k: number,
  values: Float64Array,
): number {
  const count = names.length;
  for (let i = 0; i < count; i += 1) values[i] = estimates[names[i] ?? 0] ?? 0;
  // Quickselect, largest first: afterwards values[k - 1] holds the k-th largest.
  let low = 0;
  let high = count - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1] ?? 0;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] ?? 0) > pivot) i += 1;
      while ((values[j] ?? 0) < pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target] ?? 0;
}

/** Appends the names not already among the candidates (a short list: a linear check is cheap). */
function addCandidates(candidates: number[], names: readonly number[]): void {
  for (const name of names) if (!candidates.includes(name)) candidates.push(name);
}

// Information of the words met in queries, in bits (see `wordBits`).
const bitsMet = new WeakMap<ScreeningIndex, Map<string, number>>();

function runWordBits(index: ScreeningIndex, word: string): number {
  let memo = bitsMet.get(index);
  if (!memo) {
    memo = new Map();
    bitsMet.set(index, memo);
  }
  let bits = memo.get(word);
  if (bits === undefined) {
    bits = particles.has(word) ? 0 : wordBits(index.frequencies, word, 'latin');
    if (memo.size >= 100_000) memo.clear();
    memo.set(word, bits);
  }
  return bits;
}
