import { organisationSeesCases } from '../../domain/licensing/separation-of-duties.ts';
import type { Principal } from '../../domain/people/people.ts';
import type { CaseAlert, CaseAlertStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';

/**
 * Re-screening alerts on open cases and issued licences, newest first, for the authority's staff:
 * exporters (alerts are internal) and a partner authority's users get none.
 */
export async function listCaseAlerts(
  deps: CaseDepsOf<'casePolicy', CaseAlertStore>,
  principal: Principal,
): Promise<readonly CaseAlert[]> {
  const policy = await deps.casePolicy.current();
  if (
    principal.organisationKind === 'exporter' ||
    !organisationSeesCases(principal.organisationKind, policy.separationOfDuties)
  ) {
    return [];
  }
  return deps.store.alerts();
}
