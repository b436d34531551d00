import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  caseDocument,
  caseStatistics,
  createDraft,
  getCase,
  listCases,
  performCaseAction,
  submitCase,
  verifyDocument,
  type CaseDeps,
} from '../../../../application/cases/case-service.ts';
import type { CaseRecord } from '../../../../application/ports/case-store.ts';
import {
  CaseActionSchema,
  CaseListQuerySchema,
  CaseSchema,
  CaseSummarySchema,
  DocumentVerificationSchema,
  StatisticsQuerySchema,
  StatisticsSchema,
  VersionBodySchema,
} from '../../../../contracts/cases.ts';
import { ErrorResponseSchema } from '../../../../contracts/error-response.ts';
import { caseStages, type CaseStage } from '../../../../domain/licensing/case-state.ts';
import { statisticsCsv } from '../../../../domain/licensing/statistics.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import { principalOf } from '../../auth/auth-plugin.ts';
import { sendError } from '../../errors.ts';
import type { RouteAccess } from '../../route-access.ts';

const everyone: RouteAccess = {
  roles: ['exporter', 'caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'],
};
const actors: RouteAccess = { roles: ['exporter', 'caseworker', 'advisor', 'senior-officer'] };
const officers: RouteAccess = {
  roles: ['caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'],
};
const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
};

const plain = (value: unknown): Record<string, unknown> =>
  JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

const summaryJson = (r: CaseRecord) => {
  const c = r.licenceCase;
  return {
    id: c.id,
    reference: c.reference,
    jurisdiction: c.jurisdiction,
    stage: c.stage,
    version: c.version,
    exporterOrganisationId: c.exporterOrganisationId,
    createdAt: c.createdAt.toISOString(),
    ...(c.queue === undefined ? {} : { queue: c.queue }),
    ...(c.outcome === undefined ? {} : { outcome: c.outcome }),
    ...(c.automatedOutcome === undefined ? {} : { automatedOutcome: c.automatedOutcome }),
  };
};

