import { afterAll, describe } from 'vitest';
import { kyselyListSnapshotStore } from '../../src/adapters/db/kysely-list-snapshot-store.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { inMemoryListSnapshotStore } from '../fakes/in-memory-list-snapshot-store.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { listSnapshotStoreContract } from './list-snapshot-store.contract.ts';

describe('in memory', () => {
  listSnapshotStoreContract(() => Promise.resolve(inMemoryListSnapshotStore()));
});

describe.each(testEngines())('on %s', (engine) => {
  let connection: DatabaseConnection | undefined;
  afterAll(async () => {
    await connection?.close();
  });
  listSnapshotStoreContract(async () => {
    connection ??= await openTestDatabase(engine);
    await connection.db.deleteFrom('list_source_state').execute();
    await connection.db.deleteFrom('list_snapshot').execute();
    return kyselyListSnapshotStore(connection.db);
  });
});
