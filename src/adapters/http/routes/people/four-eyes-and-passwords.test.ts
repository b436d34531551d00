import { afterEach, describe, expect, it } from 'vitest';
import { testSha256 } from '../../../../../test/fakes/in-memory-audit-log.ts';
import { seedUser, testPeopleDeps } from '../../../../../test/fakes/people-deps.ts';
import { testAuthenticator } from '../../../../../test/fakes/test-authenticator.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import { sessionPrincipal } from '../../../../application/people/authenticate.ts';
import { addUser } from '../../../../application/people/manage-people.ts';
import type { Authenticator } from '../../auth/authenticator.ts';
import type { App } from '../../build-app.ts';

// Issue 18, findings 1 (one administrator gets round four-eyes) and 7 (lockout abuse, user
// enumeration, weak passwords, no way to change one's password), reproduced over HTTP.

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function peopleApp() {
  const { deps, audit, clock } = testPeopleDeps();
  const authority = await seedUser(deps, 'alice', ['administrator', 'auditor']);
  await seedUser(deps, 'sam', ['senior-officer']);
  const bearer = testAuthenticator();
  const authenticator: Authenticator = {
    bearer: (credential) => bearer.bearer(credential),
    session: (sessionId) => sessionPrincipal(deps, sessionId),
  };
  app = await buildTestApp({
    auth: { authenticator, people: deps, audit: { audit, sha256: testSha256 } },
  });
  return { app, deps, audit, clock, authority };
}

const firstAdmin = asRole('administrator');
const secondAdmin = asRole('administrator', 'org-second-admin');

const signIn = (app: App, username: string, password: string, remoteAddress = '192.0.2.10') =>
  app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { username, password },
    remoteAddress,
  });

async function session(app: App, username: string, password: string) {
  const response = await signIn(app, username, password);
  expect(response.statusCode, response.body).toBe(200);
  return {
    cookies: { cordon_session: response.cookies[0]?.value ?? '' },
    headers: { 'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken },
    body: response.json<{ principal: { passwordChangeRequired?: boolean } }>(),
  };
}

describe('one administrator cannot get round four-eyes (finding 1)', () => {
  it('refuses to mint a token acting as a senior officer', async () => {
    const { app, deps } = await peopleApp();
    const minted = await app.inject({
      method: 'POST',
      url: '/v1/tokens',
      headers: firstAdmin,
      payload: { username: 'sam', name: 'decide', scopes: ['senior-officer'] },
    });
    expect(minted.statusCode, minted.body).toBe(403);
    expect(minted.body).not.toMatch(/cdn_/);
    expect(await deps.store.listTokens()).toEqual([]);
  });

  it('refuses a password chosen by the administrator, and adds a senior officer only when a second administrator approves', async () => {
    const { app, deps, authority, audit } = await peopleApp();
    const chosen = await app.inject({
      method: 'POST',
      url: '/v1/users',
      headers: firstAdmin,
      payload: {
        username: 'sock',
        organisationId: authority.organisationId,
        roles: ['senior-officer'],
        password: 'chosen-by-the-administrator-1',
        reason: 'x',
      },
    });
    expect(chosen.statusCode).toBe(400);
    expect(chosen.json()).toMatchObject({ error: { fields: [{ field: 'body.password' }] } });
    expect(await deps.store.findCredentials('sock')).toBeUndefined();

    const asked = await app.inject({
      method: 'POST',
      url: '/v1/users',
      headers: firstAdmin,
      payload: {
        username: 'sock',
        organisationId: authority.organisationId,
        roles: ['senior-officer'],
        reason: 'Second senior officer for the surveillance desk',
      },
    });
    expect(asked.statusCode, asked.body).toBe(202);
    const { grant, requesterHalf } = asked.json<{
      grant: { id: string; status: string };
      requesterHalf: string;
    }>();
    expect(grant.status).toBe('pending');
    expect(await deps.store.findCredentials('sock')).toBeUndefined();

    const selfApproved = await app.inject({
      method: 'POST',
      url: `/v1/grants/${grant.id}/approve`,
      headers: firstAdmin,
    });
    expect(selfApproved.statusCode).toBe(403);
    expect(await deps.store.findCredentials('sock')).toBeUndefined();

    const approved = await app.inject({
      method: 'POST',
      url: `/v1/grants/${grant.id}/approve`,
      headers: secondAdmin,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const { approverHalf } = approved.json<{ approverHalf: string }>();
    expect((await deps.store.findCredentials('sock'))?.passwordHash).toBeNull();

    // Either administrator's half alone enrols nobody.
    for (const code of [`${requesterHalf}-${requesterHalf}`, `${approverHalf}-${approverHalf}`]) {
      const alone = await app.inject({
        method: 'POST',
        url: '/v1/auth/enrol',
        payload: { username: 'sock', code, newPassword: 'heron lantern quietly 7' },
      });
      expect(alone.statusCode).toBe(401);
    }
    const enrolled = await app.inject({
      method: 'POST',
      url: '/v1/auth/enrol',
      payload: {
        username: 'sock',
        code: `${requesterHalf}-${approverHalf}`,
        newPassword: 'heron lantern quietly 7',
      },
    });
    expect(enrolled.statusCode, enrolled.body).toBe(204);
    expect(
      (await session(app, 'sock', 'heron lantern quietly 7')).body.principal,
    ).not.toHaveProperty('passwordChangeRequired');
    expect(audit.entriesSoFar().map((e) => e.action)).toEqual(
      expect.arrayContaining(['grants.request', 'grants.approve', 'auth.enrolled']),
    );
  });

  it('adds a deciding role to a user only with a second administrator', async () => {
    const { app, deps } = await peopleApp();
    await seedUser(deps, 'cara', ['caseworker']);
    const asked = await app.inject({
      method: 'POST',
      url: '/v1/users/cara/roles',
      headers: firstAdmin,
      payload: { roles: ['senior-officer'], reason: 'Promotion' },
    });
    expect(asked.statusCode, asked.body).toBe(202);
    expect((await deps.store.findCredentials('cara'))?.user.roles).toEqual(['caseworker']);
    const id = asked.json<{ grant: { id: string } }>().grant.id;
    expect(
      (await app.inject({ method: 'POST', url: `/v1/grants/${id}/approve`, headers: firstAdmin }))
        .statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'POST', url: `/v1/grants/${id}/approve`, headers: secondAdmin }))
        .statusCode,
    ).toBe(200);
    expect((await deps.store.findCredentials('cara'))?.user.roles).toEqual([
      'caseworker',
      'senior-officer',
    ]);
  });
});

