import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CaseDeps } from '../../../../application/cases/case-deps.ts';
import { getCaseReferences } from '../../../../application/cases/get-case-references.ts';
import { ErrorResponseSchema } from '../../../../contracts/error-response.ts';
import {
  CaseReferencesQuerySchema,
  CaseReferencesSchema,
} from '../../../../contracts/references.ts';
import { workRoles } from '../../../../domain/people/role.ts';

/** `/v1/references/cases`: the read-only pick lists of the case forms. */
export const referencesRoutes: FastifyPluginAsyncTypebox<CaseDeps> = (app, deps) => {
  app.get(
    '/references/cases',
    {
      config: {
        access: { roles: workRoles },
      },
      schema: {
        tags: ['cases'],
        summary: 'Pick lists of the case forms: countries, advising desks, refusal criteria',
        querystring: CaseReferencesQuerySchema,
        response: {
          200: CaseReferencesSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const lists = await getCaseReferences(deps, request.query.jurisdiction);
      return {
        countries: [...lists.countries],
        desks: [...lists.desks],
        criteria: lists.criteria.map((c) => ({ ...c, jurisdictions: [...c.jurisdictions] })),
      };
    },
  );
  return Promise.resolve();
};