/** `/v1/cases`, `/v1/documents/verify`, `/v1/statistics`: the licence workflow over HTTP. */
export const casesRoutes: FastifyPluginAsyncTypebox<CaseDeps> = (app, deps) => {
  const caseJson = async (r: CaseRecord) => ({
    ...summaryJson(r),
    state: plain(r.licenceCase),
    application: { ...r.application },
    ...(r.assessment === undefined ? {} : { assessment: plain(r.assessment) }),
    ...(r.routing === undefined ? {} : { routing: plain(r.routing) }),
    history: r.history.map(plain),
    documents: (await deps.store.documentsOf(r.licenceCase.id)).map((d) => ({
      code: d.code,
      kind: d.kind,
      issuedAt: d.issuedAt.toISOString(),
      sha256: d.sha256,
    })),
    alerts: (await deps.store.alerts(r.licenceCase.id)).map(plain),
  });

  app.post(
    '/cases',
    {
      config: { access: { roles: ['exporter'] } },
      schema: {
        tags: ['cases'],
        summary: 'Open a draft application',
        description:
          'The body is an application (the outward contract of ../shared/spec). Every problem is listed at once, each naming its field.',
        body: Type.Record(Type.String(), Type.Unknown()),
        response: { 201: CaseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createDraft(deps, principalOf(request), request.body, request.id);
      if (!created.ok) return sendError(reply, created.error);
      return reply.code(201).send(await caseJson(created.value));
    },
  );

  app.get(
    '/cases',
    {
      config: { access: everyone },
      schema: {
        tags: ['cases'],
        summary: 'Cases you may see (exporters: their organisation’s)',
        querystring: CaseListQuerySchema,
        response: { 200: Type.Object({ cases: Type.Array(CaseSummarySchema) }), ...errors },
      },
    },
    async (request, reply) => {
      const { stage, queue } = request.query;
      if (stage !== undefined && !(caseStages as readonly string[]).includes(stage)) {
        return sendError(
          reply,
          cordonError('CORDON_VALIDATION_FAILED', `Unknown stage ${stage}.`, [
            { field: 'querystring.stage', problem: `must be one of ${caseStages.join(', ')}` },
          ]),
        );
      }
      const cases = await listCases(deps, principalOf(request), {
        ...(stage === undefined ? {} : { stage: stage as CaseStage }),
        ...(queue === undefined ? {} : { queue }),
      });
      return { cases: cases.map(summaryJson) };
    },
  );

  app.get(
    '/cases/:id',
    {
      config: { access: everyone, audit: 'read' },
      schema: {
        tags: ['cases'],
        summary: 'A case with its application, frozen assessment, routing, history and documents',
        params: Type.Object({ id: Type.String() }),
        response: { 200: CaseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const found = await getCase(deps, principalOf(request), request.params.id);
      return found.ok ? caseJson(found.value) : sendError(reply, found.error);
    },
  );

  app.post(
    '/cases/:id/submit',
    {
      config: { access: { roles: ['exporter'] } },
      schema: {
        tags: ['cases'],
        summary: 'Submit a draft: assess it, freeze the assessment, route it',
        params: Type.Object({ id: Type.String() }),
        body: VersionBodySchema,
        response: { 200: CaseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const submitted = await submitCase(
        deps,
        principalOf(request),
        request.params.id,
        request.body.expectedVersion,
        request.id,
      );
      return submitted.ok ? caseJson(submitted.value) : sendError(reply, submitted.error);
    },
  );

  app.post(
    '/cases/:id/actions',
    {
      config: { access: actors },
      schema: {
        tags: ['cases'],
        summary:
          'One step of the workflow (advice, recommendation, decision, countersignature ...)',
        description:
          'Two officers acting on the same version cannot both win: the second gets 409 CORDON_CASE_VERSION_CONFLICT. A countersignature issues the licence or refusal letter.',
        params: Type.Object({ id: Type.String() }),
        body: CaseActionSchema,
        response: { 200: CaseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { expectedVersion, ...action } = request.body;
      const done = await performCaseAction(
        deps,
        principalOf(request),
        request.params.id,
        expectedVersion,
        action,
        request.id,
      );
      return done.ok ? caseJson(done.value) : sendError(reply, done.error);
    },
  );

  app.get(
    '/cases/:id/document',
    {
      config: { access: everyone, audit: 'read' },
      schema: {
        tags: ['cases'],
        summary: 'The licence or refusal letter (PDF) of a decided case',
        params: Type.Object({ id: Type.String() }),
        response: { 200: Type.Unknown({ description: 'The PDF (application/pdf).' }), ...errors },
      },
    },
    async (request, reply) => {
      const document = await caseDocument(deps, principalOf(request), request.params.id);
      if (!document.ok) return sendError(reply, document.error);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="${document.value.caseReference}-${document.value.kind}.pdf"`,
        )
        .send(Buffer.from(document.value.pdf));
    },
  );

  app.get(
    '/documents/verify/:code',
    {
      config: {
        access: {
          public: true,
          reason: 'anyone holding a Cordon document (customs, a bank, a court) can check it',
        },
      },
      schema: {
        tags: ['cases'],
        summary: 'Verify a licence or refusal letter by its code',
        params: Type.Object({ code: Type.String({ maxLength: 64 }) }),
        response: { 200: DocumentVerificationSchema },
      },
    },
    async (request) => verifyDocument(deps, request.params.code),
  );

  app.get(
    '/alerts',
    {
      config: { access: officers },
      schema: {
        tags: ['cases'],
        summary: 'Re-screening alerts on open cases and issued licences, newest first',
        response: {
          200: Type.Object({ alerts: Type.Array(Type.Record(Type.String(), Type.Unknown())) }),
          ...errors,
        },
      },
    },
    async () => ({ alerts: (await deps.store.alerts()).map(plain) }),
  );

  app.get(
    '/statistics/decisions',
    {
      config: { access: officers },
      schema: {
        tags: ['cases'],
        summary: 'Decisions by month, destination, outcome, criterion and item category',
        querystring: StatisticsQuerySchema,
        response: { 200: Type.Union([StatisticsSchema, Type.String()]), ...errors },
      },
    },
    async (request, reply) => {
      const rows = await caseStatistics(deps);
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="decisions.csv"')
          .send(statisticsCsv(rows));
      }
      return { rows };
    },
  );
  return Promise.resolve();
};
