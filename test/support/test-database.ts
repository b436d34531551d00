import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { migrateToLatest } from '../../src/adapters/db/migrator.ts';
import { openDatabase, type DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import { postgresAdminUrl, type TestEngine } from './engines.ts';

/** A migrated database of its own for one test file, on the engine asked for. Close it after. */
export async function openTestDatabase(engine: TestEngine): Promise<DatabaseConnection> {
  return engine === 'pglite' ? openPgliteCopy() : openPostgresScratch();
}

async function openPgliteCopy(): Promise<DatabaseConnection> {
  const template = inject('pgliteTemplate');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-test-'));
  fs.cpSync(template, dataDir, { recursive: true });
  fs.rmSync(path.join(dataDir, 'cordon.lock'), { force: true });
  const opened = await openDatabase({ engine: 'embedded', dataDir }, { command: 'test' });
  if (!opened.ok) throw new Error(opened.error.message);
  const connection = opened.value;
  return {
    ...connection,
    async close() {
      await connection.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function openPostgresScratch(): Promise<DatabaseConnection> {
  const adminUrl = postgresAdminUrl();
  const name = `cordon_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase(
    { engine: 'postgres', url: url.toString(), target: name },
    { command: 'test', poolSize: 4 },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  const migrated = await migrateToLatest(opened.value.db);
  if (!migrated.ok) throw new Error(migrated.error.message);
  const connection = opened.value;
  return {
    ...connection,
    async close() {
      await connection.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
