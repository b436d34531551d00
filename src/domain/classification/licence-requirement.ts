import type { JurisdictionCode } from '../policy/jurisdiction.ts';
import {
  effectivePolicy,
  type EffectivePolicy,
  type JurisdictionPolicy,
  type PolicyRule,
  type SubjectToEarRule,
} from '../policy/jurisdiction-policy.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type {
  BasisEffect,
  DeterminationError,
  LicenceBasis,
  LicenceDetermination,
  LicenceQuery,
  LicenceRequired,
  LicensingReference,
  MissingInformation,
  RuleOutput,
} from './licence-query.ts';
import { countryGroupEmbargo } from './rules/country-group-embargo.ts';
import { cyberSurveillanceCatchAll } from './rules/cyber-surveillance-catch-all.ts';
import { listedItems } from './rules/listed-items.ts';
import { militaryEndUse } from './rules/military-end-use-catch-all.ts';
import { monitoringMeasures } from './rules/monitoring-equipment-measures.ts';
import { regionalMeasure } from './rules/regional-measure.ts';
import { restrictedParty } from './rules/restricted-party.ts';
import { sanctionsRegimes } from './rules/sanctions-regime.ts';
import { subjectToEar } from './rules/subject-to-ear.ts';

export type * from './licence-query.ts';

const requiring: ReadonlySet<BasisEffect> = new Set([
  'licence-required',
  'prohibited',
  'notify-authority',
]);

/**
 * The answer a set of bases gives: a licence is required when any basis requires one (or
 * prohibits, or makes the exporter notify); otherwise it is undetermined when any basis is;
 * otherwise it is not required.
 */
export function aggregateRequired(basis: readonly LicenceBasis[]): LicenceRequired {
  if (basis.some((b) => requiring.has(b.effect))) return true;
  if (basis.some((b) => b.effect === 'undetermined')) return 'undetermined';
  return false;
}

/**
 * Determines whether one jurisdiction requires a licence for the transaction, under its
 * (effective) policy: every rule of the policy is applied to every item, party and destination it
 * concerns, and each gives a basis citing its texts. Missing information makes a rule
 * `undetermined` and says what is missing; it never makes the answer "not required".
 *
 * @example
 * determineLicenceRequirement(reference, policies, 'US', { destination: { country: 'CN' },
 *   items: [printers], parties: [{ role: 'end-user', name: 'Aksu PSB', hits: [entityListHit] }] })
 * // { required: true, basis: [{ rule: 'us-entity-list', effect: 'licence-required',
 * //   reviewPolicy: 'Case-by-case review for ... presumption of denial for all other items' }, ...] }
 */
export function determineLicenceRequirement(
  reference: LicensingReference,
  policies: ReadonlyMap<JurisdictionCode, JurisdictionPolicy>,
  jurisdiction: JurisdictionCode,
  query: LicenceQuery,
): Result<LicenceDetermination, DeterminationError> {
  const policy = policies.get(jurisdiction);
  if (!policy) {
    return err({
      kind: 'no-policy',
      jurisdiction,
      message: `no policy for ${jurisdiction}; Cordon ships ${[...policies.keys()].join(', ')}`,
    });
  }
  const effective = effectivePolicy(
    policy,
    policy.memberOf ? policies.get(policy.memberOf) : undefined,
  );
  if (!effective.ok)
    return err({ kind: 'policy-incomplete', jurisdiction, message: effective.error });

  const basis: LicenceBasis[] = [];
  const missing: MissingInformation[] = [];
  // EAR rules reach a foreign exporter's item only if it is subject to the EAR: decide that
  // first, and apply the other rules to the items that are (or may be).
  const scopeRule = effective.value.rules.find(
    (r): r is SubjectToEarRule => r.kind === 'subject-to-ear',
  );
  let inScope = query.items.map((_, i) => i);
  if (scopeRule) {
    const scope = subjectToEar(scopeRule, reference, query);
    basis.push(...scope.basis);
    missing.push(...scope.missing);
    inScope = inScope.filter((i) => scope.items[i] !== 'not-subject');
  }
  const ruleQuery = scopeRule
    ? { ...query, items: inScope.flatMap((i) => query.items[i] ?? []) }
    : query;
  const original = (i: number): number => inScope[i] ?? i;
  for (const rule of effective.value.rules) {
    const out = applyRule(rule, effective.value, reference, ruleQuery);
    basis.push(
      ...out.basis.map((b) => (b.item !== undefined ? { ...b, item: original(b.item) } : b)),
    );
    missing.push(
      ...out.missing.map((m) => ({
        ...m,
        field: m.field.replace(
          /^items\[(\d+)\]/,
          (_, n: string) => `items[${original(Number(n))}]`,
        ),
      })),
    );
  }
  const seen = new Set<string>();
  return ok({
    jurisdiction,
    policies: effective.value.layers.map((p) => ({
      id: p.id,
      version: p.version,
      contentHash: p.contentHash,
    })),
    required: aggregateRequired(basis),
    basis,
    missing: missing.filter((m) => {
      const key = `${m.field}|${m.question}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  });
}

/** Applies one rule of the policy: the switch is exhaustive over the rule kinds. */
function applyRule(
  rule: PolicyRule,
  policy: EffectivePolicy,
  reference: LicensingReference,
  query: LicenceQuery,
): RuleOutput {
  switch (rule.kind) {
    case 'listed-items':
      return listedItems(rule, policy, reference, query);
    case 'cyber-surveillance-catch-all':
      return cyberSurveillanceCatchAll(rule, policy, query);
    case 'military-end-use-catch-all':
      return militaryEndUse(rule, policy, reference, query);
    case 'monitoring-equipment-measures':
      return monitoringMeasures(rule, reference, query);
    case 'restricted-party':
      return restrictedParty(rule, reference, query);
    case 'country-group-embargo':
      return countryGroupEmbargo(rule, reference, query);
    case 'regional-measure':
      return regionalMeasure(rule, query);
    case 'sanctions-regimes':
      return sanctionsRegimes(rule, reference, query);
    case 'subject-to-ear':
      // Applied before the other rules (it decides which items they see).
      return { basis: [], missing: [] };
  }
}
