import { organisationSeesCases } from '../../domain/licensing/separation-of-duties.ts';
import {
  decisionStatistics,
  type DecisionStatisticsRow,
} from '../../domain/licensing/statistics.ts';
import type { Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseRecordStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';
import { reportedCase } from './reported-case.ts';

/**
 * Decisions counted by month, destination, outcome, criterion and item category, for the
 * authority's staff (a partner authority's users see none of this authority's cases).
 */
export async function getDecisionStatistics(
  deps: CaseDepsOf<'casePolicy', CaseRecordStore>,
  principal: Principal,
): Promise<Result<DecisionStatisticsRow[], CordonError>> {
  const policy = await deps.casePolicy.current();
  if (
    principal.organisationKind === 'exporter' ||
    !organisationSeesCases(principal.organisationKind, policy.separationOfDuties)
  ) {
    return err(
      cordonError('CORDON_FORBIDDEN', "Only the authority's staff see its decision statistics."),
    );
  }
  const records = await deps.store.list({});
  return ok(decisionStatistics(records.map(reportedCase)));
}
