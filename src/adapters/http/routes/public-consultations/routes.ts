import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { answerPublicConsultationComment } from '../../../../application/public-consultation/answer-public-consultation-comment.ts';
import { openPublicConsultation } from '../../../../application/public-consultation/open-public-consultation.ts';
import type { PublicConsultationDeps } from '../../../../application/public-consultation/public-consultation-deps.ts';
import { publishPublicConsultationResponse } from '../../../../application/public-consultation/publish-public-consultation-response.ts';
import {
  getConsultationForStaff,
  listConsultationsForStaff,
  myPublicConsultationComments,
} from '../../../../application/public-consultation/read-public-consultations.ts';
import {
  submitPublicConsultationComment,
  type SubmitCommentInput,
} from '../../../../application/public-consultation/submit-public-consultation-comment.ts';
import type { RateLimitCounter } from '../../../../application/ports/rate-limit-counter.ts';
import {
  AnswerRequestSchema,
  CommentAnswerSchema,
  MyCommentsSchema,
  OpenPublicConsultationRequestSchema,
  PublicConsultationListSchema,
  PublicConsultationSummarySchema,
  PublishResponseRequestSchema,
  StaffCommentSchema,
  StaffConsultationSchema,
} from '../../../../contracts/public-consultation.ts';
import { formatBytes } from '../../../../domain/licensing/attachment.ts';
import { publishedComment } from '../../../../domain/public-consultation/public-consultation.ts';
import { cordonError, type CordonError } from '../../../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../../../domain/shared/result.ts';
import { principalOf } from '../../auth/auth-plugin.ts';
import { sharedRateLimitStore } from '../../auth/shared-rate-limit-store.ts';
import { errorResponses } from '../../error-responses.ts';
import { sendError } from '../../errors.ts';
import { readMultipart } from '../../read-multipart.ts';
import type { RouteAccess } from '../../route-access.ts';
import {
  attachmentDisposition,
  consultationJson,
  publishedCommentJson,
  staffCommentJson,
} from './json.ts';

/** What `/v1/public-consultations` and `/v1/public/consultations` need. */
export interface PublicConsultationRouteDeps {
  readonly consultations: PublicConsultationDeps;
}

// The authority's staff read everything; caseworkers and senior officers open consultations and
// answer comments (advisors answer too); only a senior officer publishes the response.
const staff: RouteAccess = {
  roles: ['caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'],
};
const openers: RouteAccess = { roles: ['caseworker', 'senior-officer'] };
const answerers: RouteAccess = { roles: ['caseworker', 'advisor', 'senior-officer'] };
const responders: RouteAccess = { roles: ['senior-officer'] };
const commenters: RouteAccess = { roles: ['commenter'] };

const errors = errorResponses(400, 401, 403, 404, 409);
const params = Type.Object({ id: Type.String({ maxLength: 100 }) });

const commentFields = ['text', 'publishedName', 'publishedOrganisation'] as const;

/** A comment from multipart (with files) or JSON (text only); anything else is refused. */
async function readComment(
  request: FastifyRequest,
  limit: number,
): Promise<Result<SubmitCommentInput, CordonError>> {
  let fields: Readonly<Record<string, unknown>>;
  let files: SubmitCommentInput['files'] = [];
  if (request.isMultipart()) {
    const upload = await readMultipart(request);
    if (!upload.ok) {
      return err(
        upload.error.code === 'CORDON_PAYLOAD_TOO_LARGE'
          ? cordonError(
              'CORDON_PAYLOAD_TOO_LARGE',
              `A file is larger than the limit: each may be at most ${formatBytes(limit)} (${String(limit)} bytes).`,
            )
          : upload.error,
      );
    }
    fields = upload.value.fields;
    files = upload.value.files.map((f) => ({
      fileName: f.name,
      declaredType: f.type,
      bytes: f.bytes,
    }));
  } else if (typeof request.body === 'object' && request.body !== null) {
    fields = request.body as Record<string, unknown>;
  } else {
    return err(
      cordonError(
        'CORDON_UNSUPPORTED_MEDIA_TYPE',
        'Send the comment as JSON ({ text, publishedName?, publishedOrganisation? }) or as multipart/form-data with up to three files.',
      ),
    );
  }
  const unknown = Object.keys(fields).filter(
    (k) => !(commentFields as readonly string[]).includes(k),
  );
  const wrongType = commentFields.filter(
    (k) => fields[k] !== undefined && typeof fields[k] !== 'string',
  );
  if (unknown.length > 0 || wrongType.length > 0 || typeof fields['text'] !== 'string') {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', 'The comment is not valid.', [
        ...(typeof fields['text'] === 'string' || wrongType.includes('text')
          ? []
          : [{ field: 'text', problem: 'is required' }]),
        ...wrongType.map((field) => ({ field, problem: 'must be text' })),
        ...unknown.map((field) => ({ field, problem: 'is not a field of a comment' })),
      ]),
    );
  }
  const text = (k: 'publishedName' | 'publishedOrganisation') =>
    typeof fields[k] === 'string' && fields[k] !== '' ? { [k]: fields[k] } : {};
  return ok({
    text: fields['text'],
    ...text('publishedName'),
    ...text('publishedOrganisation'),
    files,
  });
}

