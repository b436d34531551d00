import type { NotificationStore } from '../../src/application/ports/notification-store.ts';
import {
  isAddressedTo,
  type Notification,
  type NotificationAudience,
} from '../../src/domain/notifications/notification.ts';

/** `NotificationStore` in memory; the in-memory case store adds a change's notifications to it. */
export function inMemoryNotificationStore(): NotificationStore {
  const notifications: Notification[] = [];
  const reads = new Map<string, Date>();
  const readKey = (id: string, userId: string) => `${id}\u0000${userId}`;
  const addressed = (audience: NotificationAudience) =>
    notifications
      .filter((n) => isAddressedTo(n.recipient, audience))
      .sort(
        (a, b) =>
          b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      );
  const unreadOf = (audience: NotificationAudience) =>
    addressed(audience).filter((n) => !reads.has(readKey(n.id, audience.userId)));
  return {
    add(added) {
      if (added.some((n) => notifications.some((m) => m.id === n.id))) {
        return Promise.reject(new Error('duplicate notification id'));
      }
      notifications.push(...added);
      return Promise.resolve();
    },
    notificationsFor(audience, limit) {
      return Promise.resolve({
        items: addressed(audience)
          .slice(0, limit)
          .map((n) => {
            const readAt = reads.get(readKey(n.id, audience.userId));
            return readAt === undefined ? n : { ...n, readAt };
          }),
        unread: unreadOf(audience).length,
      });
    },
    markRead(audience, id, at) {
      const found = addressed(audience).find((n) => n.id === id);
      if (found === undefined) return Promise.resolve(false);
      const key = readKey(id, audience.userId);
      if (!reads.has(key)) reads.set(key, at);
      return Promise.resolve(true);
    },
    markAllRead(audience, at) {
      const unread = unreadOf(audience);
      for (const n of unread) reads.set(readKey(n.id, audience.userId), at);
      return Promise.resolve(unread.length);
    },
  };
}
