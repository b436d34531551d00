import type { Kysely } from 'kysely';

/**
 * Control proposals (ours and partners'), the positions authorities take on each version, and
 * the sync-gap alerts raised on open cases when a partner adopts a control this authority lacks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('control_proposal')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('authority', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('current_version', 'integer', (col) => col.notNull())
    .addColumn('record', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('control_proposal_position')
    .addColumn('proposal_id', 'text', (col) => col.notNull())
    .addColumn('partner', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('position', 'text', (col) => col.notNull())
    .addColumn('record', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('control_proposal_position_pk', ['proposal_id', 'partner', 'version'])
    .execute();

  await db.schema
    .createTable('proposal_sync_gap_alert')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('proposal_id', 'text', (col) => col.notNull())
    .addColumn('partner', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text', (col) => col.notNull())
    .addColumn('record', 'text', (col) => col.notNull())
    .addColumn('raised_at', 'timestamptz', (col) => col.notNull())
    .addUniqueConstraint('proposal_sync_gap_alert_once', ['proposal_id', 'partner', 'case_id'])
    .execute();
  await db.schema
    .createIndex('proposal_sync_gap_alert_case')
    .on('proposal_sync_gap_alert')
    .column('case_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('proposal_sync_gap_alert').execute();
  await db.schema.dropTable('control_proposal_position').execute();
  await db.schema.dropTable('control_proposal').execute();
}
