import type { DatabaseHealth } from '../../src/application/ports/database-health.ts';

/** A `DatabaseHealth` whose answers the test sets. */
export function fakeDatabaseHealth(
  state: { down?: string; pending?: readonly string[] } = {},
): DatabaseHealth {
  return {
    ping: () => Promise.resolve(state.down),
    pendingMigrations: () => Promise.resolve(state.pending ?? []),
  };
}
