import { expect, it } from 'vitest';
import type { IndicatorStore } from '../../src/application/ports/indicator-store.ts';
import type {
  IndicatorDataset,
  IndicatorRow,
} from '../../src/domain/human-rights/country-indicators.ts';
import type { CountryCode } from '../../src/domain/policy/country-code.ts';

const dataset = (source: string, version: number, year?: number): IndicatorDataset => ({
  id: `${source}@${version}`,
  source,
  version,
  fileName: `${source}-v${version}.csv`,
  contentHash: `hash-${source}-${version}`,
  ...(year !== undefined ? { year } : {}),
  indicators: ['v2x_civlib', 'v2x_clphy'],
  rowCount: 2,
  skippedEntities: ['DDR'],
  importedAt: new Date('2026-11-30T10:00:00.000Z'),
  importerVersion: 'test',
});
const rows: IndicatorRow[] = [
  { country: 'NO' as CountryCode, year: 2023, values: { v2x_civlib: 0.96, v2x_clphy: 0.97 } },
  { country: 'CN' as CountryCode, year: 2023, values: { v2x_civlib: 0.15 } },
];

/** What every `IndicatorStore` must do, run on the fake and on each database engine. */
export function indicatorStoreContract(open: () => Promise<IndicatorStore>): void {
  it('keeps every version of a source and answers the highest as current, with its rows', async () => {
    const store = await open();
    await store.save(dataset('vdem', 1), rows);
    await store.save(dataset('vdem', 2, 2023), rows.slice(1));
    await store.save(dataset('pts', 1), rows);
    expect((await store.datasets('vdem')).map((d) => d.id)).toEqual(['vdem@2', 'vdem@1']);
    const current = await store.currentDatasets();
    expect(current.map((d) => d.id)).toEqual(['pts@1', 'vdem@2']);
    expect(current[1]).toEqual(dataset('vdem', 2, 2023));
    expect(await store.rows('vdem@2')).toEqual([rows[1]]);
    expect(await store.rows('vdem@1')).toEqual([rows[1], rows[0]]);
  });

  it('refuses a second version N of a source and keeps the first as it was', async () => {
    const store = await open();
    await store.save(dataset('vdem', 1), rows);
    await expect(
      store.save({ ...dataset('vdem', 1), id: 'vdem@1-again', contentHash: 'other' }, rows),
    ).rejects.toThrow();
    expect(await store.datasets()).toEqual([dataset('vdem', 1)]);
    expect(await store.rows('vdem@1-again')).toEqual([]);
  });
}
