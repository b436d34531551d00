import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createOwnToken } from '../../../../application/people/create-own-token.ts';
import { decideGrant } from '../../../../application/people/decide-grant.ts';
import { revokeToken, setUserDisabled } from '../../../../application/people/manage-people.ts';
import { requestGrant } from '../../../../application/people/request-grant.ts';
import type { Actor, PeopleDeps } from '../../../../application/people/people-deps.ts';
import {
  GrantDecidedSchema,
  GrantListSchema,
  GrantRequestedSchema,
  ReasonRequestSchema,
  RolesGrantRequestSchema,
  NewTokenRequestSchema,
  NewTokenResponseSchema,
  NewUserRequestSchema,
  OrganisationListSchema,
  TokenListQuerySchema,
  TokenListSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
  UserUpdateRequestSchema,
} from '../../../../contracts/people.ts';
import type { GrantRequest } from '../../../../domain/people/grant-request.ts';
import {
  actorOf,
  effectiveRoles,
  type ApiToken,
  type User,
} from '../../../../domain/people/people.ts';
import { roles as allRoles } from '../../../../domain/people/role.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../../auth/auth-plugin.ts';
import { sendError } from '../../errors.ts';
import type { RouteAccess } from '../../route-access.ts';
import { errorResponses } from '../../error-responses.ts';

// Administrators manage people and tokens; auditors may read who has access, never change it.
const readers: RouteAccess = { roles: ['administrator', 'auditor'] };
const administrators: RouteAccess = { roles: ['administrator'] };
// Anyone signed in may create (and revoke) tokens that act as themselves.
const everyone: RouteAccess = { roles: allRoles };

const errors = errorResponses(400, 401, 403, 404, 409);

const grantJson = (g: GrantRequest) => ({
  id: g.id,
  kind: g.kind,
  username: g.username,
  ...(g.organisationId === undefined ? {} : { organisationId: g.organisationId }),
  ...(g.displayName === undefined ? {} : { displayName: g.displayName }),
  roles: [...g.roles],
  reason: g.reason,
  requestedBy: g.requestedBy.username,
  requestedAt: g.requestedAt.toISOString(),
  expiresAt: g.expiresAt.toISOString(),
  status: g.status,
  ...(g.decidedBy === undefined ? {} : { decidedBy: g.decidedBy.username }),
  ...(g.decidedAt === undefined ? {} : { decidedAt: g.decidedAt.toISOString() }),
});

const userJson = (u: User) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  organisationId: u.organisationId,
  roles: [...u.roles],
  disabled: u.disabled,
  createdAt: u.createdAt.toISOString(),
});

