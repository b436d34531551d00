import PgBoss from 'pg-boss';
import type { BatchChunkQueue, ChunkJob } from '../../application/batch/batch-chunk-queue.ts';

/** The pg-boss queue that carries batch chunks. */
export const chunkQueueName = 'cordon-screening-chunk';

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
  if ((await boss.getQueue(chunkQueueName)) === null) {
    try {
      await boss.createQueue(chunkQueueName, { name: chunkQueueName, policy: 'standard' });
    } catch (error) {
      // Another process created it between the check and the create.
      if ((await boss.getQueue(chunkQueueName)) === null) throw error;
    }
  }
  return boss;
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
  options: {
    readonly pollingIntervalSeconds?: number;
    readonly onError?: (error: Error) => void;
  } = {},
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
      let jobs: PgBoss.Job<ChunkJob>[] = [];
      try {
        jobs = await boss.fetch<ChunkJob>(chunkQueueName, { batchSize: 1 });
      } catch (error) {
        report(error);
      }
      if (jobs.length === 0) {
        await pause();
        continue;
      }
      for (const job of jobs) {
        try {
          await handle({ batchId: job.data.batchId, chunk: job.data.chunk });
        } catch (error) {
          try {
            await boss.fail(chunkQueueName, job.id, {
              message: error instanceof Error ? error.message : String(error),
            });
          } catch (failure) {
            report(failure);
          }
          continue;
        }
        try {
          await boss.complete(chunkQueueName, job.id);
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
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  });
}
