import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Json } from './json-mutation.ts';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { App } from '../../src/adapters/http/build-app.ts';
import type { BatchRouteDeps } from '../../src/adapters/http/routes/batches/routes.ts';
import { assessApplication } from '../../src/application/assessment/assess-application.ts';
import type { BatchStore } from '../../src/application/batch/batch-store.ts';
import { createScreeningService } from '../../src/application/screening/screening-service.ts';
import type { Role } from '../../src/domain/people/role.ts';
import { defaultThresholds } from '../../src/domain/screening/score-names.ts';
import { ok } from '../../src/domain/shared/result.ts';
import { buildListedParty } from '../factories/listed-party.ts';
import { inMemoryListSnapshotStore } from '../fakes/in-memory-list-snapshot-store.ts';
import { assessmentDeps } from '../fakes/shipped-human-rights.ts';
import { asRole, buildTestApp } from '../support/test-app.ts';
import { fuzzParameters, fuzzRuns } from './fuzz-runs.ts';
import { expectNoLeakFrom, payloadOf } from './http-fuzz-kit.ts';

// Random and mutated bodies against the main routes, in process: every answer is a success or a
// catalogue error in the one error shape; never a 500, never a stack trace or SQL text.

const root = path.resolve(import.meta.dirname, '../..');
const application = JSON.parse(
  fs.readFileSync(
    path.join(root, 'test/fixtures/applications/ip-surveillance-to-telecom.json'),
    'utf8',
  ),
) as unknown;

