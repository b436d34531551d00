import type { ListedParty } from './listed-party.ts';

/** One file of an import, identified by its content. */
export interface SnapshotFile {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** A row the parser skipped, with where it was and why. */
export interface SnapshotProblem {
  readonly file: string;
  readonly line?: number;
  readonly element?: string;
  readonly message: string;
}

/**
 * An immutable, imported version of one list source. Every screening hit and every decision names
 * the snapshot it used, so that it can be reproduced later.
 */
export interface ListSnapshot {
  /** `<source>@<data date>.<first 8 hex of the content hash>`, e.g. `us-ofac-sdn@2024-05-03.1a2b3c4d`. */
  readonly id: string;
  readonly source: string;
  /** The date the data is as of (YYYY-MM-DD), from the files or the import manifest. */
  readonly dataDate: string;
  readonly importedAt: Date;
  /** SHA-256 over the files' names and hashes: the same files give the same hash. */
  readonly contentHash: string;
  readonly files: readonly SnapshotFile[];
  readonly entryCount: number;
  readonly skippedCount: number;
  /** The skipped rows (at most `maxStoredProblems`; `skippedCount` has the full count). */
  readonly problems: readonly SnapshotProblem[];
  readonly importerVersion: string;
  /** Free text on where the files came from. */
  readonly provenance: string;
}

export const maxStoredProblems = 2_000;

/** Builds the snapshot id from its source, data date and content hash. */
export const snapshotIdOf = (source: string, dataDate: string, contentHash: string): string =>
  `${source}@${dataDate}.${contentHash.slice(0, 8)}`;

/** A listed party as stored in a snapshot. */
export interface SnapshotEntry {
  readonly snapshotId: string;
  readonly party: ListedParty;
}
