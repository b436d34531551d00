import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { BatchResultStore, BatchStatus } from './batch-store.ts';

/** Where a batch stands: chunks and rows done, rows with matches, chunks failing; unknown id is `CORDON_NOT_FOUND`. */
export async function getBatchStatus(
  store: BatchResultStore,
  batchId: string,
): Promise<Result<BatchStatus, CordonError>> {
  const status = await store.status(batchId);
  return status === undefined
    ? err(cordonError('CORDON_NOT_FOUND', `No batch has the id ${batchId}.`))
    : ok(status);
}
