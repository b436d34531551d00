import {
  alignTokens,
  defaultAlignmentParameters,
  type Alignment,
  type AlignmentParameters,
} from './align-tokens.ts';
import { abbreviationSimilarity, sameWordAbbreviated } from './abbreviations.ts';
import { identicalNames, sameOwnWords, sameWordsAsEmbedded } from './same-name.ts';
import type { PreparedName } from './prepare-name.ts';
import { sameGivenName } from './given-name-equivalents.ts';
import { samePlaceOrTerm } from './place-equivalents.ts';
import {
  skeletonSimilarity,
  soundSimilarity,
  soundsAlike,
  tokenSimilarity,
} from './token-similarity.ts';
import { syllabicScripts } from './scripts.ts';
import { markCutWords, withCutLastWords } from './truncated-names.ts';
import type { FormScheme, NameForm } from './transliterate.ts';
import { weightsOfListed, weightsOfQuery } from './token-weights.ts';
import { patronymicReversal } from './patronymics.ts';
import { geographicWordWeight, geographicWords, particles } from './word-frequency.ts';

/**
 * Where scores turn into alerts. A match at or above `review` is returned for an officer to look
 * at; at or above `strong` it is a likely true match. Both are per deployment (passed in); the
 * defaults come from the benchmark (bench/screening): `review` 0.80 sits near the best F1 on the
 * tuning half of the nomenklatura pairs (0.898 at 0.80, best 0.908 at 0.78) and keeps false alerts
 * on the held-out half of the yente synthetic customers at about 6 per 1,000; `strong` 0.95 is
 * reached only when every word agrees (or nearly), which keeps strong false alerts under 0.5 per
 * 1,000.
 */
export interface ScoreThresholds {
  readonly review: number;
  readonly strong: number;
}

export const defaultThresholds: ScoreThresholds = { review: 0.8, strong: 0.95 };

/** The band of a score, or undefined below `review`. */
export function bandOf(
  score: number,
  thresholds: ScoreThresholds,
): 'strong' | 'review' | undefined {
  if (score >= thresholds.strong) return 'strong';
  if (score >= thresholds.review) return 'review';
  return undefined;
}

/** Comparison space: Latin letters, or consonant skeletons (when either side is consonantal). */
export type Space = 'latin' | 'skeleton';

/**
 * How much a token counts. With a screening index it is the token's inverse document frequency
 * in the lists ("technology" little, "hikvision" a lot); `NaN` means unknown, and the token then
 * takes the weight of whatever it is aligned with.
 */
export interface TokenWeighting {
  weight(token: string, space: Space): number;
  /**
   * True when the weights were learnt from lists (inverse frequencies): only then do
   * `minimumDistinctive` and `missingDistinctivePenalty` apply.
   */
  readonly learnt: boolean;
}

/**
 * The weighting used without an index (compareNames on two bare names): every token counts 1,
 * except particles (al, bin, de, van, of ...), numbers, Roman numerals and one-letter skeletons,
 * which count 0.3, and words of country and continent names (`geographicWords`), which count 0.5.
 */
export const uniformWeighting: TokenWeighting = {
  learnt: false,
  weight(token: string, space: Space): number {
    if (space === 'skeleton') return token.length <= 1 ? 0.3 : 1;
    if (particles.has(token) || isSeriesMarker(token)) return 0.3;
    return geographicWords().has(token) ? geographicWordWeight : 1;
  },
};

const romanNumeral = /^(?=[ivx])x{0,3}(ix|iv|v?i{0,3})$/;

/**
 * Numbers and Roman numerals (2004, 23, XV): they tell members of a series apart ("Fund III",
 * "Fund IV"), which is worth a review rather than a dismissal, so they weigh little.
 */
export function isSeriesMarker(token: string): boolean {
  const code = token.charCodeAt(0);
  if (code >= 48 && code <= 57) return true;
  return token.length <= 6 && romanNumeral.test(token);
}

