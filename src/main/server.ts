import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config/config.ts';
import { kyselyDatabaseHealth } from '../adapters/db/database-health.ts';
import { ensureInstanceRecord } from '../adapters/db/instance-record.ts';
import { migrateToLatest } from '../adapters/db/migrator.ts';
import { openDatabase, type DatabaseConnection } from '../adapters/db/open-database.ts';
import { buildApp, type App } from '../adapters/http/build-app.ts';
import { cordonError, type CordonError } from '../domain/shared/errors.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';

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
  /** Progress lines for a person at a terminal (first-start work), not logs. */
  readonly notice?: (line: string) => void;
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
    if (database.created) {
      options.notice?.(`Created the embedded database in ${database.location}.`);
    }
    if (database.engine === 'pglite') {
      const migrated = await migrateToLatest(database.db);
      if (!migrated.ok) {
        await database.close();
        return migrated;
      }
      if (migrated.value.length > 0) {
        options.notice?.(`Applied ${migrated.value.length} migration(s).`);
      }
      await ensureInstanceRecord(database.db, options.codeVersion);
    }

    const app = await buildApp(
      { version: options.codeVersion, databaseHealth: kyselyDatabaseHealth(database.db) },
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
