// A worker thread of `screenFile`: builds the screening index from the parties it is given, then
// screens the batches of rows the main thread sends, one message per batch.
import { parentPort, workerData } from 'node:worker_threads';
import type { ListedParty } from '../../domain/lists/listed-party.ts';
import type { ScoreThresholds } from '../../domain/screening/score-names.ts';
import { buildScreeningIndex } from '../../domain/screening/screening-index.ts';
import { screenName } from '../../domain/screening/screen-name.ts';
import type { WorkerBatch, WorkerReply } from './screening-worker-protocol.ts';

interface WorkerInput {
  readonly parties: readonly ListedParty[];
  readonly thresholds?: ScoreThresholds;
  readonly limit: number;
}

const input = workerData as WorkerInput;
const index = buildScreeningIndex(input.parties);
// The index keeps what screening needs; the list records (a copy per worker) can go.
(workerData as { parties?: unknown }).parties = undefined;
const port = parentPort;
if (!port) throw new Error('screening-worker.ts must run in a worker thread');

port.postMessage({ kind: 'ready' } satisfies WorkerReply);
port.on('message', (batch: WorkerBatch) => {
  const results = batch.rows.map((row) => {
    if (row.name.trim() === '') {
      return { row: row.row, matches: [], problems: [{ kind: 'empty' as const }] };
    }
    const result = screenName(
      index,
      {
        name: row.name,
        ...(row.country !== undefined ? { country: row.country } : {}),
        ...(row.kind !== undefined ? { kind: row.kind } : {}),
      },
      { limit: input.limit, ...(input.thresholds ? { thresholds: input.thresholds } : {}) },
    );
    return { row: row.row, matches: result.matches, problems: result.problems };
  });
  port.postMessage({ kind: 'results', batch: batch.batch, results } satisfies WorkerReply);
});