/** Parameters of the score; see `blendCoverage`. */
export interface ScoringParameters {
  readonly alignment: AlignmentParameters;
  /** Share of the score that does not depend on the less-covered side, when >= 2 tokens matched. */
  readonly leniency: number;
  /** The same when fewer than two tokens matched (a one-word name against a longer one). */
  readonly singleTokenLeniency: number;
  /** Multiplier for comparisons made on consonant skeletons (they lose the vowels' evidence). */
  readonly skeletonDiscount: number;
  /**
   * Penalty per unit of substituted weight: tokens left without any partner on both sides at
   * once ("... AL-DULAIMI" / "... AL-TIKRITI") say that another person is meant, while a token
   * missing on one side only is an omission.
   */
  readonly conflictPenalty: number;
  /** Penalty when father and son change places around "bin"/"ibn" (see `patronymicReversal`). */
  readonly reversalPenalty: number;
  /** Similarity of two forms of one given name ("Ted"/"Theodore", "Juan"/"John"). */
  readonly givenNameEquivalence: number;
  /**
   * Similarity of two spellings of one place or administrative term ("Kashi"/"Kashgar",
   * "municipal"/"city"), from the gazetteer in data/screening/places.
   */
  readonly placeEquivalence: number;
  /**
   * Candidate generation looks up vocabulary tokens at least this similar to a query token
   * (the full scorer then compares every token pair of the candidates).
   */
  readonly candidateSimilarity: number;
  /** Candidates whose estimated score (from the postings) is below this are not scored. */
  readonly candidateFloor: number;
  /** Candidates estimated at or above this are all scored, beyond the usual number. */
  readonly candidateSure: number;
  /**
   * How distinctive the matched words of a side must be for its coverage to count in full: the
   * weight of its most distinctive matched token. A listed name made of common words ("Digital
   * Technologies", "Mohammed Ali") is "fully covered" by many queries; its coverage is scaled by
   * `distinctive / minimumDistinctive`. With inverse-frequency weights a word found in a handful
   * of listings weighs about 0.8, one found in hundreds 0.4; uniform weights (no index) are 1.
   */
  readonly minimumDistinctive: number;
  /**
   * Several words together are distinctive even when none is alone ("Information Technology and
   * Communication Systems"): a side's distinctiveness is the larger of its rarest matched word's
   * weight and the weight its matched words earned together times this factor. With weights of
   * bits / 12, 0.6 means 20 bits together count as one fully distinctive word.
   */
  readonly combinedDistinctiveness: number;
  /**
   * Penalty per unit by which the less-covered side's most distinctive unmatched word outweighs
   * the better-covered side's most distinctive matched word: "Hangzhou Hikvision Digital
   * Technology" is not "Digital Technologies", because "hikvision" is left over and nothing as
   * rare matched. Inert with uniform weights.
   */
  readonly missingDistinctivePenalty: number;
}

export const defaultScoringParameters: ScoringParameters = {
  alignment: defaultAlignmentParameters,
  leniency: 0.75,
  singleTokenLeniency: 0.3,
  skeletonDiscount: 0.92,
  conflictPenalty: 0.6,
  reversalPenalty: 0.25,
  givenNameEquivalence: 0.9,
  placeEquivalence: 0.95,
  candidateSimilarity: 0.75,
  candidateFloor: 0.5,
  candidateSure: 0.9,
  minimumDistinctive: 0.7,
  combinedDistinctiveness: 0.6,
  missingDistinctivePenalty: 1,
};

/**
 * How distinctive the matched words of one side are: the weight of its rarest matched word, or
 * the weight they earned together times `combinedDistinctiveness`, whichever is larger.
 */
export function sideDistinctiveness(
  alignment: Alignment,
  side: 'query' | 'listed',
  parameters: ScoringParameters,
): number {
  const [single, earned] =
    side === 'query'
      ? [alignment.queryDistinctive, alignment.queryEarned]
      : [alignment.listedDistinctive, alignment.listedEarned];
  return Math.max(single, earned * parameters.combinedDistinctiveness);
}

