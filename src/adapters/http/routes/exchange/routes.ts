import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import {
  answerConsultation,
  requestConsultation,
} from '../../../../application/exchange/consultations.ts';
import { signerOf, type ExchangeDeps } from '../../../../application/exchange/exchange-deps.ts';
import { addPartner } from '../../../../application/exchange/manage-partners.ts';
import {
  amendOwnDenial,
  notifyDenial,
  revokeDenial,
} from '../../../../application/exchange/notify-denial.ts';
import { authenticatePartner, feedFor } from '../../../../application/exchange/serve-feed.ts';
import { syncPartners } from '../../../../application/exchange/sync-partners.ts';
import { publishAlert, withdrawAlert } from '../../../../application/exchange/threat-alerts.ts';
import type { Partner } from '../../../../application/ports/exchange-store.ts';
import {
  AlertInputSchema,
  AlertWithdrawalInputSchema,
  AmendmentInputSchema,
  ConsultationAnswerInputSchema,
  ConsultationRequestInputSchema,
  DenialInputSchema,
  FeedPageSchema,
  FeedQuerySchema,
  PartnerInputSchema,
  RevocationInputSchema,
} from '../../../../contracts/exchange.ts';
import {
  AuditWitnessSchema,
  type MessageBodySchema,
  ConsultationSchema,
  DenialRecordSchema,
  ExchangeIdentitySchema,
  PartnerSchema,
  RejectedMessageSchema,
  SignedDenialSchema,
  SyncOutcomeSchema,
  ThreatAlertSchema,
} from '../../../../contracts/exchange-records.ts';
import { list } from '../../../../contracts/schema-helpers.ts';
import { actorOf } from '../../../../domain/people/people.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import { principalOf } from '../../auth/auth-plugin.ts';
import { sendError } from '../../errors.ts';
import type { RouteAccess } from '../../route-access.ts';
import { errorResponses } from '../../error-responses.ts';
import { jsonOf } from '../../json-value.ts';

const officers: RouteAccess = {
  roles: ['caseworker', 'senior-officer', 'administrator', 'auditor'],
};
const errors = errorResponses(400, 401, 403, 404, 409, 503);

/** A pinned key's public half: Ed25519 JWKs always carry `x`. */
const publicKeyOf = (jwk: Readonly<Record<string, unknown>>): string =>
  typeof jwk['x'] === 'string' ? jwk['x'] : '';

/** A message body as stored: the domain signed it as the body of its kind (exchange-message.ts). */
const messageBody = (body: unknown) => body as Static<typeof MessageBodySchema>;

const partnerJson = (p: Partner) => ({
  id: p.id,
  url: p.url,
  keys: p.keys.map((k) => ({
    kid: k.kid,
    publicKey: publicKeyOf(k.publicJwk),
    ...(k.validUntil === undefined ? {} : { validUntil: k.validUntil.toISOString() }),
  })),
  lastSequence: p.position.lastSequence,
  addedAt: p.addedAt.toISOString(),
  ...(p.lastSyncAt === undefined ? {} : { lastSyncAt: p.lastSyncAt.toISOString() }),
  ...(p.lastSyncError === undefined ? {} : { lastSyncError: p.lastSyncError }),
});

/**
 * `/v1/exchange/*`: exchange with partner states. The feed is declared public because partner
 * nodes are not people: it checks its own credential, a short-lived JWS signed with a key pinned
 * for the partner (`Authorization: CordonNode <jws>`), and serves only what is addressed to them.
 */
