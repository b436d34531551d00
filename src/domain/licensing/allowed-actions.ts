import { effectiveRoles, type Principal } from '../people/people.ts';
import { caseTransitions, type CaseCommandKind } from './case-transitions.ts';
import type { LicenceCase } from './licence-case.ts';
import {
  dutyOf,
  organisationProblem,
  separationProblem,
  type SeparationOfDuties,
} from './separation-of-duties.ts';

/** A step a person could take by role and stage but that the case's rules withhold, and why. */
export interface WithheldAction {
  readonly kind: CaseCommandKind;
  readonly reason: string;
}

/** The steps a person may take on a case now, and those their role allows but the case withholds. */
export interface AllowedActions {
  readonly allowed: readonly CaseCommandKind[];
  readonly withheld: readonly WithheldAction[];
}

/**
 * What `principal` may do to the case now, by the same rules the workflow enforces: the transition
 * table (stage and role), which organisations act on the authority's cases, separation of duties,
 * and a countersignature by someone other than the decider. Automatic steps are never offered, so a
 * screen shows only buttons the server would accept.
 *
 * @example
 * allowedCaseActions(awaitingCountersignatureDecidedBySam, sam, policy)
 * // { allowed: ['return-for-review'], withheld: [{ kind: 'countersign', reason: 'sam decided ...' }] }
 */
export function allowedCaseActions(
  c: LicenceCase,
  principal: Principal,
  separation: SeparationOfDuties,
): AllowedActions {
  const roles = effectiveRoles(principal);
  const allowed: CaseCommandKind[] = [];
  const withheld: WithheldAction[] = [];
  for (const kind of Object.keys(caseTransitions) as CaseCommandKind[]) {
    const rule = caseTransitions[kind];
    const role = roles.find((r) => rule.by.includes(r));
    if (role === undefined || !rule.from.includes(c.stage)) continue;
    const reason =
      organisationProblem(principal.organisationKind, kind, separation) ??
      countersignProblem(c, kind, principal) ??
      dutyProblem(c, kind, principal, role, separation);
    if (reason === undefined) allowed.push(kind);
    else withheld.push({ kind, reason });
  }
  return { allowed, withheld };
}

const countersignProblem = (
  c: LicenceCase,
  kind: CaseCommandKind,
  principal: Principal,
): string | undefined =>
  kind === 'countersign' && c.decision?.by.userId === principal.userId
    ? `You decided ${c.reference}: another senior officer countersigns it.`
    : undefined;

const dutyProblem = (
  c: LicenceCase,
  kind: CaseCommandKind,
  principal: Principal,
  role: Principal['roles'][number],
  separation: SeparationOfDuties,
): string | undefined => {
  const duty = dutyOf(kind);
  if (duty === undefined) return undefined;
  return separationProblem(
    c,
    duty,
    { userId: principal.userId, role, name: principal.username },
    separation,
  );
};
