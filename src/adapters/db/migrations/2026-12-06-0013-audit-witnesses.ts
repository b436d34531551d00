import type { Kysely } from 'kysely';

/**
 * Partners' audit heads (issue 18): each `audit-head` message a partner signed, kept as a witness
 * of its audit trail at that moment (the signed header stays in `exchange_inbox`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('exchange_audit_witness')
    .addColumn('sender', 'text', (col) => col.notNull())
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('message_id', 'text', (col) => col.notNull())
    .addColumn('key_id', 'text', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('exchange_audit_witness_pk', ['sender', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('exchange_audit_witness').execute();
}
