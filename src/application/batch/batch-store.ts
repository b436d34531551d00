import type { BatchItem, BatchRow } from '../screening/screen-batch.ts';

/** What is recorded about a batch when it is submitted. */
export interface NewBatch {
  readonly id: string;
  /** The submitted file's name, for people reading `batch status`. */
  readonly fileName: string;
  readonly matchLimit: number;
  readonly submittedAt: Date;
  /** Kept to be screened again after every list update (a customer list). */
  readonly standing?: boolean;
}

/** A standing batch, as a re-run starts from it. */
export interface StandingBatch {
  readonly id: string;
  readonly fileName: string;
  readonly matchLimit: number;
}

/** A re-run of a standing batch: its rows screened again after a list update. */
export interface NewRerun {
  readonly id: string;
  readonly of: StandingBatch;
  /** What started it, for people reading `batch status` ("list update: us-bis-entity-list@..."). */
  readonly cause: string;
  /** Identifies the update: one re-run per standing batch and update, however many are told. */
  readonly updateKey: string;
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
  /** For a re-run: the snapshots of the list update it follows, which its rows must be screened against. */
  readonly expectedSnapshots?: readonly string[];
}

/** Where a batch stands. */
export interface BatchStatus {
  readonly id: string;
  readonly fileName: string;
  /** `submitting` while chunks are written, `queued` until every chunk is done, then `done`. */
  readonly status: 'submitting' | 'queued' | 'done';
  readonly submittedAt: Date;
  readonly completedAt: Date | undefined;
  /** Kept to be screened again after every list update. */
  readonly standing: boolean;
  /** For a re-run: the standing batch it screens again, and the list update that started it. */
  readonly rerun?: { readonly of: string; readonly cause: string };
  /** For a standing batch: its re-runs, latest first (at most 20). */
  readonly reruns: readonly {
    readonly id: string;
    readonly cause: string;
    readonly status: 'submitting' | 'queued' | 'done';
    readonly submittedAt: Date;
  }[];
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

/** Writes a new batch: the batch, its chunks, then its seal (or its removal after a failure). */
export interface BatchSubmissionStore {
  createBatch(batch: NewBatch): Promise<void>;
  addChunks(chunks: readonly BatchChunk[]): Promise<void>;
  /** Marks the batch as fully written (`queued`) with its totals. */
  sealBatch(
    batchId: string,
    totals: { readonly rows: number; readonly chunks: number },
  ): Promise<void>;
  /** Removes a batch whose submission failed half-way. */
  deleteBatch(batchId: string): Promise<void>;
}

/** Standing batches and their re-runs after a list update. */
export interface StandingBatchStore {
  /** Standing batches (not their re-runs), oldest first. */
  standingBatches(): Promise<readonly StandingBatch[]>;
  /**
   * Creates a re-run, queued, with a copy of the standing batch's chunks (pending, no results),
   * in one transaction. When a re-run of that batch for that update exists already, creates
   * nothing and reports the existing one (`created: false`) with its chunks not yet done.
   */
  createRerun(rerun: NewRerun): Promise<{
    readonly batchId: string;
    readonly created: boolean;
    readonly rows: number;
    readonly pendingChunks: readonly number[];
  }>;
}

/** The chunks a worker takes, completes or fails. */
export interface BatchChunkStore {
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
}

/** What a batch's reader sees: its status, its results and the run before it. */
export interface BatchResultStore {
  status(batchId: string): Promise<BatchStatus | undefined>;
  /** Results in row order, after `afterRow` (exclusive), at most `limit`. */
  results(batchId: string, afterRow: number, limit: number): Promise<readonly StoredRowResult[]>;
  /**
   * For a re-run: the run before it of the same standing batch (the previous re-run, or the
   * standing batch itself); `undefined` for any other batch.
   */
  previousRun(batchId: string): Promise<string | undefined>;
}

/**
 * Stores batches, their chunks and per-row results, so any worker on any machine can take a
 * chunk: every role at once, as the database adapter provides them. A use case names only the
 * roles it uses.
 */
export type BatchStore = BatchSubmissionStore &
  StandingBatchStore &
  BatchChunkStore &
  BatchResultStore;
