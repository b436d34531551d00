import type {
  EndUseKnowledge,
  LicenceDetermination,
  PartyScreening,
  ScreeningHit,
} from '../classification/licence-query.ts';
import { entryIn, type ControlCatalogue } from '../classification/control-catalogue.ts';
import type { CitedText } from '../policy/text-provenance.ts';
import {
  riskRank,
  type CountryAssessment,
  type LicensingOutcome,
  type PolicyLegalTest,
  type RiskLevel,
} from './human-rights-policy.ts';
import type { LegalTestKind } from './legal-test-kinds.ts';
import type { AssessedItem } from './risk-factors.ts';
import type { ScreeningCoverage } from './screening-coverage.ts';

/** `met`, `not-met` or `unknown` from the test's own facts; `applies` for a commitment. */
export type TestStatus = 'met' | 'not-met' | 'unknown' | 'applies';

/** A legal test evaluated on its own conditions, with the facts it turned on. */
export interface LegalTestResult {
  readonly id: string;
  readonly kind: LegalTestKind;
  readonly title: string;
  readonly status: TestStatus;
  /** Cordon's reason, in its own words. */
  readonly reason: string;
  /** The facts the test turned on (a party and its list entry, an answer, a country assessment). */
  readonly facts: readonly string[];
  /** What a met test leads to, when it leads to a recommendation. */
  readonly outcome?: LicensingOutcome;
  readonly text: CitedText;
}

/** What the tests read. Every field is already computed by the assessment. */
export interface LegalTestContext {
  /** The assessed human-rights risk (read only by `human-rights-risk` and `risk-level` tests). */
  readonly risk: RiskLevel;
  readonly licence: LicenceDetermination;
  readonly parties: readonly PartyScreening[];
  readonly items: readonly AssessedItem[];
  readonly endUse: EndUseKnowledge;
  /** The authority's own assessment of the destination, if it has one. */
  readonly destinationAssessment?: CountryAssessment;
  readonly coverage?: ScreeningCoverage;
  /** The catalogue, for the items' US reasons for control (crime control). */
  readonly catalogue?: ControlCatalogue;
}

const isEntityListHit = (hit: ScreeningHit): boolean =>
  hit.source === 'us-bis-entity-list' ||
  (hit.subList !== undefined && /entity list/i.test(hit.subList));

const hitFact = (p: PartyScreening, h: ScreeningHit): string =>
  `${p.role} "${p.name}" ${h.band === 'strong' ? 'matches' : 'possibly matches'} "${h.name}" (${h.source} ${h.entityId}${h.snapshot ? `, list of ${h.snapshot.dataDate}` : ''})`;

function entityListTest(
  ctx: LegalTestContext,
): Omit<LegalTestResult, 'id' | 'kind' | 'title' | 'text'> {
  const hits = ctx.parties.flatMap((p) =>
    p.hits.filter((h) => isEntityListHit(h) && !h.cleared).map((h) => ({ p, h })),
  );
  const strong = hits.filter((x) => x.h.band === 'strong');
  if (strong.length > 0)
    return {
      status: 'met',
      reason: 'a party is on the Entity List (strong or exact match, not cleared)',
      facts: strong.map((x) => hitFact(x.p, x.h)),
    };
  if (hits.length > 0)
    return {
      status: 'unknown',
      reason:
        'a party possibly matches an Entity List entry: the match must be cleared or confirmed',
      facts: hits.map((x) => hitFact(x.p, x.h)),
    };
  const el = ctx.coverage?.lists.find((l) => l.source === 'us-bis-entity-list');
  if (ctx.coverage && el?.status !== 'screened')
    return {
      status: 'unknown',
      reason: `no Entity List match, but the Entity List was ${el?.status === 'stale' ? `screened as of ${el.snapshot?.dataDate ?? '?'}, older than ${ctx.coverage.maxAgeDays} days` : 'not screened'}`,
      facts: [],
    };
  return {
    status: 'not-met',
    reason: 'no party matches the Entity List',
    facts: ctx.parties.map((p) => `"${p.name}" screened: no Entity List match`),
  };
}

