import type { NameProblem } from '../../domain/screening/normalise-name.ts';
import type { ScoreThresholds } from '../../domain/screening/score-names.ts';
import type { ScreeningMatch, ScreeningQuery } from '../../domain/screening/screen-name.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { activeIndex, reportOn, type ScreeningDeps } from './screen-party.ts';

/** Most names in one batch request. */
export const maxBatchSize = 1_000;

/** One name of a batch, as received (checked row by row, so one bad row spoils nothing else). */
export interface BatchRow {
  readonly name: string;
  readonly country?: string;
  readonly kind?: string;
  /** The caller's own key for the row, echoed back. */
  readonly reference?: string;
}

/** The outcome of one row: screened (perhaps with name problems), or rejected and why. */
export type BatchItem =
  | {
      readonly kind: 'screened';
      readonly row: number;
      readonly reference?: string;
      readonly query: ScreeningQuery;
      readonly matches: readonly ScreeningMatch[];
      readonly problems: readonly NameProblem[];
    }
  | {
      readonly kind: 'rejected';
      readonly row: number;
      readonly reference?: string;
      /** Why the row was not screened, one line each. */
      readonly reasons: readonly string[];
    };

/** The outcome of a batch: every row in order, and counts. */
export interface BatchReport {
  readonly snapshot: readonly string[];
  readonly thresholds: ScoreThresholds;
  readonly results: readonly BatchItem[];
  readonly summary: {
    readonly rows: number;
    readonly screened: number;
    readonly rejected: number;
    readonly withMatches: number;
    readonly withStrongMatches: number;
  };
}

const countryPattern = /^[A-Za-z]{2}$/;

/**
 * Checks one row: a name with at least one letter or digit, a country of two letters (ISO 3166-1
 * alpha-2), a kind of `person` or `organisation`. Returns the query, or every problem at once.
 */
export function checkBatchRow(row: BatchRow): Result<ScreeningQuery, readonly string[]> {
  const problems: string[] = [];
  if (!/[\p{L}\p{N}]/u.test(row.name)) problems.push('name is empty');
  const country = row.country?.trim();
  if (country !== undefined && country !== '' && !countryPattern.test(country))
    problems.push(`country must be two letters (ISO 3166-1 alpha-2), got "${row.country ?? ''}"`);
  const kind = row.kind?.trim().toLowerCase();
  if (kind !== undefined && kind !== '' && kind !== 'person' && kind !== 'organisation')
    problems.push(`kind must be person or organisation, got "${row.kind ?? ''}"`);
  if (problems.length > 0) return err(problems);
  return ok({
    name: row.name,
    ...(country ? { country: country.toUpperCase() } : {}),
    ...(kind === 'person' || kind === 'organisation' ? { kind } : {}),
  });
}

// Between chunks the event loop gets a turn, so a large batch does not stall other requests.
const chunkSize = 100;
const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/**
 * Screens up to `maxBatchSize` names against the same lists (one snapshot set for the whole
 * batch). Rows are checked one by one: a row with a problem (an empty name, a bad country) is
 * reported as rejected and the others go on.
 *
 * @example
 * await screenBatch(deps, [{ name: 'Hikvision' }, { name: '' }])
 * // ok({ results: [{ kind: 'screened', row: 0, matches: [...] },
 * //                { kind: 'rejected', row: 1, reasons: ['name is empty'] }], ... })
 */
export async function screenBatch(
  deps: ScreeningDeps,
  rows: readonly BatchRow[],
  options: { readonly limit?: number } = {},
): Promise<Result<BatchReport, CordonError>> {
  if (rows.length > maxBatchSize) {
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        `A batch holds at most ${maxBatchSize} names; this one has ${rows.length}.`,
        [{ field: 'body.names', problem: `must have at most ${maxBatchSize} items` }],
      ),
    );
  }
  const active = await activeIndex(deps.indexes);
  if (!active.ok) return active;
  const results: BatchItem[] = [];
  for (let start = 0; start < rows.length; start += chunkSize) {
    if (start > 0) await yieldToEventLoop();
    rows.slice(start, start + chunkSize).forEach((row, offset) => {
      const index = start + offset;
      const reference = row.reference !== undefined ? { reference: row.reference } : {};
      const query = checkBatchRow(row);
      if (!query.ok) {
        results.push({ kind: 'rejected', row: index, ...reference, reasons: query.error });
        return;
      }
      const report = reportOn(active.value, query.value, deps.thresholds, options);
      results.push({
        kind: 'screened',
        row: index,
        ...reference,
        query: report.query,
        matches: report.matches,
        problems: report.problems,
      });
    });
  }
  const screened = results.filter((r) => r.kind === 'screened');
  return ok({
    snapshot: active.value.snapshots,
    thresholds: deps.thresholds,
    results,
    summary: {
      rows: results.length,
      screened: screened.length,
      rejected: results.length - screened.length,
      withMatches: screened.filter((r) => r.matches.length > 0).length,
      withStrongMatches: screened.filter((r) => r.matches.some((m) => m.band === 'strong')).length,
    },
  });
}
