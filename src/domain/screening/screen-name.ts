import type { NameType, PartyKind } from '../lists/listed-party.ts';
import { generateCandidates } from './candidate-generation.ts';
import { cutNameCandidates } from './cut-names.ts';
import { explainComparison, type MatchExplanation, type ScoreAdjustment } from './explanation.ts';
import type { LegalFormAgreement } from './legal-forms.ts';
import type { NameProblem } from './normalise-name.ts';
import { prepareName, type PreparedName } from './prepare-name.ts';
import { adjustScore } from './score-adjustments.ts';
import {
  bandOf,
  compareForms,
  defaultScoringParameters,
  defaultThresholds,
  type FormComparison,
  type Metric,
  type ScoreThresholds,
  type ScoringParameters,
} from './score-names.ts';
import { indexWeighting, type ScreeningIndex } from './screening-index.ts';
import { skeletonSimilarity, tokenSimilarity } from './token-similarity.ts';

/** What to screen: a name, and what else is known about the party. */
export interface ScreeningQuery {
  readonly name: string;
  /** ISO 3166-1 alpha-2 of the party's country. */
  readonly country?: string;
  readonly kind?: 'person' | 'organisation';
  /** Passport, registration or tax numbers, LEI, IMO ...; compared on letters and digits only. */
  readonly identifiers?: readonly { readonly type?: string; readonly value: string }[];
}

/** How to screen. */
export interface ScreeningOptions {
  /**
   * Most matches returned (default 10, at most 100); listings tied with the last one kept are
   * returned too.
   */
  readonly limit?: number;
  readonly thresholds?: ScoreThresholds;
  /** Score every listed name instead of generating candidates (for benchmarks and audits). */
  readonly exhaustive?: boolean;
  /** Internal tuning; see `defaultScoringParameters`. */
  readonly parameters?: ScoringParameters;
  /** Candidates scored in full after blocking (default 32). */
  readonly candidates?: number;
}

/** One listing that the query may denote. */
export interface ScreeningMatch {
  readonly entityId: string;
  readonly source: string;
  /** The party's primary listed name. */
  readonly name: string;
  /** The listed name or alias that matched. */
  readonly matchedName: string;
  readonly matchedNameType: NameType;
  /** In [0, 1]; see `ScoreThresholds`. */
  readonly score: number;
  readonly band: 'strong' | 'review';
  readonly explanation: MatchExplanation;
  readonly listedKind: PartyKind;
  readonly programmes: readonly string[];
  readonly countries: readonly string[];
  readonly subList?: string;
  /** The same listing in other sources (an SDN entry repeated in the CSL). */
  readonly alsoListed: readonly {
    readonly entityId: string;
    readonly source: string;
    readonly subList?: string;
  }[];
}

/** The outcome of screening one name. */
export interface ScreeningResult {
  readonly query: ScreeningQuery;
  /** Best first; nothing below the review threshold. */
  readonly matches: readonly ScreeningMatch[];
  /** What was odd about the query (empty, truncated, control characters, only a legal form ...). */
  readonly problems: readonly NameProblem[];
  /** Listed names scored in full (the rest were never looked at). */
  readonly candidatesScored: number;
  readonly thresholds: ScoreThresholds;
}

/** Per query: memoised token similarities and lookups. */
class QueryContext {
  private readonly similarities = new Map<string, Map<string, number>>();

  private readonly skeletons = new Map<string, Map<string, number>>();

  // The alignment asks for one query token against each listed token in turn: the last token's
  // memo is kept at hand.
  private lastToken = '';
  private lastMetric: Metric = 'exact';
  private lastMemo: Map<string, number> | undefined;

  similarity(a: string, b: string, metric: Metric): number {
    if (metric === 'exact') return a === b ? 1 : 0;
    let inner = a === this.lastToken && metric === this.lastMetric ? this.lastMemo : undefined;
    if (!inner) {
      const memo = metric === 'letters' ? this.similarities : this.skeletons;
      inner = memo.get(a);
      if (!inner) {
        inner = new Map();
        memo.set(a, inner);
      }
      this.lastToken = a;
      this.lastMetric = metric;
      this.lastMemo = inner;
    }
    let value = inner.get(b);
    if (value === undefined) {
      value = metric === 'letters' ? tokenSimilarity(a, b) : skeletonSimilarity(a, b);
      inner.set(b, value);
    }
    return value;
  }
}

const preference = (source: string): number => (source === 'us-csl' ? 1 : 0);

/**
 * Screens one name against the lists: prepares the query (normalisation, every transliteration),
 * generates candidates from the index (never the whole list), scores each candidate's names in
 * full, applies the bonuses and penalties (country, entity kind, identifiers, legal forms) and
 * the caps (one-word queries, legal-form-only queries, weak aliases), merges listings that
 * several sources repeat, and returns those at or above `thresholds.review`, best first, each
 * with its explanation.
 *
 * @example
 * screenName(index, { name: '杭州海康威视数字技术股份有限公司', country: 'CN' }, { limit: 5 })
 * // matches[0]: { name: 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.', band: 'strong', ... }
 */