function reviewPolicyTest(
  ctx: LegalTestContext,
): Omit<LegalTestResult, 'id' | 'kind' | 'title' | 'text'> {
  const bases = ctx.licence.basis.filter(
    (b) => b.ruleKind === 'restricted-party' && b.review !== undefined,
  );
  const label = (i: number | undefined) =>
    i === undefined ? 'the items' : (ctx.items[i]?.description ?? `item ${i + 1}`);
  const facts = bases.map(
    (b) => `${label(b.item)}: ${b.review ?? 'unknown'} (${b.party?.name ?? 'party'})`,
  );
  const denial = bases.filter((b) => b.review === 'denial' || b.review === 'presumption-of-denial');
  if (denial.length > 0)
    return {
      status: 'met',
      reason: `the listed entry's review policy is a presumption or policy of denial for ${denial.map((b) => label(b.item)).join(', ')}`,
      facts,
    };
  if (bases.some((b) => b.review === 'unknown'))
    return {
      status: 'unknown',
      reason: 'the review policy of the listed entry could not be applied to every item',
      facts,
    };
  if (bases.length > 0)
    return {
      status: 'not-met',
      reason: 'the listed entry reviews these items case by case (or presumes approval)',
      facts,
    };
  return {
    ...entityListTest(ctx),
    status: 'not-met',
    reason: 'no Entity List party: no review policy applies',
  };
}

const answered = (
  value: boolean | undefined,
  yes: string,
  no: string,
  unknown: string,
): Omit<LegalTestResult, 'id' | 'kind' | 'title' | 'text'> =>
  value === true
    ? { status: 'met', reason: yes, facts: [yes] }
    : value === false
      ? { status: 'not-met', reason: no, facts: [no] }
      : { status: 'unknown', reason: unknown, facts: [] };

function crimeControlTest(
  ctx: LegalTestContext,
): Omit<LegalTestResult, 'id' | 'kind' | 'title' | 'text'> {
  const cc: string[] = [];
  let unknown = false;
  for (const item of ctx.items) {
    const us = item.classification.regimes.find((r) => r.regime === 'us')?.outcome;
    if (us?.kind === 'undetermined') unknown = true;
    if (us?.kind !== 'listed') continue;
    for (const id of us.entries) {
      const entry = ctx.catalogue ? entryIn(ctx.catalogue, 'us', id) : undefined;
      if (entry?.reasonsForControl.includes('CC')) cc.push(`${item.description}: ${id} (CC)`);
    }
  }
  const dest = ctx.destinationAssessment;
  const concern = dest !== undefined && riskRank(dest.risk) >= riskRank('high');
  if (cc.length === 0)
    return unknown
      ? {
          status: 'unknown',
          reason: 'whether an item is controlled for crime control is undetermined',
          facts: [],
        }
      : {
          status: 'not-met',
          reason: 'no item is controlled for crime-control (CC) reasons',
          facts: [],
        };
  const destFact = dest
    ? `the authority assesses ${dest.country}${dest.regions.length > 0 ? ` (${dest.regions.join(', ')})` : ''} at ${dest.risk} risk (${dest.date})`
    : 'the authority has no assessment of the destination';
  if (concern)
    return {
      status: 'met',
      reason:
        'a crime-control item goes to a destination where the government may have violated human rights',
      facts: [...cc, destFact],
    };
  return dest
    ? {
        status: 'not-met',
        reason: 'the destination is not assessed at high risk or worse',
        facts: [...cc, destFact],
      }
    : {
        status: 'unknown',
        reason: 'no assessment of the destination on record',
        facts: [...cc, destFact],
      };
}

function specialCautionTest(
  ctx: LegalTestContext,
): Omit<LegalTestResult, 'id' | 'kind' | 'title' | 'text'> {
  const dest = ctx.destinationAssessment;
  if (!dest)
    return {
      status: 'unknown',
      reason:
        'the authority has no assessment of the destination on record: whether competent bodies have established serious violations is not known to Cordon',
      facts: [],
    };
  const facts = [
    `the authority assesses ${dest.country} at ${dest.risk} risk (${dest.date})`,
    ...dest.sources.map((s) => `source: ${s.source.title} (${s.source.date})`),
  ];
  return riskRank(dest.risk) >= riskRank('high') && dest.sources.length > 0
    ? {
        status: 'met',
        reason:
          "serious violations of human rights are recorded by the sources of the authority's country assessment",
        facts,
      }
    : {
        status: 'not-met',
        reason:
          "the authority's country assessment records no serious violations established by competent bodies",
        facts,
      };
}

