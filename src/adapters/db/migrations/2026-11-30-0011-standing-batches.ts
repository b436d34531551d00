import type { Kysely } from 'kysely';

/**
 * Standing batches: a customer list kept to be screened again after every list update. A re-run
 * is a batch of its own (`rerun_of` names the standing batch whose rows it screens again, `cause`
 * says which list update started it), so its results sit beside the earlier runs' and can be
 * compared with them. `rerun_key` (the standing batch and the update) is unique: two instances
 * told of the same update start one re-run, not two.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('screening_batch')
    .addColumn('standing', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('rerun_of', 'text', (col) =>
      col.references('screening_batch.id').onDelete('cascade'),
    )
    .addColumn('cause', 'text')
    .addColumn('rerun_key', 'text', (col) => col.unique())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('screening_batch')
    .dropColumn('rerun_key')
    .dropColumn('cause')
    .dropColumn('rerun_of')
    .dropColumn('standing')
    .execute();
}
