import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../config/config.ts';
import { cordonError, type CordonError } from '../../domain/shared/errors.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { Database } from './schema.ts';

/** An open database: the typed query builder, what it is, and how to close it. */
export interface DatabaseConnection {
  readonly db: Kysely<Database>;
  readonly engine: 'pglite' | 'postgres';
  /** The data directory or `host:port/database`, for messages and `db status`. */
  readonly location: string;
  /** The lock of an embedded data directory, `undefined` on PostgreSQL. */
  readonly lock: DataDirLock | undefined;
  /** True when this open created a new embedded store (initdb ran). */
  readonly created: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The CLI command opening the database, recorded in the lock file (e.g. `serve`). */
  readonly command: string;
  /** Called when an idle pooled connection fails (e.g. PostgreSQL restarted); the pool recovers. */
  readonly onPoolError?: (error: Error) => void;
  /** Pool size for PostgreSQL (PGlite is always one connection). */
  readonly poolSize?: number;
}

/** The minimum PostgreSQL major version Cordon's SQL is written for. */
export const minimumPostgresVersion = 15;

/**
 * Opens the configured database through one driver (node-postgres) for both engines: PGlite in a
 * locked data directory, or a PostgreSQL server. Failures that a user can fix (a locked directory,
 * an unreachable server) come back as values with a message naming the place and the cause.
 */
export async function openDatabase(
  config: DatabaseConfig,
  options: OpenOptions,
): Promise<Result<DatabaseConnection, CordonError>> {
  return config.engine === 'embedded'
    ? openEmbedded(config.dataDir, options)
    : openPostgres(config.url, config.target, options);
}

async function openEmbedded(
  dataDir: string,
  options: OpenOptions,
): Promise<Result<DatabaseConnection, CordonError>> {
  const lock = acquireDataDirLock(dataDir, options.command);
  if (!lock.ok) return lock;
  const pgDataDir = path.join(dataDir, 'pgdata');
  try {
    const { existsSync } = await import('node:fs');
    const created = !existsSync(path.join(pgDataDir, 'PG_VERSION'));
    const pglite = await PGlite.create(pgDataDir);
    const pool = new pg.Pool(createPgConfig(pglite));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    let closed = false;
    return ok({
      db,
      engine: 'pglite',
      location: dataDir,
      lock: lock.value,
      created,
      async close() {
        if (closed) return;
        closed = true;
        try {
          await db.destroy();
          await pglite.close();
        } finally {
          lock.value.release();
        }
      },
    });
  } catch (error) {
    lock.value.release();
    throw error;
  }
}

async function openPostgres(
  url: string,
  target: string,
  options: OpenOptions,
): Promise<Result<DatabaseConnection, CordonError>> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  // The pool listens for errors only on idle connections. A connection that is checked out but
  // between two statements (inside a transaction, say) when the server terminates it would emit
  // an unhandled 'error' and kill the process; its next statement fails instead, as a value the
  // caller handles, and the pool discards it on release.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const result = await sql<{
      version: string;
    }>`select current_setting('server_version_num') as version`.execute(db);
    const versionNum = Number(result.rows[0]?.version ?? 0);
    if (Math.floor(versionNum / 10_000) < minimumPostgresVersion) {
      await db.destroy();
      return err(
        cordonError(
          'CORDON_DATABASE_UNSUPPORTED',
          `PostgreSQL at ${target} is version ${Math.floor(versionNum / 10_000)}; Cordon needs ${minimumPostgresVersion} or newer.`,
        ),
      );
    }
  } catch (error) {
    await db.destroy().catch(() => undefined);
    return err(
      cordonError(
        'CORDON_DATABASE_UNREACHABLE',
        `Cannot use PostgreSQL at ${target} (DATABASE_URL): ${describeConnectionFailure(error)}.`,
      ),
    );
  }
  let closed = false;
  return ok({
    db,
    engine: 'postgres',
    location: target,
    lock: undefined,
    created: false,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  });
}

/** Turns a driver error into a short cause a user can act on, never a stack trace. */
export function describeConnectionFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (is the server running and listening on that port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case '28P01':
    case '28000':
      return `authentication failed (${error.message})`;
    case '3D000':
      return `${error.message} (create it first)`;
    default:
      break;
  }
  if (error.message.includes('timeout')) return 'connection timed out';
  if (error instanceof AggregateError && error.errors.length > 0) {
    return describeConnectionFailure(error.errors[0]);
  }
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}
