import { Type, type Static } from 'typebox';
import { notificationKinds } from '../domain/notifications/notification.ts';
import { list, literals } from './schema-helpers.ts';

/** One in-app notification as its reader sees it (`GET /v1/notifications`). */
export const NotificationSchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseReference: Type.String(),
  kind: literals(notificationKinds),
  message: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
  readAt: Type.Optional(Type.String({ format: 'date-time' })),
});
export type NotificationJson = Static<typeof NotificationSchema>;

export const NotificationListSchema = Type.Object({
  items: list(NotificationSchema, { description: 'Newest first, at most 50.' }),
  unread: Type.Integer({ minimum: 0, description: 'How many are unread in all.' }),
});
export type NotificationList = Static<typeof NotificationListSchema>;

/** The answer to marking read: how many remain unread. */
export const NotificationsReadSchema = Type.Object({
  marked: Type.Integer({ minimum: 0 }),
  unread: Type.Integer({ minimum: 0 }),
});
export type NotificationsRead = Static<typeof NotificationsReadSchema>;

/** The data of the live events `GET /v1/events` sends (the SSE `event:` field is the kind). */
export type { LiveEventPayload as LiveEventData } from '../domain/notifications/live-event.ts';
