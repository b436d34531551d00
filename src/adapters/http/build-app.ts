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
import { metricsRoutes, type MetricsRouteDeps } from './routes/metrics/routes.ts';
import { apiIndexRoutes } from './routes/api-index/routes.ts';
import { listsRoutes, type ListsRouteDeps } from './routes/lists/routes.ts';
import { assessmentRoutes, type AssessmentRouteDeps } from './routes/assessments/routes.ts';
import { screeningRoutes, type ScreeningRouteDeps } from './routes/screening/routes.ts';
import { casesRoutes } from './routes/cases/routes.ts';
import { workRoutes } from './routes/work/routes.ts';
import { referencesRoutes } from './routes/references/routes.ts';
import { exchangeRoutes } from './routes/exchange/routes.ts';
import { proposalRoutes } from './routes/proposals/routes.ts';
import type { ProposalDeps } from '../../application/proposals/proposal-deps.ts';
import type { ExchangeDeps } from '../../application/exchange/exchange-deps.ts';
import type { CaseDeps } from '../../application/cases/case-deps.ts';
import { controlsRoutes, type ControlsRouteDeps } from './routes/controls/routes.ts';
import { assertAccessDeclared, recordDeclaredRoute } from './route-access.ts';
import authPlugin from './auth/auth-plugin.ts';
import type { Authenticator } from './auth/authenticator.ts';
import { authRoutes } from './routes/auth/routes.ts';
import { auditRoutes, type AuditRouteDeps } from './routes/audit/routes.ts';
import { peopleRoutes } from './routes/people/routes.ts';
import { batchRoutes, type BatchRouteDeps } from './routes/batches/routes.ts';
import { webUiRoutes, type WebUiOptions } from './web-ui.ts';
import { notificationRoutes } from './routes/notifications/routes.ts';
import { eventRoutes, type EventRouteDeps } from './routes/events/routes.ts';
import { redFlagRoutes, type RedFlagRouteDeps } from './routes/red-flags/routes.ts';
import type { NotificationDeps } from '../../application/notifications/notifications.ts';
import { openApiOptions } from './openapi.ts';
import { checkResponsesAgainstSchemas } from './response-contract.ts';
import type { PeopleDeps } from '../../application/people/people-deps.ts';
import type { RateLimitCounter } from '../../application/ports/rate-limit-counter.ts';
import {
  publicConsultationRoutes,
  type PublicConsultationRouteDeps,
} from './routes/public-consultations/routes.ts';
import { publicConsultationPublicRoutes } from './routes/public-consultations/public-routes.ts';
import { reportRoutes, type TransparencyReportSettings } from './routes/reports/routes.ts';

/** Everything the HTTP API needs from the outside, constructed by the composition root. */
export interface AppDeps {
  readonly version: string;
  readonly databaseHealth: DatabaseHealth;
  readonly lists: ListsRouteDeps;
  /** `POST /v1/assessments`; absent in tests that do not assess (the route then answers not ready). */
  readonly assessments?: AssessmentRouteDeps;
  readonly screening: ScreeningRouteDeps;
  /** The licence workflow; absent in tests that do not touch cases (its routes are then not registered). */
  readonly cases?: CaseDeps;
  /** Exchange with partner states; absent in tests that do not exchange (its routes are then not registered). */
  readonly exchange?: ExchangeDeps;
  /** Control proposals over the exchange; absent in tests that do not use them (routes not registered). */
  readonly proposals?: ProposalDeps;
  readonly controls: ControlsRouteDeps;
  /** Distributed batch screening (`/v1/batches`); PostgreSQL only, absent otherwise (the routes are then not registered). */
  readonly batches?: BatchRouteDeps;
  /** Public consultations (`/v1/public-consultations`, `/v1/public/consultations`); absent, not registered. */
  readonly publicConsultations?: PublicConsultationRouteDeps;
  /** The annual transparency report (`/v1/reports/transparency`); needs `cases`, else not registered. */
  readonly transparencyReports?: TransparencyReportSettings;
  /**
   * In-app notifications and live updates (`/v1/notifications`, `/v1/events`); absent in tests
   * that do not use them (the routes are then not registered).
   */
  readonly live?: NotificationDeps & EventRouteDeps;
  /** The red-flag pick list (`/v1/references/red-flags`); absent, the route is not registered. */
  readonly redFlags?: RedFlagRouteDeps;
  /** The built web UI served at `/` (web/dist); absent, only the API is served. */
  readonly webUi?: WebUiOptions;
  /** `GET /metrics` (Prometheus text) with these extra gauges; absent, no metrics are kept. */
  readonly metrics?: MetricsRouteDeps;
  readonly auth: {
    readonly authenticator: Authenticator;
    /** Password sign-in and sessions; absent, only bearer credentials authenticate. */
    readonly people?: PeopleDeps;
    /** The audit trail: changes are appended to it, auditors read and verify it. */
    readonly audit?: AuditRouteDeps;
    /** Where rate limits count (the database, shared by a cluster); absent, each instance counts in memory. */
    readonly rateLimits?: RateLimitCounter;
  };
}

