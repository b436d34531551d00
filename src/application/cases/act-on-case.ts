import { appealPeriodFor } from '../../domain/licensing/case-policy.ts';
import type { CaseCommand } from '../../domain/licensing/case-transitions.ts';
import type { Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, type Result } from '../../domain/shared/result.ts';
import type { CaseRecord } from '../ports/case-store.ts';
import type { CaseDeps } from './case-deps.ts';
import { actingAs, applySteps } from './apply-case-steps.ts';
import { getCase } from './get-case.ts';
import { issueDecisionDocument } from './issue-decision-document.ts';
import { persistCaseChange, versionConflict } from './persist-case-change.ts';
import { submitCase } from './submit-case.ts';

/**
 * Any other step of the workflow (advice, recommendation, decision, countersignature, requests for
 * information, withdrawal, appeal, suspension, revocation), on the version the officer saw, under
 * the case policy's separation of duties. A countersignature issues the decision document; a
 * withdrawal while a refusal awaits countersignature is recorded with it and, when the policy
 * says so, notified to partners.
 */
export async function actOnCase(
  deps: CaseDeps,
  principal: Principal,
  id: string,
  expectedVersion: number,
  command: CaseCommand,
  requestId?: string,
): Promise<Result<CaseRecord, CordonError>> {
  const found = await getCase(deps, principal, id);
  if (!found.ok) return found;
  const record = found.value;
  if (record.licenceCase.version !== expectedVersion) {
    return err(
      versionConflict(record.licenceCase.reference, expectedVersion, record.licenceCase.version),
    );
  }
  if (command.kind === 'submit') return submitCase(deps, principal, id, expectedVersion, requestId);
  if (command.kind === 'begin-checks' || command.kind === 'complete-checks') {
    return err(cordonError('CORDON_FORBIDDEN', `${command.kind} is done by Cordon itself.`));
  }
  const policy = await deps.casePolicy.current();
  const withPeriod =
    command.kind === 'countersign'
      ? { ...command, appealPeriod: appealPeriodFor(policy, record.licenceCase.jurisdiction) }
      : command;
  const actor = actingAs(principal, withPeriod, policy.separationOfDuties);
  if (!actor.ok) return actor;
  const applied = applySteps(
    record.licenceCase,
    [{ command: withPeriod, actor: actor.value }],
    deps.clock.now(),
    policy.separationOfDuties,
  );
  if (!applied.ok) return applied;
  const saved = await persistCaseChange(
    deps,
    record,
    {
      ...record,
      licenceCase: applied.value.result,
      history: [...record.history, ...applied.value.events],
    },
    applied.value.events,
    principal,
    requestId,
  );
  if (!saved.ok) return saved;
  if (
    command.kind === 'withdraw' &&
    saved.value.licenceCase.refusalPendingAtWithdrawal !== undefined &&
    policy.withdrawal.notifyPartnersOfPendingRefusal
  ) {
    await deps.notifyWithdrawnRefusal?.(saved.value, requestId);
  }
  if (command.kind !== 'countersign') return saved;
  const issued = await issueDecisionDocument(deps, saved.value, principal, requestId);
  return issued.ok ? saved : issued;
}
