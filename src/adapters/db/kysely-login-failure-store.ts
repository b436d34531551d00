import { sql, type Kysely } from 'kysely';
import type { LoginFailureStore } from '../../application/ports/login-failure-store.ts';
import type { Database } from './schema.ts';

/**
 * `LoginFailureStore` on Kysely: one row per hashed (name, address) key, counted with an upsert so
 * that concurrent failures on several instances are all counted.
 */
export function kyselyLoginFailureStore(db: Kysely<Database>): LoginFailureStore {
  return {
    async failuresOf(key) {
      const row = await db
        .selectFrom('login_failure')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      return row && { failures: row.failures, lastFailureAt: row.last_failure_at };
    },
    async recordFailure(key, at, forgetBefore) {
      const row = await db
        .insertInto('login_failure')
        .values({ key, failures: 1, last_failure_at: at })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql<number>`case when login_failure.last_failure_at < ${forgetBefore} then 1 else login_failure.failures + 1 end`,
            last_failure_at: at,
          }),
        )
        .returning(['failures', 'last_failure_at'])
        .executeTakeFirstOrThrow();
      // Rows of keys nobody tried for a day are of no use: drop a few with each failure.
      await db.deleteFrom('login_failure').where('last_failure_at', '<', forgetBefore).execute();
      return { failures: row.failures, lastFailureAt: row.last_failure_at };
    },
    async clear(key) {
      await db.deleteFrom('login_failure').where('key', '=', key).execute();
    },
  };
}
