import type { ListedParty } from '../../domain/lists/listed-party.ts';
import type { SnapshotProblem } from '../../domain/lists/list-snapshot.ts';
import type { ListSourceId } from '../../domain/lists/list-source.ts';

export type { ListFile } from '../../application/ports/list-parser.ts';

/**
 * Where a parser met something it could not read, and what it expected: `alt.csv line 12`,
 * `part-744.xml <TR> 31`. The same shape as the problems a snapshot stores.
 */
export type ParseProblem = SnapshotProblem;

/** The files could not be read as a whole: nothing of them may be imported. */
export interface ParseFailure {
  readonly problems: readonly ParseProblem[];
}

/** What one format parser made of its files: the records, each row it skipped, the stated date. */
export interface ParserOutput {
  readonly records: readonly ListedParty[];
  readonly skipped: readonly ParseProblem[];
  /** YYYY-MM-DD, when the files themselves state the date of their data. */
  readonly dataDate?: string;
}

/** The outcome of `parseListFiles`: a parser's output for one list source. */
export interface ParsedList extends ParserOutput {
  readonly source: ListSourceId;
}

/** A file already decoded to text (parsers never see bytes: decoding is checked once, up front). */
export interface TextFile {
  readonly name: string;
  readonly text: string;
}

/** A failure with a single problem. */
export const failure = (problem: ParseProblem): ParseFailure => ({ problems: [problem] });
