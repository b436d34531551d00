import { afterAll, describe } from 'vitest';
import { kyselyExchangeStore } from '../../src/adapters/exchange/kysely-exchange-store.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { testSha256 } from '../fakes/in-memory-audit-log.ts';
import { inMemoryExchangeStore } from '../fakes/in-memory-exchange-store.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { exchangeStoreContract } from './exchange-store.contract.ts';

const clock = { now: () => new Date() };

describe('in memory', () => {
  exchangeStoreContract(() => Promise.resolve(inMemoryExchangeStore(clock.now)));
});

describe.each(testEngines())('on %s', (engine) => {
  let connection: DatabaseConnection | undefined;
  afterAll(async () => {
    await connection?.close();
  });
  exchangeStoreContract(async () => {
    connection ??= await openTestDatabase(engine);
    const { db } = connection;
    await db.deleteFrom('exchange_partner_key').execute();
    await db.deleteFrom('exchange_partner').execute();
    await db.deleteFrom('exchange_outbox').execute();
    await db.deleteFrom('exchange_inbox').execute();
    await db.deleteFrom('exchange_rejected').execute();
    await db.deleteFrom('exchange_denial').execute();
    await db.deleteFrom('exchange_consultation').execute();
    await db.deleteFrom('exchange_alert').execute();
    return kyselyExchangeStore(db, clock, testSha256);
  });
});