/**
 * Blends the two coverages of an alignment into one score in [0, 1]:
 * `high * (leniency + (1 - leniency) * low) - conflictPenalty * substituted`, where `high` is the
 * better-covered side and `substituted` the weight left unpaired on both sides at once. A name
 * entirely contained in the other ("Vladimir Putin" in "Vladimir Vladimirovich PUTIN") keeps most
 * of its score, because lists and customers both omit middle names and patronymics; a name that
 * is only partly explained on both sides ("Olaf Scholz" / "Octavian Scholz") loses on both counts.
 * With fewer than two tokens matched the leniency drops, so one shared word is not enough.
 *
 * @example
 * // query fully covered, listed name two-thirds covered, two tokens matched:
 * blendCoverage({ queryCoverage: 1, listedCoverage: 0.67, matchedTokens: 2, queryUnmatched: 0,
 *   listedUnmatched: 0.33, queryDistinctive: 1, listedDistinctive: 1, queryEarned: 2,
 *   listedEarned: 2, queryMissingDistinctive: 0,
 *   listedMissingDistinctive: 1, pairs: [] }) // 0.92
 */
export function blendCoverage(
  alignment: Alignment,
  parameters: ScoringParameters = defaultScoringParameters,
  learntWeights = false,
): number {
  const scale = (coverage: number, distinctive: number): number =>
    !learntWeights || distinctive >= parameters.minimumDistinctive
      ? coverage
      : (coverage * distinctive) / parameters.minimumDistinctive;
  const query = scale(alignment.queryCoverage, sideDistinctiveness(alignment, 'query', parameters));
  const listed = scale(
    alignment.listedCoverage,
    sideDistinctiveness(alignment, 'listed', parameters),
  );
  const high = Math.max(query, listed);
  const low = Math.min(query, listed);
  const [highDistinctive, lowMissing] =
    query >= listed
      ? [alignment.queryDistinctive, alignment.listedMissingDistinctive]
      : [alignment.listedDistinctive, alignment.queryMissingDistinctive];
  const outweighed = learntWeights
    ? Math.max(0, lowMissing - highDistinctive) * parameters.missingDistinctivePenalty
    : 0;
  const fullyAligned = alignment.queryUnmatched === 0 && alignment.listedUnmatched === 0;
  // One shared word: lenient when it is all of the query ("Huawei" for "Huawei Technologies"),
  // strict when it is all of the listed name ("Daisy Ayala" for the vessel "DAISY").
  const leniency =
    alignment.matchedTokens >= 2 || fullyAligned
      ? parameters.leniency
      : query >= listed
        ? parameters.singleTokenLeniency + 0.2
        : parameters.singleTokenLeniency;
  const conflict = Math.min(alignment.queryUnmatched, alignment.listedUnmatched);
  return Math.max(
    0,
    high * (leniency + (1 - leniency) * low) - parameters.conflictPenalty * conflict - outweighed,
  );
}

/** The best-scoring pair of forms of two names. */
export interface FormComparison {
  readonly score: number;
  readonly alignment: Alignment;
  readonly queryForm: NameForm;
  readonly listedForm: NameForm;
  readonly space: Space;
  readonly queryTokens: readonly string[];
  readonly listedTokens: readonly string[];
  readonly queryWeights: readonly number[];
  readonly listedWeights: readonly number[];
  /** True when the patronymic-reversal penalty applied. */
  readonly reversal: boolean;
  /**
   * True when both names are the same name (see `identicalNames`): the score is then 1,
   * whatever the words' frequencies.
   */
  readonly exact: boolean;
  /**
   * True when both names have the same own words in another order or with another legal form
   * (see `sameOwnWords`): the score is then at least `nonExactCeiling`.
   */
  readonly sameWords: boolean;
  /**
   * With weights learnt from the lists: how distinctive each side's matched words are (the weight
   * of its rarest matched word), and the minimum below which that side's coverage was scaled down
   * by `value / minimum`.
   */
  readonly distinctiveness?: {
    readonly query: number;
    readonly listed: number;
    readonly minimum: number;
  };
}

