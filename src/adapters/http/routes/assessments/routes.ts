import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type {
  Assessment,
  AssessmentRequest,
} from '../../../../application/assessment/assess-application.ts';
import {
  ApplicationSchema,
  AssessmentQuerySchema,
  AssessmentResponseSchema,
} from '../../../../contracts/assessment.ts';
import { cordonError, type CordonError } from '../../../../domain/shared/errors.ts';
import type { Result } from '../../../../domain/shared/result.ts';
import { sendError } from '../../errors.ts';
import type { RouteAccess } from '../../route-access.ts';
import { errorResponses } from '../../error-responses.ts';

export interface AssessmentRouteDeps {
  /** The assessment use case, wired with its screener, data and code version. */
  readonly assess: (request: AssessmentRequest) => Promise<Result<Assessment, CordonError>>;
}

const assessors: RouteAccess = {
  roles: ['exporter', 'caseworker', 'advisor', 'senior-officer', 'administrator'],
};

/** `POST /v1/assessments`: assess an application (screening, classification, licence, human rights). */
export const assessmentRoutes: FastifyPluginAsyncTypebox<{
  readonly deps: AssessmentRouteDeps | undefined;
}> = (app, { deps }) => {
  app.post(
    '/assessments',
    {
      config: { access: assessors },
      schema: {
        tags: ['assessments'],
        summary:
          'Assess an application: per-party matches, per-item classification, licence, human-rights risk and a recommendation',
        querystring: AssessmentQuerySchema,
        body: ApplicationSchema,
        response: {
          200: AssessmentResponseSchema,
          ...errorResponses(400, 404, 503),
        },
      },
    },
    async (request, reply) => {
      if (!deps)
        return sendError(reply, cordonError('CORDON_NOT_READY', 'Assessment is not configured.'));
      const result = await deps.assess({
        application: request.body,
        selfAssessment: request.query.mode === 'self-assessment',
        ...(request.query.jurisdiction !== undefined
          ? { jurisdiction: request.query.jurisdiction }
          : {}),
        ...(request.query.asOf !== undefined ? { asOf: request.query.asOf } : {}),
      });
      if (!result.ok) return sendError(reply, result.error);
      return result.value;
    },
  );
  return Promise.resolve();
};
