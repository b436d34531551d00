import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operationIdOf, securityOf } from './openapi.ts';

interface Operation {
  readonly operationId?: string;
  readonly tags?: readonly string[];
  readonly security?: readonly Record<string, readonly string[]>[];
  readonly responses?: Readonly<Record<string, unknown>>;
}

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
