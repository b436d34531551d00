import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kyselyAuditLog } from '../../src/adapters/db/kysely-audit-log.ts';
import { kyselyCredentialStore } from '../../src/adapters/db/kysely-credential-store.ts';
import { kyselyGrantStore } from '../../src/adapters/db/kysely-grant-store.ts';
import { kyselyLoginFailureStore } from '../../src/adapters/db/kysely-login-failure-store.ts';
import { kyselyPeopleStore } from '../../src/adapters/db/kysely-people-store.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { scryptPasswordHasher } from '../../src/adapters/runtime/scrypt-password-hasher.ts';
import { randomSecrets } from '../../src/adapters/runtime/random-secrets.ts';
import { verifyAuditTrail, exportAudit } from '../../src/application/audit/verify-audit.ts';
import { login, tokenPrincipal } from '../../src/application/people/authenticate.ts';
import { createToken, revokeToken } from '../../src/application/people/manage-people.ts';
import { decideGrant } from '../../src/application/people/decide-grant.ts';
import { enrolWithCode } from '../../src/application/people/enrol-with-code.ts';
import { requestGrant } from '../../src/application/people/request-grant.ts';
import type { Principal } from '../../src/domain/people/people.ts';
import type { PeopleDeps } from '../../src/application/people/people-deps.ts';
import { verifyChain } from '../../src/domain/audit/audit-chain.ts';
import { fixedClock } from '../fakes/fixed-clock.ts';
import { testSha256 } from '../fakes/in-memory-audit-log.ts';
import { seedUser } from '../fakes/people-deps.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';

describe.each(testEngines())('people and audit on %s', (engine) => {
  let connection: DatabaseConnection;
  let deps: PeopleDeps;
  const clock = fixedClock('2026-11-29T09:00:00Z');

  beforeAll(async () => {
    connection = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await connection.close();
  });
  beforeEach(async () => {
    for (const table of [
      'enrolment',
      'grant_request',
      'login_failure',
      'web_session',
      'api_token',
      'app_user',
      'organisation',
      'audit_entry',
    ] as const) {
      await connection.db.deleteFrom(table).execute();
    }
    deps = {
      store: kyselyPeopleStore(connection.db),
      credentials: kyselyCredentialStore(connection.db),
      grants: kyselyGrantStore(connection.db, clock, testSha256),
      loginFailures: kyselyLoginFailureStore(connection.db),
      commonPasswords: new Set(['password']),
      passwords: scryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 }),
      secrets: randomSecrets,
      clock,
      audit: kyselyAuditLog(connection.db, clock, testSha256),
      sha256: testSha256,
    };
  });

  it('stores users, sessions and tokens, and counts failed sign-ins per name and address', async () => {
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

  async function trailOf(count: number) {
    for (let i = 0; i < count; i += 1) {
      await deps.audit.append({
        actor: 'user:carol',
        action: 'cases.read',
        objectType: 'case',
        objectId: `C-${String(i + 1)}`,
        details: { i, note: 'ünïcode ✓' },
      });
    }
  }

  it('appends a chain that verifies, and exports an extract that verifies on its own', async () => {
    await trailOf(6);
    expect(await verifyAuditTrail(deps.audit, testSha256)).toMatchObject({
      intact: true,
      entries: 6,
    });
    const extract = await exportAudit(deps.audit, { fromSeq: 3 });
    expect(extract.entries.map((e) => e.seq)).toEqual([3, 4, 5, 6]);
    expect(verifyChain(extract.entries, testSha256, extract.anchor).intact).toBe(true);
  });

  it('names a row edited directly in the database', async () => {
    await trailOf(5);
    await sql`update audit_entry set actor = 'user:mallory' where seq = 3`.execute(connection.db);
    expect(await verifyAuditTrail(deps.audit, testSha256)).toMatchObject({
      intact: false,
      brokenAtSeq: 3,
    });
  });

  it('names the row after one deleted directly in the database', async () => {
    await trailOf(5);
    await sql`delete from audit_entry where seq = 2`.execute(connection.db);
    expect(await verifyAuditTrail(deps.audit, testSha256)).toMatchObject({
      intact: false,
      brokenAtSeq: 3,
    });
  });

  it('names rows reordered directly in the database', async () => {
    await trailOf(5);
    await connection.db.transaction().execute(async (trx) => {
      await sql`update audit_entry set seq = -2 where seq = 2`.execute(trx);
      await sql`update audit_entry set seq = 2 where seq = 4`.execute(trx);
      await sql`update audit_entry set seq = 4 where seq = -2`.execute(trx);
    });
    expect(await verifyAuditTrail(deps.audit, testSha256)).toMatchObject({
      intact: false,
      brokenAtSeq: 2,
    });
  });

  it('keeps one chain when appends race', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        deps.audit.append({
          actor: 'system',
          action: 'test.race',
          objectType: 't',
          objectId: String(i),
        }),
      ),
    );
    expect(await verifyAuditTrail(deps.audit, testSha256)).toMatchObject({
      intact: true,
      entries: 20,
    });
  });

  it('keeps one chain when two instances group-commit at once, each append resolving with its own entry', async () => {
    const other = kyselyAuditLog(connection.db, clock, testSha256);
    const appended = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        (i % 2 === 0 ? deps.audit : other).append({
          actor: 'system',
          action: 'test.group',
          objectType: 't',
          objectId: String(i),
        }),
      ),
    );
    expect(appended.map((entry) => entry.objectId)).toEqual(
      Array.from({ length: 60 }, (_, i) => String(i)),
    );
    expect(new Set(appended.map((entry) => entry.seq)).size).toBe(60);
    expect(await verifyAuditTrail(deps.audit, testSha256)).toMatchObject({
      intact: true,
      entries: 60,
    });
  });
});
