import type { AutomatedOutcome } from '../../domain/licensing/case-state.ts';
import { routeCase } from '../../domain/licensing/routing.ts';
import type { Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, type Result } from '../../domain/shared/result.ts';
import type { CaseRecord } from '../ports/case-store.ts';
import type { CaseDeps } from './case-deps.ts';
import { actingAs, applySteps, systemActor } from './apply-case-steps.ts';
import { getCase } from './get-case.ts';
import { persistCaseChange, versionConflict } from './persist-case-change.ts';
import { routingFacts } from './routing-facts.ts';

const automatedOutcomeOf = (outcome: string): AutomatedOutcome => {
  switch (outcome) {
    case 'prohibited':
      return 'prohibited';
    case 'no-licence-required':
      return 'no-licence-required';
    case 'approve':
      return 'approved';
    case 'approve-with-provisos':
      return 'approved-with-provisos';
    case 'refuse':
      return 'refused';
    default:
      return 'refer';
  }
};

/**
 * The exporter submits a draft: the assessment runs and is frozen into the case (with its list
 * snapshots, policy version and code version), and the routing rules assign a queue and request
 * advice. All of it is one transition of the stored case: a crash leaves the draft as it was.
 */
export async function submitCase(
  deps: CaseDeps,
  principal: Principal,
  id: string,
  expectedVersion: number,
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
  const policy = await deps.casePolicy.current();
  const exporter = actingAs(principal, { kind: 'submit' }, policy.separationOfDuties);
  if (!exporter.ok) {
    return err(cordonError('CORDON_FORBIDDEN', 'Only the exporter can submit an application.'));
  }
  const assessed = await deps.assessor.assess(record.application);
  if (!assessed.ok) return assessed;
  const assessment = assessed.value;
  const routing = routeCase(await deps.routing.current(), routingFacts(assessment));
  const blocks =
    (await deps.denialCheck?.(record.application, assessment, record.licenceCase)) ?? [];
  const applied = applySteps(
    record.licenceCase,
    [
      { command: { kind: 'submit' }, actor: exporter.value },
      {
        command: {
          kind: 'begin-checks',
          automatedOutcome: automatedOutcomeOf(assessment.recommendation.outcome),
        },
        actor: systemActor,
        note: `automated recommendation: ${assessment.recommendation.outcome}, human-rights risk: ${assessment.humanRights.risk}`,
      },
      {
        command: {
          kind: 'complete-checks',
          queue: routing.queue,
          adviceRequests: routing.adviceRequests,
        },
        actor: systemActor,
        note:
          routing.fired.length > 0
            ? `routed by ${routing.ruleSet.id} v${String(routing.ruleSet.version)}: ${routing.fired.map((f) => `${f.ruleId} (${f.because})`).join('; ')}`
            : `routed by ${routing.ruleSet.id} v${String(routing.ruleSet.version)}: no rule fired`,
      },
      ...blocks.map((block) => ({
        command: { kind: 'block-for-consultation' as const, consultationId: block.consultationId },
        actor: systemActor,
        note: block.note,
      })),
    ],
    deps.clock.now(),
    policy.separationOfDuties,
  );
  if (!applied.ok) return applied;
  return persistCaseChange(
    deps,
    record,
    {
      ...record,
      licenceCase: applied.value.result,
      assessment,
      routing,
      history: [...record.history, ...applied.value.events],
    },
    applied.value.events,
    principal,
    requestId,
  );
}
