import type { BatchItem, BatchRow } from '../screening/screen-batch.ts';

/** What is recorded about a batch when it is submitted. */
export interface NewBatch {
  readonly id: string;
  /** The submitted file's name, for people reading `batch status`. */
  readonly fileName: string;
  readonly matchLimit: number;
  readonly submittedAt: Date;
}

/** One chunk of a batch: consecutive rows, numbered from `firstRow` in the whole file. */
export interface BatchChunk {
  readonly batchId: string;
  readonly chunk: number;
  readonly firstRow: number;
  readonly rows: readonly BatchRow[];
}

/** A stored chunk, with whether its results are stored already. */
export interface StoredBatchChunk extends BatchChunk {
  readonly done: boolean;
  readonly matchLimit: number;
}

/** Where a batch stands. */
export interface BatchStatus {
  readonly id: string;
  readonly fileName: string;
  /** `submitting` while chunks are written, `queued` until every chunk is done, then `done`. */
  readonly status: 'submitting' | 'queued' | 'done';
  readonly submittedAt: Date;
  readonly completedAt: Date | undefined;
  readonly rows: number;
  readonly chunks: number;
  readonly chunksDone: number;
  readonly rowsDone: number;
  readonly rowsRejected: number;
  readonly rowsWithMatches: number;
  readonly rowsWithStrongMatches: number;
  /** Chunks whose last attempt failed and that are not done, with the last error. */
  readonly failingChunks: readonly {
    readonly chunk: number;
    readonly attempts: number;
    readonly error: string;
  }[];
}

/** One row's stored result, in the shape the batch reported it. */
export interface StoredRowResult {
  readonly row: number;
  readonly item: BatchItem;
}

/** Stores batches, their chunks and per-row results, so any worker on any machine can take a chunk. */
export interface BatchStore {
  createBatch(batch: NewBatch): Promise<void>;
  addChunks(chunks: readonly BatchChunk[]): Promise<void>;
  /** Marks the batch as fully written (`queued`) with its totals. */
  sealBatch(
    batchId: string,
    totals: { readonly rows: number; readonly chunks: number },
  ): Promise<void>;
  /** Removes a batch whose submission failed half-way. */
  deleteBatch(batchId: string): Promise<void>;
  chunk(batchId: string, chunk: number): Promise<StoredBatchChunk | undefined>;
  /**
   * Stores the results of a chunk and marks it done, in one transaction; a row already stored is
   * left as it is (a retried chunk). Marks the batch done when it was its last chunk.
   */
  completeChunk(
    batchId: string,
    chunk: number,
    results: readonly StoredRowResult[],
    snapshot: readonly string[],
    at: Date,
  ): Promise<{ readonly inserted: number }>;
  /** Records a failed attempt (the queue retries it). */
  recordChunkFailure(batchId: string, chunk: number, error: string): Promise<void>;
  status(batchId: string): Promise<BatchStatus | undefined>;
  /** Results in row order, after `afterRow` (exclusive), at most `limit`. */
  results(batchId: string, afterRow: number, limit: number): Promise<readonly StoredRowResult[]>;
}
