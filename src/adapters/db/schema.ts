import type { ColumnType, Generated } from 'kysely';

/**
 * The tables Cordon stores, as Kysely sees them. One schema for both engines (PGlite and
 * PostgreSQL 15+); every migration in `migrations/` must keep this interface true.
 */
export interface Database {
  cordon_instance: CordonInstanceTable;
}

/** One row, written when a store is created: which code version created it, and when. */
export interface CordonInstanceTable {
  id: Generated<number>;
  created_at: ColumnType<Date, string | undefined, never>;
  created_by_version: string;
}
