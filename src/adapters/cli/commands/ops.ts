import type { Command } from 'commander';
import type { ConfigFlags } from '../../../config/config.ts';
import type { CordonError } from '../../../domain/shared/errors.ts';
import type { Result } from '../../../domain/shared/result.ts';
import type { CommandOutput } from '../output.ts';
import type { CommandContext } from '../program.ts';

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
