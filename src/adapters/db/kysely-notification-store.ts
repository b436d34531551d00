import type { Kysely, Transaction } from 'kysely';
import type { NotificationStore } from '../../application/ports/notification-store.ts';
import type {
  Notification,
  NotificationAudience,
  NotificationKind,
  NotificationRecipient,
  NotificationView,
} from '../../domain/notifications/notification.ts';
import type { Role } from '../../domain/people/role.ts';
import type { Database, NotificationTable } from './schema.ts';

const recipientColumns = (r: NotificationRecipient) =>
  r.kind === 'user'
    ? { recipient_kind: r.kind, recipient: r.userId }
    : r.kind === 'organisation'
      ? { recipient_kind: r.kind, recipient: r.organisationId }
      : { recipient_kind: r.kind, recipient: r.role };

const recipientOf = (row: Pick<NotificationTable, 'recipient_kind' | 'recipient'>) =>
  (row.recipient_kind === 'user'
    ? { kind: 'user', userId: row.recipient }
    : row.recipient_kind === 'organisation'
      ? { kind: 'organisation', organisationId: row.recipient }
      : { kind: 'role', role: row.recipient as Role }) satisfies NotificationRecipient;

/** Writes notifications inside the caller's transaction (the case store's, for a case change). */
export async function insertNotifications(
  trx: Transaction<Database> | Kysely<Database>,
  notifications: readonly Notification[],
): Promise<void> {
  if (notifications.length === 0) return;
  await trx
    .insertInto('notification')
    .values(
      notifications.map((n) => ({
        id: n.id,
        case_id: n.caseId,
        case_reference: n.caseReference,
        kind: n.kind,
        message: n.message,
        ...recipientColumns(n.recipient),
        created_at: n.createdAt,
      })),
    )
    .execute();
}

/** `NotificationStore` on Kysely: the audience's rows by recipient, with their reader's read mark. */
export function kyselyNotificationStore(db: Kysely<Database>): NotificationStore {
  const addressed = (audience: NotificationAudience) =>
    db
      .selectFrom('notification as n')
      .leftJoin('notification_read as r', (join) =>
        join.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', audience.userId),
      )
      .where((eb) =>
        eb.or([
          eb.and([eb('n.recipient_kind', '=', 'user'), eb('n.recipient', '=', audience.userId)]),
          eb.and([
            eb('n.recipient_kind', '=', 'organisation'),
            eb('n.recipient', '=', audience.organisationId),
          ]),
          ...(audience.roles.length === 0
            ? []
            : [
                eb.and([
                  eb('n.recipient_kind', '=', 'role'),
                  eb('n.recipient', 'in', [...audience.roles]),
                ]),
              ]),
        ]),
      );
  return {
    add: (notifications) => insertNotifications(db, notifications),
    async notificationsFor(audience, limit) {
      const rows = await addressed(audience)
        .selectAll('n')
        .select('r.read_at')
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(limit)
        .execute();
      const unread = await addressed(audience)
        .where('r.read_at', 'is', null)
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .executeTakeFirstOrThrow();
      return {
        items: rows.map((row): NotificationView => ({
          id: row.id,
          caseId: row.case_id,
          caseReference: row.case_reference,
          kind: row.kind as NotificationKind,
          message: row.message,
          recipient: recipientOf(row),
          createdAt: row.created_at,
          ...(row.read_at === null ? {} : { readAt: row.read_at }),
        })),
        unread: Number(unread.count),
      };
    },
    async markRead(audience, id, at) {
      const found = await addressed(audience)
        .where('n.id', '=', id)
        .select(['n.id', 'r.read_at'])
        .executeTakeFirst();
      if (found === undefined) return false;
      if (found.read_at === null) {
        await db
          .insertInto('notification_read')
          .values({ notification_id: id, user_id: audience.userId, read_at: at })
          .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
          .execute();
      }
      return true;
    },
    async markAllRead(audience, at) {
      const unread = await addressed(audience)
        .where('r.read_at', 'is', null)
        .select('n.id')
        .execute();
      if (unread.length === 0) return 0;
      await db
        .insertInto('notification_read')
        .values(
          unread.map((row) => ({ notification_id: row.id, user_id: audience.userId, read_at: at })),
        )
        .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
        .execute();
      return unread.length;
    },
  };
}
