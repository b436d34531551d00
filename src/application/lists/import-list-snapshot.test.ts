import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildListedParty } from '../../../test/factories/listed-party.ts';
import { fixedClock } from '../../../test/fakes/fixed-clock.ts';
import { inMemoryListSnapshotStore } from '../../../test/fakes/in-memory-list-snapshot-store.ts';
import { err, ok } from '../../domain/shared/result.ts';
import type { ListParser } from '../ports/list-parser.ts';
import { importListSnapshot, type ImportRequest } from './import-list-snapshot.ts';

const hasher = { sha256: (c: Uint8Array | string) => createHash('sha256').update(c).digest('hex') };
const bytes = (text: string) => new TextEncoder().encode(text);

/** A parser that reads one record per non-empty line and reports lines starting with '!' as bad. */
const lineParser: ListParser = (source, files) => {
  const file = files[0]!;
  const text = new TextDecoder().decode(file.bytes);
  if (text.startsWith('<html')) {
    return err({ problems: [{ file: file.name, line: 1, message: 'expected CSV, found HTML' }] });
  }
  const lines = text.split('\n').filter((l) => l !== '');
  return ok({
    records: lines
      .filter((l) => !l.startsWith('!'))
      .map((l, i) =>
        buildListedParty({
          source,
          entityNumber: String(i),
          names: [{ value: l, type: 'primary' }],
        }),
      ),
    skipped: lines
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => l.startsWith('!'))
      .map(({ i }) => ({ file: file.name, line: i + 1, message: 'unreadable row' })),
  });
};

function setup() {
  const store = inMemoryListSnapshotStore();
  const deps = { store, parse: lineParser, hasher, clock: fixedClock() };
  const request = (text: string, overrides: Partial<ImportRequest> = {}): ImportRequest => ({
    source: 'us-bis-dpl',
    files: [{ name: 'data/lists/dpl.txt', bytes: bytes(text) }],
    strict: false,
    dataDate: '2022-09-07',
    provenance: 'test',
    importerVersion: '0.1.0',
    ...overrides,
  });
  return { store, deps, request };
}

describe(importListSnapshot.name, () => {
  it('imports the files as an active snapshot with file hashes, counts and the data date', async () => {
    const { store, deps, request } = setup();
    const result = await importListSnapshot(request('ALPHA\nBETA\n'), deps);
    expect(result).toMatchObject({
      ok: true,
      value: {
        kind: 'imported',
        snapshot: {
          source: 'us-bis-dpl',
          dataDate: '2022-09-07',
          entryCount: 2,
          skippedCount: 0,
          files: [{ name: 'dpl.txt', sha256: hasher.sha256('ALPHA\nBETA\n'), bytes: 11 }],
        },
      },
    });
    expect(result.ok && result.value.snapshot.id).toMatch(/^us-bis-dpl@2022-09-07\.[0-9a-f]{8}$/);
    expect((await store.activeSnapshots()).map((a) => a.snapshot.entryCount)).toEqual([2]);
  });

  it('detects the same files imported twice and creates nothing', async () => {
    const { store, deps, request } = setup();
    const first = await importListSnapshot(request('ALPHA\n'), deps);
    const second = await importListSnapshot(request('ALPHA\n'), deps);
    expect(second).toMatchObject({ ok: true, value: { kind: 'unchanged', reactivated: false } });
    expect(second.ok && first.ok && second.value.snapshot.id).toBe(
      first.ok && first.value.snapshot.id,
    );
    expect(await store.listSnapshots()).toHaveLength(1);
  });

  it('re-activates an older snapshot when its files are imported again, with a reason if it drops entries', async () => {
    const { store, deps, request } = setup();
    const old = await importListSnapshot(request('ALPHA\n'), deps);
    await importListSnapshot(request('ALPHA\nBETA\n'), deps);
    const refused = await importListSnapshot(request('ALPHA\n'), deps);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CORDON_LIST_SHRINK_REFUSED' } });
    const again = await importListSnapshot(
      { ...request('ALPHA\n'), allowShrink: 'BETA was delisted on 2026-11-21' },
      deps,
    );
    expect(again).toMatchObject({ ok: true, value: { kind: 'unchanged', reactivated: true } });
    expect((await store.activeSnapshots())[0]?.snapshot.id).toBe(old.ok && old.value.snapshot.id);
  });

  it('imports the good rows and reports each skipped row', async () => {
    const { deps, request } = setup();
    const result = await importListSnapshot(request('ALPHA\n!broken\nBETA\n'), deps);
    expect(result).toMatchObject({
      ok: true,
      value: {
        snapshot: { entryCount: 2, skippedCount: 1, problems: [{ file: 'dpl.txt', line: 2 }] },
      },
    });
  });

  it('refuses a file with skipped rows under --strict, naming the first, and writes nothing', async () => {
    const { store, deps, request } = setup();
    const result = await importListSnapshot(request('ALPHA\n!broken\n', { strict: true }), deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'CORDON_LIST_IMPORT_FAILED' } });
    expect(!result.ok && result.error.message).toContain('dpl.txt line 2: unreadable row');
    expect(await store.listSnapshots()).toEqual([]);
  });

  it('fails a file of the wrong format, keeps the previous snapshot active, and writes nothing', async () => {
    const { store, deps, request } = setup();
    await importListSnapshot(request('ALPHA\n'), deps);
    const result = await importListSnapshot(request('<html>oops</html>'), deps);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CORDON_LIST_IMPORT_FAILED', problems: [{ file: 'dpl.txt', line: 1 }] },
    });
    expect(!result.ok && result.error.message).toBe(
      'Cannot import us-bis-dpl: dpl.txt line 1: expected CSV, found HTML.',
    );
    expect(await store.listSnapshots()).toHaveLength(1);
  });

  it('refuses files that hold no entries', async () => {
    const { deps, request } = setup();
    expect(await importListSnapshot(request(''), deps)).toMatchObject({
      ok: false,
      error: { message: 'Cannot import us-bis-dpl: the files hold no entries.' },
    });
  });

  it('never dates the snapshot with the import date: when the files give no date the caller must', async () => {
    const { store, deps, request } = setup();
    const { dataDate: _unused, ...withoutDate } = request('ALPHA\n');
    const result = await importListSnapshot(withoutDate, deps);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CORDON_VALIDATION_FAILED', fields: [{ field: 'dataDate' }] },
    });
    expect(await store.listSnapshots()).toEqual([]);
  });
});
