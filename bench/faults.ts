// Fault scenarios on the local PostgreSQL (DATABASE_URL of the server, default
// postgres://postgres@127.0.0.1:5432/test; each scenario creates and drops its own database):
//   1. a worker killed with SIGKILL while it holds a chunk;
//   2. every database connection terminated (pg_terminate_backend) three times during a batch;
//   3. an API instance killed with SIGKILL while officers act on cases through it.
// Each is bounded in time (FAULTS_TIMEOUT_SECONDS per scenario, default 600). Writes
// bench/results/faults.json with recovery times and counts (lost and duplicated must be 0).
// Run: npm run bench:faults
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCordon } from '../test/support/cli-process.ts';
import { batchUnderConnectionKills } from '../test/e2e/faults-batch-scenario.ts';
import {
  caseWorkflowPeople,
  caseWorkflowStorm,
  checkCaseConsistency,
  finishCasesOverHttp,
  seedCaseWorkflow,
} from '../test/e2e/faults-cases-scenario.ts';
import {
  batchStatusOverHttp,
  crashMidChunk,
  crash,
  createTestDatabase,
  retriedChunkJobs,
  seedPeople,
  sleep,
  startApi,
  startWorker,
  storedResults,
  submitBatchOverHttp,
  waitForBatch,
  writeCustomers,
  type CordonChild,
  type TestDatabase,
} from '../test/e2e/faults-harness.ts';

const root = path.resolve(import.meta.dirname, '..');
const timeoutMs = Number(process.env['FAULTS_TIMEOUT_SECONDS'] ?? 600) * 1000;
const rows = Number(process.env['FAULTS_ROWS'] ?? 5_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-faults-'));

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Runs a scenario on its own database and processes, and always cleans them up. */
async function scenario<T>(
  name: string,
  run: (db: TestDatabase, children: CordonChild[]) => Promise<T>,
  options: { readonly lists?: boolean } = {},
): Promise<T | { readonly error: string }> {
  log(`\n== ${name}`);
  const db = await createTestDatabase('cordon_faults', options);
  const children: CordonChild[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      run(db, children),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`timed out after ${String(timeoutMs / 1000)} s`));
        }, timeoutMs);
      }),
    ]);
  } catch (error) {
    log(`${name} failed: ${(error as Error).message}`);
    for (const child of children) log(child.output().slice(-2_000));
    return { error: (error as Error).message };
  } finally {
    clearTimeout(timer);
    for (const child of children) child.child.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    await db.drop();
  }
}

const workerKill = () =>
  scenario('worker killed with SIGKILL mid-batch', async (db, children) => {
    const token = (await seedPeople(db.url, [['cw', 'caseworker']])).tokens['cw'] ?? '';
    const [apiA, apiB] = await Promise.all([startApi(db.env), startApi(db.env)]);
    children.push(apiA, apiB);
    const workers = await Promise.all([startWorker(db.env), startWorker(db.env)]);
    children.push(...workers);
    const file = path.join(work, 'customers.csv');
    writeCustomers(file, rows);
    const started = Date.now();
    const { batchId } = await submitBatchOverHttp(apiA, token, file, {
      column: 'name',
      countryColumn: 'country',
      referenceColumn: 'id',
      chunkSize: '250',
      chunkTimeout: '20',
    });
    while ((await storedResults(db, batchId)).results < rows / 3) await sleep(20);
    const [victim] = workers;
    if (
      !(await crashMidChunk(
        db,
        victim,
        async () => (await storedResults(db, batchId)).results === rows,
      ))
    )
      throw new Error('the batch finished before a worker could be killed mid-chunk');
    const killedAt = Date.now();
    const atKill = (await storedResults(db, batchId)).results;
    // The lost chunk comes back once its expiry (chunkTimeout) passes and maintenance runs.
    let retriedAfterMs = -1;
    while (Date.now() - killedAt < timeoutMs) {
      if ((await retriedChunkJobs(db)) > 0) {
        retriedAfterMs = Date.now() - killedAt;
        break;
      }
      await sleep(200);
    }
    const status = await waitForBatch(
      () => batchStatusOverHttp(apiB, token, batchId),
      timeoutMs,
      500,
    );
    const done = Date.now();
    const stored = await storedResults(db, batchId);
    return {
      rows,
      status: status.status,
      resultsAtKill: atKill,
      chunkRetriedAfterMs: retriedAfterMs,
      chunkExpirySeconds: 20,
      completedAfterKillMs: done - killedAt,
      elapsedMs: done - started,
      retriedChunks: await retriedChunkJobs(db),
      lost: rows - stored.distinctRows,
      duplicated: stored.results - stored.distinctRows,
    };
  });

