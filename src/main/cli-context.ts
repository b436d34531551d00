import { parseConfig, type Config, type ConfigFlags } from '../config/config.ts';
import type { CliIo, CommandOutput } from '../adapters/cli/output.ts';
import type { DatabaseConnection } from '../adapters/db/open-database.ts';
import type { ListedParty } from '../domain/lists/listed-party.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, type Result } from '../domain/shared/result.ts';

export type Outcome = Promise<Result<CommandOutput, CordonError>>;

/** A snapshot imported while the store was made ready (first use), with its records. */
export interface ImportedSnapshot {
  readonly snapshotId: string;
  readonly entries: readonly ListedParty[];
}

/** What every group of CLI handlers shares: the environment, the code version, config and database access. */
export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly codeVersion: string;
  readonly io: CliIo;
  readonly configFrom: (flags: ConfigFlags) => Result<Config, CordonError>;
  /** Opens the configured database for one command and closes it afterwards, whatever happens. */
  readonly withDatabase: (
    flags: ConfigFlags,
    command: string,
    work: (database: DatabaseConnection) => Outcome,
  ) => Outcome;
  /**
   * Like `withDatabase`, on a store ready for work: the embedded store is migrated and seeded with
   * the shipped data on first use; PostgreSQL must have been migrated with `cordon db migrate`.
   */
  readonly withReadyDatabase: (
    flags: ConfigFlags,
    command: string,
    work: (database: DatabaseConnection, imported: readonly ImportedSnapshot[]) => Outcome,
  ) => Outcome;
}

// Heavy modules (the database engines, the HTTP server) load only when a command needs them, so
// that `cordon --help` answers at once.
export const dbModules = async () => ({
  ...(await import('../adapters/db/open-database.ts')),
  ...(await import('../adapters/db/migrator.ts')),
  ...(await import('../adapters/db/instance-record.ts')),
});

export function createCliContext(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  codeVersion: string,
  io: CliIo,
): CliContext {
  const configFrom = (flags: ConfigFlags): Result<Config, CordonError> => {
    const parsed = parseConfig(env, flags, cwd);
    return parsed.ok
      ? parsed
      : err(cordonError('CORDON_CONFIG_INVALID', 'Invalid configuration', parsed.error));
  };

  const withDatabase: CliContext['withDatabase'] = async (flags, command, work) => {
    const config = configFrom(flags);
    if (!config.ok) return config;
    const { openDatabase } = await dbModules();
    const opened = await openDatabase(config.value.database, { command });
    if (!opened.ok) return opened;
    try {
      return await work(opened.value);
    } finally {
      await opened.value.close();
    }
  };

  return {
    env,
    cwd,
    codeVersion,
    io,
    configFrom,
    withDatabase,
    withReadyDatabase: (flags, command, work) =>
      withDatabase(flags, command, async (database) => {
        const { prepareStore } = await import('./prepare-store.ts');
        const imported: ImportedSnapshot[] = [];
        const prepared = await prepareStore(database, {
          codeVersion,
          io,
          onSnapshotSaved: (snapshotId, entries) => imported.push({ snapshotId, entries }),
        });
        if (!prepared.ok) return prepared;
        return work(database, imported);
      }),
  };
}
