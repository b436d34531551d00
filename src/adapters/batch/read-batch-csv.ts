import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import type { BatchRow } from '../../application/screening/screen-batch.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

/** Which columns of the CSV hold what. */
export interface BatchCsvColumns {
  readonly column: string;
  readonly countryColumn?: string;
  readonly kindColumn?: string;
  /** A column echoed back as each row's `reference` (the caller's own key). */
  readonly referenceColumn?: string;
}

/** Decodes UTF-8 strictly: an invalid byte fails the stream instead of becoming U+FFFD. */
class StrictUtf8 extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    try {
      callback(null, this.decoder.decode(chunk, { stream: true }));
    } catch {
      callback(new Error('the file is not UTF-8; save it as UTF-8 and try again'));
    }
  }
  override _flush(callback: TransformCallback) {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(new Error('the file is not UTF-8 (it ends inside a character)'));
    }
  }
}

/**
 * Reads a UTF-8 CSV file with a header row as batch rows, streaming (memory stays flat whatever
 * the size). A missing column, a byte that is not UTF-8 or a malformed line ends the rows with an
 * error naming the column or the line; a row with an empty name is passed on (the batch reports it
 * as rejected).
 */
export async function* readBatchCsv(
  file: string,
  columns: BatchCsvColumns,
): AsyncGenerator<Result<BatchRow, CordonError>> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true });
  const source = createReadStream(file);
  const utf8 = new StrictUtf8();
  const failures: Error[] = [];
  const fail = (error: Error) => {
    failures.push(error);
    parser.destroy(error);
  };
  source.on('error', fail);
  utf8.on('error', fail);
  source.pipe(utf8).pipe(parser);

  let indexes: { name: number; country: number; kind: number; reference: number } | undefined;
  try {
    for await (const record of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const values = record.record;
      if (indexes === undefined) {
        const header = values.map((v) => v.trim());
        const find = (name: string | undefined) => (name === undefined ? -1 : header.indexOf(name));
        const missing = [
          columns.column,
          columns.countryColumn,
          columns.kindColumn,
          columns.referenceColumn,
        ]
          .filter((name): name is string => name !== undefined)
          .filter((name) => find(name) === -1);
        if (missing.length > 0) {
          yield err(
            cordonError(
              'CORDON_BATCH_FILE_INVALID',
              `${file} has no column ${missing.map((m) => `"${m}"`).join(', ')}; its header is: ${header.join(', ')}.`,
            ),
          );
          return;
        }
        indexes = {
          name: find(columns.column),
          country: find(columns.countryColumn),
          kind: find(columns.kindColumn),
          reference: find(columns.referenceColumn),
        };
        continue;
      }
      const at = (i: number) => (i >= 0 ? values[i] : undefined);
      const country = at(indexes.country);
      const kind = at(indexes.kind);
      const reference = at(indexes.reference);
      yield ok({
        name: at(indexes.name) ?? '',
        ...(country !== undefined && country !== '' ? { country } : {}),
        ...(kind !== undefined && kind !== '' ? { kind } : {}),
        ...(reference !== undefined ? { reference } : {}),
      });
    }
  } catch (error) {
    const cause = failures[0] ?? (error as Error);
    const code = (cause as NodeJS.ErrnoException).code;
    yield err(
      cordonError(
        code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR'
          ? 'CORDON_FILE_UNREADABLE'
          : 'CORDON_BATCH_FILE_INVALID',
        `Cannot read ${file}: ${cause.message}`,
      ),
    );
    return;
  } finally {
    source.destroy();
  }
  if (indexes === undefined) {
    yield err(cordonError('CORDON_BATCH_FILE_INVALID', `${file} is empty (no header row).`));
  }
}
