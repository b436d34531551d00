import { afterAll, describe } from 'vitest';
import { kyselyCaseStore } from '../../src/adapters/db/kysely-case-store.ts';
import { kyselyNotificationStore } from '../../src/adapters/db/kysely-notification-store.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { inMemoryAuditLog, testSha256 } from '../fakes/in-memory-audit-log.ts';
import { fixedClock } from '../fakes/fixed-clock.ts';
import { inMemoryCaseStore } from '../fakes/in-memory-case-store.ts';
import { inMemoryNotificationStore } from '../fakes/in-memory-notification-store.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { caseNotificationsContract } from './case-notifications.contract.ts';

describe('case notifications in memory', () => {
  caseNotificationsContract(() => {
    const notifications = inMemoryNotificationStore();
    const store = inMemoryCaseStore(inMemoryAuditLog(fixedClock()), notifications);
    return Promise.resolve({ store, notifications });
  });
});

describe.each(testEngines())('case notifications on %s', (engine) => {
  let connection: DatabaseConnection | undefined;
  afterAll(async () => {
    await connection?.close();
  });
  caseNotificationsContract(async () => {
    connection ??= await openTestDatabase(engine);
    for (const table of [
      'notification_read',
      'notification',
      'case_event',
      'licence_case',
      'audit_entry',
    ] as const) {
      await connection.db.deleteFrom(table).execute();
    }
    return {
      store: kyselyCaseStore(connection.db, fixedClock(), testSha256),
      notifications: kyselyNotificationStore(connection.db),
    };
  });
});
