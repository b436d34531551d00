import { audienceOf, type NotificationView } from '../../domain/notifications/notification.ts';
import type { Principal } from '../../domain/people/people.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Clock } from '../ports/clock.ts';
import type { NotificationStore } from '../ports/notification-store.ts';

/** What the notification use cases need. */
export interface NotificationDeps {
  readonly notifications: NotificationStore;
  readonly clock: Clock;
}

/** The most notifications one list returns. */
export const notificationListLimit = 50;

/**
 * The principal's notifications, newest first (at most 50), and how many are unread: their own,
 * their organisation's, and (authority staff only) their roles'. An exporter never sees another
 * organisation's.
 */
export function listNotifications(
  deps: Pick<NotificationDeps, 'notifications'>,
  principal: Principal,
): Promise<{ readonly items: readonly NotificationView[]; readonly unread: number }> {
  return deps.notifications.notificationsFor(audienceOf(principal), notificationListLimit);
}

/**
 * Marks one notification read for the principal; "not found" for one not addressed to them (so
 * that ids of other organisations' notifications leak nothing).
 */
export async function markNotificationRead(
  deps: NotificationDeps,
  principal: Principal,
  id: string,
): Promise<Result<void, CordonError>> {
  const marked = await deps.notifications.markRead(audienceOf(principal), id, deps.clock.now());
  return marked
    ? ok(undefined)
    : err(cordonError('CORDON_NOT_FOUND', `No notification ${id} exists (or it is not yours).`));
}

/** Marks all the principal's unread notifications read; how many there were. */
export function markAllNotificationsRead(
  deps: NotificationDeps,
  principal: Principal,
): Promise<number> {
  return deps.notifications.markAllRead(audienceOf(principal), deps.clock.now());
}
