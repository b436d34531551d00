import { Option, type Command } from 'commander';
import type { ConfigFlags } from '../../../config/config.ts';
import { cordonError, type CordonError } from '../../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';
import type { CommandOutput } from '../output.ts';
import type { CommandContext } from '../program.ts';

type Outcome = Promise<Result<CommandOutput, CordonError>>;

/** `cordon screen NAME ...`, checked. */
export interface ScreenArgs {
  readonly name: string;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country?: string;
  readonly kind?: 'person' | 'organisation';
  readonly limit: number;
}

/** `cordon screen-file IN.csv ...`, checked. */
export interface ScreenFileArgs {
  readonly input: string;
  readonly output: string;
  readonly column: string;
  readonly countryColumn?: string;
  readonly kindColumn?: string;
  /** Matches kept per row. */
  readonly limit: number;
  readonly workers?: number;
}

/** The work behind `cordon screen`, `cordon compare` and `cordon screen-file`. */
export interface ScreeningCliHandlers {
  screen(flags: ConfigFlags, args: ScreenArgs): Outcome;
  compare(flags: ConfigFlags, a: string, b: string): Outcome;
  screenFile(flags: ConfigFlags, args: ScreenFileArgs): Outcome;
}

/** Registers `cordon screen`, `cordon compare` and `cordon screen-file`. */
export function registerScreeningCommands(
  program: Command,
  handlers: ScreeningCliHandlers,
  context: CommandContext,
): void {
  program
    .command('screen')
    .description(
      'screen a name against the active restricted lists (any script: 海康威视, Позитив, محمد ...)',
    )
    .argument('<name>', 'the name of a person or organisation, in quotes')
    .option('-c, --country <CC>', "the party's country, ISO 3166-1 alpha-2 (e.g. CN)")
    .addOption(
      new Option('-k, --kind <kind>', 'what the party is').choices(['person', 'organisation']),
    )
    .option('-n, --limit <n>', 'most matches shown (1-100)', '10')
    .option('--json', 'print the result as JSON: { query, snapshot, matches }')
    .action(
      async (
        name: string,
        opts: { country?: string; kind?: 'person' | 'organisation'; limit: string; json?: boolean },
        command: Command,
      ) => {
        await context.run(opts.json === true, () => {
          const limit = boundedInteger(opts.limit, '--limit', 100);
          if (!limit.ok) return Promise.resolve(limit);
          const country = countryCode(opts.country, '--country');
          if (!country.ok) return Promise.resolve(country);
          return handlers.screen(context.flags(command), {
            name,
            limit: limit.value,
            ...(country.value !== undefined ? { country: country.value } : {}),
            ...(opts.kind !== undefined ? { kind: opts.kind } : {}),
          });
        });
      },
    );

  program
    .command('compare')
    .description('score one name against another, with the explanation (no lists needed)')
    .argument('<a>', 'the first name (the query)')
    .argument('<b>', 'the second name (as a list would write it)')
    .option('--json', 'print the result as JSON')
    .action(async (a: string, b: string, opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.compare(context.flags(command), a, b));
    });

  program
    .command('screen-file')
    .description(
      'screen every row of a CSV file on all cores; writes CSV, or JSON Lines for a .jsonl output',
    )
    .argument('<input>', 'a UTF-8 CSV file with a header row')
    .requiredOption('-o, --out <file>', 'where to write: OUT.csv, or OUT.jsonl for JSON Lines')
    .option('--column <name>', 'the column holding the name', 'name')
    .option('--country-column <name>', 'a column holding the country (ISO alpha-2)')
    .option('--kind-column <name>', 'a column holding person or organisation')
    .option('-n, --limit <n>', 'most matches kept per row (1-100)', '10')
    .option('--workers <n>', 'worker threads (default: one per core)')
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        input: string,
        opts: {
          out: string;
          column: string;
          countryColumn?: string;
          kindColumn?: string;
          limit: string;
          workers?: string;
          json?: boolean;
        },
        command: Command,
      ) => {
        await context.run(opts.json === true, () => {
          const limit = boundedInteger(opts.limit, '--limit', 100);
          if (!limit.ok) return Promise.resolve(limit);
          const workers =
            opts.workers !== undefined ? boundedInteger(opts.workers, '--workers', 64) : ok(0);
          if (!workers.ok) return Promise.resolve(workers);
          return handlers.screenFile(context.flags(command), {
            input,
            output: opts.out,
            column: opts.column,
            limit: limit.value,
            ...(opts.countryColumn !== undefined ? { countryColumn: opts.countryColumn } : {}),
            ...(opts.kindColumn !== undefined ? { kindColumn: opts.kindColumn } : {}),
            ...(workers.value > 0 ? { workers: workers.value } : {}),
          });
        });
      },
    );
}

function boundedInteger(raw: string, flag: string, max: number): Result<number, CordonError> {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(value) && value >= 1 && value <= max
    ? ok(value)
    : err(
        cordonError(
          'CORDON_USAGE',
          `${flag} must be a whole number from 1 to ${max}, got "${raw}".`,
        ),
      );
}

function countryCode(
  raw: string | undefined,
  flag: string,
): Result<string | undefined, CordonError> {
  if (raw === undefined) return ok(undefined);
  return /^[A-Za-z]{2}$/.test(raw.trim())
    ? ok(raw.trim().toUpperCase())
    : err(
        cordonError(
          'CORDON_USAGE',
          `${flag} must be a two-letter country code (ISO 3166-1 alpha-2, e.g. CN), got "${raw}".`,
        ),
      );
}
