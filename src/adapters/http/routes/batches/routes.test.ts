import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { multipartBody } from '../../../../../test/support/multipart.ts';
import { asRole, buildTestApp } from '../../../../../test/support/test-app.ts';
import type { BatchStatus, BatchStore } from '../../../../application/batch/batch-store.ts';
import { cordonError } from '../../../../domain/shared/errors.ts';
import { err, ok } from '../../../../domain/shared/result.ts';
import type { App } from '../../build-app.ts';
import type { BatchRouteDeps, UploadedBatch } from './routes.ts';

const done: BatchStatus = {
  id: 'b-1',
  fileName: 'customers.csv',
  status: 'done',
  submittedAt: new Date('2026-11-30T00:00:00Z'),
  completedAt: new Date('2026-11-30T00:01:00Z'),
  standing: false,
  reruns: [],
  rows: 3,
  chunks: 1,
  chunksDone: 1,
  rowsDone: 3,
  rowsRejected: 0,
  rowsWithMatches: 1,
  rowsWithStrongMatches: 1,
  failingChunks: [],
};

const row = (n: number) => ({
  row: n,
  item: {
    kind: 'screened' as const,
    row: n,
    reference: `c${String(n)}`,
    query: { name: `Name ${String(n)}` },
    matches: [],
    problems: [],
  },
});

let app: App | undefined;
afterEach(async () => {
  await app?.close();
});

/** The app with `/v1/batches` on a store holding batch `b-1`; uploads are recorded, with the file's text. */
async function batchesApp(submit?: BatchRouteDeps['submit']) {
  const uploads: (UploadedBatch & { text: string })[] = [];
  const store: Partial<BatchStore> = {
    status: (id) => Promise.resolve(id === 'b-1' ? done : undefined),
    results: (_id, after, limit) =>
      Promise.resolve([row(0), row(1), row(2)].filter((r) => r.row > after).slice(0, limit)),
  };
  app = await buildTestApp({
    batches: {
      store: store as BatchStore,
      maxFileBytes: 1024,
      submit:
        submit ??
        ((upload) => {
          uploads.push({ ...upload, text: fs.readFileSync(upload.file, 'utf8') });
          return Promise.resolve(ok({ batchId: 'b-2', rows: 2, chunks: 1 }));
        }),
    },
  });
  return { app, uploads };
}

const csv = { name: 'customers.csv', content: 'id,name\nc0,Hikvision\nc1,Anna Smith\n' };

describe('POST /v1/batches', () => {
  it('queues an uploaded CSV file with its columns and chunking, and removes the temporary copy', async () => {
    const { app, uploads } = await batchesApp();
    const body = multipartBody(
      { column: 'name', referenceColumn: 'id', chunkSize: '250', chunkTimeout: '30' },
      [csv],
    );
    const response = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { ...asRole('caseworker'), ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ batchId: 'b-2', rows: 2, chunks: 1 });
    expect(uploads).toMatchObject([
      {
        fileName: 'customers.csv',
        column: 'name',
        referenceColumn: 'id',
        chunkSize: 250,
        chunkTimeoutSeconds: 30,
        text: csv.content,
      },
    ]);
    expect(fs.existsSync(uploads[0]?.file ?? '')).toBe(false);
  });

  it('refuses a JSON body, a request without a file, and numbers out of range, naming each field', async () => {
    const { app } = await batchesApp();
    const json = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: asRole('caseworker'),
      payload: { names: [] },
    });
    expect(json.statusCode).toBe(415);
    const body = multipartBody({ chunkSize: '0', limit: 'ten' }, []);
    const invalid = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { ...asRole('caseworker'), ...body.headers },
      payload: body.payload,
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field),
    ).toEqual(['body.chunkSize', 'body.limit', 'body.file']);
  });

  it('answers 413 for a file over the size limit', async () => {
    const { app } = await batchesApp();
    const body = multipartBody({}, [{ name: 'big.csv', content: `name\n${'x'.repeat(2048)}\n` }]);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { ...asRole('caseworker'), ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'CORDON_PAYLOAD_TOO_LARGE' } });
  });

  it('reports a malformed file under the name the client gave it, not the temporary path', async () => {
    const { app } = await batchesApp((upload) =>
      Promise.resolve(
        err(cordonError('CORDON_BATCH_FILE_INVALID', `${upload.file} has no column "name".`)),
      ),
    );
    const body = multipartBody({}, [csv]);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      headers: { ...asRole('administrator'), ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toBe(
      'customers.csv has no column "name".',
    );
  });

  it('is for the authority staff only', async () => {
    const { app } = await batchesApp();
    const response = await app.inject({
      method: 'GET',
      url: '/v1/batches/b-1',
      headers: asRole('exporter'),
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('GET /v1/batches/:id and /results', () => {
  it('reports the status, and 404 for an unknown batch', async () => {
    const { app } = await batchesApp();
    const found = await app.inject({
      method: 'GET',
      url: '/v1/batches/b-1',
      headers: asRole('senior-officer'),
    });
    expect(found.json()).toMatchObject({
      status: 'done',
      rowsDone: 3,
      completedAt: '2026-11-30T00:01:00.000Z',
    });
    const missing = await app.inject({
      method: 'GET',
      url: '/v1/batches/nope',
      headers: asRole('caseworker'),
    });
    expect(missing.statusCode).toBe(404);
  });

  it('pages through the results in row order until nextAfter is null', async () => {
    const { app } = await batchesApp();
    const page = (after: number) =>
      app.inject({
        method: 'GET',
        url: `/v1/batches/b-1/results?after=${String(after)}&limit=2`,
        headers: asRole('caseworker'),
      });
    const first = (await page(-1)).json<{ results: { row: number }[]; nextAfter: number | null }>();
    expect(first.results.map((r) => r.row)).toEqual([0, 1]);
    expect(first.nextAfter).toBe(1);
    const second = (await page(1)).json<{ results: { reference: string }[]; nextAfter: null }>();
    expect(second).toMatchObject({ results: [{ reference: 'c2' }], nextAfter: null });
  });
});
