import type { IndicatorStore } from '../../src/application/ports/indicator-store.ts';
import type {
  IndicatorDataset,
  IndicatorRow,
} from '../../src/domain/human-rights/country-indicators.ts';

/** `IndicatorStore` in memory, for use-case tests; the contract suite holds it to the database's behaviour. */
export function inMemoryIndicatorStore(): IndicatorStore & { saves: number } {
  const datasets: IndicatorDataset[] = [];
  const rows = new Map<string, readonly IndicatorRow[]>();
  const store = {
    saves: 0,
    save(dataset: IndicatorDataset, values: readonly IndicatorRow[]) {
      if (
        datasets.some(
          (d) =>
            d.id === dataset.id || (d.source === dataset.source && d.version === dataset.version),
        )
      )
        return Promise.reject(new Error(`${dataset.id} exists`));
      datasets.push(dataset);
      rows.set(
        dataset.id,
        [...values].sort((a, b) => a.country.localeCompare(b.country) || a.year - b.year),
      );
      store.saves += 1;
      return Promise.resolve();
    },
    datasets: (source?: string) =>
      Promise.resolve(
        datasets
          .filter((d) => source === undefined || d.source === source)
          .sort((a, b) => a.source.localeCompare(b.source) || b.version - a.version),
      ),
    currentDatasets: () =>
      Promise.resolve(
        datasets
          .filter((d) => !datasets.some((o) => o.source === d.source && o.version > d.version))
          .sort((a, b) => a.source.localeCompare(b.source)),
      ),
    rows: (id: string) => Promise.resolve(rows.get(id) ?? []),
  };
  return store;
}
