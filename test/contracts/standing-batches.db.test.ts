import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyBatchStore } from '../../src/adapters/batch/kysely-batch-store.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import type { ChunkJob } from '../../src/application/batch/batch-chunk-queue.ts';
import type { BatchStore } from '../../src/application/batch/batch-store.ts';
import { processBatchChunk } from '../../src/application/batch/process-batch-chunk.ts';
import {
  listUpdateKey,
  rerunStandingBatches,
} from '../../src/application/batch/rerun-standing-batches.ts';
import { submitBatch } from '../../src/application/batch/submit-batch.ts';
import type { BatchRow } from '../../src/application/screening/screen-batch.ts';
import { batchChanges } from '../../src/application/batch/batch-changes.ts';
import type { ScreeningMatch } from '../../src/domain/screening/screen-name.ts';
import { defaultThresholds } from '../../src/domain/screening/score-names.ts';
import { ok } from '../../src/domain/shared/result.ts';
import { fixedClock } from '../fakes/fixed-clock.ts';
import { testEngines } from '../support/engines.ts';
import { openTestDatabase } from '../support/test-database.ts';

/** The rows of a CSV file as `submitBatch` reads them, one at a time. */
async function* rowsOf(names: readonly string[]) {
  for (const name of names) yield await Promise.resolve(ok<BatchRow>({ name }));
}

/** A screening that reports the snapshots it was told it has, and finds `found` where named. */
const screeningWith = (
  snapshot: readonly string[],
  found: Readonly<Record<string, ScreeningMatch>> = {},
) => ({
  screenBatch: (rows: readonly BatchRow[]) =>
    Promise.resolve(
      ok({
        snapshot,
        thresholds: defaultThresholds,
        summary: {
          rows: rows.length,
          screened: rows.length,
          rejected: 0,
          withMatches: 0,
          withStrongMatches: 0,
        },
        results: rows.map((r, row) => ({
          kind: 'screened' as const,
          row,
          query: { name: r.name },
          matches: found[r.name] !== undefined ? [found[r.name] as ScreeningMatch] : [],
          problems: [],
        })),
      }),
    ),
});

