import {
  grantKinds,
  grantRequestHours,
  type GrantKind,
  type GrantRequest,
} from '../../domain/people/grant-request.ts';
import { actorOf, type Principal } from '../../domain/people/people.ts';
import type { Role } from '../../domain/people/role.ts';
import { cordonError, type CordonError, type FieldProblem } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { newUserProblems, roleProblems } from './manage-people.ts';
import type { PeopleDeps } from './people-deps.ts';

export interface GrantRequestInput {
  readonly kind: string;
  readonly username: string;
  readonly organisationId?: string;
  readonly displayName?: string;
  readonly roles?: readonly string[];
  readonly reason: string;
}

/**
 * An administrator asks for a grant that a second administrator must approve: a new user, roles
 * added to a user, or a new enrolment for a user who lost their password. For the two that give
 * someone credentials, the answer carries the requester's half of the enrolment code (shown once):
 * the approver gets the other half, and the person needs both to set their own password.
 */
export async function requestGrant(
  deps: PeopleDeps,
  requester: Principal,
  input: GrantRequestInput,
  requestId?: string,
): Promise<
  Result<{ readonly request: GrantRequest; readonly requesterHalf?: string }, CordonError>
> {
  const problems: FieldProblem[] = [];
  if (!(grantKinds as readonly string[]).includes(input.kind)) {
    problems.push({ field: 'kind', problem: `must be one of ${grantKinds.join(', ')}` });
  }
  if (input.reason.trim() === '') problems.push({ field: 'reason', problem: 'say why' });
  const kind = input.kind as GrantKind;
  const roles = [...new Set(input.roles ?? [])];
  let organisationId = input.organisationId;
  if (kind === 'add-user') {
    problems.push(
      ...(await newUserProblems(deps, {
        username: input.username,
        organisationId: input.organisationId ?? '',
        roles,
      })),
    );
    if ((await deps.store.findCredentials(input.username)) !== undefined) {
      problems.push({ field: 'username', problem: 'is already taken' });
    }
  } else if ((grantKinds as readonly string[]).includes(kind)) {
    const existing = await deps.store.findCredentials(input.username);
    if (existing === undefined) {
      problems.push({ field: 'username', problem: `no user is called ${input.username}` });
    } else if (kind === 'add-roles') {
      const organisation = await deps.store.getOrganisation(existing.user.organisationId);
      organisationId = existing.user.organisationId;
      if (roles.length === 0) problems.push({ field: 'roles', problem: 'give at least one role' });
      problems.push(...roleProblems(roles, organisation?.kind));
      const held = roles.filter((r) => existing.user.roles.includes(r as Role));
      if (held.length > 0) {
        problems.push({ field: 'roles', problem: `the user already holds ${held.join(', ')}` });
      }
    } else if (existing.user.id === requester.userId) {
      problems.push({ field: 'username', problem: 'change your own password instead' });
    }
  }
  if (problems.length > 0) {
    return err(cordonError('CORDON_VALIDATION_FAILED', 'The request is not valid.', problems));
  }
  const now = deps.clock.now();
  const givesCredentials = kind === 'add-user' || kind === 'reset-credentials';
  const requesterHalf = givesCredentials ? `${deps.secrets.id()}${deps.secrets.id()}` : undefined;
  const request: GrantRequest = {
    id: `grant-${deps.secrets.id()}`,
    kind,
    username: input.username,
    ...(organisationId === undefined ? {} : { organisationId }),
    ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
    roles: roles as Role[],
    reason: input.reason.trim(),
    requestedBy: { userId: requester.userId, username: requester.username },
    requestedAt: now,
    expiresAt: new Date(now.getTime() + grantRequestHours * 3_600_000),
    status: 'pending',
    ...(requesterHalf === undefined ? {} : { requesterHalfHash: deps.sha256(requesterHalf) }),
  };
  await deps.grants.addRequest(request, {
    actor: actorOf(requester),
    action: 'grants.request',
    objectType: 'grant',
    objectId: request.id,
    requestId,
    details: { kind, username: request.username, roles: request.roles, reason: request.reason },
  });
  return ok(requesterHalf === undefined ? { request } : { request, requesterHalf });
}
