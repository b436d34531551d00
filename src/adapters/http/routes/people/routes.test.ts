import { afterEach, describe, expect, it } from 'vitest';
import { testSha256 } from '../../../../../test/fakes/in-memory-audit-log.ts';
import { seedUser, testPeopleDeps } from '../../../../../test/fakes/people-deps.ts';
import { testAuthenticator } from '../../../../../test/fakes/test-authenticator.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import { sessionPrincipal, tokenPrincipal } from '../../../../application/people/authenticate.ts';
import { createToken } from '../../../../application/people/manage-people.ts';
import type { PeopleDeps } from '../../../../application/people/people-deps.ts';
import type { Authenticator } from '../../auth/authenticator.ts';
import type { App } from '../../build-app.ts';
import { peopleRoutes } from './routes.ts';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Test bearer tokens (`Bearer test-<role>`) and Cordon's own session cookies. */
const withSessions = (bearer: Authenticator, deps: PeopleDeps): Authenticator => ({
  bearer: (credential) => bearer.bearer(credential),
  session: (sessionId) => sessionPrincipal(deps, sessionId),
});

/** An app with real people use cases on in-memory stores, an authority and an exporter. */
async function peopleApp() {
  const { deps, audit } = testPeopleDeps();
  const authority = await seedUser(deps, 'alice', ['administrator', 'auditor']);
  const exporter = await seedUser(deps, 'erin', ['exporter'], 'exporter');
  app = await buildTestApp({
    auth: {
      authenticator: withSessions(testAuthenticator(), deps),
      people: deps,
      audit: { audit, sha256: testSha256 },
    },
  });
  return { app, deps, audit, authority, exporter };
}

const admin = asRole('administrator');

/** Signs `username` in (password `correct horse battery`): the cookie and CSRF header to send. */
async function sessionOf(app: App, _deps: unknown, username: string) {
  const login = await app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { username, password: 'correct horse battery' },
  });
  expect(login.statusCode, login.body).toBe(200);
  return {
    cookies: { cordon_session: login.cookies[0]?.value ?? '' },
    headers: { 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken },
  };
}

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

  it('names every problem of a user that cannot be asked for, and refuses roles that do not suit the organisation', async () => {
    const { app, exporter } = await peopleApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/users',
      headers: admin,
      payload: {
        username: 'Bad Name',
        organisationId: exporter.organisationId,
        roles: ['senior-officer'],
        reason: 'x',
      },
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json<{ error: { fields: { field: string }[] } }>()
      .error.fields.map((f) => f.field);
    expect(fields).toEqual(['username', 'roles']);
  });

  it('disables a user so that their tokens stop working, and enables them again', async () => {
    const { app, deps } = await peopleApp();
    const created = await createToken(deps, { actor: 'test' }, { username: 'erin', name: 'erp' });
    if (!created.ok) throw new Error(created.error.message);
    const secret = created.value.secret;
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

  it('creates a token acting as its creator, scoped to some of their roles, shows the secret once, lists it without it and revokes it', async () => {
    const { app, deps } = await peopleApp();
    const alice = await sessionOf(app, deps, 'alice');
    const created = await app.inject({
      method: 'POST',
      url: '/v1/tokens',
      ...alice,
      payload: { name: 'audit export', scopes: ['auditor'], days: 7 },
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

  it('refuses a token scope the creator does not act under', async () => {
    const { app } = await peopleApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: asRole('exporter'),
      payload: { name: 'x', scopes: ['administrator'] },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      error: { fields: [{ field: 'scopes' }] },
    });
  });

  it('lets auditors read but not change people, and keeps everyone else out', async () => {
    const { app } = await peopleApp();
    const change = await app.inject({
      method: 'POST',
      url: '/v1/users/erin/roles',
      headers: asRole('auditor'),
      payload: { roles: ['exporter'], reason: 'x' },
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
