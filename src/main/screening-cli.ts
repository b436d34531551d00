import { Option, type Command } from 'commander';
import type { ConfigFlags } from '../config/config.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { CommandContext } from './cli-program.ts';
import type { ScreenFileError } from '../adapters/screening/screen-file.ts';
import { cliScreeningService, type CliContext } from './cli-context.ts';
import type { ScreeningReport } from '../application/screening/screen-party.ts';

// The work's modules load when a command runs, so that `cordon --help` loads none of them.
const modules = async () => ({
  ...(await import('../adapters/cli/screening-text.ts')),
  ...(await import('../adapters/db/kysely-list-snapshot-store.ts')),
  ...(await import('../application/screening/compare-party-names.ts')),
  ...(await import('../application/screening/screen-party.ts')),
  ...(await import('../application/screening/screening-service.ts')),
  ...(await import('./exchange-wiring.ts')),
});

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
          if (name.trim() === '') {
            return Promise.resolve(
              err(cordonError('CORDON_USAGE', 'NAME must not be empty: give the name to screen.')),
            );
          }
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

/** The CLI handlers of `cordon screen`, `cordon compare` and `cordon screen-file`. */
export function screeningCliHandlers(context: CliContext): ScreeningCliHandlers {
  return {
    screen: async (flags, args) => {
      const { screeningReportText } = await modules();
      const config = context.configFrom(flags);
      if (!config.ok) return config;
      return context.withReadyDatabase(
        flags,
        'screen',
        async (database, imported) => {
          const { screening } = await cliScreeningService(
            context,
            config.value,
            database,
            imported,
          );
          const report = await screening.screenParty(
            {
              name: args.name,
              ...(args.country !== undefined ? { country: args.country } : {}),
              ...(args.kind !== undefined ? { kind: args.kind } : {}),
            },
            { limit: args.limit },
          );
          if (!report.ok) return report;
          return ok({ text: screeningReportText(report.value), json: report.value });
        },
        {
          readOnly: true,
          viaServer: {
            request: {
              method: 'POST',
              path: '/v1/screen',
              body: {
                name: args.name,
                limit: args.limit,
                ...(args.country !== undefined ? { country: args.country } : {}),
                ...(args.kind !== undefined ? { kind: args.kind } : {}),
              },
            },
            output: (answer) => ({
              text: screeningReportText(answer as ScreeningReport),
              json: answer,
            }),
          },
        },
      );
    },

    compare: async (flags, a, b) => {
      const { comparePartyNames, comparisonText } = await modules();
      const config = context.configFrom(flags);
      if (!config.ok) return Promise.resolve(config);
      const comparison = comparePartyNames(config.value.screening.thresholds, a, b);
      return Promise.resolve(
        ok({
          text: comparisonText(a, b, comparison),
          json: { a, b, ...comparison, band: comparison.band ?? null },
        }),
      );
    },

    screenFile: async (flags, args) => {
      const {
        createScreeningService,
        kyselyListSnapshotStore,
        partnerAlertScreening,
        noActiveLists,
        screenFileSummaryText,
      } = await modules();
      const config = context.configFrom(flags);
      if (!config.ok) return Promise.resolve(config);
      return context.withReadyDatabase(
        flags,
        'screen-file',
        async (database, imported) => {
          const screening = createScreeningService({
            store: kyselyListSnapshotStore(database.db),
            thresholds: config.value.screening.thresholds,
            extra: partnerAlertScreening(database.db),
          });
          // Lists imported on this very first use are indexed from memory, not read back.
          for (const { snapshotId, entries } of imported) screening.prime(snapshotId, entries);
          const { snapshots, parties } = await screening.records();
          if (snapshots.length === 0) return err(noActiveLists());
          const { screenFile } = await import('../adapters/screening/screen-file.ts');
          const { SingleBar, Presets } = await import('cli-progress');
          const interactive = context.io.isTty && process.stderr.isTTY;
          const bar = interactive
            ? new SingleBar(
                {
                  format:
                    'Screening [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {etaText}',
                  hideCursor: true,
                  clearOnComplete: true,
                },
                Presets.shades_classic,
              )
            : undefined;
          context.io.stderr(
            `Screening ${args.input} against ${snapshots.length} list snapshot(s) (${parties.length.toLocaleString('en')} records); building the index on each worker...\n`,
          );
          const barState = { started: false };
          const result = await screenFile({
            input: args.input,
            output: args.output,
            column: args.column,
            parties,
            thresholds: config.value.screening.thresholds,
            limit: args.limit,
            snapshot: snapshots,
            ...(args.countryColumn !== undefined ? { countryColumn: args.countryColumn } : {}),
            ...(args.kindColumn !== undefined ? { kindColumn: args.kindColumn } : {}),
            ...(args.workers !== undefined ? { workers: args.workers } : {}),
            onProgress: (progress) => {
              if (!bar) return;
              const payload = {
                rows: progress.rowsDone.toLocaleString('en'),
                rate: progress.rowsPerSecond.toLocaleString('en'),
                etaText:
                  progress.etaSeconds === undefined ? '-' : `${Math.ceil(progress.etaSeconds)} s`,
              };
              if (!barState.started) {
                bar.start(Math.max(1, progress.totalBytes), progress.bytesRead, payload);
                barState.started = true;
              } else bar.update(progress.bytesRead, payload);
            },
          });
          if (barState.started) bar?.stop();
          if (!result.ok) return err(screenFileError(result.error));
          return ok({ text: screenFileSummaryText(result.value), json: result.value });
        },
        { readOnly: true },
      );
    },
  };
}

function screenFileError(error: ScreenFileError): CordonError {
  switch (error.kind) {
    case 'input-unreadable':
      return cordonError('CORDON_FILE_UNREADABLE', error.message);
    case 'worker-failed':
      return cordonError('CORDON_INTERNAL', error.message);
    case 'output-unwritable':
    case 'missing-column':
    case 'not-utf8':
    case 'malformed-csv':
      return cordonError('CORDON_SCREEN_FILE_INVALID', error.message);
  }
}
