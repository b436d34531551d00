import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { App } from '../../src/adapters/http/build-app.ts';
import { sessionPrincipal } from '../../src/application/people/authenticate.ts';
import { activateListSnapshot } from '../../src/application/lists/activate-list-snapshot.ts';
import { importListSnapshot } from '../../src/application/lists/import-list-snapshot.ts';
import { parseListFiles } from '../../src/adapters/lists/parse-list-files.ts';
import { nodeContentHasher } from '../../src/adapters/runtime/node-content-hasher.ts';
import type { Role } from '../../src/domain/people/role.ts';
import { refusableApplication, testCaseDeps } from '../fakes/case-deps.ts';
import { fixedClock } from '../fakes/fixed-clock.ts';
import { testSha256 } from '../fakes/in-memory-audit-log.ts';
import { inMemoryListSnapshotStore } from '../fakes/in-memory-list-snapshot-store.ts';
import { seedUser, testPeopleDeps } from '../fakes/people-deps.ts';
import { testAuthenticator } from '../fakes/test-authenticator.ts';
import { asRole, buildTestApp } from '../support/test-app.ts';
import { fuzzParameters, fuzzRuns } from './fuzz-runs.ts';
import { expectNoLeakFrom, hostileValue, payloadOf } from './http-fuzz-kit.ts';
import type { Json } from './json-mutation.ts';

// The routes issue 18 added or hardened, under the same property as the main API fuzzer: random
// and mutated bodies, query strings and multipart uploads get a result or a catalogue error; never
// a 500, a stack trace or SQL. Passwords, grants, tokens, list roll-back and imports, the audit
// trail's queries, case actions and attachments.

const parameters = (): ReturnType<typeof fuzzParameters> => ({
  ...fuzzParameters(60),
  numRuns: process.env['CORDON_FUZZ_RUNS'] === undefined ? 60 : Math.ceil(fuzzRuns(60) / 10),
});

let app: App;
let caseId = '';

beforeAll(async () => {
  const { deps: people, audit } = testPeopleDeps();
  await seedUser(people, 'alice', ['administrator', 'auditor']);
  const bearer = testAuthenticator();
  const lists = inMemoryListSnapshotStore();
  const clock = fixedClock('2026-12-06T10:00:00Z');
  const listDeps = { store: lists, parse: parseListFiles, hasher: nodeContentHasher, clock, audit };
  const { deps: cases } = testCaseDeps();
  app = await buildTestApp({
    cases,
    lists: {
      store: lists,
      clock,
      maxFileBytes: 64 * 1024,
      importSnapshot: (request) =>
        importListSnapshot({ ...request, importerVersion: 'fuzz' }, listDeps),
      activateSnapshot: (request) => activateListSnapshot(listDeps, request),
    },
    auth: {
      authenticator: {
        bearer: (credential) => bearer.bearer(credential),
        session: (id) => sessionPrincipal(people, id),
      },
      people,
      audit: { audit, sha256: testSha256 },
    },
  });
  await app.ready();
  const draft = await app.inject({
    method: 'POST',
    url: '/v1/cases',
    headers: asRole('exporter'),
    payload: refusableApplication,
  });
  caseId = draft.json<{ id: string }>().id;
});

afterAll(async () => {
  await app.close();
});

const post = (url: string, role: Role, body: { payload: string | Buffer; type?: string }) =>
  expectNoLeakFrom(app, 'POST', url, asRole(role), body);

