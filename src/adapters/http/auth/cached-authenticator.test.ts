import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../domain/people/people.ts';
import { cordonError } from '../../../domain/shared/errors.ts';
import { err, ok } from '../../../domain/shared/result.ts';
import type { Authenticator } from './authenticator.ts';
import { cachedAuthenticator } from './cached-authenticator.ts';

const principal: Principal = {
  userId: 'u1',
  username: 'erp',
  organisationId: 'org-a',
  organisationKind: 'exporter',
  roles: ['exporter'],
  via: 'token:t1',
};

/** An authenticator that accepts `good` until it is revoked, and counts its lookups. */
function countingAuthenticator() {
  const state = { lookups: 0, sessionLookups: 0, revoked: false };
  const inner: Authenticator = {
    bearer: (credential) => {
      state.lookups += 1;
      return Promise.resolve(
        credential === 'good' && !state.revoked
          ? ok(principal)
          : err(cordonError('CORDON_UNAUTHENTICATED', 'The API token is not valid.')),
      );
    },
    session: () => {
      state.sessionLookups += 1;
      return Promise.resolve({ principal, csrfToken: 'csrf' });
    },
  };
  return { inner, state };
}

describe(cachedAuthenticator.name, () => {
  it('believes a verified token for the time-to-live, then asks again and sees a revocation', async () => {
    const { inner, state } = countingAuthenticator();
    let now = 1_000;
    const cached = cachedAuthenticator(inner, { ttlMs: 5_000, now: () => now });
    expect(await cached.bearer('good')).toEqual(ok(principal));
    expect(await cached.bearer('good')).toEqual(ok(principal));
    expect(state.lookups).toBe(1);
    state.revoked = true;
    now += 5_000;
    expect((await cached.bearer('good')).ok).toBe(false);
    expect(state.lookups).toBe(2);
  });

  it('never remembers a refusal, never caches sessions, and forgets everything on clear()', async () => {
    const { inner, state } = countingAuthenticator();
    const cached = cachedAuthenticator(inner, { ttlMs: 5_000, now: () => 0 });
    await cached.bearer('bad');
    await cached.bearer('bad');
    expect(state.lookups).toBe(2);
    await cached.session('s');
    await cached.session('s');
    expect(state.sessionLookups).toBe(2);
    await cached.bearer('good');
    state.revoked = true;
    cached.clear();
    expect((await cached.bearer('good')).ok).toBe(false);
  });

  it('remembers at most maxEntries credentials, and nothing with a zero time-to-live', async () => {
    const { inner, state } = countingAuthenticator();
    const off = cachedAuthenticator(inner, { ttlMs: 0, now: () => 0 });
    await off.bearer('good');
    await off.bearer('good');
    expect(state.lookups).toBe(2);
    const accepting: Authenticator = { ...inner, bearer: () => Promise.resolve(ok(principal)) };
    let calls = 0;
    const small = cachedAuthenticator(
      {
        ...accepting,
        bearer: (c) => {
          calls += 1;
          return accepting.bearer(c);
        },
      },
      { ttlMs: 5_000, maxEntries: 2, now: () => 0 },
    );
    for (const credential of ['a', 'b', 'c', 'a']) await small.bearer(credential);
    expect(calls).toBe(4); // 'a' was forgotten when 'c' came in
  });
});
