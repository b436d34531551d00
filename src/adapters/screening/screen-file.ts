import { csvCell } from '../../contracts/csv.ts';
import { createReadStream, createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Transform, type TransformCallback } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse';
import type { ListedParty } from '../../domain/lists/listed-party.ts';
import type { ScoreThresholds } from '../../domain/screening/score-names.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type {
  RowResult,
  WorkerBatch,
  WorkerReply,
  WorkerRow,
} from './screening-worker-protocol.ts';
import { checkUtf8 } from './utf8.ts';

/** What `screenFile` needs: the file, where to write, which columns, and the lists. */
export interface ScreenFileOptions {
  /** A CSV file with a header row. */
  readonly input: string;
  /** Where to write; `.jsonl` gives JSON Lines, anything else CSV (see `format`). */
  readonly output: string;
  readonly format?: 'csv' | 'jsonl';
  /** The column holding the name (default `name`). */
  readonly column?: string;
  /** A column holding the party's country (ISO alpha-2), optional. */
  readonly countryColumn?: string;
  /** A column holding `person` or `organisation`, optional. */
  readonly kindColumn?: string;
  /** The list records to screen against; each worker builds its index from them. */
  readonly parties: readonly ListedParty[];
  readonly thresholds?: ScoreThresholds;
  /** Matches kept per row (default 10). */
  readonly limit?: number;
  /** Worker threads (default: every core). */
  readonly workers?: number;
  /** Rows per message to a worker (default 250). */
  readonly batchSize?: number;
  /**
   * Old-generation heap limit of each worker thread, MB (default: 16 kB per list record, at least
   * 512). Without a limit V8 lets garbage pile up to the size the index build reached before it
   * collects: measured on the shipped lists, a million rows peaked at 1.9 GB of resident memory,
   * against 0.93 GB with the limit and the same speed.
   */
  readonly workerHeapMb?: number;
  /** Echoed as `snapshot` in every JSON line: which list snapshot was screened against. */
  readonly snapshot?: unknown;
  readonly onProgress?: (progress: ScreenFileProgress) => void;
  /** Least time between two progress calls (default 500 ms; the last call always happens). */
  readonly progressIntervalMs?: number;
}

/** Where a running `screenFile` stands. */
export interface ScreenFileProgress {
  readonly rowsDone: number;
  readonly rowsPerSecond: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
  /** Seconds left, estimated from the share of the input read; undefined at the start. */
  readonly etaSeconds: number | undefined;
  readonly elapsedSeconds: number;
  /** True once the index is built and rows are being screened. */
  readonly screening: boolean;
}

/** A row that could not be screened as given (it is still written, without matches). */
export interface RowProblem {
  /** 1-based data row (the header is row 0). */
  readonly row: number;
  /** 1-based line of the file where the row starts. */
  readonly line: number;
  readonly problem: string;
}

/** What `screenFile` did. */
export interface ScreenFileSummary {
  readonly rows: number;
  readonly rowsWithMatches: number;
  readonly rowsWithStrongMatches: number;
  readonly rowsWithProblems: number;
  /** The first 100 row problems. */
  readonly problems: readonly RowProblem[];
  readonly output: string;
  readonly format: 'csv' | 'jsonl';
  readonly workers: number;
  readonly indexSeconds: number;
  readonly elapsedSeconds: number;
  readonly rowsPerSecond: number;
}

/** Why a file could not be screened (rows already written stay in the output). */
export interface ScreenFileError {
  readonly kind:
    | 'input-unreadable'
    | 'output-unwritable'
    | 'missing-column'
    | 'not-utf8'
    | 'malformed-csv'
    | 'worker-failed';
  readonly message: string;
  readonly line?: number;
  readonly column?: string;
}

interface PendingRow {
  readonly row: number;
  readonly line: number;
  readonly values: Record<string, string>;
  readonly problem?: string;
}

