import type {
  ActiveSnapshot,
  ListSnapshotStore,
} from '../../src/application/ports/list-snapshot-store.ts';
import { primaryName, type ListedParty } from '../../src/domain/lists/listed-party.ts';
import type { ListSnapshot } from '../../src/domain/lists/list-snapshot.ts';

/** A `ListSnapshotStore` in memory, held to the same contract suite as the database one. */
export function inMemoryListSnapshotStore(): ListSnapshotStore {
  const snapshots = new Map<string, ListSnapshot>();
  const entriesOf = new Map<string, readonly ListedParty[]>();
  const active = new Map<string, { id: string; at: Date }>();
  const byName = (a: ListedParty, b: ListedParty) =>
    compare(primaryName(a), primaryName(b)) || compare(a.entityId, b.entityId);

  return {
    saveAndActivate(snapshot, entries) {
      if (snapshots.has(snapshot.id)) return Promise.reject(new Error(`duplicate ${snapshot.id}`));
      const ids = new Set(entries.map((e) => e.entityId));
      if (ids.size !== entries.length) return Promise.reject(new Error('duplicate entity id'));
      snapshots.set(snapshot.id, snapshot);
      entriesOf.set(
        snapshot.id,
        [...entries].sort((a, b) => compare(a.entityId, b.entityId)),
      );
      active.set(snapshot.source, { id: snapshot.id, at: new Date() });
      return Promise.resolve();
    },
    activate(snapshotId) {
      const snapshot = snapshots.get(snapshotId);
      if (snapshot) active.set(snapshot.source, { id: snapshotId, at: new Date() });
      return Promise.resolve(snapshot !== undefined);
    },
    findByContentHash(source, contentHash) {
      return Promise.resolve(
        [...snapshots.values()].find((s) => s.source === source && s.contentHash === contentHash),
      );
    },
    getSnapshot: (id) => Promise.resolve(snapshots.get(id)),
    listSnapshots(source) {
      return Promise.resolve(
        [...snapshots.values()]
          .filter((s) => source === undefined || s.source === source)
          .sort((a, b) => b.importedAt.getTime() - a.importedAt.getTime() || compare(a.id, b.id)),
      );
    },
    activeSnapshots() {
      const result: ActiveSnapshot[] = [...active.entries()]
        .sort(([a], [b]) => compare(a, b))
        .map(([source, { id, at }]) => ({ source, snapshot: snapshots.get(id)!, activatedAt: at }));
      return Promise.resolve(result);
    },
    entries: (id) => Promise.resolve(entriesOf.get(id) ?? []),
    browse(id, query, page) {
      const text = query?.trim().toLowerCase();
      const matching = (entriesOf.get(id) ?? [])
        .filter((e) => !text || e.names.some((n) => n.value.toLowerCase().includes(text)))
        .sort(byName);
      return Promise.resolve({
        total: matching.length,
        entries: matching.slice(page.offset, page.offset + page.limit),
      });
    },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
