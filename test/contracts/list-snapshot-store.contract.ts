import { describe, expect, it } from 'vitest';
import type { ListSnapshotStore } from '../../src/application/ports/list-snapshot-store.ts';
import type { ListSnapshot } from '../../src/domain/lists/list-snapshot.ts';
import { buildListedParty } from '../factories/listed-party.ts';

function snapshot(overrides: Partial<ListSnapshot> = {}): ListSnapshot {
  return {
    id: 'us-ofac-sdn@2024-05-03.aaaaaaaa',
    source: 'us-ofac-sdn',
    dataDate: '2024-05-03',
    importedAt: new Date('2026-11-22T10:00:00Z'),
    contentHash: 'a'.repeat(64),
    files: [{ name: 'sdn.csv', sha256: 'b'.repeat(64), bytes: 100 }],
    entryCount: 2,
    skippedCount: 1,
    problems: [{ file: 'alt.csv', line: 3, message: 'alias of unknown entity 99' }],
    importerVersion: '0.1.0+test',
    provenance: 'test data',
    ...overrides,
  };
}

/**
 * The behaviour every `ListSnapshotStore` must have, run against the in-memory fake, PGlite and
 * PostgreSQL. `open` gives a fresh, empty store.
 */
export function listSnapshotStoreContract(open: () => Promise<ListSnapshotStore>): void {
  describe('ListSnapshotStore contract', () => {
    it('saves a snapshot with its entries and makes it the active one of its source', async () => {
      const store = await open();
      const hikvision = buildListedParty({
        entityNumber: '1',
        names: [
          { value: 'HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.', type: 'primary' },
          { value: 'HIKVISION', type: 'aka' },
        ],
        countries: ['CN'],
        programmes: ['NS-CMIC'],
        addresses: [{ text: 'No. 555 Qianmo Road, Hangzhou', city: 'Hangzhou', country: 'CN' }],
      });
      const other = buildListedParty({
        entityNumber: '2',
        names: [{ value: 'ALPHA LLC', type: 'primary' }],
      });
      await store.saveAndActivate(snapshot(), [hikvision, other]);

      expect(await store.getSnapshot('us-ofac-sdn@2024-05-03.aaaaaaaa')).toEqual(snapshot());
      const active = await store.activeSnapshots();
      expect(active.map((a) => a.snapshot.id)).toEqual(['us-ofac-sdn@2024-05-03.aaaaaaaa']);
      expect(await store.entries('us-ofac-sdn@2024-05-03.aaaaaaaa')).toEqual([hikvision, other]);
    });

    it('finds a snapshot by its source and content hash, and only by both', async () => {
      const store = await open();
      await store.saveAndActivate(snapshot(), [buildListedParty()]);
      expect((await store.findByContentHash('us-ofac-sdn', 'a'.repeat(64)))?.id).toBe(
        snapshot().id,
      );
      expect(await store.findByContentHash('us-bis-dpl', 'a'.repeat(64))).toBeUndefined();
      expect(await store.findByContentHash('us-ofac-sdn', 'c'.repeat(64))).toBeUndefined();
    });

    it('keeps older snapshots when a newer one is activated, and can activate them again', async () => {
      const store = await open();
      await store.saveAndActivate(snapshot(), [buildListedParty()]);
      const newer = snapshot({
        id: 'us-ofac-sdn@2024-06-01.cccccccc',
        dataDate: '2024-06-01',
        contentHash: 'c'.repeat(64),
        importedAt: new Date('2026-11-22T11:00:00Z'),
      });
      await store.saveAndActivate(newer, [buildListedParty()]);
      expect((await store.activeSnapshots())[0]?.snapshot.id).toBe(newer.id);
      expect((await store.listSnapshots('us-ofac-sdn')).map((s) => s.id)).toEqual([
        newer.id,
        snapshot().id,
      ]);

      expect(await store.activate(snapshot().id)).toBe(true);
      expect((await store.activeSnapshots())[0]?.snapshot.id).toBe(snapshot().id);
      expect(await store.activate('no-such-snapshot')).toBe(false);
    });

    it('keeps one active snapshot per source', async () => {
      const store = await open();
      await store.saveAndActivate(snapshot(), [buildListedParty()]);
      await store.saveAndActivate(
        snapshot({
          id: 'us-bis-dpl@2022-09-07.dddddddd',
          source: 'us-bis-dpl',
          contentHash: 'd'.repeat(64),
        }),
        [buildListedParty({ source: 'us-bis-dpl' })],
      );
      expect((await store.activeSnapshots()).map((a) => a.source)).toEqual([
        'us-bis-dpl',
        'us-ofac-sdn',
      ]);
    });

    it('writes nothing when saving fails half-way (an entity id twice)', async () => {
      const store = await open();
      await store.saveAndActivate(snapshot(), [buildListedParty()]);
      const twice = buildListedParty({ entityNumber: '7' });
      const broken = snapshot({
        id: 'us-ofac-sdn@2024-07-01.eeeeeeee',
        contentHash: 'e'.repeat(64),
      });
      await expect(store.saveAndActivate(broken, [twice, twice])).rejects.toThrow();
      expect(await store.getSnapshot(broken.id)).toBeUndefined();
      expect(await store.entries(broken.id)).toEqual([]);
      expect((await store.activeSnapshots())[0]?.snapshot.id).toBe(snapshot().id);
    });

    it('browses entries by any of their names, case-insensitively, in pages ordered by name', async () => {
      const store = await open();
      const names = ['ZETA SURVEILLANCE', 'ALPHA SURVEILLANCE LTD', 'BETA TRADING 100%'];
      await store.saveAndActivate(
        snapshot(),
        names.map((value, i) =>
          buildListedParty({
            entityNumber: String(i),
            names: [
              { value, type: 'primary' },
              { value: `alias ${i}`, type: 'aka' },
            ],
          }),
        ),
      );
      const page = await store.browse(snapshot().id, 'surveillance', { offset: 0, limit: 1 });
      expect(page.total).toBe(2);
      expect(page.entries.map((e) => e.names[0]?.value)).toEqual(['ALPHA SURVEILLANCE LTD']);
      const second = await store.browse(snapshot().id, 'SURVEILLANCE', { offset: 1, limit: 1 });
      expect(second.entries.map((e) => e.names[0]?.value)).toEqual(['ZETA SURVEILLANCE']);
      expect((await store.browse(snapshot().id, 'ALIAS 2', { offset: 0, limit: 10 })).total).toBe(
        1,
      );
      expect((await store.browse(snapshot().id, '100%', { offset: 0, limit: 10 })).total).toBe(1);
      expect((await store.browse(snapshot().id, '_', { offset: 0, limit: 10 })).total).toBe(0);
      expect((await store.browse(snapshot().id, undefined, { offset: 0, limit: 10 })).total).toBe(
        3,
      );
    });
  });
}
