import { afterEach, describe, expect, it } from 'vitest';
import { testSha256 } from '../../../../../test/fakes/in-memory-audit-log.ts';
import { seedUser, testPeopleDeps } from '../../../../../test/fakes/people-deps.ts';
import { testAuthenticator } from '../../../../../test/fakes/test-authenticator.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import { tokenPrincipal } from '../../../../application/people/authenticate.ts';
import type { App } from '../../build-app.ts';
import { peopleRoutes } from './routes.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** An app with real people use cases on in-memory stores, an authority and an exporter. */
async function peopleApp() {
  const { deps, audit } = testPeopleDeps();
  const authority = await seedUser(deps, 'alice', ['administrator', 'auditor']);
  const exporter = await seedUser(deps, 'erin', ['exporter'], 'exporter');
  app = await buildTestApp({
    auth: {
      authenticator: testAuthenticator(),
      people: deps,
      audit: { audit, sha256: testSha256 },
    },
  });
  return { app, deps, audit, authority, exporter };
}

const admin = asRole('administrator');

describe(peopleRoutes.name, () => {
  it('lists the users of one organisation, never with a password', async () => {
    const { app, exporter } = await peopleApp();
    const all = await app.inject({ method: 'GET', url: '/v1/users', headers: admin });
    expect(all.statusCode).toBe(200);
    expect(all.json<{ users: { username: string }[] }>().users.map((u) => u.username)).toEqual([
      'alice',
      'erin',
    ]);
    const one = await app.inject({
      method: 'GET',
      url: `/v1/users?organisationId=${exporter.organisationId}`,
      headers: asRole('auditor'),
    });
    expect(one.json()).toEqual({
      users: [
        expect.objectContaining({
          username: 'erin',
          roles: ['exporter'],
          disabled: false,
          organisationId: exporter.organisationId,
        }) as unknown,
      ],
    });
    expect(one.body).not.toMatch(/password|hash/i);
  });

  it('adds a user with roles and returns a generated one-time password once', async () => {
    const { app, exporter, audit } = await peopleApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/users',
      headers: admin,
      payload: { username: 'ed', organisationId: exporter.organisationId, roles: ['exporter'] },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ user: { username: string }; generatedPassword: string }>();
    expect(body.user.username).toBe('ed');
    expect(body.generatedPassword).toMatch(/^generated-password-/);
    const logged = await audit.entries({ limit: 100 });
    expect(logged.map((e) => [e.action, e.actor, e.objectId])).toContainEqual([
      'users.add',
      'user:test-administrator',
      'ed',
    ]);
  });

  it('names every problem of a user that cannot be added, and refuses roles that do not suit the organisation', async () => {
    const { app, exporter } = await peopleApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/users',
      headers: admin,
      payload: {
        username: 'Bad Name',
        organisationId: exporter.organisationId,
        roles: ['senior-officer'],
        password: 'short',
      },
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json<{ error: { fields: { field: string }[] } }>()
      .error.fields.map((f) => f.field);
    expect(fields).toEqual(['username', 'roles', 'password']);
  });

  it('disables a user so that their tokens stop working, and enables them again', async () => {
    const { app, deps } = await peopleApp();
    const created = await app.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: admin,
      payload: { username: 'erin', name: 'erp', days: 30 },
    });
    const secret = created.json<{ secret: string }>().secret;
    expect((await tokenPrincipal(deps, secret)).ok).toBe(true);

    const disabled = await app.inject({
      method: 'PATCH',
      url: '/v1/users/erin',
      headers: admin,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ username: 'erin', disabled: true });
    expect((await tokenPrincipal(deps, secret)).ok).toBe(false);

    const enabled = await app.inject({
      method: 'PATCH',
      url: '/v1/users/erin',
      headers: admin,
      payload: { disabled: false },
    });
    expect(enabled.json()).toMatchObject({ disabled: false });
    expect((await tokenPrincipal(deps, secret)).ok).toBe(true);
  });

  it('answers 404 for an unknown user, and refuses to let an administrator disable themselves', async () => {
    const { app } = await peopleApp();
    const unknown = await app.inject({
      method: 'PATCH',
      url: '/v1/users/nobody',
      headers: admin,
      payload: { disabled: true },
    });
    expect(unknown.statusCode).toBe(404);
    const self = await app.inject({
      method: 'PATCH',
      url: '/v1/users/test-administrator',
      headers: admin,
      payload: { disabled: true },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ error: { code: 'CORDON_VALIDATION_FAILED' } });
  });

  it('creates a token scoped to some of the user’s roles, shows the secret once, lists it without it and revokes it', async () => {
    const { app, deps } = await peopleApp();
    const created = await app.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: admin,
      payload: { username: 'alice', name: 'audit export', scopes: ['auditor'], days: 7 },
    });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json<{
      token: { id: string; scopes: string[]; expiresAt: string; username: string };
      secret: string;
    }>();
    expect(secret).toMatch(new RegExp(`^cdn_${token.id}_`));
    expect(token).toMatchObject({ username: 'alice', scopes: ['auditor'] });
    expect(token.expiresAt).toBe('2026-12-06T09:00:00.000Z');
    const principal = await tokenPrincipal(deps, secret);
    expect(principal.ok && principal.value.scopes).toEqual(['auditor']);

    const listed = await app.inject({
      method: 'GET',
      url: '/v1/tokens?username=alice',
      headers: asRole('auditor'),
    });
    expect(listed.json()).toEqual({
      tokens: [expect.objectContaining({ id: token.id, name: 'audit export', revokedAt: null })],
    });
    expect(listed.body).not.toContain(secret.split('_')[2]);

    const revoked = await app.inject({
      method: 'DELETE',
      url: `/v1/tokens/${token.id}`,
      headers: admin,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await tokenPrincipal(deps, secret)).ok).toBe(false);
    const again = await app.inject({
      method: 'DELETE',
      url: `/v1/tokens/${token.id}`,
      headers: admin,
    });
    expect(again.statusCode).toBe(404);
  });

  it('refuses a token scope the user does not hold', async () => {
    const { app } = await peopleApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: admin,
      payload: { username: 'erin', name: 'x', scopes: ['administrator'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { fields: [{ field: 'scopes' }] },
    });
  });

  it('lets auditors read but not change people, and keeps everyone else out', async () => {
    const { app } = await peopleApp();
    const change = await app.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: asRole('auditor'),
      payload: { username: 'erin', name: 'x' },
    });
    expect(change.statusCode).toBe(403);
    for (const role of ['exporter', 'caseworker', 'senior-officer'] as const) {
      const read = await app.inject({ method: 'GET', url: '/v1/users', headers: asRole(role) });
      expect(read.statusCode, role).toBe(403);
    }
    const orgs = await app.inject({ method: 'GET', url: '/v1/organisations', headers: admin });
    expect(
      orgs.json<{ organisations: { name: string }[] }>().organisations.map((o) => o.name),
    ).toEqual(['alice org', 'erin org']);
  });
});
