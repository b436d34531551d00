import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { workRoles } from '../../../../domain/people/role.ts';
import { Type } from 'typebox';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationDeps,
} from '../../../../application/notifications/notifications.ts';
import { ErrorResponseSchema } from '../../../../contracts/error-response.ts';
import {
  NotificationListSchema,
  NotificationsReadSchema,
  type NotificationJson,
} from '../../../../contracts/notifications.ts';
import type { NotificationView } from '../../../../domain/notifications/notification.ts';
import { principalOf } from '../../auth/auth-plugin.ts';
import { sendError } from '../../errors.ts';
import type { RouteAccess } from '../../route-access.ts';

/** Everyone signed in has notifications; each sees only those addressed to them. */
export const everyone: RouteAccess = { roles: workRoles };
const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
};

const toJson = (n: NotificationView): NotificationJson => ({
  id: n.id,
  caseId: n.caseId,
  caseReference: n.caseReference,
  kind: n.kind,
  message: n.message,
  createdAt: n.createdAt.toISOString(),
  read: n.readAt !== undefined,
  ...(n.readAt === undefined ? {} : { readAt: n.readAt.toISOString() }),
});

/** `/v1/notifications`: the signed-in person's notifications, and marking them read. */
export const notificationRoutes: FastifyPluginAsyncTypebox<NotificationDeps> = (app, deps) => {
  app.get(
    '/notifications',
    {
      config: { access: everyone },
      schema: {
        tags: ['cases'],
        summary: 'My notifications, newest first, with the unread count',
        description:
          'Addressed to me, my organisation, or (authority staff) one of my roles. An exporter never sees another organisation’s.',
        response: { 200: NotificationListSchema, ...errors },
      },
    },
    async (request) => {
      const found = await listNotifications(deps, principalOf(request));
      return { items: found.items.map(toJson), unread: found.unread };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: everyone },
      schema: {
        tags: ['cases'],
        summary: 'Mark one of my notifications read (for me alone)',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 200: NotificationsReadSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const marked = await markNotificationRead(deps, principal, request.params.id);
      if (!marked.ok) return sendError(reply, marked.error);
      const { unread } = await listNotifications(deps, principal);
      return { marked: 1, unread };
    },
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: everyone },
      schema: {
        tags: ['cases'],
        summary: 'Mark all my notifications read',
        response: { 200: NotificationsReadSchema, ...errors },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const marked = await markAllNotificationsRead(deps, principal);
      const { unread } = await listNotifications(deps, principal);
      return { marked, unread };
    },
  );
  return Promise.resolve();
};
