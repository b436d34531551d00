import type { Kysely } from 'kysely';

/**
 * Country indicator datasets a user imported (`cordon indicators import`): one row per version of
 * a source (`vdem@2`), immutable, and its country-year values (one JSON object per row, since the
 * indicator columns differ between sources). Assessments record the dataset id they read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('indicator_dataset')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addColumn('year', 'integer')
    .addColumn('indicators', 'jsonb', (col) => col.notNull())
    .addColumn('row_count', 'integer', (col) => col.notNull())
    .addColumn('skipped_entities', 'jsonb', (col) => col.notNull())
    .addColumn('imported_at', 'timestamptz', (col) => col.notNull())
    .addColumn('importer_version', 'text', (col) => col.notNull())
    .addUniqueConstraint('indicator_dataset_source_version', ['source', 'version'])
    .execute();
  await db.schema
    .createTable('indicator_value')
    .addColumn('dataset_id', 'text', (col) =>
      col.notNull().references('indicator_dataset.id').onDelete('cascade'),
    )
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('readings', 'jsonb', (col) => col.notNull())
    .addPrimaryKeyConstraint('indicator_value_pk', ['dataset_id', 'country', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('indicator_value').execute();
  await db.schema.dropTable('indicator_dataset').execute();
}
