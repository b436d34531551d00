import type { ColumnType, Generated } from 'kysely';

/**
 * The tables Cordon stores, as Kysely sees them. One schema for both engines (PGlite and
 * PostgreSQL 15+); every migration in `migrations/` must keep this interface true.
 */
export interface Database {
  cordon_instance: CordonInstanceTable;
  list_snapshot: ListSnapshotTable;
  list_entry: ListEntryTable;
  list_source_state: ListSourceStateTable;
}

/** One row, written when a store is created: which code version created it, and when. */
export interface CordonInstanceTable {
  id: Generated<number>;
  created_at: ColumnType<Date, string | undefined, never>;
  created_by_version: string;
}

export interface ListSnapshotTable {
  id: string;
  source: string;
  /** Read back as text (`YYYY-MM-DD`): the date is never shifted by a time zone. */
  data_date: ColumnType<string, string, never>;
  imported_at: ColumnType<Date, Date, never>;
  content_hash: string;
  files: ColumnType<unknown, string, never>;
  entry_count: number;
  skipped_count: number;
  problems: ColumnType<unknown, string, never>;
  importer_version: string;
  provenance: string;
}

export interface ListEntryTable {
  snapshot_id: string;
  entity_id: string;
  primary_name: string;
  /** Every name of the entry, lower-cased and joined, for browsing by text. */
  search_text: string;
  record: ColumnType<unknown, string, never>;
}

export interface ListSourceStateTable {
  source: string;
  active_snapshot_id: string;
  activated_at: ColumnType<Date, Date | undefined, Date>;
}
