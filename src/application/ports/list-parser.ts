import type { ListedParty } from '../../domain/lists/listed-party.ts';
import type { SnapshotProblem } from '../../domain/lists/list-snapshot.ts';
import type { Result } from '../../domain/shared/result.ts';

/** A file handed to a parser: its name (which tells its role, e.g. `alt.csv`) and its bytes. */
export interface ListFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What a parser made of a set of files: the records, the rows it skipped, and the data date if stated. */
export interface ParsedListFiles {
  readonly records: readonly ListedParty[];
  readonly skipped: readonly SnapshotProblem[];
  readonly dataDate?: string;
}

/** Turns the files of one list source into normalised records, or says why it cannot. */
export type ListParser = (
  source: string,
  files: readonly ListFile[],
) => Result<ParsedListFiles, { readonly problems: readonly SnapshotProblem[] }>;
