import type { LoadedIndicatorDataset } from '../../domain/human-rights/country-indicators.ts';
import type { Clock } from '../ports/clock.ts';
import type { IndicatorStore } from '../ports/indicator-store.ts';

/** The current imported country indicator datasets, with their rows (what assessments read). */
export interface CurrentIndicators {
  currentDatasets(): Promise<readonly LoadedIndicatorDataset[]>;
}

/**
 * The current datasets of a store, kept in memory while they stay current: the rows of a dataset
 * are read once, and an import is picked up on the next call (with a clock, the store is asked
 * which datasets are current at most once per `recheckAfterMs`).
 *
 * @example
 * const indicators = currentIndicators(store, { clock, recheckAfterMs: 1_000 });
 * await indicators.currentDatasets() // [{ dataset: { id: 'vdem@2', ... }, rows: [...] }]
 */
export function currentIndicators(
  store: IndicatorStore,
  options: { readonly clock?: Clock; readonly recheckAfterMs?: number } = {},
): CurrentIndicators {
  let cached: { key: string; value: Promise<readonly LoadedIndicatorDataset[]> } | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  return {
    async currentDatasets() {
      const now = options.clock?.now().getTime();
      if (
        cached !== undefined &&
        now !== undefined &&
        options.recheckAfterMs !== undefined &&
        now - checkedAt < options.recheckAfterMs
      )
        return cached.value;
      const datasets = await store.currentDatasets();
      if (now !== undefined) checkedAt = now;
      const key = datasets.map((d) => d.id).join('\n');
      if (cached?.key === key) return cached.value;
      const value = Promise.all(
        datasets.map(async (dataset) => ({ dataset, rows: await store.rows(dataset.id) })),
      );
      cached = { key, value };
      // A failed read is not kept: the next call tries again.
      void value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
      return value;
    },
  };
}
