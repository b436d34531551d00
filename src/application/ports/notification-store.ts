import type {
  Notification,
  NotificationAudience,
  NotificationView,
} from '../../domain/notifications/notification.ts';

/**
 * In-app notifications and who has read them (each person reads an organisation's or a role's
 * notification for themselves). Notifications of a case change are written by the case store in
 * the change's transaction; `add` is for the others.
 */
export interface NotificationStore {
  add(notifications: readonly Notification[]): Promise<void>;
  /** The audience's notifications, newest first, at most `limit`, and how many are unread in all. */
  notificationsFor(
    audience: NotificationAudience,
    limit: number,
  ): Promise<{ readonly items: readonly NotificationView[]; readonly unread: number }>;
  /** Marks one read for `audience.userId`; false when no such notification is addressed to them. */
  markRead(audience: NotificationAudience, id: string, at: Date): Promise<boolean>;
  /** Marks every unread one read for `audience.userId`; how many were marked. */
  markAllRead(audience: NotificationAudience, at: Date): Promise<number>;
}
