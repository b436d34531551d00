import { sql, type Kysely } from 'kysely';

/**
 * People hardening (issue 18): a password someone else set must be changed at first sign-in;
 * grants that take two administrators (requests and their decisions); one-time enrolment codes in
 * two halves; sign-in failures counted per account and client address (a back-off, not a lock:
 * `app_user.failed_attempts` and `locked_until` are no longer read).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('app_user')
    .addColumn('must_change_password', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('grant_request')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('username', 'text', (col) => col.notNull())
    .addColumn('organisation_id', 'text')
    .addColumn('display_name', 'text')
    .addColumn('roles', 'jsonb', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('requested_by_user_id', 'text', (col) => col.notNull())
    .addColumn('requested_by', 'text', (col) => col.notNull())
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('decided_by_user_id', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('requester_half_hash', 'text')
    .execute();

  await db.schema
    .createTable('enrolment')
    .addColumn('user_id', 'text', (col) => col.primaryKey().references('app_user.id'))
    .addColumn('requester_half_hash', 'text', (col) => col.notNull())
    .addColumn('approver_half_hash', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('login_failure')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('failures', 'integer', (col) => col.notNull())
    .addColumn('last_failure_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create index login_failure_last on login_failure (last_failure_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_failure').execute();
  await db.schema.dropTable('enrolment').execute();
  await db.schema.dropTable('grant_request').execute();
  await db.schema.alterTable('app_user').dropColumn('must_change_password').execute();
}
