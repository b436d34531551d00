import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { assignCaseToMe } from '../../../../application/cases/assign-case.ts';
import type { CaseDeps } from '../../../../application/cases/case-deps.ts';
import { getAllowedActions } from '../../../../application/cases/get-allowed-actions.ts';
import { listWorkQueue } from '../../../../application/cases/list-work-queue.ts';
import { ErrorResponseSchema } from '../../../../contracts/error-response.ts';
import {
  AllowedActionsSchema,
  AssignBodySchema,
  AssignmentSchema,
  QueueQuerySchema,
  QueueSchema,
} from '../../../../contracts/work.ts';
import { caseStages, type CaseStage } from '../../../../domain/licensing/case-state.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import { principalOf } from '../../auth/auth-plugin.ts';
import { sendError } from '../../errors.ts';
import type { RouteAccess } from '../../route-access.ts';

const staff: RouteAccess = {
  roles: ['caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'],
};
const everyone: RouteAccess = {
  roles: ['exporter', 'caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'],
};
const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
};

/** `/v1/work/queue`, `/v1/cases/{id}/allowed-actions`, `/v1/cases/{id}/assign`: daily case work. */
export const workRoutes: FastifyPluginAsyncTypebox<CaseDeps> = (app, deps) => {
  app.get(
    '/work/queue',
    {
      config: { access: staff },
      schema: {
        tags: ['cases'],
        summary:
          'The work queue: exporter, destination, risk, assignee and age, filtered and sorted',
        description:
          'Oldest first unless `sort` says otherwise; `assignee=me` is the caller’s cases.',
        querystring: QueueQuerySchema,
        response: { 200: QueueSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { stage, ...rest } = request.query;
      if (stage !== undefined && !(caseStages as readonly string[]).includes(stage)) {
        return sendError(
          reply,
          cordonError('CORDON_VALIDATION_FAILED', `Unknown stage ${stage}.`, [
            { field: 'querystring.stage', problem: `must be one of ${caseStages.join(', ')}` },
          ]),
        );
      }
      const rows = await listWorkQueue(deps, principalOf(request), {
        ...rest,
        ...(stage === undefined ? {} : { stage: stage as CaseStage }),
      });
      if (!rows.ok) return sendError(reply, rows.error);
      return { cases: rows.value.map((r) => ({ ...r, since: r.since.toISOString() })) };
    },
  );

  app.get(
    '/cases/:id/allowed-actions',
    {
      config: { access: everyone },
      schema: {
        tags: ['cases'],
        summary: 'The steps you may take on the case now (and those withheld, with why)',
        params: Type.Object({ id: Type.String() }),
        response: { 200: AllowedActionsSchema, ...errors },
      },
    },
    async (request, reply) => {
      const found = await getAllowedActions(deps, principalOf(request), request.params.id);
      if (!found.ok) return sendError(reply, found.error);
      return {
        version: found.value.version,
        allowed: [...found.value.allowed],
        withheld: found.value.withheld.map((w) => ({ ...w })),
      };
    },
  );

  app.post(
    '/cases/:id/assign',
    {
      config: { access: { roles: ['caseworker', 'senior-officer', 'advisor'] } },
      schema: {
        tags: ['cases'],
        summary: 'Assign the case to me (taking it over from a colleague is recorded)',
        params: Type.Object({ id: Type.String() }),
        body: AssignBodySchema,
        response: { 200: AssignmentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const done = await assignCaseToMe(
        deps,
        principalOf(request),
        request.params.id,
        request.body.expectedVersion,
        request.id,
      );
      if (!done.ok) return sendError(reply, done.error);
      const c = done.value.licenceCase;
      const assignee = c.assignee;
      if (assignee === undefined) throw new Error('an assigned case has an assignee');
      return {
        id: c.id,
        reference: c.reference,
        version: c.version,
        assignee: {
          userId: assignee.actor.userId,
          name: assignee.actor.name ?? assignee.actor.userId,
          at: assignee.at.toISOString(),
        },
      };
    },
  );
  return Promise.resolve();
};