// Every CSV Cordon writes neutralises spreadsheet formulas (a screened name may start with "=").
const csvField = (value: string): string => csvCell(value);

/** Splits chunks into UTF-8 text, failing with the line of the first invalid byte. */
class Utf8Decoder extends Transform {
  private carry = new Uint8Array(0);
  private lines = 1;
  private readonly decoder = new TextDecoder('utf-8');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    const bytes = new Uint8Array(this.carry.length + chunk.length);
    bytes.set(this.carry);
    bytes.set(chunk, this.carry.length);
    const check = checkUtf8(bytes);
    let usable = bytes.length;
    if (check.kind === 'invalid') {
      const line = this.lines + countNewlines(bytes, check.offset);
      callback(
        new NotUtf8Error(line, this.bytes - chunk.length - this.carry.length + check.offset),
      );
      return;
    }
    if (check.kind === 'incomplete') usable = check.offset;
    this.lines += countNewlines(bytes, usable);
    this.carry = bytes.slice(usable);
    callback(null, this.decoder.decode(bytes.subarray(0, usable), { stream: true }));
  }

  override _flush(callback: TransformCallback): void {
    if (this.carry.length > 0) {
      callback(new NotUtf8Error(this.lines, this.bytes - this.carry.length));
      return;
    }
    callback(null, this.decoder.decode());
  }
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0x0a) count += 1;
  return count;
}

class NotUtf8Error extends Error {
  constructor(
    readonly line: number,
    readonly offset: number,
  ) {
    super(
      `the file is not UTF-8: invalid byte at line ${line} (byte offset ${offset}); save it as UTF-8 and try again`,
    );
  }
}

/**
 * Screens every row of a CSV file against the lists and writes one output record per input row,
 * in input order: CSV (the input columns plus the top match and a summary of all matches) or
 * JSON Lines (the screening contract `{ query, snapshot, matches }` plus `row` and the input
 * `columns`). Rows stream through worker threads (one per core by default, each with its own
 * index), a bounded number of batches at a time, so memory stays flat whatever the file size. A
 * row with an empty name is written without matches and reported; a missing column, a file that
 * is not UTF-8 or CSV that cannot be read ends the run with an error naming the column or line.
 *
 * @example
 * const summary = await screenFile({ input: 'customers.csv', output: 'hits.jsonl',
 *   column: 'name', countryColumn: 'country', parties, onProgress: (p) => bar.update(p.rowsDone) });
 */
