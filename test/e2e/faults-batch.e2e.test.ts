import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../support/engines.ts';
import { batchUnderConnectionKills } from './faults-batch-scenario.ts';
import {
  createTestDatabase,
  seedPeople,
  startApi,
  startWorker,
  type ApiInstance,
  type CordonChild,
  type TestDatabase,
} from './faults-harness.ts';

describe.skipIf(!testEngines().includes('postgres'))(
  'database connections killed during a batch (PostgreSQL only)',
  () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-fault-batch-'));
    const children: CordonChild[] = [];
    let db: TestDatabase;
    let token = '';
    let api: ApiInstance;

    beforeAll(async () => {
      db = await createTestDatabase('cordon_fault_batch');
      token = (await seedPeople(db.url, [['cw', 'caseworker']])).tokens['cw'] ?? '';
      api = await startApi(db.env);
      children.push(api);
    }, 300_000);

    afterAll(async () => {
      for (const child of children) child.child.kill('SIGKILL');
      await Promise.all(children.map((c) => c.exited));
      await db.drop();
      fs.rmSync(work, { recursive: true, force: true });
    });

    it('completes the batch with exactly one result per row when every connection to the database is terminated three times mid-way', async () => {
      const workers = await Promise.all([startWorker(db.env), startWorker(db.env)]);
      children.push(...workers);
      const report = await batchUnderConnectionKills({
        db,
        api,
        token,
        file: path.join(work, 'customers.csv'),
        rows: 4_000,
        kills: 3,
        timeoutMs: 300_000,
      });
      const crashed = [api, ...workers]
        .filter((c) => c.child.exitCode !== null || c.child.signalCode !== null)
        .map((c) => c.output());
      expect(crashed, 'no process died').toEqual([]);
      expect(report.status).toBe('done');
      expect(report.killedConnections.every((n) => n > 0)).toBe(true);
      expect(report.recoveryMs.every((ms) => ms >= 0)).toBe(true);
      expect(report.stored).toEqual({ results: 4_000, distinctRows: 4_000, lo: 0, hi: 3_999 });
      expect({ lost: report.lost, duplicated: report.duplicated }).toEqual({
        lost: 0,
        duplicated: 0,
      });
      expect(report.apiAnswersAfterwards).toBe(true);
    }, 900_000);
  },
);
