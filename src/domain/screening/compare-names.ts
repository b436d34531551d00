import {
  explainComparison,
  describeName,
  type MatchExplanation,
  type ScoreAdjustment,
} from './explanation.ts';
import { compareLegalForms } from './legal-forms.ts';
import { defaultNameLimits, type NameProblem } from './normalise-name.ts';
import { prepareName } from './prepare-name.ts';
import {
  bandOf,
  compareForms,
  defaultScoringParameters,
  defaultThresholds,
  isSeriesMarker,
  nonExactCeiling,
  uniformWeighting,
  type ScoreThresholds,
  type ScoringParameters,
} from './score-names.ts';
import { indexWeighting, type ScreeningIndex } from './screening-index.ts';
import { corpusWeighting, type WordFrequencies } from './word-frequency.ts';

/** Options of `compareNames`. */
export interface CompareOptions {
  readonly thresholds?: ScoreThresholds;
  /** Weigh tokens as this index does (by their frequency in ordinary names). */
  readonly index?: ScreeningIndex;
  /**
   * Weigh tokens by their frequency in ordinary names (see `wordWeight`); without it or an
   * index every token weighs 1 (particles and numbers 0.3).
   */
  readonly frequencies?: WordFrequencies;
  readonly parameters?: ScoringParameters;
}

/** The score of one name against another, with the band it falls in and why. */
export interface NameComparison {
  readonly score: number;
  /** Undefined below the review threshold. */
  readonly band: 'strong' | 'review' | undefined;
  readonly explanation: MatchExplanation;
  /** Problems with either input (empty, truncated, ...), prefixed by side. */
  readonly problems: readonly (NameProblem & { readonly side: 'a' | 'b' })[];
}

/**
 * Scores name `b` as a candidate for name `a` with the screening scorer (normalisation, every
 * transliteration, token alignment, legal forms as a weak signal), in [0, 1]. Symmetric up to the
 * choice of which side is "the query". Empty input scores 0 with its problem reported.
 *
 * @example
 * compareNames('Позитив Текнолоджиз', 'AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ')
 * // { score: 1, band: 'strong', ... } (the legal form is set aside; BGN/PCGN matches exactly)
 * compareNames('Olaf Scholz', 'Octavian Scholz').band // undefined
 */
export function compareNames(a: string, b: string, options: CompareOptions = {}): NameComparison {
  const thresholds = options.thresholds ?? defaultThresholds;
  const parameters = options.parameters ?? defaultScoringParameters;
  const limits = options.index?.limits ?? defaultNameLimits;
  const query = prepareName(a, limits);
  const listed = prepareName(b, limits);
  const problems = [
    ...query.problems.map((p) => ({ ...p, side: 'a' as const })),
    ...listed.problems.map((p) => ({ ...p, side: 'b' as const })),
  ];
  const weighting = options.index
    ? indexWeighting(options.index)
    : options.frequencies
      ? corpusWeighting(options.frequencies, isSeriesMarker)
      : uniformWeighting;
  const comparison = compareForms(query, listed, weighting, parameters);
  const legal = compareLegalForms(query.legalForms, listed.legalForms);
  if (!comparison) {
    const summary = '0.00 below review: nothing to compare (an empty name)';
    return {
      score: 0,
      band: undefined,
      problems,
      explanation: {
        summary,
        query: describeName(query),
        listed: describeName(listed),
        compared: {
          query: { scheme: 'as-written', text: '' },
          listed: { scheme: 'as-written', text: '' },
          space: 'latin',
        },
        alignment: [],
        coverage: { query: 0, listed: 0 },
        nameScore: 0,
        legalForms: legal,
        adjustments: [],
        score: 0,
      },
    };
  }
  const adjustments: ScoreAdjustment[] = [];
  let score = comparison.score;
  if (comparison.reversal)
    adjustments.push({
      kind: 'patronymic-reversal',
      delta: -parameters.reversalPenalty,
      detail: 'father and son on opposite sides of bin/ibn',
    });
  if (legal === 'same-family')
    adjustments.push({ kind: 'legal-form', delta: 0.02, detail: 'same legal form family' });
  if (legal === 'different')
    adjustments.push({ kind: 'legal-form', delta: -0.05, detail: 'incompatible legal forms' });
  for (const adjustment of adjustments)
    if (adjustment.kind === 'legal-form') score += adjustment.delta;
  if (comparison.exact)
    adjustments.unshift({
      kind: 'exact-name',
      delta: 0,
      detail: 'the two names are word for word the same (case, punctuation and legal form aside)',
    });
  else if (score > nonExactCeiling) {
    adjustments.push({
      kind: 'not-identical',
      delta: nonExactCeiling - score,
      detail: '1.00 is kept for two names that are word for word the same',
    });
    score = nonExactCeiling;
  }
  score = Math.min(1, Math.max(0, score));
  const band = bandOf(score, thresholds);
  return {
    score: Math.round(score * 1000) / 1000,
    band,
    problems,
    explanation: explainComparison(query, listed, comparison, legal, adjustments, score, band),
  };
}
