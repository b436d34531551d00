import type { Role } from './role.ts';

/**
 * What one administrator may not do alone: give someone an account, add roles to a user, or
 * reset a user's sign-in. One administrator asks; a second one approves (both audited).
 */
export const grantKinds = ['add-user', 'add-roles', 'reset-credentials'] as const;
export type GrantKind = (typeof grantKinds)[number];

/** How long a request waits for its second administrator. */
export const grantRequestHours = 72;
/** How long an enrolment code, once both halves exist, lets the person set their password. */
export const enrolmentHours = 72;

/** A grant waiting for (or decided by) a second administrator. */
export interface GrantRequest {
  readonly id: string;
  readonly kind: GrantKind;
  /** The user it is for (to be created, for `add-user`). */
  readonly username: string;
  readonly organisationId?: string;
  readonly displayName?: string;
  /** Roles to create the user with, or to add. */
  readonly roles: readonly Role[];
  readonly reason: string;
  readonly requestedBy: { readonly userId: string; readonly username: string };
  readonly requestedAt: Date;
  readonly expiresAt: Date;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly decidedBy?: { readonly userId: string; readonly username: string };
  readonly decidedAt?: Date;
  /**
   * SHA-256 of the requester's half of the enrolment code (`add-user`, `reset-credentials`): the
   * approver's half is made at approval, and the person needs both to set a password, so neither
   * administrator alone can sign in as them.
   */
  readonly requesterHalfHash?: string;
}

/** Why `approver` may not decide the request now, or undefined when they may. */
export function decisionProblem(
  request: GrantRequest,
  approver: { readonly userId: string; readonly username: string },
  now: Date,
): string | undefined {
  if (request.status !== 'pending') return `The request was already ${request.status}.`;
  if (request.expiresAt <= now) return 'The request has expired; ask again.';
  if (request.requestedBy.userId === approver.userId) {
    return 'A second administrator must decide: you made this request.';
  }
  if (request.username === approver.username) {
    return 'You cannot decide a grant to yourself.';
  }
  return undefined;
}

/** A one-time enrolment of a user: both halves' hashes, until the person sets a password. */
export interface Enrolment {
  readonly userId: string;
  readonly requesterHalfHash: string;
  readonly approverHalfHash: string;
  readonly expiresAt: Date;
}

/** The code a person types: the requester's half, a hyphen, the approver's half. */
export function splitEnrolmentCode(
  code: string,
): { readonly requesterHalf: string; readonly approverHalf: string } | undefined {
  const match = /^([A-Za-z0-9]{8,64})-([A-Za-z0-9]{8,64})$/.exec(code.trim());
  return match?.[1] !== undefined && match[2] !== undefined
    ? { requesterHalf: match[1], approverHalf: match[2] }
    : undefined;
}
