import type { Command } from 'commander';
import type { ConfigFlags } from '../../../config/config.ts';
import { cordonError, type CordonError } from '../../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';
import type { CommandOutput } from '../output.ts';
import type { CommandContext } from '../program.ts';

type Outcome = Promise<Result<CommandOutput, CordonError>>;

/** `cordon batch submit FILE ...`, checked. */
export interface BatchSubmitArgs {
  readonly input: string;
  readonly column: string;
  readonly countryColumn?: string;
  readonly kindColumn?: string;
  readonly referenceColumn?: string;
  readonly chunkSize: number;
  readonly limit: number;
  /** Seconds after which a chunk still running is presumed lost and retried. */
  readonly chunkTimeoutSeconds: number;
  /** Keep the rows, to screen them again after every list update. */
  readonly standing?: boolean;
}

/** `cordon worker ...`, checked. */
export interface WorkerArgs {
  /** How often this worker looks for chunks whose worker died, seconds. */
  readonly maintenanceIntervalSeconds: number;
}

/** The work behind `cordon batch ...` and `cordon worker`. */
export interface BatchCliHandlers {
  batchSubmit(flags: ConfigFlags, args: BatchSubmitArgs): Outcome;
  batchStatus(flags: ConfigFlags, batchId: string): Outcome;
  batchResults(flags: ConfigFlags, batchId: string, output: string): Outcome;
  batchChanges(flags: ConfigFlags, batchId: string, output: string | undefined): Outcome;
  worker(flags: ConfigFlags, args: WorkerArgs): Outcome;
}

/** Registers `cordon batch submit|status|results` and `cordon worker`. */
export function registerBatchCommands(
  program: Command,
  handlers: BatchCliHandlers,
  context: CommandContext,
): void {
  const batch = program
    .command('batch')
    .description(
      'distributed batch screening on PostgreSQL: submit a file, follow it, fetch results',
    );

  batch
    .command('submit')
    .description('split a CSV file into chunks and queue them for `cordon worker` processes')
    .argument('<file>', 'a UTF-8 CSV file with a header row')
    .option('--column <name>', 'the column holding the name', 'name')
    .option('--country-column <name>', 'a column holding the country (ISO alpha-2)')
    .option('--kind-column <name>', 'a column holding person or organisation')
    .option('--reference-column <name>', "a column echoed back as each row's reference")
    .option('--chunk-size <n>', 'rows per chunk (1-1000)', '500')
    .option('-n, --limit <n>', 'most matches kept per row (1-100)', '10')
    .option(
      '--chunk-timeout <seconds>',
      'a chunk running longer is presumed lost (its worker died) and retried',
      '600',
    )
    .option(
      '--standing',
      'keep the rows (a customer list) and screen them again after every list update',
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        input: string,
        opts: {
          column: string;
          countryColumn?: string;
          kindColumn?: string;
          referenceColumn?: string;
          chunkSize: string;
          limit: string;
          chunkTimeout: string;
          standing?: boolean;
          json?: boolean;
        },
        command: Command,
      ) => {
        await context.run(opts.json === true, () => {
          const chunkSize = wholeNumber(opts.chunkSize, '--chunk-size', 1, 1_000);
          if (!chunkSize.ok) return Promise.resolve(chunkSize);
          const limit = wholeNumber(opts.limit, '--limit', 1, 100);
          if (!limit.ok) return Promise.resolve(limit);
          const timeout = wholeNumber(opts.chunkTimeout, '--chunk-timeout', 5, 86_400);
          if (!timeout.ok) return Promise.resolve(timeout);
          return handlers.batchSubmit(context.flags(command), {
            input,
            column: opts.column,
            chunkSize: chunkSize.value,
            limit: limit.value,
            chunkTimeoutSeconds: timeout.value,
            ...(opts.standing === true ? { standing: true } : {}),
            ...(opts.countryColumn !== undefined ? { countryColumn: opts.countryColumn } : {}),
            ...(opts.kindColumn !== undefined ? { kindColumn: opts.kindColumn } : {}),
            ...(opts.referenceColumn !== undefined
              ? { referenceColumn: opts.referenceColumn }
              : {}),
          });
        });
      },
    );

  batch
    .command('status')
    .description('show how far a batch has got: chunks and rows done, matches, failing chunks')
    .argument('<id>', 'the batch id printed by `batch submit`')
    .option('--json', 'print the status as JSON')
    .action(async (id: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.batchStatus(context.flags(command), id));
    });

  batch
    .command('results')
    .description('write the results stored so far, one JSON line per row, in row order')
    .argument('<id>', 'the batch id printed by `batch submit`')
    .requiredOption('-o, --out <file>', 'where to write the JSON Lines')
    .option('--json', 'print the summary as JSON')
    .action(async (id: string, opts: { out: string; json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.batchResults(context.flags(command), id, opts.out),
      );
    });

  batch
    .command('changes')
    .description(
      "a re-run of a standing batch: the rows whose matches differ from the previous run's (new hits first of all)",
    )
    .argument('<id>', 'the re-run id, as `batch status STANDING_ID` lists it')
    .option('-o, --out <file>', 'write every changed row as JSON Lines')
    .option('--json', 'print the summary as JSON')
    .action(async (id: string, opts: { out?: string; json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () =>
        handlers.batchChanges(context.flags(command), id, opts.out),
      );
    });

  program
    .command('worker')
    .description(
      'screen queued batch chunks until stopped (any number, on any machine that reaches the database)',
    )
    .option(
      '--maintenance-interval <seconds>',
      'how often to look for chunks whose worker died',
      '60',
    )
    .action(async (opts: { maintenanceInterval: string }, command: Command) => {
      await context.run(false, () => {
        const interval = wholeNumber(opts.maintenanceInterval, '--maintenance-interval', 1, 3_600);
        if (!interval.ok) return Promise.resolve(interval);
        return handlers.worker(context.flags(command), {
          maintenanceIntervalSeconds: interval.value,
        });
      });
    });
}

function wholeNumber(
  raw: string,
  flag: string,
  min: number,
  max: number,
): Result<number, CordonError> {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(value) && value >= min && value <= max
    ? ok(value)
    : err(
        cordonError(
          'CORDON_USAGE',
          `${flag} must be a whole number from ${min} to ${max}, got "${raw}".`,
        ),
      );
}