/** A multipart upload to `POST /v1/batches`: fields and a file, each possibly hostile. */
const batchUpload = fc
  .record({
    fields: fc.dictionary(
      fc.constantFrom(
        'column',
        'countryColumn',
        'kindColumn',
        'referenceColumn',
        'chunkSize',
        'limit',
        'chunkTimeout',
        'other',
      ),
      fc.oneof(
        fc.constantFrom('name', '0', '1', '500', '-1', '1e3', '99999999999', ''),
        fc.string({ maxLength: 30 }),
      ),
      { maxKeys: 5 },
    ),
    file: fc.option(
      fc.record({
        name: fc.oneof(fc.constant('customers.csv'), fc.string({ maxLength: 30 })),
        type: fc.constantFrom(
          'text/csv',
          'application/octet-stream',
          'image/png',
          'text/csv; charset=utf-8',
          'application/pdf',
        ),
        content: fc.oneof(
          fc.constant('name,country\nHikvision,CN\n'),
          fc.string({ maxLength: 300 }),
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
      }),
      { nil: undefined },
    ),
    cut: fc.option(fc.nat({ max: 2_000 }), { nil: undefined }),
  })
  .map(({ fields, file, cut }) => {
    const boundary = '----fuzz-boundary';
    const parts = Object.entries(fields).map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
    if (file) {
      parts.push(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name.replace(/["\r\n]/g, '')}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n`,
      );
    }
    const body = `${parts.join('')}--${boundary}--\r\n`;
    return {
      payload: Buffer.from(cut === undefined ? body : body.slice(0, cut), 'latin1'),
      type: `multipart/form-data; boundary=${boundary}`,
    };
  });

/** A batch store holding one finished batch (`b-1`); submissions are accepted without a queue. */
function fakeBatches(): BatchRouteDeps {
  const store: Pick<BatchStore, 'status' | 'results'> = {
    status: (id) =>
      Promise.resolve(
        id === 'b-1'
          ? {
              id,
              fileName: 'customers.csv',
              status: 'done' as const,
              submittedAt: new Date('2026-11-30T00:00:00Z'),
              completedAt: new Date('2026-11-30T00:01:00Z'),
              standing: false,
              reruns: [],
              rows: 1,
              chunks: 1,
              chunksDone: 1,
              rowsDone: 1,
              rowsRejected: 0,
              rowsWithMatches: 0,
              rowsWithStrongMatches: 0,
              failingChunks: [],
            }
          : undefined,
      ),
    results: () =>
      Promise.resolve([
        {
          row: 0,
          item: {
            kind: 'screened',
            row: 0,
            query: { name: 'Anna' },
            matches: [],
            problems: [],
          } as never,
        },
      ]),
  };
  return {
    store: store as BatchStore,
    maxFileBytes: 64 * 1024,
    submit: () => Promise.resolve(ok({ batchId: 'b-2', rows: 1, chunks: 1 })),
  };
}

/**
 * The API's request validation is one parser behind eight routes: a long run
 * (CORDON_FUZZ_RUNS=100000) spreads its inputs over the eight properties below, 100,000 in all.
 */
const httpParameters = (): ReturnType<typeof fuzzParameters> => ({
  ...fuzzParameters(150),
  numRuns: process.env['CORDON_FUZZ_RUNS'] === undefined ? 150 : Math.ceil(fuzzRuns(150) / 8),
});

let app: App;

beforeAll(async () => {
  const lists = inMemoryListSnapshotStore();
  const hikvision = buildListedParty({
    source: 'us-bis-entity-list',
    entityNumber: 'CN:hikvision',
    names: [
      { value: 'Hangzhou Hikvision Digital Technology Co., Ltd.', type: 'primary' },
      { value: 'Hikvision', type: 'aka' },
    ],
    countries: ['CN'],
  });
  await lists.saveAndActivate(
    {
      id: 'us-bis-entity-list@2026-11-01.00000001',
      source: 'us-bis-entity-list',
      dataDate: '2026-11-01',
      importedAt: new Date('2026-11-02T00:00:00Z'),
      contentHash: 'hash',
      files: [],
      entryCount: 1,
      skippedCount: 0,
      problems: [],
      importerVersion: 'test',
      provenance: 'test',
    },
    [hikvision],
  );
  const deps = assessmentDeps();
  app = await buildTestApp(
    {
      screening: {
        screening: createScreeningService({ store: lists, thresholds: defaultThresholds }),
        now: () => new Date('2026-11-30T00:00:00Z'),
      },
      assessments: { assess: (request) => assessApplication(request, deps) },
      batches: fakeBatches(),
    },
    { bodyLimitBytes: 256 * 1024 },
  );
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

const expectNoLeak = (
  method: 'GET' | 'POST',
  url: string,
  role: Role,
  body?: { readonly payload: string | Buffer; readonly type?: string },
) => expectNoLeakFrom(app, method, url, asRole(role), body);

describe('the HTTP API under fuzzing: never a 500, never a stack trace or SQL in an error', () => {
  const routes: readonly [string, string, Role, Json][] = [
    [
      'POST /v1/screen',
      '/v1/screen',
      'caseworker',
      { name: 'Hikvision', country: 'CN', kind: 'organisation', limit: 5 },
    ],
    [
      'POST /v1/screen/batch',
      '/v1/screen/batch',
      'exporter',
      {
        names: [{ name: 'Hikvision', country: 'CN', reference: 'r1' }, { name: 'Anna Smith' }],
        limit: 3,
      },
    ],
    [
      'POST /v1/compare',
      '/v1/compare',
      'caseworker',
      { a: 'Позитив Текнолоджиз', b: 'Pozitiv Teknolodzhiz' },
    ],
    ['POST /v1/assessments', '/v1/assessments', 'caseworker', application],
    [
      'POST /v1/classify',
      '/v1/classify',
      'exporter',
      {
        description: 'IP network interception system',
        functions: ['interception'],
        exporterRating: '5A001.j',
      },
    ],
  ];

  for (const [name, url, role, valid] of routes) {
    it(`${name} answers random and mutated bodies with a result or a catalogue error`, async () => {
      await fc.assert(
        fc.asyncProperty(payloadOf(valid), (body) => expectNoLeak('POST', url, role, body)),
        httpParameters(),
      );
    });
  }

  it('GET /v1/csl/search answers random query strings with a result or a catalogue error', async () => {
    const query = fc
      .dictionary(
        fc.constantFrom(
          'name',
          'fuzzy_name',
          'sources',
          'countries',
          'size',
          'offset',
          'type',
          'x',
        ),
        fc.oneof(
          fc.constantFrom('true', 'false', '-1', '0', '1e9', 'CN,RU', ''),
          fc.string({ maxLength: 40 }),
        ),
        { maxKeys: 6 },
      )
      .map((q) => new URLSearchParams(q).toString());
    await fc.assert(
      fc.asyncProperty(query, (q) => expectNoLeak('GET', `/v1/csl/search?${q}`, 'exporter')),
      httpParameters(),
    );
  });

  it('POST /v1/batches answers hostile multipart uploads with a submission or a catalogue error', async () => {
    await fc.assert(
      fc.asyncProperty(batchUpload, (body) =>
        expectNoLeak('POST', '/v1/batches', 'caseworker', body),
      ),
      httpParameters(),
    );
  });

  it('GET /v1/batches/:id/results answers random ids and pages with results or a catalogue error', async () => {
    const request = fc
      .tuple(
        fc.oneof(fc.constant('b-1'), fc.string({ minLength: 1, maxLength: 120 })),
        fc.dictionary(
          fc.constantFrom('after', 'limit', 'x'),
          fc.oneof(fc.constantFrom('-2', '-1', '0', '10001', 'a'), fc.string({ maxLength: 10 })),
          { maxKeys: 3 },
        ),
      )
      .map(
        ([id, q]) =>
          `/v1/batches/${encodeURIComponent(id)}/results?${new URLSearchParams(q).toString()}`,
      );
    await fc.assert(
      fc.asyncProperty(request, (url) => expectNoLeak('GET', url, 'caseworker')),
      httpParameters(),
    );
  });
});
