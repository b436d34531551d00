import type {
  IndicatorDataset,
  IndicatorRow,
} from '../../domain/human-rights/country-indicators.ts';

/** Stores imported country indicator datasets, every version, with their country-year rows. */
export interface IndicatorStore {
  /**
   * Saves a dataset with all its rows, all or nothing. Fails (and writes nothing) when the
   * source already has that version, so two concurrent imports cannot both become version N.
   */
  save(dataset: IndicatorDataset, rows: readonly IndicatorRow[]): Promise<void>;
  /** Every dataset, newest version first, optionally of one source. */
  datasets(source?: string): Promise<readonly IndicatorDataset[]>;
  /** The highest version of each source: the datasets assessments read. */
  currentDatasets(): Promise<readonly IndicatorDataset[]>;
  rows(datasetId: string): Promise<readonly IndicatorRow[]>;
}
