import type { Kysely } from 'kysely';
import type { IndicatorStore } from '../../application/ports/indicator-store.ts';
import type {
  IndicatorDataset,
  IndicatorRow,
} from '../../domain/human-rights/country-indicators.ts';
import type { CountryCode } from '../../domain/policy/country-code.ts';
import type { Database, IndicatorDatasetTable } from './schema.ts';

/** Rows per insert statement: large enough to be fast, small enough for PGlite's memory. */
const insertBatchSize = 1_000;

type DatasetRow = Omit<IndicatorDatasetTable, 'imported_at' | 'indicators' | 'skipped_entities'> & {
  imported_at: Date;
  indicators: unknown;
  skipped_entities: unknown;
};

const datasetOf = (r: DatasetRow): IndicatorDataset => ({
  id: r.id,
  source: r.source,
  version: r.version,
  fileName: r.file_name,
  contentHash: r.content_hash,
  ...(r.year !== null ? { year: r.year } : {}),
  indicators: r.indicators as string[],
  rowCount: r.row_count,
  skippedEntities: r.skipped_entities as string[],
  importedAt: r.imported_at,
  importerVersion: r.importer_version,
});

/** `IndicatorStore` on Kysely: the same SQL on PGlite and PostgreSQL. */
export function kyselyIndicatorStore(db: Kysely<Database>): IndicatorStore {
  return {
    async save(dataset, rows) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('indicator_dataset')
          .values({
            id: dataset.id,
            source: dataset.source,
            version: dataset.version,
            file_name: dataset.fileName,
            content_hash: dataset.contentHash,
            year: dataset.year ?? null,
            indicators: JSON.stringify(dataset.indicators),
            row_count: dataset.rowCount,
            skipped_entities: JSON.stringify(dataset.skippedEntities),
            imported_at: dataset.importedAt,
            importer_version: dataset.importerVersion,
          })
          .execute();
        for (let start = 0; start < rows.length; start += insertBatchSize) {
          await trx
            .insertInto('indicator_value')
            .values(
              rows.slice(start, start + insertBatchSize).map((row) => ({
                dataset_id: dataset.id,
                country: row.country,
                year: row.year,
                readings: JSON.stringify(row.values),
              })),
            )
            .execute();
        }
      });
    },

    async datasets(source) {
      let query = db.selectFrom('indicator_dataset').selectAll();
      if (source !== undefined) query = query.where('source', '=', source);
      const rows = await query.orderBy('source').orderBy('version', 'desc').execute();
      return rows.map(datasetOf);
    },

    async currentDatasets() {
      const rows = await db
        .selectFrom('indicator_dataset as d')
        .selectAll('d')
        .where((eb) =>
          eb(
            'd.version',
            '=',
            eb
              .selectFrom('indicator_dataset as n')
              .select(({ fn }) => fn.max('n.version').as('latest'))
              .whereRef('n.source', '=', 'd.source'),
          ),
        )
        .orderBy('d.source')
        .execute();
      return rows.map(datasetOf);
    },

    async rows(datasetId) {
      const rows = await db
        .selectFrom('indicator_value')
        .select(['country', 'year', 'readings'])
        .where('dataset_id', '=', datasetId)
        .orderBy('country')
        .orderBy('year')
        .execute();
      return rows.map((r): IndicatorRow => ({
        country: r.country as CountryCode,
        year: r.year,
        values: r.readings as Record<string, number>,
      }));
    },
  };
}
