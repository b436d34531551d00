import { readFileBytes } from '../adapters/cli/json-file.ts';
import path from 'node:path';
import type { Command } from 'commander';
import type { ConfigFlags } from '../config/config.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, type Result, ok } from '../domain/shared/result.ts';
import type { CommandOutput } from '../adapters/cli/output.ts';
import type { CommandContext } from './cli-program.ts';
import type { IndicatorDataset } from '../domain/human-rights/country-indicators.ts';
import type { CliContext } from './cli-context.ts';

// The work's modules load when a command runs, so that `cordon --help` loads none of them.
const modules = async () => ({
  ...(await import('../adapters/db/kysely-indicator-store.ts')),
  ...(await import('../adapters/indicators/parse-indicator-csv.ts')),
  ...(await import('../adapters/runtime/node-content-hasher.ts')),
  ...(await import('../adapters/runtime/system-clock.ts')),
  ...(await import('../application/indicators/import-indicators.ts')),
  ...(await import('./assessment-deps.ts')),
});

type Outcome = Promise<Result<CommandOutput, CordonError>>;

export interface IndicatorsImportArgs {
  readonly source: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly year?: number;
  readonly columns?: readonly string[];
}

/** The work behind `cordon indicators ...`. */
export interface IndicatorsCliHandlers {
  indicatorsImport(flags: ConfigFlags, args: IndicatorsImportArgs): Outcome;
  indicatorsList(flags: ConfigFlags): Outcome;
}

/** Registers `cordon indicators import|list`. */
export function registerIndicatorsCommands(
  program: Command,
  handlers: IndicatorsCliHandlers,
  context: CommandContext,
): void {
  const indicators = program
    .command('indicators')
    .description(
      'country indicator datasets you hold (V-Dem, Freedom House...): import a new version, list them',
    );

  indicators
    .command('import')
    .description(
      'import a country-year CSV (country_text_id, year, indicator columns) as the next version of its source, all or nothing',
    )
    .argument('<file>', 'the CSV file, e.g. V-Dem-CY-Core-v14.csv')
    .requiredOption(
      '-s, --source <id>',
      'the dataset: vdem, freedom_house, pts, cirights, hrmi, wgi (data/regulation/human_rights_datasets_licensing.json)',
    )
    .option('--year <YYYY>', 'import only this year')
    .option(
      '--columns <names>',
      'import only these indicator columns (comma-separated), e.g. v2x_civlib,v2x_clphy; by default every column but country_text_id and year',
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (
        file: string,
        opts: { source: string; year?: string; columns?: string; json?: boolean },
        command: Command,
      ) => {
        await context.run(opts.json === true, async () => {
          if (opts.year !== undefined && !/^\d{4}$/.test(opts.year))
            return err(
              cordonError('CORDON_USAGE', `--year must be a year (YYYY), got "${opts.year}".`),
            );
          const bytes = await readFileBytes(file);
          if (!bytes.ok) return bytes;
          const columns = opts.columns
            ?.split(',')
            .map((c) => c.trim())
            .filter(Boolean);
          return handlers.indicatorsImport(context.flags(command), {
            source: opts.source,
            fileName: path.basename(file),
            bytes: bytes.value,
            ...(opts.year !== undefined ? { year: Number(opts.year) } : {}),
            ...(columns !== undefined && columns.length > 0 ? { columns } : {}),
          });
        });
      },
    );

  indicators
    .command('list')
    .description('the imported datasets, every version (the highest of a source is current)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await context.run(opts.json === true, () => handlers.indicatorsList(context.flags(command)));
    });
}

const describe = (d: IndicatorDataset): string =>
  `${d.id}  ${d.fileName}  ${d.year !== undefined ? `year ${d.year}` : 'all years'}  ${d.rowCount} country-years  [${d.indicators.join(', ')}]  imported ${d.importedAt.toISOString()}`;

const json = (d: IndicatorDataset) => ({ ...d, importedAt: d.importedAt.toISOString() });

/** The CLI handlers of `cordon indicators import|list`. */
export function indicatorsCliHandlers(context: CliContext): IndicatorsCliHandlers {
  return {
    indicatorsImport: (flags, args) =>
      context.withReadyDatabase(flags, 'indicators import', async (database) => {
        const {
          shippedAssessmentSources,
          importIndicators,
          kyselyIndicatorStore,
          parseIndicatorCsv,
          nodeContentHasher,
          systemClock,
        } = await modules();
        const { regulation } = await shippedAssessmentSources.regulation.load();
        const imported = await importIndicators(
          { ...args, importerVersion: context.codeVersion },
          {
            store: kyselyIndicatorStore(database.db),
            parse: parseIndicatorCsv,
            hasher: nodeContentHasher,
            clock: systemClock,
            knownSources: regulation.humanRights.datasets.map((d) => d.id),
          },
        );
        if (!imported.ok) return imported;
        const { kind, dataset } = imported.value;
        const skipped =
          dataset.skippedEntities.length > 0
            ? `\nSkipped entities without an ISO 3166 code: ${dataset.skippedEntities.join(', ')}.`
            : '';
        return ok({
          text:
            kind === 'imported'
              ? `Imported ${dataset.id}: ${describe(dataset)}.${skipped}`
              : `Already imported as ${dataset.id}; nothing changed.`,
          json: { kind, dataset: json(dataset) },
        });
      }),

    indicatorsList: (flags) =>
      context.withReadyDatabase(
        flags,
        'indicators list',
        async (database) => {
          const { kyselyIndicatorStore } = await modules();
          const datasets = await kyselyIndicatorStore(database.db).datasets();
          return ok({
            text:
              datasets.length === 0
                ? 'No country indicator dataset is imported (cordon indicators import FILE.csv --source vdem).'
                : datasets.map(describe).join('\n'),
            json: { datasets: datasets.map(json) },
          });
        },
        { readOnly: true },
      ),
  };
}
