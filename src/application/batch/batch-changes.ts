import type { ScreeningMatch } from '../../domain/screening/screen-name.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { BatchItem } from '../screening/screen-batch.ts';
import type { BatchResultStore, StoredRowResult } from './batch-store.ts';

/** A listing as one run found it, in short. */
export interface MatchSummary {
  readonly entityId: string;
  readonly source: string;
  readonly name: string;
  readonly score: number;
  readonly band: 'strong' | 'review';
}

/** How one row's matches differ between two runs of the same customer list. */
export interface RowChange {
  readonly row: number;
  readonly reference?: string;
  readonly name: string;
  /** Listings this run found and the earlier one did not, each with its full explanation. */
  readonly added: readonly ScreeningMatch[];
  /** Listings the earlier run found and this one does not (delisted, or a name changed). */
  readonly removed: readonly MatchSummary[];
  /** Listings both found, in a different band (review became strong, or the reverse). */
  readonly bandChanged: readonly {
    readonly entityId: string;
    readonly name: string;
    readonly before: Pick<MatchSummary, 'score' | 'band'>;
    readonly after: Pick<MatchSummary, 'score' | 'band'>;
  }[];
}

const matchesOf = (item: BatchItem | undefined): readonly ScreeningMatch[] =>
  item?.kind === 'screened' ? item.matches : [];

const nameOf = (item: BatchItem): string => (item.kind === 'screened' ? item.query.name : '');

/**
 * Compares one row's results in two runs, by listing (entity id): what was added, what went, what
 * changed band. A change of score within a band is not a change. `undefined` when nothing changed.
 *
 * @example
 * compareRowResults(before, after) // { row: 699, added: [{ entityId: 'us-bis-dpl:...', ... }], removed: [], bandChanged: [] }
 */
export function compareRowResults(
  before: BatchItem | undefined,
  after: BatchItem,
): RowChange | undefined {
  const earlier = new Map(matchesOf(before).map((m) => [m.entityId, m]));
  const later = matchesOf(after);
  const laterIds = new Set(later.map((m) => m.entityId));
  const added = later.filter((m) => !earlier.has(m.entityId));
  const removed = [...earlier.values()]
    .filter((m) => !laterIds.has(m.entityId))
    .map((m) => ({
      entityId: m.entityId,
      source: m.source,
      name: m.name,
      score: m.score,
      band: m.band,
    }));
  const bandChanged = later.flatMap((m) => {
    const was = earlier.get(m.entityId);
    return was !== undefined && was.band !== m.band
      ? [
          {
            entityId: m.entityId,
            name: m.name,
            before: { score: was.score, band: was.band },
            after: { score: m.score, band: m.band },
          },
        ]
      : [];
  });
  if (added.length === 0 && removed.length === 0 && bandChanged.length === 0) return undefined;
  return {
    row: after.row,
    ...(after.reference !== undefined ? { reference: after.reference } : {}),
    name: nameOf(after),
    added,
    removed,
    bandChanged,
  };
}

/** One page of changes: the rows after `after` up to `scannedTo`, and those that changed. */
export interface ChangesPage {
  readonly batchId: string;
  /** The earlier run compared with: the previous re-run, or the standing batch itself. */
  readonly comparedWith: string;
  readonly changes: readonly RowChange[];
  /** The last row looked at; null when the page reached the end. */
  readonly nextAfter: number | null;
}

/**
 * The rows of a re-run whose matches differ from the run before it (the previous re-run of the same
 * standing batch, or the standing batch itself): `limit` rows looked at after row `after`. Both
 * runs must be finished. A batch that is not a re-run has nothing to be compared with.
 *
 * @example
 * await batchChanges(store, rerunId, { after: -1, limit: 1000 })
 * // ok({ comparedWith: '<standing batch>', changes: [{ row: 699, added: [...] }], nextAfter: null })
 */
export async function batchChanges(
  store: BatchResultStore,
  batchId: string,
  page: { readonly after: number; readonly limit: number },
): Promise<Result<ChangesPage, CordonError>> {
  const status = await store.status(batchId);
  if (status === undefined)
    return err(cordonError('CORDON_NOT_FOUND', `No batch has the id ${batchId}.`));
  const previous = await store.previousRun(batchId);
  if (previous === undefined)
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        `Batch ${batchId} is not a re-run of a standing batch: there is no earlier run to compare it with.`,
        [{ field: 'params.id', problem: 'must be a re-run of a standing batch' }],
      ),
    );
  const earlier = await store.status(previous);
  for (const run of [status, earlier]) {
    if (run !== undefined && run.status !== 'done')
      return err(
        cordonError(
          'CORDON_NOT_READY',
          `Batch ${run.id} is not finished (${run.rowsDone.toLocaleString('en')} of ${run.rows.toLocaleString('en')} rows): compare the runs once both are done.`,
        ),
      );
  }
  const current = await store.results(batchId, page.after, page.limit);
  const last = current.at(-1);
  // Both runs screen the same rows, numbered alike: the earlier run's rows of the same range.
  const before = new Map<number, StoredRowResult>();
  if (last !== undefined) {
    for (const r of await store.results(previous, page.after, last.row - page.after))
      before.set(r.row, r);
  }
  const changes: RowChange[] = [];
  for (const r of current) {
    const change = compareRowResults(before.get(r.row)?.item, r.item);
    if (change !== undefined) changes.push(change);
  }
  return ok({
    batchId,
    comparedWith: previous,
    changes,
    nextAfter: last !== undefined && current.length === page.limit ? last.row : null,
  });
}
