import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildListedParty } from '../../../../../test/factories/listed-party.ts';
import { fixedClock } from '../../../../../test/fakes/fixed-clock.ts';
import { inMemoryListSnapshotStore } from '../../../../../test/fakes/in-memory-list-snapshot-store.ts';
import { multipartBody } from '../../../../../test/support/multipart.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import { importListSnapshot } from '../../../../application/lists/import-list-snapshot.ts';
import { err, ok } from '../../../../domain/shared/result.ts';
import type { App } from '../../build-app.ts';
import { listsRoutes } from './routes.ts';

const hasher = { sha256: (c: Uint8Array | string) => createHash('sha256').update(c).digest('hex') };

/** An app whose import reads one entry per line; a line "!" is a bad row, "<html" a wrong format. */
async function listsApp() {
  const store = inMemoryListSnapshotStore();
  const clock = fixedClock('2026-11-22T00:00:00Z');
  const app = await buildTestApp({
    lists: {
      store,
      clock,
      maxFileBytes: 1024 * 1024,
      importSnapshot: (request) =>
        importListSnapshot(
          { ...request, importerVersion: 'test' },
          {
            store,
            hasher,
            clock,
            parse: (source, files) => {
              const text = new TextDecoder().decode(files[0]?.bytes);
              if (text.startsWith('<html')) {
                return err({
                  problems: [
                    {
                      file: files[0]?.name ?? '',
                      line: 1,
                      message: 'expected tab-separated text, found HTML',
                    },
                  ],
                });
              }
              const lines = text.split('\n').filter(Boolean);
              return ok({
                records: lines
                  .filter((l) => l !== '!')
                  .map((l, i) =>
                    buildListedParty({
                      source,
                      entityNumber: String(i),
                      names: [{ value: l, type: 'primary' }],
                    }),
                  ),
                skipped: lines.flatMap((l, i) =>
                  l === '!'
                    ? [{ file: files[0]?.name ?? '', line: i + 1, message: 'bad row' }]
                    : [],
                ),
              });
            },
          },
        ),
    },
  });
  apps.push(app);
  return { app, store };
}

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

const upload = (
  app: App,
  fields: Record<string, string>,
  files: { name: string; content: string }[],
) => {
  // A data date unless the test is about it: the stub parser's files state none.
  const body = multipartBody({ dataDate: '2026-11-20', ...fields }, files);
  return app.inject({
    method: 'POST',
    url: '/v1/lists/import',
    payload: body.payload,
    headers: { ...body.headers, ...asRole('administrator') },
  });
};

describe(listsRoutes.name, () => {
  it('imports uploaded files as the active snapshot and lists it with its age', async () => {
    const { app } = await listsApp();
    const response = await upload(app, { source: 'us-bis-dpl', dataDate: '2022-09-07' }, [
      { name: 'dpl.txt', content: 'ALPHA\nBETA\n' },
    ]);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      outcome: 'imported',
      snapshot: { source: 'us-bis-dpl', entryCount: 2 },
    });

    const status = await app.inject({ url: '/v1/lists', headers: asRole('caseworker') });
    const dpl = status
      .json<{ sources: { source: string; ageDays: number; entryCount: number }[] }>()
      .sources.find((s) => s.source === 'us-bis-dpl');
    expect(dpl).toMatchObject({ entryCount: 2, ageDays: 1537 });
  });

  it('answers 200 "unchanged" when the same files are uploaded again', async () => {
    const { app } = await listsApp();
    await upload(app, { source: 'us-bis-dpl' }, [{ name: 'dpl.txt', content: 'ALPHA\n' }]);
    const again = await upload(app, { source: 'us-bis-dpl' }, [
      { name: 'dpl.txt', content: 'ALPHA\n' },
    ]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'unchanged' });
  });

  it('refuses a file of the wrong format with 422 naming the file and line, and keeps the active snapshot', async () => {
    const { app, store } = await listsApp();
    await upload(app, { source: 'us-bis-dpl' }, [{ name: 'dpl.txt', content: 'ALPHA\n' }]);
    const response = await upload(app, { source: 'us-bis-dpl' }, [
      { name: 'dpl.txt', content: '<html>' },
    ]);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      error: {
        code: 'CORDON_LIST_IMPORT_FAILED',
        fields: [{ field: 'dpl.txt line 1', problem: 'expected tab-separated text, found HTML' }],
      },
    });
    expect(await store.listSnapshots()).toHaveLength(1);
  });

  it('names every problem of a bad import request at once', async () => {
    const { app } = await listsApp();
    const response = await upload(
      app,
      { source: 'nope', strict: 'maybe', dataDate: '22.09.2022' },
      [],
    );
    expect(response.statusCode).toBe(400);
    expect(
      response.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field),
    ).toEqual(['body.source', 'body.files', 'body.strict', 'body.dataDate']);
  });

  it('refuses a JSON body for an import with 415', async () => {
    const { app } = await listsApp();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/lists/import',
      payload: { source: 'us-bis-dpl' },
      headers: asRole('administrator'),
    });
    expect(response.statusCode).toBe(415);
  });

  it('browses the active snapshot of a source by name, in pages', async () => {
    const { app } = await listsApp();
    await upload(app, { source: 'us-bis-dpl' }, [
      { name: 'dpl.txt', content: 'ALPHA SYSTEMS\nBETA SYSTEMS\nGAMMA\n' },
    ]);
    const response = await app.inject({
      url: '/v1/lists/us-bis-dpl/entries?query=systems&pageSize=1&page=2',
      headers: asRole('exporter'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      total: 2,
      page: 2,
      pageSize: 1,
      entries: [{ names: [{ value: 'BETA SYSTEMS' }] }],
    });
    const bad = await app.inject({
      url: '/v1/lists/us-bis-dpl/entries?page=0',
      headers: asRole('caseworker'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { fields: [{ field: 'querystring.page' }] } });
    expect(
      (await app.inject({ url: '/v1/lists/us-ofac-sdn/entries', headers: asRole('caseworker') }))
        .statusCode,
    ).toBe(404);
  });

  it('diffs two snapshots of a source', async () => {
    const { app } = await listsApp();
    const first = await upload(app, { source: 'us-bis-dpl' }, [
      { name: 'dpl.txt', content: 'ALPHA\nBETA\n' },
    ]);
    const second = await upload(app, { source: 'us-bis-dpl' }, [
      { name: 'dpl.txt', content: 'ALPHA\nGAMMA\n' },
    ]);
    const a = first.json<{ snapshot: { id: string } }>().snapshot.id;
    const b = second.json<{ snapshot: { id: string } }>().snapshot.id;
    const diff = await app.inject({ url: `/v1/lists/${a}/diff/${b}`, headers: asRole('auditor') });
    expect(diff.statusCode).toBe(200);
    expect(diff.json()).toMatchObject({
      changed: [{ namesAdded: ['GAMMA'], namesRemoved: ['BETA'] }],
      unchangedCount: 1,
    });
    expect(
      (await app.inject({ url: `/v1/lists/${a}/diff/nope`, headers: asRole('auditor') }))
        .statusCode,
    ).toBe(404);
  });
});
