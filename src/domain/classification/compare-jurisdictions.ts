import type { JurisdictionCode } from '../policy/jurisdiction.ts';
import {
  effectivePolicy,
  type JurisdictionPolicy,
  type PolicyRuleKind,
} from '../policy/jurisdiction-policy.ts';
import type { TextStatus } from '../policy/text-provenance.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { ControlCatalogue } from './control-catalogue.ts';
import { regimes, type Regime } from './control-entry.ts';
import {
  determineLicenceRequirement,
  type DeterminationError,
  type LicenceDetermination,
  type LicenceQuery,
  type LicenceRequired,
  type LicensingReference,
} from './licence-requirement.ts';

/** Human names of rule kinds, for the differences a comparison highlights. */
export const ruleKindNames: Readonly<Record<PolicyRuleKind, string>> = {
  'listed-items': 'the control list',
  'cyber-surveillance-catch-all': 'a catch-all for non-listed cyber-surveillance items',
  'military-end-use-catch-all': 'a military end-use catch-all for embargoed destinations',
  'monitoring-equipment-measures': 'sanctions on monitoring and interception equipment',
  'restricted-party': 'a restricted-party list',
  'country-group-embargo': 'an embargo by country group',
  'regional-measure': 'measures on a region of the destination',
  'sanctions-regimes': 'a sanctions or embargo regime',
  'subject-to-ear': 'whether the items are subject to the EAR',
};

/** A difference between partners, stated so an officer sees at once where they diverge. */
export type JurisdictionDifference =
  | {
      readonly kind: 'outcome';
      readonly required: readonly JurisdictionCode[];
      readonly notRequired: readonly JurisdictionCode[];
      readonly undetermined: readonly JurisdictionCode[];
      readonly message: string;
    }
  | {
      readonly kind: 'rule';
      readonly ruleKind: PolicyRuleKind;
      /** Where a rule of this kind requires a licence (or prohibits, or makes the exporter notify). */
      readonly requiring: readonly JurisdictionCode[];
      /** Where a rule of this kind may apply but something is missing. */
      readonly undetermined: readonly JurisdictionCode[];
      /** Where a rule of this kind exists but does not require one here. */
      readonly notTriggered: readonly JurisdictionCode[];
      /** Where the policy has no rule of this kind at all. */
      readonly absent: readonly JurisdictionCode[];
      readonly message: string;
    };

export interface JurisdictionComparison {
  readonly determinations: readonly LicenceDetermination[];
  readonly agreement: 'all-require' | 'none-require' | 'differ';
  readonly differences: readonly JurisdictionDifference[];
}

const requiringEffects = new Set(['licence-required', 'prohibited', 'notify-authority']);

/**
 * Runs licence determination in every listed jurisdiction for the same transaction and highlights
 * where they differ: in the answer, and rule by rule (a rule kind that requires a licence in some
 * partners, exists but stays silent in others, and is missing from the rest).
 *
 * @example
 * compareJurisdictions(reference, policies, ['EU', 'GB', 'US'], videoAnalyticsToPolice)
 * // differences: [{ kind: 'rule', ruleKind: 'cyber-surveillance-catch-all', requiring: ['EU'],
 * //   absent: ['GB', 'US'], ... }]
 */
export function compareJurisdictions(
  reference: LicensingReference,
  policies: ReadonlyMap<JurisdictionCode, JurisdictionPolicy>,
  jurisdictions: readonly JurisdictionCode[],
  query: LicenceQuery,
): Result<JurisdictionComparison, DeterminationError> {
  const determinations: LicenceDetermination[] = [];
  for (const j of jurisdictions) {
    const d = determineLicenceRequirement(reference, policies, j, query);
    if (!d.ok) return err(d.error);
    determinations.push(d.value);
  }
  const by = (value: LicenceRequired) =>
    determinations.filter((d) => d.required === value).map((d) => d.jurisdiction);
  const required = by(true);
  const notRequired = by(false);
  const undetermined = by('undetermined');
  const differences: JurisdictionDifference[] = [];
  const agreement =
    required.length === determinations.length
      ? 'all-require'
      : notRequired.length === determinations.length
        ? 'none-require'
        : 'differ';
  if (agreement === 'differ') {
    differences.push({
      kind: 'outcome',
      required,
      notRequired,
      undetermined,
      message: [
        required.length > 0 ? `licence required in ${required.join(', ')}` : '',
        notRequired.length > 0 ? `not required in ${notRequired.join(', ')}` : '',
        undetermined.length > 0 ? `undetermined in ${undetermined.join(', ')}` : '',
      ]
        .filter((s) => s !== '')
        .join('; '),
    });
  }
  const kinds = [...new Set(determinations.flatMap((d) => d.basis.map((b) => b.ruleKind)))];
  for (const kind of kinds) {
    const requiring: JurisdictionCode[] = [];
    const undeterminedHere: JurisdictionCode[] = [];
    const notTriggered: JurisdictionCode[] = [];
    const absent: JurisdictionCode[] = [];
    for (const d of determinations) {
      const of = d.basis.filter((b) => b.ruleKind === kind);
      if (of.length === 0) absent.push(d.jurisdiction);
      else if (of.some((b) => requiringEffects.has(b.effect))) requiring.push(d.jurisdiction);
      else if (of.some((b) => b.effect === 'undetermined')) undeterminedHere.push(d.jurisdiction);
      else notTriggered.push(d.jurisdiction);
    }
    if (requiring.length === 0 || requiring.length === determinations.length) continue;
    differences.push({
      kind: 'rule',
      ruleKind: kind,
      requiring,
      undetermined: undeterminedHere,
      notTriggered,
      absent,
      message:
        `${ruleKindNames[kind]} requires a licence in ${requiring.join(', ')}` +
        (undeterminedHere.length > 0
          ? `; it may apply in ${undeterminedHere.join(', ')} (undetermined)`
          : '') +
        (notTriggered.length > 0
          ? `; it exists but does not bite in ${notTriggered.join(', ')}`
          : '') +
        (absent.length > 0
          ? `; ${absent.join(', ')} ${absent.length === 1 ? 'has' : 'have'} no such rule`
          : ''),
    });
  }
  return ok({ determinations, agreement, differences });
}

