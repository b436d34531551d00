import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyDatabaseHealth } from '../../src/adapters/db/database-health.ts';
import { ensureInstanceRecord, readInstanceRecord } from '../../src/adapters/db/instance-record.ts';
import { migrateToLatest, migrationStates } from '../../src/adapters/db/migrator.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { checkReadiness } from '../../src/application/health/check-readiness.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';

describe.each(testEngines())('the database on %s', (engine) => {
  let connection: DatabaseConnection;
  beforeAll(async () => {
    connection = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await connection.close();
  });

  it('has every migration applied, and migrating again changes nothing', async () => {
    const states = await migrationStates(connection.db);
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((m) => m.executedAt instanceof Date)).toBe(true);
    expect(await migrateToLatest(connection.db)).toEqual({ ok: true, value: [] });
  });

  it('is ready', async () => {
    expect(await checkReadiness(kyselyDatabaseHealth(connection.db))).toMatchObject({
      ready: true,
    });
  });

  it('writes the instance record once', async () => {
    const first = await ensureInstanceRecord(connection.db, '1.0.0+abc');
    const second = await ensureInstanceRecord(connection.db, '2.0.0');
    expect(second).toEqual(first);
    expect(await readInstanceRecord(connection.db)).toEqual(first);
  });

  it('rolls back a failed transaction completely', async () => {
    await expect(
      connection.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('cordon_instance')
          .values({ created_by_version: 'rolled-back' })
          .execute();
        await sql`select * from no_such_table`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '42P01' });
    const rows = await connection.db
      .selectFrom('cordon_instance')
      .where('created_by_version', '=', 'rolled-back')
      .selectAll()
      .execute();
    expect(rows).toEqual([]);
  });
});
