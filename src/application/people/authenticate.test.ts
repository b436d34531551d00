import { describe, expect, it } from 'vitest';
import { seedUser, testPeopleDeps } from '../../../test/fakes/people-deps.ts';
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

  it('says the same for an unknown user and a wrong password', async () => {
    const { deps } = testPeopleDeps();
    await seedUser(deps, 'carol', ['caseworker']);
    const unknown = await login(deps, { username: 'nobody', password: 'x' });
    const wrong = await login(deps, { username: 'carol', password: 'wrong' });
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'CORDON_UNAUTHENTICATED' } });
  });

  it('locks the account after five wrong passwords, even against the right one, until the lock ends', async () => {
    const { deps, clock } = testPeopleDeps();
    await seedUser(deps, 'carol', ['caseworker']);
    for (let i = 0; i < 5; i += 1) await login(deps, { username: 'carol', password: 'wrong' });
    const locked = await login(deps, { username: 'carol', password: 'correct horse battery' });
    expect(locked).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/locked until/) as unknown },
    });
    clock.advance(16 * 60_000);
    expect((await login(deps, { username: 'carol', password: 'correct horse battery' })).ok).toBe(
      true,
    );
  });

  it('refuses a disabled user and ends their sessions', async () => {
    const { deps } = testPeopleDeps();
    await seedUser(deps, 'carol', ['caseworker']);
    const session = await login(deps, { username: 'carol', password: 'correct horse battery' });
    await setUserDisabled(deps, admin, 'carol', true);
    expect((await login(deps, { username: 'carol', password: 'correct horse battery' })).ok).toBe(
      false,
    );
    if (session.ok) expect(await sessionPrincipal(deps, session.value.sessionId)).toBeUndefined();
  });

  it('expires sessions after their lifetime', async () => {
    const { deps, clock } = testPeopleDeps();
    await seedUser(deps, 'carol', ['caseworker']);
    const session = await login(deps, { username: 'carol', password: 'correct horse battery' });
    clock.advance(8 * 3_600_000 + 1);
    if (session.ok) expect(await sessionPrincipal(deps, session.value.sessionId)).toBeUndefined();
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
          { field: 'password' },
        ],
      },
    });
  });

  it('creates the first administrator once, with a generated one-time password', async () => {
    const { deps } = testPeopleDeps();
    const first = await bootstrapAdministrator(deps, {});
    expect(first).toMatchObject({
      ok: true,
      value: { username: 'admin', password: expect.any(String) as unknown },
    });
    expect(await bootstrapAdministrator(deps, {})).toEqual({ ok: true, value: undefined });
    const password = first.ok ? (first.value?.password ?? '') : '';
    expect((await login(deps, { username: 'admin', password })).ok).toBe(true);
  });
});