/** Resolves unknown (NaN) weights to the weight of the aligned partner, or 1 when unaligned. */
export function resolveWeights(
  weights: readonly number[],
  partnerWeights: readonly number[],
  alignment: Alignment,
  side: 'query' | 'listed',
): number[] {
  const resolved = weights.map((w) => (Number.isNaN(w) ? 1 : w));
  for (const pair of alignment.pairs) {
    if (pair.kind === 'unmatched') continue;
    const [start, length, partnerStart, partnerLength] =
      side === 'query'
        ? [pair.queryStart, pair.queryLength, pair.listedStart, pair.listedLength]
        : [pair.listedStart, pair.listedLength, pair.queryStart, pair.queryLength];
    let partner = 0;
    for (let k = 0; k < partnerLength; k += 1)
      partner = Math.max(partner, partnerWeights[partnerStart + k] ?? 0);
    for (let k = 0; k < length; k += 1) {
      if (Number.isNaN(weights[start + k] ?? 0)) resolved[start + k] = partner;
    }
  }
  return resolved;
}

/**
 * Token similarity for Latin forms: the letters' similarity, raised to `givenNameEquivalence`
 * for two forms of one given name ("Ted"/"Theodore"), to `placeEquivalence` for two spellings of
 * one place or administrative term ("Kashi"/"Kashgar"), and to `soundSimilarity` for two spellings
 * that sound alike ("Selenskyj"/"Zelenskyy", see `soundsAlike`).
 */
export function latinSimilarity(
  query: readonly string[],
  listed: readonly string[],
  parameters: ScoringParameters,
  base: (i: number, j: number) => number = (i, j) =>
    tokenSimilarity(query[i] ?? '', listed[j] ?? ''),
): (i: number, j: number) => number {
  return (i, j) => {
    const q = query[i] ?? '';
    const c = listed[j] ?? '';
    const sim = base(i, j);
    if (sim >= parameters.givenNameEquivalence) return sim;
    if (sameGivenName(q, c)) return parameters.givenNameEquivalence;
    if (samePlaceOrTerm(q, c)) return parameters.placeEquivalence;
    if (sim < abbreviationSimilarity && sameWordAbbreviated(q, c)) return abbreviationSimilarity;
    // Spellings that sound alike, when the letters already agree in large part.
    return sim >= 0.75 && sim < soundSimilarity && soundsAlike(q, c) ? soundSimilarity : sim;
  };
}

/** A form made of the normalised tokens themselves, in their own script. */
function ownScriptForm(prepared: PreparedName): NameForm {
  return {
    scheme: 'as-written',
    tokens: prepared.normalised.tokens,
    consonantal: false,
    skeleton: [],
  };
}

/**
 * True when both names are written in one and the same non-Latin script: they are then compared
 * in that script, since two Hangul names that romanise alike (김종은, 김정은) may still differ.
 */
export function sameNonLatinScript(query: PreparedName, listed: PreparedName): boolean {
  return (
    query.scripts.length === 1 &&
    listed.scripts.length === 1 &&
    query.scripts[0] === listed.scripts[0] &&
    query.scripts[0] !== 'latin'
  );
}

/**
 * Scores one pair of token lists: aligns them, gives unknown weights the weight of their partner,
 * aligns again with the resolved weights, then blends the coverages and applies the penalties.
 */
