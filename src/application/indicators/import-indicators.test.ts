import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../test/fakes/fixed-clock.ts';
import { inMemoryIndicatorStore } from '../../../test/fakes/in-memory-indicator-store.ts';
import { parseIndicatorCsv } from '../../adapters/indicators/parse-indicator-csv.ts';
import { importIndicators, type ImportIndicatorsRequest } from './import-indicators.ts';

const bytes = new Uint8Array(
  readFileSync(
    path.resolve(
      import.meta.dirname,
      '../../../test/fixtures/indicators/synthetic-vdem-layout.csv',
    ),
  ),
);

const setUp = () => {
  const store = inMemoryIndicatorStore();
  const deps = {
    store,
    parse: parseIndicatorCsv,
    hasher: { sha256: (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex') },
    clock: fixedClock(),
    knownSources: ['vdem', 'freedom_house'],
  };
  const request: ImportIndicatorsRequest = {
    source: 'vdem',
    fileName: 'synthetic-vdem-layout.csv',
    bytes,
    importerVersion: 'test',
  };
  return { store, deps, request };
};

describe(importIndicators.name, () => {
  it('imports a file as version 1 of its source, recording the file, its hash and what was skipped', async () => {
    const { store, deps, request } = setUp();
    const result = await importIndicators(request, deps);
    expect(result.ok && result.value.kind).toBe('imported');
    expect(result.ok && result.value.dataset).toMatchObject({
      id: 'vdem@1',
      version: 1,
      fileName: 'synthetic-vdem-layout.csv',
      contentHash: createHash('sha256').update(bytes).digest('hex'),
      indicators: ['v2x_civlib', 'v2x_clphy'],
      rowCount: 6,
      skippedEntities: ['DDR'],
    });
    expect(await store.rows('vdem@1')).toHaveLength(6);
  });

  it('makes each new import of a source the next version; the same file with the same options again changes nothing', async () => {
    const { store, deps, request } = setUp();
    await importIndicators(request, deps);
    const again = await importIndicators(request, deps);
    expect(again.ok && again.value).toMatchObject({ kind: 'unchanged', dataset: { id: 'vdem@1' } });
    const oneYear = await importIndicators({ ...request, year: 2023 }, deps);
    expect(oneYear.ok && oneYear.value.dataset).toMatchObject({ id: 'vdem@2', year: 2023 });
    expect((await store.currentDatasets()).map((d) => d.id)).toEqual(['vdem@2']);
  });

  it('writes nothing when any line is bad, and names the line and column', async () => {
    const { store, deps, request } = setUp();
    const bad = new TextEncoder().encode(
      'country_text_id,year,v2x_civlib\nCHN,2023,0.15\nNOR,2023,n/a?\n',
    );
    const result = await importIndicators({ ...request, bytes: bad }, deps);
    expect(!result.ok && result.error.code).toBe('CORDON_VALIDATION_FAILED');
    expect(!result.ok && result.error.fields).toEqual([
      { field: 'line 3, column v2x_civlib', problem: '"n/a?" is not a number' },
    ]);
    expect(!result.ok && result.error.message).toMatch(/nothing was written/);
    expect(store.saves).toBe(0);
  });

  it('refuses a source Cordon does not know, naming the ones it does', async () => {
    const { store, deps, request } = setUp();
    const result = await importIndicators({ ...request, source: 'vdm' }, deps);
    expect(!result.ok && result.error.fields?.[0]?.problem).toMatch(/vdem, freedom_house/);
    expect(store.saves).toBe(0);
  });
});
