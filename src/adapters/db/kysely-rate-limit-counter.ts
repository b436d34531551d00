import { sql, type Kysely } from 'kysely';
import type { RateLimitCounter } from '../../application/ports/rate-limit-counter.ts';
import type { Database } from './schema.ts';

/**
 * `RateLimitCounter` in the database: one upsert per hit, timed by the database's clock so that
 * instances with drifting clocks still share one window. The same SQL on PGlite and PostgreSQL.
 */
export function kyselyRateLimitCounter(db: Kysely<Database>): RateLimitCounter {
  return {
    async hit(key, windowMs) {
      const window = sql<Date>`now() + ${windowMs} * interval '1 millisecond'`;
      const row = await db
        .insertInto('rate_limit_counter')
        .values({ key, hits: 1, reset_at: window })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`case when rate_limit_counter.reset_at <= now() then 1 else rate_limit_counter.hits + 1 end`,
            reset_at: sql<Date>`case when rate_limit_counter.reset_at <= now() then ${window} else rate_limit_counter.reset_at end`,
          }),
        )
        .returning([
          'hits',
          // `numeric`: a string on PostgreSQL
          sql<string | number>`greatest(0, extract(epoch from (reset_at - now())) * 1000)`.as(
            'reset_in_ms',
          ),
        ])
        .executeTakeFirstOrThrow();
      if (row.hits === 1) {
        await db
          .deleteFrom('rate_limit_counter')
          .where('reset_at', '<', sql<Date>`now() - interval '1 hour'`)
          .execute();
      }
      return { hits: row.hits, resetInMs: Math.ceil(Number(row.reset_in_ms)) };
    },
  };
}
