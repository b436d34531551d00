import { assignCase as assign } from '../../domain/licensing/work-queue.ts';
import { organisationProblem } from '../../domain/licensing/separation-of-duties.ts';
import { effectiveRoles, type Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, type Result } from '../../domain/shared/result.ts';
import type { CaseRecord, CaseRecordStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';
import { persistCaseChange, versionConflict } from './persist-case-change.ts';
import { getCase } from './get-case.ts';

const assigners = ['caseworker', 'senior-officer', 'advisor'] as const;

/**
 * "Assign to me": the officer takes the case, recorded in its history and the audit trail. Only the
 * authority's officers (and advisers) take cases; on a stale `expectedVersion` a version conflict.
 */
export async function assignCaseToMe(
  deps: CaseDepsOf<'casePolicy' | 'clock', CaseRecordStore>,
  principal: Principal,
  id: string,
  expectedVersion: number | undefined,
  requestId: string | undefined,
): Promise<Result<CaseRecord, CordonError>> {
  const role = effectiveRoles(principal).find((r) => (assigners as readonly string[]).includes(r));
  if (role === undefined) {
    return err(cordonError('CORDON_FORBIDDEN', `Only ${assigners.join(', ')} take cases.`));
  }
  const policy = await deps.casePolicy.current();
  const problem = organisationProblem(
    principal.organisationKind,
    'recommend',
    policy.separationOfDuties,
  );
  if (problem !== undefined) return err(cordonError('CORDON_FORBIDDEN', problem));
  const found = await getCase(deps, principal, id);
  if (!found.ok) return found;
  const before = found.value;
  const c = before.licenceCase;
  if (expectedVersion !== undefined && expectedVersion !== c.version) {
    return err(versionConflict(c.reference, expectedVersion, c.version));
  }
  const now = deps.clock.now();
  const actor = { userId: principal.userId, role, name: principal.username };
  const taken = assign(c, actor, now);
  if (!taken.ok) return err(cordonError(taken.error.code, taken.error.message));
  const event = {
    version: taken.value.version,
    at: now,
    actor: principal.username,
    role,
    action: 'assign',
    fromStage: c.stage,
    toStage: c.stage,
    note:
      c.assignee === undefined
        ? 'taken from the queue'
        : `taken over from ${c.assignee.actor.name ?? c.assignee.actor.userId}`,
  };
  return persistCaseChange(
    deps,
    before,
    { ...before, licenceCase: taken.value, history: [...before.history, event] },
    [event],
    principal,
    requestId,
  );
}
