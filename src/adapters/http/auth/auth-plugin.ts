import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuditLog } from '../../../application/ports/audit-log.ts';
import { actorOf, holdsAnyRole, type Principal } from '../../../domain/people/people.ts';
import { cordonError } from '../../../domain/shared/errors.ts';
import { sendError } from '../errors.ts';
import type { Authenticator } from './authenticator.ts';
import { sameSecret } from './same-secret.ts';

export const sessionCookie = 'cordon_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set on every route that declares roles (absent on public routes). */
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** `read`: a successful GET of this route is written to the audit trail (sensitive records). */
    audit?: 'read';
    /** True: a session that must change its password may call it (change, sign out, who am I). */
    duringPasswordChange?: boolean;
  }
}

export interface AuthPluginOptions {
  readonly authenticator: Authenticator;
  readonly audit: AuditLog | undefined;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Authentication and authorisation for every `/v1` route, from its `config.access` declaration:
 * public routes pass; the others need a bearer token or a session cookie (401 otherwise) and one
 * of the declared roles (403 otherwise). Unsafe requests made with a session cookie must echo the
 * session's CSRF token in `x-csrf-token`. Successful changes (and reads of routes marked
 * `config.audit = 'read'`) are appended to the audit trail.
 */
async function authPlugin(app: FastifyInstance, options: AuthPluginOptions): Promise<void> {
  await app.register(cookie);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || 'public' in access) return;
    const principal = await authenticate(request, options.authenticator);
    if (!principal.ok) return sendError(reply, principal.error);
    if (!holdsAnyRole(principal.value, access.roles)) {
      return sendError(
        reply,
        cordonError(
          'CORDON_FORBIDDEN',
          `This action needs one of the roles ${access.roles.join(', ')}.`,
        ),
      );
    }
    if (
      principal.value.passwordChangeRequired === true &&
      request.routeOptions.config.duringPasswordChange !== true
    ) {
      return sendError(
        reply,
        cordonError(
          'CORDON_PASSWORD_CHANGE_REQUIRED',
          'Someone else set your password: change it first (POST /v1/auth/password).',
        ),
      );
    }
    request.principal = principal.value;
    return undefined;
  });

  const audit = options.audit;
  if (audit !== undefined) {
    app.addHook('onResponse', async (request, reply) => {
      const principal = request.principal;
      if (principal === undefined || reply.statusCode >= 400) return;
      const changed = unsafeMethods.has(request.method);
      if (!changed && request.routeOptions.config.audit !== 'read') return;
      await audit.append({
        actor: actorOf(principal),
        action: `http.${request.method.toLowerCase()}`,
        objectType: 'route',
        objectId: request.routeOptions.url ?? request.url,
        requestId: request.id,
        details: {
          path: request.url.split('?')[0],
          status: reply.statusCode,
          via: principal.via,
        },
      });
    });
  }
}

type Authenticated =
  | { readonly ok: true; readonly value: Principal }
  | { readonly ok: false; readonly error: ReturnType<typeof cordonError> };

async function authenticate(
  request: FastifyRequest,
  authenticator: Authenticator,
): Promise<Authenticated> {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header !== '') {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      return {
        ok: false,
        error: cordonError(
          'CORDON_UNAUTHENTICATED',
          'The Authorization header must be "Bearer <token>".',
        ),
      };
    }
    return authenticator.bearer(match[1]);
  }
  const sessionId = request.cookies[sessionCookie];
  if (sessionId !== undefined && sessionId !== '') {
    const session = await authenticator.session(sessionId);
    if (session === undefined) {
      return {
        ok: false,
        error: cordonError('CORDON_UNAUTHENTICATED', 'The session has expired; sign in again.'),
      };
    }
    if (
      unsafeMethods.has(request.method) &&
      !sameSecret(request.headers['x-csrf-token'], session.csrfToken)
    ) {
      return {
        ok: false,
        error: cordonError(
          'CORDON_FORBIDDEN',
          'A request made with a session cookie must carry the session CSRF token in x-csrf-token.',
        ),
      };
    }
    return { ok: true, value: session.principal };
  }
  return {
    ok: false,
    error: cordonError(
      'CORDON_UNAUTHENTICATED',
      'Authentication required: send "Authorization: Bearer <API token>" or sign in.',
    ),
  };
}

export default fp(authPlugin, { name: 'cordon-auth' });

/** The caller of a route that declares roles (the auth hook has run). */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === undefined) {
    throw new Error(`No principal on ${request.method} ${request.url}: is the route public?`);
  }
  return request.principal;
}
