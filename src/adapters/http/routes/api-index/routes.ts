import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiIndexSchema } from '../../../../contracts/api-index.ts';

/** `GET /v1`: what this API is, its version, and where its documentation lives. */
export const apiIndexRoutes: FastifyPluginAsyncTypebox<{ version: string }> = (app, deps) => {
  app.get(
    '/',
    {
      config: { access: { public: true, reason: 'tells clients where the documentation is' } },
      schema: {
        tags: ['operations'],
        summary: 'The API index: name, version and links',
        response: { 200: ApiIndexSchema },
      },
    },
    () => ({
      name: 'Cordon' as const,
      version: deps.version,
      links: { openapi: '/docs/json', docs: '/docs', health: '/healthz', readiness: '/readyz' },
    }),
  );
  return Promise.resolve();
};
