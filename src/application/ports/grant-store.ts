import type { AuditEvent } from '../../domain/audit/audit-chain.ts';
import type { Enrolment, GrantRequest } from '../../domain/people/grant-request.ts';
import type { Role } from '../../domain/people/role.ts';
import type { User } from '../../domain/people/people.ts';

/** What an approved grant does, applied in the same transaction as the approval. */
export type GrantEffect =
  | { readonly kind: 'add-user'; readonly user: User; readonly enrolment: Enrolment }
  | { readonly kind: 'add-roles'; readonly userId: string; readonly roles: readonly Role[] }
  | { readonly kind: 'reset-credentials'; readonly enrolment: Enrolment };

/** Grants that take two administrators: the requests and their decisions. */
export interface GrantStore {
  addRequest(request: GrantRequest, audit: AuditEvent): Promise<void>;
  getRequest(id: string): Promise<GrantRequest | undefined>;
  /** Every request, newest first. */
  listRequests(): Promise<readonly GrantRequest[]>;
  /**
   * Records the decision if the request is still pending, applies the approved grant's effect and
   * appends the audit entry, all in one transaction; false (nothing changed) when someone decided
   * it first or the effect cannot apply (say, the username was taken meanwhile).
   */
  decide(
    id: string,
    decision: Pick<GrantRequest, 'status' | 'decidedBy' | 'decidedAt'>,
    effect: GrantEffect | undefined,
    audit: AuditEvent,
  ): Promise<boolean>;
}