/** An entry some partners control and others do not. */
export interface EntryGap {
  readonly entryId: string;
  readonly title: string;
  readonly status: 'in-force' | 'catch-all' | 'proposed';
  readonly regimes: readonly Regime[];
  readonly controlledIn: readonly JurisdictionCode[];
  readonly notControlledIn: readonly JurisdictionCode[];
  readonly textStatus: TextStatus;
  readonly message: string;
}

/** A kind of rule some partners have and others lack. */
export interface RuleGap {
  readonly ruleKind: PolicyRuleKind;
  readonly presentIn: readonly {
    readonly jurisdiction: JurisdictionCode;
    readonly rules: readonly string[];
  }[];
  readonly absentIn: readonly JurisdictionCode[];
  readonly message: string;
}

export interface SynchronisationReport {
  readonly jurisdictions: readonly JurisdictionCode[];
  readonly entries: readonly EntryGap[];
  readonly rules: readonly RuleGap[];
}

/**
 * The catalogue-level gaps between partners: entries controlled by some (through the list their
 * policy applies) and not by others, and kinds of rule (a cyber-surveillance catch-all, sanctions
 * on monitoring equipment, an end-user list) that some partners have and others lack. These are
 * the gaps critics of today's controls point to.
 */
export function synchronisationGaps(
  catalogue: ControlCatalogue,
  policies: ReadonlyMap<JurisdictionCode, JurisdictionPolicy>,
  jurisdictions: readonly JurisdictionCode[],
): Result<SynchronisationReport, DeterminationError> {
  const effective = [];
  for (const j of jurisdictions) {
    const policy = policies.get(j);
    if (!policy) return err({ kind: 'no-policy', jurisdiction: j, message: `no policy for ${j}` });
    const e = effectivePolicy(policy, policy.memberOf ? policies.get(policy.memberOf) : undefined);
    if (!e.ok) return err({ kind: 'policy-incomplete', jurisdiction: j, message: e.error });
    effective.push({ jurisdiction: j, policy: e.value });
  }
  const ids = [...new Set(catalogue.entries.map((e) => e.id))];
  const entries: EntryGap[] = [];
  for (const id of ids) {
    const variants = catalogue.entries.filter((e) => e.id === id);
    const first = variants[0];
    if (!first) continue;
    const listedIn = variants
      .map((v) => v.regime)
      .sort((a, b) => regimes.indexOf(a) - regimes.indexOf(b));
    const inForce = first.status === 'in-force';
    const controlledIn = inForce
      ? effective.filter((e) => listedIn.includes(e.policy.controlList)).map((e) => e.jurisdiction)
      : [];
    const notControlledIn = effective
      .map((e) => e.jurisdiction)
      .filter((j) => !controlledIn.includes(j));
    if (inForce && (controlledIn.length === 0 || notControlledIn.length === 0)) continue;
    entries.push({
      entryId: id,
      title: first.title.text,
      status: first.status,
      regimes: listedIn,
      controlledIn,
      notControlledIn,
      textStatus: first.textStatus,
      message:
        first.status === 'proposed'
          ? `${id} is a proposed ${listedIn.join('/')} control, in force nowhere`
          : first.status === 'catch-all'
            ? `${id} is a catch-all of the ${listedIn.join('/')} regime, not a list entry: see the rule gaps`
            : `${id} is on the ${listedIn.join('/')} list${listedIn.length > 1 ? 's' : ''}: controlled in ${controlledIn.join(', ')}, not in ${notControlledIn.join(', ')}`,
    });
  }
  const kinds = [...new Set(effective.flatMap((e) => e.policy.rules.map((r) => r.kind)))];
  const rules: RuleGap[] = [];
  for (const kind of kinds) {
    const presentIn = effective.flatMap((e) => {
      const of = e.policy.rules.filter((r) => r.kind === kind).map((r) => r.id);
      return of.length > 0 ? [{ jurisdiction: e.jurisdiction, rules: of }] : [];
    });
    const absentIn = effective
      .map((e) => e.jurisdiction)
      .filter((j) => !presentIn.some((p) => p.jurisdiction === j));
    if (absentIn.length === 0) continue;
    rules.push({
      ruleKind: kind,
      presentIn,
      absentIn,
      message: `${ruleKindNames[kind]}: in ${presentIn.map((p) => p.jurisdiction).join(', ')}; none recorded in ${absentIn.join(', ')}`,
    });
  }
  return ok({ jurisdictions, entries, rules });
}
