import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { DatabaseHealth } from '../../application/ports/database-health.ts';
import { cordonError } from '../../domain/shared/errors.ts';
import { logError, sendError, toCordonError } from './errors.ts';
import { healthRoutes } from './routes/health/routes.ts';
import { apiIndexRoutes } from './routes/api-index/routes.ts';
import { listsRoutes, type ListsRouteDeps } from './routes/lists/routes.ts';
import { assertAccessDeclared } from './route-access.ts';

/** Everything the HTTP API needs from the outside, constructed by the composition root. */
export interface AppDeps {
  readonly version: string;
  readonly databaseHealth: DatabaseHealth;
  readonly lists: ListsRouteDeps;
}

export interface AppOptions {
  /** Pino options, or `false` for silence (tests). */
  readonly logger: NonNullable<FastifyServerOptions['logger']>;
  readonly bodyLimitBytes: number;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the HTTP API without listening, so that tests drive it with `app.inject()` and the
 * OpenAPI generator reads its routes. Every error leaves in the one error shape.
 */
export async function buildApp(deps: AppDeps, options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimitBytes,
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    ajv: {
      customOptions: {
        allErrors: true,
        coerceTypes: 'array',
        useDefaults: true,
        removeAdditional: false,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRoute', (route) => {
    assertAccessDeclared(route);
  });

  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    if (closing) {
      void reply.header('connection', 'close');
      void sendError(
        reply,
        cordonError('CORDON_SHUTTING_DOWN', 'Cordon is shutting down; retry shortly.'),
      );
      return;
    }
    done();
  });

  // Responses finished while closing tell the client to drop the connection; otherwise an idle
  // keep-alive socket would hold the shutdown open.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const mapped = toCordonError(error);
    logError(request, error, mapped);
    return sendError(reply, mapped);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      cordonError(
        'CORDON_ROUTE_NOT_FOUND',
        `No endpoint ${request.method} ${request.url.split('?')[0] ?? ''}.`,
      ),
    ),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cordon API',
        version: deps.version.split('+')[0] ?? deps.version,
        description:
          'Screening, classification, human-rights assessment and licensing of surveillance-technology exports. Every error has the shape of `ErrorResponse`; codes are listed in docs/errors.md.',
      },
      tags: [
        { name: 'operations', description: 'Liveness, readiness and the API index' },
        {
          name: 'lists',
          description: 'Restricted-party list snapshots: status, browsing, diffs, imports',
        },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes, { version: deps.version, databaseHealth: deps.databaseHealth });
  await app.register(
    async (v1) => {
      await v1.register(apiIndexRoutes, { version: deps.version });
      await v1.register(listsRoutes, deps.lists);
    },
    { prefix: '/v1' },
  );
  return app;
}
