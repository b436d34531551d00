import { afterAll, describe } from 'vitest';
import { kyselyAuditLog } from '../../src/adapters/db/kysely-audit-log.ts';
import { kyselyCaseStore } from '../../src/adapters/db/kysely-case-store.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { inMemoryAuditLog, testSha256 } from '../fakes/in-memory-audit-log.ts';
import { inMemoryCaseStore } from '../fakes/in-memory-case-store.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { caseStoreClock, caseStoreContract } from './case-store.contract.ts';

describe('the case store in memory', () => {
  caseStoreContract(() => {
    const auditLog = inMemoryAuditLog(caseStoreClock);
    return Promise.resolve({ store: inMemoryCaseStore(auditLog), auditLog });
  });
});

describe.each(testEngines())('the case store on %s', (engine) => {
  let connection: DatabaseConnection | undefined;
  afterAll(async () => {
    await connection?.close();
  });
  caseStoreContract(async () => {
    connection ??= await openTestDatabase(engine);
    for (const table of [
      'case_attachment',
      'case_alert',
      'case_document',
      'case_event',
      'licence_case',
      'case_reference_counter',
      'audit_entry',
    ] as const) {
      await connection.db.deleteFrom(table).execute();
    }
    return {
      store: kyselyCaseStore(connection.db, caseStoreClock, testSha256),
      auditLog: kyselyAuditLog(connection.db, caseStoreClock, testSha256),
    };
  });
});
