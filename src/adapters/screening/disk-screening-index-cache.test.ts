import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildListSnapshot } from '../../../test/factories/list-snapshot.ts';
import { buildListedParty } from '../../../test/factories/listed-party.ts';
import { inMemoryListSnapshotStore } from '../../../test/fakes/in-memory-list-snapshot-store.ts';
import type { ListSnapshotStore } from '../../application/ports/list-snapshot-store.ts';
import { createScreeningService } from '../../application/screening/screening-service.ts';
import { defaultThresholds } from '../../domain/screening/score-names.ts';
import { diskScreeningIndexCache } from './disk-screening-index-cache.ts';

const hikvision = buildListedParty({
  source: 'us-bis-entity-list',
  entityNumber: 'CN:hikvision',
  names: [
    { value: 'Hangzhou Hikvision Digital Technology Co., Ltd.', type: 'primary' },
    { value: 'Hikvision', type: 'aka' },
  ],
  countries: ['CN'],
});
const positive = buildListedParty({
  source: 'us-ofac-sdn',
  entityNumber: '31455',
  names: [{ value: 'AKTSIONERNOE OBSHCHESTVO POZITIV TEKNOLODZHIZ', type: 'primary' }],
  countries: ['RU'],
});

/** A store that counts how often list records are read (a build reads them; a cache hit does not). */
function counting(store: ListSnapshotStore) {
  let reads = 0;
  return {
    store: {
      ...store,
      entries: (id: string) => {
        reads += 1;
        return store.entries(id);
      },
    },
    reads: () => reads,
  };
}

describe(diskScreeningIndexCache.name, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cordon-index-cache-'));
  const file = path.join(dir, 'cache', 'screening-index.v8');
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const screen = async (store: ListSnapshotStore, name: string, codeVersion = '1.0.0') => {
    const service = createScreeningService({
      store,
      thresholds: defaultThresholds,
      indexes: diskScreeningIndexCache(store, { file, codeVersion }),
    });
    const report = await service.screenParty({ name });
    if (!report.ok) throw new Error(report.error.message);
    return report.value;
  };

  it('answers the next process from the file, with the same report, without reading the lists', async () => {
    const lists = inMemoryListSnapshotStore();
    await lists.saveAndActivate(buildListSnapshot('us-bis-entity-list', [hikvision]), [hikvision]);
    const first = counting(lists);
    const built = await screen(first.store, 'Hikvision');
    expect(first.reads()).toBe(1);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const second = counting(lists);
    const fromDisk = await screen(second.store, 'Hikvision');
    expect(second.reads()).toBe(0);
    expect(fromDisk).toEqual(built);
    expect(fromDisk.matches[0]?.entityId).toBe(hikvision.entityId);
  });

  it('rebuilds when a snapshot was activated, or the code changed', async () => {
    const lists = inMemoryListSnapshotStore();
    await lists.saveAndActivate(buildListSnapshot('us-bis-entity-list', [hikvision]), [hikvision]);
    await screen(lists, 'Hikvision');
    await lists.saveAndActivate(buildListSnapshot('us-ofac-sdn', [positive]), [positive]);
    const afterImport = counting(lists);
    const report = await screen(afterImport.store, 'Pozitiv Teknolodzhiz');
    expect(afterImport.reads()).toBe(2);
    expect(report.matches[0]?.entityId).toBe(positive.entityId);

    const newCode = counting(lists);
    await screen(newCode.store, 'Hikvision', '1.0.1');
    expect(newCode.reads()).toBe(2);
  });

  it('rebuilds from the lists when the file is damaged', async () => {
    const lists = inMemoryListSnapshotStore();
    await lists.saveAndActivate(buildListSnapshot('us-bis-entity-list', [hikvision]), [hikvision]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'not a cache');
    const damaged = counting(lists);
    const report = await screen(damaged.store, 'Hikvision');
    expect(damaged.reads()).toBe(1);
    expect(report.matches[0]?.entityId).toBe(hikvision.entityId);
  });
});
