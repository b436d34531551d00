import type { ListedParty } from '../../domain/lists/listed-party.ts';
import {
  buildScreeningIndex,
  type ScreeningIndex,
} from '../../domain/screening/screening-index.ts';
import type { Clock } from '../ports/clock.ts';
import type { ListSnapshotStore } from '../ports/list-snapshot-store.ts';

/** The lists as screening sees them at one moment: the index and what it was built from. */
export interface ActiveScreeningIndex {
  readonly index: ScreeningIndex;
  /** The ids of the active snapshots the index was built from, in source order. */
  readonly snapshots: readonly string[];
  /** Every list record of those snapshots (for callers that need more than the index holds). */
  readonly parties: readonly ListedParty[];
  /** The record with this entity id, if any. */
  readonly party: (entityId: string) => ListedParty | undefined;
}

/** The active snapshots' list records, and which snapshots they came from. */
export interface ActiveListRecords {
  readonly snapshots: readonly string[];
  readonly parties: readonly ListedParty[];
}

/** Builds, caches and rebuilds the screening index of the active list snapshots. */
export interface ScreeningIndexCache {
  /**
   * The index of the snapshots active now. It is rebuilt only when the set of active snapshot
   * ids changed (an import or a roll-back); concurrent callers share one build.
   */
  current(): Promise<ActiveScreeningIndex>;
  /** The active snapshots' records without building an index (for `screen-file`'s workers). */
  records(): Promise<ActiveListRecords>;
  /**
   * Hands over records already in memory (just imported), so that the next build does not read
   * them back from the store. Used once: they are dropped after the build that consumed them.
   */
  prime(snapshotId: string, entries: readonly ListedParty[]): void;
}

/** Options of `createScreeningIndexCache`. */
export interface ScreeningIndexCacheOptions {
  /**
   * With a clock, the active snapshots are asked for at most once per `recheckAfterMs` (a server
   * under load then pays one store query per interval, not per request). Without one, every call
   * asks the store.
   */
  readonly clock?: Clock;
  readonly recheckAfterMs?: number;
  /** Index builder (tests and benchmarks replace it); `buildScreeningIndex` by default. */
  readonly build?: (parties: readonly ListedParty[]) => ScreeningIndex;
}

/**
 * A cache of the screening index over the store's active snapshots, keyed by their ids, so that
 * screening never re-reads the lists while they are unchanged and picks up an import on the next
 * call after it.
 *
 * @example
 * const cache = createScreeningIndexCache(store);
 * const { index, snapshots } = await cache.current();
 */
export function createScreeningIndexCache(
  store: ListSnapshotStore,
  options: ScreeningIndexCacheOptions = {},
): ScreeningIndexCache {
  const build = options.build ?? ((parties) => buildScreeningIndex(parties));
  const primed = new Map<string, readonly ListedParty[]>();
  let cached: { key: string; value: Promise<ActiveScreeningIndex> } | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;

  const activeIds = async (): Promise<string[]> => {
    const active = await store.activeSnapshots();
    return [...active]
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
      .map((a) => a.snapshot.id);
  };

  const recordsOf = async (snapshots: readonly string[]): Promise<ListedParty[]> => {
    const parties: ListedParty[] = [];
    for (const id of snapshots) {
      const entries = primed.get(id) ?? (await store.entries(id));
      for (const entry of entries) parties.push(entry);
    }
    return parties;
  };

  const load = async (snapshots: readonly string[]): Promise<ActiveScreeningIndex> => {
    const parties = await recordsOf(snapshots);
    for (const id of snapshots) primed.delete(id);
    const index = build(parties);
    const byId = new Map<string, ListedParty>();
    for (const party of parties) byId.set(party.entityId, party);
    return { index, snapshots, parties, party: (entityId) => byId.get(entityId) };
  };

  return {
    async current() {
      const now = options.clock?.now().getTime();
      const fresh =
        cached !== undefined &&
        now !== undefined &&
        options.recheckAfterMs !== undefined &&
        now - checkedAt < options.recheckAfterMs;
      if (fresh && cached) return cached.value;
      const snapshots = await activeIds();
      if (now !== undefined) checkedAt = now;
      const key = snapshots.join('\n');
      if (cached?.key === key) return cached.value;
      const value = load(snapshots);
      cached = { key, value };
      // A failed build is not cached: the next call tries again.
      void value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
      return value;
    },
    async records() {
      const snapshots = await activeIds();
      const key = snapshots.join('\n');
      if (cached?.key === key) {
        const { parties } = await cached.value;
        return { snapshots, parties };
      }
      return { snapshots, parties: await recordsOf(snapshots) };
    },
    prime(snapshotId, entries) {
      primed.set(snapshotId, entries);
    },
  };
}
