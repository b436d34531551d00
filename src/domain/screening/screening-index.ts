import type { ListedParty, NameType, PartyKind } from '../lists/listed-party.ts';
import { acronymFillers } from './align-tokens.ts';
import { primaryName } from '../lists/listed-party.ts';
import { defaultNameLimits, normaliseName, type NameLimits } from './normalise-name.ts';
import { prepareName, type PreparedName } from './prepare-name.ts';
import { withoutParentheses as leaveOutParentheses } from './further-readings.ts';
import { isSeriesMarker, type Space, type TokenWeighting } from './score-names.ts';
import { shippedWordFrequencies } from './shipped-word-frequencies.ts';
import { corpusWeighting, wordWeight, type WordFrequencies } from './word-frequency.ts';

/** What a match needs to say about the listed party (the index keeps no more of it). */
export interface IndexedParty {
  readonly entityId: string;
  readonly source: string;
  readonly entityNumber: string;
  readonly kind: PartyKind;
  /** The primary listed name. */
  readonly name: string;
  readonly countries: readonly string[];
  readonly programmes: readonly string[];
  readonly subList?: string;
  /**
   * The same listing seen through several sources shares this key: an OFAC entry is
   * `ofac:<ent_num>` whether it comes from the SDN file, the non-SDN files or a CSL row.
   */
  readonly listingKey: string;
  /** Identifier values, upper case, letters and digits only, with their type. */
  readonly identifiers: readonly { readonly type: string; readonly value: string }[];
}

/** One listed name (primary or alias) of a party, prepared for comparison. */
export interface IndexedName {
  readonly party: number;
  readonly value: string;
  readonly type: NameType;
  readonly prepared: PreparedName;
  /**
   * For a name with parentheses, the own words (`exactKey`) of the name written without them:
   * "enerquip" for "Enerquip Ltd. (UAE)", "aritp" for "ARITP (All Russian Institute for
   * Technical Physics)". A query that is exactly that is the listed name with its qualifier or
   * expansion left out (see `adjustScore`).
   */
  readonly withoutParentheses?: string;
}

/**
 * The tokens of one comparison space with everything candidate generation needs: inverse
 * frequency weights, postings (token -> names), and character trigrams (trigram -> tokens) to
 * find misspelt tokens without scanning the vocabulary.
 */
export interface SpaceIndex {
  readonly vocabulary: ReadonlyMap<string, number>;
  readonly tokens: readonly string[];
  /** The length of each token (capped at 255), so that fuzzy lookup can filter without the string. */
  readonly tokenLength: Uint8Array;
  /**
   * The weight of each token, in [0.05, 1], from its frequency in ordinary names (see
   * `wordWeight`), never from the lists; joined pairs and acronyms weigh 1.
   */
  readonly weights: Float32Array;
  /**
   * Number of listings (not names: aliases count once) that contain each token: for the cost of
   * candidate generation and for telling given names apart, never for weighing a word.
   */
  readonly documentFrequency: Int32Array;
  /**
   * 1 for joined pairs and acronyms ("aerocaribbean", "icbc"): for lookup, not for weights. They
   * are kept under `compoundKey` ("+aerocaribbean"), apart from the same letters listed as a word,
   * so that the postings of a word ("dec") never include the names that only join two ("de c").
   */
  readonly compound: Uint8Array;
  readonly postingStart: Int32Array;
  /** Name ids, grouped by token. */
  readonly postings: Int32Array;
  /** Fuzzy lookup keys (trigrams and deletion keys, see `fuzzyKeyKinds`) -> their postings. */
  readonly gramIds: ReadonlyMap<string, number>;
  readonly gramStart: Int32Array;
  /** Token ids, grouped by trigram. */
  readonly gramPostings: Int32Array;
  /** Per name: the smallest total weight of its forms in this space (0 when none). */
  readonly nameWeight: Float32Array;
}

/**
 * Everything screening needs, computed once from the lists: the parties, each of their names in
 * all its forms, and two searchable spaces (Latin letters; consonant skeletons for Arabic and
 * other consonantal scripts). Plain data only, so it can be sent to worker threads.
 */