describe('the routes issue 18 added, under fuzzing: never a 500, never a leak', () => {
  const bodies: readonly [string, () => string, Role, Json][] = [
    [
      'POST /v1/auth/password',
      () => '/v1/auth/password',
      'caseworker',
      { currentPassword: 'correct horse battery', newPassword: 'heron lantern quietly 7' },
    ],
    [
      'POST /v1/auth/enrol',
      () => '/v1/auth/enrol',
      'exporter',
      { username: 'alice', code: `${'a'.repeat(24)}-${'b'.repeat(24)}`, newPassword: 'x' },
    ],
    [
      'POST /v1/users',
      () => '/v1/users',
      'administrator',
      { username: 'zed', organisationId: 'org-x', roles: ['caseworker'], reason: 'new desk' },
    ],
    [
      'POST /v1/users/:username/roles',
      () => '/v1/users/alice/roles',
      'administrator',
      { roles: ['senior-officer'], reason: 'promotion' },
    ],
    [
      'POST /v1/users/:username/enrolment',
      () => '/v1/users/alice/enrolment',
      'administrator',
      { reason: 'lost password' },
    ],
    ['POST /v1/tokens', () => '/v1/tokens', 'caseworker', { name: 'erp', days: 30 }],
    [
      'POST /v1/lists/:source/activate',
      () => '/v1/lists/us-bis-dpl/activate',
      'administrator',
      { snapshot: 'us-bis-dpl@2022-09-07.00000000', allowShrink: 'rolling back a cut file' },
    ],
    [
      'POST /v1/cases/:id/actions',
      () => `/v1/cases/${caseId}/actions`,
      'exporter',
      { kind: 'withdraw', expectedVersion: 1, reason: 'no longer needed', criteria: [] },
    ],
  ];

  for (const [name, url, role, valid] of bodies) {
    it(`${name} answers random and mutated bodies with a result or a catalogue error`, async () => {
      await fc.assert(
        fc.asyncProperty(payloadOf(valid), (body) => post(url(), role, body)),
        parameters(),
      );
    });
  }

  it('POST /v1/grants/:id/approve and /reject answer any id with a result or a catalogue error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.constantFrom('approve', 'reject'),
        (id, verb) =>
          expectNoLeakFrom(
            app,
            'POST',
            `/v1/grants/${encodeURIComponent(id)}/${verb}`,
            asRole('administrator'),
          ),
      ),
      parameters(),
    );
  });

  it('GET /v1/audit and /v1/audit/verify answer random query strings with a result or a catalogue error', async () => {
    const query = fc
      .dictionary(
        fc.constantFrom('from', 'to', 'fromSeq', 'toSeq', 'limit', 'objectId', 'expectHead', 'x'),
        fc.oneof(
          fc.constantFrom('notadate', '2026-12-06', '2026-02-31', '-1', '0', '1e9', ''),
          fc.string({ maxLength: 80 }),
          hostileValue.map((v) => JSON.stringify(v ?? null).slice(0, 80)),
        ),
        { maxKeys: 4 },
      )
      .map((q) => new URLSearchParams(q).toString());
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('/v1/audit', '/v1/audit/verify'), (q, path) =>
        expectNoLeakFrom(app, 'GET', `${path}?${q}`, asRole('auditor')),
      ),
      parameters(),
    );
  });

  /** Hostile multipart: fields (some over the limit in number), files (several, odd names). */
  const multipart = (fieldNames: readonly string[]) =>
    fc
      .record({
        fields: fc.array(fc.tuple(fc.constantFrom(...fieldNames), fc.string({ maxLength: 40 })), {
          maxLength: 12,
        }),
        files: fc.array(
          fc.record({
            name: fc.oneof(
              fc.constantFrom('dpl.txt', 'x.html', 'a.svg', 'b.bat', 'c.pdf.exe', 'noext'),
              fc.string({ maxLength: 30 }),
            ),
            content: fc.oneof(fc.string({ maxLength: 200 }), fc.constant('%PDF-1.7\n')),
          }),
          { maxLength: 3 },
        ),
        cut: fc.option(fc.nat({ max: 1_500 }), { nil: undefined }),
      })
      .map(({ fields, files, cut }) => {
        const boundary = '----fuzz-boundary';
        const parts = fields.map(
          ([name, value]) =>
            `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        );
        for (const file of files) {
          parts.push(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name.replace(/["\r\n]/g, '')}"\r\nContent-Type: application/octet-stream\r\n\r\n${file.content}\r\n`,
          );
        }
        const body = `${parts.join('')}--${boundary}--\r\n`;
        return {
          payload: Buffer.from(cut === undefined ? body : body.slice(0, cut), 'latin1'),
          type: `multipart/form-data; boundary=${boundary}`,
        };
      });

  it('POST /v1/lists/import answers hostile uploads (allowShrink, strict, dates) with a result or a catalogue error', async () => {
    await fc.assert(
      fc.asyncProperty(
        multipart(['source', 'strict', 'dataDate', 'allowShrink', 'provenance', 'x']),
        (body) => post('/v1/lists/import', 'administrator', body),
      ),
      parameters(),
    );
  });

  it('POST /v1/cases/:id/attachments answers hostile uploads (too many fields, several files) with a result or a catalogue error', async () => {
    await fc.assert(
      fc.asyncProperty(multipart(['category', 'description', 'x', 'y', 'z']), (body) =>
        post(`/v1/cases/${caseId}/attachments`, 'exporter', body),
      ),
      parameters(),
    );
  });
});