export function screenName(
  index: ScreeningIndex,
  query: ScreeningQuery,
  options: ScreeningOptions = {},
): ScreeningResult {
  const thresholds = options.thresholds ?? defaultThresholds;
  const parameters = options.parameters ?? defaultScoringParameters;
  const limit = Math.max(1, Math.min(100, Math.floor(options.limit ?? 10)));
  const prepared = prepareName(query.name, index.limits);
  if (prepared.forms.length === 0)
    return { query, matches: [], problems: prepared.problems, candidatesScored: 0, thresholds };

  const candidateNames = options.exhaustive
    ? index.names.map((_, i) => i)
    : generateCandidates(index, prepared, parameters, options.candidates ?? 32);
  // A name cut at a field length: the listed names it begins are candidates too.
  if (!options.exhaustive && prepared.cutAtFieldLength) {
    const listed = new Set(candidateNames);
    for (const nameId of cutNameCandidates(index, prepared))
      if (!listed.has(nameId)) candidateNames.push(nameId);
  }
  const context = new QueryContext();
  const weighting = indexWeighting(index);
  const memo = (a: string, b: string, metric: Metric): number => context.similarity(a, b, metric);
  interface Scored {
    readonly nameId: number;
    readonly score: number;
    readonly comparison: FormComparison;
    readonly adjustments: readonly ScoreAdjustment[];
    readonly legal: LegalFormAgreement;
  }
  const bestByListing = new Map<string, Scored[]>();
  // Listings repeated across sources (an SDN entry in the CSL) and shared aliases are one name,
  // prepared once by the index: compared once (about a fifth of the candidates of a query).
  const compared = new Map<PreparedName, FormComparison | undefined>();
  for (const nameId of candidateNames) {
    const name = index.names[nameId];
    if (!name) continue;
    const party = index.parties[name.party];
    if (!party) continue;
    let comparison = compared.get(name.prepared);
    if (comparison === undefined && !compared.has(name.prepared)) {
      comparison = compareForms(prepared, name.prepared, weighting, parameters, memo);
      compared.set(name.prepared, comparison);
    }
    // Every candidate is adjusted: far below review, the containment floor may still bring a
    // listed organisation back (see adjustScore).
    if (!comparison) continue;
    const { score, adjustments, legal } = adjustScore(
      index,
      query,
      prepared,
      party,
      name,
      comparison,
      thresholds,
    );
    if (score < thresholds.review) continue;
    const list = bestByListing.get(party.listingKey) ?? [];
    list.push({ nameId, score, comparison, adjustments, legal });
    bestByListing.set(party.listingKey, list);
  }

  const matches: ScreeningMatch[] = [];
  for (const scoredNames of bestByListing.values()) {
    scoredNames.sort((a, b) => {
      const pa = index.parties[index.names[a.nameId]?.party ?? 0];
      const pb = index.parties[index.names[b.nameId]?.party ?? 0];
      return (
        b.score - a.score ||
        preference(pa?.source ?? '') - preference(pb?.source ?? '') ||
        a.nameId - b.nameId
      );
    });
    const top = scoredNames[0];
    if (!top) continue;
    const name = index.names[top.nameId];
    const party = name ? index.parties[name.party] : undefined;
    if (!name || !party) continue;
    const band = bandOf(top.score, thresholds) ?? 'review';
    const others = new Map<string, { entityId: string; source: string; subList?: string }>();
    for (const other of scoredNames) {
      const otherParty = index.parties[index.names[other.nameId]?.party ?? -1];
      if (otherParty && otherParty.entityId !== party.entityId)
        others.set(otherParty.entityId, {
          entityId: otherParty.entityId,
          source: otherParty.source,
          ...(otherParty.subList !== undefined ? { subList: otherParty.subList } : {}),
        });
    }
    matches.push({
      entityId: party.entityId,
      source: party.source,
      name: party.name,
      matchedName: name.value,
      matchedNameType: name.type,
      score: Math.round(top.score * 1000) / 1000,
      band,
      explanation: explainComparison(
        prepared,
        name.prepared,
        top.comparison,
        top.legal,
        top.adjustments,
        top.score,
        band,
      ),
      listedKind: party.kind,
      programmes: party.programmes,
      countries: party.countries,
      ...(party.subList !== undefined ? { subList: party.subList } : {}),
      alsoListed: [...others.values()],
    });
  }
  matches.sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId));
  // The limit never splits a tie: listings that score as high as the last one kept (the very
  // same name listed for several affiliates, say) are all returned.
  let end = Math.min(limit, matches.length);
  const last = matches[end - 1]?.score;
  while (end < matches.length && matches[end]?.score === last) end += 1;
  return {
    query,
    matches: matches.slice(0, end),
    problems: prepared.problems,
    candidatesScored: candidateNames.length,
    thresholds,
  };
}