export interface ScreeningIndex {
  readonly parties: readonly IndexedParty[];
  readonly names: readonly IndexedName[];
  readonly latin: SpaceIndex;
  readonly skeleton: SpaceIndex;
  /** Per Latin token: how many listed people carry it as a given name ("maria", "mohammed"). */
  readonly givenNameCount: Int32Array;
  /** 1 for names with at least one consonantal form (listed in Arabic script, say). */
  readonly consonantalName: Uint8Array;
  /**
   * Listed names by their normalised tokens as written (`exactKey`), and by those of each name
   * they embed (an `alternative` form: "NUDT" in "... Technology (NUDT)"): a query whose own
   * tokens are one of these is a candidate, whatever else the lists hold.
   */
  readonly exactNames: ReadonlyMap<string, readonly number[]>;
  /** The word frequencies the weights came from. */
  readonly frequencies: WordFrequencies;
  readonly limits: NameLimits;
}

/**
 * The key of a name's own words, in their own script, after normalisation (legal forms,
 * honorifics and punctuation set aside): two names with the same key are the same name.
 *
 * @example
 * exactKey(prepareName('HUAWEI TECHNOLOGIES CO., LTD.')) // 'huawei technologies'
 */
export const exactKey = (prepared: PreparedName): string => prepared.normalised.tokens.join(' ');

/** Options of `buildScreeningIndex`. */
export interface BuildIndexOptions {
  readonly limits?: NameLimits;
  /** The word frequencies that weigh tokens (default: the shipped corpus). */
  readonly frequencies?: WordFrequencies;
}

const ofacSubList =
  /treasury|\(sdn\)|specially designated|non-sdn|ssi|fse|plc|cmic|ns-mbs|capta|\bcap\b/i;

/**
 * The key under which one listing appears in several sources. OFAC entries keep their ent_num
 * in the SDN and non-SDN files and in the CSL's Treasury sub-lists; other sources are keyed by
 * their own id.
 */
export function listingKeyOf(party: ListedParty): string {
  if (party.source === 'us-ofac-sdn' || party.source === 'us-ofac-nonsdn')
    return `ofac:${party.entityNumber}`;
  if (
    party.source === 'us-csl' &&
    party.subList !== undefined &&
    ofacSubList.test(party.subList) &&
    /^\d+$/.test(party.entityNumber)
  )
    return `ofac:${party.entityNumber}`;
  return party.entityId;
}

/** Identifier values compare on letters and digits only: "AB-123 456" is "AB123456". */
export const normaliseIdentifier = (value: string): string =>
  value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** The vocabulary key of a joined pair or an acronym of a listed name: "+" and its letters. */
export const compoundKey = (joined: string): string => `+${joined}`;

/** Padded character trigrams of a token: "^ab", "abc", ..., "yz$" (one gram for 1-letter tokens). */
export function trigrams(token: string): string[] {
  const padded = `^${token}$`;
  if (padded.length <= 3) return [padded];
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.push(padded.slice(i, i + 3));
  return grams;
}

/**
 * Which fuzzy keys a token is indexed (and looked up) under. Short tokens (three letters and up)
 * by their one-deletion neighbourhood, which finds every token one edit away in a few map lookups
 * ("yon" finds "yong", "al" finds "ali"); long ones by
 * trigrams, which also find tokens two or three edits away. Lengths 7 and 8 get both, so that a
 * query looked up one way meets a listed token indexed the other. Skeletons (compared only to one
 * edit) use deletions alone.
 */
export function fuzzyKeyKinds(
  token: string,
  space: Space,
): { deletions: boolean; trigrams: boolean } {
  if (space === 'skeleton') return { deletions: token.length >= 3, trigrams: false };
  return { deletions: token.length >= 3 && token.length <= 8, trigrams: token.length >= 7 };
}

/** "~" + the token and "~" + each way of deleting one of its letters. */
export function deletionKeys(token: string): string[] {
  const keys = [`~${token}`];
  for (let i = 0; i < token.length; i += 1) {
    const key = `~${token.slice(0, i)}${token.slice(i + 1)}`;
    if (key !== keys[keys.length - 1]) keys.push(key);
  }
  return keys;
}

