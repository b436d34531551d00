import type { Kysely } from 'kysely';

/**
 * Distributed batch screening: a batch (one submitted file), its chunks (the unit of work a
 * worker takes from the job queue, rows kept as JSON text) and one result per row. The primary
 * key (batch, row) of `screening_batch_result` is what makes a retried chunk harmless: a row
 * screened twice is stored once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('screening_batch')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('row_count', 'integer', (col) => col.notNull())
    .addColumn('chunk_count', 'integer', (col) => col.notNull())
    .addColumn('match_limit', 'integer', (col) => col.notNull())
    .addColumn('submitted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('completed_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('screening_batch_chunk')
    .addColumn('batch_id', 'text', (col) =>
      col.notNull().references('screening_batch.id').onDelete('cascade'),
    )
    .addColumn('chunk', 'integer', (col) => col.notNull())
    .addColumn('first_row', 'integer', (col) => col.notNull())
    .addColumn('row_count', 'integer', (col) => col.notNull())
    .addColumn('rows', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('snapshot', 'text')
    .addColumn('completed_at', 'timestamptz')
    .addPrimaryKeyConstraint('screening_batch_chunk_pk', ['batch_id', 'chunk'])
    .execute();

  await db.schema
    .createTable('screening_batch_result')
    .addColumn('batch_id', 'text', (col) =>
      col.notNull().references('screening_batch.id').onDelete('cascade'),
    )
    .addColumn('row', 'integer', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('match_count', 'integer', (col) => col.notNull())
    .addColumn('strong', 'boolean', (col) => col.notNull())
    .addColumn('result', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('screening_batch_result_pk', ['batch_id', 'row'])
    .execute();
}
