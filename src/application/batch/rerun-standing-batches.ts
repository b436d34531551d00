import type { ListSnapshot } from '../../domain/lists/list-snapshot.ts';
import type { Clock } from '../ports/clock.ts';
import type { ListSnapshotStore } from '../ports/list-snapshot-store.ts';
import type { BatchChunkQueue } from './batch-chunk-queue.ts';
import type { StandingBatchStore } from './batch-store.ts';

/** A list update that standing batches are screened again after. */
export interface ListUpdate {
  /** Identifies the update (the active snapshot ids, sorted and joined). */
  readonly key: string;
  /** Said in each re-run's status: "list update: us-bis-entity-list 2026-11-30 (...)". */
  readonly cause: string;
}

/** One re-run started (or found started, and its unfinished chunks queued again). */
export interface StartedRerun {
  readonly batchId: string;
  readonly of: string;
  readonly created: boolean;
  readonly rows: number;
  readonly chunksQueued: number;
}

/** What `rerunStandingBatches` needs. */
export interface RerunDeps {
  readonly store: StandingBatchStore;
  readonly queue: BatchChunkQueue;
  readonly clock: Clock;
  readonly newId: () => string;
}

/** The update key of a set of active snapshots: the same set gives the same key on every instance. */
export const listUpdateKey = (snapshotIds: readonly string[]): string =>
  [...snapshotIds].sort().join(',');

/** The update that activating `snapshot` made: keyed by every active snapshot, said by the new one. */
export async function currentListUpdate(
  store: Pick<ListSnapshotStore, 'activeSnapshots'>,
  snapshot: Pick<ListSnapshot, 'id' | 'source' | 'dataDate'>,
): Promise<ListUpdate> {
  const active = await store.activeSnapshots();
  return {
    key: listUpdateKey(active.map((a) => a.snapshot.id)),
    cause: `list update: ${snapshot.source} of ${snapshot.dataDate} (snapshot ${snapshot.id})`,
  };
}

/**
 * After a list update: starts a re-run of every standing batch (a stored customer list) on the
 * job queue, so the workers screen its rows again against the new lists. Each re-run is a batch of
 * its own, read with `batch status` and `batch results` like any other. Safe to repeat and to run
 * on several instances at once: one re-run per standing batch and update is created, and a repeat
 * queues again only the chunks not yet done (a chunk's rows are stored once whatever happens).
 *
 * @example
 * await rerunStandingBatches(deps, { key: listUpdateKey(ids), cause: 'list update: ...' })
 * // [{ batchId: '...', of: '<standing batch>', created: true, rows: 20000, chunksQueued: 40 }]
 */
export async function rerunStandingBatches(
  deps: RerunDeps,
  update: ListUpdate,
): Promise<readonly StartedRerun[]> {
  const started: StartedRerun[] = [];
  for (const standing of await deps.store.standingBatches()) {
    const rerun = await deps.store.createRerun({
      id: deps.newId(),
      of: standing,
      cause: update.cause,
      updateKey: update.key,
      submittedAt: deps.clock.now(),
    });
    const jobs = rerun.pendingChunks.map((chunk) => ({ batchId: rerun.batchId, chunk }));
    for (let start = 0; start < jobs.length; start += 500)
      await deps.queue.enqueue(jobs.slice(start, start + 500));
    started.push({
      batchId: rerun.batchId,
      of: standing.id,
      created: rerun.created,
      rows: rerun.rows,
      chunksQueued: jobs.length,
    });
  }
  return started;
}