class SpaceBuilder {
  constructor(readonly space: Space) {}

  readonly vocabulary = new Map<string, number>();
  readonly tokens: string[] = [];
  readonly compound: number[] = [];
  readonly df: number[] = [];
  readonly lastListing: number[] = [];
  readonly lastName: number[] = [];
  // (token, name) postings in the order they were added; grouped by token in build().
  private pairTokens = new Int32Array(1 << 16);
  private pairNames = new Int32Array(1 << 16);
  private pairCount = 0;

  id(token: string, isCompound: boolean): number {
    let id = this.vocabulary.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.vocabulary.set(token, id);
      this.tokens.push(token);
      this.compound.push(isCompound ? 1 : 0);
      this.df.push(0);
      this.lastListing.push(-1);
      this.lastName.push(-1);
    }
    return id;
  }

  /**
   * Adds the tokens of one form of name `name` (joined pairs and acronyms as compounds).
   * Document frequency counts listings, not names: aliases and sources repeating one listing
   * do not make its words look common.
   */
  add(name: number, listing: number, tokens: readonly string[]): void {
    const post = (token: string, isCompound: boolean): void => {
      const id = this.id(token, isCompound);
      if (this.lastName[id] === name) return;
      this.lastName[id] = name;
      if (this.pairCount === this.pairTokens.length) {
        const grown = this.pairTokens.length * 2;
        const tokensGrown = new Int32Array(grown);
        tokensGrown.set(this.pairTokens);
        const namesGrown = new Int32Array(grown);
        namesGrown.set(this.pairNames);
        this.pairTokens = tokensGrown;
        this.pairNames = namesGrown;
      }
      this.pairTokens[this.pairCount] = id;
      this.pairNames[this.pairCount] = name;
      this.pairCount += 1;
      if (!isCompound && this.lastListing[id] !== listing) {
        this.lastListing[id] = listing;
        this.df[id] = (this.df[id] ?? 0) + 1;
      }
    };
    tokens.forEach((token, i) => {
      post(token, false);
      const next = tokens[i + 1];
      if (next !== undefined) post(compoundKey(token + next), true);
    });
    const initials = tokens.filter((t) => !acronymFillers.has(t)).map((t) => t[0] ?? '');
    if (initials.length >= 2 && initials.length <= 6) post(compoundKey(initials.join('')), true);
  }

  build(
    frequencies: WordFrequencies,
    nameWeights: (weights: Float32Array) => Float32Array,
  ): SpaceIndex {
    const size = this.tokens.length;
    const weights = new Float32Array(size);
    const documentFrequency = Int32Array.from(this.df);
    for (let id = 0; id < size; id += 1) {
      weights[id] =
        this.compound[id] === 1
          ? 1
          : wordWeight(frequencies, this.tokens[id] ?? '', this.space, isSeriesMarker);
    }
    // Counting sort of the (token, name) pairs by token; names stay in ascending order.
    const postingStart = new Int32Array(size + 1);
    for (let k = 0; k < this.pairCount; k += 1) {
      const id = this.pairTokens[k] ?? 0;
      postingStart[id + 1] = (postingStart[id + 1] ?? 0) + 1;
    }
    for (let id = 0; id < size; id += 1)
      postingStart[id + 1] = (postingStart[id + 1] ?? 0) + (postingStart[id] ?? 0);
    const cursor = postingStart.slice(0, size);
    const postings = new Int32Array(this.pairCount);
    for (let k = 0; k < this.pairCount; k += 1) {
      const id = this.pairTokens[k] ?? 0;
      postings[cursor[id] ?? 0] = this.pairNames[k] ?? 0;
      cursor[id] = (cursor[id] ?? 0) + 1;
    }

    // Fuzzy lookup keys: one-deletion neighbourhoods ("~" + token and each token with one letter
    // deleted) for short tokens, padded trigrams for long ones (see `fuzzyKeyKind`). Compounds
    // (joined pairs, acronyms) are found exactly only.
    const gramLists = new Map<string, number[]>();
    const post = (key: string, id: number): void => {
      const list = gramLists.get(key);
      if (list) {
        if (list[list.length - 1] !== id) list.push(id);
      } else gramLists.set(key, [id]);
    };
    for (let id = 0; id < size; id += 1) {
      if (this.compound[id] === 1) continue;
      const token = this.tokens[id] ?? '';
      const kinds = fuzzyKeyKinds(token, this.space);
      if (kinds.deletions) for (const key of deletionKeys(token)) post(key, id);
      if (kinds.trigrams) for (const gram of new Set(trigrams(token))) post(gram, id);
    }
    const gramIds = new Map<string, number>();
    const gramStart = new Int32Array(gramLists.size + 1);
    let gramTotal = 0;
    let gramIndex = 0;
    for (const [gram, list] of gramLists) {
      gramIds.set(gram, gramIndex);
      gramStart[gramIndex] = gramTotal;
      gramTotal += list.length;
      gramIndex += 1;
    }
    gramStart[gramIndex] = gramTotal;
    const gramPostings = new Int32Array(gramTotal);
    gramIndex = 0;
    for (const list of gramLists.values()) {
      gramPostings.set(list, gramStart[gramIndex] ?? 0);
      gramIndex += 1;
    }
    const tokenLength = new Uint8Array(size);
    for (let id = 0; id < size; id += 1)
      tokenLength[id] = Math.min(255, (this.tokens[id] ?? '').length);
    return {
      vocabulary: this.vocabulary,
      tokens: this.tokens,
      tokenLength,
      weights,
      documentFrequency,
      compound: Uint8Array.from(this.compound),
      postingStart,
      postings,
      gramIds,
      gramStart,
      gramPostings,
      nameWeight: nameWeights(weights),
    };
  }
}

