import type { DatabaseHealth } from '../ports/database-health.ts';

export interface ReadinessCheck {
  readonly name: 'database' | 'migrations';
  readonly ok: boolean;
  readonly detail: string;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: readonly ReadinessCheck[];
}

/**
 * Decides whether Cordon can serve requests: the database answers and no migration is pending.
 * Migrations are not checked while the database is down, since the answer would be a guess.
 */
export async function checkReadiness(database: DatabaseHealth): Promise<ReadinessReport> {
  const failure = await database.ping();
  if (failure !== undefined) {
    return {
      ready: false,
      checks: [
        { name: 'database', ok: false, detail: failure },
        { name: 'migrations', ok: false, detail: 'not checked: the database is unreachable' },
      ],
    };
  }
  const pending = await database.pendingMigrations();
  const migrations: ReadinessCheck =
    pending.length === 0
      ? { name: 'migrations', ok: true, detail: 'all migrations applied' }
      : {
          name: 'migrations',
          ok: false,
          detail: `${pending.length} pending: ${pending.join(', ')} (run \`cordon db migrate\`)`,
        };
  return {
    ready: migrations.ok,
    checks: [{ name: 'database', ok: true, detail: 'answers' }, migrations],
  };
}
