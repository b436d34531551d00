import type { Command } from 'commander';
import type { ConfigFlags } from '../../../config/config.ts';
import type { CordonError } from '../../../domain/shared/errors.ts';
import type { Result } from '../../../domain/shared/result.ts';
import type { CommandOutput } from '../output.ts';
import type { CommandContext } from '../program.ts';

type Outcome = Promise<Result<CommandOutput, CordonError>>;

/** The work behind `cordon routing ...`. */
export interface RoutingCliHandlers {
  routingDryRun(flags: ConfigFlags, file: string): Outcome;
}

/** Registers `cordon routing dry-run FILE`. */
export function registerRoutingCommands(
  program: Command,
  handlers: RoutingCliHandlers,
  context: CommandContext,
): void {
  const routing = program.command('routing').description('routing rules of licence cases');
  routing
    .command('dry-run')
    .description(
      're-run routing with candidate rules over the stored cases and list the cases whose route would change',
    )
    .argument('<file>', 'a routing rule set (JSON, like data/routing/routing-v1.json)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.routingDryRun(context.flags(command), file),
      );
    });
}
