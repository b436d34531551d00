import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseConnection } from '../../src/adapters/db/open-database.ts';
import {
  postgresLiveEvents,
  type PostgresLiveEvents,
} from '../../src/adapters/events/postgres-live-events.ts';
import type { LiveEvent } from '../../src/domain/notifications/live-event.ts';
import { postgresAdminUrl, testEngines } from '../support/engines.ts';

// LISTEN/NOTIFY needs a PostgreSQL server to connect a second time to: this runs with
// `npm run test:pg` (PGlite, reached through the pool alone, has no address to LISTEN on).
const onPostgres = testEngines().includes('postgres');

describe.skipIf(!onPostgres)(postgresLiveEvents.name, () => {
  let connection: DatabaseConnection | undefined;
  const buses: PostgresLiveEvents[] = [];
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await connection?.close();
  });

  it('delivers what one instance publishes to the listeners of every instance, its own included', async () => {
    // NOTIFY reaches the listeners of the same database: publish and listen on one URL (no table
    // is touched).
    const url = postgresAdminUrl();
    const opened = await openDatabase(
      { engine: 'postgres', url, target: 'the test server' },
      { command: 'test' },
    );
    if (!opened.ok) throw new Error(opened.error.message);
    connection = opened.value;
    const first = await postgresLiveEvents(connection.db, url);
    const second = await postgresLiveEvents(connection.db, url);
    buses.push(first, second);
    const heard = (bus: PostgresLiveEvents) =>
      new Promise<LiveEvent>((resolve) => {
        const stop = bus.subscribe((event) => {
          stop();
          resolve(event);
        });
      });
    const onFirst = heard(first);
    const onSecond = heard(second);
    const event: LiveEvent = {
      kind: 'case-changed',
      caseId: `c-${String(process.pid)}`,
      version: 7,
      organisationId: 'org-vista',
    };
    await first.publish([event]);
    expect(await onFirst).toEqual(event);
    expect(await onSecond).toEqual(event);
    expect(first.listening() && second.listening()).toBe(true);
  });
});