export async function screenFile(
  options: ScreenFileOptions,
): Promise<Result<ScreenFileSummary, ScreenFileError>> {
  const started = performance.now();
  const format =
    options.format ?? (options.output.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'csv');
  const column = options.column ?? 'name';
  const batchSize = Math.max(1, options.batchSize ?? 250);
  const workerCount = Math.max(1, Math.min(64, options.workers ?? availableParallelism()));
  const limit = options.limit ?? 10;
  const interval = options.progressIntervalMs ?? 500;
  const workerHeapMb =
    options.workerHeapMb ?? Math.max(512, Math.ceil((options.parties.length * 16) / 1024));

  let totalBytes: number;
  try {
    const stat = await fs.stat(options.input);
    if (!stat.isFile())
      return err({ kind: 'input-unreadable', message: `${options.input} is not a file` });
    totalBytes = stat.size;
    await fs.access(options.input);
  } catch (error) {
    return err({
      kind: 'input-unreadable',
      message: `cannot read ${options.input}: ${(error as Error).message}`,
    });
  }

  let output: WriteStream;
  try {
    const handle = await fs.open(options.output, 'w');
    await handle.close();
    output = createWriteStream(options.output, { encoding: 'utf8' });
  } catch (error) {
    return err({
      kind: 'output-unwritable',
      message: `cannot write ${options.output}: ${(error as Error).message}`,
    });
  }

  const decoder = new Utf8Decoder();
  const elapsed = (): number => (performance.now() - started) / 1000;
  let screeningStarted = 0;
  let rowsDone = 0;
  let lastProgress = 0;
  const progress = (force: boolean): void => {
    if (!options.onProgress) return;
    const now = performance.now();
    if (!force && now - lastProgress < interval) return;
    lastProgress = now;
    const screeningSeconds = screeningStarted > 0 ? (now - screeningStarted) / 1000 : 0;
    const rate = screeningSeconds > 0 ? rowsDone / screeningSeconds : 0;
    const share = totalBytes > 0 ? Math.min(1, decoder.bytes / totalBytes) : 1;
    options.onProgress({
      rowsDone,
      rowsPerSecond: Math.round(rate),
      bytesRead: decoder.bytes,
      totalBytes,
      etaSeconds:
        share > 0 && screeningSeconds > 0 ? (screeningSeconds * (1 - share)) / share : undefined,
      elapsedSeconds: elapsed(),
      screening: screeningStarted > 0,
    });
  };

  // Workers: each builds its index from the parties; wait until all are ready.
  const workers: Worker[] = [];
  const inFlight: number[] = [];
  let workerFailure: Error | undefined;
  const results = new Map<number, readonly RowResult[]>();
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const waitForEvent = (): Promise<void> => new Promise((resolve) => (wake = resolve));

  const indexStarted = performance.now();
  try {
    await Promise.all(
      Array.from({ length: workerCount }, (_, i) => {
        const worker = new Worker(new URL('./screening-worker-entry.js', import.meta.url), {
          workerData: {
            parties: options.parties,
            limit,
            ...(options.thresholds ? { thresholds: options.thresholds } : {}),
          },
          // From the TypeScript sources the worker needs tsx; compiled (dist/) it does not.
          execArgv: import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : [],
          resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
        });
        workers.push(worker);
        inFlight.push(0);
        return new Promise<void>((resolve, reject) => {
          worker.on('message', (reply: WorkerReply) => {
            if (reply.kind === 'ready') resolve();
            else {
              inFlight[i] = (inFlight[i] ?? 1) - 1;
              results.set(reply.batch, reply.results);
              notify();
            }
          });
          worker.once('error', (error: Error & { code?: string }) => {
            const failure =
              error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? new Error(
                    `${error.message} (its heap limit is ${String(workerHeapMb)} MB; screen with a larger workerHeapMb)`,
                  )
                : error;
            workerFailure = failure;
            reject(failure);
            notify();
          });
        });
      }),
    );
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    output.end();
    return err({
      kind: 'worker-failed',
      message: `a screening worker failed to start: ${(error as Error).message}`,
    });
  }
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  screeningStarted = performance.now();
  progress(true);

  let header: string[] | undefined;
  let nameIndex = -1;
  let countryIndex = -1;
  let kindIndex = -1;
  const pending = new Map<number, PendingRow[]>();
  let nextBatch = 0;
  let nextToWrite = 0;
  let current: PendingRow[] = [];
  let currentRows: WorkerRow[] = [];
  let dataRows = 0;
  let rowsWithMatches = 0;
  let rowsWithStrong = 0;
  let rowsWithProblems = 0;
  const problems: RowProblem[] = [];
  const maxInFlight = 2;

  const write = async (text: string): Promise<void> => {
    if (!output.write(text))
      await new Promise<void>((resolve) =>
        output.once('drain', () => {
          resolve();
        }),
      );
  };

  const recordProblem = (problem: RowProblem): void => {
    rowsWithProblems += 1;
    if (problems.length < 100) problems.push(problem);
  };

  const writeReady = async (): Promise<void> => {
    for (;;) {
      const batchResults = results.get(nextToWrite);
      const rows = pending.get(nextToWrite);
      if (!batchResults || !rows) return;
      results.delete(nextToWrite);
      pending.delete(nextToWrite);
      nextToWrite += 1;
      let text = '';
      rows.forEach((row, k) => {
        const result = batchResults[k] ?? { row: row.row, matches: [], problems: [] };
        if (result.matches.length > 0) rowsWithMatches += 1;
        if (result.matches.some((m) => m.band === 'strong')) rowsWithStrong += 1;
        // Mixed scripts and removed invisible characters (the zero-width joiners of Indic and
        // Persian names) are informational; an empty name is already said by the row's problem.
        const rowProblems = [
          ...(row.problem !== undefined ? [row.problem] : []),
          ...result.problems
            .filter(
              (p) =>
                p.kind !== 'mixed-scripts' &&
                p.kind !== 'control-characters-removed' &&
                !(row.problem !== undefined && p.kind === 'empty'),
            )
            .map((p) => p.kind),
        ];
        if (rowProblems.length > 0)
          recordProblem({ row: row.row, line: row.line, problem: rowProblems.join('; ') });
        text +=
          format === 'jsonl'
            ? jsonLine(row, result, rowProblems)
            : csvLine(row, result, rowProblems);
      });
      rowsDone += rows.length;
      await write(text);
      progress(false);
    }
  };

  // The snapshot is the same on every line: encoded once (with the list snapshots of a real run it
  // was the largest part of each line's encoding). The line is the JSON of
  // { row, columns, query, snapshot, matches, problems }, in that order.
  const snapshotJson = JSON.stringify(options.snapshot ?? null);
  const jsonLine = (row: PendingRow, result: RowResult, rowProblems: readonly string[]): string => {
    const query = {
      name: row.values[column] ?? '',
      ...(options.countryColumn !== undefined && row.values[options.countryColumn]
        ? { country: row.values[options.countryColumn] }
        : {}),
    };
    return `{"row":${JSON.stringify(row.row)},"columns":${JSON.stringify(row.values)},"query":${JSON.stringify(query)},"snapshot":${snapshotJson},"matches":${JSON.stringify(result.matches)},"problems":${JSON.stringify(rowProblems)}}\n`;
  };

  const csvLine = (row: PendingRow, result: RowResult, rowProblems: readonly string[]): string => {
    const top = result.matches[0];
    const fields = [
      String(row.row),
      ...(header ?? []).map((name) => row.values[name] ?? ''),
      String(result.matches.length),
      top?.band ?? '',
      top ? String(top.score) : '',
      top?.entityId ?? '',
      top?.source ?? '',
      top?.name ?? '',
      top?.matchedName ?? '',
      result.matches.map((m) => `${m.entityId} ${m.score} ${m.band}`).join('; '),
      rowProblems.join('; '),
    ];
    return `${fields.map(csvField).join(',')}\n`;
  };

  const dispatch = async (): Promise<void> => {
    if (current.length === 0) return;
    // Wait for a free worker: at most `maxInFlight` batches each, so memory stays bounded.
    for (;;) {
      if (workerFailure) throw workerFailure;
      let best = -1;
      for (let i = 0; i < workers.length; i += 1) {
        if (
          (inFlight[i] ?? 0) < maxInFlight &&
          (best < 0 || (inFlight[i] ?? 0) < (inFlight[best] ?? 0))
        )
          best = i;
      }
      if (best >= 0) {
        const batch: WorkerBatch = { batch: nextBatch, rows: currentRows };
        pending.set(nextBatch, current);
        nextBatch += 1;
        inFlight[best] = (inFlight[best] ?? 0) + 1;
        workers[best]?.postMessage(batch);
        current = [];
        currentRows = [];
        await writeReady();
        return;
      }
      await waitForEvent();
      await writeReady();
    }
  };

  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  const input = createReadStream(options.input);
  input.on('error', (error) => decoder.destroy(error));
  input.pipe(decoder).pipe(parser);
  decoder.on('error', (error) => parser.destroy(error));

  const finish = async (): Promise<void> => {
    await Promise.all(workers.map((w) => w.terminate()));
    await new Promise<void>((resolve) =>
      output.end(() => {
        resolve();
      }),
    );
  };

  try {
    for await (const entry of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const { record, info } = entry;
      if (!header) {
        header = record.map((h) => h.trim());
        nameIndex = header.indexOf(column);
        if (nameIndex < 0) {
          await finish();
          return err({
            kind: 'missing-column',
            column,
            line: info.lines,
            message: `the header has no column "${column}" (columns: ${header.join(', ') || 'none'})`,
          });
        }
        for (const [option, set] of [
          [options.countryColumn, (i: number) => (countryIndex = i)],
          [options.kindColumn, (i: number) => (kindIndex = i)],
        ] as const) {
          if (option === undefined) continue;
          const found = header.indexOf(option);
          if (found < 0) {
            await finish();
            return err({
              kind: 'missing-column',
              column: option,
              line: info.lines,
              message: `the header has no column "${option}" (columns: ${header.join(', ')})`,
            });
          }
          set(found);
        }
        if (format === 'csv') {
          await write(
            `${[
              'row',
              ...header,
              'match_count',
              'top_band',
              'top_score',
              'top_entity_id',
              'top_source',
              'top_name',
              'top_matched_name',
              'matches',
              'problems',
            ]
              .map(csvField)
              .join(',')}\n`,
          );
        }
        continue;
      }
      dataRows += 1;
      const values: Record<string, string> = {};
      header.forEach((name, i) => (values[name] = record[i] ?? ''));
      let problem: string | undefined;
      if (record.length !== header.length)
        problem = `expected ${header.length} fields, found ${record.length}`;
      const name = (record[nameIndex] ?? '').trim();
      if (!name && problem === undefined) problem = `empty "${column}"`;
      const kindValue = kindIndex >= 0 ? (record[kindIndex] ?? '').trim().toLowerCase() : '';
      const kind = kindValue === 'person' || kindValue === 'organisation' ? kindValue : undefined;
      const country = countryIndex >= 0 ? (record[countryIndex] ?? '').trim().toUpperCase() : '';
      current.push({
        row: dataRows,
        line: info.lines,
        values,
        ...(problem !== undefined ? { problem } : {}),
      });
      currentRows.push({
        row: dataRows,
        name: problem !== undefined && !name ? '' : name,
        ...(/^[A-Z]{2}$/.test(country) ? { country } : {}),
        ...(kind !== undefined ? { kind } : {}),
      });
      if (current.length >= batchSize) await dispatch();
    }
    await dispatch();
    while (nextToWrite < nextBatch) {
      if (workerFailure) throw workerFailure;
      await writeReady();
      if (nextToWrite < nextBatch) await waitForEvent();
    }
  } catch (error) {
    await finish();
    if (error instanceof NotUtf8Error)
      return err({ kind: 'not-utf8', line: error.line, message: error.message });
    if (error === workerFailure)
      return err({
        kind: 'worker-failed',
        message: `a screening worker failed: ${(error as Error).message}`,
      });
    const e = error as Error & { lines?: number; code?: string };
    return err({
      kind: 'malformed-csv',
      ...(e.lines !== undefined ? { line: e.lines } : {}),
      message: `cannot read the CSV${e.lines !== undefined ? ` at line ${e.lines}` : ''}: ${e.message}`,
    });
  }
  if (!header) {
    await finish();
    return err({
      kind: 'missing-column',
      column,
      message: `the file is empty: no header row with a "${column}" column`,
    });
  }
  await finish();
  progress(true);
  const seconds = elapsed();
  const screeningSeconds = (performance.now() - screeningStarted) / 1000;
  return ok({
    rows: dataRows,
    rowsWithMatches,
    rowsWithStrongMatches: rowsWithStrong,
    rowsWithProblems,
    problems,
    output: options.output,
    format,
    workers: workerCount,
    indexSeconds: Math.round(indexSeconds * 100) / 100,
    elapsedSeconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(screeningSeconds > 0 ? dataRows / screeningSeconds : 0),
  });
}