export const exchangeRoutes: FastifyPluginAsyncTypebox<ExchangeDeps> = (app, deps) => {
  // The exchange is the authority's own business with its partners: a user of another kind of
  // organisation registered here (a partner authority's, an advising department's) holding an
  // officer role neither reads nor acts on it. Partner nodes use the feed, which is public to
  // users and checks its own signed credential.
  app.addHook('preHandler', async (request, reply) => {
    const principal = request.principal;
    if (principal === undefined || principal.organisationKind === 'licensing-authority') {
      return undefined;
    }
    return sendError(
      reply,
      cordonError(
        'CORDON_FORBIDDEN',
        'Only the licensing authority’s own staff use its exchange with partner states.',
      ),
    );
  });

  app.get(
    '/exchange/feed',
    {
      config: {
        access: {
          public: true,
          reason:
            'partner nodes authenticate with a JWS signed by their pinned Ed25519 key, checked by the route itself',
        },
      },
      schema: {
        tags: ['exchange'],
        summary: 'Our signed messages after a sequence number, for an authenticated partner node',
        description:
          'Send `Authorization: CordonNode <JWS>` whose payload is `{ iss, aud, iat, exp, scope: "exchange-feed" }`, signed with your pinned key, living at most five minutes. Every entry carries the signed header; the body only when the message is addressed to you.',
        querystring: FeedQuerySchema,
        response: { 200: FeedPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const header = request.headers.authorization;
      const token =
        typeof header === 'string' ? /^CordonNode\s+(\S+)$/i.exec(header)?.[1] : undefined;
      const partner = await authenticatePartner(deps, token);
      if (!partner.ok) return sendError(reply, partner.error);
      const page = await feedFor(deps, partner.value.id, request.query.after);
      return page.ok
        ? {
            ...page.value,
            entries: page.value.entries.map(({ body, ...entry }) =>
              body === undefined ? entry : { ...entry, body: messageBody(body) },
            ),
          }
        : sendError(reply, page.error);
    },
  );

  app.get(
    '/exchange/identity',
    {
      config: {
        access: {
          public: true,
          reason: 'partners read our authority id and public keys to pin them',
        },
      },
      schema: {
        tags: ['exchange'],
        summary:
          'This node’s authority id and public keys (compare them out of band before pinning)',
        response: { 200: ExchangeIdentitySchema, ...errors },
      },
    },
    async (_request, reply) => {
      const signer = signerOf(deps);
      if (!signer.ok) return sendError(reply, signer.error);
      return {
        authorityId: signer.value.authorityId,
        keys: signer.value.publicKeys().map((k) => ({
          kid: k.kid,
          publicKey: publicKeyOf(k.publicJwk),
          ...(k.validUntil === undefined ? {} : { validUntil: k.validUntil.toISOString() }),
        })),
      };
    },
  );

  app.get(
    '/exchange/partners',
    {
      config: { access: officers },
      schema: {
        tags: ['exchange'],
        summary: 'Partner states, their pinned keys and where we are in their feeds',
        response: { 200: Type.Object({ partners: list(PartnerSchema) }), ...errors },
      },
    },
    async () => ({ partners: (await deps.store.partners()).map(partnerJson) }),
  );

  app.post(
    '/exchange/partners',
    {
      config: { access: { roles: ['administrator'] } },
      schema: {
        tags: ['exchange'],
        summary: 'Register a partner state, or pin another of its keys (rotation)',
        body: PartnerInputSchema,
        response: { 201: PartnerSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { validUntil, ...rest } = request.body;
      const added = await addPartner(
        deps,
        actorOf(principalOf(request)),
        { ...rest, ...(validUntil === undefined ? {} : { validUntil: new Date(validUntil) }) },
        request.id,
      );
      return added.ok
        ? reply.code(201).send(partnerJson(added.value))
        : sendError(reply, added.error);
    },
  );

  app.post(
    '/exchange/sync',
    {
      config: { access: { roles: ['caseworker', 'senior-officer', 'administrator'] } },
      schema: {
        tags: ['exchange'],
        summary: 'Pull every partner’s feed now (the server also pulls on its schedule)',
        querystring: Type.Object({ partner: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ partners: list(SyncOutcomeSchema) }), ...errors },
      },
    },
    async (request, reply) => {
      const synced = await syncPartners(deps, request.query.partner);
      return synced.ok ? { partners: synced.value.map(jsonOf) } : sendError(reply, synced.error);
    },
  );

  app.get(
    '/exchange/rejected',
    {
      config: { access: { roles: ['caseworker', 'senior-officer', 'administrator', 'auditor'] } },
      schema: {
        tags: ['exchange'],
        summary:
          'Messages refused (unknown sender or key, bad signature, gap, fork, replay, expired key), newest first',
        response: { 200: Type.Object({ rejected: list(RejectedMessageSchema) }), ...errors },
      },
    },
    async () => ({ rejected: (await deps.store.rejected(500)).map(jsonOf) }),
  );

  app.get(
    '/exchange/audit-witnesses',
    {
      config: { access: { roles: ['administrator', 'auditor'] } },
      schema: {
        tags: ['exchange'],
        summary:
          'Partners’ audit heads we hold: signed witnesses of their audit trails, newest first',
        description:
          'Each came in a message the partner signed (`audit-head`): entry `seq` of its trail had hash `hash`. A partner that later shows a trail without that entry, or with another hash there, has cut or rewritten it.',
        querystring: Type.Object(
          { sender: Type.Optional(Type.String({ maxLength: 40 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ witnesses: list(AuditWitnessSchema) }), ...errors },
      },
    },
    async (request) => ({
      witnesses: ((await deps.witnesses?.witnesses(request.query.sender, 500)) ?? []).map(jsonOf),
    }),
  );

  app.get(
    '/exchange/denials',
    {
      config: { access: officers },
      schema: {
        tags: ['exchange'],
        summary: 'Denials: partners’ and ours, active and revoked',
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('revoked')])),
          sender: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Object({ denials: list(DenialRecordSchema) }), ...errors },
      },
    },
    async (request) => ({ denials: (await deps.store.denials(request.query)).map(jsonOf) }),
  );

  app.post(
    '/exchange/denials',
    {
      config: { access: { roles: ['senior-officer'] } },
      schema: {
        tags: ['exchange'],
        summary: 'Notify partners of a countersigned refusal (a denial notification)',
        description:
          'A senior officer confirms (`confirm: true`). The exporter is left out unless the node policy (CORDON_EXCHANGE_REDACT_EXPORTER=false) or `redactExporter: false` says otherwise.',
        body: DenialInputSchema,
        response: { 201: SignedDenialSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { caseId, recipients, redactExporter } = request.body;
      const notified = await notifyDenial(
        deps,
        actorOf(principalOf(request)),
        {
          caseId,
          recipients: recipients ?? 'all',
          ...(redactExporter === undefined ? {} : { redactExporter }),
        },
        request.id,
      );
      return notified.ok
        ? reply.code(201).send({
            ...jsonOf(notified.value.denial),
            sequence: notified.value.message.header.sequence,
          })
        : sendError(reply, notified.error);
    },
  );

  app.post(
    '/exchange/denials/:reference/revocation',
    {
      config: { access: { roles: ['senior-officer'] } },
      schema: {
        tags: ['exchange'],
        summary: 'Revoke one of our denials; partners lift the blocks it caused',
        params: Type.Object({ reference: Type.String() }),
        body: RevocationInputSchema,
        response: { 200: SignedDenialSchema, ...errors },
      },
    },
    async (request, reply) => {
      const revoked = await revokeDenial(
        deps,
        actorOf(principalOf(request)),
        { reference: request.params.reference, reason: request.body.reason },
        request.id,
      );
      return revoked.ok
        ? { ...jsonOf(revoked.value.denial), sequence: revoked.value.message.header.sequence }
        : sendError(reply, revoked.error);
    },
  );

  app.post(
    '/exchange/denials/:reference/amendment',
    {
      config: { access: { roles: ['senior-officer'] } },
      schema: {
        tags: ['exchange'],
        summary:
          'Amend one of our denials (a corrected name, alias, address or the goods); partners replace their copy',
        description:
          'Each field given replaces the one notified. The amended denial is signed onto our chain as a `denial-amendment` to the partners the denial was notified to; their no-undercut check then compares applications with the corrected transaction. A revoked denial cannot be amended.',
        params: Type.Object({ reference: Type.String() }),
        body: AmendmentInputSchema,
        response: { 200: SignedDenialSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { reason, ...changes } = request.body;
      const amended = await amendOwnDenial(
        deps,
        actorOf(principalOf(request)),
        { reference: request.params.reference, reason, changes },
        request.id,
      );
      return amended.ok
        ? {
            ...jsonOf(amended.value.denial),
            changed: [...amended.value.changed],
            sequence: amended.value.message.header.sequence,
          }
        : sendError(reply, amended.error);
    },
  );

  app.get(
    '/exchange/consultations',
    {
      config: { access: officers },
      schema: {
        tags: ['exchange'],
        summary:
          'Consultations: those we must make (our blocked cases) and those partners ask of us',
        querystring: Type.Object({ caseId: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ consultations: list(ConsultationSchema) }), ...errors },
      },
    },
    async (request) => ({
      consultations: (
        await deps.store.consultations(
          request.query.caseId === undefined ? {} : { caseId: request.query.caseId },
        )
      ).map(jsonOf),
    }),
  );

  app.post(
    '/exchange/consultations/:id/request',
    {
      config: { access: { roles: ['caseworker', 'senior-officer'] } },
      schema: {
        tags: ['exchange'],
        summary: 'Ask the denying partner about an essentially identical transaction',
        params: Type.Object({ id: Type.String() }),
        body: ConsultationRequestInputSchema,
        response: { 200: ConsultationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const done = await requestConsultation(
        deps,
        actorOf(principalOf(request)),
        request.params.id,
        request.body.text,
        request.id,
      );
      return done.ok ? jsonOf(done.value) : sendError(reply, done.error);
    },
  );

  app.post(
    '/exchange/consultations/:id/response',
    {
      config: { access: { roles: ['senior-officer'] } },
      schema: {
        tags: ['exchange'],
        summary: 'Answer a partner’s consultation on one of our denials',
        params: Type.Object({ id: Type.String() }),
        body: ConsultationAnswerInputSchema,
        response: { 200: ConsultationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const done = await answerConsultation(
        deps,
        actorOf(principalOf(request)),
        request.params.id,
        request.body,
        request.id,
      );
      return done.ok ? jsonOf(done.value) : sendError(reply, done.error);
    },
  );

  app.get(
    '/exchange/alerts',
    {
      config: { access: officers },
      schema: {
        tags: ['exchange'],
        summary: 'Threat alerts received from partners and published by us, newest first',
        response: { 200: Type.Object({ alerts: list(ThreatAlertSchema) }), ...errors },
      },
    },
    async () => ({ alerts: (await deps.store.alerts()).map(jsonOf) }),
  );

  app.post(
    '/exchange/alerts/:alertId/withdrawal',
    {
      config: { access: { roles: ['caseworker', 'senior-officer'] } },
      schema: {
        tags: ['exchange'],
        summary: 'Withdraw one of our threat alerts; partners stop screening against its parties',
        params: Type.Object({ alertId: Type.String() }),
        body: AlertWithdrawalInputSchema,
        response: { 200: ThreatAlertSchema, ...errors },
      },
    },
    async (request, reply) => {
      const withdrawn = await withdrawAlert(
        deps,
        actorOf(principalOf(request)),
        { alertId: request.params.alertId, reason: request.body.reason },
        request.id,
      );
      return withdrawn.ok ? jsonOf(withdrawn.value) : sendError(reply, withdrawn.error);
    },
  );

  app.post(
    '/exchange/alerts',
    {
      config: { access: { roles: ['caseworker', 'senior-officer'] } },
      schema: {
        tags: ['exchange'],
        summary: 'Publish a threat alert (a surveillance end user, a diversion route) to partners',
        body: AlertInputSchema,
        response: { 201: ThreatAlertSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { recipients, ...alert } = request.body;
      const published = await publishAlert(
        deps,
        actorOf(principalOf(request)),
        { ...alert, recipients: recipients ?? 'all' },
        request.id,
      );
      return published.ok
        ? reply.code(201).send(jsonOf(published.value))
        : sendError(reply, published.error);
    },
  );

  return Promise.resolve();
};
