import { sql, type Kysely } from 'kysely';
import type { DatabaseHealth } from '../../application/ports/database-health.ts';
import { migrationStates } from './migrator.ts';
import { describeConnectionFailure } from './open-database.ts';
import type { Database } from './schema.ts';

/** `DatabaseHealth` over Kysely: a `select 1` with a time limit, and the migrator's view. */
export function kyselyDatabaseHealth(db: Kysely<Database>, timeoutMs = 2_000): DatabaseHealth {
  return {
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<string>((resolve) => {
        timer = setTimeout(() => {
          resolve(`no answer within ${timeoutMs} ms`);
        }, timeoutMs);
      });
      try {
        return await Promise.race([sql`select 1`.execute(db).then(() => undefined), timeout]);
      } catch (error) {
        return describeConnectionFailure(error);
      } finally {
        clearTimeout(timer);
      }
    },
    async pendingMigrations() {
      const states = await migrationStates(db);
      return states.filter((m) => m.executedAt === undefined).map((m) => m.name);
    },
  };
}
