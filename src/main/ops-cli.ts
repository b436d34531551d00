import type { Command } from 'commander';
import type { ConfigFlags, Config } from '../config/config.ts';
import { type CordonError, cordonError } from '../domain/shared/errors.ts';
import { type Result, err, ok } from '../domain/shared/result.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { CommandContext } from './cli-program.ts';
import type { CliContext } from './cli-context.ts';

type Outcome = Promise<Result<CommandOutput, CordonError>>;

/** The work behind `cordon backup` and `cordon restore`. */
export interface OpsCliHandlers {
  backup(flags: ConfigFlags, file: string): Outcome;
  restore(flags: ConfigFlags, file: string): Outcome;
}

/** Registers `cordon backup FILE` and `cordon restore FILE` (embedded store). */
export function registerOpsCommands(
  program: Command,
  handlers: OpsCliHandlers,
  context: CommandContext,
): void {
  program
    .command('backup')
    .description(
      'copy the embedded store to one file (the server must be stopped; on PostgreSQL use pg_dump)',
    )
    .argument('<file>', 'where to write the backup (a gzipped tar, e.g. cordon-backup.tar.gz)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.backup(context.flags(command), file));
    });

  program
    .command('restore')
    .description('restore a `cordon backup` file into an empty data directory (--data-dir)')
    .argument('<file>', 'a file written by `cordon backup`')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.restore(context.flags(command), file));
    });
}

/** Backups of PostgreSQL are PostgreSQL's own business (pg_dump, base backups): say so. */
function embeddedDataDir(config: Config): Result<string, CordonError> {
  return config.database.engine === 'embedded'
    ? ok(config.database.dataDir)
    : err(
        cordonError(
          'CORDON_USAGE',
          'cordon backup and restore copy the embedded store; for PostgreSQL use pg_dump and pg_restore (see docs/deploy.md, "Backups").',
        ),
      );
}

/** The CLI handlers of `cordon backup` and `cordon restore`. */
export function opsCliHandlers(context: CliContext): OpsCliHandlers {
  return {
    async backup(flags, file) {
      const config = context.configFrom(flags);
      if (!config.ok) return config;
      const dataDir = embeddedDataDir(config.value);
      if (!dataDir.ok) return dataDir;
      const { backupEmbeddedStore } = await import('../adapters/db/embedded-backup.ts');
      const done = await backupEmbeddedStore(dataDir.value, file);
      if (!done.ok) return done;
      return ok({
        text: `Backed up ${done.value.dataDir} to ${file} (${(done.value.bytes / 1024 / 1024).toFixed(1)} MB).`,
        json: done.value,
      });
    },

    async restore(flags, file) {
      const config = context.configFrom(flags);
      if (!config.ok) return config;
      const dataDir = embeddedDataDir(config.value);
      if (!dataDir.ok) return dataDir;
      const { restoreEmbeddedStore } = await import('../adapters/db/embedded-backup.ts');
      const done = await restoreEmbeddedStore(file, dataDir.value);
      if (!done.ok) return done;
      return ok({
        text: `Restored ${file} into ${done.value.dataDir}. Check it with \`cordon audit verify --data-dir ${done.value.dataDir}\`.`,
        json: done.value,
      });
    },
  };
}
