import type { HumanRightsPolicy, Outcome } from '../../domain/human-rights/human-rights-policy.ts';
import type { JurisdictionCode } from '../../domain/policy/jurisdiction.ts';
import {
  effectivePolicy,
  type JurisdictionPolicy,
} from '../../domain/policy/jurisdiction-policy.ts';
import type { CordonError } from '../../domain/shared/errors.ts';
import { assessApplication, type Assessment, type AssessmentDeps } from './assess-application.ts';

/** How one state decides an application: outcome, licence status and the law it rests on. */
export interface StateDecision {
  readonly jurisdiction: string;
  readonly outcome: Outcome;
  readonly licenceStatus: string;
  /** The rules and sanctions regimes that prohibit or require a licence, with their article. */
  readonly legalBasis: readonly string[];
  /** Legal tests by kind, with their status (`entity-list: met`). */
  readonly tests: readonly string[];
  readonly summary: string;
}

/** One application under the two states, and where they part. */
export interface ComparedApplication {
  readonly name: string;
  readonly a?: StateDecision;
  readonly b?: StateDecision;
  readonly differ: boolean;
  /** In words: the outcome, and the legal bases only one of the two has. */
  readonly differences: readonly string[];
  readonly error?: CordonError;
}

/** Where two states' policies differ in what they apply, whatever the application. */
export interface PolicyDifference {
  readonly aspect: string;
  readonly a: string;
  readonly b: string;
}

export interface PolicyComparison {
  readonly a: string;
  readonly b: string;
  readonly policies: readonly PolicyDifference[];
  readonly applications: readonly ComparedApplication[];
  /** How many applications the two states would decide differently. */
  readonly differing: number;
}

const decisionOf = (j: string, a: Assessment): StateDecision => {
  const licence = a.licence[j];
  return {
    jurisdiction: j,
    outcome: a.recommendation.outcome,
    licenceStatus: licence?.status ?? 'unknown',
    legalBasis: [
      ...new Set(
        (licence?.basis ?? [])
          .filter((b) => ['prohibited', 'licence-required', 'notify-authority'].includes(b.effect))
          .map((b) =>
            b.regime
              ? `${b.effect}: ${b.regime.instrument}, ${b.regime.provision}`
              : `${b.effect}: ${b.title}`,
          ),
      ),
    ],
    tests: a.recommendation.criteria
      .filter((c) => ['met', 'not-met', 'unknown'].includes(c.status))
      .map((c) => `${c.id}: ${c.status}`),
    summary: a.recommendation.summary,
  };
};

const describeRules = (
  policy: JurisdictionPolicy | undefined,
  block: JurisdictionPolicy | undefined,
) => {
  if (!policy) return { kinds: new Set<string>(), regimes: new Set<string>() };
  const effective = effectivePolicy(policy, block);
  const rules = effective.ok ? effective.value.rules : policy.controls.rules;
  return {
    kinds: new Set(rules.map((r) => r.kind)),
    regimes: new Set(rules.flatMap((r) => (r.kind === 'sanctions-regimes' ? r.regimes : []))),
  };
};

/**
 * The differences between two states' policies that hold for any application: the licence rules
 * each applies (catch-alls, sanctions regimes, restricted-party lists), whether it has a
 * human-rights catch-all, its legal tests and presumptions.
 */