describe('passwords and sign-in (finding 7)', () => {
  it('cannot be turned into a lockout: failures from one address leave the owner at another untouched', async () => {
    const { app } = await peopleApp();
    for (let i = 0; i < 25; i += 1) await signIn(app, 'sam', 'guess', '203.0.113.66');
    const owner = await signIn(app, 'sam', 'correct horse battery', '198.51.100.7');
    expect(owner.statusCode).toBe(200);
    const attacker = await signIn(app, 'sam', 'correct horse battery', '203.0.113.66');
    expect(attacker.statusCode).toBe(429);
    expect(Number(attacker.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers the same for an unknown, a disabled and a slowed-down account', async () => {
    const { app, deps } = await peopleApp();
    await seedUser(deps, 'dora', ['caseworker']);
    await app.inject({
      method: 'PATCH',
      url: '/v1/users/dora',
      headers: firstAdmin,
      payload: { disabled: true },
    });
    const answer = async (username: string, password: string) => {
      const response = await signIn(app, username, password);
      const body = response.json<{ error: { code: string; message: string } }>();
      return [response.statusCode, body.error.code, body.error.message];
    };
    const unknown = await answer('nobody', 'guess');
    expect(await answer('dora', 'correct horse battery')).toEqual(unknown);
    expect(await answer('sam', 'guess')).toEqual(unknown);
    for (let i = 0; i < 6; i += 1) {
      await signIn(app, 'sam', 'guess');
      await signIn(app, 'nobody', 'guess');
    }
    expect(await answer('sam', 'correct horse battery')).toEqual(await answer('nobody', 'x'));
  });

  it('makes someone whose password another person set change it before anything else, and refuses weak ones', async () => {
    const { app, deps } = await peopleApp();
    const org = (await deps.store.listOrganisations())[0]!.id;
    const added = await addUser(
      deps,
      { actor: 'cli:root' },
      {
        username: 'olga',
        organisationId: org,
        roles: ['caseworker'],
        password: 'operator set this 42',
      },
    );
    expect(added.ok).toBe(true);
    const olga = await session(app, 'olga', 'operator set this 42');
    expect(olga.body.principal.passwordChangeRequired).toBe(true);
    const blocked = await app.inject({ method: 'GET', url: '/v1/lists', cookies: olga.cookies });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ error: { code: 'CORDON_PASSWORD_CHANGE_REQUIRED' } });
    const change = (newPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/auth/password',
        ...olga,
        payload: { currentPassword: 'operator set this 42', newPassword },
      });
    for (const weak of ['aaaaaaaaaaaa', 'Password2024!', 'olga-likes-long-walks']) {
      const refused = await change(weak);
      expect(refused.statusCode, weak).toBe(400);
      expect(refused.json()).toMatchObject({ error: { fields: [{ field: 'newPassword' }] } });
    }
    expect((await change('heron lantern quietly 7')).statusCode).toBe(204);
    const open = await app.inject({ method: 'GET', url: '/v1/lists', cookies: olga.cookies });
    expect(open.statusCode).toBe(200);
    expect((await signIn(app, 'olga', 'operator set this 42')).statusCode).toBe(401);
  });

  it('lets anyone change their own password, proving the current one', async () => {
    const { app } = await peopleApp();
    const sam = await session(app, 'sam', 'correct horse battery');
    const wrong = await app.inject({
      method: 'POST',
      url: '/v1/auth/password',
      ...sam,
      payload: { currentPassword: 'not it', newPassword: 'heron lantern quietly 7' },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({
      method: 'POST',
      url: '/v1/auth/password',
      ...sam,
      payload: { currentPassword: 'correct horse battery', newPassword: 'heron lantern quietly 7' },
    });
    expect(right.statusCode).toBe(204);
    expect((await signIn(app, 'sam', 'heron lantern quietly 7')).statusCode).toBe(200);
  });
});
