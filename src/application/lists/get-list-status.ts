import { listSources } from '../../domain/lists/list-source.ts';
import type { ListSnapshot } from '../../domain/lists/list-snapshot.ts';
import type { Clock } from '../ports/clock.ts';
import type { ListSnapshotStore } from '../ports/list-snapshot-store.ts';

export interface SourceStatus {
  readonly source: string;
  readonly name: string;
  readonly authority: string;
  /** The active snapshot, `undefined` when the source was never imported. */
  readonly active: ListSnapshot | undefined;
  readonly activatedAt: Date | undefined;
  /** Whole days between the data date and now: how stale the list is. */
  readonly ageDays: number | undefined;
  /** How many snapshots of the source are stored (the active one included). */
  readonly snapshotCount: number;
}

const dayMs = 86_400_000;

/**
 * Every known list source with its active snapshot, data date and age, plus any other source
 * that has snapshots (partner lists), so that an officer sees at once which lists are stale.
 */
export async function getListStatus(
  store: ListSnapshotStore,
  clock: Clock,
): Promise<readonly SourceStatus[]> {
  const [active, all] = await Promise.all([store.activeSnapshots(), store.listSnapshots()]);
  const known = new Map<string, { name: string; authority: string }>(
    listSources.map((s) => [s.id, { name: s.name, authority: s.authority }]),
  );
  const sourceIds = [...new Set([...known.keys(), ...all.map((s) => s.source)])];
  const now = clock.now().getTime();
  return sourceIds.map((source) => {
    const current = active.find((a) => a.source === source);
    const meta = known.get(source) ?? { name: source, authority: 'partner' };
    return {
      source,
      name: meta.name,
      authority: meta.authority,
      active: current?.snapshot,
      activatedAt: current?.activatedAt,
      ageDays: current
        ? Math.floor((now - Date.parse(`${current.snapshot.dataDate}T00:00:00Z`)) / dayMs)
        : undefined,
      snapshotCount: all.filter((s) => s.source === source).length,
    };
  });
}
