import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { LiveEventPublisher, LiveEventSource } from '../../application/ports/live-events.ts';
import type { LiveEvent } from '../../domain/notifications/live-event.ts';
import type { Database } from '../db/schema.ts';
import { inProcessLiveEvents } from './in-process-live-events.ts';

/** The PostgreSQL channel every instance of one database listens on. */
export const liveEventChannel = 'cordon_live_events';

/** The cluster's live events, and how to stop listening. */
export interface PostgresLiveEvents extends LiveEventPublisher, LiveEventSource {
  /** Whether the LISTEN connection is up now. */
  listening(): boolean;
  close(): Promise<void>;
}

const isLiveEvent = (value: unknown): value is LiveEvent =>
  typeof value === 'object' &&
  value !== null &&
  'kind' in value &&
  (value.kind === 'case-changed' || value.kind === 'notification');

/**
 * Live events across a cluster on one PostgreSQL database: `publish` sends each event with NOTIFY
 * (through the pool), and one dedicated connection per instance LISTENs and delivers what any
 * instance published, its own included, to this instance's listeners. A lost LISTEN connection is
 * reopened after `retryMs` (events published meanwhile are missed; browsers re-read on reconnect).
 */
export async function postgresLiveEvents(
  db: Kysely<Database>,
  connectionString: string,
  options: { readonly onProblem?: (message: string) => void; readonly retryMs?: number } = {},
): Promise<PostgresLiveEvents> {
  const local = inProcessLiveEvents((error) =>
    options.onProblem?.(`a live-event listener failed: ${String(error)}`),
  );
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel !== liveEventChannel || message.payload === undefined) return;
      try {
        const event: unknown = JSON.parse(message.payload);
        if (isLiveEvent(event)) local.deliver(event);
      } catch {
        options.onProblem?.('a live event on the channel was not JSON; ignored');
      }
    });
    next.on('error', (error) => {
      options.onProblem?.(`the live-event connection failed: ${error.message}; reconnecting`);
      client = undefined;
      void next.end().catch(() => undefined);
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${liveEventChannel}`);
    if (closed) {
      await next.end();
      return;
    }
    client = next;
  };
  const scheduleReconnect = (): void => {
    if (closed || retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((error: unknown) => {
        options.onProblem?.(`cannot reopen the live-event connection: ${String(error)}`);
        scheduleReconnect();
      });
    }, options.retryMs ?? 2_000);
    retry.unref();
  };

  await connect();
  return {
    async publish(events) {
      for (const event of events) {
        await sql`select pg_notify(${liveEventChannel}, ${JSON.stringify(event)})`.execute(db);
      }
    },
    subscribe: (listener) => local.subscribe(listener),
    listening: () => client !== undefined,
    async close() {
      closed = true;
      if (retry !== undefined) clearTimeout(retry);
      const open = client;
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}
