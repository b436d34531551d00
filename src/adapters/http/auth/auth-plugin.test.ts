import { afterEach, describe, expect, it } from 'vitest';
import { testSha256 } from '../../../../test/fakes/in-memory-audit-log.ts';
import { seedUser, testPeopleDeps } from '../../../../test/fakes/people-deps.ts';
import { buildTestApp } from '../../../../test/support/test-app.ts';
import { createToken } from '../../../application/people/manage-people.ts';
import { authenticatorFor } from '../../../main/people-wiring.ts';
import type { App } from '../build-app.ts';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** An app whose credentials are Cordon's own (sessions and API tokens), on in-memory stores. */
async function realAuthApp() {
  const people = testPeopleDeps();
  const app = await buildTestApp({
    auth: {
      authenticator: authenticatorFor(people.deps),
      people: people.deps,
      audit: { audit: people.audit, sha256: testSha256 },
    },
  });
  apps.push(app);
  return { app, ...people };
}

const signIn = async (app: App, username: string, password = 'correct horse battery') =>
  app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username, password } });

describe('authentication over HTTP', () => {
  it('signs in with a strict HttpOnly session cookie and a CSRF token', async () => {
    const { app, deps } = await realAuthApp();
    await seedUser(deps, 'carol', ['caseworker']);
    const response = await signIn(app, 'carol');
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'cordon_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await app.inject({
      url: '/v1/auth/me',
      cookies: { cordon_session: cookie?.value ?? '' },
    });
    expect(me.json()).toMatchObject({ username: 'carol', roles: ['caseworker'] });
  });

  it('refuses an unsafe request with the session cookie but without its CSRF token', async () => {
    const { app, deps } = await realAuthApp();
    await seedUser(deps, 'carol', ['caseworker']);
    const session = await signIn(app, 'carol');
    const cookies = { cordon_session: session.cookies[0]?.value ?? '' };
    const csrfToken = session.json<{ csrfToken: string }>().csrfToken;
    const without = await app.inject({ method: 'POST', url: '/v1/auth/logout', cookies });
    expect(without.statusCode).toBe(403);
    const withToken = await app.inject({
      method: 'POST',
      url: '/v1/auth/logout',
      cookies,
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(withToken.statusCode).toBe(204);
    expect((await app.inject({ url: '/v1/auth/me', cookies })).statusCode).toBe(401);
  });

  it("authenticates API tokens, within the token's scopes", async () => {
    const { app, deps } = await realAuthApp();
    await seedUser(deps, 'aud', ['auditor', 'caseworker']);
    const token = await createToken(
      deps,
      { actor: 'test' },
      {
        username: 'aud',
        name: 'ci',
        scopes: ['caseworker'],
      },
    );
    if (!token.ok) throw new Error(token.error.message);
    const authorization = `Bearer ${token.value.secret}`;
    expect((await app.inject({ url: '/v1/lists', headers: { authorization } })).statusCode).toBe(
      200,
    );
    // The user is an auditor, but this token was not scoped for it.
    expect((await app.inject({ url: '/v1/audit', headers: { authorization } })).statusCode).toBe(
      403,
    );
  });

  it('records changes and sensitive reads in the audit trail, which verifies', async () => {
    const { app, deps, audit } = await realAuthApp();
    await seedUser(deps, 'aud', ['auditor']);
    const token = await createToken(deps, { actor: 'test' }, { username: 'aud', name: 'ci' });
    if (!token.ok) throw new Error(token.error.message);
    const headers = { authorization: `Bearer ${token.value.secret}` };
    expect((await app.inject({ url: '/v1/audit', headers })).statusCode).toBe(200);
    const reads = audit.entriesSoFar().filter((e) => e.action === 'http.get');
    expect(reads).toMatchObject([{ actor: 'user:aud', objectId: '/v1/audit' }]);
    const verdict = await app.inject({ url: '/v1/audit/verify', headers });
    expect(verdict.json()).toMatchObject({ intact: true });
  });

  it('sends security headers and never a stack trace', async () => {
    const { app } = await realAuthApp();
    const response = await app.inject({ url: '/v1/lists' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });
});
