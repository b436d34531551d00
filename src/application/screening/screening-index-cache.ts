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
  /**
   * Every list record of those snapshots, then the extra parties (for callers that need more
   * than the index holds).
   */
  readonly parties: readonly ListedParty[];
  /** The record with this entity id, if any. */
  readonly party: (entityId: string) => ListedParty | undefined;
  /**
   * For a party from an extra source (a partner's threat alert): where it came from, in one line
   * that every match on it cites. Undefined for list records.
   */
  readonly provenance?: (entityId: string) => string | undefined;
}

/** A party screened beside the lists, with the line that says where it came from. */
export interface ExtraScreeningParty {
  readonly party: ListedParty;
  readonly provenance: string;
}

/**
 * Parties screened beside the list snapshots: partners' threat alerts. They are not a snapshot
 * (they change one message at a time), so the cache asks for their version with the active
 * snapshots and rebuilds the index when either moved.
 */
export interface ExtraScreeningParties {
  /** Changes whenever `parties()` would answer differently. */
  version(): Promise<string>;
  parties(): Promise<readonly ExtraScreeningParty[]>;
  /**
   * A counter this process bumps when it changed the parties itself (a partner's message was
   * applied): the cache then rechecks at once instead of at the end of its interval.
   */
  changes(): number;
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
  /**
   * The active snapshots' records (and the extra parties) without building an index (for
   * `screen-file`'s workers).
   */
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
  /** Parties indexed beside the lists (partners' threat alerts); none by default. */
  readonly extra?: ExtraScreeningParties;
}

/**
 * A cache of the screening index over the store's active snapshots, keyed by their ids (and the
 * version of the extra parties, when there are any), so that screening never re-reads the lists
 * while they are unchanged and picks up an import, or a partner's threat alert or its withdrawal,
 * on the next call after it.
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
  const extra = options.extra;
  let cached: { key: string; value: Promise<ActiveScreeningIndex> } | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let seenChanges = extra?.changes() ?? 0;

  const activeIds = async (): Promise<string[]> => {
    const active = await store.activeSnapshots();
    return [...active]
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
      .map((a) => a.snapshot.id);
  };

  /** What the index is built from: the active snapshot ids, then the extra parties' version. */
  const keyOf = async (snapshots: readonly string[]): Promise<string> =>
    extra === undefined
      ? snapshots.join('\n')
      : `${snapshots.join('\n')}\n+${await extra.version()}`;

  const extraParties = async (): Promise<readonly ExtraScreeningParty[]> =>
    extra === undefined ? [] : extra.parties();

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
    const provenance = new Map<string, string>();
    for (const added of await extraParties()) {
      parties.push(added.party);
      provenance.set(added.party.entityId, added.provenance);
    }
    const index = build(parties);
    const byId = new Map<string, ListedParty>();
    for (const party of parties) byId.set(party.entityId, party);
    return {
      index,
      snapshots,
      parties,
      party: (entityId) => byId.get(entityId),
      ...(extra === undefined ? {} : { provenance: (entityId) => provenance.get(entityId) }),
    };
  };

  return {
    async current() {
      const now = options.clock?.now().getTime();
      const changes = extra?.changes() ?? 0;
      const fresh =
        cached !== undefined &&
        now !== undefined &&
        options.recheckAfterMs !== undefined &&
        now - checkedAt < options.recheckAfterMs &&
        changes === seenChanges;
      if (fresh && cached) return cached.value;
      const snapshots = await activeIds();
      const key = await keyOf(snapshots);
      if (now !== undefined) checkedAt = now;
      seenChanges = changes;
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
      const key = await keyOf(snapshots);
      if (cached?.key === key) {
        const { parties } = await cached.value;
        return { snapshots, parties };
      }
      const parties = await recordsOf(snapshots);
      for (const added of await extraParties()) parties.push(added.party);
      return { snapshots, parties };
    },
    prime(snapshotId, entries) {
      primed.set(snapshotId, entries);
    },
  };
}
