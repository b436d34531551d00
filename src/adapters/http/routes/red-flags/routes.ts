import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listRedFlags } from '../../../../application/assessment/list-red-flags.ts';
import type { HumanRightsPolicySource } from '../../../../application/ports/human-rights-policy-source.ts';
import { ErrorResponseSchema } from '../../../../contracts/error-response.ts';
import { RedFlagListSchema } from '../../../../contracts/red-flags.ts';
import { everyone } from '../notifications/routes.ts';

export interface RedFlagRouteDeps {
  readonly humanRights: Pick<HumanRightsPolicySource, 'humanRightsReference'>;
}

/** `GET /v1/references/red-flags`: the red flags an application may report, with their texts. */
export const redFlagRoutes: FastifyPluginAsyncTypebox<RedFlagRouteDeps> = (app, deps) => {
  app.get(
    '/references/red-flags',
    {
      config: { access: everyone },
      schema: {
        tags: ['assessments'],
        summary: 'The red flags an application may report, with their descriptions',
        response: { 200: RedFlagListSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema },
      },
    },
    async () => ({ redFlags: [...(await listRedFlags(deps.humanRights))] }),
  );
  return Promise.resolve();
};
