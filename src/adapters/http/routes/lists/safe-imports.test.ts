import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../../test/fakes/fixed-clock.ts';
import { inMemoryAuditLog } from '../../../../../test/fakes/in-memory-audit-log.ts';
import { inMemoryListSnapshotStore } from '../../../../../test/fakes/in-memory-list-snapshot-store.ts';
import { multipartBody } from '../../../../../test/support/multipart.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import { activateListSnapshot } from '../../../../application/lists/activate-list-snapshot.ts';
import { importListSnapshot } from '../../../../application/lists/import-list-snapshot.ts';
import { parseListFiles } from '../../../../adapters/lists/parse-list-files.ts';
import { nodeContentHasher } from '../../../../adapters/runtime/node-content-hasher.ts';
import type { ListSnapshot } from '../../../../domain/lists/list-snapshot.ts';
import type { App } from '../../build-app.ts';

// Issue 18, finding 3: a truncated list file replaced the active list. The real Denied Persons
// List (581 entries) and its real parser, over HTTP.

const dpl = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../../../../data/lists/us_bis_dpl/2022-09-07/dpl.txt'),
);

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function listsApp() {
  const store = inMemoryListSnapshotStore();
  const clock = fixedClock('2026-12-06T10:00:00Z');
  const audit = inMemoryAuditLog(clock);
  const activated: ListSnapshot[] = [];
  const deps = {
    store,
    parse: parseListFiles,
    hasher: nodeContentHasher,
    clock,
    audit,
    shrinkPolicy: { maxRemovedShare: 0.1 },
  };
  app = await buildTestApp({
    lists: {
      store,
      clock,
      maxFileBytes: 10 * 1024 * 1024,
      importSnapshot: async (request) => {
        const imported = await importListSnapshot({ ...request, importerVersion: 'test' }, deps);
        if (imported.ok && (imported.value.kind === 'imported' || imported.value.reactivated)) {
          activated.push(imported.value.snapshot);
        }
        return imported;
      },
      activateSnapshot: async (request) => {
        const result = await activateListSnapshot(deps, request);
        if (result.ok && result.value.changed) activated.push(result.value.snapshot);
        return result;
      },
    },
  });
  return { app, store, audit, activated };
}

const upload = (app: App, fields: Record<string, string>, content: Uint8Array) => {
  const body = multipartBody(fields, [{ name: 'dpl.txt', content }]);
  return app.inject({
    method: 'POST',
    url: '/v1/lists/import',
    payload: body.payload,
    headers: { ...body.headers, ...asRole('administrator') },
  });
};

async function activeDpl(store: ReturnType<typeof inMemoryListSnapshotStore>) {
  const active = (await store.activeSnapshots()).find((a) => a.source === 'us-bis-dpl');
  const found =
    active && (await store.browse(active.snapshot.id, 'ZHIFU LIN', { offset: 0, limit: 5 }));
  return { id: active?.snapshot.id, entries: active?.snapshot.entryCount, zhifuLin: found?.total };
}

