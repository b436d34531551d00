import type { IndicatorsCliHandlers } from '../adapters/cli/commands/indicators.ts';
import { kyselyIndicatorStore } from '../adapters/db/kysely-indicator-store.ts';
import { parseIndicatorCsv } from '../adapters/indicators/parse-indicator-csv.ts';
import { nodeContentHasher } from '../adapters/runtime/node-content-hasher.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import { importIndicators } from '../application/indicators/import-indicators.ts';
import type { IndicatorDataset } from '../domain/human-rights/country-indicators.ts';
import { ok } from '../domain/shared/result.ts';
import { shippedAssessmentSources } from './assessment-deps.ts';
import type { CliContext } from './cli-context.ts';

const describe = (d: IndicatorDataset): string =>
  `${d.id}  ${d.fileName}  ${d.year !== undefined ? `year ${d.year}` : 'all years'}  ${d.rowCount} country-years  [${d.indicators.join(', ')}]  imported ${d.importedAt.toISOString()}`;

const json = (d: IndicatorDataset) => ({ ...d, importedAt: d.importedAt.toISOString() });

/** The CLI handlers of `cordon indicators import|list`. */
export function indicatorsCliHandlers(context: CliContext): IndicatorsCliHandlers {
  return {
    indicatorsImport: (flags, args) =>
      context.withReadyDatabase(flags, 'indicators import', async (database) => {
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
      context.withReadyDatabase(flags, 'indicators list', async (database) => {
        const datasets = await kyselyIndicatorStore(database.db).datasets();
        return ok({
          text:
            datasets.length === 0
              ? 'No country indicator dataset is imported (cordon indicators import FILE.csv --source vdem).'
              : datasets.map(describe).join('\n'),
          json: { datasets: datasets.map(json) },
        });
      }),
  };
}
