import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  addUser,
  createToken,
  revokeToken,
  setUserDisabled,
} from '../../../../application/people/manage-people.ts';
import type { Actor, PeopleDeps } from '../../../../application/people/people-deps.ts';
import { ErrorResponseSchema } from '../../../../contracts/error-response.ts';
import {
  NewTokenRequestSchema,
  NewTokenResponseSchema,
  NewUserRequestSchema,
  NewUserResponseSchema,
  OrganisationListSchema,
  TokenListQuerySchema,
  TokenListSchema,
  UserListQuerySchema,
  UserListSchema,
  UserSchema,
  UserUpdateRequestSchema,
} from '../../../../contracts/people.ts';
import { actorOf, type ApiToken, type User } from '../../../../domain/people/people.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../../auth/auth-plugin.ts';
import { sendError } from '../../errors.ts';
import type { RouteAccess } from '../../route-access.ts';

// Administrators manage people and tokens; auditors may read who has access, never change it.
const readers: RouteAccess = { roles: ['administrator', 'auditor'] };
const administrators: RouteAccess = { roles: ['administrator'] };

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
};

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
        summary: 'Add a user with roles; without a password, a one-time password is returned once',
        description:
          'The roles must suit the organisation: exporters hold `exporter` only; advising departments `advisor`; the licensing authority the officer, administrator and auditor roles.',
        body: NewUserRequestSchema,
        response: { 201: NewUserResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { displayName, password, ...rest } = request.body;
      const added = await addUser(people, actor(request), {
        ...rest,
        ...(displayName === undefined ? {} : { displayName }),
        ...(password === undefined ? {} : { password }),
      });
      if (!added.ok) return sendError(reply, added.error);
      return reply.code(201).send({
        user: userJson(added.value.user),
        ...(added.value.generatedPassword === undefined
          ? {}
          : { generatedPassword: added.value.generatedPassword }),
      });
    },
  );

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
      config: { access: readers },
      schema: {
        tags: ['people'],
        summary: 'API tokens with their user, scopes, expiry and revocation (never their secrets)',
        querystring: TokenListQuerySchema,
        response: { 200: TokenListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const users = await people.store.listUsers();
      const wanted = request.query.username;
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
      config: { access: administrators },
      schema: {
        tags: ['people'],
        summary: 'Create an API token for a user, scoped to some of their roles, with an expiry',
        description:
          'The token string is returned this once and stored only hashed. It acts as the user, within its scopes, until it expires or is revoked.',
        body: NewTokenRequestSchema,
        response: { 201: NewTokenResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { scopes, days, ...rest } = request.body;
      const created = await createToken(people, actor(request), {
        ...rest,
        ...(scopes === undefined ? {} : { scopes }),
        ...(days === undefined ? {} : { days }),
      });
      if (!created.ok) return sendError(reply, created.error);
      return reply.code(201).send({
        token: tokenJson(created.value.token, request.body.username),
        secret: created.value.secret,
      });
    },
  );

  app.delete(
    '/tokens/:id',
    {
      config: { access: administrators },
      schema: {
        tags: ['people'],
        summary: 'Revoke an API token at once',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      const revoked = await revokeToken(people, actor(request), request.params.id);
      if (!revoked.ok) return sendError(reply, revoked.error);
      return reply.code(204).send(null);
    },
  );
  return Promise.resolve();
};
