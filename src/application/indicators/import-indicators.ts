import {
  indicatorDatasetId,
  type IndicatorDataset,
  type IndicatorRow,
} from '../../domain/human-rights/country-indicators.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Clock } from '../ports/clock.ts';
import type { ContentHasher } from '../ports/content-hasher.ts';
import type { IndicatorStore } from '../ports/indicator-store.ts';

/** A problem with one cell or line of the file (line 1 is the header). */
export interface IndicatorProblem {
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

/** Reads an indicator file's text into rows, or every problem it has. */
export type IndicatorParser = (
  text: string,
  options: { readonly year?: number; readonly columns?: readonly string[] },
) => Result<
  {
    readonly indicators: readonly string[];
    readonly rows: readonly IndicatorRow[];
    readonly skippedEntities: readonly string[];
  },
  readonly IndicatorProblem[]
>;

export interface ImportIndicatorsRequest {
  /** A dataset id of the shipped licensing data (`vdem`, `freedom_house`, `pts`...). */
  readonly source: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly year?: number;
  readonly columns?: readonly string[];
  readonly importerVersion: string;
}

export interface ImportIndicatorsDeps {
  readonly store: IndicatorStore;
  readonly parse: IndicatorParser;
  readonly hasher: ContentHasher;
  readonly clock: Clock;
  /** The dataset ids Cordon knows (from `human_rights_datasets_licensing.json`). */
  readonly knownSources: readonly string[];
}

export type ImportIndicatorsOutcome =
  | { readonly kind: 'imported'; readonly dataset: IndicatorDataset }
  /** The same file with the same options was imported before: no new version. */
  | { readonly kind: 'unchanged'; readonly dataset: IndicatorDataset };

/** At most this many problems are listed; the message says how many more there were. */
const shownProblems = 50;

const sameSelection = (
  d: IndicatorDataset,
  year: number | undefined,
  indicators: readonly string[],
) => d.year === year && d.indicators.join('\n') === indicators.join('\n');

/**
 * Imports a country indicator file the user holds (V-Dem, Freedom House... which Cordon may not
 * ship) as the next version of its source, all or nothing: every line is checked first and any
 * problem, named by line and column, fails the import with nothing written. The same file with
 * the same options again creates no new version.
 *
 * @example
 * await importIndicators({ source: 'vdem', fileName: 'vdem.csv', bytes, year: 2023, importerVersion }, deps)
 * // ok({ kind: 'imported', dataset: { id: 'vdem@1', version: 1, indicators: ['v2x_civlib', 'v2x_clphy'], ... } })
 */
export async function importIndicators(
  request: ImportIndicatorsRequest,
  deps: ImportIndicatorsDeps,
): Promise<Result<ImportIndicatorsOutcome, CordonError>> {
  if (!deps.knownSources.includes(request.source))
    return err(
      cordonError('CORDON_VALIDATION_FAILED', `Unknown indicator source "${request.source}".`, [
        {
          field: '--source',
          problem: `must be one of ${deps.knownSources.join(', ')} (the datasets of data/regulation/human_rights_datasets_licensing.json)`,
        },
      ]),
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(request.bytes);
  } catch {
    return err(
      cordonError('CORDON_VALIDATION_FAILED', `${request.fileName} is not UTF-8 text.`, [
        { field: request.fileName, problem: 'not UTF-8' },
      ]),
    );
  }
  const parsed = deps.parse(text, {
    ...(request.year !== undefined ? { year: request.year } : {}),
    ...(request.columns !== undefined ? { columns: request.columns } : {}),
  });
  if (!parsed.ok) {
    const problems = parsed.error;
    const lines = problems
      .slice(0, shownProblems)
      .map(
        (p) =>
          `  line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}: ${p.message}`,
      );
    if (problems.length > shownProblems)
      lines.push(`  ... and ${problems.length - shownProblems} more`);
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        `${request.fileName} was not imported (nothing was written): ${problems.length} problem(s)\n${lines.join('\n')}`,
        problems.map((p) => ({
          field: `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}`,
          problem: p.message,
        })),
      ),
    );
  }
  const contentHash = deps.hasher.sha256(request.bytes);
  const earlier = await deps.store.datasets(request.source);
  const same = earlier.find(
    (d) => d.contentHash === contentHash && sameSelection(d, request.year, parsed.value.indicators),
  );
  if (same) return ok({ kind: 'unchanged', dataset: same });
  const version = Math.max(0, ...earlier.map((d) => d.version)) + 1;
  const dataset: IndicatorDataset = {
    id: indicatorDatasetId(request.source, version),
    source: request.source,
    version,
    fileName: request.fileName,
    contentHash,
    ...(request.year !== undefined ? { year: request.year } : {}),
    indicators: parsed.value.indicators,
    rowCount: parsed.value.rows.length,
    skippedEntities: parsed.value.skippedEntities,
    importedAt: deps.clock.now(),
    importerVersion: request.importerVersion,
  };
  await deps.store.save(dataset, parsed.value.rows);
  return ok({ kind: 'imported', dataset });
}
