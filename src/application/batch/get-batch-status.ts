import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { BatchStatus, BatchStore } from './batch-store.ts';

/** Where a batch stands: chunks and rows done, rows with matches, chunks failing; unknown id is `CORDON_NOT_FOUND`. */
export async function getBatchStatus(
  store: BatchStore,
  batchId: string,
): Promise<Result<BatchStatus, CordonError>> {
  const status = await store.status(batchId);
  return status === undefined
    ? err(cordonError('CORDON_NOT_FOUND', `No batch has the id ${batchId}.`))
    : ok(status);
}
