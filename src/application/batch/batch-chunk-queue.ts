/** A chunk of a batch waiting for a worker. */
export interface ChunkJob {
  readonly batchId: string;
  readonly chunk: number;
}

/** A durable job queue that hands each chunk to one worker, and again if that worker dies. */
export interface BatchChunkQueue {
  enqueue(jobs: readonly ChunkJob[]): Promise<void>;
}
