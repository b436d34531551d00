import type { Kysely } from 'kysely';

/**
 * Exchange between partner states: the partner registry with pinned keys and feed cursors, our
 * own signed chain (the outbox partners read), accepted and rejected incoming messages, and what
 * the messages built: partners' denials, consultations and threat alerts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('exchange_partner')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('last_sequence', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_hash', 'text')
    .addColumn('added_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_sync_at', 'timestamptz')
    .addColumn('last_sync_error', 'text')
    .execute();

  await db.schema
    .createTable('exchange_partner_key')
    .addColumn('partner_id', 'text', (col) => col.notNull().references('exchange_partner.id'))
    .addColumn('kid', 'text', (col) => col.notNull())
    .addColumn('public_jwk', 'text', (col) => col.notNull())
    .addColumn('valid_until', 'timestamptz')
    .addColumn('added_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('exchange_partner_key_pk', ['partner_id', 'kid'])
    .execute();

  await db.schema
    .createTable('exchange_outbox')
    .addColumn('sequence', 'integer', (col) => col.primaryKey())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('header', 'text', (col) => col.notNull())
    .addColumn('jws', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('exchange_inbox')
    .addColumn('sender', 'text', (col) => col.notNull())
    .addColumn('sequence', 'integer', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('header', 'text', (col) => col.notNull())
    .addColumn('jws', 'text', (col) => col.notNull())
    .addColumn('body', 'text')
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('exchange_inbox_pk', ['sender', 'sequence'])
    .execute();

  await db.schema
    .createTable('exchange_rejected')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('partner_id', 'text', (col) => col.notNull())
    .addColumn('sequence', 'integer')
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('detail', 'text', (col) => col.notNull())
    .addColumn('jws', 'text', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('exchange_denial')
    .addColumn('sender', 'text', (col) => col.notNull())
    .addColumn('reference', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('denial', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('exchange_denial_pk', ['sender', 'reference'])
    .execute();

  await db.schema
    .createTable('exchange_consultation')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('direction', 'text', (col) => col.notNull())
    .addColumn('partner_id', 'text', (col) => col.notNull())
    .addColumn('denial_reference', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('record', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('exchange_alert')
    .addColumn('sender', 'text', (col) => col.notNull())
    .addColumn('alert_id', 'text', (col) => col.notNull())
    .addColumn('alert', 'text', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('exchange_alert_pk', ['sender', 'alert_id'])
    .execute();
}
