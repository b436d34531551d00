import type { Kysely } from 'kysely';

/**
 * Public consultations (industry, academia and civil society comment on a control proposal or a
 * policy version; not the partner consultations of the exchange): the consultation with its
 * subject and response (JSON text), each comment with what its author chose to publish and the
 * official's answer, and the comments' files. Each change is written with its audit entry in one
 * transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_consultation')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('authority', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('opens_at', 'timestamptz', (col) => col.notNull())
    .addColumn('closes_at', 'timestamptz', (col) => col.notNull())
    .addColumn('opened_by', 'text', (col) => col.notNull())
    .addColumn('opened_at', 'timestamptz', (col) => col.notNull())
    .addColumn('response', 'text')
    .execute();
  await db.schema
    .createTable('public_consultation_comment')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('consultation_id', 'text', (col) =>
      col.notNull().references('public_consultation.id'),
    )
    .addColumn('commenter_user_id', 'text', (col) => col.notNull())
    .addColumn('commenter_username', 'text', (col) => col.notNull())
    .addColumn('commenter_kind', 'text', (col) => col.notNull())
    .addColumn('published_name', 'text')
    .addColumn('published_organisation', 'text')
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('submitted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('attachments', 'text', (col) => col.notNull())
    .addColumn('answer', 'text')
    .execute();
  await db.schema
    .createIndex('public_consultation_comment_consultation')
    .on('public_consultation_comment')
    .columns(['consultation_id', 'submitted_at'])
    .execute();
  await db.schema
    .createTable('public_consultation_attachment')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('comment_id', 'text', (col) =>
      col.notNull().references('public_consultation_comment.id'),
    )
    .addColumn('content', 'bytea', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('public_consultation_attachment').execute();
  await db.schema.dropTable('public_consultation_comment').execute();
  await db.schema.dropTable('public_consultation').execute();
}
