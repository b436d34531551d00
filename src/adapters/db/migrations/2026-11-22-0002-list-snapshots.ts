import { sql, type Kysely } from 'kysely';

/**
 * Immutable list snapshots, their entries, and which snapshot is active per source. A snapshot and
 * its entries are written in one transaction, so a half-imported snapshot never exists.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('list_snapshot')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('data_date', 'date', (col) => col.notNull())
    .addColumn('imported_at', 'timestamptz', (col) => col.notNull())
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addColumn('files', 'jsonb', (col) => col.notNull())
    .addColumn('entry_count', 'integer', (col) => col.notNull())
    .addColumn('skipped_count', 'integer', (col) => col.notNull())
    .addColumn('problems', 'jsonb', (col) => col.notNull())
    .addColumn('importer_version', 'text', (col) => col.notNull())
    .addColumn('provenance', 'text', (col) => col.notNull())
    .addUniqueConstraint('list_snapshot_source_content_unique', ['source', 'content_hash'])
    .execute();

  await db.schema
    .createTable('list_entry')
    .addColumn('snapshot_id', 'text', (col) =>
      col.notNull().references('list_snapshot.id').onDelete('cascade'),
    )
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('primary_name', 'text', (col) => col.notNull())
    .addColumn('search_text', 'text', (col) => col.notNull())
    .addColumn('record', 'jsonb', (col) => col.notNull())
    .addPrimaryKeyConstraint('list_entry_pk', ['snapshot_id', 'entity_id'])
    .execute();

  await db.schema
    .createTable('list_source_state')
    .addColumn('source', 'text', (col) => col.primaryKey())
    .addColumn('active_snapshot_id', 'text', (col) => col.notNull().references('list_snapshot.id'))
    .addColumn('activated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}
