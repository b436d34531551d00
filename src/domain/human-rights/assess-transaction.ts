import type { LicenceDetermination } from '../classification/licence-requirement.ts';
import {
  weakestStatus,
  type CitedText,
  type SourceRef,
  type TextStatus,
} from '../policy/text-provenance.ts';
import {
  riskRank,
  type FactorKind,
  type HumanRightsPolicy,
  type Outcome,
  type PresumptionOfDenial,
  type ProvisoId,
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
  itemSeverity,
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

// ---------------------------------------------------------------------------------------------
// Recommendation

/** A criterion the recommendation cites: a legal test, a presumption or a licence rule. */
export interface RecommendationCriterion {
  readonly id: string;
  readonly title: string;
  /** `met`: the test is met at this risk; `not-met`: considered and not met; `applies`: a rule. */
  readonly status: 'met' | 'not-met' | 'applies';
  /** Cordon's reason, in its own words. */
  readonly reason: string;
  readonly text: CitedText;
  readonly textStatus: TextStatus;
  readonly source: SourceRef;
}

export interface Proviso {
  readonly id: ProvisoId;
  readonly text: CitedText;
  readonly textStatus: TextStatus;
}

/** Spec: `recommendation`. */
export interface Recommendation {
  readonly outcome: Outcome;
  readonly summary: string;
  readonly criteria: readonly RecommendationCriterion[];
  readonly provisos: readonly Proviso[];
}

const criterion = (
  id: string,
  title: string,
  status: RecommendationCriterion['status'],
  reason: string,
  text: CitedText,
): RecommendationCriterion => ({
  id,
  title,
  status,
  reason,
  text,
  textStatus: text.textStatus,
  source: text.source,
});

/**
 * Turns the risk and the licence determination into a recommendation. A prohibition refuses; no
 * licence required at low or medium risk is `no-licence-required`, at high risk or worse a
 * referral (the authority may still impose one through a catch-all); otherwise the policy maps
 * the risk level to an outcome. Every legal test of the policy is cited as met or not met at this
 * risk, with the presumptions that applied; provisos are proposed from their risk level up.
 *
 * @example
 * recommend(policy, { risk: 'medium', ... }, licenceRequired) // approve-with-provisos, end-use certificate ...
 */
export function recommend(
  policy: HumanRightsPolicy,
  assessment: HumanRightsAssessment,
  licence: LicenceDetermination,
  facts: Pick<HumanRightsFacts, 'items' | 'parties'>,
): Recommendation {
  const risk = assessment.risk;
  const tests = policy.legalTests.map((t) => {
    const met = riskRank(risk) >= riskRank(t.metAt);
    return criterion(
      t.id,
      t.title,
      met ? 'met' : 'not-met',
      met
        ? `Assessed risk ${risk} reaches the level at which the policy treats this test (${t.threshold}) as met (${t.metAt}).`
        : `Assessed risk ${risk} is below the level at which the policy treats this test (${t.threshold}) as met (${t.metAt}).`,
      t.text,
    );
  });
  const presumptions = assessment.presumptions.flatMap((p) =>
    p.citations
      .slice(0, 1)
      .map((c) =>
        criterion(
          p.id,
          p.title,
          'applies',
          `Presumption of denial: risk at least ${p.riskAtLeast}.`,
          c,
        ),
      ),
  );
  const prohibiting = licence.basis.filter((b) => b.effect === 'prohibited');
  const requiring = licence.basis.filter(
    (b) => b.effect === 'licence-required' || b.effect === 'notify-authority',
  );
  const rules = [...prohibiting, ...requiring].flatMap((b) =>
    b.citations.slice(0, 1).map((c) => criterion(b.rule, b.title, 'applies', b.summary, c)),
  );
  const criteria = [...rules, ...presumptions, ...tests];

  const surveillance =
    assessment.factors.some((f) => f.id === 'item-capability' && f.severity >= 0.5) ||
    facts.items.some((i) => itemSeverity(i).severity >= 0.5);
  const provisosFor = (outcome: Outcome): Proviso[] => {
    if (outcome !== 'approve-with-provisos' && outcome !== 'refer') return [];
    const chosen = policy.provisos.filter(
      (p) => riskRank(risk) >= riskRank(p.from) && (!p.surveillanceItemsOnly || surveillance),
    );
    const intermediaries = facts.parties.some((p) => p.role === 'intermediate-consignee');
    const reExport = policy.provisos.find((p) => p.id === 'no-re-export');
    if (intermediaries && reExport && !chosen.includes(reExport)) chosen.push(reExport);
    return chosen.map((p) => ({ id: p.id, text: p.text, textStatus: p.text.textStatus }));
  };

  let outcome: Outcome;
  let summary: string;
  if (prohibiting.length > 0) {
    outcome = 'refuse';
    summary = `Refuse: the export is prohibited (${prohibiting.map((b) => b.title).join('; ')}).`;
  } else if (licence.required === false) {
    if (riskRank(risk) >= riskRank('high')) {
      outcome = 'refer';
      summary = `No rule requires a licence, but the human-rights risk is ${risk}: refer to the authority, which may impose a licence requirement (catch-all) before export.`;
    } else {
      outcome = 'no-licence-required';
      summary = `No licence is required in ${licence.jurisdiction}, and the human-rights risk is ${risk}.`;
    }
  } else {
    outcome = policy.recommendations[risk];
    const why =
      licence.required === 'undetermined'
        ? 'a licence may be required (undetermined until the missing information is given)'
        : 'a licence is required';
    summary = `${outcomeLabel[outcome]}: ${why} in ${licence.jurisdiction}, and the human-rights risk is ${risk}${assessment.presumptions.length > 0 ? ` (presumption of denial: ${assessment.presumptions.map((p) => p.id).join(', ')})` : ''}.`;
  }
  return { outcome, summary, criteria, provisos: provisosFor(outcome) };
}

const outcomeLabel: Readonly<Record<Outcome, string>> = {
  'no-licence-required': 'No licence required',
  approve: 'Approve',
  'approve-with-provisos': 'Approve with provisos',
  refer: 'Refer',
  refuse: 'Refuse',
};
