import { compareNames, type NameComparison } from '../../domain/screening/compare-names.ts';
import type { ScoreThresholds } from '../../domain/screening/score-names.ts';

/**
 * Scores name `b` against name `a` with the screening scorer and the deployment's thresholds:
 * the score in [0, 1], its band (none below review) and the explanation. It compares the two
 * names alone, without the lists, so every word weighs the same except particles and numbers;
 * the same pair therefore scores the same in `cordon compare` and `POST /v1/compare` whatever
 * lists are active.
 *
 * @example
 * comparePartyNames({ review: 0.8, strong: 0.95 }, 'Позитив Текнолоджиз', 'Pozitiv Teknolodzhiz')
 * // { score: 1, band: 'strong', explanation: { summary: "1.00 strong: 'pozitiv teknolodzhiz' (Cyrillic, bgn-pcgn) ..." } }
 */
export function comparePartyNames(
  thresholds: ScoreThresholds,
  a: string,
  b: string,
): NameComparison {
  return compareNames(a, b, { thresholds });
}
