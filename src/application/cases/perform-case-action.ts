import { appealPeriodFor } from '../../domain/licensing/case-policy.ts';
import type { LicenceCase } from '../../domain/licensing/licence-case.ts';
import type { Principal } from '../../domain/people/people.ts';
import type { CordonError } from '../../domain/shared/errors.ts';
import type { Result } from '../../domain/shared/result.ts';
import type { CaseRecord } from '../ports/case-store.ts';
import { actOnCase } from './act-on-case.ts';
import type { CaseDeps } from './case-deps.ts';
import { getCase } from './get-case.ts';
import { parseCaseAction, type CaseActionInput } from './parse-case-action.ts';

/** `actOnCase` from an action as it arrives (HTTP body, CLI flags): validated field by field first. */
export async function performCaseAction(
  deps: CaseDeps,
  principal: Principal,
  id: string,
  expectedVersion: number,
  input: CaseActionInput,
  requestId?: string,
): Promise<Result<CaseRecord, CordonError>> {
  const found = await getCase(deps, principal, id);
  if (!found.ok) return found;
  const command = parseCaseAction(input, await appealDeadlineOf(deps, found.value.licenceCase));
  if (!command.ok) return command;
  return actOnCase(deps, principal, id, expectedVersion, command.value, requestId);
}

/**
 * Until when a refusal may be appealed: the period recorded on the decision at countersignature;
 * for a refusal countersigned before periods were recorded, its jurisdiction's current period from
 * the countersignature. Undefined for a case not finalised.
 */
async function appealDeadlineOf(
  deps: Pick<CaseDeps, 'casePolicy'>,
  c: LicenceCase,
): Promise<Date | undefined> {
  if (c.decision?.appealPeriod !== undefined) return c.decision.appealPeriod.until;
  if (c.finalisedAt === undefined) return undefined;
  const period = appealPeriodFor(await deps.casePolicy.current(), c.jurisdiction);
  return new Date(c.finalisedAt.getTime() + period.days * 86_400_000);
}
