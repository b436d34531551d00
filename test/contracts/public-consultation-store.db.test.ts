import { afterAll, describe } from 'vitest';
import { kyselyAuditLog } from '../../src/adapters/db/kysely-audit-log.ts';
import { kyselyPublicConsultationStore } from '../../src/adapters/db/kysely-public-consultation-store.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { inMemoryAuditLog, testSha256 } from '../fakes/in-memory-audit-log.ts';
import { inMemoryPublicConsultationStore } from '../fakes/in-memory-public-consultation-store.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';
import {
  publicConsultationStoreClock,
  publicConsultationStoreContract,
} from './public-consultation-store.contract.ts';

describe('the public-consultation store in memory', () => {
  publicConsultationStoreContract(() => {
    const auditLog = inMemoryAuditLog(publicConsultationStoreClock);
    return Promise.resolve({ store: inMemoryPublicConsultationStore(auditLog), auditLog });
  });
});

describe.each(testEngines())('the public-consultation store on %s', (engine) => {
  let connection: DatabaseConnection | undefined;
  afterAll(async () => {
    await connection?.close();
  });
  publicConsultationStoreContract(async () => {
    connection ??= await openTestDatabase(engine);
    for (const table of [
      'public_consultation_attachment',
      'public_consultation_comment',
      'public_consultation',
      'audit_entry',
    ] as const) {
      await connection.db.deleteFrom(table).execute();
    }
    return {
      store: kyselyPublicConsultationStore(connection.db, publicConsultationStoreClock, testSha256),
      auditLog: kyselyAuditLog(connection.db, publicConsultationStoreClock, testSha256),
    };
  });
});
