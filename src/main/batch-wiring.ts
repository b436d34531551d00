import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import { kyselyBatchStore } from '../adapters/batch/kysely-batch-store.ts';
import {
  defaultChunkJobPolicy,
  enqueueListUpdate,
  pgBossChunkQueue,
  startPgBoss,
  workListUpdates,
} from '../adapters/batch/pg-boss-chunk-queue.ts';
import { readBatchCsv } from '../adapters/batch/read-batch-csv.ts';
import type { Database } from '../adapters/db/schema.ts';
import type { BatchRouteDeps } from '../adapters/http/routes/batches/routes.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import {
  rerunStandingBatches,
  type ListUpdate,
  type StartedRerun,
} from '../application/batch/rerun-standing-batches.ts';
import { submitBatch } from '../application/batch/submit-batch.ts';

/** The batch routes' deps, and the list updates carried on the same job queue. */
export interface BatchWiring extends BatchRouteDeps {
  /** Queues a list update (once per update, whichever instances announce it). */
  announceListUpdate(update: ListUpdate): Promise<void>;
  /**
   * Takes list updates from the queue: starts the re-runs of the standing batches, then calls
   * `also` (the re-screening of cases). Resolves with a function that stops taking them.
   */
  workListUpdates(
    also: (update: ListUpdate, reruns: readonly StartedRerun[]) => Promise<void>,
  ): Promise<() => Promise<void>>;
}

/**
 * `/v1/batches` on the shared PostgreSQL database, and the list updates on the same job queue.
 * The queue is started on first use (a submission, an announced update, or `workListUpdates`,
 * which every API instance on PostgreSQL calls at start) and stopped when the app closes.
 */
export function batchDepsFor(
  db: Kysely<Database>,
  connectionString: string,
  onQueueError: (error: Error) => void,
): BatchWiring {
  const store = kyselyBatchStore(db);
  let boss: Promise<PgBoss> | undefined;
  const queue = () => {
    boss ??= startPgBoss({ connectionString, onError: onQueueError }).catch((error: unknown) => {
      boss = undefined;
      throw error;
    });
    return boss;
  };
  return {
    store,
    maxFileBytes: 500 * 1024 * 1024,
    async submit(upload) {
      const started = await queue();
      return submitBatch(
        {
          store,
          queue: pgBossChunkQueue(started, {
            ...defaultChunkJobPolicy,
            ...(upload.chunkTimeoutSeconds === undefined
              ? {}
              : { expireInSeconds: upload.chunkTimeoutSeconds }),
          }),
          clock: systemClock,
          newId: randomUUID,
        },
        {
          fileName: upload.fileName,
          ...(upload.chunkSize === undefined ? {} : { chunkSize: upload.chunkSize }),
          ...(upload.matchLimit === undefined ? {} : { matchLimit: upload.matchLimit }),
          ...(upload.standing === true ? { standing: true } : {}),
          rows: readBatchCsv(upload.file, {
            column: upload.column,
            ...(upload.countryColumn === undefined ? {} : { countryColumn: upload.countryColumn }),
            ...(upload.kindColumn === undefined ? {} : { kindColumn: upload.kindColumn }),
            ...(upload.referenceColumn === undefined
              ? {}
              : { referenceColumn: upload.referenceColumn }),
          }),
        },
      );
    },
    async announceListUpdate(update) {
      await enqueueListUpdate(await queue(), update);
    },
    async workListUpdates(also) {
      const started = await queue();
      return workListUpdates(
        started,
        async (update) => {
          const reruns = await rerunStandingBatches(
            { store, queue: pgBossChunkQueue(started), clock: systemClock, newId: randomUUID },
            update,
          );
          await also(update, reruns);
        },
        { onError: onQueueError, stopBoss: false },
      );
    },
    async close() {
      const started = boss;
      boss = undefined;
      if (started) {
        await started.then(
          (b) => b.stop({ graceful: false, wait: true }),
          () => undefined,
        );
      }
    },
  };
}
