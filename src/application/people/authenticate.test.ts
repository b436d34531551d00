import { describe, expect, it } from 'vitest';
import { seedUser, testPeopleDeps } from '../../../test/fakes/people-deps.ts';
import { expectErr, expectOk } from '../../../test/support/expect-result.ts';
import { login, sessionPrincipal, tokenPrincipal } from './authenticate.ts';
import {
  addUser,
  bootstrapAdministrator,
  createToken,
  revokeToken,
  setUserDisabled,
} from './manage-people.ts';

const admin = { actor: 'user:admin' };

describe('password login', () => {
  it('opens a session whose cookie resolves to the user, and audits it', async () => {
    const { deps, audit } = testPeopleDeps();
    await seedUser(deps, 'carol', ['caseworker']);
    const session = await login(deps, { username: 'carol', password: 'correct horse battery' });
    expect(session.ok).toBe(true);
    if (!session.ok) return;
    const resolved = await sessionPrincipal(deps, session.value.sessionId);
    expect(resolved?.principal).toMatchObject({ username: 'carol', roles: ['caseworker'] });
    expect(resolved?.csrfToken).toBe(session.value.csrfToken);
    expect(audit.entriesSoFar().map((e) => e.action)).toContain('auth.login');
  });

  it('says the same for an unknown, a disabled and a not yet enrolled user and a wrong password, after the same hash check', async () => {
    const { deps } = testPeopleDeps();
    await seedUser(deps, 'carol', ['caseworker']);
    await seedUser(deps, 'dora', ['caseworker']);
    await setUserDisabled(deps, admin, 'dora', true);
    let checks = 0;
    const counted = {
      ...deps,
      passwords: {
        hash: deps.passwords.hash.bind(deps.passwords),
        verify: (password: string, hash: string) => {
          checks += 1;
          return deps.passwords.verify(password, hash);
        },
      },
    };
    const answers = [];
    for (const [username, password] of [
      ['nobody', 'x'],
      ['carol', 'wrong'],
      ['dora', 'correct horse battery'],
    ] as const) {
      const before = checks;
      answers.push(await login(counted, { username, password, address: '192.0.2.1' }));
      expect(checks - before, username).toBe(1);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ ok: false, error: { code: 'CORDON_UNAUTHENTICATED' } });
  });

  it('slows down one address after five failures at a name, never the account elsewhere, and the same for names that do not exist', async () => {
    const { deps, clock } = testPeopleDeps();
    await seedUser(deps, 'carol', ['caseworker']);
    const attempt = (username: string, password: string, address: string) =>
      login(deps, { username, password, address });
    for (let i = 0; i < 5; i += 1) {
      await attempt('carol', 'wrong', '203.0.113.66');
      await attempt('nobody', 'wrong', '203.0.113.66');
    }
    const slowed = await attempt('carol', 'correct horse battery', '203.0.113.66');
    const slowedUnknown = await attempt('nobody', 'wrong', '203.0.113.66');
    expect(slowed).toMatchObject({ ok: false, error: { code: 'CORDON_RATE_LIMITED' } });
    expect(slowedUnknown).toMatchObject({ ok: false, error: { code: 'CORDON_RATE_LIMITED' } });
    expect(expectErr(slowed).retryAt).toEqual(new Date(clock.now().getTime() + 2000));
    // The owner, from their own address, signs in at once: nobody can lock them out.
    expect((await attempt('carol', 'correct horse battery', '198.51.100.1')).ok).toBe(true);
    clock.advance(2001);
    expect((await attempt('carol', 'correct horse battery', '203.0.113.66')).ok).toBe(true);
  });

  it('refuses a disabled user and ends their sessions', async () => {
    const { deps } = testPeopleDeps();
    await seedUser(deps, 'carol', ['caseworker']);
    const session = expectOk(
      await login(deps, { username: 'carol', password: 'correct horse battery' }),
    );
    expect(await sessionPrincipal(deps, session.sessionId)).toBeDefined();
    await setUserDisabled(deps, admin, 'carol', true);
    expect((await login(deps, { username: 'carol', password: 'correct horse battery' })).ok).toBe(
      false,
    );
    expect(await sessionPrincipal(deps, session.sessionId)).toBeUndefined();
  });

  it('expires sessions after their lifetime', async () => {
    const { deps, clock } = testPeopleDeps();
    await seedUser(deps, 'carol', ['caseworker']);
    const session = expectOk(
      await login(deps, { username: 'carol', password: 'correct horse battery' }),
    );
    clock.advance(8 * 3_600_000 - 1);
    expect(await sessionPrincipal(deps, session.sessionId)).toBeDefined();
    clock.advance(2);
    expect(await sessionPrincipal(deps, session.sessionId)).toBeUndefined();
  });
});