export function scoreTokenLists(
  queryTokens: readonly string[],
  rawQueryWeights: readonly number[],
  listedTokens: readonly string[],
  rawListedWeights: readonly number[],
  space: Space,
  parameters: ScoringParameters = defaultScoringParameters,
  similarity?: (i: number, j: number) => number,
  learntWeights = false,
  metric: (a: string, b: string) => number = space === 'skeleton'
    ? skeletonSimilarity
    : tokenSimilarity,
): {
  score: number;
  alignment: Alignment;
  queryWeights: readonly number[];
  listedWeights: readonly number[];
  reversal: boolean;
} {
  const known = (w: number): number => (Number.isNaN(w) ? 1 : w);
  const someUnknown = rawQueryWeights.some(Number.isNaN) || rawListedWeights.some(Number.isNaN);
  let queryWeights = someUnknown ? rawQueryWeights.map(known) : rawQueryWeights;
  let listedWeights = someUnknown ? rawListedWeights.map(known) : rawListedWeights;
  let alignment = alignTokens(
    queryTokens,
    queryWeights,
    listedTokens,
    listedWeights,
    similarity,
    parameters.alignment,
    true,
    metric,
  );
  if (someUnknown) {
    queryWeights = resolveWeights(rawQueryWeights, listedWeights, alignment, 'query');
    listedWeights = resolveWeights(rawListedWeights, queryWeights, alignment, 'listed');
    alignment = alignTokens(
      queryTokens,
      queryWeights,
      listedTokens,
      listedWeights,
      similarity,
      parameters.alignment,
      true,
      metric,
    );
  }
  const reversal = patronymicReversal(alignment, queryTokens, listedTokens);
  const score =
    Math.max(
      0,
      blendCoverage(alignment, parameters, learntWeights) -
        (reversal ? parameters.reversalPenalty : 0),
    ) * (space === 'skeleton' ? parameters.skeletonDiscount : 1);
  return { score, alignment, queryWeights, listedWeights, reversal };
}

/**
 * How two tokens are compared: `letters` (Jaro-Winkler and edit distance, for Latin forms),
 * `skeleton` (consonant skeletons, see `skeletonSimilarity`), or `exact` for readings built from
 * a closed set of syllables (pinyin, Hangul romanisations), where one letter more or less is
 * another character: cheng is not chen, jinpeng is not jinping.
 */
export type Metric = 'letters' | 'skeleton' | 'exact';

const exactSimilarity = (a: string, b: string): number => (a === b ? 1 : 0);

/** The token similarity function of a metric. */
export const metricFunction = (metric: Metric): ((a: string, b: string) => number) =>
  metric === 'skeleton'
    ? skeletonSimilarity
    : metric === 'exact'
      ? exactSimilarity
      : tokenSimilarity;

const strictSchemes: ReadonlySet<FormScheme> = new Set<FormScheme>([
  'pinyin',
  'wade-giles',
  'revised',
  'mccune',
  'northern',
  'popular',
]);

/**
 * The spaces two forms are compared in: consonant skeletons when either is consonantal, else
 * Latin letters, and skeletons as well when either is a Hunterian reading, whose vowels are the
 * least certain part (नरेंद्र "narendra" is listed as "Narender").
 */
function spacesOf(queryForm: NameForm, listedForm: NameForm): readonly Space[] {
  if (queryForm.consonantal || listedForm.consonantal) return skeletonOnly;
  return queryForm.scheme === 'hunterian' || listedForm.scheme === 'hunterian'
    ? bothSpaces
    : latinOnly;
}

const skeletonOnly: readonly Space[] = ['skeleton'];
const latinOnly: readonly Space[] = ['latin'];
const bothSpaces: readonly Space[] = ['latin', 'skeleton'];

/**
 * Compares every form of the query with every form of the listed name and keeps the best:
 * Latin forms letter by letter, and any pair involving a consonantal form (Arabic, Hebrew, ...)
 * on consonant skeletons on both sides (a Hunterian reading both ways, see `spacesOf`); pinyin
 * and Hangul readings token by token exactly. Two names in the same non-Latin script are
 * compared in that script. `memo`, when given, caches token similarities across calls
 * (screening passes one per query).
 */
