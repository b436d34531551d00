import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { attachDocument } from '../../../../application/cases/attach-document.ts';
import { dryRunRouting } from '../../../../application/cases/dry-run-routing.ts';
import type { CaseDeps } from '../../../../application/cases/case-deps.ts';
import { createDraft } from '../../../../application/cases/create-draft.ts';
import { getAttachment } from '../../../../application/cases/get-attachment.ts';
import { getCase } from '../../../../application/cases/get-case.ts';
import { getCaseDocument } from '../../../../application/cases/get-case-document.ts';
import { getDecisionStatistics } from '../../../../application/cases/get-decision-statistics.ts';
import { listAttachments } from '../../../../application/cases/list-attachments.ts';
import { listCaseAlerts } from '../../../../application/cases/list-case-alerts.ts';
import { listCases } from '../../../../application/cases/list-cases.ts';
import { performCaseAction } from '../../../../application/cases/perform-case-action.ts';
import { submitCase } from '../../../../application/cases/submit-case.ts';
import { verifyDocument } from '../../../../application/cases/verify-document.ts';
import type {
  CaseAttachment,
  CaseRecord,
  FrozenAssessment,
} from '../../../../application/ports/case-store.ts';
import type { ApplicationBody, AssessmentResponse } from '../../../../contracts/assessment.ts';
import {
  CaseActionSchema,
  CaseAlertListSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseSchema,
  DocumentVerificationSchema,
  StatisticsQuerySchema,
  StatisticsSchema,
  VersionBodySchema,
} from '../../../../contracts/cases.ts';
import { formatBytes } from '../../../../domain/licensing/attachment.ts';
import { caseStages, type CaseStage } from '../../../../domain/licensing/case-state.ts';
import {
  exporterCaseView,
  exporterHistory,
  exporterStageOf,
} from '../../../../domain/licensing/exporter-case-view.ts';
import type { Principal } from '../../../../domain/people/people.ts';
import { workRoles } from '../../../../domain/people/role.ts';
import { csvLine } from '../../../../contracts/csv.ts';
import type { DecisionStatisticsRow } from '../../../../domain/licensing/statistics.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import { principalOf } from '../../auth/auth-plugin.ts';
import { sendError } from '../../errors.ts';
import { readMultipart } from '../../read-multipart.ts';
import type { RouteAccess } from '../../route-access.ts';
import { AttachmentListSchema, AttachmentSchema, RoutingDryRunSchema } from './schema.ts';
import { errorResponses } from '../../error-responses.ts';
import { jsonOf } from '../../json-value.ts';

const everyone: RouteAccess = { roles: workRoles };
const actors: RouteAccess = { roles: ['exporter', 'caseworker', 'advisor', 'senior-officer'] };
const officers: RouteAccess = {
  roles: ['caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'],
};
const uploaders: RouteAccess = { roles: ['exporter', 'caseworker'] };
const errors = errorResponses(400, 401, 403, 404, 409);

/**
 * Decision statistics as CSV (RFC 4180, header first, formulas neutralised): one row per group of
 * decisions, its criteria space-separated in one cell, so the `count` column sums to decisions.
 */
const statisticsCsv = (rows: readonly DecisionStatisticsRow[]): string =>
  [
    'month,destination,outcome,criteria,item_category,count',
    ...rows.map((r) =>
      csvLine([r.month, r.destination, r.outcome, r.criteria.join(' '), r.itemCategory, r.count]),
    ),
  ].join('\r\n');

/** The application as stored: the assessor validated it against `ApplicationSchema` at creation. */
const applicationJson = (r: CaseRecord) => r.application as ApplicationBody;

/** The assessment frozen at submission: the assessment contract's JSON, stored as it was answered. */
const assessmentJson = (assessment: FrozenAssessment) =>
  jsonOf(assessment) as unknown as AssessmentResponse;

const attachmentJson = (a: CaseAttachment) => ({
  ...a,
  uploadedAt: a.uploadedAt.toISOString(),
});