describe('API tokens', () => {
  it('authenticate with their scopes only, until revoked', async () => {
    const { deps, audit } = testPeopleDeps();
    await seedUser(deps, 'dave', ['caseworker', 'auditor']);
    const created = await createToken(deps, admin, {
      username: 'dave',
      name: 'ci',
      scopes: ['auditor'],
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const principal = await tokenPrincipal(deps, created.value.secret);
    expect(principal).toMatchObject({ ok: true, value: { username: 'dave', scopes: ['auditor'] } });
    // The stored hash is not the secret.
    const stored = await deps.store.findToken(created.value.token.id);
    expect(created.value.secret).not.toContain(stored?.secretHash ?? 'none');
    await revokeToken(deps, admin, created.value.token.id);
    expect(await tokenPrincipal(deps, created.value.secret)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/revoked/) as unknown },
    });
    expect(audit.entriesSoFar().map((e) => e.action)).toEqual(
      expect.arrayContaining(['tokens.create', 'tokens.revoke']),
    );
  });

  it('expire after their lifetime', async () => {
    const { deps, clock } = testPeopleDeps();
    await seedUser(deps, 'dave', ['caseworker']);
    const created = await createToken(deps, admin, { username: 'dave', name: 'ci', days: 1 });
    if (!created.ok) throw new Error('token not created');
    clock.advance(86_400_000);
    expect(await tokenPrincipal(deps, created.value.secret)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/expired/) as unknown },
    });
  });

  it('cannot carry a scope the user does not hold, and a guessed secret fails', async () => {
    const { deps } = testPeopleDeps();
    await seedUser(deps, 'dave', ['caseworker']);
    expect(
      await createToken(deps, admin, { username: 'dave', name: 'x', scopes: ['administrator'] }),
    ).toMatchObject({ ok: false, error: { fields: [{ field: 'scopes' }] } });
    const created = await createToken(deps, admin, { username: 'dave', name: 'ci' });
    if (!created.ok) throw new Error('token not created');
    const forged = created.value.secret.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await tokenPrincipal(deps, forged)).ok).toBe(false);
  });
});

describe('users and the first administrator', () => {
  it('lists every problem of a new user at once', async () => {
    const { deps } = testPeopleDeps();
    const { organisationId } = await seedUser(deps, 'exp', ['exporter'], 'exporter');
    const result = await addUser(deps, admin, {
      username: 'Bad Name',
      organisationId,
      roles: ['senior-officer', 'wizard'],
      password: 'short',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        fields: [
          { field: 'username' },
          { field: 'roles', problem: expect.stringMatching(/exporter organisation/) as unknown },
          { field: 'roles', problem: expect.stringMatching(/wizard is not a role/) as unknown },
          { field: 'password', problem: 'must have at least 12 characters' },
          { field: 'password', problem: expect.stringMatching(/common password/) as unknown },
        ],
      },
    });
  });

  it('creates the first administrator once, with a generated one-time password to change at first sign-in', async () => {
    const { deps } = testPeopleDeps();
    const first = await bootstrapAdministrator(deps, {});
    expect(first).toMatchObject({
      ok: true,
      value: { username: 'admin', password: expect.any(String) as unknown },
    });
    expect(await bootstrapAdministrator(deps, {})).toEqual({ ok: true, value: undefined });
    const password = first.ok ? (first.value?.password ?? '') : '';
    const session = await login(deps, { username: 'admin', password });
    expect(session).toMatchObject({
      ok: true,
      value: { principal: { passwordChangeRequired: true } },
    });
  });
});
