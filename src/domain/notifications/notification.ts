import type { LicenceCase } from '../licensing/licence-case.ts';
import { effectiveRoles, type Principal } from '../people/people.ts';
import type { Role } from '../people/role.ts';

/**
 * Who a notification is for: one person, every user of an exporter's organisation, or everyone
 * of the authority holding a role (the stage's role when nobody holds the case).
 */
export type NotificationRecipient =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'organisation'; readonly organisationId: string }
  | { readonly kind: 'role'; readonly role: Role };

export const notificationKinds = [
  'question-asked',
  'decision-issued',
  'licence-status-changed',
  'question-answered',
  'case-queued',
  'case-taken-over',
  'advice-requested',
  'advice-given',
  'countersignature-needed',
  'appeal-lodged',
  'case-withdrawn',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** One thing a person is told in the app: about a case, in a sentence, read or not. */
export interface Notification {
  /** `<case id>:<case version>:<n>`: one change of a case, so the same change never tells twice. */
  readonly id: string;
  readonly caseId: string;
  readonly caseReference: string;
  readonly kind: NotificationKind;
  readonly message: string;
  readonly recipient: NotificationRecipient;
  readonly createdAt: Date;
}

/** A notification as one person sees it: with whether they have read it. */
export interface NotificationView extends Notification {
  readonly readAt?: Date;
}

/**
 * The addresses a principal reads notifications from. An exporter reads its own and its
 * organisation's only, never a role's: roles are the authority's (and its advising departments');
 * a partner authority's users hold roles of their own authority, not ours.
 */
export interface NotificationAudience {
  readonly userId: string;
  readonly organisationId: string;
  readonly roles: readonly Role[];
}

export function audienceOf(principal: Principal): NotificationAudience {
  return {
    userId: principal.userId,
    organisationId: principal.organisationId,
    roles:
      principal.organisationKind === 'licensing-authority' ||
      principal.organisationKind === 'advising-department'
        ? effectiveRoles(principal).filter((r) => r !== 'exporter')
        : [],
  };
}

/** Whether a notification addressed to `recipient` is for this audience. */
export function isAddressedTo(
  recipient: NotificationRecipient,
  audience: NotificationAudience,
): boolean {
  switch (recipient.kind) {
    case 'user':
      return recipient.userId === audience.userId;
    case 'organisation':
      return recipient.organisationId === audience.organisationId;
    case 'role':
      return audience.roles.includes(recipient.role);
  }
}

/** The officer holding the case, else everyone of `role`. */
const holderOr = (c: LicenceCase, role: Role): NotificationRecipient =>
  c.assignee === undefined
    ? { kind: 'role', role }
    : { kind: 'user', userId: c.assignee.actor.userId };

const exporterOf = (c: LicenceCase): NotificationRecipient => ({
  kind: 'organisation',
  organisationId: c.exporterOrganisationId,
});

type Draft = Pick<Notification, 'kind' | 'message' | 'recipient'>;

/** What one step of the workflow tells whom (nothing for the steps nobody waits on). */
function draftsFor(action: string, before: LicenceCase, after: LicenceCase): readonly Draft[] {
  const ref = after.reference;
  switch (action) {
    case 'request-information': {
      const question = after.informationRequests.at(-1)?.question ?? '';
      return [
        {
          kind: 'question-asked',
          message: `The licensing authority asked a question on ${ref}: ${question}`,
          recipient: exporterOf(after),
        },
      ];
    }
    case 'answer-information': {
      const asked = [...after.informationRequests].reverse().find((q) => q.answer !== undefined);
      return [
        {
          kind: 'question-answered',
          message: `The exporter answered your question on ${ref}.`,
          recipient:
            asked === undefined
              ? holderOr(after, 'caseworker')
              : { kind: 'user', userId: asked.askedBy.userId },
        },
      ];
    }
    case 'complete-checks':
      return [
        {
          kind: 'case-queued',
          message: `${ref} is in the ${after.queue ?? 'work'} queue.`,
          recipient: holderOr(after, 'caseworker'),
        },
        ...(after.adviceRequests.length > before.adviceRequests.length
          ? [adviceRequested(ref, after)]
          : []),
      ];
    case 'request-advice':
      return [adviceRequested(ref, after)];
    case 'give-advice':
      return [
        {
          kind: 'advice-given',
          message: `Advice was given on ${ref} (${after.advice.at(-1)?.desk ?? 'a'} desk).`,
          recipient: holderOr(after, 'caseworker'),
        },
      ];
    case 'decide':
      return after.stage === 'awaiting-countersignature'
        ? [
            {
              kind: 'countersignature-needed',
              message: `The decision on ${ref} awaits a second senior officer's countersignature.`,
              recipient: { kind: 'role', role: 'senior-officer' },
            },
          ]
        : [];
    case 'countersign':
      return [
        {
          kind: 'decision-issued',
          message: `A decision was issued on ${ref}: ${after.outcome ?? 'see the case'}.`,
          recipient: exporterOf(after),
        },
      ];
    case 'decide-appeal':
      return [
        {
          kind: 'decision-issued',
          message: `Your appeal on ${ref} was decided: ${after.appeal?.upheld === true ? 'upheld' : 'dismissed'}.`,
          recipient: exporterOf(after),
        },
      ];
    case 'suspend':
    case 'reinstate':
    case 'revoke':
      return [
        {
          kind: 'licence-status-changed',
          message: `The licence of ${ref} is now ${after.stage}.`,
          recipient: exporterOf(after),
        },
      ];
    case 'appeal':
      return [
        {
          kind: 'appeal-lodged',
          message: `The exporter appealed against the decision on ${ref}.`,
          recipient: { kind: 'role', role: 'senior-officer' },
        },
      ];
    case 'withdraw':
      return after.assignee === undefined
        ? []
        : [
            {
              kind: 'case-withdrawn',
              message: `The exporter withdrew ${ref}.`,
              recipient: { kind: 'user', userId: after.assignee.actor.userId },
            },
          ];
    case 'assign': {
      const previous = before.assignee?.actor;
      const now = after.assignee?.actor;
      return previous === undefined || previous.userId === now?.userId
        ? []
        : [
            {
              kind: 'case-taken-over',
              message: `${now?.name ?? 'A colleague'} took over ${ref} from you.`,
              recipient: { kind: 'user', userId: previous.userId },
            },
          ];
    }
    default:
      return [];
  }
}

const adviceRequested = (ref: string, after: LicenceCase): Draft => ({
  kind: 'advice-requested',
  message: `Advice is requested on ${ref} (${after.adviceRequests.at(-1)?.desk ?? 'a'} desk).`,
  recipient: { kind: 'role', role: 'advisor' },
});

/**
 * Who is told what when a case changes from `before` to `after` through the steps `actions`:
 * the exporter when an officer asks a question or a decision is issued; the officer who asked (or
 * who holds the case, else the stage's role) when the exporter answers or advice comes back; the
 * advisers when advice is requested; senior officers when a decision awaits countersignature or an
 * appeal is lodged; an officer whose case a colleague took over. Nobody is told of their own step.
 *
 * @example
 * notificationsForChange(before, after, ['request-information'], 'u-cara', at)
 * // [{ id: 'c1:5:0', kind: 'question-asked', recipient: { kind: 'organisation', ... } }]
 */
export function notificationsForChange(
  before: LicenceCase,
  after: LicenceCase,
  actions: readonly string[],
  actorUserId: string,
  at: Date,
): readonly Notification[] {
  return actions
    .flatMap((action) => draftsFor(action, before, after))
    .filter((d) => !(d.recipient.kind === 'user' && d.recipient.userId === actorUserId))
    .map((d, i) => ({
      ...d,
      id: `${after.id}:${String(after.version)}:${String(i)}`,
      caseId: after.id,
      caseReference: after.reference,
      createdAt: at,
    }));
}