function humanRightsRiskTest(
  test: PolicyLegalTest,
  ctx: LegalTestContext,
): Omit<LegalTestResult, 'id' | 'kind' | 'title' | 'text'> {
  const metAt = test.metAt ?? 'unacceptable';
  const unknownFrom = test.unknownFrom ?? 'high';
  const facts = [`assessed human-rights risk: ${ctx.risk} (see the factors)`];
  if (riskRank(ctx.risk) >= riskRank(metAt))
    return {
      status: 'met',
      reason: `the assessed risk (${ctx.risk}) reaches ${metAt}: ${test.threshold}`,
      facts,
    };
  if (riskRank(ctx.risk) >= riskRank(unknownFrom))
    return {
      status: 'unknown',
      reason: `the assessed risk is ${ctx.risk}: whether there is a ${test.threshold} is for the officer to determine from the factors`,
      facts,
    };
  return {
    status: 'not-met',
    reason: `the assessed risk (${ctx.risk}) is below ${unknownFrom}`,
    facts,
  };
}

/** Art. 5 concerns non-listed cyber-surveillance items: true when an item is (or may be) one. */
const catchAllConcerns = (ctx: LegalTestContext): boolean =>
  ctx.items.some((i) =>
    ['non-listed', 'possibly-non-listed', 'unknown'].includes(
      i.classification.cyberSurveillance.status,
    ),
  );

const notCatchAll: Omit<LegalTestResult, 'id' | 'kind' | 'title' | 'text'> = {
  status: 'not-met',
  reason:
    'the catch-all concerns non-listed cyber-surveillance items, and no item is one (each is listed, or is no cyber-surveillance item)',
  facts: [],
};

/**
 * Evaluates each legal test of the policy on the facts it names, never from the risk score
 * unless it is the human-rights criterion itself: 15 CFR 744.11 is met by a party on the Entity
 * List, EU Art. 5(1) by the authority's information, Art. 5(2) by the exporter's awareness,
 * Criterion 2(b) by the authority's own country assessment and its sources. Each result shows the
 * facts it turned on; a fact nobody stated gives `unknown`.
 */
export function evaluateLegalTests(
  tests: readonly PolicyLegalTest[],
  ctx: LegalTestContext,
): readonly LegalTestResult[] {
  return tests.map((test) => {
    const r = ((): Omit<LegalTestResult, 'id' | 'kind' | 'title' | 'text'> => {
      switch (test.kind) {
        case 'entity-list':
          return entityListTest(ctx);
        case 'entity-list-review-policy':
          return reviewPolicyTest(ctx);
        case 'informed-by-authority':
          if (!catchAllConcerns(ctx)) return notCatchAll;
          return answered(
            ctx.endUse.informedByAuthority,
            'the competent authority informed the exporter of a possible use in connection with internal repression or serious violations of human rights',
            'the exporter states it has not been informed by the competent authority',
            'nobody stated whether the authority informed the exporter (endUse.informedByAuthority)',
          );
        case 'aware-of-misuse':
          if (!catchAllConcerns(ctx)) return notCatchAll;
          return answered(
            ctx.endUse.awareOfMisuse,
            'the exporter is aware from its due diligence of an intended use for internal repression or serious violations of human rights',
            'the exporter states it is not aware of such an intended use',
            'nobody stated whether the exporter is aware of such a use (endUse.awareOfMisuse)',
          );
        case 'crime-control':
          return crimeControlTest(ctx);
        case 'special-caution':
          return specialCautionTest(ctx);
        case 'human-rights-risk':
          return humanRightsRiskTest(test, ctx);
        case 'consideration':
          return {
            status: 'applies',
            reason:
              'a binding duty to take all relevant considerations into account: the tests below (Criterion 2, Art. 5) are those considerations',
            facts: [],
          };
        case 'commitment':
          return {
            status: 'applies',
            reason:
              'a political commitment, not a legal test: human rights are taken into account through the factors',
            facts: [],
          };
        case 'risk-level': {
          const met = riskRank(ctx.risk) >= riskRank(test.metAt ?? 'unacceptable');
          return {
            status: met ? 'met' : 'not-met',
            reason: `version-1 policy: treated as ${met ? 'met' : 'not met'} at assessed risk ${ctx.risk} (met at ${test.metAt ?? 'unacceptable'})`,
            facts: [`assessed human-rights risk: ${ctx.risk}`],
          };
        }
      }
    })();
    return {
      id: test.id,
      kind: test.kind,
      title: test.title,
      ...r,
      ...(test.outcome !== undefined ? { outcome: test.outcome } : {}),
      text: test.text,
    };
  });
}
