import type { ListedParty } from '../../domain/lists/listed-party.ts';
import type { ListSnapshot } from '../../domain/lists/list-snapshot.ts';

/** A source's active snapshot, as `lists status` shows it. */
export interface ActiveSnapshot {
  readonly source: string;
  readonly snapshot: ListSnapshot;
  readonly activatedAt: Date;
}

export interface EntryPage {
  readonly total: number;
  readonly entries: readonly ListedParty[];
}

/** Stores immutable list snapshots and which one is active per source. */
export interface ListSnapshotStore {
  /**
   * Saves a snapshot with all its entries and makes it the source's active one, all or nothing:
   * a failure (or a crash) leaves the previous snapshot active and no row of the new one visible.
   */
  saveAndActivate(snapshot: ListSnapshot, entries: readonly ListedParty[]): Promise<void>;
  /** Makes an already stored snapshot the active one of its source. */
  activate(snapshotId: string): Promise<boolean>;
  findByContentHash(source: string, contentHash: string): Promise<ListSnapshot | undefined>;
  getSnapshot(snapshotId: string): Promise<ListSnapshot | undefined>;
  /** Every snapshot, newest first, optionally of one source. */
  listSnapshots(source?: string): Promise<readonly ListSnapshot[]>;
  activeSnapshots(): Promise<readonly ActiveSnapshot[]>;
  /** All entries of a snapshot, in entity-id order. */
  entries(snapshotId: string): Promise<readonly ListedParty[]>;
  /** One page of a snapshot's entries whose names contain `query` (case-insensitive), by name. */
  browse(
    snapshotId: string,
    query: string | undefined,
    page: { readonly offset: number; readonly limit: number },
  ): Promise<EntryPage>;
}
