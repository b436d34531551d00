import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config/config.ts';
import { kyselyDatabaseHealth } from '../adapters/db/database-health.ts';
import { kyselyListSnapshotStore } from '../adapters/db/kysely-list-snapshot-store.ts';
import { parseListFiles } from '../adapters/lists/parse-list-files.ts';
import { nodeContentHasher } from '../adapters/runtime/node-content-hasher.ts';
import { systemClock } from '../adapters/runtime/system-clock.ts';
import { importListSnapshot } from '../application/lists/import-list-snapshot.ts';
import type { CliIo } from '../adapters/cli/output.ts';
import { openDatabase, type DatabaseConnection } from '../adapters/db/open-database.ts';
import { buildApp, type App } from '../adapters/http/build-app.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import { prepareStore } from './prepare-store.ts';

/** A server that listens, and the one way to stop it cleanly. */
export interface RunningServer {
  readonly url: string;
  readonly app: App;
  readonly database: DatabaseConnection;
  /** Stops accepting connections, finishes in-flight requests, then closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly codeVersion: string;
  /** Overrides the pino options derived from the config (tests pass `false`). */
  readonly logger?: NonNullable<FastifyServerOptions['logger']>;
  /** Where first-start work (creating the store, importing the shipped lists) is reported to a person. */
  readonly io?: CliIo;
}

/**
 * The server's composition root: opens the database (migrating the embedded one on first start),
 * builds the app with its adapters, and listens. Nothing is left open when it fails.
 */
export async function startServer(
  config: Config,
  options: StartOptions,
): Promise<Result<RunningServer, CordonError>> {
  const logger = options.logger ?? {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
  const opened = await openDatabase(config.database, { command: 'serve' });
  if (!opened.ok) return opened;
  const database = opened.value;
  try {
    const prepared = await prepareStore(database, {
      codeVersion: options.codeVersion,
      ...(options.io ? { io: options.io } : {}),
    });
    if (!prepared.ok && database.engine === 'pglite') {
      await database.close();
      return prepared;
    }
    // On PostgreSQL with pending migrations the server still starts: /readyz says what is missing.

    const listStore = kyselyListSnapshotStore(database.db);
    const app = await buildApp(
      {
        version: options.codeVersion,
        databaseHealth: kyselyDatabaseHealth(database.db),
        lists: {
          store: listStore,
          clock: systemClock,
          maxFileBytes: 200 * 1024 * 1024,
          importSnapshot: (request) =>
            importListSnapshot(
              { ...request, importerVersion: options.codeVersion },
              {
                store: listStore,
                parse: parseListFiles,
                hasher: nodeContentHasher,
                clock: systemClock,
              },
            ),
        },
      },
      { logger, bodyLimitBytes: config.http.bodyLimitBytes },
    );
    let url: string;
    try {
      url = await app.listen({ host: config.http.host, port: config.http.port });
    } catch (error) {
      await app.close();
      await database.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        return err(
          cordonError(
            'CORDON_PORT_IN_USE',
            `Cannot listen on ${config.http.host}:${config.http.port}: the address is in use. Choose another with PORT or --port.`,
          ),
        );
      }
      throw error;
    }
    database.lock?.announce(url);
    let stopping: Promise<void> | undefined;
    return ok({
      url,
      app,
      database,
      stop() {
        stopping ??= (async () => {
          try {
            await app.close();
          } finally {
            await database.close();
          }
        })();
        return stopping;
      },
    });
  } catch (error) {
    await database.close();
    throw error;
  }
}
