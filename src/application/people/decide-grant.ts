import {
  decisionProblem,
  enrolmentHours,
  type Enrolment,
  type GrantRequest,
} from '../../domain/people/grant-request.ts';
import { actorOf, type Principal, type User } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { GrantEffect } from '../ports/grant-store.ts';
import type { PeopleDeps } from './people-deps.ts';

/**
 * A second administrator approves or rejects a grant. Nobody decides their own request, or a grant
 * to themselves. An approved new user or reset gets an enrolment: the answer carries the
 * approver's half of its code (shown once); the user sets their own password with both halves.
 */
export async function decideGrant(
  deps: PeopleDeps,
  approver: Principal,
  id: string,
  approve: boolean,
  requestId?: string,
): Promise<
  Result<{ readonly request: GrantRequest; readonly approverHalf?: string }, CordonError>
> {
  const request = await deps.grants.getRequest(id);
  if (request === undefined) {
    return err(cordonError('CORDON_NOT_FOUND', `No grant request has id ${id}.`));
  }
  const now = deps.clock.now();
  const problem = decisionProblem(request, approver, now);
  if (problem !== undefined) {
    return err(
      cordonError(
        request.status === 'pending' && request.expiresAt > now
          ? 'CORDON_FORBIDDEN'
          : 'CORDON_GRANT_NOT_PENDING',
        problem,
      ),
    );
  }
  const decision = {
    status: approve ? ('approved' as const) : ('rejected' as const),
    decidedBy: { userId: approver.userId, username: approver.username },
    decidedAt: now,
  };
  const approverHalf =
    approve && request.requesterHalfHash !== undefined
      ? `${deps.secrets.id()}${deps.secrets.id()}`
      : undefined;
  const effect = approve ? await effectOf(deps, request, approverHalf, now) : undefined;
  if (approve && effect === undefined) {
    return err(
      cordonError(
        'CORDON_GRANT_NOT_PENDING',
        `The grant no longer applies: ${request.kind === 'add-user' ? 'the username was taken meanwhile' : 'the user is gone'}.`,
      ),
    );
  }
  const decided = await deps.grants.decide(id, decision, effect, {
    actor: actorOf(approver),
    action: approve ? 'grants.approve' : 'grants.reject',
    objectType: 'grant',
    objectId: id,
    requestId,
    details: {
      kind: request.kind,
      username: request.username,
      roles: request.roles,
      requestedBy: request.requestedBy.username,
    },
  });
  if (!decided) {
    return err(cordonError('CORDON_GRANT_NOT_PENDING', 'Someone decided the request first.'));
  }
  const after: GrantRequest = { ...request, ...decision };
  return ok(approverHalf === undefined ? { request: after } : { request: after, approverHalf });
}

async function effectOf(
  deps: PeopleDeps,
  request: GrantRequest,
  approverHalf: string | undefined,
  now: Date,
): Promise<GrantEffect | undefined> {
  const existing = await deps.store.findCredentials(request.username);
  const enrolment = (userId: string): Enrolment => ({
    userId,
    requesterHalfHash: request.requesterHalfHash ?? '',
    approverHalfHash: deps.sha256(approverHalf ?? ''),
    expiresAt: new Date(now.getTime() + enrolmentHours * 3_600_000),
  });
  switch (request.kind) {
    case 'add-user': {
      if (existing !== undefined) return undefined;
      const user: User = {
        id: `usr-${deps.secrets.id()}`,
        username: request.username,
        displayName: request.displayName ?? request.username,
        organisationId: request.organisationId ?? '',
        roles: request.roles,
        disabled: false,
        createdAt: now,
        // They set their own password with the enrolment code: nobody else ever knew it.
        mustChangePassword: false,
      };
      return { kind: 'add-user', user, enrolment: enrolment(user.id) };
    }
    case 'add-roles':
      return existing === undefined
        ? undefined
        : {
            kind: 'add-roles',
            userId: existing.user.id,
            roles: [...new Set([...existing.user.roles, ...request.roles])],
          };
    case 'reset-credentials':
      return existing === undefined
        ? undefined
        : { kind: 'reset-credentials', enrolment: enrolment(existing.user.id) };
  }
}
