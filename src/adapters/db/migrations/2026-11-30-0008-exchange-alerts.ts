import { sql, type Kysely } from 'kysely';

/**
 * Threat alerts that can be withdrawn and that screening cites: each alert's status, the verified
 * message a partner's alert came in (id, hash, issue date, key), its withdrawal, and when the row
 * last changed (screening rebuilds its index when that moves). Our own denials remember who they
 * were notified to, so that an amendment reaches the same partners.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('exchange_alert')
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .execute();
  await db.schema.alterTable('exchange_alert').addColumn('message', 'text').execute();
  await db.schema.alterTable('exchange_alert').addColumn('withdrawal', 'text').execute();
  await db.schema.alterTable('exchange_alert').addColumn('updated_at', 'timestamptz').execute();
  await sql`update exchange_alert set updated_at = received_at`.execute(db);
  await db.schema
    .alterTable('exchange_alert')
    .alterColumn('updated_at', (col) => col.setNotNull())
    .execute();
  await db.schema.alterTable('exchange_denial').addColumn('recipients', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('exchange_denial').dropColumn('recipients').execute();
  for (const column of ['updated_at', 'withdrawal', 'message', 'status']) {
    await db.schema.alterTable('exchange_alert').dropColumn(column).execute();
  }
}
