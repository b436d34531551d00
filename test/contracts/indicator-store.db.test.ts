import { afterAll, describe } from 'vitest';
import { kyselyIndicatorStore } from '../../src/adapters/db/kysely-indicator-store.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { inMemoryIndicatorStore } from '../fakes/in-memory-indicator-store.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { indicatorStoreContract } from './indicator-store.contract.ts';

describe('in memory', () => {
  indicatorStoreContract(() => Promise.resolve(inMemoryIndicatorStore()));
});

describe.each(testEngines())('on %s', (engine) => {
  let connection: DatabaseConnection | undefined;
  afterAll(async () => {
    await connection?.close();
  });
  indicatorStoreContract(async () => {
    connection ??= await openTestDatabase(engine);
    await connection.db.deleteFrom('indicator_value').execute();
    await connection.db.deleteFrom('indicator_dataset').execute();
    return kyselyIndicatorStore(connection.db);
  });
});
