import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCordon, startCordonServer } from '../support/cli-process.ts';
import { postgresAdminUrl, testEngines } from '../support/engines.ts';

describe.runIf(testEngines().includes('postgres'))('cordon on PostgreSQL', () => {
  const name = `cordon_e2e_${randomBytes(4).toString('hex')}`;
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString() };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('is not ready before `cordon db migrate`, and ready after it', async () => {
    const before = await startCordonServer(env);
    const notReady = await fetch(`${before.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await before.stop()).toBe(0);

    const migrate = await runCordon(['db', 'migrate'], env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('Applied');

    const server = await startCordonServer(env);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(await server.stop()).toBe(0);
  });
});
