import {
  synchronisationGaps,
  type SynchronisationReport,
} from '../../domain/classification/compare-jurisdictions.ts';
import { parseJurisdictionCode, type JurisdictionCode } from '../../domain/policy/jurisdiction.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ControlCatalogueSource } from '../ports/control-catalogue-source.ts';
import type { JurisdictionPolicySource } from '../ports/jurisdiction-policy-source.ts';

/**
 * The catalogue-level report of "synchronisation gaps": entries some partners control and others
 * do not, and kinds of licence rule some partners have and others lack (`cordon controls gaps`).
 */
export async function reportSynchronisationGaps(
  request: { readonly jurisdictions?: readonly string[] },
  deps: { readonly catalogue: ControlCatalogueSource; readonly policies: JurisdictionPolicySource },
): Promise<Result<SynchronisationReport, CordonError>> {
  const [catalogue, policies] = await Promise.all([
    deps.catalogue.controlCatalogue(),
    deps.policies.currentPolicies(),
  ]);
  const problems: FieldProblem[] = [];
  const jurisdictions: JurisdictionCode[] = [];
  (request.jurisdictions ?? [...policies.keys()]).forEach((raw, i) => {
    const j = parseJurisdictionCode(raw);
    if (!j.ok) problems.push({ field: `jurisdictions[${i}]`, problem: j.error });
    else if (!policies.has(j.value)) {
      problems.push({
        field: `jurisdictions[${i}]`,
        problem: `Cordon has no policy for ${j.value}`,
      });
    } else jurisdictions.push(j.value);
  });
  if (problems.length > 0) {
    return err(cordonError('CORDON_VALIDATION_FAILED', 'Unknown jurisdictions.', problems));
  }
  const report = synchronisationGaps(catalogue, policies, jurisdictions);
  return report.ok ? ok(report.value) : err(cordonError('CORDON_INTERNAL', report.error.message));
}
