import { sql, type Kysely } from 'kysely';

/** The store's birth certificate: when it was created and by which Cordon version. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cordon_instance')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('created_by_version', 'text', (col) => col.notNull())
    .execute();
}
