import { afterAll, describe } from 'vitest';
import { kyselyProposalStore } from '../../src/adapters/proposals/kysely-proposal-store.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { testSha256 } from '../fakes/in-memory-audit-log.ts';
import { inMemoryProposalStore } from '../fakes/in-memory-proposal-store.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { proposalStoreContract } from './proposal-store.contract.ts';

const clock = { now: () => new Date() };

describe('in memory', () => {
  proposalStoreContract(() => Promise.resolve(inMemoryProposalStore()));
});

describe.each(testEngines())('on %s', (engine) => {
  let connection: DatabaseConnection | undefined;
  afterAll(async () => {
    await connection?.close();
  });
  proposalStoreContract(async () => {
    connection ??= await openTestDatabase(engine);
    const { db } = connection;
    await db.deleteFrom('control_proposal').execute();
    await db.deleteFrom('control_proposal_position').execute();
    await db.deleteFrom('proposal_sync_gap_alert').execute();
    return kyselyProposalStore(db, clock, testSha256);
  });
});
