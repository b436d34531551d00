import type { GaugeSource } from '../adapters/http/routes/metrics/http-metrics.ts';
import type { Clock } from '../application/ports/clock.ts';
import type { ListSnapshotStore } from '../application/ports/list-snapshot-store.ts';
import {
  createScreeningIndexCache,
  type ExtraScreeningParties,
  type ScreeningIndexCache,
} from '../application/screening/screening-index-cache.ts';

/**
 * The server's screening index cache, watched for `/metrics`: the records and snapshots of the
 * index last built (read from memory, so a scrape never builds or reloads an index).
 */
export function observedScreeningIndexes(
  store: ListSnapshotStore,
  clock: Clock,
  extra?: ExtraScreeningParties,
): { readonly indexes: ScreeningIndexCache; readonly gauges: readonly GaugeSource[] } {
  const cache = createScreeningIndexCache(store, {
    clock,
    recheckAfterMs: 1_000,
    ...(extra === undefined ? {} : { extra }),
  });
  let records: number | undefined;
  let snapshots: number | undefined;
  const indexes: ScreeningIndexCache = {
    async current() {
      const active = await cache.current();
      records = active.parties.length;
      snapshots = active.snapshots.length;
      return active;
    },
    records: () => cache.records(),
    prime: (snapshotId, entries) => {
      cache.prime(snapshotId, entries);
    },
  };
  return {
    indexes,
    gauges: [
      {
        name: 'cordon_screening_index_records',
        help: 'List records in the screening index last built (absent before the first screening).',
        value: () => records,
      },
      {
        name: 'cordon_screening_index_snapshots',
        help: 'Active list snapshots the screening index was built from.',
        value: () => snapshots,
      },
    ],
  };
}