export function compareForms(
  query: PreparedName,
  listed: PreparedName,
  weighting: TokenWeighting,
  parameters: ScoringParameters = defaultScoringParameters,
  memo?: (a: string, b: string, metric: Metric) => number,
): FormComparison | undefined {
  const same = sameNonLatinScript(query, listed);
  // A syllabary is compared on its readings too (see `syllabicScripts`).
  const readingsToo = same && syllabicScripts.has(query.scripts[0] ?? 'other');
  const queryForms = !same
    ? query.forms
    : [ownScriptForm(query), ...(readingsToo ? query.forms : [])];
  const listedForms = !same
    ? listed.forms
    : [ownScriptForm(listed), ...(readingsToo ? listed.forms : [])];
  let best: FormComparison | undefined;
  for (const queryForm of queryForms) {
    for (const listedForm of listedForms) {
      for (const space of spacesOf(queryForm, listedForm)) {
        const queryTokens = space === 'skeleton' ? queryForm.skeleton : queryForm.tokens;
        const listedTokens = space === 'skeleton' ? listedForm.skeleton : listedForm.tokens;
        if (queryTokens.length === 0 || listedTokens.length === 0) continue;
        const metric: Metric =
          space === 'skeleton'
            ? 'skeleton'
            : strictSchemes.has(queryForm.scheme) || strictSchemes.has(listedForm.scheme)
              ? 'exact'
              : 'letters';
        const compare = metricFunction(metric);
        // A name cut at a field length may end in the start of a word (see truncated-names.ts).
        const queryCut = query.lastWordMayBeCut && metric !== 'skeleton';
        const listedCut = listed.lastWordMayBeCut && metric !== 'skeleton';
        const base = memo
          ? (i: number, j: number): number =>
              memo(queryTokens[i] ?? '', listedTokens[j] ?? '', metric)
          : (i: number, j: number): number => compare(queryTokens[i] ?? '', listedTokens[j] ?? '');
        const result = scoreTokenLists(
          queryTokens,
          weightsOfQuery(weighting, queryTokens, space),
          listedTokens,
          weightsOfListed(weighting, listedTokens, space),
          space,
          parameters,
          withCutLastWords(
            metric === 'letters'
              ? latinSimilarity(queryTokens, listedTokens, parameters, base)
              : base,
            queryTokens,
            listedTokens,
            queryCut,
            listedCut,
          ),
          weighting.learnt,
          compare,
        );
        if (!best || result.score > best.score) {
          best = {
            score: result.score,
            alignment: markCutWords(
              result.alignment,
              queryTokens,
              listedTokens,
              queryCut,
              listedCut,
            ),
            queryForm,
            listedForm,
            space,
            queryTokens,
            listedTokens,
            queryWeights: result.queryWeights,
            listedWeights: result.listedWeights,
            reversal: result.reversal,
            exact: false,
            sameWords: false,
            ...(weighting.learnt
              ? {
                  distinctiveness: {
                    query: sideDistinctiveness(result.alignment, 'query', parameters),
                    listed: sideDistinctiveness(result.alignment, 'listed', parameters),
                    minimum: parameters.minimumDistinctive,
                  },
                }
              : {}),
          };
        }
      }
    }
  }
  if (!best) return best;
  if (identicalNames(query, listed)) return { ...best, score: 1, exact: true };
  // The same words in another order, or with another legal form or none, are as near as a name
  // can be without being the listed name itself, however common the words ("China Mobile" for
  // "CHINA MOBILE LIMITED", "Chen Si" for "SI CHEN"); father and son swapped around "bin" are not.
  if (!best.reversal && (sameOwnWords(query, listed) || sameWordsAsEmbedded(query, listed)))
    return { ...best, score: Math.max(best.score, nonExactCeiling), sameWords: true };
  return best;
}

/**
 * The highest score of a name that is not the listed name itself: 1.00 is kept for a name
 * whose own words are the listed name's, so that no other name can tie with it.
 */
export const nonExactCeiling = 0.99;