/** `inline; filename="..."` that survives any file name: ASCII fallback plus RFC 5987 UTF-8. */
const contentDisposition = (kind: 'attachment' | 'inline', fileName: string): string =>
  `${kind}; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** A case in a list: exporters see the coarse stage only, never the queue or automated outcome. */
const summaryJson = (r: CaseRecord, viewer: Principal) => {
  const c = r.licenceCase;
  if (viewer.organisationKind === 'exporter') {
    const view = exporterCaseView(c);
    return {
      id: c.id,
      reference: c.reference,
      jurisdiction: c.jurisdiction,
      stage: exporterStageOf(c.stage),
      version: c.version,
      exporterOrganisationId: c.exporterOrganisationId,
      createdAt: c.createdAt.toISOString(),
      ...(view.outcome === undefined ? {} : { outcome: view.outcome }),
    };
  }
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
export const casesRoutes: FastifyPluginAsyncTypebox<CaseDeps> = async (app, deps) => {
  // Supporting documents arrive as multipart/form-data; one file per request. (In the generator of
  // the OpenAPI document the deps are stubs, hence the fallback.)
  const limit =
    typeof deps.attachmentLimitBytes === 'number' ? deps.attachmentLimitBytes : 1024 * 1024;
  await app.register(import('@fastify/multipart'), {
    limits: { fileSize: limit, files: 1, fields: 5, fieldSize: 4096 },
  });

  const documentsJson = async (r: CaseRecord) =>
    (await deps.store.documentsOf(r.licenceCase.id)).map((d) => ({
      code: d.code,
      kind: d.kind,
      issuedAt: d.issuedAt.toISOString(),
      sha256: d.sha256,
    }));

  /**
   * A case as the viewer may see it. An exporter gets its status, the questions put to it and a
   * final decision: no advice, recommendation, draft decision, frozen assessment (it carries
   * partners' confidential denials), routing, officers' names or re-screening alerts.
   */
  const caseJson = async (r: CaseRecord, viewer: Principal) =>
    viewer.organisationKind === 'exporter'
      ? {
          ...summaryJson(r, viewer),
          state: jsonOf(exporterCaseView(r.licenceCase)),
          application: applicationJson(r),
          history: exporterHistory(r.history).map(jsonOf),
          documents: await documentsJson(r),
        }
      : officerCaseJson(r, viewer);

  const officerCaseJson = async (r: CaseRecord, viewer: Principal) => ({
    ...summaryJson(r, viewer),
    state: jsonOf(r.licenceCase),
    application: applicationJson(r),
    ...(r.assessment === undefined ? {} : { assessment: assessmentJson(r.assessment) }),
    ...(r.routing === undefined ? {} : { routing: jsonOf(r.routing) }),
    history: r.history.map(jsonOf),
    documents: await documentsJson(r),
    alerts: (await deps.store.alerts(r.licenceCase.id)).map(jsonOf),
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
      const principal = principalOf(request);
      const created = await createDraft(deps, principal, request.body, request.id);
      if (!created.ok) return sendError(reply, created.error);
      return reply.code(201).send(await caseJson(created.value, principal));
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
        response: { 200: CaseListSchema, ...errors },
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
      const principal = principalOf(request);
      // An exporter filters by the stages it sees; it cannot probe the internal ones or queues.
      const exporter = principal.organisationKind === 'exporter';
      const cases = await listCases(deps, principal, {
        ...(stage === undefined || exporter ? {} : { stage: stage as CaseStage }),
        ...(queue === undefined || exporter ? {} : { queue }),
      });
      return {
        cases: cases
          .filter(
            (c) =>
              !exporter || stage === undefined || exporterStageOf(c.licenceCase.stage) === stage,
          )
          .map((c) => summaryJson(c, principal)),
      };
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
      const principal = principalOf(request);
      const found = await getCase(deps, principal, request.params.id);
      return found.ok ? caseJson(found.value, principal) : sendError(reply, found.error);
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
      const principal = principalOf(request);
      const submitted = await submitCase(
        deps,
        principal,
        request.params.id,
        request.body.expectedVersion,
        request.id,
      );
      return submitted.ok
        ? caseJson(submitted.value, principal)
        : sendError(reply, submitted.error);
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
      const principal = principalOf(request);
      const done = await performCaseAction(
        deps,
        principal,
        request.params.id,
        expectedVersion,
        action,
        request.id,
      );
      return done.ok ? caseJson(done.value, principal) : sendError(reply, done.error);
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
      const document = await getCaseDocument(deps, principalOf(request), request.params.id);
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
          200: CaseAlertListSchema,
          ...errors,
        },
      },
    },
    async (request) => ({
      alerts: (await listCaseAlerts(deps, principalOf(request))).map(jsonOf),
    }),
  );

  app.get(
    '/statistics/decisions',
    {
      config: { access: officers },
      schema: {
        tags: ['cases'],
        summary: 'Decisions by month, destination, outcome, criteria and item category',
        querystring: StatisticsQuerySchema,
        response: { 200: Type.Union([StatisticsSchema, Type.String()]), ...errors },
      },
    },
    async (request, reply) => {
      const statistics = await getDecisionStatistics(deps, principalOf(request));
      if (!statistics.ok) return sendError(reply, statistics.error);
      const rows = statistics.value;
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="decisions.csv"')
          .send(statisticsCsv(rows));
      }
      return { rows: rows.map((r) => ({ ...r, criteria: [...r.criteria] })) };
    },
  );

  app.post(
    '/cases/:id/attachments',
    {
      config: { access: uploaders },
      schema: {
        tags: ['cases'],
        summary: 'Attach a supporting document (multipart/form-data)',
        description: `Fields: optional \`category\` (end-user-undertaking, technical-specification, contract, correspondence, other), optional \`description\`, then one file. Accepted: PDF, PNG, JPEG, plain text, CSV, DOCX and ODT, recognised by their content: a file whose content is not what its declared type or name claims is refused (415 CORDON_ATTACHMENT_REFUSED); one over the limit (CORDON_ATTACHMENT_MAX_BYTES, default 20 MiB) gets 413 naming the limit. Nothing is stored for a refused upload.`,
        consumes: ['multipart/form-data'],
        params: Type.Object({ id: Type.String() }),
        response: {
          201: AttachmentSchema,
          ...errors,
          ...errorResponses(413, 415),
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        return sendError(
          reply,
          cordonError(
            'CORDON_UNSUPPORTED_MEDIA_TYPE',
            'Send the document as multipart/form-data with one file.',
          ),
        );
      }
      const upload = await readMultipart(request);
      if (!upload.ok) {
        return sendError(
          reply,
          upload.error.code === 'CORDON_PAYLOAD_TOO_LARGE'
            ? cordonError(
                'CORDON_PAYLOAD_TOO_LARGE',
                `The document is larger than the limit: attachments may be at most ${formatBytes(limit)} (${String(limit)} bytes, CORDON_ATTACHMENT_MAX_BYTES).`,
              )
            : upload.error,
        );
      }
      const { fields } = upload.value;
      const file = upload.value.files[0];
      if (file === undefined) {
        return sendError(
          reply,
          cordonError('CORDON_VALIDATION_FAILED', 'The upload has no file.', [
            { field: 'file', problem: 'one file is required' },
          ]),
        );
      }
      const attached = await attachDocument(
        deps,
        principalOf(request),
        request.params.id,
        {
          fileName: file.name,
          declaredType: file.type,
          bytes: file.bytes,
          ...(fields['category'] === undefined ? {} : { category: fields['category'] }),
          ...(fields['description'] === undefined ? {} : { description: fields['description'] }),
        },
        request.id,
      );
      if (!attached.ok) return sendError(reply, attached.error);
      return reply.code(201).send(attachmentJson(attached.value));
    },
  );

  app.get(
    '/cases/:id/attachments',
    {
      config: { access: everyone, audit: 'read' },
      schema: {
        tags: ['cases'],
        summary: 'The supporting documents of a case (without content), oldest first',
        params: Type.Object({ id: Type.String() }),
        response: { 200: AttachmentListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const listed = await listAttachments(deps, principalOf(request), request.params.id);
      return listed.ok
        ? { attachments: listed.value.map(attachmentJson) }
        : sendError(reply, listed.error);
    },
  );

  app.get(
    '/cases/:id/attachments/:attachmentId',
    {
      config: { access: everyone, audit: 'read' },
      schema: {
        tags: ['cases'],
        summary: 'Download a supporting document, as uploaded',
        description:
          'Served with the media type recognised from its content, as an attachment (never rendered inline), with its SHA-256 in `x-content-sha256`.',
        params: Type.Object({ id: Type.String(), attachmentId: Type.String() }),
        response: { 200: Type.Unknown({ description: 'The document, byte for byte.' }), ...errors },
      },
    },
    async (request, reply) => {
      const found = await getAttachment(
        deps,
        principalOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      if (!found.ok) return sendError(reply, found.error);
      const { attachment, content } = found.value;
      return reply
        .type(attachment.mediaType)
        .header('content-disposition', contentDisposition('attachment', attachment.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-content-sha256', attachment.sha256)
        .send(Buffer.from(content));
    },
  );

  app.post(
    '/routing/dry-run',
    {
      config: { access: { roles: ['administrator'] } },
      schema: {
        tags: ['cases'],
        summary: 'Dry-run candidate routing rules over the stored cases',
        description:
          'The body is a routing rule set (like data/routing/routing-v1.json). Routing is re-run on every routed case; the answer lists the cases whose queue or advice requests would change, each with the rule that made the difference. Nothing is changed.',
        body: Type.Record(Type.String(), Type.Unknown()),
        response: { 200: RoutingDryRunSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await dryRunRouting(deps, request.body);
      return result.ok
        ? (jsonOf(result.value) as Static<typeof RoutingDryRunSchema>)
        : sendError(reply, result.error);
    },
  );
};
