import { weakestStatus, type CitedText, type TextStatus } from '../policy/text-provenance.ts';
import {
  riskRank,
  type FactorKind,
  type HumanRightsPolicy,
  type PresumptionOfDenial,
  type RiskLevel,
} from './human-rights-policy.ts';
import {
  classifyScreeningHits,
  destinationEmbargoes,
  destinationFactor,
  destinationRiskLevel,
  endUseFactor,
  endUsers,
  endUseTargetsPeople,
  endUserFactor,
  hasHumanRightsListing,
  hasSurveillanceItem,
  itemCapabilityFactor,
  partnerDenialsFactor,
  redFlagsFactor,
  screeningFactor,
  type Audience,
  type HumanRightsData,
  type HumanRightsFacts,
  type RiskFactor,
} from './risk-factors.ts';

/** A presumption of denial that applies, with the texts it rests on. */
export interface AppliedPresumption {
  readonly id: string;
  /** A presumption of denial where the law sets one (US); otherwise a policy risk floor. */
  readonly kind: 'presumption-of-denial' | 'risk-floor';
  readonly title: string;
  readonly riskAtLeast: RiskLevel;
  readonly citations: readonly CitedText[];
  readonly textStatus: TextStatus;
}

/** The human-rights half of an assessment (spec: `humanRights`). */
export interface HumanRightsAssessment {
  readonly risk: RiskLevel;
  /** In [0, 1]: item contribution + item relevance x the other factors' contributions. */
  readonly score: number;
  /** The risk level the score alone gives, before presumptions of denial. */
  readonly scoreRisk: RiskLevel;
  readonly itemRelevance: number;
  readonly factors: readonly RiskFactor[];
  readonly presumptions: readonly AppliedPresumption[];
  /** Factors left out of an exporter's self-assessment. */
  readonly omittedFactors: readonly FactorKind[];
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * The risk level a score falls in under the policy's thresholds.
 *
 * @example
 * riskLevelOf({ medium: 0.25, high: 0.5, unacceptable: 0.8 }, 0.5) // 'high'
 */
export function riskLevelOf(thresholds: HumanRightsPolicy['thresholds'], score: number): RiskLevel {
  if (score >= thresholds.unacceptable) return 'unacceptable';
  if (score >= thresholds.high) return 'high';
  if (score >= thresholds.medium) return 'medium';
  return 'low';
}

/**
 * Combines factors into a score: the item's own contribution plus the context (destination,
 * end user, screening, end use, red flags, partner denials) scaled by how relevant the items are
 * to surveillance, `max(itemRelevanceFloor, item severity)`. A printer for a police force thus
 * weighs far less than an interception platform for the same force. Capped at 1.
 *
 * @example
 * // item severity 1 (weight 0.25), context 0.55: 0.25 + 1 x 0.55 = 0.8
 * // item severity 0 (floor 0.25), context 0.55: 0 + 0.25 x 0.55 = 0.1375
 */
export function aggregateRisk(
  policy: HumanRightsPolicy,
  factors: readonly RiskFactor[],
): { score: number; level: RiskLevel; itemRelevance: number } {
  const item = factors.find((f) => f.id === 'item-capability');
  const itemRelevance = Math.max(policy.itemRelevanceFloor, item?.severity ?? 0);
  const context = factors
    .filter((f) => f.id !== 'item-capability')
    .reduce((sum, f) => sum + f.contribution, 0);
  const score = round(Math.min(1, (item?.contribution ?? 0) + itemRelevance * context));
  return {
    score,
    level: riskLevelOf(policy.thresholds, score),
    itemRelevance: round(itemRelevance),
  };
}

/** The presumptions of denial whose every condition holds for these facts. */
export function applicablePresumptions(
  policy: HumanRightsPolicy,
  data: HumanRightsData,
  facts: HumanRightsFacts,
  audience: Audience = 'officer',
): readonly PresumptionOfDenial[] {
  const hits = classifyScreeningHits(policy, data, facts.parties);
  const users = endUsers(facts.parties);
  const receiving = users.length > 0 ? users : facts.parties.filter((p) => p.role !== 'purchaser');
  return policy.presumptionsOfDenial.filter((p) => {
    const w = p.when;
    if (w.humanRightsListing !== undefined && w.humanRightsListing !== hasHumanRightsListing(hits))
      return false;
    if (w.surveillanceItem !== undefined && w.surveillanceItem !== hasSurveillanceItem(facts.items))
      return false;
    if (
      w.capabilities !== undefined &&
      !facts.items.some((i) => i.capabilities.some((c) => w.capabilities?.includes(c)))
    )
      return false;
    if (
      w.endUserTypes !== undefined &&
      !receiving.some((u) => w.endUserTypes?.includes(u.type ?? 'unknown'))
    )
      return false;
    if (
      w.destinationRiskAtLeast !== undefined &&
      riskRank(destinationRiskLevel(policy, facts.destination, audience)) <
        riskRank(w.destinationRiskAtLeast)
    )
      return false;
    if (
      w.armsEmbargo !== undefined &&
      w.armsEmbargo !== destinationEmbargoes(policy, data, facts.destination.country).length > 0
    )
      return false;
    if (
      w.endUseTargetsPeople !== undefined &&
      w.endUseTargetsPeople !== endUseTargetsPeople(policy, facts.endUse)
    )
      return false;
    return true;
  });
}

/**
 * Assesses the human-rights risk of an application under a policy: every factor (officer-only
 * ones left out for an exporter), their aggregate, and the presumptions of denial that raise the
 * level whatever the score says.
 */
export function assessHumanRights(
  policy: HumanRightsPolicy,
  data: HumanRightsData,
  facts: HumanRightsFacts,
  audience: Audience = 'officer',
): HumanRightsAssessment {
  const all: RiskFactor[] = [
    destinationFactor(policy, data, facts, audience),
    endUserFactor(policy, facts),
    screeningFactor(policy, data, facts),
    itemCapabilityFactor(policy, facts),
    endUseFactor(policy, facts),
    redFlagsFactor(policy, facts),
    partnerDenialsFactor(policy, facts),
  ];
  const omitted = audience === 'exporter' ? policy.officerOnlyFactors : [];
  const factors = all.filter((f) => !omitted.includes(f.id));
  const { score, level, itemRelevance } = aggregateRisk(policy, factors);
  const presumptions = applicablePresumptions(policy, data, facts, audience).map((p) => ({
    id: p.id,
    kind: p.kind,
    title: p.title,
    riskAtLeast: p.riskAtLeast,
    citations: p.citations,
    textStatus: weakestStatus(p.citations.map((c) => c.textStatus)),
  }));
  const risk = presumptions.reduce<RiskLevel>(
    (r, p) => (riskRank(p.riskAtLeast) > riskRank(r) ? p.riskAtLeast : r),
    level,
  );
  return {
    risk,
    score,
    scoreRisk: level,
    itemRelevance,
    factors,
    presumptions,
    omittedFactors: omitted,
  };
}

export {
  recommend,
  type Proviso,
  type Recommendation,
  type RecommendationCriterion,
  type RecommendationFloor,
  type PartyMatchFinding,
} from './recommend.ts';
