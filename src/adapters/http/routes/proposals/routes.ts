import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { latestPositions } from '../../../../application/proposals/check-sync-gaps.ts';
import { dryRunCatalogue } from '../../../../application/proposals/dry-run-catalogue.ts';
import { dryRunProposal } from '../../../../application/proposals/dry-run-proposal.ts';
import {
  draftProposal,
  publishProposal,
  withdrawProposal,
} from '../../../../application/proposals/manage-proposals.ts';
import type { ProposalDeps } from '../../../../application/proposals/proposal-deps.ts';
import { recordPosition } from '../../../../application/proposals/proposal-positions.ts';
import type { ProposalRecord } from '../../../../application/ports/proposal-store.ts';
import type { ProposalSummarySchema } from '../../../../contracts/proposals.ts';
import {
  AmendmentInputSchema,
  CatalogueDryRunRequestSchema,
  CatalogueDryRunSchema,
  DryRunQuerySchema,
  DryRunSchema,
  PositionInputSchema,
  PositionSchema,
  ProposalContentSchema,
  ProposalDetailSchema,
  ProposalIdParamsSchema,
  ProposalListSchema,
  SyncGapListSchema,
  SyncGapQuerySchema,
  WithdrawalInputSchema,
} from '../../../../contracts/proposals.ts';
import { adoptionMatrix } from '../../../../domain/proposals/adoption-matrix.ts';
import { actorOf } from '../../../../domain/people/people.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import { principalOf } from '../../auth/auth-plugin.ts';
import { errorResponses } from '../../error-responses.ts';
import { sendError } from '../../errors.ts';
import type { RouteAccess } from '../../route-access.ts';
import { Type, type Static } from 'typebox';

/** Authority staff read proposals; exporters do not (the public consultation is the public view). */
const readers: RouteAccess = {
  roles: ['caseworker', 'advisor', 'senior-officer', 'administrator', 'auditor'],
};
/** Caseworkers draft; senior officers draft too. */
const drafters: RouteAccess = { roles: ['caseworker', 'senior-officer'] };
/** What goes to partners in the authority's name (publication, amendment, withdrawal, position). */
const seniors: RouteAccess = { roles: ['senior-officer'] };
const errors = errorResponses(400, 401, 403, 404, 409, 503);
/** The one route an exporter may call: its own catalogue against a proposal open to the public. */
const catalogueDryRunUrl = '/proposals/:id/dry-run/catalogue';

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the JSON shape
const json = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;

const summaryJson = async (deps: ProposalDeps, p: ProposalRecord) => {
  const { versions, ...fields } = p;
  const latest = latestPositions(await deps.proposals.positions(p.id));
  return json<Static<typeof ProposalSummarySchema>>({
    ...fields,
    entryId: versions.find((v) => v.version === p.currentVersion)?.content.entry.entryId ?? '',
    adopted: [...latest.values()].filter((x) => x.position === 'adopted').map((x) => x.partner),
  });
};

async function detailJson(deps: ProposalDeps, p: ProposalRecord) {
  const positions = await deps.proposals.positions(p.id);
  const partners = (await deps.exchange.store.partners()).map((x) => x.id);
  const self = deps.exchange.signer.ok ? [deps.exchange.signer.value.authorityId] : [];
  const matrix = adoptionMatrix(
    p.versions.filter((v) => v.publishedAt !== undefined).map((v) => v.version),
    [...partners, ...self].filter((a) => a !== p.authority || p.own),
    positions.map(({ partner, version, position, reasons, adoption }) => ({
      authority: partner,
      version,
      position,
      ...(reasons === undefined ? {} : { reasons }),
      ...(adoption === undefined ? {} : { adoption }),
    })),
  );
  return json<Static<typeof ProposalDetailSchema>>({ ...p, positions, matrix });
}

/**
 * `/v1/proposals/*`: control proposals shared with partner states over the signed exchange, the
 * positions taken on each version (the adoption matrix), impact dry runs, and sync-gap alerts.
 */
