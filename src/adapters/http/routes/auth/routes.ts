import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { login, logout } from '../../../../application/people/authenticate.ts';
import type { PeopleDeps } from '../../../../application/people/people-deps.ts';
import {
  LoginRequestSchema,
  PrincipalSchema,
  SessionResponseSchema,
} from '../../../../contracts/auth.ts';
import { ErrorResponseSchema } from '../../../../contracts/error-response.ts';
import type { Principal } from '../../../../domain/people/people.ts';
import { roles } from '../../../../domain/people/role.ts';
import { principalOf, sessionCookie } from '../../auth/auth-plugin.ts';
import { sharedRateLimitStore } from '../../auth/shared-rate-limit-store.ts';
import type { RateLimitCounter } from '../../../../application/ports/rate-limit-counter.ts';
import { sendError } from '../../errors.ts';

const principalJson = (p: Principal) => ({
  username: p.username,
  organisationId: p.organisationId,
  organisationKind: p.organisationKind,
  roles: [...p.roles],
  via: p.via,
});

/** `/v1/auth`: password sign-in for the web UI (a session cookie plus a CSRF token), sign-out, whoami. */
export const authRoutes: FastifyPluginAsyncTypebox<{
  readonly people: PeopleDeps;
  /** Shared counters (the database) so that a cluster enforces one limit; else in memory. */
  readonly rateLimits?: RateLimitCounter | undefined;
}> = async (app, { people, rateLimits }) => {
  await app.register(import('@fastify/rate-limit'), {
    global: false,
    ...(rateLimits === undefined ? {} : { store: sharedRateLimitStore(rateLimits) }),
  });

  app.post(
    '/auth/login',
    {
      config: {
        access: { public: true, reason: 'signing in is how a person gets credentials' },
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a username and password',
        description:
          'Sets an HttpOnly, SameSite=Strict session cookie (Secure behind TLS). Five failed attempts in a row lock the account for 15 minutes; the endpoint is also rate-limited per client address.',
        body: LoginRequestSchema,
        response: {
          200: SessionResponseSchema,
          401: ErrorResponseSchema,
          429: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await login(people, { ...request.body, requestId: request.id });
      if (!session.ok) return sendError(reply, session.error);
      void reply.setCookie(sessionCookie, session.value.sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        expires: session.value.expiresAt,
      });
      return {
        principal: principalJson(session.value.principal),
        csrfToken: session.value.csrfToken,
        expiresAt: session.value.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: { roles } },
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends the session)',
        response: { 204: Type.Null(), 401: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const sessionId = request.cookies[sessionCookie];
      if (sessionId !== undefined) await logout(people, sessionId);
      void reply.clearCookie(sessionCookie, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: { roles } },
      schema: {
        tags: ['auth'],
        summary: 'Who am I',
        response: { 200: PrincipalSchema, 401: ErrorResponseSchema },
      },
    },
    (request) => principalJson(principalOf(request)),
  );
};
