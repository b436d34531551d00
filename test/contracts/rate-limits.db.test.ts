import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyRateLimitCounter } from '../../src/adapters/db/kysely-rate-limit-counter.ts';
import type { DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import type { App } from '../../src/adapters/http/build-app.ts';
import { testPeopleDeps } from '../fakes/people-deps.ts';
import { testAuthenticator } from '../fakes/test-authenticator.ts';
import { testEngines } from '../support/engines.ts';
import { buildTestApp } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-database.ts';

describe.each(testEngines())('rate limits shared through the database on %s', (engine) => {
  let connection: DatabaseConnection;

  beforeAll(async () => {
    connection = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await connection.close();
  });

  it('counts hits per key within a window, and starts again at one when the window has closed', async () => {
    const counter = kyselyRateLimitCounter(connection.db);
    expect(await counter.hit('login 10.0.0.1', 60_000)).toMatchObject({ hits: 1 });
    const second = await counter.hit('login 10.0.0.1', 60_000);
    expect(second.hits).toBe(2);
    expect(second.resetInMs).toBeGreaterThan(50_000);
    expect(second.resetInMs).toBeLessThanOrEqual(60_000);
    expect(await counter.hit('login 10.0.0.2', 60_000)).toMatchObject({ hits: 1 });

    await counter.hit('short 10.0.0.1', 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await counter.hit('short 10.0.0.1', 60_000)).toMatchObject({ hits: 1 });
  });

  it('enforces one login limit across two API instances on the same database', async () => {
    const { deps } = testPeopleDeps();
    const instance = () =>
      buildTestApp({
        auth: {
          authenticator: testAuthenticator(),
          people: deps,
          rateLimits: kyselyRateLimitCounter(connection.db),
        },
      });
    const apps: App[] = [await instance(), await instance()];
    try {
      const statuses: number[] = [];
      // 20 attempts a minute per client address are allowed in all; alternate between instances.
      for (let attempt = 0; attempt < 21; attempt++) {
        const app = apps[attempt % 2];
        if (app === undefined) throw new Error('two apps');
        const response = await app.inject({
          method: 'POST',
          url: '/v1/auth/login',
          remoteAddress: '192.0.2.7',
          // A name per attempt: the per-address limit is tested here, not the per-name back-off.
          payload: { username: `nobody-${String(attempt)}`, password: 'not a password at all' },
        });
        statuses.push(response.statusCode);
        if (attempt === 20) {
          expect(response.json()).toMatchObject({ error: { code: 'CORDON_RATE_LIMITED' } });
          expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
      expect(statuses[20]).toBe(429);
    } finally {
      for (const app of apps) await app.close();
    }
  });
});