export interface AppOptions {
  /** Pino options, or `false` for silence (tests). */
  readonly logger: NonNullable<FastifyServerOptions['logger']>;
  readonly bodyLimitBytes: number;
  /** Which proxies to believe about the client address and protocol; none by default. */
  readonly trustProxy?: boolean | number | readonly string[];
  /**
   * Tests: check every response body against its route's response schema, with no undeclared
   * field, before serialisation (a mismatch becomes a 500 naming the fields).
   */
  readonly checkResponses?: boolean;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Fastify's form of `AppOptions.trustProxy`: a hop count becomes "the nearest N hops". */
const fastifyTrustProxy = (
  trust: boolean | number | readonly string[],
): boolean | string[] | ((address: string, hop: number) => boolean) =>
  typeof trust === 'number'
    ? (_address, hop) => hop < trust
    : typeof trust === 'boolean'
      ? trust
      : [...trust];

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds the HTTP API without listening, so that tests drive it with `app.inject()` and the
 * OpenAPI generator reads its routes. Every error leaves in the one error shape.
 */
export async function buildApp(deps: AppDeps, options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
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

  if (options.checkResponses === true) checkResponsesAgainstSchemas(app);
  app.addHook('onRoute', (route) => {
    assertAccessDeclared(route);
    recordDeclaredRoute(app, route);
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

  await app.register(swagger, openApiOptions(deps.version));
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  await app.register(import('@fastify/helmet'), {
    // Swagger UI's page sets its own CSP (staticCSP); the API itself serves only JSON.
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
  });

  if (deps.metrics) await app.register(metricsRoutes, deps.metrics);
  await app.register(healthRoutes, { version: deps.version, databaseHealth: deps.databaseHealth });
  await app.register(
    async (v1) => {
      await v1.register(authPlugin, {
        authenticator: deps.auth.authenticator,
        audit: deps.auth.audit?.audit,
      });
      await v1.register(apiIndexRoutes, { version: deps.version });
      if (deps.auth.people) {
        await v1.register(authRoutes, {
          people: deps.auth.people,
          rateLimits: deps.auth.rateLimits,
        });
      }
      if (deps.auth.audit) await v1.register(auditRoutes, deps.auth.audit);
      if (deps.auth.people) await v1.register(peopleRoutes, { people: deps.auth.people });
      await v1.register(listsRoutes, deps.lists);
      await v1.register(assessmentRoutes, { deps: deps.assessments });
      await v1.register(screeningRoutes, deps.screening);
      if (deps.cases) await v1.register(casesRoutes, deps.cases);
      if (deps.cases) await v1.register(workRoutes, deps.cases);
      if (deps.cases) await v1.register(referencesRoutes, deps.cases);
      if (deps.exchange) await v1.register(exchangeRoutes, deps.exchange);
      if (deps.proposals) await v1.register(proposalRoutes, deps.proposals);
      await v1.register(controlsRoutes, deps.controls);
      if (deps.batches) await v1.register(batchRoutes, deps.batches);
      if (deps.cases && deps.transparencyReports) {
        await v1.register(reportRoutes, {
          cases: deps.cases,
          catalogue: deps.controls.catalogue,
          reports: deps.transparencyReports,
        });
      }
      if (deps.publicConsultations) {
        const rateLimits = deps.auth.rateLimits;
        await v1.register(publicConsultationRoutes, { ...deps.publicConsultations, rateLimits });
        await v1.register(publicConsultationPublicRoutes, {
          ...deps.publicConsultations,
          people: deps.auth.people,
          rateLimits,
        });
      }
      if (deps.live) await v1.register(notificationRoutes, deps.live);
      if (deps.live) await v1.register(eventRoutes, deps.live);
      if (deps.redFlags) await v1.register(redFlagRoutes, deps.redFlags);
    },
    { prefix: '/v1' },
  );
  if (deps.webUi) await app.register(webUiRoutes, deps.webUi);
  return app;
}
