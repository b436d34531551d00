import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import { kyselyBatchStore } from '../adapters/batch/kysely-batch-store.ts';
import {
  defaultChunkJobPolicy,
  pgBossChunkQueue,
  startPgBoss,
} from '../adapters/batch/pg-boss-chunk-queue.ts';
import { readBatchCsv } from '../adapters/batch/read-batch-csv.ts';
import type { Database } from '../adapters/db/schema.ts';
import type { BatchRouteDeps } from '../adapters/http/routes/batches/routes.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import { submitBatch } from '../application/batch/submit-batch.ts';

/**
 * `/v1/batches` on the shared PostgreSQL database. The job queue is started on the first
 * submission (an instance that only reads status never opens its connections) and stopped when
 * the app closes.
 */
export function batchDepsFor(
  db: Kysely<Database>,
  connectionString: string,
  onQueueError: (error: Error) => void,
): BatchRouteDeps {
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
