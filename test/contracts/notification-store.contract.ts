import { describe, expect, it } from 'vitest';
import type { NotificationStore } from '../../src/application/ports/notification-store.ts';
import type {
  Notification,
  NotificationAudience,
} from '../../src/domain/notifications/notification.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 10, minute));

const notification = (id: string, minute: number, recipient: Notification['recipient']) =>
  ({
    id,
    caseId: 'case-1',
    caseReference: 'GB-2026-0001',
    kind: 'question-asked',
    message: `message ${id}`,
    recipient,
    createdAt: at(minute),
  }) satisfies Notification;

const erin: NotificationAudience = { userId: 'u-erin', organisationId: 'org-vista', roles: [] };
const ed: NotificationAudience = { userId: 'u-ed', organisationId: 'org-vista', roles: [] };
const otto: NotificationAudience = { userId: 'u-otto', organisationId: 'org-other', roles: [] };
const cara: NotificationAudience = {
  userId: 'u-cara',
  organisationId: 'org-authority',
  roles: ['caseworker'],
};
const sam: NotificationAudience = {
  userId: 'u-sam',
  organisationId: 'org-authority',
  roles: ['senior-officer'],
};

/** What every `NotificationStore` must do, on the fake and on each database engine. */
export function notificationStoreContract(open: () => Promise<NotificationStore>): void {
  describe('NotificationStore', () => {
    it('gives each audience only what is addressed to it, newest first, with the unread count', async () => {
      const store = await open();
      await store.add([
        notification('n1', 1, { kind: 'organisation', organisationId: 'org-vista' }),
        notification('n2', 2, { kind: 'role', role: 'caseworker' }),
        notification('n3', 3, { kind: 'user', userId: 'u-cara' }),
        notification('n4', 4, { kind: 'organisation', organisationId: 'org-other' }),
      ]);
      const forErin = await store.notificationsFor(erin, 50);
      expect(forErin.items.map((n) => n.id)).toEqual(['n1']);
      expect(forErin.unread).toBe(1);
      expect(forErin.items[0]).toEqual(
        notification('n1', 1, { kind: 'organisation', organisationId: 'org-vista' }),
      );
      expect((await store.notificationsFor(cara, 50)).items.map((n) => n.id)).toEqual(['n3', 'n2']);
      expect((await store.notificationsFor(otto, 50)).items.map((n) => n.id)).toEqual(['n4']);
      expect((await store.notificationsFor(sam, 50)).items).toEqual([]);
      expect((await store.notificationsFor(cara, 1)).items.map((n) => n.id)).toEqual(['n3']);
      expect((await store.notificationsFor(cara, 1)).unread).toBe(2);
    });

    it('keeps read marks per person: one exporter reading leaves its colleague’s unread', async () => {
      const store = await open();
      await store.add([
        notification('n1', 1, { kind: 'organisation', organisationId: 'org-vista' }),
      ]);
      expect(await store.markRead(erin, 'n1', at(5))).toBe(true);
      expect(await store.markRead(erin, 'n1', at(6))).toBe(true);
      const read = await store.notificationsFor(erin, 50);
      expect(read.unread).toBe(0);
      expect(read.items[0]?.readAt).toEqual(at(5));
      expect((await store.notificationsFor(ed, 50)).unread).toBe(1);
    });

    it('refuses to mark read what is not addressed to the reader (another organisation’s)', async () => {
      const store = await open();
      await store.add([
        notification('n1', 1, { kind: 'organisation', organisationId: 'org-vista' }),
      ]);
      expect(await store.markRead(otto, 'n1', at(5))).toBe(false);
      expect(await store.markRead(erin, 'no-such-id', at(5))).toBe(false);
      expect((await store.notificationsFor(erin, 50)).unread).toBe(1);
    });

    it('marks every unread notification read at once, and says how many', async () => {
      const store = await open();
      await store.add([
        notification('n1', 1, { kind: 'role', role: 'caseworker' }),
        notification('n2', 2, { kind: 'user', userId: 'u-cara' }),
        notification('n3', 3, { kind: 'role', role: 'senior-officer' }),
      ]);
      await store.markRead(cara, 'n1', at(4));
      expect(await store.markAllRead(cara, at(5))).toBe(1);
      expect(await store.markAllRead(cara, at(6))).toBe(0);
      expect((await store.notificationsFor(cara, 50)).unread).toBe(0);
      expect((await store.notificationsFor(sam, 50)).unread).toBe(1);
    });
  });
}