/**
 * Builds the screening index from list records: prepares every listed name and alias in all its
 * forms (normalised, transliterated, consonant skeletons), learns token weights from the lists
 * themselves (a token in many names weighs little), and precomputes postings and trigrams so
 * that a query never scans the whole list.
 *
 * @example
 * const index = buildScreeningIndex(parties);
 * screenName(index, { name: 'Hikvision' }, {});
 */
export function buildScreeningIndex(
  parties: readonly ListedParty[],
  options: BuildIndexOptions = {},
): ScreeningIndex {
  const limits = options.limits ?? defaultNameLimits;
  const frequencies = options.frequencies ?? shippedWordFrequencies();
  const indexedParties: IndexedParty[] = [];
  const exactNames = new Map<string, number[]>();
  const names: IndexedName[] = [];
  const latin = new SpaceBuilder('latin');
  const skeleton = new SpaceBuilder('skeleton');
  const givenNames = new Map<string, number>();
  const consonantal: number[] = [];
  const listings = new Map<string, number>();
  // Sources repeat each other (the CSL repeats the SDN): each distinct name is prepared once.
  const preparedByValue = new Map<string, PreparedName>();

  parties.forEach((party, partyIndex) => {
    indexedParties.push({
      entityId: party.entityId,
      source: party.source,
      entityNumber: party.entityNumber,
      kind: party.kind,
      name: primaryName(party),
      countries: party.countries,
      programmes: party.programmes,
      ...(party.subList !== undefined ? { subList: party.subList } : {}),
      listingKey: listingKeyOf(party),
      identifiers: party.identifiers
        .map((identifier) => ({
          type: identifier.type,
          value: normaliseIdentifier(identifier.value),
        }))
        .filter((identifier) => identifier.value.length >= 4),
    });
    const listingKey = listingKeyOf(party);
    const listing = listings.get(listingKey) ?? listings.size;
    listings.set(listingKey, listing);
    const seenValues = new Set<string>();
    for (const listedName of party.names) {
      const value = listedName.value.trim();
      if (!value || seenValues.has(value)) continue;
      seenValues.add(value);
      let prepared = preparedByValue.get(value);
      if (!prepared) {
        prepared = prepareName(value, limits);
        preparedByValue.set(value, prepared);
      }
      if (prepared.forms.length === 0) continue;
      const nameId = names.length;
      // Only the own words are needed (`exactKey`): normalised, not transliterated.
      const bare = value.includes('(')
        ? normaliseName(leaveOutParentheses(value), limits).tokens.join(' ')
        : '';
      const withoutParentheses = bare !== '' && bare !== exactKey(prepared) ? bare : undefined;
      names.push({
        party: partyIndex,
        value,
        type: listedName.type,
        prepared,
        ...(withoutParentheses !== undefined ? { withoutParentheses } : {}),
      });
      // Under its own words, those without its parentheses, and those of each name it embeds
      // ("NUDT" and "National University of Defense Technology" in "... Technology (NUDT)"; see
      // further-readings.ts).
      const keys = new Set([exactKey(prepared)]);
      if (withoutParentheses !== undefined) keys.add(withoutParentheses);
      for (const form of prepared.forms)
        if (form.scheme === 'alternative' && !form.consonantal) keys.add(form.tokens.join(' '));
      for (const key of keys) {
        const same = exactNames.get(key);
        if (same) same.push(nameId);
        else exactNames.set(key, [nameId]);
      }
      let isConsonantal = 0;
      for (const form of prepared.forms) {
        if (form.consonantal) isConsonantal = 1;
        else latin.add(nameId, listing, form.tokens);
        skeleton.add(nameId, listing, form.skeleton);
      }
      consonantal.push(isConsonantal);
      // People listed "LAST, First": the words after the comma are given names.
      const comma = value.indexOf(',');
      if (party.kind === 'person' && comma > 0) {
        for (const token of normaliseName(value.slice(comma + 1), limits).tokens)
          givenNames.set(token, (givenNames.get(token) ?? 0) + 1);
      }
    }
  });

  const nameWeightsIn =
    (space: Space) =>
    (weights: Float32Array): Float32Array => {
      const builder = space === 'latin' ? latin : skeleton;
      const out = new Float32Array(names.length);
      names.forEach((name, nameId) => {
        let best = Infinity;
        for (const form of name.prepared.forms) {
          if (space === 'latin' && form.consonantal) continue;
          const tokens = space === 'latin' ? form.tokens : form.skeleton;
          let sum = 0;
          for (const token of tokens) sum += weights[builder.vocabulary.get(token) ?? -1] ?? 0;
          if (tokens.length > 0) best = Math.min(best, sum);
        }
        out[nameId] = Number.isFinite(best) ? best : 0;
      });
      return out;
    };

  const latinIndex = latin.build(frequencies, nameWeightsIn('latin'));
  const givenNameCount = new Int32Array(latinIndex.tokens.length);
  for (const [token, count] of givenNames) {
    const id = latinIndex.vocabulary.get(token);
    if (id !== undefined) givenNameCount[id] = count;
  }
  return {
    parties: indexedParties,
    names,
    latin: latinIndex,
    skeleton: skeleton.build(frequencies, nameWeightsIn('skeleton')),
    givenNameCount,
    consonantalName: Uint8Array.from(consonantal),
    exactNames,
    frequencies,
    limits,
  };
}

const weightings = new WeakMap<ScreeningIndex, TokenWeighting>();

/**
 * Token weights of an index: each word by its frequency in ordinary names (the corpus the index
 * was built with), the same for query and listed words, whether the lists contain them or not.
 * Words of the lists' vocabulary take the weight computed when the index was built; others are
 * computed from the corpus (and remembered).
 */
export function indexWeighting(index: ScreeningIndex): TokenWeighting {
  let weighting = weightings.get(index);
  if (!weighting) {
    const fromCorpus = corpusWeighting(index.frequencies, isSeriesMarker);
    weighting = {
      learnt: true,
      weight(token: string, space: Space): number {
        const spaceIndex = space === 'latin' ? index.latin : index.skeleton;
        const id = spaceIndex.vocabulary.get(token);
        if (id !== undefined && spaceIndex.compound[id] === 0)
          return spaceIndex.weights[id] ?? fromCorpus.weight(token, space);
        return fromCorpus.weight(token, space);
      },
    };
    weightings.set(index, weighting);
  }
  return weighting;
}
