import { parseConfig, type Config, type ConfigFlags } from '../config/config.ts';
import type { CliIo, CommandOutput } from '../adapters/cli/output.ts';
import type { DatabaseConnection } from '../adapters/db/open-database.ts';
import type { ListedParty } from '../domain/lists/listed-party.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../domain/shared/result.ts';
import { askRunningServer, runningServer, type ServerRequest } from './cli-remote.ts';

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
    options?: ReadOptions,
  ) => Outcome;
}

/** How a command that only reads is run. */
export interface ReadOptions {
  /** The command only reads: a `--data-dir` that does not exist is an error, not a new store. */
  readonly readOnly?: boolean;
  /**
   * The same question as a request to the API of a `cordon serve` that holds the embedded data
   * directory, and how to print its answer: the command then goes through that server.
   */
  readonly viaServer?: {
    readonly request: ServerRequest;
    readonly output: (answer: unknown) => CommandOutput;
  };
}

/**
 * A command that only reads must not create a data directory named with `--data-dir` (a typo would
 * otherwise give a new, empty store and a list import). The default directory and CORDON_DATA_DIR
 * are still created on first use.
 */
export function existingDataDir(config: Config, flags: ConfigFlags, command: string) {
  if (config.database.engine !== 'embedded' || flags.dataDir === undefined) return ok(config);
  if (fs.existsSync(config.database.dataDir)) return ok(config);
  return err(
    cordonError('CORDON_CONFIG_INVALID', 'Invalid configuration', [
      {
        field: '--data-dir',
        problem: `"${config.database.dataDir}" does not exist, and \`${command}\` only reads (create a store with \`cordon --data-dir ${flags.dataDir} db migrate\`)`,
      },
    ]),
  );
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
    withReadyDatabase: (flags, command, work, options) => {
      if (options?.readOnly === true) {
        const config = configFrom(flags);
        if (!config.ok) return Promise.resolve(config);
        const exists = existingDataDir(config.value, flags, command);
        if (!exists.ok) return Promise.resolve(exists);
        const server = runningServer(config.value);
        if (server && options.viaServer) {
          const { request, output } = options.viaServer;
          return askRunningServer(server, env.CORDON_TOKEN, command, request).then((answer) =>
            answer.ok ? ok(output(answer.value)) : answer,
          );
        }
      }
      return withDatabase(flags, command, async (database) => {
        const { prepareStore } = await import('./prepare-store.ts');
        const imported: ImportedSnapshot[] = [];
        const prepared = await prepareStore(database, {
          codeVersion,
          io,
          onSnapshotSaved: (snapshotId, entries) => imported.push({ snapshotId, entries }),
        });
        if (!prepared.ok) return prepared;
        return work(database, imported);
      });
    },
  };
}

/**
 * The screening service of one CLI command. On the embedded store the index is kept between
 * commands in `<data dir>/cache/screening-index.v8` (rebuilt when the active snapshots, the
 * partners' alerts or the code change), so that a warm `cordon screen` does not rebuild it.
 */
export async function cliScreeningService(
  context: CliContext,
  config: Config,
  database: DatabaseConnection,
  imported: readonly ImportedSnapshot[],
) {
  const { kyselyListSnapshotStore } = await import('../adapters/db/kysely-list-snapshot-store.ts');
  const { createScreeningService } = await import('../application/screening/screening-service.ts');
  const { partnerAlertScreening } = await import('./exchange-wiring.ts');
  const { diskScreeningIndexCache } =
    await import('../adapters/screening/disk-screening-index-cache.ts');
  const { readBuildFingerprint } = await import('../adapters/runtime/code-version.ts');
  const store = kyselyListSnapshotStore(database.db);
  // Partners' threat alerts are screened beside the lists, as on the server.
  const extra = partnerAlertScreening(database.db);
  const screening = createScreeningService({
    store,
    thresholds: config.screening.thresholds,
    extra,
    ...(config.database.engine === 'embedded'
      ? {
          indexes: diskScreeningIndexCache(store, {
            file: path.join(config.database.dataDir, 'cache', 'screening-index.v8'),
            // Keyed by the build too: the commit alone stays the same while sources are edited.
            codeVersion: `${context.codeVersion}+build.${readBuildFingerprint() ?? 'sources'}`,
            extra,
          }),
        }
      : {}),
  });
  // Lists imported on this very first use are indexed from memory, not read back.
  for (const { snapshotId, entries } of imported) screening.prime(snapshotId, entries);
  return { store, screening };
}
