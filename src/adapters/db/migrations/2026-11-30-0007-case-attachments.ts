import type { Kysely } from 'kysely';

/**
 * Supporting documents of licence cases (end-user undertakings, technical specifications...): the
 * content as uploaded, its type as recognised from the content, its size and SHA-256, and who
 * uploaded it when. Written with the audit entry of the upload in one transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_attachment')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_id', 'text', (col) => col.notNull().references('licence_case.id'))
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('media_type', 'text', (col) => col.notNull())
    .addColumn('size_bytes', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('uploaded_by', 'text', (col) => col.notNull())
    .addColumn('uploaded_at', 'timestamptz', (col) => col.notNull())
    .addColumn('content', 'bytea', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('case_attachment_case')
    .on('case_attachment')
    .columns(['case_id', 'uploaded_at'])
    .execute();
}
