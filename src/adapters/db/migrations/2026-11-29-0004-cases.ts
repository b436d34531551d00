import type { Kysely } from 'kysely';

/**
 * Licence cases: the workflow state (`state`, versioned for optimistic concurrency), the
 * application, the assessment frozen at submission, the routing decision, the history of
 * transitions, the documents issued with their verification codes, and the alerts raised when
 * re-screening after a list update finds a new match.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('licence_case')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('jurisdiction', 'text', (col) => col.notNull())
    .addColumn('exporter_organisation_id', 'text', (col) => col.notNull())
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('queue', 'text')
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('application', 'text', (col) => col.notNull())
    .addColumn('assessment', 'text')
    .addColumn('routing', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('licence_case_org')
    .on('licence_case')
    .column('exporter_organisation_id')
    .execute();

  await db.schema
    .createTable('case_event')
    .addColumn('case_id', 'text', (col) => col.notNull().references('licence_case.id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_event_pk', ['case_id', 'version'])
    .execute();

  await db.schema
    .createTable('case_document')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('licence_case.id'))
    .addColumn('case_reference', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('pdf', 'bytea', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('case_alert')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('licence_case.id'))
    .addColumn('raised_at', 'timestamptz', (col) => col.notNull())
    .addColumn('alert', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('case_alert_case').on('case_alert').column('case_id').execute();

  await db.schema
    .createTable('case_reference_counter')
    .addColumn('prefix', 'text', (col) => col.primaryKey())
    .addColumn('last', 'integer', (col) => col.notNull())
    .execute();
}
