import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** A migration and when it ran, if it has. */
export interface MigrationState {
  readonly name: string;
  readonly executedAt: Date | undefined;
}

const migratorFor = (db: Kysely<Database>) =>
  new Migrator({
    db,
    provider,
    migrationTableName: 'cordon_migration',
    migrationLockTableName: 'cordon_migration_lock',
  });

/**
 * Brings the schema to the latest migration. Each migration runs in its own transaction; on a failure
 * the database stays at the last good one and the error names the migration that failed.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
): Promise<Result<readonly string[], CordonError>> {
  const { error, results } = await migratorFor(db).migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const cause = error instanceof Error ? error.message : JSON.stringify(error);
    return err(cordonError('CORDON_MIGRATION_FAILED', `Migration ${failed} failed: ${cause}`));
  }
  return ok(applied);
}

/** Every migration known to the code, with the time it was applied to this database. */
export async function migrationStates(db: Kysely<Database>): Promise<readonly MigrationState[]> {
  const known = await migratorFor(db).getMigrations();
  return known.map((m) => ({ name: m.name, executedAt: m.executedAt }));
}
