import { allowedCaseActions, type AllowedActions } from '../../domain/licensing/allowed-actions.ts';
import type { Principal } from '../../domain/people/people.ts';
import type { CordonError } from '../../domain/shared/errors.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
import type { CaseRecordStore } from '../ports/case-store.ts';
import type { CaseDepsOf } from './case-deps.ts';
import { getCase } from './get-case.ts';

/**
 * What the principal may do to the case now, by the rules the workflow enforces (stage, role,
 * organisation, separation of duties): a screen offers only the steps the server would accept.
 */
export async function getAllowedActions(
  deps: CaseDepsOf<'casePolicy', CaseRecordStore>,
  principal: Principal,
  id: string,
): Promise<Result<AllowedActions & { readonly version: number }, CordonError>> {
  const found = await getCase(deps, principal, id);
  if (!found.ok) return found;
  const policy = await deps.casePolicy.current();
  const c = found.value.licenceCase;
  return ok({ ...allowedCaseActions(c, principal, policy.separationOfDuties), version: c.version });
}
