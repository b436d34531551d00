import { organisationSeesCases } from '../../domain/licensing/separation-of-duties.ts';
import { maySeeOwnedBy, type Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseRecord, CaseRecordStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';

export const caseNotFound = (id: string): CordonError =>
  cordonError('CORDON_NOT_FOUND', `No licence case ${id} exists (or it is not yours to see).`);

/**
 * The case, if the principal may see it. Exporters of other organisations, and users of a partner
 * authority (who never see this authority's cases), get "not found", so that ids leak nothing.
 */
export async function getCase(
  deps: CaseDepsOf<'casePolicy', CaseRecordStore>,
  principal: Principal,
  id: string,
): Promise<Result<CaseRecord, CordonError>> {
  const policy = await deps.casePolicy.current();
  if (!organisationSeesCases(principal.organisationKind, policy.separationOfDuties)) {
    return err(caseNotFound(id));
  }
  const record = await deps.store.get(id);
  if (
    record === undefined ||
    !maySeeOwnedBy(principal, record.licenceCase.exporterOrganisationId)
  ) {
    return err(caseNotFound(id));
  }
  return ok(record);
}