const tokenJson = (t: ApiToken, username: string) => ({
  id: t.id,
  userId: t.userId,
  username,
  name: t.name,
  scopes: [...t.scopes],
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

const actor = (request: FastifyRequest): Actor => ({
  actor: actorOf(principalOf(request)),
  requestId: request.id,
});

/**
 * `/v1/organisations`, `/v1/users`, `/v1/tokens`: the people and API tokens of `cordon orgs|users|tokens`,
 * for the administration pages of the web UI. Every change goes to the audit trail.
 */
export const peopleRoutes: FastifyPluginAsyncTypebox<{ readonly people: PeopleDeps }> = (
  app,
  { people },
) => {
  app.get(
    '/organisations',
    {
      config: { access: readers },
      schema: {
        tags: ['people'],
        summary: 'Every organisation: exporters, the authority, advising departments, partners',
        response: { 200: OrganisationListSchema, ...errors },
      },
    },
    async () => ({
      organisations: (await people.store.listOrganisations()).map((o) => ({
        ...o,
        createdAt: o.createdAt.toISOString(),
      })),
    }),
  );

  app.get(
    '/users',
    {
      config: { access: readers },
      schema: {
        tags: ['people'],
        summary: 'Users with their organisation, roles and whether they are disabled',
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema, ...errors },
      },
    },
    async (request) => {
      const wanted = request.query.organisationId;
      const users = await people.store.listUsers();
      return {
        users: users
          .filter((u) => wanted === undefined || u.organisationId === wanted)
          .map(userJson)
          .sort((a, b) => a.username.localeCompare(b.username)),
      };
    },
  );

  app.post(
    '/users',
    {
      config: { access: administrators },
      schema: {
        tags: ['people'],
        summary: 'Ask for a new user; a second administrator approves (four eyes)',
        description:
          'Creates a pending grant, not a user: another administrator approves it (`POST /v1/grants/{id}/approve`). The answer carries the first half of the enrolment code, shown once; the approval gives the second half. The person sets their own password with both (`POST /v1/auth/enrol`): no administrator chooses or sees it. The roles must suit the organisation.',
        body: NewUserRequestSchema,
        response: { 202: GrantRequestedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const requested = await requestGrant(
        people,
        principalOf(request),
        { kind: 'add-user', ...request.body },
        request.id,
      );
      if (!requested.ok) return sendError(reply, requested.error);
      return reply.code(202).send({
        grant: grantJson(requested.value.request),
        ...(requested.value.requesterHalf === undefined
          ? {}
          : { requesterHalf: requested.value.requesterHalf }),
      });
    },
  );

  app.post(
    '/users/:username/roles',
    {
      config: { access: administrators },
      schema: {
        tags: ['people'],
        summary: 'Ask for roles to be added to a user; a second administrator approves',
        params: Type.Object({ username: Type.String({ maxLength: 64 }) }),
        body: RolesGrantRequestSchema,
        response: { 202: GrantRequestedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const requested = await requestGrant(
        people,
        principalOf(request),
        { kind: 'add-roles', username: request.params.username, ...request.body },
        request.id,
      );
      if (!requested.ok) return sendError(reply, requested.error);
      return reply.code(202).send({ grant: grantJson(requested.value.request) });
    },
  );

  app.post(
    '/users/:username/enrolment',
    {
      config: { access: administrators },
      schema: {
        tags: ['people'],
        summary: 'Ask for a new enrolment code for a user who lost their password',
        description:
          'A second administrator approves; the two halves of the code let the person set a new password. Their old password works until they do.',
        params: Type.Object({ username: Type.String({ maxLength: 64 }) }),
        body: ReasonRequestSchema,
        response: { 202: GrantRequestedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const requested = await requestGrant(
        people,
        principalOf(request),
        { kind: 'reset-credentials', username: request.params.username, ...request.body },
        request.id,
      );
      if (!requested.ok) return sendError(reply, requested.error);
      return reply.code(202).send({
        grant: grantJson(requested.value.request),
        ...(requested.value.requesterHalf === undefined
          ? {}
          : { requesterHalf: requested.value.requesterHalf }),
      });
    },
  );

  app.get(
    '/grants',
    {
      config: { access: readers },
      schema: {
        tags: ['people'],
        summary: 'Grants asked for, pending and decided, newest first (never a code)',
        response: { 200: GrantListSchema, ...errors },
      },
    },
    async () => ({ grants: (await people.grants.listRequests()).map(grantJson) }),
  );

  for (const [verb, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const) {
    app.post(
      `/grants/:id/${verb}`,
      {
        config: { access: administrators },
        schema: {
          tags: ['people'],
          summary: approve
            ? 'Approve a grant another administrator asked for'
            : 'Reject a grant another administrator asked for',
          description:
            'Nobody decides their own request or a grant to themselves (403). Approving a new user or a reset answers the second half of the enrolment code, shown once.',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: { 200: GrantDecidedSchema, ...errors },
        },
      },
      async (request, reply) => {
        const decided = await decideGrant(
          people,
          principalOf(request),
          request.params.id,
          approve,
          request.id,
        );
        if (!decided.ok) return sendError(reply, decided.error);
        return {
          grant: grantJson(decided.value.request),
          ...(decided.value.approverHalf === undefined
            ? {}
            : { approverHalf: decided.value.approverHalf }),
        };
      },
    );
  }

  app.patch(
    '/users/:username',
    {
      config: { access: administrators },
      schema: {
        tags: ['people'],
        summary: 'Disable a user (their sessions and tokens stop working) or enable them again',
        params: Type.Object({ username: Type.String({ maxLength: 64 }) }),
        body: UserUpdateRequestSchema,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { username } = request.params;
      if (request.body.disabled && username === principalOf(request).username) {
        return sendError(
          reply,
          cordonError('CORDON_VALIDATION_FAILED', 'You cannot disable yourself.', [
            { field: 'params.username', problem: 'is the signed-in administrator' },
          ]),
        );
      }
      const changed = await setUserDisabled(
        people,
        actor(request),
        username,
        request.body.disabled,
      );
      if (!changed.ok) return sendError(reply, changed.error);
      const credentials = await people.store.findCredentials(username);
      if (credentials === undefined) {
        return sendError(reply, cordonError('CORDON_NOT_FOUND', `No user is called ${username}.`));
      }
      return userJson(credentials.user);
    },
  );

  app.get(
    '/tokens',
    {
      config: { access: everyone },
      schema: {
        tags: ['people'],
        summary: 'API tokens with their user, scopes, expiry and revocation (never their secrets)',
        description:
          'Administrators and auditors see everyone’s tokens; anyone else sees their own.',
        querystring: TokenListQuerySchema,
        response: { 200: TokenListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const seesAll = effectiveRoles(principal).some(
        (r) => r === 'administrator' || r === 'auditor',
      );
      const users = await people.store.listUsers();
      const wanted = seesAll ? request.query.username : principal.username;
      const user = wanted === undefined ? undefined : users.find((u) => u.username === wanted);
      if (wanted !== undefined && user === undefined) {
        return sendError(reply, cordonError('CORDON_NOT_FOUND', `No user is called ${wanted}.`));
      }
      const names = new Map(users.map((u) => [u.id, u.username]));
      const tokens = await people.store.listTokens(user?.id);
      return {
        tokens: tokens
          .map((t) => tokenJson(t, names.get(t.userId) ?? t.userId))
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)),
      };
    },
  );

  app.post(
    '/tokens',
    {
      config: { access: everyone },
      schema: {
        tags: ['people'],
        summary: 'Create an API token acting as yourself, scoped to some of your roles',
        description:
          'The token string is returned this once and stored only hashed. It acts as you, within its scopes, until it expires or is revoked. Nobody, administrators included, creates a token acting as someone else.',
        body: NewTokenRequestSchema,
        response: { 201: NewTokenResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { scopes, days, username, name } = request.body;
      const created = await createOwnToken(
        people,
        principal,
        {
          name,
          ...(username === undefined ? {} : { username }),
          ...(scopes === undefined ? {} : { scopes }),
          ...(days === undefined ? {} : { days }),
        },
        request.id,
      );
      if (!created.ok) return sendError(reply, created.error);
      return reply.code(201).send({
        token: tokenJson(created.value.token, principal.username),
        secret: created.value.secret,
      });
    },
  );

  app.delete(
    '/tokens/:id',
    {
      config: { access: everyone },
      schema: {
        tags: ['people'],
        summary: 'Revoke an API token at once (your own; administrators any)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const stored = await people.store.findToken(request.params.id);
      if (
        stored !== undefined &&
        stored.token.userId !== principal.userId &&
        !effectiveRoles(principal).includes('administrator')
      ) {
        return sendError(
          reply,
          cordonError('CORDON_NOT_FOUND', `No active API token has id ${request.params.id}.`),
        );
      }
      const revoked = await revokeToken(people, actor(request), request.params.id);
      if (!revoked.ok) return sendError(reply, revoked.error);
      return reply.code(204).send(null);
    },
  );
  return Promise.resolve();
};
