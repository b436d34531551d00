import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { verifyAuditTrail } from '../../../../application/audit/verify-audit.ts';
import type { AuditLog } from '../../../../application/ports/audit-log.ts';
import {
  AuditPageSchema,
  AuditQuerySchema,
  AuditVerdictSchema,
} from '../../../../contracts/auth.ts';
import { ErrorResponseSchema } from '../../../../contracts/error-response.ts';

export interface AuditRouteDeps {
  readonly audit: AuditLog;
  readonly sha256: (text: string) => string;
}

/** `/v1/audit`: the audit trail and its verification, for auditors. */
export const auditRoutes: FastifyPluginAsyncTypebox<AuditRouteDeps> = (app, deps) => {
  app.get(
    '/audit',
    {
      config: { access: { roles: ['auditor'] }, audit: 'read' },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail entries in chain order',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema },
      },
    },
    async (request) => {
      const { limit, ...rest } = request.query;
      const entries = await deps.audit.entries({ ...rest, limit });
      return { entries: entries.map((e) => ({ ...e, details: { ...e.details } })) };
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { access: { roles: ['auditor'] } },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the whole trail',
        description:
          'Walks every entry; names the first edited, deleted or reordered one. Anchor `lastHash` outside the database.',
        response: { 200: AuditVerdictSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema },
      },
    },
    async () => verifyAuditTrail(deps.audit, deps.sha256),
  );
  return Promise.resolve();
};
