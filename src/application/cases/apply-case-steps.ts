import {
  applyCaseCommand,
  caseTransitions,
  type CaseCommand,
} from '../../domain/licensing/case-transitions.ts';
import type { Actor, LicenceCase } from '../../domain/licensing/licence-case.ts';
import {
  organisationProblem,
  type SeparationOfDuties,
} from '../../domain/licensing/separation-of-duties.ts';
import { effectiveRoles, type Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseEvent } from '../ports/case-store.ts';

/**
 * The role under which a principal issues a command (the first of theirs the table allows), or
 * why they may not: no such role, or an organisation that may not act on the authority's cases.
 */
export function actingAs(
  principal: Principal,
  command: CaseCommand,
  separation: SeparationOfDuties,
): Result<Actor, CordonError> {
  const allowed = caseTransitions[command.kind].by;
  const role = effectiveRoles(principal).find((r) => allowed.includes(r));
  if (role === undefined) {
    return err(
      cordonError(
        'CORDON_FORBIDDEN',
        `Your roles (${effectiveRoles(principal).join(', ')}) may not ${command.kind.replace(/-/g, ' ')} a case; it needs ${allowed.join(' or ')}.`,
      ),
    );
  }
  const problem = organisationProblem(principal.organisationKind, command.kind, separation);
  if (problem !== undefined) return err(cordonError('CORDON_DUTIES_NOT_SEPARATE', problem));
  return ok({
    userId: principal.userId,
    role,
    organisationId: principal.organisationId,
    name: principal.username,
  });
}

export const systemActor: Actor = { userId: 'system', role: 'system', name: 'Cordon' };

export interface Step {
  readonly command: CaseCommand;
  readonly actor: Actor;
  readonly note?: string;
}

/** Applies steps in order under the case policy's separation of duties; all or nothing. */
export function applySteps(
  start: LicenceCase,
  steps: readonly Step[],
  now: Date,
  separation: SeparationOfDuties,
): Result<{ readonly result: LicenceCase; readonly events: CaseEvent[] }, CordonError> {
  let current = start;
  const events: CaseEvent[] = [];
  for (const step of steps) {
    const next = applyCaseCommand(current, step.command, step.actor, now, separation);
    if (!next.ok) return err(cordonError(next.error.code, next.error.message));
    events.push({
      version: next.value.version,
      at: now,
      actor: step.actor.name ?? step.actor.userId,
      role: step.actor.role,
      action: step.command.kind,
      fromStage: current.stage,
      toStage: next.value.stage,
      ...(step.note === undefined ? {} : { note: step.note }),
    });
    current = next.value;
  }
  return ok({ result: current, events });
}