export function policyDifferences(
  a: {
    readonly controls?: JurisdictionPolicy;
    readonly block?: JurisdictionPolicy;
    readonly humanRights?: HumanRightsPolicy;
  },
  b: {
    readonly controls?: JurisdictionPolicy;
    readonly block?: JurisdictionPolicy;
    readonly humanRights?: HumanRightsPolicy;
  },
): readonly PolicyDifference[] {
  const out: PolicyDifference[] = [];
  const ra = describeRules(a.controls, a.block);
  const rb = describeRules(b.controls, b.block);
  const only = (x: Set<string>, y: Set<string>) => [...x].filter((k) => !y.has(k)).sort();
  const aKinds = only(ra.kinds, rb.kinds);
  const bKinds = only(rb.kinds, ra.kinds);
  if (aKinds.length > 0 || bKinds.length > 0)
    out.push({
      aspect: 'licence rules',
      a: aKinds.join(', ') || '(none the other lacks)',
      b: bKinds.join(', ') || '(none the other lacks)',
    });
  if ([...ra.regimes].join() !== [...rb.regimes].join())
    out.push({
      aspect: 'sanctions regimes',
      a: [...ra.regimes].join(', ') || 'none',
      b: [...rb.regimes].join(', ') || 'none',
    });
  const ha = a.humanRights;
  const hb = b.humanRights;
  if (ha && hb) {
    if (ha.humanRightsCatchAll.available !== hb.humanRightsCatchAll.available)
      out.push({
        aspect: 'human-rights catch-all for non-listed items',
        a: ha.humanRightsCatchAll.available ? 'yes' : 'no',
        b: hb.humanRightsCatchAll.available ? 'yes' : 'no',
      });
    const tests = (p: HumanRightsPolicy) =>
      p.legalTests.map((t) => `${t.kind} (${t.id})`).join('; ');
    if (ha.legalTests.map((t) => t.kind).join() !== hb.legalTests.map((t) => t.kind).join())
      out.push({ aspect: 'legal tests', a: tests(ha), b: tests(hb) });
    const pres = (p: HumanRightsPolicy) =>
      p.presumptionsOfDenial
        .map((x) => `${x.id} (${x.kind}, at least ${x.riskAtLeast})`)
        .join('; ');
    if (pres(ha) !== pres(hb))
      out.push({ aspect: 'presumptions and risk floors', a: pres(ha), b: pres(hb) });
    if (ha.embargoAuthorities.join() !== hb.embargoAuthorities.join())
      out.push({
        aspect: 'arms embargoes that count',
        a: ha.embargoAuthorities.join(', '),
        b: hb.embargoAuthorities.join(', '),
      });
  }
  return out;
}

/**
 * Compares two states on the same applications: each application is assessed under both, and the
 * answer lists where they would decide differently (outcome, and the legal bases only one of them
 * has), beside the differences of the policies themselves. Both runs use the same list snapshots.
 *
 * @example
 * comparePolicies({ a: 'GB', b: 'EU', applications: [nsoRackServers] }, deps)
 * // GB refer (US listing: evidence) vs EU refer; a thermal camera to Russia: GB prohibited under
 * // the Russia Regulations 2019, EU prohibited under Reg. 833/2014 Art. 2(1).
 */
export async function comparePolicies(
  request: {
    readonly a: string;
    readonly b: string;
    readonly applications: readonly { readonly name: string; readonly application: unknown }[];
    readonly asOf?: string;
  },
  deps: AssessmentDeps,
): Promise<PolicyComparison> {
  const [controls, hr] = await Promise.all([
    deps.policies.currentPolicies(),
    deps.humanRights.humanRightsPolicies(),
  ]);
  const side = (j: string) => {
    const policy = controls.get(j as JurisdictionCode);
    const block = policy?.memberOf ? controls.get(policy.memberOf) : undefined;
    const humanRights = hr.current.get(j as JurisdictionCode);
    return {
      ...(policy ? { controls: policy } : {}),
      ...(block ? { block } : {}),
      ...(humanRights ? { humanRights } : {}),
    };
  };
  const asOf = request.asOf !== undefined ? { asOf: request.asOf } : {};
  const applications: ComparedApplication[] = [];
  for (const app of request.applications) {
    const [ra, rb] = await Promise.all([
      assessApplication({ application: app.application, jurisdiction: request.a, ...asOf }, deps),
      assessApplication({ application: app.application, jurisdiction: request.b, ...asOf }, deps),
    ]);
    if (!ra.ok || !rb.ok) {
      applications.push({
        name: app.name,
        differ: false,
        differences: [],
        error: !ra.ok ? ra.error : (rb as { error: CordonError }).error,
      });
      continue;
    }
    const a = decisionOf(request.a, ra.value);
    const b = decisionOf(request.b, rb.value);
    const differences: string[] = [];
    if (a.outcome !== b.outcome)
      differences.push(`${request.a} would ${a.outcome}, ${request.b} would ${b.outcome}`);
    if (a.licenceStatus !== b.licenceStatus)
      differences.push(
        `licence ${a.licenceStatus} in ${request.a}, ${b.licenceStatus} in ${request.b}`,
      );
    for (const x of a.legalBasis.filter((l) => !b.legalBasis.includes(l)))
      differences.push(`only ${request.a}: ${x}`);
    for (const x of b.legalBasis.filter((l) => !a.legalBasis.includes(l)))
      differences.push(`only ${request.b}: ${x}`);
    applications.push({ name: app.name, a, b, differ: a.outcome !== b.outcome, differences });
  }
  return {
    a: request.a,
    b: request.b,
    policies: policyDifferences(side(request.a), side(request.b)),
    applications,
    differing: applications.filter((x) => x.differ).length,
  };
}