describe('list imports that cannot shrink a list by accident (finding 3)', () => {
  it('refuses the Denied Persons List cut at 70,000 bytes, keeping all 581 entries and ZHIFU LIN', async () => {
    const { app, store } = await listsApp();
    const full = await upload(app, { source: 'us-bis-dpl', dataDate: '2022-09-07' }, dpl);
    expect(full.statusCode, full.body).toBe(201);
    expect(await activeDpl(store)).toMatchObject({ entries: 581, zhifuLin: 1 });

    const cut = await upload(
      app,
      { source: 'us-bis-dpl', dataDate: '2022-09-08' },
      dpl.subarray(0, 70_000),
    );
    expect(cut.statusCode, cut.body).toBe(409);
    expect(cut.json()).toMatchObject({ error: { code: 'CORDON_LIST_SHRINK_REFUSED' } });
    expect(cut.json<{ error: { message: string } }>().error.message).toMatch(
      /remove \d+ of the 581 active entries.*look truncated/,
    );
    expect(await activeDpl(store)).toMatchObject({ entries: 581, zhifuLin: 1 });
  });

  it('refuses a header and one row under strict, and applies strict to a re-upload of files with skipped rows', async () => {
    const { app, store } = await listsApp();
    await upload(app, { source: 'us-bis-dpl', dataDate: '2022-09-07' }, dpl);
    const [header, first] = dpl.toString('utf8').split('\n');
    const tiny = await upload(
      app,
      { source: 'us-bis-dpl', dataDate: '2022-09-08', strict: 'true' },
      Buffer.from(`${header ?? ''}\n${first ?? ''}\n`),
    );
    expect(tiny.statusCode, tiny.body).toBe(409);
    expect(await activeDpl(store)).toMatchObject({ entries: 581 });

    // The full list with one unreadable row appended: imported (the row skipped) without strict.
    const withBadRow = Buffer.concat([dpl, Buffer.from('"broken\n')]);
    const lenient = await upload(app, { source: 'us-bis-dpl', dataDate: '2022-09-09' }, withBadRow);
    expect(lenient.statusCode, lenient.body).toBe(201);
    const strictAgain = await upload(
      app,
      { source: 'us-bis-dpl', dataDate: '2022-09-09', strict: 'true' },
      withBadRow,
    );
    expect(strictAgain.statusCode, strictAgain.body).toBe(422);
    expect(strictAgain.json()).toMatchObject({ error: { code: 'CORDON_LIST_IMPORT_FAILED' } });
  });

  it('takes the data date from the files or the request, never from the clock', async () => {
    const { app, store } = await listsApp();
    const undated = await upload(app, { source: 'us-bis-dpl' }, dpl);
    expect(undated.statusCode, undated.body).toBe(400);
    expect(undated.json()).toMatchObject({ error: { fields: [{ field: 'body.dataDate' }] } });
    const impossible = await upload(app, { source: 'us-bis-dpl', dataDate: '2022-02-31' }, dpl);
    expect(impossible.statusCode).toBe(400);
    expect(await store.listSnapshots()).toEqual([]);
  });

  it('imports a shrink only with a reason, audited, and rolls it back over HTTP, re-screening as an import does', async () => {
    const { app, store, audit, activated } = await listsApp();
    const full = await upload(app, { source: 'us-bis-dpl', dataDate: '2022-09-07' }, dpl);
    const fullId = full.json<{ snapshot: { id: string } }>().snapshot.id;
    const allowed = await upload(
      app,
      {
        source: 'us-bis-dpl',
        dataDate: '2022-09-08',
        allowShrink: 'Testing the roll-back with a cut file',
      },
      dpl.subarray(0, 70_000),
    );
    expect(allowed.statusCode, allowed.body).toBe(201);
    expect(await activeDpl(store)).toMatchObject({ zhifuLin: 0 });
    expect(audit.entriesSoFar()).toContainEqual(
      expect.objectContaining({
        action: 'lists.import.shrink-allowed',
        details: expect.objectContaining({
          reason: 'Testing the roll-back with a cut file',
          activeCount: 581,
        }) as unknown,
      }),
    );

    const forbidden = await app.inject({
      method: 'POST',
      url: '/v1/lists/us-bis-dpl/activate',
      headers: asRole('caseworker'),
      payload: { snapshot: fullId },
    });
    expect(forbidden.statusCode).toBe(403);
    const rolledBack = await app.inject({
      method: 'POST',
      url: '/v1/lists/us-bis-dpl/activate',
      headers: asRole('administrator'),
      payload: { snapshot: fullId },
    });
    expect(rolledBack.statusCode, rolledBack.body).toBe(200);
    expect(rolledBack.json()).toMatchObject({ outcome: 'activated', snapshot: { id: fullId } });
    expect(await activeDpl(store)).toMatchObject({ id: fullId, entries: 581, zhifuLin: 1 });
    expect(activated.map((s) => s.id).at(-1)).toBe(fullId);
    expect(audit.entriesSoFar().map((e) => e.action)).toContain('lists.activate');

    const unknown = await app.inject({
      method: 'POST',
      url: '/v1/lists/us-ofac-sdn/activate',
      headers: asRole('administrator'),
      payload: { snapshot: fullId },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
