import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { kyselyAuditWitnessStore } from '../../src/adapters/exchange/kysely-audit-witness-store.ts';
import { kyselyAuditLog } from '../../src/adapters/db/kysely-audit-log.ts';
import { kyselyCredentialStore } from '../../src/adapters/db/kysely-credential-store.ts';
import { kyselyGrantStore } from '../../src/adapters/db/kysely-grant-store.ts';
import { kyselyLoginFailureStore } from '../../src/adapters/db/kysely-login-failure-store.ts';
import { kyselyPeopleStore } from '../../src/adapters/db/kysely-people-store.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { scryptPasswordHasher } from '../../src/adapters/runtime/scrypt-password-hasher.ts';
import { randomSecrets } from '../../src/adapters/runtime/random-secrets.ts';
import { verifyAuditTrail } from '../../src/application/audit/verify-audit.ts';
import type { PeopleDeps } from '../../src/application/people/people-deps.ts';
import { inMemoryAuditLog, testSha256 } from '../fakes/in-memory-audit-log.ts';
import { inMemoryAuditWitnessStore } from '../fakes/in-memory-audit-witness-store.ts';
import { inMemoryPeopleStores } from '../fakes/in-memory-people-store.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { auditLogContract } from './audit-log.contract.ts';
import { auditWitnessStoreContract } from './audit-witness-store.contract.ts';
import { peopleClock, peopleStoresContract } from './people-stores.contract.ts';

const clock = peopleClock;
const cheapScrypt = scryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

describe('people and audit in memory', () => {
  describe('the people stores', () => {
    peopleStoresContract(() => {
      const audit = inMemoryAuditLog(clock);
      return Promise.resolve({
        ...inMemoryPeopleStores(audit),
        commonPasswords: new Set(['password']),
        passwords: cheapScrypt,
        secrets: randomSecrets,
        clock,
        audit,
        sha256: testSha256,
      });
    });
  });
  describe('the audit log', () => {
    auditLogContract(() => Promise.resolve(inMemoryAuditLog(clock)));
  });
  describe('the audit witness store', () => {
    auditWitnessStoreContract(() => Promise.resolve(inMemoryAuditWitnessStore()));
  });
});

describe.each(testEngines())('people and audit on %s', (engine) => {
  let connection: DatabaseConnection;
  let deps: PeopleDeps;

  const emptyDeps = async (): Promise<PeopleDeps> => {
    for (const table of [
      'enrolment',
      'grant_request',
      'login_failure',
      'web_session',
      'api_token',
      'app_user',
      'organisation',
      'audit_entry',
      'exchange_audit_witness',
    ] as const) {
      await connection.db.deleteFrom(table).execute();
    }
    return {
      store: kyselyPeopleStore(connection.db),
      credentials: kyselyCredentialStore(connection.db),
      grants: kyselyGrantStore(connection.db, clock, testSha256),
      loginFailures: kyselyLoginFailureStore(connection.db),
      commonPasswords: new Set(['password']),
      passwords: cheapScrypt,
      secrets: randomSecrets,
      clock,
      audit: kyselyAuditLog(connection.db, clock, testSha256),
      sha256: testSha256,
    };
  };

  beforeAll(async () => {
    connection = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await connection.close();
  });

  describe('the people stores', () => {
    peopleStoresContract(emptyDeps);
  });
  describe('the audit log', () => {
    auditLogContract(async () => (await emptyDeps()).audit);
  });
  describe('the audit witness store', () => {
    auditWitnessStoreContract(async () => {
      await emptyDeps();
      return kyselyAuditWitnessStore(connection.db);
    });
  });

  describe('against tampering and concurrent writers', () => {
    beforeEach(async () => {
      deps = await emptyDeps();
    });

    async function trailOf(count: number) {
      for (let i = 0; i < count; i += 1) {
        await deps.audit.append({
          actor: 'user:carol',
          action: 'cases.read',
          objectType: 'case',
          objectId: `C-${String(i + 1)}`,
        });
      }
    }

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
});
