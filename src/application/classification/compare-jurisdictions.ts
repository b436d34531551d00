import type { ItemClassification } from '../../domain/classification/classify-item.ts';
import {
  compareJurisdictions as compareUnder,
  type JurisdictionComparison,
} from '../../domain/classification/compare-jurisdictions.ts';
import type { DataFileVersion } from '../../domain/policy/data-version.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { LicensingDeps } from './determine-licence-requirements.ts';
import { parseTransaction, type TransactionRequest } from './parse-transaction.ts';

export interface JurisdictionsCompared {
  readonly items: readonly ItemClassification[];
  readonly comparison: JurisdictionComparison;
  readonly catalogueVersion: readonly DataFileVersion[];
}

/**
 * The cross-jurisdiction matrix (`cordon controls compare ITEM.json --jurisdictions US,GB,EU`,
 * `GET /v1/controls/compare`): for one transaction, which partners require a licence and under
 * which rule, with the differences between them highlighted.
 */
export async function compareJurisdictions(
  request: TransactionRequest,
  deps: LicensingDeps,
): Promise<Result<JurisdictionsCompared, CordonError>> {
  const [reference, policies] = await Promise.all([
    deps.reference.licensingReference(),
    deps.policies.currentPolicies(),
  ]);
  const parsed = parseTransaction(request, reference.catalogue, policies);
  if (!parsed.ok) return parsed;
  const comparison = compareUnder(
    reference,
    policies,
    parsed.value.jurisdictions,
    parsed.value.query,
  );
  if (!comparison.ok) return err(cordonError('CORDON_INTERNAL', comparison.error.message));
  return ok({
    items: parsed.value.classifications,
    comparison: comparison.value,
    catalogueVersion: reference.catalogue.version,
  });
}