describe.each(testEngines())('standing batches, re-run after list updates, on %s', (engine) => {
  let connection: DatabaseConnection;
  let store: BatchStore;
  const queued: ChunkJob[] = [];
  const clock = fixedClock('2026-11-30T06:00:00Z');
  let ids = 0;
  const deps = () => ({
    store,
    queue: {
      enqueue: (jobs: readonly ChunkJob[]) => {
        queued.push(...jobs);
        return Promise.resolve();
      },
    },
    clock,
    newId: () => `batch-${String((ids += 1))}`,
  });
  const updateA = {
    key: listUpdateKey(['us-bis-dpl@2026-11-30.aaaaaaaa', 'us-ofac-sdn@2026-11-29.bbbbbbbb']),
    cause: 'list update: us-bis-dpl of 2026-11-30 (snapshot us-bis-dpl@2026-11-30.aaaaaaaa)',
  };

  beforeAll(async () => {
    connection = await openTestDatabase(engine);
    store = kyselyBatchStore(connection.db);
  });
  afterAll(async () => {
    await connection.close();
  });

  it('copies a standing batch into one re-run per update, queues its chunks, and lists it', async () => {
    const standing = await submitBatch(deps(), {
      fileName: 'customers.csv',
      rows: rowsOf(['Alpha Trading', 'Beta Optics', 'Gamma Vision', 'Delta Ltd', 'Epsilon']),
      chunkSize: 2,
      standing: true,
    });
    const oneOff = await submitBatch(deps(), { fileName: 'once.csv', rows: rowsOf(['Zeta']) });
    if (!standing.ok || !oneOff.ok) throw new Error('submission failed');
    expect(await store.standingBatches()).toEqual([
      { id: standing.value.batchId, fileName: 'customers.csv', matchLimit: 10 },
    ]);

    queued.length = 0;
    clock.advance(60_000);
    const [rerun, ...others] = await rerunStandingBatches(deps(), updateA);
    expect(others).toEqual([]);
    expect(rerun).toMatchObject({ of: standing.value.batchId, created: true, rows: 5 });
    if (rerun === undefined) throw new Error('no re-run');
    expect(queued).toEqual([0, 1, 2].map((chunk) => ({ batchId: rerun.batchId, chunk })));

    const status = await store.status(rerun.batchId);
    expect(status).toMatchObject({
      status: 'queued',
      standing: false,
      rerun: { of: standing.value.batchId, cause: updateA.cause },
      rows: 5,
      chunks: 3,
      chunksDone: 0,
    });
    expect(await store.chunk(rerun.batchId, 1)).toMatchObject({
      firstRow: 2,
      rows: [{ name: 'Gamma Vision' }, { name: 'Delta Ltd' }],
      done: false,
      expectedSnapshots: ['us-bis-dpl@2026-11-30.aaaaaaaa', 'us-ofac-sdn@2026-11-29.bbbbbbbb'],
    });
    const standingStatus = await store.status(standing.value.batchId);
    expect(standingStatus?.standing).toBe(true);
    expect(standingStatus?.reruns.map((r) => [r.id, r.status, r.cause])).toEqual([
      [rerun.batchId, 'queued', updateA.cause],
    ]);
  });

  it('creates nothing twice for one update, and queues again only the chunks not yet done', async () => {
    const [standing] = await store.standingBatches();
    const first = (await store.status(standing?.id ?? ''))?.reruns[0];
    if (first === undefined) throw new Error('no re-run');
    // One chunk done by a worker with the update's lists...
    const done = await processBatchChunk(
      {
        store,
        screening: screeningWith([
          'us-bis-dpl@2026-11-30.aaaaaaaa',
          'us-ofac-sdn@2026-11-29.bbbbbbbb',
          'partner-threat-alert:US',
        ]),
        clock,
      },
      { batchId: first.id, chunk: 0 },
    );
    expect(done).toMatchObject({ ok: true, value: { kind: 'screened', inserted: 2 } });

    queued.length = 0;
    const again = await rerunStandingBatches(deps(), updateA);
    expect(again).toEqual([
      { batchId: first.id, of: standing?.id, created: false, rows: 5, chunksQueued: 2 },
    ]);
    expect(queued).toEqual([1, 2].map((chunk) => ({ batchId: first.id, chunk })));
    expect((await store.status(standing?.id ?? ''))?.reruns).toHaveLength(1);
  });

  it("refuses to screen a re-run's chunk against lists older than its update", async () => {
    const [standing] = await store.standingBatches();
    const first = (await store.status(standing?.id ?? ''))?.reruns[0];
    if (first === undefined) throw new Error('no re-run');
    const stale = await processBatchChunk(
      {
        store,
        screening: screeningWith([
          'us-bis-dpl@2026-10-01.cccccccc',
          'us-ofac-sdn@2026-11-29.bbbbbbbb',
        ]),
        clock,
      },
      { batchId: first.id, chunk: 1 },
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CORDON_NOT_READY' } });
    if (stale.ok) throw new Error('screened against stale lists');
    expect(stale.error.message).toContain('us-bis-dpl@2026-11-30.aaaaaaaa');
    const status = await store.status(first.id);
    expect(status?.chunksDone).toBe(1);
    expect(status?.failingChunks).toMatchObject([{ chunk: 1, attempts: 1 }]);
  });

  it('compares a finished re-run with the run before it: the customer newly listed, and only that', async () => {
    const [standing] = await store.standingBatches();
    const first = (await store.status(standing?.id ?? ''))?.reruns[0];
    if (standing === undefined || first === undefined) throw new Error('no re-run');
    const updated = ['us-bis-dpl@2026-11-30.aaaaaaaa', 'us-ofac-sdn@2026-11-29.bbbbbbbb'];
    const listed = {
      entityId: 'us-bis-dpl:gamma-vision',
      source: 'us-bis-dpl',
      name: 'GAMMA VISION',
      score: 0.98,
      band: 'strong',
    } as ScreeningMatch;
    // The standing batch's own run, before the update, and the re-run's remaining chunks after it.
    for (const chunk of [0, 1, 2])
      await processBatchChunk(
        { store, screening: screeningWith(['us-bis-dpl@2026-10-01.cccccccc']), clock },
        { batchId: standing.id, chunk },
      );
    expect(await batchChanges(store, first.id, { after: -1, limit: 100 })).toMatchObject({
      ok: false,
      error: { code: 'CORDON_NOT_READY' },
    });
    for (const chunk of [1, 2])
      await processBatchChunk(
        { store, screening: screeningWith(updated, { 'Gamma Vision': listed }), clock },
        { batchId: first.id, chunk },
      );
    const page = await batchChanges(store, first.id, { after: -1, limit: 100 });
    expect(page).toEqual({
      ok: true,
      value: {
        batchId: first.id,
        comparedWith: standing.id,
        changes: [{ row: 2, name: 'Gamma Vision', added: [listed], removed: [], bandChanged: [] }],
        nextAfter: null,
      },
    });
    // Paged: rows 0-1 hold no change, and the next page starts after row 1.
    expect(await batchChanges(store, first.id, { after: -1, limit: 2 })).toMatchObject({
      ok: true,
      value: { changes: [], nextAfter: 1 },
    });
    expect(await batchChanges(store, first.id, { after: 1, limit: 2 })).toMatchObject({
      ok: true,
      value: { changes: [{ row: 2 }], nextAfter: 3 },
    });
    expect(await batchChanges(store, standing.id, { after: -1, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'CORDON_VALIDATION_FAILED' },
    });
    expect(await batchChanges(store, 'no-such-batch', { after: -1, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'CORDON_NOT_FOUND' },
    });
  });

  it('starts a new re-run for the next update, listed first', async () => {
    const [standing] = await store.standingBatches();
    clock.advance(60_000);
    const next = await rerunStandingBatches(deps(), {
      key: listUpdateKey(['us-bis-dpl@2026-12-01.dddddddd', 'us-ofac-sdn@2026-11-29.bbbbbbbb']),
      cause: 'list update: us-bis-dpl of 2026-12-01',
    });
    expect(next).toMatchObject([{ created: true, rows: 5, chunksQueued: 3 }]);
    const reruns = (await store.status(standing?.id ?? ''))?.reruns ?? [];
    expect(reruns.map((r) => r.cause)).toEqual([
      'list update: us-bis-dpl of 2026-12-01',
      updateA.cause,
    ]);
    // Its run before is the first re-run, not the standing batch.
    expect(await store.previousRun(reruns[0]?.id ?? '')).toBe(reruns[1]?.id);
  });
});
