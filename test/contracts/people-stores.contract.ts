import { expect, it } from 'vitest';
import { login, tokenPrincipal } from '../../src/application/people/authenticate.ts';
import { decideGrant } from '../../src/application/people/decide-grant.ts';
import { enrolWithCode } from '../../src/application/people/enrol-with-code.ts';
import { createToken, revokeToken } from '../../src/application/people/manage-people.ts';
import type { PeopleDeps } from '../../src/application/people/people-deps.ts';
import { requestGrant } from '../../src/application/people/request-grant.ts';
import type { Principal } from '../../src/domain/people/people.ts';
import { fixedClock } from '../fakes/fixed-clock.ts';
import { seedUser } from '../fakes/people-deps.ts';

/** The clock the people contract's stores are built on. */
export const peopleClock = fixedClock('2026-11-29T09:00:00Z');
const clock = peopleClock;

/**
 * What every set of people stores (`PeopleStore`, `CredentialStore`, `GrantStore`,
 * `LoginFailureStore`) must do together, run on the fakes and on each database engine. `open`
 * gives empty stores in people deps whose clock is `peopleClock`.
 */
export function peopleStoresContract(open: () => Promise<PeopleDeps>): void {
  it('stores users, sessions and tokens, and counts failed sign-ins per name and address', async () => {
    const deps = await open();
    await seedUser(deps, 'carol', ['caseworker', 'auditor']);
    expect(await deps.store.countUsers()).toBe(1);
    const attempt = (password: string, address: string) =>
      login(deps, { username: 'carol', password, address });
    for (let i = 0; i < 5; i += 1) await attempt('no', '203.0.113.9');
    expect(await attempt('correct horse battery', '203.0.113.9')).toMatchObject({
      ok: false,
      error: { code: 'CORDON_RATE_LIMITED' },
    });
    // Another address is not slowed down: the failures elsewhere lock nobody out.
    expect((await attempt('correct horse battery', '198.51.100.7')).ok).toBe(true);
    await Promise.all(
      Array.from({ length: 4 }, () =>
        deps.loginFailures.recordFailure('k', clock.now(), new Date(0)),
      ),
    );
    expect(await deps.loginFailures.failuresOf('k')).toMatchObject({ failures: 4 });
    const token = await createToken(
      deps,
      { actor: 'test' },
      { username: 'carol', name: 'ci', scopes: ['auditor'] },
    );
    if (!token.ok) throw new Error(token.error.message);
    expect(await tokenPrincipal(deps, token.value.secret)).toMatchObject({
      ok: true,
      value: { username: 'carol', scopes: ['auditor'] },
    });
    expect((await revokeToken(deps, { actor: 'test' }, token.value.token.id)).ok).toBe(true);
    expect((await tokenPrincipal(deps, token.value.secret)).ok).toBe(false);
    expect(
      await deps.store.addUser({ ...(await deps.store.listUsers())[0]!, id: 'other' }, null),
    ).toBe(false);
  });

  it('adds a user only when a second administrator approves, who then enrols with both halves of the code', async () => {
    const deps = await open();
    const authority = await seedUser(deps, 'ann', ['administrator']);
    await seedUser(deps, 'ben', ['administrator']);
    const principal = async (username: string): Promise<Principal> => {
      const user = (await deps.store.findCredentials(username))!.user;
      return {
        userId: user.id,
        username,
        organisationId: user.organisationId,
        organisationKind: 'licensing-authority',
        roles: user.roles,
        via: 'test',
      };
    };
    const asked = await requestGrant(deps, await principal('ann'), {
      kind: 'add-user',
      username: 'sally',
      organisationId: authority.organisationId,
      roles: ['senior-officer'],
      reason: 'new senior officer',
    });
    if (!asked.ok) throw new Error(asked.error.message);
    expect(await deps.store.findCredentials('sally')).toBeUndefined();
    expect(
      await decideGrant(deps, await principal('ann'), asked.value.request.id, true),
    ).toMatchObject({ ok: false, error: { code: 'CORDON_FORBIDDEN' } });
    const approved = await decideGrant(deps, await principal('ben'), asked.value.request.id, true);
    if (!approved.ok) throw new Error(approved.error.message);
    expect((await deps.grants.getRequest(asked.value.request.id))?.status).toBe('approved');
    expect(
      await decideGrant(deps, await principal('ben'), asked.value.request.id, true),
    ).toMatchObject({ ok: false, error: { code: 'CORDON_GRANT_NOT_PENDING' } });
    const code = `${asked.value.requesterHalf ?? ''}-${approved.value.approverHalf ?? ''}`;
    const enrolled = await enrolWithCode(deps, {
      username: 'sally',
      code,
      newPassword: 'heron lantern quietly 7',
      address: '192.0.2.1',
    });
    expect(enrolled).toEqual({ ok: true, value: undefined });
    expect((await login(deps, { username: 'sally', password: 'heron lantern quietly 7' })).ok).toBe(
      true,
    );
    expect(
      (
        await enrolWithCode(deps, {
          username: 'sally',
          code,
          newPassword: 'another heron lantern 8',
          address: '192.0.2.1',
        })
      ).ok,
    ).toBe(false);
  });
}
