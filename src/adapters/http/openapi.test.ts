import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operationIdOf, securityOf } from './openapi.ts';

interface Operation {
  readonly operationId?: string;
  readonly tags?: readonly string[];
  readonly security?: readonly Record<string, readonly string[]>[];
  readonly responses?: Readonly<
    Record<string, { readonly content?: Readonly<Record<string, { readonly schema?: unknown }>> }>
  >;
}

type Node = Readonly<Record<string, unknown>>;
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const annotations = new Set(['description', 'examples', 'example', 'title', 'default', 'format']);

/**
 * Where a schema leaves a body free-form: an empty schema, or an object whose fields are not
 * named (`Type.Unknown`, `Type.Record(String, Unknown)`), as paths like `/entries[]/details`.
 */
function freeForm(schema: unknown, at: string): string[] {
  if (!isNode(schema)) return [];
  if (Object.keys(schema).every((key) => annotations.has(key))) return [at || '/'];
  const properties = isNode(schema['properties']) ? schema['properties'] : undefined;
  const patterns = isNode(schema['patternProperties']) ? schema['patternProperties'] : undefined;
  const extra = schema['additionalProperties'];
  const found: string[] = [];
  if (schema['type'] === 'object' && properties === undefined) {
    const values = [...Object.values(patterns ?? {}), ...(isNode(extra) ? [extra] : [])];
    if (values.length === 0) found.push(at || '/');
    for (const value of values) found.push(...freeForm(value, `${at}/*`));
  }
  for (const [name, value] of Object.entries(properties ?? {})) {
    found.push(...freeForm(value, `${at}/${name}`));
  }
  found.push(...freeForm(schema['items'], `${at}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const members = schema[key];
    if (Array.isArray(members)) for (const m of members) found.push(...freeForm(m, at));
  }
  return found;
}

/** The free-form parts the contract keeps on purpose, each with why. */
const freeByDesign: Readonly<Record<string, string>> = {
  'GET /v1/cases/{id}/document /': 'a PDF, byte for byte',
  'GET /v1/cases/{id}/attachments/{attachmentId} /': 'a supporting document, byte for byte',
  'GET /v1/public-consultations/{id}/comments/{commentId}/attachments/{attachmentId} /':
    'a comment’s attachment, byte for byte',
  'GET /v1/public/consultations/{id}/comments/{commentId}/attachments/{attachmentId} /':
    'a comment’s attachment, byte for byte',
  'GET /v1/reports/transparency /': 'JSON, CSV or PDF by ?format (the JSON has its own schema)',
  'GET /v1/audit /entries[]/details/*': 'what each audited action records differs by action',
  'GET /v1/audit/extract /entries[]/details/*':
    'what each audited action records differs by action',
};

const document = JSON.parse(
  fs.readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'),
) as { readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>> };
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
);

describe(operationIdOf.name, () => {
  it('names an operation after its method and path, parameters as "By"', () => {
    expect(operationIdOf('POST', '/v1/cases/{id}/actions')).toBe('postCasesByIdActions');
    expect(operationIdOf('GET', '/v1/lists/{snapshot}/diff/{other}')).toBe(
      'getListsBySnapshotDiffByOther',
    );
    expect(operationIdOf('GET', '/v1/exchange/audit-witnesses')).toBe('getExchangeAuditWitnesses');
    expect(operationIdOf('GET', '/v1')).toBe('getIndex');
  });
});

describe(securityOf.name, () => {
  it('asks nothing of a public route, and the CSRF header with the session cookie on changes', () => {
    expect(securityOf('GET', { public: true, reason: 'health' })).toEqual([]);
    expect(securityOf('GET', { roles: ['auditor'] })).toEqual([
      { bearerToken: [] },
      { sessionCookie: [] },
    ]);
    expect(securityOf('POST', { roles: ['auditor'] })).toEqual([
      { bearerToken: [] },
      { sessionCookie: [], csrfToken: [] },
    ]);
  });
});

describe('docs/openapi.json', () => {
  it('gives every operation a unique operationId, tags and a declared security', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && id !== '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations) {
      expect(operation.tags?.length, `${method} ${path} has tags`).toBeGreaterThan(0);
      expect(operation.security, `${method} ${path} declares security`).toBeDefined();
    }
  });

  it('declares 401 and 403 on every operation that needs credentials, and no trailing-slash path', () => {
    const guarded = operations.filter(({ operation }) => (operation.security ?? []).length > 0);
    expect(guarded.length).toBeGreaterThan(50);
    for (const { path, method, operation } of guarded) {
      expect(Object.keys(operation.responses ?? {}), `${method} ${path}`).toEqual(
        expect.arrayContaining(['401', '403']),
      );
    }
    expect(
      Object.keys(document.paths).filter((path) => path.length > 1 && path.endsWith('/')),
    ).toEqual([]);
  });
});

describe('the response bodies of docs/openapi.json', () => {
  it('describe every field of every success body (nothing free-form but the listed exceptions)', () => {
    const loose = operations.flatMap(({ path, method, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([, response]) =>
          Object.values(response.content ?? {}).flatMap(({ schema }) =>
            freeForm(schema, '').map((at) => `${method.toUpperCase()} ${path} ${at}`),
          ),
        ),
    );
    expect(loose.filter((where) => !(where in freeByDesign))).toEqual([]);
  });
});
