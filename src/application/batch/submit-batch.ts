import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Clock } from '../ports/clock.ts';
import { maxBatchSize, type BatchRow } from '../screening/screen-batch.ts';
import type { BatchChunkQueue, ChunkJob } from './batch-chunk-queue.ts';
import type { BatchChunk, BatchSubmissionStore } from './batch-store.ts';

/** What `submitBatch` needs. */
export interface SubmitBatchDeps {
  readonly store: BatchSubmissionStore;
  readonly queue: BatchChunkQueue;
  readonly clock: Clock;
  readonly newId: () => string;
}

/** A batch to submit: its rows as they are read (a read error ends the submission). */
export interface SubmitBatchRequest {
  readonly fileName: string;
  readonly rows: AsyncIterable<Result<BatchRow, CordonError>>;
  /** Rows per chunk (default 500, at most `maxBatchSize`). */
  readonly chunkSize?: number;
  /** Matches kept per row (default 10). */
  readonly matchLimit?: number;
  /** Keep the rows, to screen them again after every list update (see `rerunStandingBatches`). */
  readonly standing?: boolean;
}

/** What a submission stored. */
export interface SubmittedBatch {
  readonly batchId: string;
  readonly rows: number;
  readonly chunks: number;
}

export const defaultChunkSize = 500;
// Chunks are written (and queued) this many at a time, so a file of millions of rows never sits
// whole in memory.
const chunksPerWrite = 20;

/**
 * Splits a file's rows into chunks, stores them, and queues one job per chunk for the workers.
 * Chunks are queued only once every chunk is stored (`queued`), so a submission that fails half-way
 * (a malformed line) leaves nothing behind and nothing half-screened.
 *
 * @example
 * await submitBatch(deps, { fileName: 'customers.csv', rows: readBatchCsv('customers.csv', { column: 'name' }) })
 * // ok({ batchId: '...', rows: 20000, chunks: 40 })
 */
export async function submitBatch(
  deps: SubmitBatchDeps,
  request: SubmitBatchRequest,
): Promise<Result<SubmittedBatch, CordonError>> {
  const chunkSize = request.chunkSize ?? defaultChunkSize;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1 || chunkSize > maxBatchSize) {
    return err(
      cordonError(
        'CORDON_USAGE',
        `The chunk size must be a whole number from 1 to ${maxBatchSize}, got ${chunkSize}.`,
      ),
    );
  }
  const batchId = deps.newId();
  await deps.store.createBatch({
    id: batchId,
    fileName: request.fileName,
    matchLimit: request.matchLimit ?? 10,
    submittedAt: deps.clock.now(),
    ...(request.standing === true ? { standing: true } : {}),
  });
  const jobs: ChunkJob[] = [];
  let pending: BatchChunk[] = [];
  let current: BatchRow[] = [];
  let rows = 0;
  let chunks = 0;
  const closeChunk = () => {
    if (current.length === 0) return;
    pending.push({ batchId, chunk: chunks, firstRow: rows - current.length, rows: current });
    jobs.push({ batchId, chunk: chunks });
    chunks += 1;
    current = [];
  };
  try {
    for await (const row of request.rows) {
      if (!row.ok) {
        await deps.store.deleteBatch(batchId);
        return row;
      }
      current.push(row.value);
      rows += 1;
      if (current.length === chunkSize) closeChunk();
      if (pending.length >= chunksPerWrite) {
        await deps.store.addChunks(pending);
        pending = [];
      }
    }
    closeChunk();
    if (pending.length > 0) await deps.store.addChunks(pending);
  } catch (error) {
    await deps.store.deleteBatch(batchId);
    throw error;
  }
  if (rows === 0) {
    await deps.store.deleteBatch(batchId);
    return err(cordonError('CORDON_BATCH_FILE_INVALID', `${request.fileName} has no data rows.`));
  }
  await deps.store.sealBatch(batchId, { rows, chunks });
  for (let start = 0; start < jobs.length; start += 500) {
    await deps.queue.enqueue(jobs.slice(start, start + 500));
  }
  return ok({ batchId, rows, chunks });
}
