import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCordon } from '../support/cli-process.ts';
import { testEngines } from '../support/engines.ts';
import {
  batchResultsOverHttp,
  batchStatusOverHttp,
  crashMidChunk,
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
import { importDeniedPersonsUpdate } from '../factories/denied-persons-update.ts';

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
    let adminToken = '';
    let apiA: ApiInstance;
    let apiB: ApiInstance;

    beforeAll(async () => {
      db = await createTestDatabase('cordon_batch');
      const { tokens } = await seedPeople(db.url, [
        ['cw', 'caseworker'],
        ['adm', 'administrator'],
      ]);
      token = tokens['cw'] ?? '';
      adminToken = tokens['adm'] ?? '';
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
      while ((await storedResults(db, batchId)).results < rowCount / 3) await sleep(20);
      const [victim, survivor] = workers;
      const killed = await crashMidChunk(
        db,
        victim,
        async () => (await storedResults(db, batchId)).results === rowCount,
      );
      expect(killed, 'the batch finished before a worker could be killed mid-chunk').toBe(true);
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

    it('screens a standing customer list again on the job queue after a list update, finding the newly listed customer', async () => {
      const input = path.join(work, 'standing.csv');
      const rows = 1_200;
      writeCustomers(input, rows);
      // One customer the lists do not name yet.
      const lines = fs.readFileSync(input, 'utf8').trimEnd().split('\n');
      const header = (lines[0] ?? '').split(',');
      const cells = (lines[700] ?? '').split(',');
      cells[header.indexOf('name')] = 'Quillbright Optronic Surveillance Ltd';
      lines[700] = cells.join(',');
      fs.writeFileSync(input, `${lines.join('\n')}\n`);

      const worker = await startWorker(db.env);
      children.push(worker);
      const submitted = await submitBatchOverHttp(apiA, token, input, {
        column: 'name',
        referenceColumn: 'id',
        chunkSize: '300',
        standing: 'true',
      });
      const standing = await waitForBatch(
        () => batchStatusOverHttp(apiB, token, submitted.batchId),
        300_000,
        500,
      );
      expect(standing).toMatchObject({ status: 'done', rows, standing: true, reruns: [] });

      // A Denied Persons List update, imported through instance B, names that customer.
      const imported = await importDeniedPersonsUpdate(
        apiB.url,
        adminToken,
        'QUILLBRIGHT OPTRONIC SURVEILLANCE LTD',
      );
      expect(imported.status, await imported.clone().text()).toBe(201);

      // An API instance takes the update from the queue and starts the re-run; the worker
      // screens it against the new lists.
      let reruns: { id: string; status: string; cause: string }[] = [];
      for (let i = 0; i < 240 && reruns[0]?.status !== 'done'; i += 1) {
        await sleep(500);
        reruns = (
          (await batchStatusOverHttp(apiA, token, submitted.batchId)) as unknown as {
            reruns: typeof reruns;
          }
        ).reruns;
      }
      expect(reruns).toMatchObject([
        { status: 'done', cause: expect.stringContaining('us-bis-dpl') },
      ]);
      const rerunId = reruns[0]?.id ?? '';
      expect(await batchStatusOverHttp(apiB, token, rerunId)).toMatchObject({
        status: 'done',
        rows,
        rowsDone: rows,
        rerun: { of: submitted.batchId },
      });
      expect(await storedResults(db, rerunId)).toMatchObject({ results: rows, distinctRows: rows });
      const results = (await batchResultsOverHttp(apiB, token, rerunId)) as unknown as {
        row: number;
        matches?: { source: string; name: string }[];
      }[];
      expect(results[699]?.matches).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            source: 'us-bis-dpl',
            name: 'QUILLBRIGHT OPTRONIC SURVEILLANCE LTD',
          }),
        ]),
      );
      // The first run, before the update, did not find it.
      const before = (await batchResultsOverHttp(apiB, token, submitted.batchId)) as unknown as {
        matches?: { source: string }[];
      }[];
      expect(before[699]?.matches?.filter((m) => m.source === 'us-bis-dpl') ?? []).toEqual([]);

      // What changed since the first run, over HTTP and from the CLI: that customer, newly listed.
      const changes = await fetch(`${apiA.url}/v1/batches/${rerunId}/changes`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(changes.status).toBe(200);
      const changed = (await changes.json()) as {
        comparedWith: string;
        changes: { row: number; reference?: string; added: { source: string; name: string }[] }[];
      };
      expect(changed.comparedWith).toBe(submitted.batchId);
      expect(changed.changes.filter((c) => c.added.some((a) => a.source === 'us-bis-dpl'))).toEqual(
        [
          expect.objectContaining({
            row: 699,
            reference: 'c699',
            added: [expect.objectContaining({ name: 'QUILLBRIGHT OPTRONIC SURVEILLANCE LTD' })],
          }),
        ],
      );
      const cli = await runCordon(['batch', 'changes', rerunId, '--json'], db.env);
      expect(cli.code, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout)).toMatchObject({
        comparedWith: submitted.batchId,
        rowsChanged: changed.changes.length,
      });

      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
    }, 600_000);
  },
);
