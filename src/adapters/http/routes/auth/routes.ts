import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { login, logout, type SignInRefusal } from '../../../../application/people/authenticate.ts';
import { changePassword } from '../../../../application/people/change-password.ts';
import { enrolWithCode } from '../../../../application/people/enrol-with-code.ts';
import type { PeopleDeps } from '../../../../application/people/people-deps.ts';
import {
  EnrolRequestSchema,
  PasswordChangeRequestSchema,
  LoginRequestSchema,
  PrincipalSchema,
  SessionResponseSchema,
} from '../../../../contracts/auth.ts';
import type { Principal } from '../../../../domain/people/people.ts';
import { roles } from '../../../../domain/people/role.ts';
import { principalOf, sessionCookie } from '../../auth/auth-plugin.ts';
import { sharedRateLimitStore } from '../../auth/shared-rate-limit-store.ts';
import type { RateLimitCounter } from '../../../../application/ports/rate-limit-counter.ts';
import { sendError } from '../../errors.ts';
import type { FastifyReply } from 'fastify';
import { errorResponses } from '../../error-responses.ts';

const principalJson = (p: Principal) => ({
  username: p.username,
  organisationId: p.organisationId,
  organisationKind: p.organisationKind,
  roles: [...p.roles],
  via: p.via,
  ...(p.passwordChangeRequired === true ? { passwordChangeRequired: true } : {}),
});

/** A refused sign-in; a back-off also says when to retry. */
function sendRefusal(reply: FastifyReply, error: SignInRefusal, now: Date): FastifyReply {
  if (error.retryAt !== undefined) {
    const seconds = Math.max(1, Math.ceil((error.retryAt.getTime() - now.getTime()) / 1000));
    void reply.header('retry-after', String(seconds));
  }
  const { retryAt: _retryAt, ...plain } = error;
  return sendError(reply, plain);
}

const errors = errorResponses(400, 401, 403, 429);

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
          'Sets an HttpOnly, SameSite=Strict session cookie (Secure behind TLS). Unknown, disabled and wrong-password sign-ins get the same answer. After five failures at one username from one client address, further attempts from that address wait 2 s, doubling up to 15 minutes (429 with retry-after); other addresses are not slowed, so nobody can lock an account. The endpoint is also rate-limited per client address. A password someone else set gives a session that may only change it (`passwordChangeRequired`).',
        body: LoginRequestSchema,
        response: {
          200: SessionResponseSchema,
          ...errorResponses(401, 429),
        },
      },
    },
    async (request, reply) => {
      const session = await login(people, {
        ...request.body,
        address: request.ip,
        requestId: request.id,
      });
      if (!session.ok) return sendRefusal(reply, session.error, people.clock.now());
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
    '/auth/password',
    {
      config: {
        access: { roles },
        duringPasswordChange: true,
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password',
        description:
          'Proves the current password. The new one needs at least 12 characters, must not be a common or breached password (the shipped list in data/security, also with digits or symbols added) and must not contain your username. Your other sessions end.',
        body: PasswordChangeRequestSchema,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const sessionId = request.cookies[sessionCookie];
      const changed = await changePassword(people, {
        username: principal.username,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        address: request.ip,
        actor: `user:${principal.username}`,
        requestId: request.id,
        ...(sessionId === undefined || sessionId === ''
          ? {}
          : { keepSessionHash: people.sha256(sessionId) }),
      });
      if (!changed.ok) return sendRefusal(reply, changed.error, people.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/enrol',
    {
      config: {
        access: {
          public: true,
          reason:
            'a new user sets their first password with the enrolment code, before they can sign in',
        },
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Set your own password with the enrolment code two administrators gave you',
        description:
          'The code is the two halves, joined by a hyphen. An unknown user and a wrong or expired code get the same answer; the code works once.',
        body: EnrolRequestSchema,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const enrolled = await enrolWithCode(people, {
        ...request.body,
        address: request.ip,
        requestId: request.id,
      });
      if (!enrolled.ok) return sendRefusal(reply, enrolled.error, people.clock.now());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: { roles }, duringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign out (ends the session)',
        response: { 204: Type.Null(), ...errorResponses(401) },
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
      config: { access: { roles }, duringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Who am I',
        response: { 200: PrincipalSchema, ...errorResponses(401) },
      },
    },
    (request) => principalJson(principalOf(request)),
  );
};
