import type { Principal } from '../people/people.ts';
import { audienceOf, isAddressedTo, type NotificationRecipient } from './notification.ts';

/**
 * What a running instance tells the browsers connected to it: a case changed (read it again), or a
 * notification was created. Each carries what decides who may receive it, which is never sent.
 */
export type LiveEvent =
  | {
      readonly kind: 'case-changed';
      readonly caseId: string;
      readonly version: number;
      readonly organisationId: string;
    }
  | {
      readonly kind: 'notification';
      readonly notificationId: string;
      readonly caseId: string;
      readonly recipient: NotificationRecipient;
    };

/** The part of a live event its receiver is sent (no organisation ids, no addressing). */
export type LiveEventPayload =
  | { readonly kind: 'case-changed'; readonly caseId: string; readonly version: number }
  | { readonly kind: 'notification'; readonly id: string; readonly caseId: string };

/**
 * Whether `principal` may receive the event, and what they are sent: an exporter hears only of its
 * own organisation's cases and of notifications addressed to it; a partner authority's users hear
 * nothing of this authority's cases.
 */
export function liveEventFor(event: LiveEvent, principal: Principal): LiveEventPayload | undefined {
  switch (event.kind) {
    case 'case-changed': {
      const sees =
        principal.organisationKind === 'exporter'
          ? principal.organisationId === event.organisationId
          : principal.organisationKind !== 'partner-authority';
      return sees ? { kind: event.kind, caseId: event.caseId, version: event.version } : undefined;
    }
    case 'notification':
      return isAddressedTo(event.recipient, audienceOf(principal))
        ? { kind: event.kind, id: event.notificationId, caseId: event.caseId }
        : undefined;
  }
}
