import { organisationSeesCases } from '../../domain/licensing/separation-of-duties.ts';
import type { Principal } from '../../domain/people/people.ts';
import type { CaseFilter, CaseRecord, CaseRecordStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';

/** The cases a principal may see: an exporter its organisation's, a partner authority's users none. */
export async function listCases(
  deps: CaseDepsOf<'casePolicy', CaseRecordStore>,
  principal: Principal,
  filter: Omit<CaseFilter, 'organisationId'>,
): Promise<readonly CaseRecord[]> {
  const policy = await deps.casePolicy.current();
  if (!organisationSeesCases(principal.organisationKind, policy.separationOfDuties)) return [];
  return deps.store.list(
    principal.organisationKind === 'exporter'
      ? { ...filter, organisationId: principal.organisationId }
      : filter,
  );
}
