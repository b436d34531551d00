import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, AppDeps } from '../../src/adapters/http/build-app.ts';
import { declaredRoutesOf, type DeclaredRoute } from '../../src/adapters/http/route-access.ts';
import { roles } from '../../src/domain/people/role.ts';
import type { CaseDeps } from '../../src/application/cases/case-deps.ts';
import type { ExchangeDeps } from '../../src/application/exchange/exchange-deps.ts';
import type { ProposalDeps } from '../../src/application/proposals/proposal-deps.ts';
import type { BatchStore } from '../../src/application/batch/batch-store.ts';
import type { PublicConsultationDeps } from '../../src/application/public-consultation/public-consultation-deps.ts';
import fs from 'node:fs';
import path from 'node:path';
import { authorisationMatrixMarkdown, unavailable } from '../../src/main/generated-artifacts.ts';
import { testSha256 } from '../fakes/in-memory-audit-log.ts';
import { testPeopleDeps } from '../fakes/people-deps.ts';
import { testAuthenticator } from '../fakes/test-authenticator.ts';
import { asRole, buildTestApp } from '../support/test-app.ts';

/**
 * The authorisation matrix, derived from the routes' own declarations: every `/v1` route, every
 * role, and nobody. A route without a declaration cannot even be registered (route-access.ts).
 */
let app: App;
let routes: readonly DeclaredRoute[];

beforeAll(async () => {
  const { deps } = testPeopleDeps();
  // Every feature's routes, on dependencies that fail if called: only access decisions matter here.
  app = await buildTestApp({
    cases: unavailable<CaseDeps>(),
    live: unavailable<NonNullable<AppDeps['live']>>(),
    redFlags: unavailable<NonNullable<AppDeps['redFlags']>>(),
    exchange: unavailable<ExchangeDeps>(),
    proposals: unavailable<ProposalDeps>(),
    batches: {
      store: unavailable<BatchStore>(),
      submit: () => Promise.reject(new Error('not called: only access decisions matter here')),
      maxFileBytes: 1024,
    },
    publicConsultations: { consultations: unavailable<PublicConsultationDeps>() },
    transparencyReports: {
      authority: 'GB',
      renderPdf: () => Promise.reject(new Error('not called: only access decisions matter here')),
    },
    auth: {
      authenticator: testAuthenticator(),
      people: deps,
      audit: { audit: deps.audit, sha256: testSha256 },
    },
  });
  await app.ready();
  routes = declaredRoutesOf(app);
});
afterAll(async () => {
  await app.close();
});

const concrete = (url: string): string => url.replace(/:[A-Za-z]+/g, 'x-unknown');
const call = (route: DeclaredRoute, headers: Record<string, string>) =>
  app.inject({
    method: route.method as 'GET',
    url: concrete(route.url),
    headers,
    ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
  });

describe('the authorisation matrix', () => {
  it('covers the routes of every feature', () => {
    const urls = routes.map((r) => r.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/v1/lists',
        '/v1/auth/login',
        '/v1/audit',
        '/v1/controls',
        '/v1/cases/:id/actions',
        '/v1/screen',
        '/v1/assessments',
        '/v1/exchange/feed',
        '/v1/proposals/:id/positions',
        '/v1/public-consultations',
        '/v1/public/consultations',
      ]),
    );
  });

  it('answers 401 in the error shape to anonymous callers of every protected route', async () => {
    for (const route of routes.filter((r) => !('public' in r.access))) {
      const response = await call(route, {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.json()).toMatchObject({
        error: { code: 'CORDON_UNAUTHENTICATED', requestId: expect.any(String) as unknown },
      });
    }
  });

  it('lets each role through exactly the routes that declare it, and answers 403 elsewhere', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const role of roles) {
        const allowed = 'public' in route.access || route.access.roles.includes(role);
        const status = (await call(route, asRole(role))).statusCode;
        const denied = status === 401 || status === 403;
        if (allowed === denied) {
          mismatches.push(`${role} ${route.method} ${route.url}: ${String(status)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('is the matrix that docs/authorisation.md publishes', () => {
    const committed = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../docs/authorisation.md'),
      'utf8',
    );
    expect(authorisationMatrixMarkdown(routes)).toBe(committed);
  });

  it('refuses a malformed or unknown bearer credential with 401', async () => {
    const protectedRoute = routes.find((r) => !('public' in r.access));
    if (protectedRoute === undefined) throw new Error('no protected route');
    for (const authorization of ['Bearer', 'Basic dXNlcjpwYXNz', 'Bearer test-emperor']) {
      expect((await call(protectedRoute, { authorization })).statusCode).toBe(401);
    }
  });
});