const sendResult = <T>(reply: FastifyReply, result: Result<T, CordonError>, code = 200) =>
  result.ok ? reply.code(code).send(result.value) : sendError(reply, result.error);

/**
 * `/v1/public-consultations`: the authority's side of public consultations (open, read every
 * comment, answer, publish the response) and the signed-in commenter's (comment, read their own).
 */
export const publicConsultationRoutes: FastifyPluginAsyncTypebox<
  PublicConsultationRouteDeps & { readonly rateLimits?: RateLimitCounter | undefined }
> = async (app, { consultations: deps, rateLimits }) => {
  const limit =
    typeof deps.attachmentLimitBytes === 'number' ? deps.attachmentLimitBytes : 1024 * 1024;
  await app.register(import('@fastify/multipart'), {
    limits: { fileSize: limit, files: 3, fields: 5, fieldSize: 64 * 1024 },
  });
  await app.register(import('@fastify/rate-limit'), {
    global: false,
    ...(rateLimits === undefined ? {} : { store: sharedRateLimitStore(rateLimits) }),
  });

  app.post(
    '/public-consultations',
    {
      config: { access: openers },
      schema: {
        tags: ['public-consultations'],
        summary: 'Open a public consultation on a control proposal or a policy version',
        description:
          'The comment period runs from `opensAt` to `closesAt` (1 to 180 days). A proposal is consulted on at its current version (a withdrawn one is refused); a policy version must exist. Every problem is named at once.',
        body: OpenPublicConsultationRequestSchema,
        response: { 201: PublicConsultationSummarySchema, ...errors },
      },
    },
    async (request, reply) => {
      const { subject, ...rest } = request.body;
      const opened = await openPublicConsultation(
        deps,
        principalOf(request),
        {
          ...rest,
          subject,
          opensAt: new Date(rest.opensAt),
          closesAt: new Date(rest.closesAt),
        },
        request.id,
      );
      if (!opened.ok) return sendError(reply, opened.error);
      return reply.code(201).send(
        consultationJson({
          consultation: opened.value,
          status: opened.value.opensAt <= deps.clock.now() ? 'open' : 'scheduled',
          commentCount: 0,
        }),
      );
    },
  );

  app.get(
    '/public-consultations',
    {
      config: { access: staff },
      schema: {
        tags: ['public-consultations'],
        summary: 'Every public consultation, scheduled ones too, the latest opened first',
        response: { 200: PublicConsultationListSchema, ...errors },
      },
    },
    async () => ({
      consultations: (await listConsultationsForStaff(deps)).map(consultationJson),
    }),
  );

  app.get(
    '/public-consultations/:id',
    {
      config: { access: staff, audit: 'read' },
      schema: {
        tags: ['public-consultations'],
        summary:
          'One public consultation with every comment in full (commenter accounts, who answered)',
        params,
        response: { 200: StaffConsultationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const found = await getConsultationForStaff(deps, request.params.id);
      if (!found.ok) return sendError(reply, found.error);
      return {
        ...consultationJson(found.value),
        openedBy: found.value.consultation.openedBy.actor,
        comments: found.value.comments.map(staffCommentJson),
      };
    },
  );

  app.post(
    '/public-consultations/:id/comments',
    {
      config: { access: commenters, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['public-consultations'],
        summary: 'Comment on an open public consultation (commenters)',
        description:
          'JSON `{ text, publishedName?, publishedOrganisation? }`, or multipart/form-data with those fields and up to three files (PDF, PNG, JPEG, plain text, CSV, DOCX, ODT, recognised by their content; each within CORDON_ATTACHMENT_MAX_BYTES). The name and organisation are published only when given. At most 20 comments per commenter and consultation; rate limited per client address. Nothing is stored for a refused comment.',
        consumes: ['application/json', 'multipart/form-data'],
        params,
        response: {
          201: StaffCommentSchema,
          ...errors,
          ...errorResponses(413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const input = await readComment(request, limit);
      if (!input.ok) return sendError(reply, input.error);
      const submitted = await submitPublicConsultationComment(
        deps,
        principalOf(request),
        request.params.id,
        input.value,
        request.id,
      );
      if (!submitted.ok) return sendError(reply, submitted.error);
      return reply.code(201).send(staffCommentJson(submitted.value));
    },
  );

  app.get(
    '/public-consultations/:id/my-comments',
    {
      config: { access: commenters },
      schema: {
        tags: ['public-consultations'],
        summary: 'Your own comments on a consultation, with the answers',
        params,
        response: { 200: MyCommentsSchema, ...errors },
      },
    },
    async (request, reply) => {
      const consultation = await deps.store.getConsultation(request.params.id);
      if (consultation === undefined) {
        return sendError(
          reply,
          cordonError('CORDON_NOT_FOUND', `No public consultation has id ${request.params.id}.`),
        );
      }
      const mine = await myPublicConsultationComments(
        deps,
        principalOf(request).userId,
        consultation.id,
      );
      return {
        comments: mine.map((c) => publishedCommentJson(publishedComment(c, consultation.response))),
      };
    },
  );

  app.post(
    '/public-consultations/:id/comments/:commentId/answer',
    {
      config: { access: answerers },
      schema: {
        tags: ['public-consultations'],
        summary: 'Answer a comment (once; before the response is published)',
        params: Type.Object({ id: Type.String(), commentId: Type.String() }),
        body: AnswerRequestSchema,
        response: { 201: CommentAnswerSchema, ...errors },
      },
    },
    async (request, reply) => {
      const answered = await answerPublicConsultationComment(
        deps,
        principalOf(request),
        { consultationId: request.params.id, commentId: request.params.commentId },
        request.body.text,
        request.id,
      );
      return sendResult(
        reply,
        answered.ok
          ? ok({
              text: answered.value.text,
              answeredBy: answered.value.answeredBy.actor,
              at: answered.value.answeredBy.at.toISOString(),
            })
          : answered,
        201,
      );
    },
  );

  app.post(
    '/public-consultations/:id/response',
    {
      config: { access: responders },
      schema: {
        tags: ['public-consultations'],
        summary:
          'Publish the response document (senior officers; after the period, all comments answered)',
        description:
          'The response text, the final version the consultation led to, and each change with the comments that led to it. Once only.',
        params,
        body: PublishResponseRequestSchema,
        response: { 201: PublicConsultationSummarySchema, ...errors },
      },
    },
    async (request, reply) => {
      const published = await publishPublicConsultationResponse(
        deps,
        principalOf(request),
        request.params.id,
        request.body,
        request.id,
      );
      if (!published.ok) return sendError(reply, published.error);
      const found = await getConsultationForStaff(deps, request.params.id);
      if (!found.ok) return sendError(reply, found.error);
      return reply.code(201).send(consultationJson(found.value));
    },
  );

  app.get(
    '/public-consultations/:id/comments/:commentId/attachments/:attachmentId',
    {
      config: { access: staff, audit: 'read' },
      schema: {
        tags: ['public-consultations'],
        summary: "Download a comment's file, as uploaded",
        params: Type.Object({
          id: Type.String(),
          commentId: Type.String(),
          attachmentId: Type.String(),
        }),
        response: { 200: Type.Unknown({ description: 'The file, byte for byte.' }), ...errors },
      },
    },
    async (request, reply) => {
      const { id, commentId, attachmentId } = request.params;
      const found = await deps.store.findAttachment(id, commentId, attachmentId);
      if (found === undefined) {
        return sendError(reply, cordonError('CORDON_NOT_FOUND', `No file ${attachmentId}.`));
      }
      return reply
        .type(found.attachment.mediaType)
        .header('content-disposition', attachmentDisposition(found.attachment.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('x-content-sha256', found.attachment.sha256)
        .send(Buffer.from(found.content));
    },
  );
};
