import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PeopleDeps } from '../../../../application/people/people-deps.ts';
import type { RateLimitCounter } from '../../../../application/ports/rate-limit-counter.ts';
import type { PublicConsultationDeps } from '../../../../application/public-consultation/public-consultation-deps.ts';
import {
  getPublicConsultation,
  listPublicConsultations,
} from '../../../../application/public-consultation/read-public-consultations.ts';
import { registerPublicConsultationCommenter } from '../../../../application/public-consultation/register-public-consultation-commenter.ts';
import {
  PublicConsultationListSchema,
  PublicConsultationViewSchema,
  RegisterCommenterRequestSchema,
  RegisteredCommenterSchema,
} from '../../../../contracts/public-consultation.ts';
import { commentsArePublic } from '../../../../domain/public-consultation/public-consultation.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import { sharedRateLimitStore } from '../../auth/shared-rate-limit-store.ts';
import { errorResponses } from '../../error-responses.ts';
import { sendError } from '../../errors.ts';
import { attachmentDisposition, consultationJson, publishedCommentJson } from './json.ts';

const readReason =
  'public consultations are public: anyone may read open and closed ones without signing in; comments carry only what their authors chose to publish';

/**
 * `/v1/public/consultations`: what anyone may read without signing in, and the commenter's
 * self-registration.
 */
export const publicConsultationPublicRoutes: FastifyPluginAsyncTypebox<{
  readonly consultations: PublicConsultationDeps;
  /** Sign-in accounts; absent, registration is not offered. */
  readonly people?: PeopleDeps | undefined;
  readonly rateLimits?: RateLimitCounter | undefined;
}> = async (app, { consultations: deps, people, rateLimits }) => {
  await app.register(import('@fastify/rate-limit'), {
    global: false,
    ...(rateLimits === undefined ? {} : { store: sharedRateLimitStore(rateLimits) }),
  });
  const readLimit = { max: 120, timeWindow: '1 minute' };

  app.get(
    '/public/consultations',
    {
      config: { access: { public: true, reason: readReason }, rateLimit: readLimit },
      schema: {
        tags: ['public-consultations'],
        summary: 'Open and closed public consultations (no sign-in)',
        operationId: 'getOpenPublicConsultations',
        response: { 200: PublicConsultationListSchema, ...errorResponses(429) },
      },
    },
    async () => ({
      consultations: (await listPublicConsultations(deps)).map(consultationJson),
    }),
  );

  app.get(
    '/public/consultations/:id',
    {
      config: { access: { public: true, reason: readReason }, rateLimit: readLimit },
      schema: {
        tags: ['public-consultations'],
        operationId: 'getOpenPublicConsultationById',
        summary:
          'One public consultation, its comments once the period ended, and the response (no sign-in)',
        description:
          'Comments are published when the comment period ends, each with only what its author chose to publish (name, organisation) and the kind of organisation they registered as; the answering officials are not named.',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: PublicConsultationViewSchema, ...errorResponses(404, 429) },
      },
    },
    async (request, reply) => {
      const found = await getPublicConsultation(deps, request.params.id);
      if (!found.ok) return sendError(reply, found.error);
      const { comments, ...overview } = found.value;
      return {
        ...consultationJson(overview),
        ...(comments === undefined ? {} : { comments: comments.map(publishedCommentJson) }),
      };
    },
  );

  app.get(
    '/public/consultations/:id/comments/:commentId/attachments/:attachmentId',
    {
      config: { access: { public: true, reason: readReason }, rateLimit: readLimit },
      schema: {
        tags: ['public-consultations'],
        summary: "Download a published comment's file (no sign-in; after the period)",
        operationId: 'getOpenPublicConsultationCommentFile',
        params: Type.Object({
          id: Type.String({ maxLength: 100 }),
          commentId: Type.String({ maxLength: 100 }),
          attachmentId: Type.String({ maxLength: 100 }),
        }),
        response: {
          200: Type.Unknown({ description: 'The file, byte for byte.' }),
          ...errorResponses(404, 429),
        },
      },
    },
    async (request, reply) => {
      const { id, commentId, attachmentId } = request.params;
      const consultation = await deps.store.getConsultation(id);
      const found =
        consultation !== undefined && commentsArePublic(consultation, deps.clock.now())
          ? await deps.store.findAttachment(id, commentId, attachmentId)
          : undefined;
      if (found === undefined) {
        return sendError(
          reply,
          cordonError('CORDON_NOT_FOUND', `No published file ${attachmentId}.`),
        );
      }
      return reply
        .type(found.attachment.mediaType)
        .header('content-disposition', attachmentDisposition(found.attachment.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(Buffer.from(found.content));
    },
  );

  if (people === undefined) return;
  app.post(
    '/public/consultations/commenters',
    {
      config: {
        access: {
          public: true,
          reason:
            'people of industry, academia and civil society register themselves to comment; only the commenter role is ever given',
        },
        rateLimit: { max: 5, timeWindow: '1 hour' },
      },
      schema: {
        tags: ['public-consultations'],
        summary: 'Register as a commenter (no sign-in; only while a consultation is open)',
        description:
          'Creates an account with the `commenter` role only, in the shared organisation of the chosen kind (industry, academia, civil-society): it may comment on public consultations and read its own comments, nothing else. No e-mail address is asked for; the display name is never published (each comment says what to publish). The password rules apply. Five registrations per client address per hour.',
        body: RegisterCommenterRequestSchema,
        response: { 201: RegisteredCommenterSchema, ...errorResponses(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const registered = await registerPublicConsultationCommenter(
        { ...people, consultations: deps.store, country: deps.authority },
        request.body,
        request.id,
      );
      if (!registered.ok) return sendError(reply, registered.error);
      return reply.code(201).send({
        username: registered.value.username,
        kind: request.body.kind,
        roles: ['commenter'],
      });
    },
  );
};
