import type { AuditEvent } from '../../domain/audit/audit-chain.ts';
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
import { actorOf, effectiveRoles, type Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { CaseEvent, CaseRecord } from '../ports/case-store.ts';
import type { CaseDeps } from './case-deps.ts';

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

export const versionConflict = (reference: string, expected: number, actual: number): CordonError =>
  cordonError(
    'CORDON_CASE_VERSION_CONFLICT',
    `Case ${reference} changed meanwhile (you acted on version ${String(expected)}, it is now at ${String(actual)}); reload it and try again.`,
  );

/**
 * Saves the changed case with its history events and their audit entries in one transaction, if
 * nobody changed it since `before` (else a version conflict naming both versions).
 */
export async function persistCaseChange(
  deps: Pick<CaseDeps, 'store'>,
  before: CaseRecord,
  after: CaseRecord,
  events: readonly CaseEvent[],
  principal: Principal,
  requestId: string | undefined,
): Promise<Result<CaseRecord, CordonError>> {
  const audit: AuditEvent[] = events.map((e) => ({
    actor: e.role === 'system' ? 'system' : actorOf(principal),
    action: `cases.${e.action}`,
    objectType: 'case',
    objectId: before.licenceCase.id,
    requestId,
    details: {
      from: e.fromStage,
      to: e.toStage,
      version: e.version,
      ...(e.note ? { note: e.note } : {}),
    },
  }));
  const saved = await deps.store.save(after, before.licenceCase.version, events, audit);
  if (!saved) {
    const current = await deps.store.get(before.licenceCase.id);
    return err(
      versionConflict(
        before.licenceCase.reference,
        before.licenceCase.version,
        current?.licenceCase.version ?? -1,
      ),
    );
  }
  return ok(after);
}