export const proposalRoutes: FastifyPluginAsyncTypebox<ProposalDeps> = (app, deps) => {
  // Like the exchange that carries them: the licensing authority's own staff only.
  app.addHook('preHandler', async (request, reply) => {
    const principal = request.principal;
    if (principal === undefined || principal.organisationKind === 'licensing-authority') {
      return undefined;
    }
    // The route's own access rule and use case decide who else may test a catalogue, and on what.
    if (request.routeOptions.url?.endsWith(catalogueDryRunUrl) === true) return undefined;
    return sendError(
      reply,
      cordonError(
        'CORDON_FORBIDDEN',
        'Only the licensing authority’s own staff work on control proposals.',
      ),
    );
  });

  app.get(
    '/proposals',
    {
      config: { access: readers },
      schema: {
        tags: ['proposals'],
        summary: 'Control proposals: ours (drafts included) and those partners published',
        response: { 200: ProposalListSchema, ...errors },
      },
    },
    async () => ({
      proposals: await Promise.all(
        (await deps.proposals.proposals()).map((p) => summaryJson(deps, p)),
      ),
    }),
  );

  app.post(
    '/proposals',
    {
      config: { access: drafters },
      schema: {
        tags: ['proposals'],
        summary: 'Draft a control proposal (kept here until a senior officer publishes it)',
        description:
          'The proposed entry is written in the catalogue’s format: each criterion names facts of the control catalogue, so that Cordon classifies items against it. Unknown facts are named in `fields`.',
        body: ProposalContentSchema,
        response: { 201: ProposalDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const drafted = await draftProposal(
        deps,
        actorOf(principalOf(request)),
        request.body,
        request.id,
      );
      if (!drafted.ok) return sendError(reply, drafted.error);
      return reply.code(201).send(await detailJson(deps, drafted.value));
    },
  );

  app.get(
    '/proposals/sync-gaps',
    {
      config: { access: readers },
      schema: {
        tags: ['proposals'],
        summary:
          'Sync-gap alerts: open cases that a control a partner adopted would capture, while we do not have it',
        querystring: SyncGapQuerySchema,
        response: { 200: SyncGapListSchema, ...errors },
      },
    },
    async (request) => ({
      alerts: json<Static<typeof SyncGapListSchema>['alerts']>(
        await deps.proposals.gapAlerts(request.query),
      ),
    }),
  );

  app.get(
    '/proposals/:id',
    {
      config: { access: readers },
      schema: {
        tags: ['proposals'],
        summary:
          'One proposal: every version, every position and the partner-by-partner adoption matrix',
        params: ProposalIdParamsSchema,
        response: { 200: ProposalDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const p = await deps.proposals.proposal(request.params.id);
      return p === undefined
        ? sendError(
            reply,
            cordonError('CORDON_NOT_FOUND', `No control proposal ${request.params.id}.`),
          )
        : detailJson(deps, p);
    },
  );

  app.get(
    '/proposals/:id/versions',
    {
      config: { access: readers },
      schema: {
        tags: ['proposals'],
        summary:
          'The versions of a proposal, oldest first (version 1 published, later ones amendments)',
        params: ProposalIdParamsSchema,
        response: { 200: Type.Pick(ProposalDetailSchema, ['versions']), ...errors },
      },
    },
    async (request, reply) => {
      const p = await deps.proposals.proposal(request.params.id);
      return p === undefined
        ? sendError(
            reply,
            cordonError('CORDON_NOT_FOUND', `No control proposal ${request.params.id}.`),
          )
        : json<Pick<Static<typeof ProposalDetailSchema>, 'versions'>>({ versions: p.versions });
    },
  );

  app.get(
    '/proposals/:id/positions',
    {
      config: { access: readers },
      schema: {
        tags: ['proposals'],
        summary: 'The positions taken on a proposal, and the adoption matrix',
        params: ProposalIdParamsSchema,
        response: { 200: Type.Pick(ProposalDetailSchema, ['positions', 'matrix']), ...errors },
      },
    },
    async (request, reply) => {
      const p = await deps.proposals.proposal(request.params.id);
      if (p === undefined)
        return sendError(
          reply,
          cordonError('CORDON_NOT_FOUND', `No control proposal ${request.params.id}.`),
        );
      const { positions, matrix } = await detailJson(deps, p);
      return { positions, matrix };
    },
  );

  app.post(
    '/proposals/:id/positions',
    {
      config: { access: seniors },
      schema: {
        tags: ['proposals'],
        summary: 'Record our position on a version, sent to every partner as a signed message',
        description:
          '`oppose` and `not-adopting` need `reasons`; `adopted` needs `adoption` (national entry id, legal instrument, the date it takes effect).',
        params: ProposalIdParamsSchema,
        body: PositionInputSchema,
        response: { 201: PositionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const recorded = await recordPosition(
        deps,
        actorOf(principalOf(request)),
        { proposalId: request.params.id, ...request.body },
        request.id,
      );
      return recorded.ok
        ? reply.code(201).send(json<Static<typeof PositionSchema>>(recorded.value))
        : sendError(reply, recorded.error);
    },
  );

  app.post(
    '/proposals/:id/publish',
    {
      config: { access: seniors },
      schema: {
        tags: ['proposals'],
        summary: 'Publish a draft to every partner (a signed control-proposal message, version 1)',
        params: ProposalIdParamsSchema,
        response: { 200: ProposalDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const published = await publishProposal(
        deps,
        actorOf(principalOf(request)),
        { proposalId: request.params.id },
        request.id,
      );
      return published.ok ? detailJson(deps, published.value) : sendError(reply, published.error);
    },
  );

  app.post(
    '/proposals/:id/amendments',
    {
      config: { access: seniors },
      schema: {
        tags: ['proposals'],
        summary: 'Amend a published proposal: a new version, published to every partner',
        params: ProposalIdParamsSchema,
        body: AmendmentInputSchema,
        response: { 200: ProposalDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const amended = await publishProposal(
        deps,
        actorOf(principalOf(request)),
        { proposalId: request.params.id, amendment: request.body },
        request.id,
      );
      return amended.ok ? detailJson(deps, amended.value) : sendError(reply, amended.error);
    },
  );

  app.post(
    '/proposals/:id/withdrawal',
    {
      config: { access: seniors },
      schema: {
        tags: ['proposals'],
        summary: 'Withdraw a published proposal; partners are told by a signed message',
        params: ProposalIdParamsSchema,
        body: WithdrawalInputSchema,
        response: { 200: ProposalDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const withdrawn = await withdrawProposal(
        deps,
        actorOf(principalOf(request)),
        { proposalId: request.params.id, reason: request.body.reason },
        request.id,
      );
      return withdrawn.ok ? detailJson(deps, withdrawn.value) : sendError(reply, withdrawn.error);
    },
  );

  app.get(
    '/proposals/:id/dry-run',
    {
      config: { access: { roles: ['caseworker', 'senior-officer'] }, audit: 'read' },
      schema: {
        tags: ['proposals'],
        summary:
          'Impact before adoption: which of our applications and licences the proposed entry would have captured',
        description:
          'Classifies every case but drafts against the proposed entry of the version (default: current), tallied by destination and end-user type, with the cases listed. Changes nothing.',
        params: ProposalIdParamsSchema,
        querystring: DryRunQuerySchema,
        response: { 200: DryRunSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ran = await dryRunProposal(deps, {
        proposalId: request.params.id,
        ...(request.query.version === undefined ? {} : { version: request.query.version }),
      });
      return ran.ok ? json<Static<typeof DryRunSchema>>(ran.value) : sendError(reply, ran.error);
    },
  );

  app.post(
    catalogueDryRunUrl,
    {
      config: { access: { roles: ['caseworker', 'senior-officer', 'exporter'] } },
      schema: {
        tags: ['proposals'],
        summary:
          'Impact before adoption for an exporter: which items of a catalogue the proposed entry would capture',
        description:
          'Each item (an application item: description, capabilities, answers, own rating; `ref` is echoed back) is classified against the control catalogue with the proposed entry of the version (default: current) added: `captured`, `possibly-captured`, `not-captured`, or `unclassifiable`, each with the reason, in the order sent. Nothing is stored and no case is read. Staff test any proposal held here; an exporter only a published version of a proposal on which a public consultation has opened (any other is 404). At most 2,000 items.',
        params: ProposalIdParamsSchema,
        body: CatalogueDryRunRequestSchema,
        response: { 200: CatalogueDryRunSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const ran = await dryRunCatalogue(deps, {
        proposalId: request.params.id,
        ...(request.body.version === undefined ? {} : { version: request.body.version }),
        items: request.body.items,
        audience: principal.organisationKind === 'licensing-authority' ? 'staff' : 'public',
      });
      if (!ran.ok) return sendError(reply, ran.error);
      const { proposalId, version, result } = ran.value;
      return json<Static<typeof CatalogueDryRunSchema>>({ proposalId, version, ...result });
    },
  );
  return Promise.resolve();
};