const connectionKills = () =>
  scenario('database connections terminated three times during a batch', async (db, children) => {
    const token = (await seedPeople(db.url, [['cw', 'caseworker']])).tokens['cw'] ?? '';
    const api = await startApi(db.env);
    children.push(api);
    const workers = await Promise.all([startWorker(db.env), startWorker(db.env)]);
    children.push(...workers);
    const report = await batchUnderConnectionKills({
      db,
      api,
      token,
      file: path.join(work, 'customers.csv'),
      rows,
      kills: 3,
      timeoutMs,
    });
    return {
      rows,
      status: report.status,
      killedConnections: report.killedConnections,
      recoveryMs: report.recoveryMs,
      elapsedMs: report.elapsedMs,
      processesCrashed: children.filter((c) => c.child.exitCode !== null).length,
      crashedOutput: children
        .filter((c) => c.child.exitCode !== null)
        .map((c) => c.output().slice(-1_500)),
      lost: report.lost,
      duplicated: report.duplicated,
    };
  });

const apiKill = () =>
  scenario('API instance killed with SIGKILL during case transitions', async (db, children) => {
    const { tokens } = await seedPeople(db.url, caseWorkflowPeople);
    const [apiA, apiB] = await Promise.all([startApi(db.env), startApi(db.env)]);
    children.push(apiA, apiB);
    const workflow = await seedCaseWorkflow(db, apiA, 12, tokens);
    let killedAt = 0;
    const storm = await caseWorkflowStorm(workflow, apiA, {
      killAfterSuccesses: 18,
      kill: async () => {
        killedAt = Date.now();
        await crash(apiA);
      },
    });
    const consistency = await checkCaseConsistency(db, workflow, apiB);
    const consistentAfterMs = Date.now() - killedAt;
    const verified = await runCordon(['audit', 'verify', '--json'], db.env);
    const finished = await finishCasesOverHttp(workflow, apiB);
    const after = await checkCaseConsistency(db, workflow, apiB);
    return {
      cases: workflow.cases.length,
      stepsSucceededBeforeKill: storm.succeeded,
      conflicts409: storm.conflicts,
      requestsInFlightAtKill: storm.killedWithInFlight,
      requestsFailedByKill: storm.failedInFlight,
      doubleWins: storm.doubleWins.length,
      stagesAfterKill: consistency.stages,
      inconsistentCases: consistency.problems.length,
      problems: [...consistency.problems, ...finished.problems, ...after.problems],
      checkedThroughOtherInstanceMs: consistentAfterMs,
      auditChainIntact: verified.code === 0,
      casesFinishedThroughOtherInstance: workflow.cases.length - finished.problems.length,
      lost: consistency.problems.length,
      duplicated: storm.doubleWins.length,
    };
  });

const started = Date.now();
const results = {
  generatedAt: new Date().toISOString(),
  machine: `${String(os.cpus().length)} cpu, ${os.cpus()[0]?.model ?? ''}`,
  postgres: process.env['CORDON_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
  workerKill: await workerKill(),
  connectionKills: await connectionKills(),
  apiKill: await apiKill(),
  elapsedSeconds: 0,
};
results.elapsedSeconds = Math.round((Date.now() - started) / 1000);
fs.rmSync(work, { recursive: true, force: true });
const out = path.join(root, 'bench/results/faults.json');
fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
log(`\nWrote ${path.relative(root, out)}`);
const failed = [results.workerKill, results.connectionKills, results.apiKill].filter(
  (r) => 'error' in r || r.lost !== 0 || r.duplicated !== 0,
);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
