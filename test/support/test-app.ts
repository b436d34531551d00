import type { Role } from '../../src/domain/people/role.ts';
import { buildApp, type App, type AppDeps } from '../../src/adapters/http/build-app.ts';
import { fakeDatabaseHealth } from '../fakes/fake-database-health.ts';
import { fixedClock } from '../fakes/fixed-clock.ts';
import { inMemoryListSnapshotStore } from '../fakes/in-memory-list-snapshot-store.ts';
import { createScreeningService } from '../../src/application/screening/screening-service.ts';
import { defaultThresholds } from '../../src/domain/screening/score-names.ts';
import { testAuthenticator } from '../fakes/test-authenticator.ts';
import { shippedRegulationSources } from '../fakes/in-memory-regulation-sources.ts';

/**
 * Builds the HTTP app on in-memory fakes for every port, silent, with every response body checked
 * against its route's schema (no undeclared field); pass only the deps a test is about. Close it after the test (`await app.close()`).
 *
 * @example
 * const app = await buildTestApp({ databaseHealth: fakeDatabaseHealth({ down: 'refused' }) });
 */
export async function buildTestApp(
  overrides: Partial<AppDeps> = {},
  options: { bodyLimitBytes?: number } = {},
): Promise<App> {
  const store = inMemoryListSnapshotStore();
  const deps: AppDeps = {
    version: '9.9.9',
    databaseHealth: fakeDatabaseHealth(),
    auth: { authenticator: testAuthenticator() },
    lists: {
      store,
      clock: fixedClock(),
      maxFileBytes: 10 * 1024 * 1024,
      importSnapshot: () => Promise.reject(new Error('importSnapshot is not set in this test')),
    },
    screening: {
      screening: createScreeningService({ store, thresholds: defaultThresholds }),
      now: () => fixedClock().now(),
    },
    controls: (() => {
      const regulation = shippedRegulationSources();
      return { catalogue: regulation, reference: regulation, policies: regulation };
    })(),
    ...overrides,
  };
  return buildApp(deps, {
    logger: false,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    checkResponses: true,
  });
}

/**
 * Headers that authenticate an inject request as a person holding `role` in apps built by
 * `buildTestApp` (its authenticator accepts `Bearer test-<role>`; a real deployment never does).
 *
 * @example
 * await app.inject({ method: 'GET', url: '/v1/lists', headers: asRole('caseworker') });
 * await app.inject({ method: 'GET', url: '/v1/cases/C-1', headers: asRole('exporter', 'org-b') });
 */
export const asRole = (role: Role, organisationId?: string): Record<string, string> => ({
  authorization: `Bearer test-${role}${organisationId === undefined ? '' : `@${organisationId}`}`,
});
