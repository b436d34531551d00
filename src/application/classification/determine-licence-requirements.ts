import type { ItemClassification } from '../../domain/classification/classify-item.ts';
import {
  determineLicenceRequirement,
  type LicenceDetermination,
} from '../../domain/classification/licence-requirement.ts';
import type { DataFileVersion } from '../../domain/policy/data-version.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { JurisdictionPolicySource } from '../ports/jurisdiction-policy-source.ts';
import type { LicensingReferenceSource } from '../ports/licensing-reference-source.ts';
import { parseTransaction, type TransactionRequest } from './parse-transaction.ts';

export interface LicenceRequirements {
  readonly items: readonly ItemClassification[];
  readonly determinations: readonly LicenceDetermination[];
  /** The catalogue files used; each determination names its policy versions. */
  readonly catalogueVersion: readonly DataFileVersion[];
}

export interface LicensingDeps {
  readonly reference: LicensingReferenceSource;
  readonly policies: JurisdictionPolicySource;
}

/**
 * Classifies the items of a transaction and determines, for each requested jurisdiction, whether
 * a licence is required and on which basis. `required` is `true`, `false` or `undetermined` (with
 * what is missing): see `LicenceDetermination`.
 */
export async function determineLicenceRequirements(
  request: TransactionRequest,
  deps: LicensingDeps,
): Promise<Result<LicenceRequirements, CordonError>> {
  const [reference, policies] = await Promise.all([
    deps.reference.licensingReference(),
    deps.policies.currentPolicies(),
  ]);
  const parsed = parseTransaction(request, reference.catalogue, policies);
  if (!parsed.ok) return parsed;
  const determinations: LicenceDetermination[] = [];
  for (const j of parsed.value.jurisdictions) {
    const d = determineLicenceRequirement(reference, policies, j, parsed.value.query);
    // The policies were checked when loaded: a failure here is a broken deployment.
    if (!d.ok) return err(cordonError('CORDON_INTERNAL', d.error.message));
    determinations.push(d.value);
  }
  return ok({
    items: parsed.value.classifications,
    determinations,
    catalogueVersion: reference.catalogue.version,
  });
}
