import PgBoss from 'pg-boss';
import type { BatchChunkQueue, ChunkJob } from '../../application/batch/batch-chunk-queue.ts';
import type { ListUpdate } from '../../application/batch/rerun-standing-batches.ts';

/** The pg-boss queue that carries batch chunks. */
export const chunkQueueName = 'cordon-screening-chunk';

/**
 * The pg-boss queue that carries list updates: each job re-screens open cases and issued licences
 * and starts a re-run of every standing batch. One job per update (its key is the singleton key).
 */
export const listUpdateQueueName = 'cordon-list-update';

/** How chunk jobs behave when a worker fails or disappears. */
export interface ChunkJobPolicy {
  /**
   * A chunk still active after this long is taken to be lost (its worker died) and is retried.
   * Must exceed the time one chunk takes to screen.
   */
  readonly expireInSeconds: number;
  /** Attempts after the first before a chunk is given up (then `batch status` lists it). */
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
}

export const defaultChunkJobPolicy: ChunkJobPolicy = {
  expireInSeconds: 600,
  retryLimit: 10,
  retryDelaySeconds: 5,
};

/** Options of `startPgBoss`. */
export interface PgBossOptions {
  readonly connectionString: string;
  /** How often this instance looks for expired jobs (pg-boss maintenance), seconds. */
  readonly maintenanceIntervalSeconds?: number;
  readonly onError?: (error: Error) => void;
}

/**
 * Starts pg-boss on the Cordon PostgreSQL database (its tables live in the `pgboss` schema, created
 * on first start) and makes sure the chunk queue exists. Several processes may do this at once.
 */
export async function startPgBoss(options: PgBossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: 3,
    application_name: 'cordon-queue',
    ...(options.maintenanceIntervalSeconds !== undefined
      ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds }
      : {}),
  });
  boss.on('error', (error: Error) => options.onError?.(error));
  await boss.start();
  for (const name of [chunkQueueName, listUpdateQueueName]) {
    if ((await boss.getQueue(name)) !== null) continue;
    try {
      await boss.createQueue(name, { name, policy: 'standard' });
    } catch (error) {
      // Another process created it between the check and the create.
      if ((await boss.getQueue(name)) === null) throw error;
    }
  }
  return boss;
}

/**
 * Queues a list update. Instances told of the same update (the same key) queue one job while it
 * waits; a repeat after it ran is harmless (the handler creates each re-run once).
 */
export async function enqueueListUpdate(boss: PgBoss, update: ListUpdate): Promise<void> {
  await boss.send(listUpdateQueueName, update, {
    singletonKey: update.key,
    retryLimit: 10,
    retryDelay: 30,
    expireInSeconds: 3_600,
  });
}

/** `BatchChunkQueue` on pg-boss: one job per chunk, retried on failure or expiry. */
export function pgBossChunkQueue(
  boss: PgBoss,
  policy: ChunkJobPolicy = defaultChunkJobPolicy,
): BatchChunkQueue {
  return {
    async enqueue(jobs: readonly ChunkJob[]) {
      await boss.insert(
        jobs.map((job) => ({
          name: chunkQueueName,
          data: { batchId: job.batchId, chunk: job.chunk },
          expireInSeconds: policy.expireInSeconds,
          retryLimit: policy.retryLimit,
          retryDelay: policy.retryDelaySeconds,
        })),
      );
    },
  };
}

/**
 * Takes chunk jobs one at a time and hands each to `handle`; a handler that throws fails the job,
 * which pg-boss retries. Resolves with a function that stops taking jobs and waits for the
 * current one.
 *
 * The loop fetches, completes and fails jobs itself rather than through `boss.work`: pg-boss 10
 * completes or fails a worked job without awaiting it, so losing the database connection at that
 * moment was an unhandled rejection that killed the worker. Here a job whose completion or failure
 * cannot be recorded stays active until it expires, and is then retried (its rows are stored once
 * whichever attempt wins).
 */
export function workChunkJobs(
  boss: PgBoss,
  handle: (job: ChunkJob) => Promise<void>,
  options: WorkOptions = {},
): Promise<() => Promise<void>> {
  return workQueue(
    boss,
    chunkQueueName,
    (data) => ({ batchId: String(data['batchId']), chunk: Number(data['chunk']) }),
    handle,
    options,
  );
}

/** Takes list-update jobs one at a time (see `workChunkJobs`); resolves with a stop function. */
export function workListUpdates(
  boss: PgBoss,
  handle: (update: ListUpdate) => Promise<void>,
  options: WorkOptions = {},
): Promise<() => Promise<void>> {
  return workQueue(
    boss,
    listUpdateQueueName,
    (data) => ({ key: String(data['key']), cause: String(data['cause']) }),
    handle,
    options,
  );
}

interface WorkOptions {
  readonly pollingIntervalSeconds?: number;
  readonly onError?: (error: Error) => void;
  /** Stop pg-boss too when the loop stops (default true). */
  readonly stopBoss?: boolean;
}

function workQueue<T>(
  boss: PgBoss,
  queueName: string,
  read: (data: Readonly<Record<string, unknown>>) => T,
  handle: (job: T) => Promise<void>,
  options: WorkOptions,
): Promise<() => Promise<void>> {
  const intervalMs = (options.pollingIntervalSeconds ?? 1) * 1000;
  const report = (error: unknown) => {
    options.onError?.(error instanceof Error ? error : new Error(String(error)));
  };
  let stopping = false;
  let wake: (() => void) | undefined;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopping) {
      let jobs: PgBoss.Job<Record<string, unknown>>[] = [];
      try {
        jobs = await boss.fetch<Record<string, unknown>>(queueName, { batchSize: 1 });
      } catch (error) {
        report(error);
      }
      if (jobs.length === 0) {
        await pause();
        continue;
      }
      for (const job of jobs) {
        try {
          await handle(read(job.data));
        } catch (error) {
          try {
            await boss.fail(queueName, job.id, {
              message: error instanceof Error ? error.message : String(error),
            });
          } catch (failure) {
            report(failure);
          }
          continue;
        }
        try {
          await boss.complete(queueName, job.id);
        } catch (error) {
          report(error);
        }
      }
    }
  })();
  return Promise.resolve(async () => {
    stopping = true;
    wake?.();
    await loop;
    if (options.stopBoss !== false)
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  });
}
