// The connection-loss fault scenario, shared by test/e2e/faults-batch.e2e.test.ts and
// `npm run bench:faults`: a batch runs on the workers while every connection to its database is
// terminated (pg_terminate_backend, the shared server stays up), several times.
import {
  batchStatusOverHttp,
  sleep,
  storedResults,
  submitBatchOverHttp,
  waitForBatch,
  writeCustomers,
  type ApiInstance,
  type BatchStatusJson,
  type TestDatabase,
} from './faults-harness.ts';

/** What a batch went through, and how it ended. */
export interface ConnectionKillReport {
  readonly batchId: string;
  readonly rows: number;
  readonly status: string;
  /** Connections terminated at each kill. */
  readonly killedConnections: readonly number[];
  /** From each kill to the next result stored, ms (-1: none before the batch ended). */
  readonly recoveryMs: readonly number[];
  readonly elapsedMs: number;
  readonly stored: Awaited<ReturnType<typeof storedResults>>;
  readonly lost: number;
  readonly duplicated: number;
  /** The API instance served the status after the kills (its pool reconnected). */
  readonly apiAnswersAfterwards: boolean;
}

/** Reads the status, retrying while the instance's pool replaces terminated connections. */
async function statusWithRetry(
  api: ApiInstance,
  token: string,
  batchId: string,
): Promise<BatchStatusJson> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await batchStatusOverHttp(api, token, batchId);
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(500);
    }
  }
}

/**
 * Submits `rows` names through `api`, and whenever another `1/(kills+1)` of them is stored,
 * terminates every connection to the database; waits for the batch and counts its results.
 */
export async function batchUnderConnectionKills(options: {
  readonly db: TestDatabase;
  readonly api: ApiInstance;
  readonly token: string;
  readonly file: string;
  readonly rows: number;
  readonly kills: number;
  readonly timeoutMs?: number;
}): Promise<ConnectionKillReport> {
  const { db, api, token, rows } = options;
  writeCustomers(options.file, rows);
  const started = Date.now();
  const { batchId } = await submitBatchOverHttp(api, token, options.file, {
    column: 'name',
    countryColumn: 'country',
    referenceColumn: 'id',
    chunkSize: '100',
    chunkTimeout: '20',
  });
  const stored = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await storedResults(db, batchId)).results;
      } catch (error) {
        // The test's own pool lost its connections too.
        if (attempt >= 5) throw error;
        await sleep(200);
      }
    }
  };
  const killedConnections: number[] = [];
  const recoveryMs: number[] = [];
  const deadline = started + (options.timeoutMs ?? 600_000);
  for (let k = 1; k <= options.kills; k++) {
    while ((await stored()) < (rows * k) / (options.kills + 1) && Date.now() < deadline) {
      await sleep(50);
    }
    const before = await stored();
    const killedAt = Date.now();
    killedConnections.push(await db.killConnections());
    let recovered = -1;
    while (Date.now() < deadline) {
      const now = await stored();
      if (now > before) {
        recovered = Date.now() - killedAt;
        break;
      }
      if (now >= rows) break;
      await sleep(50);
    }
    recoveryMs.push(recovered);
  }
  const status = await waitForBatch(
    () => statusWithRetry(api, token, batchId),
    Math.max(0, deadline - Date.now()),
    500,
  );
  const elapsedMs = Date.now() - started;
  const counts = await storedResults(db, batchId);
  return {
    batchId,
    rows,
    status: status.status,
    killedConnections,
    recoveryMs,
    elapsedMs,
    stored: counts,
    lost: rows - counts.distinctRows,
    duplicated: counts.results - counts.distinctRows,
    apiAnswersAfterwards: status.rows === rows,
  };
}
