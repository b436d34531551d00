import { afterAll, describe } from 'vitest';
import { kyselyNotificationStore } from '../../src/adapters/db/kysely-notification-store.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { inMemoryNotificationStore } from '../fakes/in-memory-notification-store.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { notificationStoreContract } from './notification-store.contract.ts';

describe('in memory', () => {
  notificationStoreContract(() => Promise.resolve(inMemoryNotificationStore()));
});

describe.each(testEngines())('on %s', (engine) => {
  let connection: DatabaseConnection | undefined;
  afterAll(async () => {
    await connection?.close();
  });
  notificationStoreContract(async () => {
    connection ??= await openTestDatabase(engine);
    await connection.db.deleteFrom('notification_read').execute();
    await connection.db.deleteFrom('notification').execute();
    return kyselyNotificationStore(connection.db);
  });
});
