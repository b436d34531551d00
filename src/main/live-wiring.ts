import type { DatabaseConnection } from '../adapters/db/open-database.ts';
import { inProcessLiveEvents } from '../adapters/events/in-process-live-events.ts';
import { postgresLiveEvents } from '../adapters/events/postgres-live-events.ts';
import { publishingCaseStore } from '../adapters/events/publishing-case-store.ts';
import type { CaseDeps } from '../application/cases/case-deps.ts';
import type { LiveEventPublisher, LiveEventSource } from '../application/ports/live-events.ts';
import type { DatabaseConfig } from '../config/config.ts';

/** This instance's live events, and how to stop them. */
export interface LiveEvents extends LiveEventPublisher, LiveEventSource {
  /** `postgres` when instances share events through LISTEN/NOTIFY, else `in-process`. */
  readonly mode: 'postgres' | 'in-process';
  close(): Promise<void>;
}

/**
 * The live events of a server: through PostgreSQL's LISTEN/NOTIFY when several instances share a
 * DATABASE_URL (each instance's browsers hear every instance's changes), in process on the
 * embedded database (one process serves). If the LISTEN connection cannot be opened at start, the
 * instance serves its own changes only and says so.
 */
export async function liveEventsFor(
  database: DatabaseConnection,
  config: DatabaseConfig,
  warn: (message: string) => void,
): Promise<LiveEvents> {
  if (config.engine === 'postgres') {
    try {
      const cluster = await postgresLiveEvents(database.db, config.url, { onProblem: warn });
      return { ...cluster, mode: 'postgres' };
    } catch (error) {
      warn(
        `live updates: cannot LISTEN on PostgreSQL (${(error as Error).message}); this instance's browsers hear only its own changes`,
      );
    }
  }
  const local = inProcessLiveEvents((error) => {
    warn(`a live-event listener failed: ${String(error)}`);
  });
  return { ...local, mode: 'in-process', close: () => Promise.resolve() };
}

/** The licence workflow publishing a live event after each committed case change. */
export function casesWithLiveEvents(
  cases: CaseDeps,
  live: LiveEventPublisher,
  warn: (message: string) => void,
): CaseDeps {
  return { ...cases, store: publishingCaseStore(cases.store, live, warn) };
}
