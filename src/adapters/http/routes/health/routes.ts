import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { checkReadiness } from '../../../../application/health/check-readiness.ts';
import type { DatabaseHealth } from '../../../../application/ports/database-health.ts';
import { LivenessSchema, ReadinessSchema } from '../../../../contracts/health.ts';
import { errorResponses } from '../../error-responses.ts';

export interface HealthRouteDeps {
  readonly version: string;
  readonly databaseHealth: DatabaseHealth;
}

/** `/healthz` (the process runs) and `/readyz` (the database answers and its schema is current). */
export const healthRoutes: FastifyPluginAsyncTypebox<HealthRouteDeps> = (app, deps) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process runs and answers',
        response: { 200: LivenessSchema },
      },
    },
    () => ({ status: 'ok' as const, version: deps.version }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers and all migrations are applied',
        response: { 200: ReadinessSchema, 503: ReadinessSchema, ...errorResponses(500) },
      },
    },
    async (_request, reply) => {
      const report = await checkReadiness(deps.databaseHealth);
      return reply
        .code(report.ready ? 200 : 503)
        .send({ status: report.ready ? 'ready' : 'not-ready', checks: [...report.checks] });
    },
  );
  return Promise.resolve();
};
