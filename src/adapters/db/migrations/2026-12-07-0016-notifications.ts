import { sql, type Kysely } from 'kysely';

/**
 * In-app notifications (issue 20): one row a notification, addressed to a user, an exporter's
 * organisation or an authority role; who has read it is kept per person, since everyone of an
 * organisation or role reads for themselves. Written in the transaction of the case change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull())
    .addColumn('case_reference', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('recipient_kind', 'text', (col) =>
      col.notNull().check(sql`recipient_kind in ('user', 'organisation', 'role')`),
    )
    .addColumn('recipient', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('notification_recipient_idx')
    .on('notification')
    .columns(['recipient_kind', 'recipient', 'created_at'])
    .execute();
  await db.schema
    .createTable('notification_read')
    .addColumn('notification_id', 'text', (col) =>
      col.notNull().references('notification.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('read_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('notification_read_pk', ['notification_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_read').execute();
  await db.schema.dropTable('notification').execute();
}
