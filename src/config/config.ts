import path from 'node:path';
import { err, ok, type Result } from '../domain/shared/result.ts';
import type { FieldProblem } from '../domain/shared/errors.ts';

/** Where Cordon keeps its data: the embedded PGlite directory, or a PostgreSQL server. */
export type DatabaseConfig =
  | { readonly engine: 'embedded'; readonly dataDir: string }
  | { readonly engine: 'postgres'; readonly url: string; readonly target: string };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Cordon's whole configuration, parsed once at start-up and passed down; nothing else reads the environment. */
export interface Config {
  readonly database: DatabaseConfig;
  readonly http: { readonly host: string; readonly port: number; readonly bodyLimitBytes: number };
  readonly logLevel: LogLevel;
}

/** Settings given on the command line; each overrides its environment variable. */
export interface ConfigFlags {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly databaseUrl?: string | undefined;
  readonly logLevel?: string | undefined;
}

export type Environment = Readonly<Record<string, string | undefined>>;

const logLevels: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

export const defaults = {
  host: '127.0.0.1',
  port: 8080,
  dataDir: path.join('.cordon', 'data'),
  bodyLimitBytes: 10 * 1024 * 1024,
  logLevel: 'info',
} as const;

/**
 * Parses the environment and flags into a typed `Config`, or lists every bad setting at once,
 * each named by the variable or flag the user wrote. Relative paths resolve against `cwd`.
 *
 * @example
 * parseConfig({ PORT: 'eighty' }, {}, '/srv') // err([{ field: 'PORT', problem: '...' }])
 */
export function parseConfig(
  env: Environment,
  flags: ConfigFlags,
  cwd: string,
): Result<Config, readonly FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const pick = (flag: string | undefined, flagName: string, envName: string) =>
    flag !== undefined
      ? { value: flag, source: flagName }
      : { value: nonEmpty(env[envName]), source: envName };

  const port = pick(flags.port, '--port', 'PORT');
  let portNumber: number = defaults.port;
  if (port.value !== undefined) {
    const parsed = /^\d{1,5}$/.test(port.value) ? Number(port.value) : Number.NaN;
    if (!Number.isInteger(parsed) || parsed > 65535) {
      problems.push({
        field: port.source,
        problem: `must be a port number from 0 to 65535, got "${port.value}"`,
      });
    } else {
      portNumber = parsed;
    }
  }

  const host = pick(flags.host, '--host', 'HOST');
  const hostValue = host.value ?? defaults.host;
  if (/\s/.test(hostValue) || hostValue.length === 0) {
    problems.push({
      field: host.source,
      problem: `must be a host name or address, got "${hostValue}"`,
    });
  }

  const level = pick(flags.logLevel, '--log-level', 'LOG_LEVEL');
  const levelValue = level.value ?? defaults.logLevel;
  if (!isLogLevel(levelValue)) {
    problems.push({
      field: level.source,
      problem: `must be one of ${logLevels.join(', ')}, got "${levelValue}"`,
    });
  }

  const url = pick(flags.databaseUrl, '--database-url', 'DATABASE_URL');
  const dataDir = pick(flags.dataDir, '--data-dir', 'CORDON_DATA_DIR');
  let database: DatabaseConfig | undefined;
  if (url.value !== undefined) {
    const target = describePostgresUrl(url.value);
    if (target.ok) {
      database = { engine: 'postgres', url: url.value, target: target.value };
    } else {
      problems.push({ field: url.source, problem: target.error });
    }
  } else {
    database = {
      engine: 'embedded',
      dataDir: path.resolve(cwd, dataDir.value ?? defaults.dataDir),
    };
  }

  const bodyLimit = nonEmpty(env['CORDON_BODY_LIMIT_BYTES']);
  let bodyLimitBytes: number = defaults.bodyLimitBytes;
  if (bodyLimit !== undefined) {
    const parsed = /^\d+$/.test(bodyLimit) ? Number(bodyLimit) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < 1024) {
      problems.push({
        field: 'CORDON_BODY_LIMIT_BYTES',
        problem: `must be a whole number of bytes, at least 1024, got "${bodyLimit}"`,
      });
    } else {
      bodyLimitBytes = parsed;
    }
  }

  if (problems.length > 0 || database === undefined || !isLogLevel(levelValue)) {
    return err(problems);
  }
  return ok({
    database,
    http: { host: hostValue, port: portNumber, bodyLimitBytes },
    logLevel: levelValue,
  });
}

/**
 * Checks a PostgreSQL connection URL and returns `host:port/database` for messages (never the password).
 */
export function describePostgresUrl(raw: string): Result<string, string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return err('must be a URL such as postgres://user@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return err(`must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  const host = url.hostname || 'localhost';
  const port = url.port || '5432';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
  return ok(`${host}:${port}/${database}`);
}

const isLogLevel = (value: string): value is LogLevel =>
  (logLevels as readonly string[]).includes(value);

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;
