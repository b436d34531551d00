import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  auditHead,
  exportAudit,
  verifyAnchoredTrail,
  verifyAuditTrail,
} from '../../../../application/audit/verify-audit.ts';
import { parseExpectedHead } from '../../../../domain/audit/audit-chain.ts';
import { cordonError, type FieldProblem } from '../../../../domain/shared/errors.ts';
import { sendError } from '../../errors.ts';
import type { AuditLog } from '../../../../application/ports/audit-log.ts';
import {
  AuditHeadSchema,
  AuditPageSchema,
  AuditQuerySchema,
  AuditVerdictSchema,
  AuditVerifyQuerySchema,
} from '../../../../contracts/auth.ts';
import { errorResponses } from '../../error-responses.ts';
import { ErrorResponseSchema } from '../../../../contracts/error-response.ts';
import {
  AuditExtractQuerySchema,
  AuditExtractSchema,
} from '../../../../contracts/audit-extract.ts';

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
        response: {
          200: AuditPageSchema,
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { limit, from, to, ...rest } = request.query;
      const problems: FieldProblem[] = [];
      const instant = (value: string | undefined, field: string): Date | undefined => {
        if (value === undefined) return undefined;
        const time = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
        if (Number.isNaN(time)) {
          problems.push({ field, problem: `"${value}" is not an ISO 8601 date or instant` });
          return undefined;
        }
        return new Date(time);
      };
      const fromDate = instant(from, 'querystring.from');
      const toDate = instant(to, 'querystring.to');
      if (problems.length > 0) {
        return sendError(
          reply,
          cordonError('CORDON_VALIDATION_FAILED', 'Invalid audit query.', problems),
        );
      }
      const entries = await deps.audit.entries({
        ...rest,
        limit,
        ...(fromDate === undefined ? {} : { from: fromDate }),
        ...(toDate === undefined ? {} : { to: toDate }),
      });
      return { entries: entries.map((e) => ({ ...e, details: { ...e.details } })) };
    },
  );

  app.get(
    '/audit/head',
    {
      config: { access: { roles: ['auditor'] } },
      schema: {
        tags: ['audit'],
        summary: 'The latest entry of the trail: anchor it outside the database',
        response: { 200: AuditHeadSchema, ...errorResponses(401, 403) },
      },
    },
    async () => ({ head: (await auditHead(deps.audit)) ?? null }),
  );

  app.get(
    '/audit/verify',
    {
      config: { access: { roles: ['auditor'] } },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the whole trail',
        description:
          'Walks every entry; names the first edited, deleted or reordered one. Anchor `lastHash` outside the database; with `expectHead` (an anchored head), the verdict also fails when the trail no longer holds it: cut short or rewritten since.',
        querystring: AuditVerifyQuerySchema,
        response: {
          200: AuditVerdictSchema,
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const raw = request.query.expectHead;
      if (raw === undefined) return verifyAuditTrail(deps.audit, deps.sha256);
      const expected = parseExpectedHead(raw);
      if (expected === undefined) {
        return sendError(
          reply,
          cordonError('CORDON_VALIDATION_FAILED', 'Invalid expectHead.', [
            { field: 'querystring.expectHead', problem: 'must be a SHA-256 hex hash, or SEQ:HASH' },
          ]),
        );
      }
      const verdict = await verifyAnchoredTrail(deps.audit, deps.sha256, expected);
      return 'anchored' in verdict
        ? { intact: false, entries: verdict.entries, reason: verdict.reason }
        : verdict;
    },
  );
  app.get(
    '/audit/extract',
    {
      config: { access: { roles: ['auditor'] }, audit: 'read' },
      schema: {
        tags: ['audit'],
        summary: 'A verifiable extract of the trail: contiguous entries and their anchor',
        description:
          'The same file as `cordon audit export`: verify it with the anchor, without the database.',
        querystring: AuditExtractQuerySchema,
        response: {
          200: AuditExtractSchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const { from, to, ...rest } = request.query;
      const problems: FieldProblem[] = [];
      const instant = (value: string | undefined, field: string): Date | undefined => {
        if (value === undefined) return undefined;
        const time = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
        if (!Number.isNaN(time)) return new Date(time);
        problems.push({ field, problem: `"${value}" is not an ISO 8601 date or instant` });
        return undefined;
      };
      const fromDate = instant(from, 'querystring.from');
      const toDate = instant(to, 'querystring.to');
      if (problems.length > 0) {
        return sendError(
          reply,
          cordonError('CORDON_VALIDATION_FAILED', 'Invalid audit extract query.', problems),
        );
      }
      const extract = await exportAudit(deps.audit, {
        ...rest,
        ...(fromDate === undefined ? {} : { from: fromDate }),
        ...(toDate === undefined ? {} : { to: toDate }),
      });
      reply.header('content-disposition', 'attachment; filename="cordon-audit-extract.json"');
      return {
        ...extract,
        entries: extract.entries.map((e) => ({ ...e, details: { ...e.details } })),
      };
    },
  );
  return Promise.resolve();
};
