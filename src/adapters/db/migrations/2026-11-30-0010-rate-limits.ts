import type { Kysely } from 'kysely';

/**
 * Rate-limit counters shared by every API instance on one database: one row per key (route and
 * client address), counting hits until `reset_at`. Rows are tiny and rewritten in place; a hit
 * that opens a new window also deletes rows whose window closed more than an hour ago.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_counter')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('hits', 'integer', (col) => col.notNull())
    .addColumn('reset_at', 'timestamptz', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_counter').execute();
}
