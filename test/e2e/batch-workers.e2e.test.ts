import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCordon } from '../support/cli-process.ts';
import { testEngines } from '../support/engines.ts';
import {
  batchResultsOverHttp,
  batchStatusOverHttp,
  chunksInProgress,
  crash,
  createTestDatabase,
  retriedChunkJobs,
  seedPeople,
  sleep,
  startApi,
  startWorker,
  storedResults,
  waitForBatch,
  writeCustomers,
  submitBatchOverHttp,
  type ApiInstance,
  type CordonChild,
  type TestDatabase,
} from './faults-harness.ts';

/** 10,000 by default (CI time); CORDON_BATCH_TEST_ROWS=200000 for the full acceptance run. */
const rowCount = Number(process.env['CORDON_BATCH_TEST_ROWS'] ?? 10_000);
const onPostgres = testEngines().includes('postgres');

describe.skipIf(!onPostgres)(
  'distributed batch screening in cluster mode (PostgreSQL only: set CORDON_TEST_DATABASE=postgres)',
  () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-batch-e2e-'));
    const children: CordonChild[] = [];
    let db: TestDatabase;
    let token = '';
    let apiA: ApiInstance;
    let apiB: ApiInstance;

    beforeAll(async () => {
      db = await createTestDatabase('cordon_batch');
      token = (await seedPeople(db.url, [['cw', 'caseworker']])).tokens['cw'] ?? '';
      // Two stateless API instances on one database, as behind a load balancer.
      [apiA, apiB] = await Promise.all([startApi(db.env), startApi(db.env)]);
      children.push(apiA, apiB);
    }, 300_000);

    afterAll(async () => {
      for (const child of children) child.child.kill('SIGKILL');
      await Promise.all(children.map((c) => c.exited));
      await db.drop();
      fs.rmSync(work, { recursive: true, force: true });
    });

    it(`screens ${rowCount.toLocaleString('en')} names submitted to one API instance on two workers, one killed with SIGKILL mid-way, with exactly one result per row read through the other instance`, async () => {
      const input = path.join(work, 'customers.csv');
      writeCustomers(input, rowCount);
      const workers = await Promise.all([startWorker(db.env), startWorker(db.env)]);
      children.push(...workers);

      const started = Date.now();
      const submitted = await submitBatchOverHttp(apiA, token, input, {
        column: 'name',
        countryColumn: 'country',
        referenceColumn: 'id',
        chunkSize: '250',
        chunkTimeout: '20',
      });
      expect(submitted).toMatchObject({ rows: rowCount, chunks: Math.ceil(rowCount / 250) });
      const { batchId } = submitted;

      // Kill one worker a third of the way through, while it is screening a chunk.
      while (
        (await storedResults(db, batchId)).results < rowCount / 3 ||
        (await chunksInProgress(db)) < 2
      ) {
        await sleep(20);
      }
      const [victim, survivor] = workers;
      await crash(victim);
      const atKill = (await storedResults(db, batchId)).results;
      expect(atKill).toBeLessThan(rowCount);

      // Progress is read through the other instance: nothing about a batch lives in a process.
      const status = await waitForBatch(
        () => batchStatusOverHttp(apiB, token, batchId),
        1_500_000,
        2_000,
      );
      const seconds = (Date.now() - started) / 1000;
      expect(status).toMatchObject({ status: 'done', rows: rowCount, rowsDone: rowCount });
      expect((await batchStatusOverHttp(apiA, token, batchId)).status).toBe('done');
      console.info(
        `batch of ${rowCount.toLocaleString('en')} rows: submitted and screened in ${seconds.toFixed(1)} s (${Math.round(rowCount / seconds).toLocaleString('en')} rows/s) on two workers, one killed at ${atKill.toLocaleString('en')} rows`,
      );

      expect(await storedResults(db, batchId)).toEqual({
        results: rowCount,
        distinctRows: rowCount,
        lo: 0,
        hi: rowCount - 1,
      });
      // The chunk the killed worker held was handed out again after it expired.
      expect(await retriedChunkJobs(db)).toBeGreaterThanOrEqual(1);

      const results = await batchResultsOverHttp(apiB, token, batchId);
      expect(results).toHaveLength(rowCount);
      const misplaced = results.filter((r, i) => r.row !== i || r.reference !== `c${String(i)}`);
      expect(misplaced).toEqual([]);
      // Every row has a name, so none is rejected.
      expect(results.filter((r) => r.kind === 'screened')).toHaveLength(rowCount);

      // The CLI reads the same results from the database.
      const out = path.join(work, 'results.jsonl');
      const exported = await runCordon(['batch', 'results', batchId, '--out', out], db.env);
      expect(exported.code, exported.stderr).toBe(0);
      expect(fs.readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(rowCount);

      survivor.child.kill('SIGTERM');
      expect(await survivor.exited).toBe(0);
    }, 1_800_000);
  },
);
