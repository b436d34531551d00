// Messages between `screenFile` and its worker threads.
import type { NameProblem } from '../../domain/screening/normalise-name.ts';
import type { ScreeningMatch } from '../../domain/screening/screen-name.ts';

/** One row to screen: its 1-based data row number and the values read from its columns. */
export interface WorkerRow {
  readonly row: number;
  readonly name: string;
  readonly country?: string;
  readonly kind?: 'person' | 'organisation';
}

/** Main thread -> worker: a batch of rows. */
export interface WorkerBatch {
  readonly batch: number;
  readonly rows: readonly WorkerRow[];
}

/** The screening outcome of one row. */
export interface RowResult {
  readonly row: number;
  readonly matches: readonly ScreeningMatch[];
  readonly problems: readonly NameProblem[];
}

/** Worker -> main thread. */
export type WorkerReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'results'; readonly batch: number; readonly results: readonly RowResult[] };
