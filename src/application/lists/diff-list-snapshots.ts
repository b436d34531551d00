import { diffSnapshots, type SnapshotDiff } from '../../domain/lists/diff-snapshots.ts';
import type { ListSnapshot } from '../../domain/lists/list-snapshot.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ListSnapshotStore } from '../ports/list-snapshot-store.ts';

export interface SnapshotComparison extends SnapshotDiff {
  readonly before: ListSnapshot;
  readonly after: ListSnapshot;
}

/** Compares two stored snapshots of the same source: added, removed and changed entries. */
export async function diffListSnapshots(
  store: ListSnapshotStore,
  beforeId: string,
  afterId: string,
): Promise<Result<SnapshotComparison, CordonError>> {
  const [before, after] = await Promise.all([
    store.getSnapshot(beforeId),
    store.getSnapshot(afterId),
  ]);
  const missing = [before ? undefined : beforeId, after ? undefined : afterId].filter(
    (id): id is string => id !== undefined,
  );
  if (!before || !after) {
    return err(
      cordonError('CORDON_SNAPSHOT_NOT_FOUND', `No list snapshot with id ${missing.join(' or ')}.`),
    );
  }
  if (before.source !== after.source) {
    return err(
      cordonError(
        'CORDON_VALIDATION_FAILED',
        `Snapshots ${before.id} and ${after.id} are of different sources (${before.source}, ${after.source}); compare two snapshots of one source.`,
      ),
    );
  }
  const [beforeEntries, afterEntries] = await Promise.all([
    store.entries(before.id),
    store.entries(after.id),
  ]);
  return ok({ before, after, ...diffSnapshots(beforeEntries, afterEntries) });
}
