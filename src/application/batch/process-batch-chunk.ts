import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Clock } from '../ports/clock.ts';
import type { ScreeningService } from '../screening/screening-service.ts';
import type { ChunkJob } from './batch-chunk-queue.ts';
import type { BatchChunkStore, StoredRowResult } from './batch-store.ts';

/** What `processBatchChunk` needs. */
export interface ProcessChunkDeps {
  readonly store: BatchChunkStore;
  readonly screening: Pick<ScreeningService, 'screenBatch'>;
  readonly clock: Clock;
}

/** What became of a chunk job. */
export type ChunkOutcome =
  | { readonly kind: 'screened'; readonly rows: number; readonly inserted: number }
  /** A retry of a chunk whose results were already stored (the worker died before acknowledging). */
  | { readonly kind: 'already-done' };

/**
 * Screens one chunk of a batch against the active lists and stores one result per row, numbered
 * in the whole file. Storing is idempotent: a chunk retried after a worker died stores no row
 * twice, whichever attempt finishes first.
 *
 * @example
 * await processBatchChunk(deps, { batchId, chunk: 3 }) // ok({ kind: 'screened', rows: 500, inserted: 500 })
 */
export async function processBatchChunk(
  deps: ProcessChunkDeps,
  job: ChunkJob,
): Promise<Result<ChunkOutcome, CordonError>> {
  const chunk = await deps.store.chunk(job.batchId, job.chunk);
  if (chunk === undefined) {
    return err(cordonError('CORDON_NOT_FOUND', `Batch ${job.batchId} has no chunk ${job.chunk}.`));
  }
  if (chunk.done) return ok({ kind: 'already-done' });
  const report = await deps.screening.screenBatch(chunk.rows, { limit: chunk.matchLimit });
  if (!report.ok) {
    await deps.store.recordChunkFailure(job.batchId, job.chunk, report.error.message);
    return report;
  }
  // A re-run must screen against the update it follows: a worker whose index has not caught up
  // yet fails the attempt, and the queue hands the chunk out again a little later.
  const missing = (chunk.expectedSnapshots ?? []).filter(
    (id) => !report.value.snapshot.includes(id),
  );
  if (missing.length > 0) {
    const error = cordonError(
      'CORDON_NOT_READY',
      `This re-run follows a list update whose snapshots ${missing.join(', ')} are not in this worker's active lists yet; the chunk will be retried.`,
    );
    await deps.store.recordChunkFailure(job.batchId, job.chunk, error.message);
    return err(error);
  }
  const results: StoredRowResult[] = report.value.results.map((item) => ({
    row: chunk.firstRow + item.row,
    item: { ...item, row: chunk.firstRow + item.row },
  }));
  const { inserted } = await deps.store.completeChunk(
    job.batchId,
    job.chunk,
    results,
    report.value.snapshot,
    deps.clock.now(),
  );
  return ok({ kind: 'screened', rows: results.length, inserted });
}
